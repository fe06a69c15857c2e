"""Score `factcheck.timex.find_times` against TIMEX3 gold (TempEval-3 style).

Usage: python benchmarks/timex_eval.py GOLD.jsonl [GOLD.jsonl ...] [--errors N] [--by-file]
                                       [--no-ranges | --cli] [--by-rule]

Gold lines: {doc_id, dct, text, timexes: [{start, end, type, value}]}.  Runs
``find_times(text, dct)`` per document and prints strict span F1 (exact offsets),
relaxed F1 (overlap) and value F1 (overlap with equal value), scored like
``shared/tools/score_timex.py``, plus the most frequent error kinds and the speed.
``--no-ranges`` calls find_times(..., merge_ranges=False): TIMEX3 gold tags the two ends
of ``from 1985 to 1987`` separately, the fact-checker's default merges them.
``--cli`` scores exactly what the official scorer (shared/tools/eval_timex.py) scores: the
``factcheck dates --format json --reference-date DCT FILE`` path, run in-process: the DCT
goes through the CLI's own ``--reference-date`` parser (a DCT it rejects loses the whole
document, as the CLI exits with an error) and the text through `DatesReport.of_text`
with whatever merge_ranges setting `factcheck dates` uses.  ``--by-rule`` breaks the
errors down by the rule that found each expression (`TimeExpr.rule`) and by the pass
that set a wrong value last (`TimeExpr.norm`).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import TimeExpr, find_times  # noqa: E402


def load(paths: list[str]) -> list[dict]:
    docs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f if line.strip())
    return docs


def _norm(value: str | None) -> str:
    return (value or "").strip().upper()


def _ref(dct: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(dct[:10]) if dct else None
    except ValueError:
        return None


def score_doc(gold: list[dict], system: list[TimeExpr], counts: collections.Counter,
              errors: collections.Counter) -> None:
    """Add one document's counts (same matching as score_timex.py) and error kinds."""
    syss = [(t.start_char, t.end_char, _norm(t.value), t) for t in system]
    counts["gold"] += len(gold)
    counts["system"] += len(syss)
    used: set[int] = set()
    for g in gold:
        gs, ge, gv = g["start"], g["end"], _norm(g["value"])
        if any((s, e) == (gs, ge) for s, e, _, _ in syss):
            counts["strict"] += 1
        best = None
        for i, (s, e, v, _) in enumerate(syss):
            if i in used or s >= ge or e <= gs:
                continue
            if best is None or (v == gv and syss[best][2] != gv):
                best = i
        if best is None:
            errors[("missed", g["type"], g["text"].lower())] += 1
            continue
        used.add(best)
        counts["relaxed"] += 1
        t = syss[best][3]
        if syss[best][2] == gv:
            counts["value"] += 1
        else:
            errors[("value", g["text"].lower(), f"{t.value} != {g['value']}")] += 1
            errors[("rule", t.rule or "?", "value")] += 1
            if t.norm and t.norm != t.rule:
                errors[("norm", t.norm, "value")] += 1
        if (syss[best][0], syss[best][1]) != (gs, ge):
            errors[("span", syss[best][3].text.lower(), g["text"].lower())] += 1
            errors[("rule", t.rule or "?", "span")] += 1
    for i, (_, _, _, t) in enumerate(syss):
        errors[("rule", t.rule or "?", "found")] += 1
        if i not in used:
            errors[("spurious", t.type, t.text.lower())] += 1
            errors[("rule", t.rule or "?", "spurious")] += 1


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _cli_times(text: str, dct: str | None) -> list[TimeExpr]:
    """What `factcheck dates --format json --reference-date DCT FILE` reports."""
    import click

    from factcheck.cli import parse_reference_date
    from factcheck.dates import DatesReport

    try:
        ref = parse_reference_date(None, None, dct) if dct else None  # type: ignore[arg-type]
    except click.BadParameter:
        return []  # the CLI exits with a usage error: no output for this document
    return [t for t, _, _ in DatesReport.of_text(text, ref, "<doc>").times]


def run(docs: list[dict], merge_ranges: bool = True, cli: bool = False
        ) -> tuple[collections.Counter, collections.Counter, float, int]:
    counts: collections.Counter = collections.Counter()
    errors: collections.Counter = collections.Counter()
    elapsed = 0.0
    size = 0
    for d in docs:
        t0 = time.perf_counter()
        if cli:
            found = _cli_times(d["text"], d.get("dct"))
        else:
            found = find_times(d["text"], _ref(d.get("dct")), merge_ranges=merge_ranges)
        elapsed += time.perf_counter() - t0
        size += len(d["text"].encode("utf-8"))
        score_doc(d["timexes"], found, counts, errors)
    return counts, errors, elapsed, size


def report(name: str, counts: collections.Counter) -> None:
    print(f"== {name}: gold={counts['gold']} system={counts['system']}")
    for k in ("strict", "relaxed", "value"):
        p, r, f = prf(counts[k], counts["system"], counts["gold"])
        print(f"{k:8s} P={p:.4f} R={r:.4f} F1={f:.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--errors", type=int, default=25, help="error kinds to list per class")
    ap.add_argument("--by-file", action="store_true", help="also score each file alone")
    ap.add_argument("--no-ranges", action="store_true", help="find_times(merge_ranges=False)")
    ap.add_argument("--by-rule", action="store_true",
                    help="errors broken down by the rule that found / normalised each time")
    ap.add_argument("--cli", action="store_true",
                    help="score the `factcheck dates` path, as the official scorer does")
    args = ap.parse_args()
    if args.by_file:
        for path in args.gold:
            report(os.path.basename(path), run(load([path]), not args.no_ranges, args.cli)[0])
    counts, errors, elapsed, size = run(load(args.gold), not args.no_ranges, args.cli)
    report("all", counts)
    print(f"speed: {size / 1e6 / max(elapsed, 1e-9):.2f} MB/s ({size} bytes, {elapsed:.2f} s)")
    by_class: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for key, n in errors.items():
        by_class[key[0]][key[1:]] = n
    if args.by_rule:  # the rule that found each expression, the pass that valued it last
        print("-- by rule (found, spurious, span errors, value errors)")
        rules = sorted(
            {k[0] for k in by_class["rule"]}, key=lambda r: -by_class["rule"][(r, "found")]
        )
        for rule in rules:
            c = [by_class["rule"][(rule, kind)] for kind in ("found", "spurious", "span", "value")]
            print(f"  {rule:20s} {c[0]:5d} {c[1]:5d} {c[2]:5d} {c[3]:5d}")
        print("-- value errors by the pass that set the value last")
        for (rule, _), n in by_class["norm"].most_common():
            print(f"  {rule:20s} {n:5d}")
    for cls in ("missed", "spurious", "value", "span"):
        total = sum(by_class[cls].values())
        print(f"-- top {cls} ({total} in all)")
        for key, n in by_class[cls].most_common(args.errors):
            print(f"  {n:4d}  {' | '.join(key)}")


if __name__ == "__main__":
    main()
