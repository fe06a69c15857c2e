"""The unit-word rule: ``three days``, ``a decade-long war``, ``twice a week``, ``for
hours``; the quantity left of the word is read by `quantity`, dated uses (``two years
ago``, ``this week``) are valued by `periods`."""

from __future__ import annotations

import re

from .context import (
    _FUNCTION_WORDS,
    _after_word,
    _next_word,
    _prev_words,
    _tense,
)
from .expr import _Cand, _Ctx
from .lexicon import _UNITS
from .periods import (
    _ANAPHOR_TAILS,
    _ANAPHOR_VALUE,
    _OF_YEAR,
    _PERIOD_ENDED,
    _UNKNOWN_UNIT,
    _after_of,
    _anaphor,
    _for_the_unit,
    _mod_code,
    _ordinal_part,
    _part_of,
    _quarter_ended,
    _shift,
    _shifted,
    _this_unit,
    _unit_value,
)
from .quantity import (
    _AND_HALF_RIGHT,
    _duration_value,
    _parse_number_words,
    _Quant,
    _read_quant,
)

_FRACTION_OF = re.compile(r"\s+of\b(?:\s+an?\s+(century|hour)\b)?", re.IGNORECASE)


_UNIT_RIGHT = re.compile(
    r"(?:\s+or\s+so)?(?:\s+|-)(ago|earlier|later|from\s+now|hence|old)\b", re.IGNORECASE
)


