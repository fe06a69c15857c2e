#!/usr/bin/env python3
"""How flag precision and error recall move with each threshold of the claims engine.

    python benchmarks/claims_sweep.py benchmarks/data/claims/*/ [--only NAME ...]

For every threshold of `factcheck.thresholds.Thresholds` that names values to sweep,
the labelled sets are scored (in-process, `claims_eval.py`) with that one threshold
changed and the others at their defaults; a Markdown table per threshold is printed,
the default marked with `*`. Tuning on these figures is tuning on the corpus: a
choice made here needs a first score on a batch written after it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims_eval import InProcess, evaluate, summarise  # noqa: E402

from factcheck.thresholds import documented  # noqa: E402


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--only", nargs="*", default=None, help="thresholds to sweep")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets if (s / "labels.json").exists()]
    for name, default, doc, values in documented():
        if not values or (args.only is not None and name not in args.only):
            continue
        print(f"### `{name}` (default {default})\n\n{doc}\n")
        print("| value | flags | precision | recall | exact | support recall |")
        print("|---|---|---|---|---|---|")
        for value in values:
            o = summarise(evaluate(sets, InProcess({name: value})))["overall"]
            mark = " *" if value == default else ""
            print(
                f"| {value:g}{mark} | {o['flags']} | {_fmt(o['precision'])} | "
                f"{_fmt(o['recall'])} | {_fmt(o['exact'])} | {_fmt(o['support_recall'])} |",
                flush=True,
            )
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
