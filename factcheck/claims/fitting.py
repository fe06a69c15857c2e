"""Time arithmetic of claims: does a stated time fit an event, do two events stand in an
order, and what interval does a modified or delayed time allow.

Plain functions over `TimeExpr` (the tagger's output) and `Event` (the timeline's)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from ..timeline import Event
from ..timex import TimeExpr, interval_of
from ..timex.lexicon import names_a_day


def days_between(start: date | None, end: date | None, event: Event) -> int | None:
    """Days between the interval start..end and the event's (0 if they meet; None if the
    interval is not known)."""
    if start is None or end is None:
        return None
    if end < event.start:
        return (event.start - end).days
    return max(0, (start - event.last).days)


def days_apart(expr: TimeExpr, event: Event) -> int:
    """Days between the stated time and the event (0 if they meet, large if unknown)."""
    days = days_between(expr.start, expr.end, event)
    return 10**6 if days is None else days


def may_claim(expr: TimeExpr) -> bool:
    """Could the time expression give a claim ("delayed until April" may)? focus.py keeps
    the sentences of those that can."""
    return is_checkable(expr) or (expr.relation == "until" and is_checkable(at_time(expr)))


_PART_OF_DAY = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-WXX-\d|XXXX-XX-XX)T(?:MO|AF|EV|NI)\Z")


_DAY_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_DAY_WORD = re.compile(r"[A-Za-z]+|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


def _names_day(text: str) -> bool:
    """Does the text of a clock time name its day too ("10 a.m. this Saturday, Dec. 8",
    "2009-12-19 17:00"), not only the hour ("5:04 p.m.", whose day another expression
    may give)?"""
    return any(not w[0].isalpha() or names_a_day(w) for w in _DAY_WORD.findall(text))


def as_day(expr: TimeExpr) -> TimeExpr:
    """A part of a day ("Friday night", "last night": TIMEs, ``2023-06-09TNI``) dates
    what it says as that day does; so does a clock time on a day the expression names
    ("10 a.m. this Saturday, Dec. 8", "2009-12-19 17:00"). Other times are themselves: a
    clock alone ("at 10 a.m.") names no day."""
    if expr.type == "TIME" and (
        _PART_OF_DAY.match(expr.value)
        or (_DAY_CLOCK.match(expr.value) and expr.start is not None and _names_day(expr.text))
    ):
        return replace(expr, type="DATE", precision="day" if expr.start else expr.precision)
    return expr


def is_checkable(expr: TimeExpr) -> bool:
    expr = as_day(expr)
    if expr.type != "DATE" or expr.value.endswith("_REF"):
        return False
    if expr.relative and expr.precision in ("decade", "century", "none"):
        return False  # "the past decade": too vague to check
    if expr.start is not None and expr.end is not None:
        return True
    return expr.weekday is not None or expr.value.startswith("XXXX-")


def upcoming(event: Event, reference: date | None) -> bool:
    """Can a forecast in a document of `reference` be about `event`? Only if the event was
    still to come: "the mutiny will be commemorated in 2025" dates no past mutiny."""
    return reference is not None and event.start > reference


def at_time(expr: TimeExpr) -> TimeExpr:
    """The time itself, not the stretch up to it."""
    start, end, _ = interval_of(expr.value)
    if start is None or end is None:
        return expr
    return replace(expr, relation="at", start=start, end=end)


def widened(expr: TimeExpr, reference: date | None) -> TimeExpr:
    """The interval a modified time allows: "less than two weeks ago" is any day since
    then, "more than a year ago" any day before, "about three years ago" a year either
    side (one unit of its precision)."""
    if expr.start is None or expr.end is None or expr.mod is None:
        return expr
    if expr.mod in ("LESS_THAN", "EQUAL_OR_LESS") and expr.relative:
        if reference is not None and expr.start <= reference:
            return replace(expr, end=reference)
    elif expr.mod in ("MORE_THAN", "EQUAL_OR_MORE") and expr.relative:
        return replace(expr, start=date.min)
    elif expr.mod == "APPROX":
        unit = max(timedelta(days=7), expr.end - expr.start + timedelta(days=1))
        start = expr.start - unit if expr.start - date.min > unit else date.min
        end = expr.end + unit if date.max - expr.end > unit else date.max
        return replace(expr, start=start, end=end)
    return expr


def days_of(start: date, end: date) -> Iterable[date]:
    n = (end - start).days
    for i in range(min(n, 400) + 1):
        yield start + timedelta(days=i)


def fits(expr: TimeExpr, event: Event) -> bool | None:
    """Can the time expression be the event's time? None when it cannot be told."""
    es, ee = event.start, event.last
    if expr.start is not None and expr.end is not None and expr.relation in ("at", "between"):
        return expr.start <= ee and es <= expr.end
    if expr.relation == "since":  # the event began at the stated time
        start, end, _ = interval_of(expr.value)
        return None if start is None or end is None else start <= es <= end
    if expr.relation == "after" and expr.start is not None:
        return es >= expr.start
    if expr.relation == "before" and expr.end is not None:
        return ee <= expr.end
    if expr.relation == "until" and expr.end is not None:
        return es <= expr.end
    if expr.weekday is not None:
        if event.date.precision != "day":
            return None
        return any(d.weekday() == expr.weekday for d in days_of(es, ee))
    return _fits_pattern(expr.value, event)


def _fits_pattern(value: str, event: Event) -> bool | None:
    """Underspecified values such as XXXX-07-23 or XXXX-07 against the event's days."""
    m = re.match(r"^XXXX-(\d{2})(?:-(\d{2}))?$", value)
    if not m or (event.last - event.start).days > 400:
        return None
    month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    if day is not None and event.date.precision != "day":
        return None
    return any(
        d.month == month and (day is None or d.day == day) for d in days_of(event.start, event.last)
    )


def order_holds(relation: str, subject: Event, anchor: Event) -> bool:
    """Does `subject` stand in `relation` (since/after/before) to `anchor`?"""
    if relation in ("since", "after"):
        return subject.start >= anchor.start and subject.last >= anchor.last
    return subject.last <= anchor.start
