"""Dates counted in units: "two years ago", "this week", "the following day", "the
weekend", quarters and halves of a year, the period a report covers."""

from __future__ import annotations

import datetime
import re

from .context import (
    _after_word,
    _distance,
    _is_future,
    _next_word,
    _prev_words,
    _tense,
    _valid_day,
)
from .expr import _Cand, _Ctx
from .intervals import _add_months, _week_value, interval_of
from .lexicon import _MONTH_ALT, _SEQUEL, month_number
from .quantity import (
    _duration_value,
    _Quant,
)

_OF_YEAR = re.compile(
    r"\s+(?:of\s+)?(?:(?P<y>\d{4})(?!\w)|(?P<rel>this|last|next|the)\s+year\b)",
    re.IGNORECASE,
)


# value pattern an antecedent needs, per unit, for ``that year`` / ``the following month``
_ANAPHOR_VALUE = {
    "Y": re.compile(r"(\d{4})(?!\d)"),
    "M": re.compile(r"(\d{4})-(\d\d)(?!\d)"),
    "W": re.compile(r"(\d{4})-(\d\d)-(\d\d)(?!\d)"),
    "D": re.compile(r"(\d{4})-(\d\d)-(\d\d)(?!\d)"),
    "Q": re.compile(r"(\d{4})-(?:Q([1-4])|(\d\d))(?!\d)"),  # a quarter, or a month in one
}


def _anaphor(m: re.Match[str], ctx: _Ctx, unit: str) -> _Cand | None:
    """``(later) that year``, ``earlier that day``, ``the following month``: the unit of
    the date last mentioned (see `_resolve_anaphors`); the reference's one until then."""
    prev = _prev_words(ctx.text, m.start(), 2)
    if not prev:
        return None
    if prev[0][0] == "that":
        s, shift = prev[0][1], 0
        if len(prev) > 1 and prev[1][0] in {"earlier", "later"}:
            s = prev[1][1]
    elif prev[0][0] == "same" and len(prev) > 1 and prev[1][0] == "the" and unit != "D":
        # "the same year": the year just told (not "the same day": the claims engine reads
        # the day of another event into it)
        s, shift = prev[1][1], 0
    elif prev[0][0] in _SEQUEL and len(prev) > 1 and prev[1][0] == "the":
        before = _prev_words(ctx.text, prev[1][1], 1)
        if prev[0][0] != "following" and before and before[0][0] in _STRETCH_BEFORE:
            return None  # "over the next year": a stretch from now
        s, shift = prev[1][1], _SEQUEL[prev[0][0]]
    else:
        return None
    if ctx.ref is None:
        value = _UNKNOWN_UNIT[unit]
    else:
        value = _unit_value(_shift(ctx.ref, unit, shift), unit)
    cand = _Cand(s, m.end(), "DATE", value, relative=True)
    cand.extra["anaphor"] = f"{unit}{shift}"
    return cand


# the last 4 letters of the words before an anaphoric unit: a quick test
_ANAPHOR_TAILS = frozenset({"that", "wing", "next", "ious", "ding", "same"})


_STRETCH_BEFORE = frozenset("over in during within for through throughout".split())


def _resolve_anaphors(cands: list[_Cand]) -> None:
    """Anchor ``that year`` / ``the following day`` to the last date before it."""
    last: _Cand | None = None
    quarter: _Cand | None = None  # "the second quarter ended Oct. 31 ... that quarter"
    for c in cands:
        ana = c.extra.get("anaphor")
        if "needs_told" in c.extra and (last is None or last.relative):
            c.extra["drop"] = "1"  # "the year after" a year told, not one counted from today
            continue
        if ana and last is not None:
            unit, shift = ana[:1], int(ana[1:])
            told = quarter if unit == "Q" and quarter is not None else last
            found = _ANAPHOR_VALUE[unit].match(told.value)
            if found:
                parts = [int(x) for x in found.groups() if x]
                if unit == "Q" and found.group(2):  # 1989-Q3: its first month
                    parts[1] = (parts[1] - 1) * 3 + 1
                d = datetime.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
                c.value = _unit_value(_shift(d, unit, shift), unit)
                if "part" in c.extra:  # "that night": TIME of that day
                    c.value += "T" + c.extra["part"]
                if "season" in c.extra:  # "that winter": that year's
                    c.value += "-" + c.extra["season"]
        if c.type in {"DATE", "TIME"} and c.value[:1].isdigit():
            last = c
            if c.value[4:6] == "-Q":
                quarter = c


