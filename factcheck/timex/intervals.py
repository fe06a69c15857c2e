"""TIMEX3 values to calendar intervals, and the last touches to each expression
(relation, modifier, bounds) before it is returned."""

from __future__ import annotations

import calendar
import datetime
import re

from .expr import TimeExpr, _Cand, _Ctx
from .lexicon import _SEASON_START


def _add_months(d: datetime.date, k: int) -> datetime.date:
    idx = d.year * 12 + d.month - 1 + k
    y, m = divmod(idx, 12)
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return datetime.date(y, m + 1, day)


def _week_value(d: datetime.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


_PRECISIONS = [
    (r"\d{4}-\d\d-\d\dT", "time"),
    (r"\d{4}-\d\d-\d\d$", "day"),
    (r"\d{4}-W\d\d-WE$", "week"),
    (r"\d{4}-W\d\d$", "week"),
    (r"\d{4}-\d\d$", "month"),
    (r"\d{4}-(?:SP|SU|FA|WI)$", "season"),
    (r"\d{4}-Q[1-4]$", "quarter"),
    (r"\d{4}-H[12]$", "half"),
    (r"\d{4}$", "year"),
    (r"\d{3}$", "decade"),
    (r"\d{2}$", "century"),
]


# The patterns above as one alternation, tried in that order (one match instead of up to
# eleven): the group that matched names the precision.
_PRECISION_RE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PRECISIONS)))


_PRECISION_OF_GROUP = {f"p{i}": precision for i, (_, precision) in enumerate(_PRECISIONS)}


