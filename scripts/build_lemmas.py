#!/usr/bin/env python3
"""Build `factcheck/data/irregular.tsv`: English irregular forms and their lemmas
("withdrew" withdraw, "bought" buy, "children" child), for the event matcher's stem.

The source is the English lemma exceptions of spacy-lookups-data (MIT; the table is
WordNet 3.0's, under the WordNet licence, which the output file's header repeats).
Only what a suffix-stripping stem cannot relate is kept: forms whose Snowball stem
differs from their lemma's. A form that is itself a verb or noun of WordNet ("found"
of to found, "ground", "felt", "bore") is left out: read as a lemma of another word
it would join words that are not the same. Deterministic: sorted output.

    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/sld
    python scripts/build_lemmas.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl
"""

from __future__ import annotations

import argparse
import gzip
import json
import zipfile
from pathlib import Path

import snowballstemmer

OUT = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "irregular.tsv"
HEADER = """\
# English irregular forms and their lemmas: form<TAB>lemma, one per line.
# Built by scripts/build_lemmas.py from spacy-lookups-data 1.0.5 (MIT,
# Copyright (c) 2019 ExplosionAI GmbH), en_lemma_exc: the exception lists of
# WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All rights
# reserved. Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or royalty is
# hereby granted, provided that you agree to comply with the following copyright
# notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications
# that you make for internal use or for distribution. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY
# PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS. The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software and/or
# database. Title to copyright in this software, database and any associated
# documentation shall at all times remain with Princeton University and LICENSEE
# agrees to preserve same.
"""


def _table(wheel: zipfile.ZipFile, name: str) -> dict:
    with wheel.open(f"spacy_lookups_data/data/{name}.json.gz") as raw:
        return json.loads(gzip.decompress(raw.read()))


def build(wheel_path: Path) -> list[tuple[str, str]]:
    stem = snowballstemmer.stemmer("english").stemWord
    with zipfile.ZipFile(wheel_path) as wheel:
        exceptions = _table(wheel, "en_lemma_exc")
        index = _table(wheel, "en_lemma_index")
    lemmas = set(index["verb"]) | set(index["noun"])
    out: dict[str, str] = {}
    for pos in ("verb", "noun"):
        for form, found in sorted(exceptions[pos].items()):
            lemma = found[0]
            if not form.isalpha() or not lemma.isalpha() or form in lemmas:
                continue
            if stem(form) != stem(lemma):
                out.setdefault(form, lemma)
    return sorted(out.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="the spacy-lookups-data 1.0.5 wheel")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.wheel)
    body = "".join(f"{form}\t{lemma}\n" for form, lemma in rows)
    args.out.write_text(HEADER + body, encoding="utf-8")
    print(f"{len(rows)} forms written to {args.out}")


if __name__ == "__main__":
    main()