_PERIOD_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.IGNORECASE)


_ENDED_ON = re.compile(
    rf"\s+(?:that\s+|which\s+)?(?P<verb>ended|ends|ending)\s+(?:on\s+)?"
    rf"(?P<mon>{_MONTH_ALT})\s+(?P<d>\d{{1,2}})(?!\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)


def _quarter_ended(ctx: _Ctx, pos: int) -> str | None:
    """Value of ``the quarter ended Sept. 30``: the calendar quarter that overlaps most the
    three months up to that day (the day 45 days back lies in it: ``ended July 31`` is Q2
    of a fiscal calendar).  The day's year: written, else the last such day on or before
    the reference date (``ending``: the closest one); without either ``XXXX-Qn``."""
    m = _ENDED_ON.match(ctx.text, pos)
    if not m:
        return None
    month = month_number(m["mon"])
    day = int(m["d"])
    if m["y"]:
        year = int(m["y"])
    elif ctx.ref is not None:
        options = [
            y
            for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
            if _valid_day(y, month, day)
        ]
        if not options:
            return None
        days = {y: datetime.date(y, month, day) for y in options}
        back = [y for y in options if days[y] <= ctx.ref]
        if m["verb"].lower() == "ended" and back:
            year = back[-1]
        else:
            year = min(options, key=lambda y: abs((days[y] - ctx.ref).days))  # type: ignore[operator]
    else:
        if not _valid_day(2000, month, day):
            return None
        probe = datetime.date(2001, month, day) - datetime.timedelta(days=45)
        return f"XXXX-Q{(probe.month - 1) // 3 + 1}"
    if not _valid_day(year, month, day):
        return None
    probe = datetime.date(year, month, day) - datetime.timedelta(days=45)
    return f"{probe.year:04d}-Q{(probe.month - 1) // 3 + 1}"


_PERIOD_BACK = re.compile(r"\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))\b", re.IGNORECASE)


def _h_period(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``the latest period``: the reporting period in focus, i.e. the quarter (or half)
    last named, else the last completed quarter; ``the same period last year`` /
    ``the comparable period a year ago`` is that period a year back.
    """
    prev = _prev_words(ctx.text, m.start(), 3)
    words = [w for w, _ in prev]
    if words[:1] == ["fiscal"]:
        words, prev = words[1:], prev[1:]
    if len(words) < 2 or words[1] != "the":
        return None
    if _next_word(ctx.text, m.end()).lower() in {"of", "in", "when", "since"}:
        return None  # "the latest period of unrest"
    back = _PERIOD_BACK.match(ctx.text, m.end())
    if words[0] in {"latest", "current", "recent"}:
        years = 0
    elif words[0] in {"same", "comparable", "corresponding"} and back:
        years = 1
    else:
        return None
    e = back.end() if back else m.end()
    if ctx.ref is None:
        return _Cand(prev[1][1], e, "DATE", "XXXX-QX", relative=True)
    d = _shift(ctx.ref, "Q", -1 - 4 * years)
    cand = _Cand(prev[1][1], e, "DATE", _unit_value(d, "Q"), relative=True)
    cand.extra["years_back"] = str(years)
    return cand


def _for_the_unit(text: str, start: int, end: int) -> bool:
    """``For the year, profit rose``: the current year (a reporting period)."""
    words = _prev_words(text, start, 1)
    return bool(words) and words[0][0] == "for" and text[end : end + 1] in {",", ".", ";"}


def _after_of(text: str, pos: int) -> bool:
    """``(the end) of the year``: a bare ``the year`` means the current one."""
    words = _prev_words(text, pos, 1)
    return bool(words) and words[0][0] == "of"


def _part_of(text: str, pos: int) -> bool:
    """``the end of`` / ``the middle of`` ... right before pos."""
    words = _prev_words(text, pos, 2)
    return [w for w, _ in words] in (
        ["of", "end"],
        ["of", "beginning"],
        ["of", "start"],
        ["of", "middle"],
        ["of", "close"],
    )


def _mod_code(mod: str | None) -> str | None:
    return None if mod in {"earlier", "later"} else mod


def _shift(d: datetime.date, unit: str, n: float) -> datetime.date:
    k = int(n)
    if unit == "D":
        return d + datetime.timedelta(days=k)
    if unit in {"W", "F", "WE"}:
        return d + datetime.timedelta(weeks=k * (2 if unit == "F" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    return _add_months(d, k * months)


def _unit_value(d: datetime.date, unit: str) -> str:
    if unit in {"D"}:
        return d.isoformat()
    if unit in {"W", "F"}:
        return _week_value(d)
    if unit == "WE":
        return _week_value(d) + "-WE"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


_PERIOD_NOUN = re.compile(r"\s+(?:quarter|period|month|week)\b", re.IGNORECASE)


def _the_before(text: str, pos: int) -> int:
    """Start of a ``the`` right before pos, else pos."""
    prev = _prev_words(text, pos, 1)
    return prev[0][1] if prev and prev[0][0] == "the" else pos


def _shifted(
    m: re.Match[str], ctx: _Ctx, q: _Quant, unit: str, right: re.Match[str]
) -> _Cand | None:
    """``two years ago``, ``a year earlier``: a date counted back from the reference."""
    if right.group(0)[0] == "-" and q.number in (None, 1) and not q.vague:
        q.number, q.start = 1, m.start()  # "year-earlier", "the year-ago quarter"
    sign = 1 if right.group(1).lower()[0] in "hf" else -1  # "hence", "from now"
    if q.number is None and not q.vague:
        if m.group(0)[-1:] in "sS" and not q.direction and not q.has_the and sign < 0:
            # "months ago": TimeBank tags the vague stretch back, DURATION PXM
            return _Cand(m.start(), right.end(), "DURATION", _duration_value(None, unit))
        return None
    e = right.end()
    noun = _PERIOD_NOUN.match(ctx.text, e) if right.group(0)[0] == "-" else None
    if noun:  # "the year-ago quarter"
        e = noun.end()
        q.start = _the_before(ctx.text, q.start)
    if unit in {"H", "MIN", "S"}:
        return _Cand(q.start, e, "DURATION", _duration_value(q.number, unit))
    if q.number is None:
        return _Cand(q.start, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", relative=True)
    told_back = (
        right.group(1).lower() == "earlier"
        and unit in {"D", "W", "M"}  # "a year earlier": see _anchor_years_back
        and not _THAN.match(ctx.text, e)
        and q.number == int(q.number)
        and not q.vague
        and not noun
    )
    if ctx.ref is None:  # "two days ago" with no date to count from: a day, unknown
        year_unit = "Y" if unit in {"DE", "CE"} else unit
        cand = _Cand(q.start, e, "DATE", _UNKNOWN_UNIT.get(year_unit, "XXXX"), relative=True)
        if told_back:
            cand.extra["told_back"] = f"{unit}{int(q.number)}"
        return cand
    d = _shift(ctx.ref, unit, sign * q.number)
    # "a decade ago" is a year ten years back, as "ten years ago" (not the decade)
    value = _unit_value(d, "Y" if unit in {"DE", "CE"} else unit)
    if noun and unit == "Y" and noun.group(0).split()[-1].lower() in {"quarter", "period"}:
        # "the year-ago quarter" with no quarter in focus: the last completed one, back
        value = _unit_value(_shift(d, "Q", -1), "Q")
    cand = _Cand(q.start, e, "DATE", value, relative=True, mod=_mod_code(q.mod))
    if told_back:
        cand.extra["told_back"] = f"{unit}{int(q.number)}"
    if unit == "Y" and sign < 0 and q.number == int(q.number):
        cand.extra["years_back"] = str(int(q.number))
        if right.group(1).lower() == "earlier":
            cand.extra["anaphoric"] = "1"  # "a year earlier" counts from the year just told
    return cand


def _this_unit(m: re.Match[str], ctx: _Ctx, q: _Quant, unit: str, plural: bool) -> _Cand | None:
    """``this year``, ``last month``, ``next week``, ``the weekend``."""
    if unit in {"H", "MIN", "S"}:
        if (
            q.has_the
            and not plural
            and q.direction in {"next", "past", "last", "coming"}
            and ctx.text[m.start() - 1] != "-"  # "the last-minute effort"
        ):
            n = q.number if q.number is not None else 1  # "in the next (half) hour"
            return _Cand(q.start, m.end(), "DURATION", _duration_value(n, unit))
        return None
    if (
        unit in {"DE", "CE"}
        and not plural
        and q.has_the
        and q.direction in {"next", "coming"}
        and _after_word(ctx.text, q.start, _STRETCH_BEFORE)
    ):  # "over the next decade": ten years from now, as "the past decade" up to now
        return _Cand(q.start, m.end(), "DURATION", _duration_value(1, unit))
    if plural and q.direction == "recent" and unit in {"D", "W", "M", "Y", "DE"}:
        before = _prev_words(ctx.text, q.start, 1)
        if before and before[0][0] in {"in", "over", "during", "for"}:
            # "in recent years": the stretch up to now, TIMEX3 DURATION PXY
            return _Cand(q.start, m.end(), "DURATION", _duration_value(None, unit))
    if q.direction == "future" and not plural:
        return None  # "a future year": no time of its own
    if q.direction == "past" and not plural and unit in {"DE", "CE"} and q.has_the:
        # "over the past decade": the ten years up to now (not the 2010s)
        return _Cand(q.start, m.end(), "DURATION", _duration_value(1, unit))
    if plural and q.direction == "coming" and unit in {"D", "W", "M", "Y"}:
        # "in the coming weeks": a stretch from now, as "the next few weeks" (PXW)
        return _Cand(q.start, m.end(), "DURATION", _duration_value(None, unit))
    if plural:
        ref_kind = "FUTURE_REF" if q.direction in {"next", "coming", "future"} else "PAST_REF"
        return _Cand(q.start, m.end(), "DATE", ref_kind, relative=True)
    if ctx.ref is None:
        return _Cand(q.start, m.end(), "DATE", _UNKNOWN_UNIT.get(unit, "XXXX"), relative=True)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(q.direction, 0)
    if unit == "Q" and q.direction in {"latest", ""} or unit == "Y" and q.direction == "latest":
        step = -1  # "the (latest) quarter", "the latest fiscal year": the last reported one
        if not q.direction and _part_of(ctx.text, q.start) and _is_future(ctx, q.start, m.end()):
            step = 0  # "will be completed by the end of the quarter": the current one
    if unit == "WE" and q.direction == "this":  # the weekend of the reference's week
        return _Cand(q.start, m.end(), "DATE", _week_value(ctx.ref) + "-WE", relative=True)
    if unit == "WE" and step == 0:
        return _weekend(m, ctx, q)
    d = _shift(ctx.ref, unit, step)
    cand = _Cand(q.start, m.end(), "DATE", _unit_value(d, unit), relative=True)
    if q.mod == "earlier":
        cand.bounds = (None, ctx.ref)
    elif q.mod == "later":
        cand.bounds = (ctx.ref, None)
    return cand


_IN_THE_LEFT = re.compile(r"\b((?i:earlier|later))\s+in\s+the\s+$")


_IN_THE_UNITS = {"year": "Y", "month": "M", "week": "W"}


def _h_in_the_unit(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``earlier in the year``, ``later in the month``: the reference's year, month, week
    (not ``later in the day``: news means the day just named, which corpora leave)."""
    left = _IN_THE_LEFT.search(ctx.text, max(0, m.start() - 20), m.start())
    if left is None or ctx.text.startswith(("'s", "’s"), m.end()):
        return None
    unit = _IN_THE_UNITS[m.group(0).lower()]
    if ctx.ref is None:
        return _Cand(left.start(), m.end(), "DATE", _UNKNOWN_UNIT[unit], relative=True)
    cand = _Cand(left.start(), m.end(), "DATE", _unit_value(ctx.ref, unit), relative=True)
    cand.bounds = (None, ctx.ref) if left.group(1).lower() == "earlier" else (ctx.ref, None)
    return cand


_UNKNOWN_UNIT = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}


def _weekend(m: re.Match[str], ctx: _Ctx, q: _Quant) -> _Cand:
    assert ctx.ref is not None
    ref = ctx.ref
    if _is_future(ctx, q.start, m.end()):
        sat = ref + datetime.timedelta(days=(5 - ref.weekday()) % 7)
    else:
        sat = ref - datetime.timedelta(days=(ref.weekday() - 5) % 7)
    return _Cand(q.start, m.end(), "DATE", _week_value(sat) + "-WE", relative=True)


def _ordinal_part(m: re.Match[str], ctx: _Ctx, q: _Quant, unit: str) -> _Cand | None:
    """``the third quarter (of 2023)``, ``the 1988 second quarter``, ``first-half``."""
    n = q.ordinal
    count = 4 if unit == "Q" else 2
    letter = "Q" if unit == "Q" else "H"
    if n is None or not 1 <= n <= count:
        return None
    start, end = q.start, m.end()
    year: int | None = None
    shift: int | None = None
    tail = _OF_YEAR.match(ctx.text, end)
    lo = max(0, q.ordinal_start - 30)
    head = _YEAR_PREFIX.search(ctx.text, lo, q.ordinal_start)
    if unit == "HALF" and not (tail or head or q.direction == "fiscal"):
        return None  # "in the first half" of a match
    if tail and tail["y"] and 1000 <= int(tail["y"]) <= 2199:
        year, end = int(tail["y"]), tail.end()
    elif tail and tail["rel"]:
        shift, end = {"last": -1, "next": 1}.get(tail["rel"].lower(), 0), tail.end()
        if (
            not shift
            and ctx.ref is not None
            and n > (ctx.ref.month - 1) * count // 12 + 1
            and _tense(ctx, start, end) == "past"
        ):  # "slowed in the second half of the year" (in January): not begun, so last year's
            shift = -1
    elif head:
        start = min(start, head.start())
        if head["y"]:
            year = int(head["y"])
        else:
            shift = {"last": -1, "next": 1}.get(head["rel"].lower(), 0)
    adjectival = not (tail or head) and ctx.text[m.start() - 1] == "-"
    if adjectival:  # "third-quarter profit": no "the"
        start = q.ordinal_start
    relative = year is None and ctx.ref is not None
    if relative and shift is None and unit == "Q":  # "the fourth quarter" (of which year)
        year = _quarter_year(ctx, start, end, n)
    elif relative:
        assert ctx.ref is not None
        year = ctx.ref.year + (shift or 0)
    value = f"{year:04d}-{letter}{n}" if year else f"XXXX-{letter}{n}"
    return _Cand(
        start,
        end,
        "DATE",
        value,
        relative=relative,
        takes_the=not adjectival,
        year_explicit=not relative and year is not None,
    )


def _quarter_year(ctx: _Ctx, s: int, e: int, n: int) -> int:
    """A yearless quarter is the closest one, or with a past tense the last one begun by
    the reference date; never pushed ahead by a future cue: results are reported after
    the quarter (``expects to report third-quarter net``)."""
    assert ctx.ref is not None
    ref = ctx.ref
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        start, end, _ = interval_of(f"{y:04d}-Q{n}")
        if start is not None and end is not None:
            options.append((y, start, end))
    if _tense(ctx, s, e) == "past":
        back = [o for o in options if o[1] <= ref]
        if back:
            return back[-1][0]
    return min(options, key=lambda o: _distance(ref, o[1], o[2]))[0] if options else ref.year


_YEAR_PREFIX = re.compile(
    r"(?:\b(?P<y>1\d{3}|2[01]\d{2})(?:['’]s)?|\b(?P<rel>this|last|next)\s+year['’]s)"
    r"\s+(?:fiscal\s+)?$",
    re.IGNORECASE,
)


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)  # "seven months earlier than planned"