def interval_of(value: str) -> tuple[datetime.date | None, datetime.date | None, str]:
    """Inclusive (start, end, precision) of a TIMEX3 date value; never raises."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None, None, "none"


def _interval(value: str) -> tuple[datetime.date | None, datetime.date | None, str]:
    m = _PRECISION_RE.match(value)
    if m is not None:
        precision = _PRECISION_OF_GROUP[m.lastgroup or ""]
        start, end = _bounds(value, precision)
        return start, end, precision
    return None, None, _loose_precision(value)


def _loose_precision(value: str) -> str:
    if value.startswith("XXXX-WXX-"):
        return "weekday"
    if value.startswith("T") or "T" in value[10:]:
        return "time"
    if re.fullmatch(r"XXXX-\d\d", value):
        return "month"
    if re.fullmatch(r"XXXX-(?:\d\d|XX)-(?:\d\d|XX)", value):
        return "day"
    if re.fullmatch(r"XXXX-(?:SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"XXXX-Q\d|XXXX-H\d", value):
        return "quarter"
    return "none"


def _bounds(value: str, precision: str) -> tuple[datetime.date, datetime.date]:
    date = datetime.date
    if precision in {"time", "day"}:
        d = date.fromisoformat(value[:10])
        return d, d
    y = int(value[:4])
    if precision == "week":
        monday = date.fromisocalendar(y, int(value[6:8]), 1)
        if value.endswith("WE"):
            return monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6)
        return monday, monday + datetime.timedelta(days=6)
    if precision == "month":
        m = int(value[5:7])
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if precision in {"season", "quarter", "half"}:
        span = 6 if precision == "half" else 3
        part = int(value[6]) if precision != "season" else 0
        first = _SEASON_START[value[5:]] if precision == "season" else span * (part - 1) + 1
        start = date(y, first, 1)
        last = _add_months(start, span - 1)
        return start, date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    if precision == "year":
        return date(y, 1, 1), date(y, 12, 31)
    if precision == "decade":
        y = int(value) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    y = int(value) * 100
    return date(max(y, 1), 1, 1), date(y + 99, 12, 31)


def _apply_mod(
    start: datetime.date, end: datetime.date, mod: str | None
) -> tuple[datetime.date, datetime.date]:
    """START / MID / END: first / middle / last third of the days of the interval."""
    if mod not in {"START", "MID", "END"}:
        return start, end
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return start, start + datetime.timedelta(days=third - 1)
    if mod == "END":
        return end - datetime.timedelta(days=third - 1), end
    return start + datetime.timedelta(days=third), max(
        end - datetime.timedelta(days=third), start + datetime.timedelta(days=third)
    )


def _finish(ctx: _Ctx, c: _Cand) -> TimeExpr:
    """The public `TimeExpr`: interval from the value, narrowed by mod and relation."""
    start, end, precision = (None, None, "none")
    if c.type in {"DATE", "TIME"}:
        start, end, precision = interval_of(c.value)
        if start is not None and end is not None:
            start, end = _apply_mod(start, end, c.mod)
    value = c.value
    if "range_end" in c.extra:
        value = f"{c.value}/{c.extra['range_end']}"
        end = interval_of(c.extra["range_end"])[1] or end
        c.relation = "between"
    if c.value == "PRESENT_REF" and ctx.ref:
        start = end = ctx.ref
    elif c.value == "PAST_REF" and ctx.ref:
        end = ctx.ref
    elif c.value == "FUTURE_REF" and ctx.ref:
        start = ctx.ref
    if c.bounds is not None:
        start = c.bounds[0] if c.bounds[0] is not None else start
        end = c.bounds[1] if c.bounds[1] is not None else end
    start, end = _relation_bounds(ctx, c.relation, start, end)
    if c.weekday is not None and precision == "none":
        precision = "weekday"
    return TimeExpr(
        ctx.text[c.start_char : c.end_char],
        c.start_char,
        c.end_char,
        c.type,
        value,
        start,
        end,
        precision,
        c.relation,
        c.mod,
        c.weekday,
        c.relative,
        not c.year_explicit and c.with_year is not None and "narrative_year" not in c.extra,
        c.extra.get("rule", ""),
        c.extra.get("norm") or c.extra.get("rule", ""),
    )


def _relation_bounds(
    ctx: _Ctx, relation: str, start: datetime.date | None, end: datetime.date | None
) -> tuple[datetime.date | None, datetime.date | None]:
    one = datetime.timedelta(days=1)
    if relation == "since":
        return start, ctx.ref if ctx.ref and start and ctx.ref >= start else None
    if relation == "until":
        return None, end
    if relation == "before":
        return None, start - one if start and start > datetime.date.min else None
    if relation == "after":
        return end + one if end and end < datetime.date.max else None, None
    return start, end


_FOCUS_VALUE = re.compile(r"\d{4}-(?:Q[1-4]|H[12])$")


_FOCUS_DISTANCE = 400


_YEAR_VALUE = re.compile(r"\d{4}$")


_YEAR_REACH = 120  # chars: the same sentence, about


def _anchor_years_back(cands: list[_Cand]) -> None:
    """``a year earlier`` / ``a year ago`` after a quarter (or half) in focus refers to that
    quarter N years back (``third-quarter sales rose from a year earlier``).
    """
    focus: _Cand | None = None
    last: _Cand | None = None
    for c in cands:
        back = c.extra.get("years_back")
        near = focus is not None and c.start_char - focus.end_char <= _FOCUS_DISTANCE
        year = last if last is not None and _YEAR_VALUE.match(last.value) else None
        if (
            back
            and "anaphoric" in c.extra
            and not near
            and year is not None
            and c.start_char - year.end_char <= _YEAR_REACH
        ):  # "grew 0.9% last year, down from 2.7% a year earlier": the year before that one
            c.value = f"{int(year.value[:4]) - int(back):04d}"
            last = c
            continue
        if c.type in {"DATE", "TIME"}:
            last = c
        if "focus_year" in c.extra and near and focus is not None:
            c.value = c.extra["focus_year"] + focus.value[4:]  # "the 2022 quarter"
        elif back == "0" and focus is not None and c.start_char - focus.end_char <= _FOCUS_DISTANCE:
            c.value = focus.value  # "the latest period"
        elif back and focus is not None and c.start_char - focus.end_char <= _FOCUS_DISTANCE:
            c.value = f"{int(focus.value[:4]) - int(back):04d}{focus.value[4:]}"
        elif c.type == "DATE" and _FOCUS_VALUE.match(c.value) and "range_end" not in c.extra:
            focus = c


_WEEK_OF = re.compile(r"(?<![\w-])(?:[Tt]he|THE)\s+(?:week|WEEK)\s+(?:of|OF)\s+$")


_RESOLVED_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


def _week_of(ctx: _Ctx, cands: list[_Cand]) -> None:
    """``the week of March 4``: the (ISO) week containing that day."""
    for c in cands:
        if c.type != "DATE" or "range_end" in c.extra or not _RESOLVED_DAY.match(c.value):
            continue
        m = _WEEK_OF.search(ctx.text, max(0, c.start_char - 20), c.start_char)
        if m:
            day = datetime.date.fromisoformat(c.value)
            c.start_char, c.value, c.weekday = m.start(), _week_value(day), None


def _split_day_ranges(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """TIMEX3 style: ``June 23-24`` / ``23 and 24 June`` as two expressions, one a day."""
    out: list[_Cand] = []
    for c in cands:
        split = c.extra.get("split")
        if not split or "range_end" not in c.extra:
            out.append(c)
            continue
        a_end, b_start = (int(x) for x in split.split(","))
        while a_end < c.end_char and ctx.text[a_end].isalpha():  # "23rd"
            a_end += 1
        first = _Cand(
            c.start_char,
            a_end,
            "DATE",
            c.value,
            relative=c.relative,
            year_explicit=c.year_explicit,
            mod=c.mod,
        )
        second = _Cand(
            b_start,
            c.end_char,
            "DATE",
            c.extra["range_end"],
            relative=c.relative,
            year_explicit=c.year_explicit,
        )
        first.extra["rule"] = second.extra["rule"] = c.extra.get("rule", "")
        out.extend((first, second))
    return out