def _h_unit(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    word = m.group(0).lower()
    plural = word.endswith("s")
    unit = _UNITS["century" if word == "centuries" else word.removesuffix("s")]
    q = _read_quant(ctx.text, m.start())
    if ctx.text.startswith("-long", m.end()) and not ctx.text[m.end() + 5 : m.end() + 6].isalpha():
        # "a decade-long war" P10Y, "a months-long standoff" PXM, "a 10-day-long trip" P10D
        e = m.end() + 5
        if q.number is not None and ctx.text[m.start() - 1] == "-":
            return _Cand(q.number_start, e, "DURATION", _duration_value(q.number, unit))
        return _Cand(m.start(), e, "DURATION", _duration_value(None if plural else 1, unit))
    if (
        not plural
        and unit in {"W", "M", "Y", "DE", "CE"}
        and ctx.text[max(0, m.start() - 4) : m.start()].lower() in {"mid-", "mid "}
    ):  # "by mid-year", "net zero by mid-century": the current one, MOD MID
        s = m.start() - 4
        if ctx.ref is None:
            return _Cand(s, m.end(), "DATE", _UNKNOWN_UNIT[unit], relative=True, mod="MID")
        value = _unit_value(ctx.ref, unit)
        return _Cand(s, m.end(), "DATE", value, relative=True, mod="MID")
    right = _UNIT_RIGHT.match(ctx.text, m.end())
    if (
        unit in {"Q", "HALF"}
        and q.direction in {"last", "final"}
        and _OF_YEAR.match(ctx.text, m.end())
    ):
        q.ordinal, q.ordinal_start = (4 if unit == "Q" else 2), q.start  # "the last half of"
    if unit in {"Q", "HALF"} and q.ordinal is not None:
        return _ordinal_part(m, ctx, q, unit)
    if (
        plural
        and q.has_the
        and q.number is None
        and not q.vague
        and (q.ordinal == 1 or q.direction in {"last", "final"})
        and unit in {"MIN", "H", "D", "W", "M", "Y"}
        and ctx.text.startswith(" of", m.end())
    ):  # "in the first hours of the war", "the final weeks of the campaign"
        return _Cand(q.start, m.end(), "DURATION", _duration_value(None, unit))
    if unit == "CE" and q.ordinal is not None and q.ordinal > 0:
        return _Cand(q.start, m.end(), "DATE", f"{q.ordinal - 1:02d}")
    if unit == "HALF":
        return None
    if (
        unit == "Y"
        and not plural
        and "nd" in ctx.text[m.end() + 1 : m.end() + 6]
        and q.number is None
        and not q.vague
        and not q.direction
    ):
        end = _YEAR_END.match(ctx.text, m.end())
        if end and q.ordinal is None:  # "by year-end", "since year's end"
            return _year_end(ctx, q.start, end.end())
    if (
        not plural
        and unit in _ANAPHOR_VALUE
        and ctx.text[max(0, m.start() - 5) : m.start() - 1].lower() in _ANAPHOR_TAILS
        and q.number is None
        and not q.vague
    ):
        cand = _anaphor(m, ctx, unit)
        if cand is not None:
            return cand
    if not plural and q.number is not None and 1000 <= q.number <= 2199:
        return None  # "the 1988 quarter": a year, not a count
    if unit == "Q" and plural and ctx.text[m.start() - 1] == "-":
        return None  # "three-quarters": a fraction
    if unit == "Q" and q.ordinal is None and not (q.direction or q.has_the or q.vague):
        of = _FRACTION_OF.match(ctx.text, m.end())
        if of:  # "a quarter of its staff": a fraction; "a quarter of a century": 25 years
            if not of.group(1) or q.number not in (None, 1):
                return None
            value = "P25Y" if of.group(1).lower() == "century" else "PT15M"
            return _Cand(q.start, of.end(), "DURATION", value, mod=q.mod)
    if unit == "S" and (q.number or 0) < 2 and not q.mod:  # "less than a second" is one
        return None  # "a second", "per second": rarely a duration in news
    if q.direction in {"every", "each", "per"}:
        n = q.number if q.number is not None else 1
        return _Cand(q.start, m.end(), "SET", _duration_value(n, unit))
    if right and right.group(1).lower().split()[0] in {"ago", "earlier", "hence", "from"}:
        return _shifted(m, ctx, q, unit, right)
    if (
        plural
        and q.has_the
        and not q.direction
        and q.number is None
        and not q.vague
        and unit in {"D", "W", "M", "Y", "DE"}
    ):
        ahead = _AHEAD.match(ctx.text, m.end())
        if ahead:  # "in the weeks ahead": the stretch from now, as "the next few weeks"
            return _Cand(q.start, ahead.end(), "DURATION", _duration_value(None, unit))
    if unit in _ANAPHOR_VALUE and not plural and q.has_the and not q.direction and q.number is None:
        side = _DAY_BEFORE.match(ctx.text, m.end())
        if side:  # "she had arrived the day before.", "again the year after": the unit
            # before / after the one last mentioned
            shift = -1 if side.group(1).lower() == "before" else 1
            value = (
                _unit_value(_shift(ctx.ref, unit, shift), unit)
                if ctx.ref
                else _UNKNOWN_UNIT.get(unit, "XXXX")
            )
            cand = _Cand(q.start, side.end(1), "DATE", value, relative=True)
            cand.extra["anaphor"] = f"{unit}{shift}"
            if unit != "D":  # "down from $450 million the year before": no time in TimeBank
                cand.extra["needs_told"] = "1"
            return cand
    rate = _rate(ctx.text, q, plural)
    if rate is not None:  # "twice a week", "$2 million a year": a frequency
        return _Cand(rate, m.end(), "SET", _duration_value(1, unit))
    return _unit_rest(m, ctx, q, unit, plural, right)


# words before a bare "days" / "hours" / "minutes" that make it a stretch of time
_SPAN_WORDS = frozenset("for within after over took take takes last lasted spent waited".split())


_DAY_BEFORE = re.compile(r"\s+(before|after)(?=\s*[.,;:!?)\n]|\s*$)", re.IGNORECASE)


_LATER = re.compile(r"\s+(?:later|earlier|after|before)\b", re.IGNORECASE)


_AHEAD = re.compile(r"\s+ahead\b", re.IGNORECASE)


_YEAR_END = re.compile(r"(?:-|\s+|['’]s\s+)end\b(?!-)", re.IGNORECASE)


def _year_end(ctx: _Ctx, s: int, e: int) -> _Cand | None:
    """``year-end``: the end of the current year, of the last one after ``since``."""
    if e < len(ctx.text) and ctx.text[e] == " " and _next_word(ctx.text, e)[:1].islower():
        nxt = _next_word(ctx.text, e).lower()
        if nxt not in _FUNCTION_WORDS and nxt not in {"is", "was", "results"}:
            return None  # "year-end bonuses": a modifier
    before = _prev_words(ctx.text, s, 1)
    since = bool(before) and before[0][0] == "since"
    if ctx.ref is None:
        return _Cand(s, e, "DATE", "XXXX", relative=True, mod="END")
    return _Cand(s, e, "DATE", f"{ctx.ref.year - since:04d}", relative=True, mod="END")


_RATE_WORDS = frozenset("million billion trillion cents dollars percent pct".split())


def _rate(text: str, q: _Quant, plural: bool) -> int | None:
    """Start of a frequency: ``twice a week`` (from ``twice``), ``$2 million a year`` and
    ``700 flights a week`` (from ``a``); None when ``a <unit>`` is a duration."""
    if (
        plural
        or q.number != 1
        or text[q.number_start : q.number_start + 2].lower() not in {"a ", "an"}
    ):
        return None
    prev = _prev_words(text, q.number_start, 1)
    if not prev:
        return None
    word, start = prev[0]
    if word in {"once", "twice", "times"}:
        count = _prev_words(text, start, 1) if word == "times" else []
        return count[0][1] if count and _parse_number_words(count)[1] else start
    if word[:1].isdigit() or word in _RATE_WORDS or word.endswith("s") and len(word) > 3:
        return q.number_start
    return None


def _unit_rest(
    m: re.Match[str], ctx: _Ctx, q: _Quant, unit: str, plural: bool, right: re.Match[str] | None
) -> _Cand | None:
    if right and right.group(1).lower() == "old":
        return None
    if unit == "D" and plural and ctx.text[max(0, m.start() - 6) : m.start()].lower() == "these ":
        return _Cand(m.start() - 6, m.end(), "DATE", "PRESENT_REF", relative=True)
    if q.number is not None or q.vague:
        if unit == "S" and q.number is None:
            return None
        adjectival = ctx.text[m.start() - 1] == "-"  # "a five-year plan": no determiner
        end = m.end()
        half = (
            _AND_HALF_RIGHT.match(ctx.text, end)
            if q.number is not None and not plural and q.number == int(q.number)
            else None
        )
        if half:  # "a year and a half", "an hour and a half"
            q.number, end = q.number + 0.5, half.end()
        cand = _Cand(
            q.number_start if adjectival else q.start,
            end,
            "DURATION",
            _duration_value(None if q.vague and q.number is None else q.number, unit),
            mod=None if adjectival else _mod_code(q.mod),
        )
        if ctx.ref and q.number is not None and q.direction in {"past", "last", "previous"}:
            cand.bounds = (_shift(ctx.ref, unit, -q.number), ctx.ref)
        elif ctx.ref and q.number is not None and q.direction in {"next", "coming"}:
            cand.bounds = (ctx.ref, _shift(ctx.ref, unit, q.number))
        return cand
    if q.direction in {
        "this",
        "current",
        "last",
        "next",
        "past",
        "previous",
        "coming",
        "latest",
        "recent",
        "future",
    }:
        return _this_unit(m, ctx, q, unit, plural)
    if q.has_the and q.direction in {"full", "calendar"} and unit == "Y" and not plural:
        # "the full year"; told in the past tense early in a year, the one that has ended:
        # "For the full year, the bank earned $9.3 billion" (in January) is last year (in
        # November it is a fiscal year just ended)
        ended = ctx.ref and ctx.ref.month <= 4 and _tense(ctx, q.start, m.end()) == "past"
        q.direction = "last" if ended else "this"
        return _this_unit(m, ctx, q, unit, plural)
    if plural and unit in {"Y", "M", "W", "DE", "CE"} and not q.has_the:
        return _Cand(m.start(), m.end(), "DURATION", _duration_value(None, unit))
    if (
        plural
        and unit in {"D", "H", "MIN"}
        and q.start == m.start()
        and (_after_word(ctx.text, m.start(), _SPAN_WORDS) or _LATER.match(ctx.text, m.end()))
    ):  # "negotiated for hours", "within days", "after days of talks", "hours later"
        return _Cand(m.start(), m.end(), "DURATION", _duration_value(None, unit))
    if plural and unit == "WE" and not q.has_the and not q.direction:
        return _Cand(m.start(), m.end(), "SET", "XXXX-WE")  # "closed on weekends" (as tweets)
    if unit == "Q" and q.has_the and not plural and q.direction in {"", "fiscal"}:
        ended = _quarter_ended(ctx, m.end())
        if ended is not None:  # "the quarter ended June 30"
            return _Cand(q.start, m.end(), "DATE", ended, relative=ctx.ref is not None)
    if unit in {"WE", "Q"} and q.has_the and not plural:  # "the weekend", "the quarter"
        return _this_unit(m, ctx, q, unit, plural)
    if q.has_the and not plural and unit in {"DE", "CE"} and _part_of(ctx.text, q.start):
        return _this_unit(m, ctx, q, unit, plural)  # "by the end of the decade"
    if not (q.has_the and not plural and unit in {"Y", "M", "W", "Q"}):
        return None
    if _PERIOD_ENDED.match(ctx.text, m.end()):  # "the (fiscal) year ended Sept. 30"
        return _Cand(q.start, m.end(), "DURATION", _duration_value(1, unit))
    if _after_of(ctx.text, q.start) or _for_the_unit(ctx.text, q.start, m.end()):
        return _this_unit(m, ctx, q, unit, plural)
    return None