_TOLD_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
_TOLD_MONTH = re.compile(r"(\d{4})-(\d\d)$")


def _anchor_told_back(ctx: _Ctx, cands: list[_Cand]) -> None:
    """``ratified on 14 January 1998 ... twenty days earlier``: counted back from the day
    (or month) just told, not from the reference date, when one was told within about two
    sentences; at the precision of that date (``three weeks earlier`` is a day then)."""
    last: _Cand | None = None
    for c in cands:
        back = c.extra.get("told_back")
        if back and last is not None and c.start_char - last.end_char <= _TOLD_REACH:
            unit, n = back[:1], int(back[1:])
            day = _TOLD_DAY.match(last.value)
            month = _TOLD_MONTH.match(last.value)
            if day:
                told = datetime.date(*(int(x) for x in day.groups()))
                c.value = _shift(told, unit, -n).isoformat()
                c.relative = last.relative
            elif month and unit in {"M", "Y"}:
                told = datetime.date(int(month[1]), int(month[2]), 1)
                c.value = _unit_value(_shift(told, unit, -n), "M")
                c.relative = last.relative
        if c.type in {"DATE", "TIME"} and (
            _TOLD_DAY.match(c.value[:10]) or _TOLD_MONTH.match(c.value)
        ):
            last = c


_TOLD_REACH = 300  # chars: about two sentences


