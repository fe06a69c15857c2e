#!/usr/bin/env python3
"""Score the claims engine against labelled sets: flag precision, error recall, exact
verdict and support recall, overall and per set, genre, domain, error kind and rule.

A set is a folder with `timeline.yaml`, `articles/` and `labels.json` in the format of
the development set (one object per file: `file`, `reference_date`, `perturbed`,
`expect` = [{`line`, `time_text`, `event`, `verdict`, `other_event`?, `accept_events`?,
`accept_verdicts`?, `optional`?}]); a file object may also carry `genre` and `domain`,
an expectation `error_kind` (how the error was made: `day`, `month`, `year`, `decade`,
`weekday`, `conflation`, `natural`). The matching is that of the scorer distributed
with the development set: a claim answers an expectation on the same line whose time
text contains the other's, and any flag on a line without a flag or optional label is
a false alarm.

    python benchmarks/claims_eval.py benchmarks/data/claims/*/            # in-process
    python benchmarks/claims_eval.py SET... --failures                   # every miss/alarm
    python benchmarks/claims_eval.py SET... --cli factcheck              # through the CLI
    python benchmarks/claims_eval.py SET... --set clear_description=85   # other thresholds
    python benchmarks/claims_eval.py SET... --json out.json              # all figures

Figures are printed as tables; `--json` writes them with the per-claim outcomes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

FLAGS = ("contradicted", "conflated")


@dataclass
class Tally:
    flags: int = 0
    true_flags: int = 0
    errors: int = 0
    detected: int = 0
    exact: int = 0
    supports: int = 0
    supported: int = 0
    files: int = 0
    failures: int = 0
    original_flags: int = 0  # flags in the unperturbed articles, as a reader meets them
    original_true_flags: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, Any]:
        return {
            "precision": ratio(self.true_flags, self.flags),
            "original_precision": ratio(self.original_true_flags, self.original_flags),
            "recall": ratio(self.detected, self.errors),
            "exact": ratio(self.exact, self.errors),
            "support_recall": ratio(self.supported, self.supports),
            "flags": self.flags,
            "false_alarms": self.flags - self.true_flags,
            "errors": self.errors,
            "supports": self.supports,
            "files": self.files,
            "failures": self.failures,
        }


def ratio(a: int, b: int) -> float | None:
    return round(100 * a / b, 1) if b else None


@dataclass
class Outcome:
    """What happened to one labelled file."""

    set: str
    file: str
    genre: str
    domain: str
    tally: Tally = field(default_factory=Tally)
    misses: list[dict[str, Any]] = field(default_factory=list)
    alarms: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    # per error kind: [errors, detected]; per rule: [flags, true flags]
    kinds: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    rules: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    trace_rules: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


def same_time(claim: dict[str, Any], exp: dict[str, Any]) -> bool:
    t = (claim.get("time") or {}).get("text", "")
    e = exp["time_text"]
    return claim.get("line") == exp["line"] and bool(t) and (t in e or e in t)


def event_ok(claim: dict[str, Any], exp: dict[str, Any]) -> bool:
    got = (claim.get("event") or {}).get("id")
    return got == exp["event"] or got in exp.get("accept_events", [])


def score_file(item: dict[str, Any], claims: list[dict[str, Any]], outcome: Outcome) -> None:
    """Compare one file's claims with its labels (the development scorer's rules)."""
    tally = outcome.tally
    tally.files += 1
    flag_lines = {e["line"] for e in item["expect"] if e["verdict"] in FLAGS or e.get("optional")}
    for c in claims:
        if c.get("verdict") not in FLAGS:
            continue
        tally.flags += 1
        good = c.get("line") in flag_lines
        tally.true_flags += good
        if not item.get("perturbed"):
            tally.original_flags += 1
            tally.original_true_flags += good
        rule = c.get("rule", "?")
        outcome.rules[rule][0] += 1
        outcome.rules[rule][1] += good
        for code in dict.fromkeys(c.get("trace") or []):
            outcome.trace_rules[code][0] += 1
            outcome.trace_rules[code][1] += good
        if not good:
            outcome.alarms.append(_brief(c))
    for e in item["expect"]:
        if e.get("optional"):
            continue
        hits = [c for c in claims if same_time(c, e)]
        if e["verdict"] in FLAGS:
            tally.errors += 1
            kind = e.get("error_kind", "unlabelled")
            outcome.kinds[kind][0] += 1
            found = [c for c in hits if c.get("verdict") in FLAGS and event_ok(c, e)]
            if found:
                tally.detected += 1
                outcome.kinds[kind][1] += 1
                ok = {e["verdict"], *e.get("accept_verdicts", [])}
                tally.exact += any(c["verdict"] in ok for c in found)
            else:
                outcome.misses.append({"expect": e, "got": [_brief(c) for c in hits]})
        else:
            tally.supports += 1
            tally.supported += any(c.get("verdict") == "supported" and event_ok(c, e) for c in hits)


def _brief(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "line": c.get("line"),
        "time": (c.get("time") or {}).get("text"),
        "verdict": c.get("verdict"),
        "event": (c.get("event") or {}).get("id"),
        "rule": c.get("rule"),
        "trace": c.get("trace"),
        "sentence": c.get("sentence"),
        "head": ((c.get("time") or {}).get("head") or {}).get("text"),
        "path": (c.get("time") or {}).get("path"),
    }


class InProcess:
    """`factcheck` as a library: one Checker per set (the timeline indexed once)."""

    def __init__(self, thresholds: dict[str, float]) -> None:
        from factcheck.thresholds import DEFAULT

        self.thresholds = DEFAULT.replace(**thresholds)

    def claims(self, setdir: Path, items: list[dict[str, Any]]) -> Iterable[Any]:
        import factcheck

        checker = factcheck.Checker(
            factcheck.load_timeline([setdir / "timeline.yaml"]), thresholds=self.thresholds
        )
        for item in items:
            ref = item.get("reference_date")
            try:
                report = checker.check_file(
                    str(setdir / item["file"]), date.fromisoformat(ref) if ref else None
                )
            except Exception as exc:  # a crash is a failed run, scored as no claims
                yield [], f"{item['file']}: {type(exc).__name__}: {exc}"
                continue
            if report.error:
                yield [], report.error
            else:
                yield [c.to_dict() for c in report.claims], None


class ThroughCli:
    """`factcheck --format json` as a command, once per file (as the development scorer)."""

    def __init__(self, command: str) -> None:
        self.command = command

    def claims(self, setdir: Path, items: list[dict[str, Any]]) -> Iterable[Any]:
        for item in items:
            cmd = [self.command, "--format", "json", "--fail-on", "never"]
            cmd += ["--timeline", str(setdir / "timeline.yaml")]
            if item.get("reference_date"):
                cmd += ["--reference-date", item["reference_date"]]
            cmd.append(str(setdir / item["file"]))
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
            try:
                rep = json.loads(p.stdout)
                yield [c for f in rep["files"] for c in f.get("claims", [])], None
            except (json.JSONDecodeError, KeyError):
                yield [], f"{item['file']}: exit {p.returncode} {p.stderr.strip()[-200:]}"


def evaluate(sets: list[Path], engine: InProcess | ThroughCli) -> list[Outcome]:
    outcomes = []
    for setdir in sets:
        labels = json.loads((setdir / "labels.json").read_text(encoding="utf-8"))
        for item, (claims, error) in zip(labels, engine.claims(setdir, labels), strict=True):
            outcome = Outcome(
                setdir.name,
                item["file"],
                item.get("genre", "-"),
                item.get("domain", setdir.name),
            )
            if error:
                outcome.error = error
                outcome.tally.failures += 1
            score_file(item, claims, outcome)
            outcomes.append(outcome)
    return outcomes


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    total = Tally()
    groups: dict[str, dict[str, Tally]] = {
        k: defaultdict(Tally) for k in ("set", "genre", "domain")
    }
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    trace_rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        total.add(o.tally)
        groups["set"][o.set].add(o.tally)
        groups["genre"][o.genre].add(o.tally)
        groups["domain"][o.domain].add(o.tally)
        for src, dst in ((o.kinds, kinds), (o.rules, rules), (o.trace_rules, trace_rules)):
            for key, (a, b) in src.items():
                dst[key][0] += a
                dst[key][1] += b
    return {
        "overall": total.figures(),
        **{
            f"by_{name}": {k: t.figures() for k, t in sorted(g.items())}
            for name, g in groups.items()
        },
        "by_error_kind": {
            k: {"errors": a, "detected": b, "recall": ratio(b, a)}
            for k, (a, b) in sorted(kinds.items())
        },
        "by_rule": {
            k: {"flags": a, "true_flags": b, "precision": ratio(b, a)}
            for k, (a, b) in sorted(rules.items())
        },
        "by_trace_rule": {
            k: {"flags": a, "true_flags": b, "precision": ratio(b, a)}
            for k, (a, b) in sorted(trace_rules.items())
        },
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def print_tables(summary: dict[str, Any], out: Any = sys.stdout) -> None:
    o = summary["overall"]
    print(
        f"overall: precision {_fmt(o['precision'])} (originals {_fmt(o['original_precision'])})"
        f"  recall {_fmt(o['recall'])}  "
        f"exact {_fmt(o['exact'])}  support recall {_fmt(o['support_recall'])}  "
        f"({o['flags']} flags, {o['false_alarms']} false alarms, {o['errors']} errors, "
        f"{o['supports']} supports, {o['files']} files, {o['failures']} failed runs)",
        file=out,
    )
    head = "| {} | files | flags | precision | recall | exact | support recall |"
    for name in ("set", "genre", "domain"):
        print(file=out)
        print(head.format(name), file=out)
        print("|---|---|---|---|---|---|---|", file=out)
        for key, f in summary[f"by_{name}"].items():
            print(
                f"| {key} | {f['files']} | {f['flags']} | {_fmt(f['precision'])} | "
                f"{_fmt(f['recall'])} | {_fmt(f['exact'])} | {_fmt(f['support_recall'])} |",
                file=out,
            )
    print(file=out)
    print("| error kind | errors | detected | recall |", file=out)
    print("|---|---|---|---|", file=out)
    for key, f in summary["by_error_kind"].items():
        print(f"| {key} | {f['errors']} | {f['detected']} | {_fmt(f['recall'])} |", file=out)
    for title, key in (("deciding rule", "by_rule"), ("rule in the trace", "by_trace_rule")):
        print(file=out)
        print(f"| {title} | flags | true flags | flag precision |", file=out)
        print("|---|---|---|---|", file=out)
        for rule, f in summary[key].items():
            print(
                f"| {_rule_label(rule)} | {f['flags']} | {f['true_flags']} | "
                f"{_fmt(f['precision'])} |",
                file=out,
            )


def _rule_label(key: str) -> str:
    """ "FC505 conflation" for a rule's code or name, as registered."""
    from factcheck.rules import lookup

    rule = lookup(key)
    return f"{rule.id} {rule.name}" if rule else key


