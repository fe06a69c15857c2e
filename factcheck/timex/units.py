"""Unit words: durations (``three days``), ago/later (``two years ago``), ``the past
few months``, ``this week``, quarters and halves of years, SETs."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .context import (
    _FUNCTION_WORDS,
    _distance,
    _is_future,
    _month_number,
    _next_word,
    _prev_words,
    _tense,
    _valid_day,
)
from .expr import _Cand, _Ctx
from .holidays import _TENS
from .intervals import _add_months, _week_value, interval_of
from .lexicon import _APPROX, _APPROX2, _MONTH_ALT, _NUMBERS, _ORDINALS, _UNITS, _VAGUE_NUMBERS


@dataclass
class _Quant:
    """What stands left of a unit word: a number, direction words, approximators."""

    start: int
    number: float | None = None
    vague: bool = False
    direction: str = ""
    ordinal: int | None = None
    ordinal_start: int = 0
    number_start: int = 0
    has_the: bool = False
    mod: str | None = None


_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def _parse_number_words(words: list[tuple[str, int]]) -> tuple[float | None, int, bool]:
    """Number ending right before a unit; words nearest first: (value, words used, vague).

    ``18``, ``1.5``, ``twenty four``, ``two hundred fifty``, ``a hundred``, ``several``.
    """
    first = words[0][0].replace(",", "") if words else ""
    if first in _VAGUE_NUMBERS:
        return (2 if first == "couple" else None), 1, True
    if _DECIMAL.fullmatch(first):
        return float(first), 1, False
    run: list[str] = []
    for w, _ in words:
        if w not in _NUMBERS or (run and run[-1] in {"a", "an"}):
            break
        if w in {"a", "an"} and run and run[-1] not in {"hundred", "thousand", "dozen"}:
            break  # "a five-year plan" is 5, "a hundred years" is 100
        run.append(w)
    if not run:
        return None, 0, False
    return float(_spoken_value(list(reversed(run)))), len(run), False


def _spoken_value(words: list[str]) -> int:
    """Left-to-right value of number words: ["two", "hundred", "fifty"] -> 250."""
    total = current = 0
    for w in words:
        n = _NUMBERS[w]
        if w == "dozen":  # "a dozen" is 12, "two dozen" 24
            current = (current or 1) * 12
        elif n == 100:
            current = (current or 1) * 100
        elif n == 1000:
            total, current = total + (current or 1) * 1000, 0
        else:
            current += n
    return total + current


def _ordinal(word: str) -> int | None:
    """1 for "first" / "1st", 20 for "20th"; None otherwise ("last" is a direction)."""
    if word in _ORDINALS:
        return _ORDINALS[word]
    m = _DIGIT_ORDINAL.fullmatch(word)
    return int(m.group(1)) if m else None


_DIGIT_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


_HALF = re.compile(r"(\d+)[ \t]+1/2[ \t-]+$")


_AND_HALF_LEFT = re.compile(r"\b([A-Za-z]+|\d+)[ \t-]+and[ \t-]+a[ \t-]+half[ \t-]+$")


_AND_HALF_RIGHT = re.compile(r"[ \t]+and[ \t]+a[ \t]+half\b")


_HALF_A = re.compile(r"(?<![\w-])(?:[Hh]alf[ \t]+an?|[Aa]n?[ \t]+half)[ \t-]+$")


_MORE_WORDS = {
    "more",
    "additional",
    "further",
    "extra",
    "straight",
    "consecutive",
    "trading",  # "eight trading days"
    "business",
    "working",
}


_DIRECTION_WORDS = frozenset(
    "past last next coming previous first final this current recent following latest every "
    "each per fiscal same other full calendar future".split()
)


def _read_quant(text: str, pos: int) -> _Quant:
    """Parse what stands left of a unit word, right to left: number or ordinal, direction
    (``the past``, ``every``), ``earlier this``, ``the``, approximator (``nearly``)."""
    # (each search only where its literal stands in the window: re would try every position)
    near, far = max(0, pos - 16), max(0, pos - 32)
    half = _HALF.search(text, near, pos) if text.find("1/2", near, pos) >= 0 else None
    if half:  # "2 1/2 years"
        return _Quant(start=half.start(), number=int(half.group(1)) + 0.5)
    half = _AND_HALF_LEFT.search(text, far, pos) if text.find("half", far, pos) >= 0 else None
    if half:  # "two and a half years", "3-and-a-half hours"
        n = half.group(1).lower()
        number = int(n) if n.isdigit() else _NUMBERS.get(n)
        if number is not None and number < 1000:
            q = _Quant(start=half.start(1), number=number + 0.5, number_start=half.start(1))
            words = _prev_words(text, q.start, 4)
            _read_approx(words, 0, q)
            return q
    half = _HALF_A.search(text, max(0, pos - 12), pos) if "alf" in text[pos - 9 : pos] else None
    if half and not text[max(0, half.start() - 4) : half.start()].rstrip(" \t-").endswith("and"):
        # "half an hour", "a half-hour", "half a century"
        word = half.start() + half.group(0).lower().find("half")
        return _Quant(start=half.start(), number=0.5, number_start=word)
    words = _prev_words(text, pos, 6)
    q = _Quant(start=pos)
    i = _read_count(words, q)
    i = _read_direction(words, i, q)
    if i < len(words) and words[i][0] == "the":
        q.has_the, q.start, i = True, words[i][1], i + 1
    if (q.number is not None or q.vague) and not q.has_the:
        _read_approx(words, i, q)
    return q


def _read_count(words: list[tuple[str, int]], q: _Quant) -> int:
    """Number (``twenty four``, ``a couple of``, ``20 more``) or ordinal; next index."""
    i = 0
    if len(words) > 1 and words[0][0] in _MORE_WORDS:  # "20 more years"
        i = 1
    elif len(words) > 1 and words[0][0] == "of" and words[1][0] in _VAGUE_NUMBERS:
        i = 1  # "a couple of years", "a number of weeks"
    num, used, vague = _parse_number_words(words[i:])
    if used:
        i += used
        q.number, q.vague = num, vague
        q.start = q.number_start = words[i - 1][1]
        if vague and i < len(words) and words[i][0] in {"a", "the"}:
            q.start, i = words[i][1], i + 1
        return i
    ordinal = _ordinal(words[0][0]) if words else None
    if ordinal is None:
        return 0
    q.ordinal, q.start = ordinal, words[0][1]
    if ordinal < 10 and len(words) > 1 and words[1][0] in _TENS:  # "twenty-first"
        q.ordinal, q.start = ordinal + 10 * (_TENS.index(words[1][0]) + 2), words[1][1]
        q.ordinal_start = q.start
        return 2
    q.ordinal_start = q.start
    return 1


def _read_direction(words: list[tuple[str, int]], i: int, q: _Quant) -> int:
    """``the past``, ``next``, ``every``, ``fiscal``, ``earlier this``; next index."""
    if (
        i + 1 < len(words)
        and words[i][0] == "other"
        and words[i + 1][0] in {"every", "each"}
        and q.number is None
        and not q.vague
        and q.ordinal is None
    ):  # "every other week"
        q.number, q.number_start = 2, words[i][1]
        q.direction, q.start = "every", words[i + 1][1]
        return i + 2
    if (
        i + 1 < len(words)
        and words[i][0] == "last"
        and (words[i + 1][0] in _MODAL_BEFORE_VERB or words[i + 1][0].endswith("n't"))
    ):
        return i  # "will last 30 days", "expected to last several weeks": the verb
    if i < len(words) and words[i][0] in _DIRECTION_WORDS:
        if not (q.ordinal is not None and words[i][0] in {"first", "last"}):
            q.direction, q.start, i = words[i][0], words[i][1], i + 1
        if q.direction == "fiscal" and i < len(words) and words[i][0] in _ORDINALS:
            if q.ordinal is None:  # "the first fiscal quarter"
                q.ordinal, q.start, i = _ORDINALS[words[i][0]], words[i][1], i + 1
        elif q.direction == "fiscal" and i < len(words) and words[i][0] in _FISCAL_DIRECTIONS:
            q.direction, q.start, i = words[i][0], words[i][1], i + 1  # "last fiscal year"
    if q.direction in {"past", "coming"} and i < len(words) and words[i][0] == "this":
        q.start, i = words[i][1], i + 1  # "this past week", "this coming year"
    if i < len(words) and words[i][0] in {"earlier", "later"} and q.direction == "this":
        q.mod, q.start, i = words[i][0], words[i][1], i + 1
    return i


_FRACTION_OF = re.compile(r"\s+of\b(?:\s+an?\s+(century|hour)\b)?", re.IGNORECASE)


_MODAL_BEFORE_VERB = frozenset("will would could can may might must should shall to not".split())


_FISCAL_DIRECTIONS = frozenset(
    {"this", "last", "next", "current", "latest", "previous", "past", "coming"}
)


def _read_approx(words: list[tuple[str, int]], i: int, q: _Quant) -> None:
    """``nearly``, ``about``, ``more than``, ``at least`` before a counted unit."""
    if i < len(words) and words[i][0] in _APPROX:
        q.mod, q.start = _APPROX[words[i][0]], words[i][1]
    elif i + 1 < len(words) and (words[i + 1][0], words[i][0]) in _APPROX2:
        q.mod, q.start = _APPROX2[(words[i + 1][0], words[i][0])], words[i + 1][1]


_UNIT_RIGHT = re.compile(
    r"(?:\s+or\s+so)?(?:\s+|-)(ago|earlier|later|from\s+now|hence|old)\b", re.IGNORECASE
)


_OF_YEAR = re.compile(
    r"\s+(?:of\s+)?(?:(?P<y>\d{4})(?!\w)|(?P<rel>this|last|next|the)\s+year\b)",
    re.IGNORECASE,
)


_HALF_UNITS = {
    "Y": ("Y", "6M"),
    "M": ("M", "15D"),
    "D": ("DT", "12H"),
    "H": ("H", "30M"),
    "MIN": ("M", "30S"),
    "W": ("W", "3DT12H"),
}


_HALF_ONLY = {
    "CE": "P50Y",
    "DE": "P5Y",
    "Y": "P6M",
    "M": "P15D",
    "W": "P3DT12H",
    "D": "PT12H",
    "H": "PT30M",
    "MIN": "PT30S",
}


def _duration_value(n: float | None, unit: str) -> str:
    if n == 0.5 and unit in _HALF_ONLY:
        return _HALF_ONLY[unit]
    if n is not None and n != int(n) and n * 2 == int(n * 2) and unit in _HALF_UNITS:
        head, tail = _HALF_UNITS[unit]  # "2 1/2 years" -> P2Y6M
        return f"P{'T' if unit in {'H', 'MIN'} else ''}{int(n)}{head}{tail}"
    num = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    scale = {"DE": 10, "CE": 100, "F": 2}
    if unit in scale:
        if n is None:
            return "PX" + unit
        num = str(int(n * scale[unit])) if n * scale[unit] == int(n * scale[unit]) else num
        unit = "W" if unit == "F" else "Y"
    if unit == "Q" and (n is None or n == int(n)):
        return f"P{num}Q"
    if unit in {"H", "MIN", "S"}:
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    if unit == "WE":
        return f"P{'X' if n is None else int(2 * n)}D"
    return f"P{num}{unit}"


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
        and ctx.text[max(0, m.start() - 5) : m.start() - 1] in _ANAPHOR_TAILS
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
    if unit == "D" and not plural and q.has_the and not q.direction and q.number is None:
        side = _DAY_BEFORE.match(ctx.text, m.end())
        if side:  # "she had arrived the day before.": the day before the one last mentioned
            shift = -1 if side.group(1).lower() == "before" else 1
            day = ctx.ref + datetime.timedelta(days=shift) if ctx.ref else None
            cand = _Cand(q.start, side.end(1), "DATE", str(day or "XXXX-XX-XX"), relative=True)
            cand.extra["anaphor"] = f"D{shift}"
            return cand
    rate = _rate(ctx.text, q, plural)
    if rate is not None:  # "twice a week", "$2 million a year": a frequency
        return _Cand(rate, m.end(), "SET", _duration_value(1, unit))
    return _unit_rest(m, ctx, q, unit, plural, right)


def _after_span_word(text: str, pos: int) -> bool:
    words = _prev_words(text, pos, 1)
    return bool(words) and words[0][0] in _SPAN_WORDS


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


# value pattern an antecedent needs, per unit, for ``that year`` / ``the following month``
_ANAPHOR_VALUE = {
    "Y": re.compile(r"(\d{4})(?!\d)"),
    "M": re.compile(r"(\d{4})-(\d\d)(?!\d)"),
    "D": re.compile(r"(\d{4})-(\d\d)-(\d\d)(?!\d)"),
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
_ANAPHOR_TAILS = frozenset({"that", "wing", "next", "ious", "ding"})


# "the following day", "the next year", "the previous month": one after (before) the date
# last mentioned, as "that day" is that date's
_SEQUEL = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


_STRETCH_BEFORE = frozenset("over in during within for through throughout".split())


def _resolve_anaphors(cands: list[_Cand]) -> None:
    """Anchor ``that year`` / ``the following day`` to the last date before it."""
    last: _Cand | None = None
    for c in cands:
        ana = c.extra.get("anaphor")
        if ana and last is not None:
            unit, shift = ana[:1], int(ana[1:])
            found = _ANAPHOR_VALUE[unit].match(last.value)
            if found:
                parts = [int(x) for x in found.groups()]
                d = datetime.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
                c.value = _unit_value(_shift(d, unit, shift), unit)
                if "part" in c.extra:  # "that night": TIME of that day
                    c.value += "T" + c.extra["part"]
        if c.type in {"DATE", "TIME"} and c.value[:1].isdigit():
            last = c


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
        and (_after_span_word(ctx.text, m.start()) or _LATER.match(ctx.text, m.end()))
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
    month = _month_number(m["mon"])
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
    if ctx.ref is None:  # "two days ago" with no date to count from: a day, unknown
        year_unit = "Y" if unit in {"DE", "CE"} else unit
        return _Cand(q.start, e, "DATE", _UNKNOWN_UNIT.get(year_unit, "XXXX"), relative=True)
    d = _shift(ctx.ref, unit, sign * q.number)
    # "a decade ago" is a year ten years back, as "ten years ago" (not the decade)
    value = _unit_value(d, "Y" if unit in {"DE", "CE"} else unit)
    if noun and unit == "Y" and noun.group(0).split()[-1].lower() in {"quarter", "period"}:
        # "the year-ago quarter" with no quarter in focus: the last completed one, back
        value = _unit_value(_shift(d, "Q", -1), "Q")
    cand = _Cand(q.start, e, "DATE", value, relative=True, mod=_mod_code(q.mod))
    if unit == "Y" and sign < 0 and q.number == int(q.number):
        cand.extra["years_back"] = str(int(q.number))
        if right.group(1).lower() == "earlier":
            cand.extra["anaphoric"] = "1"  # "a year earlier" counts from the year just told
    return cand


def _this_unit(m: re.Match[str], ctx: _Ctx, q: _Quant, unit: str, plural: bool) -> _Cand | None:
    """``this year``, ``last month``, ``next week``, ``the weekend``."""
    if unit in {"H", "MIN", "S"}:
        return None
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
