"""Train factcheck's syntax model (issue 14) on UD English EWT, evaluate it, ship it.

    python scripts/train_syntax.py /path/to/UD_English-EWT [--work DIR] [--install]

The treebank directory holds ``en_ewt-ud-{train,dev,test}.conllu`` (CC BY-SA 4.0;
it never enters the repository). The script

1. converts the three files with spaCy's CoNLL-U converter into ``WORK/corpus``
   (one sentence per Doc, gold tokenisation);
2. trains the pinned config ``scripts/syntax.cfg`` (fixed seeds, CPU) into
   ``WORK/train``: a small CNN tok2vec, a tagger (Penn tags), a morphologizer
   (UPOS and features) and a dependency parser;
3. evaluates ``WORK/train/model-best`` on the test and dev files and writes
   the scores (UAS, LAS, UPOS, XPOS, words per second) to
   ``WORK/train/scores.json``;
4. with ``--install``, copies the pipeline (without training state) into
   ``factcheck/syntax/model/`` together with the licence and attribution, and
   the scores into ``factcheck/syntax/scores.json``.

``--evaluate-only MODEL`` skips training and evaluates an existing pipeline
(the shipped one: ``--evaluate-only factcheck/syntax/model``); with ``--install``
it ships that pipeline (e.g. a ``model-best`` trained earlier with this config).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "scripts" / "syntax.cfg"
PACKAGE = ROOT / "factcheck" / "syntax"
SPLITS = ("train", "dev", "test")
# what a loadable pipeline needs; the rest of model-best is dropped when shipping
SHIPPED = (
    "config.cfg",
    "meta.json",
    "tokenizer",
    "vocab",
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
)


def convert(ud_dir: Path, corpus: Path) -> dict[str, Path]:
    """The treebank's CoNLL-U files as spaCy DocBins, one sentence per Doc."""
    corpus.mkdir(parents=True, exist_ok=True)
    out = {}
    for split in SPLITS:
        src = ud_dir / f"en_ewt-ud-{split}.conllu"
        if not src.is_file():
            sys.exit(f"error: {src} not found")
        dest = corpus / f"en_ewt-ud-{split}.spacy"
        if not dest.is_file() or dest.stat().st_mtime < src.stat().st_mtime:
            cmd = [sys.executable, "-m", "spacy", "convert", str(src), str(corpus)]
            subprocess.run([*cmd, "-c", "conllu", "-n", "1"], check=True)
        out[split] = dest
    return out


def train(corpus: dict[str, Path], output: Path, overrides: list[str]) -> Path:
    """Train the pinned config on CPU; returns the best pipeline (by dev score)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [
        sys.executable, "-m", "spacy", "train", str(CONFIG),
        "--output", str(output),
        "--paths.train", str(corpus["train"]),
        "--paths.dev", str(corpus["dev"]),
        "--gpu-id", "-1",
        *overrides,
    ]  # fmt: skip
    subprocess.run(cmd, check=True, env=env)
    return output / "model-best"


def evaluate(model: Path, data: Path) -> dict[str, float]:
    """UAS, LAS, UPOS, XPOS (percentages) and words per second on one DocBin, with
    gold tokenisation: each sentence is parsed as its own Doc."""
    import spacy
    from spacy.scorer import Scorer
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(data).get_docs(nlp.vocab))
    # the predicted Docs: the gold words and spaces, no annotation
    examples = [Example(_words(nlp, d), d) for d in gold]
    words = sum(len(d) for d in gold)
    begin = time.perf_counter()
    for eg, doc in zip(examples, nlp.pipe(eg.predicted for eg in examples), strict=True):
        eg.predicted = doc
    seconds = time.perf_counter() - begin
    scores = Scorer(nlp).score(examples)
    return {
        "uas": round(100 * scores["dep_uas"], 2),
        "las": round(100 * scores["dep_las"], 2),
        "upos": round(100 * scores["pos_acc"], 2),
        "xpos": round(100 * scores["tag_acc"], 2),
        "morph": round(100 * scores["morph_acc"], 2),
        "sentences": len(gold),
        "words": words,
        "words_per_second": round(words / seconds),
    }


def _words(nlp: Any, gold: Any) -> Any:
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])


def install(model: Path, scores: dict[str, Any]) -> None:
    """Copy the pipeline's loadable parts into the package, with licence and scores."""
    dest = PACKAGE / "model"
    if dest.resolve() == model.resolve():  # re-scoring the shipped model
        (PACKAGE / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
        return
    keep = {"LICENSE", "README.md"}
    if dest.is_dir():
        for child in dest.iterdir():
            if child.name not in keep:
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    dest.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED:
        src = model / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    meta = json.loads((dest / "meta.json").read_text())
    meta.update(
        name="factcheck_syntax",
        version="1.0.0",
        description="factcheck's tagger and dependency parser, trained on UD English EWT",
        author="factcheck contributors; training data: UD English EWT (Silveira et al. 2014)",
        license="CC BY-SA 4.0",
        spacy_version=">=3.7.0,<4.0.0",  # its architectures are all in spaCy 3.7
        sources=[
            {
                "name": "UD English EWT",
                "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                "license": "CC BY-SA 4.0",
            }
        ],
    )
    (dest / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    (PACKAGE / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ud_dir", type=Path, help="directory of en_ewt-ud-*.conllu")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "factcheck-syntax",
        help="work directory outside the repository (default: %(default)s)",
    )
    parser.add_argument("--install", action="store_true", help="ship the model in the package")
    parser.add_argument("--evaluate-only", type=Path, metavar="MODEL", help="only evaluate MODEL")
    parser.add_argument(
        "overrides", nargs="*", default=[], help="extra spaCy config overrides (--section.key v)"
    )
    args, extra = parser.parse_known_args(argv)
    work: Path = args.work.resolve()
    if ROOT in work.parents or work == ROOT:
        parser.error("the work directory must be outside the repository (the treebank stays out)")
    corpus = convert(args.ud_dir, work / "corpus")
    if args.evaluate_only:
        model = args.evaluate_only
        out = work / "scores.json"
    else:
        model = train(corpus, work / "train", [*args.overrides, *extra])
        out = work / "train" / "scores.json"
    scores = {split: evaluate(model, corpus[split]) for split in ("test", "dev")}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(scores, indent=2) + "\n")
    print(json.dumps(scores, indent=2))
    if args.install:
        install(model, scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
