"""Suggested corrections in the article's own wording.

A contradicted or conflated calendar date ("24 June 2023", "July 2020", "June 23,
2023", "2020", "2020-07-29") is rewritten as the timeline's date in the same form and
at the same precision (no finer than the timeline knows): "23 June 2023", "June 2023".
A date spanning days (or months, years) at that precision becomes a range in the same
form ("23–24 June 2023"). Weekdays, relative times and orders get no rewrite: their
correction is not a matter of wording.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import CheckedClaim
    from .timeline import Event

MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?"
    r"|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
FORMS = {
    "iso": re.compile(r"\d{4}-\d{2}(?:-\d{2})?"),
    "dmy": re.compile(rf"(?P<day>\d{{1,2}}){_ORD} {_MONTH},? (?P<year>\d{{4}})"),
    "mdy": re.compile(rf"{_MONTH} (?P<day>\d{{1,2}}){_ORD}(?P<comma>,?) (?P<year>\d{{4}})"),
    "my": re.compile(rf"{_MONTH},? (?P<year>\d{{4}})"),
    "dm": re.compile(rf"(?P<day>\d{{1,2}}){_ORD} {_MONTH}"),
    "md": re.compile(rf"{_MONTH} (?P<day>\d{{1,2}}){_ORD}"),
    "y": re.compile(r"(?P<year>\d{4})"),
}
PRECISION = {
    "iso": None,
    "dmy": "day",
    "mdy": "day",
    "dm": "day",
    "md": "day",
    "my": "month",
    "y": "year",
}
_RANK = {"year": 0, "month": 1, "day": 2}


def _month_name(month: int, written: str) -> str:
    """The month as the article spells its months: in full, or abbreviated (with a dot
    if it used one)."""
    name = MONTHS[month - 1]
    bare = written.rstrip(".")
    if not bare or bare in MONTHS:
        return name
    short = "Sept" if month == 9 and bare == "Sept" else name[:3]
    return name if short == name else short + ("." if written.endswith(".") else "")


def _render(form: str, d: date, precision: str, m: re.Match[str]) -> str:
    month = _month_name(d.month, m.group("month")) if "month" in m.groupdict() else ""
    if form == "iso":
        return {"year": f"{d.year:04d}", "month": f"{d:%Y-%m}", "day": d.isoformat()}[precision]
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{month or MONTHS[d.month - 1]} {d.year}"
    if form == "dmy":
        return f"{d.day} {month} {d.year}"
    if form == "mdy":
        return f"{month} {d.day}{m.group('comma')} {d.year}"
    if form == "dm":
        return f"{d.day} {month}"
    return f"{month} {d.day}"


def _range(form: str, a: date, b: date, precision: str, m: re.Match[str]) -> str:
    """Two dates at one precision in the article's form, as compact as it reads."""
    first, last = _render(form, a, precision, m), _render(form, b, precision, m)
    if first == last:
        return first
    if form == "iso":
        return f"{first} to {last}"
    same_month = (a.year, a.month) == (b.year, b.month)
    if precision == "day" and same_month and form in ("dmy", "dm"):
        return f"{a.day}–{last}"  # 23–24 June 2023
    if precision == "day" and same_month and form in ("mdy", "md"):
        tail = f"{m.group('comma')} {a.year}" if form == "mdy" else ""
        return f"{_month_name(a.month, m.group('month'))} {a.day}–{b.day}{tail}"
    if precision == "month" and a.year == b.year:
        return f"{_month_name(a.month, m.group('month'))}–{last}"  # June–July 2023
    return f"{first} – {last}" if " " in first else f"{first}–{last}"


def rewrite(text: str, event: Event) -> str | None:
    """`text` (a calendar date as written) with the event's dates in its place, in its
    form and at its precision; None if `text` is no date of a form we know."""
    stripped = text.strip()
    for form, pattern in FORMS.items():
        m = pattern.fullmatch(stripped)
        if m is None:
            continue
        if form == "iso":
            precision = {4: "year", 7: "month", 10: "day"}[len(stripped)]
        else:
            precision = PRECISION[form]
        known = event.date.precision
        if event.end is not None and _RANK[event.end.precision] < _RANK[known]:
            known = event.end.precision
        if _RANK[known] < _RANK[precision]:  # the timeline knows less than the text says
            if form in ("dm", "md"):
                return None  # no year written, and none to give at a coarser precision
            precision = known
            if form != "iso":
                form = "my" if known == "month" else "y"
                m = _written(form, event.start)
        return _range(form, event.start, event.last, precision, m)
    return None


def _written(form: str, d: date) -> re.Match[str]:
    """A match of `form` as if the article had written `d` that way."""
    text = f"{MONTHS[d.month - 1]} {d.year}" if form == "my" else str(d.year)
    m = FORMS[form].fullmatch(text)
    assert m is not None
    return m


def replacement(claim: CheckedClaim) -> str | None:
    """The time expression rewritten to the timeline's date, for a contradicted or
    conflated calendar date whose text is plain (no markup inside); else None."""
    f = claim.finding
    c = f.claim
    if f.verdict not in ("contradicted", "conflated") or c.event is None:
        return None
    if c.kind != "date" or c.time.relation != "at" or c.time.type != "DATE":
        return None
    if claim.time_text != c.time.text:  # markup inside: a rewrite would drop it
        return None
    return rewrite(c.time.text, c.event)
