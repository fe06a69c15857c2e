#!/usr/bin/env python3
"""Build one set of the blind claims corpus from what its writer and labeller made.

    python benchmarks/build_claims_set.py STAGING/DOMAIN benchmarks/data/claims/DOMAIN

STAGING/DOMAIN holds, from the writer, `timeline.yaml`, `articles/`, `manifest.json`
(file, reference_date, genre, domain, touches_timeline) and `writer-key.json` (the
errors the writer planted on purpose); from the labeller, who never saw the key,
`labels.json`. The set written to OUT has:

- `timeline.yaml`, `articles/` (originals) and `writer-key.json`, copied;
- the labels, with `genre` and `domain` from the manifest, and the writer's key
  reconciled: an error both found is labelled with `error_kind: natural` (the
  writer's verdict accepted too); an error the labeller judged supported is
  debatable, `optional`; an error the labeller left out is added from the key;
- perturbed copies (`NN-slug.perturbed-K.ext`), each with one time expression of a
  supported claim changed by rule (`error_kind`): another day, weekday, month, year
  or decade, or the date of a related event at the precision stated (conflation);
  a change that happens to fit a related event is labelled conflated.
- `agreement.json`: how many planted errors the labeller found on its own.

Deterministic: the same inputs give the same set.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import shutil
import sys
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
FORMS = [
    ("dmy", re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {MONTH_RE},? (?P<year>\d{{4}})$")),
    ("mdy", re.compile(rf"^{MONTH_RE} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})$")),
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)$")),
    ("my", re.compile(rf"^{MONTH_RE},? (?P<year>\d{{4}})$")),
    ("y", re.compile(r"^(?P<year>(?:19|20)\d\d)$")),
    ("wd", re.compile(r"^(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")),
]


@dataclass(frozen=True)
class Stated:
    """A time as written: its form and fields (month spelt as written)."""

    form: str
    year: int | None
    month: int | None
    day: int | None
    month_text: str | None
    weekday: str | None

    @property
    def precision(self) -> str:
        return {"dmy": "day", "mdy": "day", "iso": "day", "my": "month", "y": "year"}.get(
            self.form, "weekday"
        )

    def interval(self) -> tuple[date, date] | None:
        if self.year is None:
            return None
        if self.precision == "day":
            d = date(self.year, self.month or 1, self.day or 1)
            return d, d
        if self.precision == "month":
            last = calendar.monthrange(self.year, self.month or 1)[1]
            return date(self.year, self.month or 1, 1), date(self.year, self.month or 1, last)
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def render(self, year: int, month: int | None = None, day: int | None = None) -> str:
        month_text = _month_text(self.month_text, month) if month else None
        if self.form == "dmy":
            return f"{day} {month_text} {year}"
        if self.form == "mdy":
            return f"{month_text} {day}, {year}"
        if self.form == "iso":
            return f"{year:04d}-{month:02d}-{day:02d}"
        if self.form == "my":
            return f"{month_text} {year}"
        return str(year)


def _month_text(like: str | None, month: int) -> str:
    """The month spelt as the original spells its month (full, abbreviated, dotted)."""
    full = MONTHS[month - 1]
    if like is None or like.rstrip(".") in MONTHS:
        return full
    abbr = "Sept" if month == 9 and like.lower().startswith("sept") else full[:3]
    if full == "May":
        return "May"
    return abbr + ("." if like.endswith(".") else "")


def parse(text: str) -> Stated | None:
    for form, pattern in FORMS:
        m = pattern.match(text.strip())
        if not m:
            continue
        g = m.groupdict()
        if form == "wd":
            return Stated(form, None, None, None, None, g["weekday"])
        month = None
        if g.get("month"):
            month = ABBR.get(g["month"].rstrip(".").lower()[:4]) or ABBR.get(
                g["month"].rstrip(".").lower()[:3]
            )
        elif g.get("mnum"):
            month = int(g["mnum"])
        day = int(g["day"]) if g.get("day") else None
        year = int(g["year"])
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return None
        return Stated(form, year, month, day, g.get("month"), None)
    return None


@dataclass(frozen=True)
class Event:
    id: str
    start: date
    end: date
    precision: str
    entities: frozenset[str]
    confused_with: frozenset[str]
    kind: str | None
    parent: str | None


def _interval(value: Any) -> tuple[date, date, str]:
    if isinstance(value, date):
        return value, value, "day"
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d, "day"
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last), "month"
    return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"


def load_events(path: Path) -> dict[str, Event]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = {}
    for e in data["events"]:
        start, end, precision = _interval(e["date"])
        if e.get("end") is not None:
            end = _interval(e["end"])[1]
        events[e["id"]] = Event(
            e["id"],
            start,
            end,
            precision,
            frozenset(x.casefold() for x in e.get("entities") or ()),
            frozenset(e.get("confused_with") or ()),
            e.get("kind"),
            e.get("parent"),
        )
    return events


def related(a: Event, b: Event) -> bool:
    return a.id != b.id and (
        b.id in a.confused_with
        or a.id in b.confused_with
        or bool(a.entities & b.entities)
        or (a.kind is not None and a.kind == b.kind)
        or (a.parent is not None and a.parent in (b.parent, b.id))
        or b.parent == a.id
    )


def fits(interval: tuple[date, date], event: Event) -> bool:
    return interval[0] <= event.end and event.start <= interval[1]


PLAIN = ("year", "day", "month", "decade", "weekday")


def perturb(
    stated: Stated, event: Event, events: dict[str, Event], kind: str, rng: random.Random
) -> tuple[str, str, str | None] | None:
    """(new text, verdict, other event) for one kind of change, or None if it cannot be
    made here."""
    if stated.form == "wd":
        if kind != "weekday":
            return None
        days = {
            (event.start + timedelta(n)).weekday()
            for n in range((event.end - event.start).days + 1)
        }
        said = (stated.weekday or "").lower()  # never the weekday the text already says
        choices = [w for i, w in enumerate(WEEKDAYS) if i not in days and w.lower() != said]
        return (rng.choice(choices), "contradicted", None) if choices else None
    y, m, d = stated.year or 0, stated.month, stated.day
    if kind == "conflation":
        pool = sorted(
            (
                o
                for o in events.values()
                if related(event, o)
                and _rank(o.precision) >= _rank(stated.precision)
                and not fits((o.start, o.end), event)
            ),
            key=lambda o: (abs((o.start - event.start).days), o.id),
        )
        for other in pool[:4]:
            text = stated.render(other.start.year, other.start.month, other.start.day)
            new = parse(text)
            if new and (iv := new.interval()) and not fits(iv, event):
                return text, "conflated", other.id
        return None
    if kind == "weekday":
        return None
    for _ in range(20):
        ny, nm, nd = y, m, d
        if kind == "year":
            ny = y + rng.choice([-3, -2, -1, 1, 2, 3])
        elif kind == "decade":
            ny = y + rng.choice([-10, 10])
        elif kind == "month" and m is not None:
            nm = (m - 1 + rng.choice([-3, -2, -1, 1, 2, 3])) % 12 + 1
        elif kind == "day" and d is not None and m is not None:
            nd = d + rng.choice([-9, -6, -4, -3, -2, 2, 3, 4, 6, 9])
            if not 1 <= nd <= calendar.monthrange(y, m)[1]:
                continue
        else:
            return None
        if nd is not None and nm is not None and nd > calendar.monthrange(ny, nm)[1]:
            continue
        text = stated.render(ny, nm, nd)
        new = parse(text)
        if new is None or (iv := new.interval()) is None or fits(iv, event):
            continue
        other = next((o for o in events.values() if related(event, o) and fits(iv, o)), None)
        if other is not None:
            if _rank(other.precision) >= _rank(stated.precision):
                return text, "conflated", other.id
            continue  # fits a related event known less precisely: debatable, try another
        return text, "contradicted", None
    return None


def _rank(precision: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(precision, 0)


def reconcile(
    labels: list[dict[str, Any]], key: list[dict[str, Any]], events: dict[str, Event]
) -> dict[str, Any]:
    """Merge the writer's planted errors into the labeller's labels (see the module doc)."""
    by_file = {item["file"]: item for item in labels}
    found = judged_supported = added = 0
    for k in key:
        item = by_file.get(k["file"])
        if item is None or k.get("event") not in events:
            continue
        want = (
            "conflated"
            if k.get("kind") == "conflation" and k.get("other_event")
            else "contradicted"
        )
        match = next(
            (
                e
                for e in item["expect"]
                if e["line"] == k["line"]
                and (e["time_text"] in k["time_text"] or k["time_text"] in e["time_text"])
            ),
            None,
        )
        if match is None:
            entry = {
                "line": k["line"],
                "time_text": k["time_text"],
                "event": k["event"],
                "verdict": want,
                "error_kind": "natural",
                "source": "writer-key",
            }
            if want == "conflated":
                entry["other_event"] = k["other_event"]
                entry["accept_verdicts"] = ["contradicted"]
            item["expect"].append(entry)
            added += 1
        elif match["verdict"] in ("contradicted", "conflated"):
            match["error_kind"] = "natural"
            if match["verdict"] != want:
                match.setdefault("accept_verdicts", []).append(want)
            found += 1
        else:
            match["optional"] = True
            match["note"] = "writer planted an error here; the labeller judged it supported"
            judged_supported += 1
    return {
        "planted": len(key),
        "found_by_labeller": found,
        "judged_supported_by_labeller": judged_supported,
        "missed_by_labeller": added,
    }


def build(staging: Path, out: Path, per_article: int, seed: int) -> dict[str, Any]:
    events = load_events(staging / "timeline.yaml")
    manifest = {m["file"]: m for m in json.loads((staging / "manifest.json").read_text())}
    labels = json.loads((staging / "labels.json").read_text())
    key_path = staging / "writer-key.json"
    key = json.loads(key_path.read_text()) if key_path.exists() else []
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    shutil.copy(staging / "timeline.yaml", out / "timeline.yaml")
    shutil.copy(staging / "manifest.json", out / "manifest.json")
    if key_path.exists():
        shutil.copy(key_path, out / "writer-key.json")
    for item in labels:
        item["expect"] = [
            e for e in item["expect"] if e.get("event") in events or e.get("optional")
        ]
        meta = manifest.get(item["file"], {})
        item["genre"] = meta.get("genre", "-")
        item["domain"] = meta.get("domain", staging.name)
        item["perturbed"] = False
        shutil.copy(staging / item["file"], out / item["file"])
    agreement = reconcile(labels, key, events)
    for item in labels:  # an error the labeller found that the key places elsewhere
        for e in item["expect"]:
            if e["verdict"] != "supported" and "error_kind" not in e:
                e["error_kind"] = "natural"
    perturbed: list[dict[str, Any]] = []
    kinds = ["conflation", "year", "day", "month", "conflation", "decade", "weekday"]
    turn = 0
    for item in labels:
        rng = random.Random(seed ^ zlib.crc32(item["file"].encode()))
        text = (staging / item["file"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        supports = [
            e
            for e in item["expect"]
            if e["verdict"] == "supported" and not e.get("optional") and parse(e["time_text"])
        ]
        rng.shuffle(supports)
        made = 0
        done: set[tuple[int, str]] = set()  # (label, kind) already made
        for exp in [*supports, *supports]:  # a second pass: another kind of change
            if made >= per_article:
                break
            stated = parse(exp["time_text"])
            event = events[exp["event"]]
            line = lines[exp["line"] - 1] if exp["line"] <= len(lines) else ""
            if stated is None or line.count(exp["time_text"]) != 1:
                continue
            change = None
            for k in range(len(kinds)):
                kind = kinds[(turn + k) % len(kinds)]
                if (id(exp), kind) in done:
                    continue
                change = perturb(stated, event, events, kind, rng)
                if change:
                    done.add((id(exp), kind))
                    break
            if change is None:
                continue
            turn += 1
            new_text, verdict, other = change
            made += 1
            stem, ext = item["file"].rsplit(".", 1)
            name = f"{stem}.perturbed-{made}.{ext}"
            changed = list(lines)
            changed[exp["line"] - 1] = line.replace(exp["time_text"], new_text, 1)
            (out / name).write_text("\n".join(changed), encoding="utf-8")
            error = {
                "line": exp["line"],
                "time_text": new_text,
                "event": exp["event"],
                "verdict": verdict,
                "error_kind": kind,
                "original": exp["time_text"],
            }
            if other:
                error["other_event"] = other
            # the original's own (natural) errors stay, as debatable lines: a flag there is
            # no false alarm, and they are counted once, in the original
            rest = [
                {**e, "optional": True} if e["verdict"] != "supported" else e
                for e in item["expect"]
                if e is not exp
                # a second label of the same words (another event accepted) is changed too
                and not (e["line"] == exp["line"] and e["time_text"] == exp["time_text"])
            ]
            perturbed.append({**item, "file": name, "perturbed": True, "expect": [*rest, error]})
    all_labels = labels + perturbed
    (out / "labels.json").write_text(json.dumps(all_labels, indent=1, ensure_ascii=False) + "\n")
    counts = {
        "articles": len(labels),
        "no_timeline_event": sum(
            1 for i in labels if not manifest.get(i["file"], {}).get("touches_timeline", True)
        ),
        "perturbed_copies": len(perturbed),
        "supports": sum(
            1
            for i in labels
            for e in i["expect"]
            if e["verdict"] == "supported" and not e.get("optional")
        ),
        "natural_errors": sum(
            1 for i in labels for e in i["expect"] if e.get("error_kind") == "natural"
        ),
        "events": len(events),
        "writer_key": agreement,
    }
    (out / "agreement.json").write_text(json.dumps(counts, indent=1) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("staging", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-article", type=int, default=8, help="perturbed copies at most")
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args(argv)
    counts = build(args.staging, args.out, args.per_article, args.seed)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