def print_failures(outcomes: list[Outcome], out: Any = sys.stdout) -> None:
    for o in outcomes:
        where = f"{o.set}/{o.file}"
        if o.error:
            print(f"fail  {where}: {o.error}", file=out)
        for m in o.misses:
            e = m["expect"]
            print(
                f"miss  {where}:{e['line']} want {e['verdict']} {e['time_text']!r} "
                f"({e['event']}; {e.get('error_kind', '-')})",
                file=out,
            )
            for g in m["got"]:
                print(
                    f"        got {g['verdict']} {g['event']} trace {g['trace']} "
                    f"head {g['head']!r} path {g['path']}",
                    file=out,
                )
            if m["got"]:
                print(f"        {(m['got'][0]['sentence'] or '')[:200]}", file=out)
        for a in o.alarms:
            print(
                f"alarm {where}:{a['line']} {a['verdict']} {a['time']!r} {a['event']} "
                f"trace {a['trace']}",
                file=out,
            )
            print(f"        {(a['sentence'] or '')[:200]}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="labelled set folders")
    parser.add_argument("--cli", metavar="COMMAND", help="run this factcheck command per file")
    parser.add_argument("--failures", action="store_true", help="list every miss and alarm")
    parser.add_argument("--json", metavar="FILE", help="write every figure as JSON")
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a threshold of factcheck.thresholds (in-process only; repeatable)",
    )
    args = parser.parse_args(argv)
    overrides = {}
    for item in args.overrides:
        name, _, value = item.partition("=")
        overrides[name] = float(value)
    sets = [s for s in args.sets if (s / "labels.json").exists()]
    if not sets:
        parser.error("no set folder with a labels.json")
    engine = ThroughCli(args.cli) if args.cli else InProcess(overrides)
    outcomes = evaluate(sets, engine)
    summary = summarise(outcomes)
    if args.failures:
        print_failures(outcomes)
        print()
    print_tables(summary)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