_YEAR_THEN_DAY = re.compile(r"\s*,\s*(?:on|in|at|during|by)?\s*(?:the\s+)?")
_OF_THAT_YEAR = re.compile(r"\s+of\s+that\s+year\b", re.IGNORECASE)
_THE_FOLLOWING = re.compile(r"\b(?:[Tt]he|THE)\s+(?:following|next)\s+$")
_TOLD_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _told_calendar(ctx: _Ctx, cands: list[_Cand]) -> None:
    """A yearless month, season, holiday or weekday tied to the date just told: ``in June
    of that year`` (that year's June), ``the following April`` / ``the following autumn`` /
    ``the following Tuesday`` (the first one after it)."""
    text = ctx.text
    last: _Cand | None = None
    for c in cands:
        told = _TOLD_VALUE.match(last.value) if last is not None else None
        if told is not None and c.type == "DATE":
            of_that = _OF_THAT_YEAR.match(text, c.end_char)
            following = _THE_FOLLOWING.search(text, max(0, c.start_char - 20), c.start_char)
            if "year_of_told" in c.extra and c.with_year is not None:  # "June of that year"
                c.value, c.relative = c.with_year(int(told[1])), last.relative
            elif c.year_explicit and c.weekday is None:
                pass
            elif (
                c.with_year is not None
                and len(last.value) == 4
                and not last.relative  # a year written, not "four years ago"
                and _YEAR_THEN_DAY.fullmatch(text, last.end_char, c.start_char)
            ):  # "In 2010, on Easter Sunday": that year's
                c.value, c.relative, c.year_explicit = c.with_year(int(told[1])), False, True
            elif of_that and c.with_year is not None:
                c.value, c.end_char = c.with_year(int(told[1])), of_that.end()
                c.relative, c.year_explicit = last.relative, True
            elif following and c.with_year is not None and c.weekday is None:
                y = int(told[1])
                value = c.with_year(y)
                start, since = interval_of(value)[0], interval_of(last.value)[0]
                if start is None or since is None or start <= since:
                    value = c.with_year(y + 1)
                c.value, c.start_char = value, following.start()
                c.relative, c.year_explicit = last.relative, True
            elif following and c.weekday is not None and told[3]:
                day = datetime.date(int(told[1]), int(told[2]), int(told[3]))
                day += datetime.timedelta(days=(c.weekday - day.weekday()) % 7 or 7)
                c.value, c.start_char, c.relative = day.isoformat(), following.start(), True
        if c.type in {"DATE", "TIME"} and c.value[:4].isdigit() and "anaphor" not in c.extra:
            last = c
