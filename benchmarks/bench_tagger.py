"""Time the temporal tagger against spaCy's bare tokenizer on the same texts.

Usage: python benchmarks/bench_tagger.py TEXT_FILES... [--repeat N] [--budget 0.5]

Each file is plain text, or JSONL whose lines carry a ``text`` field (the TIMEX3 gold
files: their texts are read in place, never copied).  In one run it times
``spacy.blank("en").tokenizer`` over all texts (via ``nlp.pipe`` with no components,
i.e. tokenisation only) and ``find_times(text, reference_date)`` over the same texts,
best of N interleaved repeats each, and prints both times and the ratio tagger / tokenizer.  The
budget (default 0.5: the tagger adds at most 50% to the tokenizer's time) sets the exit
code: 0 within budget, 1 over it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import find_times  # noqa: E402


def load_texts(paths: list[str]) -> list[tuple[str, datetime.date | None]]:
    """(text, reference date) of every document in the files."""
    out: list[tuple[str, datetime.date | None]] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = f.read()
        if path.endswith(".jsonl"):
            for line in data.splitlines():
                if not line.strip():
                    continue
                doc = json.loads(line)
                out.append((doc.get("text") or "", _date(doc.get("dct"))))
        else:
            out.append((data, None))
    return out


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each, the best counts")
    ap.add_argument("--budget", type=float, default=0.5, help="largest acceptable ratio")
    args = ap.parse_args()

    import spacy  # imported here: its import time is not the tokenizer's

    docs = load_texts(args.files)
    texts = [t for t, _ in docs]
    size = sum(len(t.encode("utf-8")) for t in texts)
    nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, max((len(t) for t in texts), default=0) + 1)

    def tokenize() -> None:
        for _ in nlp.pipe(texts):  # a blank pipeline: make_doc (the tokenizer) only
            pass

    def tag() -> None:
        for text, ref in docs:
            find_times(text, ref)

    tokenize()  # warm up both (lazy regex compilation, caches)
    tag()
    t_tok = t_tag = float("inf")
    for _ in range(args.repeat):  # interleaved, so that both see the same machine load
        t_tok = min(t_tok, best_of(1, tokenize))
        t_tag = min(t_tag, best_of(1, tag))
    ratio = t_tag / t_tok if t_tok else float("inf")
    print(f"documents: {len(texts)}, {size / 1e6:.2f} MB")
    print(f"spaCy tokenizer: {t_tok:.3f} s ({size / 1e6 / max(t_tok, 1e-9):.2f} MB/s)")
    print(f"find_times:      {t_tag:.3f} s ({size / 1e6 / max(t_tag, 1e-9):.2f} MB/s)")
    verdict = "within" if ratio <= args.budget else "OVER"
    print(f"ratio tagger/tokenizer: {ratio:.3f} ({verdict} budget {args.budget})")
    return 0 if ratio <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
