"""Score the temporal tagger on single-sentence cases: span and value exactly.

Usage: python benchmarks/sentence_eval.py [CASES.jsonl ...] [--failures]

A case line: {"id", "category", "text", "reference_date" (or null), "expected": [{"text",
"type", "value"}]}. A case passes when `factcheck dates` would list exactly the expected
expressions, same text and value, in order (TIMEX3 style: ``merge_ranges=False``). Prints
the pass rate overall and per category; ``--failures`` lists what failed.

`benchmarks/data/own-sentences-timex.jsonl` holds 686 cases written for this project by
annotators who did not see the tagger (TimeML conventions as they read them; a few cases
follow conventions the tagger does not, e.g. ages as durations, ``FY2024``, ``P2.5Y``).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import find_times  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                       "own-sentences-timex.jsonl")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("cases", nargs="*", default=[DEFAULT])
    parser.add_argument("--failures", action="store_true", help="list the failing cases")
    args = parser.parse_args()
    total: collections.Counter[str] = collections.Counter()
    passed: collections.Counter[str] = collections.Counter()
    for path in args.cases:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                case = json.loads(line)
                ref = case.get("reference_date")
                ref_date = datetime.date.fromisoformat(ref) if ref else None
                found = find_times(case["text"], ref_date, merge_ranges=False)
                got = [(t.text, t.value) for t in found]
                want = [(e["text"], e["value"]) for e in case["expected"]]
                category = case.get("category", "-")
                total[category] += 1
                if got == want:
                    passed[category] += 1
                elif args.failures:
                    print(f"FAIL {case.get('id', '?')} [{category}] ref={ref} {case['text']}")
                    print(f"     want {want}\n     got  {got}")
    n, ok = sum(total.values()), sum(passed.values())
    print(f"passed {ok}/{n} = {100 * ok / max(n, 1):.1f}%")
    for category in sorted(total):
        print(f"  {category:22} {passed[category]}/{total[category]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
