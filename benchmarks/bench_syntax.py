"""Words per second of the shipped syntax model alone (tokenizer, tok2vec, tagger,
morphologizer, parser) on news text.

Usage: python benchmarks/bench_syntax.py TEXT_FILES... [--repeat N] [--model PATH]

Each file is plain text, or JSONL whose lines carry a ``text`` field (e.g. the TimeBank
file of ``../shared/data/timex/``). The texts are processed whole with ``nlp.pipe`` (one
process, CPU), best of N repeats; the script prints the words (non-space tokens), the
seconds, the words per second, and the same for spaCy's bare English tokenizer, for
scale. Nothing is asserted: timings are for the README, never for tests.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.syntax import model_path  # noqa: E402


def load_texts(paths: list[str]) -> list[str]:
    out: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = f.read()
        if path.endswith(".jsonl"):
            out.extend(
                json.loads(line).get("text") or "" for line in data.splitlines() if line.strip()
            )
        else:
            out.append(data)
    return out


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=str(model_path()), help="a spaCy pipeline")
    args = parser.parse_args()

    import spacy

    nlp = spacy.load(args.model)
    bare = spacy.blank("en")
    texts = load_texts(args.paths)
    words = sum(1 for doc in bare.pipe(texts) for t in doc if not t.is_space)
    list(nlp.pipe(texts[:5]))  # warm up
    parse = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    tokenize = best_of(args.repeat, lambda: list(bare.pipe(texts)))
    print(f"texts: {len(texts)}, words: {words}, pipeline: {', '.join(nlp.pipe_names)}")
    print(f"parser:    {parse:8.3f} s  {words / parse:10.0f} words/s")
    print(f"tokenizer: {tokenize:8.3f} s  {words / tokenize:10.0f} words/s")
    print(f"ratio parser / tokenizer: {parse / tokenize:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
