"""Holidays (fixed and movable feasts) and years spelt out in words."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable

from .context import _next_word, _prev_words, _year_of, _yearless
from .expr import _Cand, _Ctx
from .lexicon import _COUNT_NOUNS


def _nth_weekday(y: int, month: int, wd: int, n: int) -> datetime.date:
    """n-th (1-based; -1 = last) weekday wd of a month."""
    if n > 0:
        first = datetime.date(y, month, 1)
        return first + datetime.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = datetime.date(y, month, calendar.monthrange(y, month)[1])
    return last - datetime.timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> datetime.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return datetime.date(y, month, day + 1)


def _fixed(month: int, day: int) -> Callable[[int], datetime.date]:
    return lambda y: datetime.date(y, month, day)


def _nth(month: int, wd: int, n: int) -> Callable[[int], datetime.date]:
    return lambda y: _nth_weekday(y, month, wd, n)


_APOS = "['’]"


# Regex of the name -> the holiday's date in a given year (US federal dates for US ones).
_HOLIDAY_PATTERNS: dict[str, Callable[[int], datetime.date]] = {
    r"Christmas(?:\s+Day)?": _fixed(12, 25),
    r"Christmas\s+Eve": _fixed(12, 24),
    r"(?:[Xx]mas|XMAS)(?:\s+[Dd]ay)?": _fixed(12, 25),
    r"(?:[Xx]mas|XMAS)\s+[Ee]ve": _fixed(12, 24),
    rf"New\s+Year{_APOS}s\s+Day": _fixed(1, 1),
    rf"New\s+Year{_APOS}s\s+Eve": _fixed(12, 31),
    r"Halloween": _fixed(10, 31),
    rf"(?:St\.?\s+)?Valentine{_APOS}s\s+Day": _fixed(2, 14),
    r"Boxing\s+Day": _fixed(12, 26),
    r"Bastille\s+Day": _fixed(7, 14),
    r"(?:Armistice|Veterans{_APOS}?)\s+Day".replace("{_APOS}", _APOS): _fixed(11, 11),
    r"Thanksgiving(?:\s+Day)?": _nth(11, 3, 4),
    r"Memorial\s+Day": _nth(5, 0, -1),
    r"Labou?r\s+Day": _nth(9, 0, 1),
    r"Columbus\s+Day": _nth(10, 0, 2),
    rf"Presidents{_APOS}?\s+Day": _nth(2, 0, 3),
    rf"Mother{_APOS}s\s+Day": _nth(5, 6, 2),
    rf"Father{_APOS}s\s+Day": _nth(6, 6, 3),
    r"Easter(?:\s+Sunday)?": _easter,
    r"Easter\s+Monday": lambda y: _easter(y) + datetime.timedelta(days=1),
    r"Good\s+Friday": lambda y: _easter(y) - datetime.timedelta(days=2),
    r"Black\s+Friday": lambda y: _nth_weekday(y, 11, 3, 4) + datetime.timedelta(days=1),
    r"Cyber\s+Monday": lambda y: _nth_weekday(y, 11, 3, 4) + datetime.timedelta(days=4),
    r"Election\s+Day": lambda y: _nth_weekday(y, 11, 0, 1) + datetime.timedelta(days=1),
    r"[Ff]ourth\s+of\s+July": _fixed(7, 4),
    r"Juneteenth": _fixed(6, 19),
    rf"(?:St\.?|Saint)\s+Patrick{_APOS}s\s+Day": _fixed(3, 17),
    r"(?:Martin\s+Luther\s+King(?:\s+Jr\.?|,\s+Jr\.)?|MLK)\s+Day": _nth(1, 0, 3),
    r"Canada\s+Day": _fixed(7, 1),
    r"Australia\s+Day": _fixed(1, 26),
    r"Anzac\s+Day|ANZAC\s+Day": _fixed(4, 25),
    r"Remembrance\s+Day": _fixed(11, 11),
    r"Remembrance\s+Sunday": _nth(11, 6, 2),
    r"Guy\s+Fawkes\s+(?:Night|Day)|Bonfire\s+Night": _fixed(11, 5),
    r"Groundhog\s+Day": _fixed(2, 2),
    r"Earth\s+Day": _fixed(4, 22),
    r"Ash\s+Wednesday": lambda y: _easter(y) - datetime.timedelta(days=46),
    r"Palm\s+Sunday": lambda y: _easter(y) - datetime.timedelta(days=7),
    r"Maundy\s+Thursday": lambda y: _easter(y) - datetime.timedelta(days=3),
    r"Whit\s+Monday": lambda y: _easter(y) + datetime.timedelta(days=50),
    r"Pentecost(?:\s+Sunday)?": lambda y: _easter(y) + datetime.timedelta(days=49),
}


_HOLIDAY_ANCHORS = {
    "christmas",
    "xmas",
    "new",
    "halloween",
    "st",
    "valentine",
    "boxing",
    "bastille",
    "armistice",
    "veterans",
    "thanksgiving",
    "memorial",
    "labor",
    "labour",
    "columbus",
    "presidents",
    "mother",
    "father",
    "easter",
    "good",
    "election",
    "black",
    "cyber",
    "fourth",
    "juneteenth",
    "saint",
    "martin",
    "mlk",
    "canada",
    "australia",
    "anzac",
    "remembrance",
    "guy",
    "bonfire",
    "groundhog",
    "earth",
    "ash",
    "palm",
    "maundy",
    "whit",
    "pentecost",
}


_HOLIDAY_COMPILED = [(re.compile(rf"{p}(?!\w)"), f) for p, f in _HOLIDAY_PATTERNS.items()]


_YEAR_TAIL = re.compile(r",?\s+(?:of\s+)?(\d{4})(?!\w)")


_EARLY_YEAR_TAIL = re.compile(r",?\s+(?:of\s+)?([1-9]\d{2})(?=\s*(?:[.;:)]|,\s|$))")


_SHORT_YEAR_TAIL = re.compile(r"\s+['’](\d\d)(?![\w'’])")


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``Christmas Eve``, ``Thanksgiving 2023``: the longest holiday name at m.start()."""
    s = m.start()
    matches = [(hm.end(), f) for p, f in _HOLIDAY_COMPILED if (hm := p.match(ctx.text, s))]
    e, date_of = max(matches, key=lambda x: x[0])

    def fmt(y: int) -> str:
        return date_of(y).isoformat()

    cand = _holiday_cand(ctx, s, e, fmt, date_of)
    if cand is not None and ctx.text[s] in "fF":
        cand.takes_the = True  # "the Fourth of July"
    return cand


def _holiday_cand(
    ctx: _Ctx, s: int, e: int, fmt: Callable[[int], str], date_of: Callable[[int], datetime.date]
) -> _Cand | None:
    tail = _YEAR_TAIL.match(ctx.text, e)
    if tail and 1000 <= int(tail.group(1)) <= 2199:
        return _Cand(s, tail.end(), "DATE", fmt(int(tail.group(1))))
    tail = _EARLY_YEAR_TAIL.match(ctx.text, e)
    if tail:  # "crowned on Christmas Day 800." (a year before 1000 ends the phrase)
        return _Cand(s, tail.end(1), "DATE", fmt(int(tail.group(1))))
    tail = _SHORT_YEAR_TAIL.match(ctx.text, e)
    if tail:  # "Christmas '87"
        return _Cand(s, tail.end(), "DATE", fmt(_year_of(ctx, int(tail.group(1)))))
    prev = _prev_words(ctx.text, s, 1)
    direction = prev[0][0] if prev and prev[0][0] in {"last", "next", "this"} else ""
    if direction:
        s = prev[0][1]  # "last Christmas"
    if ctx.ref is None:
        a, b = fmt(2001), fmt(2002)  # movable feasts keep only what every year shares
        value = "XXXX" + (a[4:] if a[4:] == b[4:] else a[4:7] if a[5:7] == b[5:7] else "")
        return _Cand(s, e, "DATE", value, relative=False, year_explicit=False, with_year=fmt)
    if direction:
        return _Cand(s, e, "DATE", _directed_holiday(ctx.ref, date_of, direction), relative=True)
    value, relative = _yearless(ctx, s, e, fmt)
    return _Cand(s, e, "DATE", value, relative=relative, year_explicit=False, with_year=fmt)


def _directed_holiday(
    ref: datetime.date, date_of: Callable[[int], datetime.date], direction: str
) -> str:
    """``last Christmas``: the last one before ref; ``next``: the first after; ``this``: ref's."""
    y = ref.year
    if direction == "last":
        return (date_of(y) if date_of(y) < ref else date_of(y - 1)).isoformat()
    if direction == "next":
        return (date_of(y) if date_of(y) > ref else date_of(y + 1)).isoformat()
    return date_of(y).isoformat()


_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


_DECADE_WORDS = {t[:-1] + "ies": i for i, t in enumerate(_TENS, start=2)}


_W_SEP = r"[ \t-]+"


_TWO_DIGITS = (
    rf"(?:(?:{'|'.join(_TENS)})(?:{_W_SEP}(?:{'|'.join(_ONES)}))?"
    rf"|{'|'.join(_TEENS)}|oh{_W_SEP}(?:{'|'.join(_ONES)}))"
)


_WORD_YEAR_RE = re.compile(
    rf"(?i:(?P<century>eighteen|nineteen|twenty){_W_SEP}(?P<rest>{_TWO_DIGITS}|hundred)"
    rf"|two{_W_SEP}thousand(?:{_W_SEP}(?:and{_W_SEP})?(?P<rest2>{_TWO_DIGITS}|"
    rf"{'|'.join(_ONES)}))?)(?![\w-])"
)


_WORD_DECADE_RE = re.compile(rf"(?i:{'|'.join(_DECADE_WORDS)})\b")


def _spoken_number(words: str) -> int:
    """Value of a spoken number below 100 ("ninety-six", "oh five", "twelve")."""
    total = 0
    for w in re.split(r"[ \t-]+", words.lower()):
        if w in _TENS:
            total += 10 * (_TENS.index(w) + 2)
        elif w in _TEENS:
            total += 10 + _TEENS.index(w)
        elif w in _ONES:
            total += _ONES.index(w) + 1
    return total


def _h_word_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``nineteen ninety-six``, ``the year two thousand``, ``two thousand and one``."""
    if m["century"]:
        rest = m["rest"].lower()
        year = 100 * (
            19
            if m["century"].lower() == "nineteen"
            else 18
            if m["century"].lower() == "eighteen"
            else 20
        ) + (0 if rest == "hundred" else _spoken_number(rest))
    else:
        year = 2000 + (_spoken_number(m["rest2"]) if m["rest2"] else 0)
        prev = _prev_words(ctx.text, m.start(), 2)
        if not m["rest2"] and [w for w, _ in prev] != ["year", "the"]:
            return None  # "two thousand troops"
    if _next_word(ctx.text, m.end()).lower() in _COUNT_NOUNS:
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}")


def _h_word_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``the nineties``: only after ``the`` (``in his forties`` is an age)."""
    prev = _prev_words(ctx.text, m.start(), 2)
    start, century = m.start(), "19"
    if prev and prev[0][0] in _CENTURY_WORDS:  # "the nineteen seventies", "the eighteen nineties"
        start, century = prev[0][1], _CENTURY_WORDS[prev[0][0]]
        prev = prev[1:]
    if not prev or prev[0][0] not in {"the", "early", "late", "mid"}:
        return None
    return _Cand(
        start, m.end(), "DATE", f"{century}{_DECADE_WORDS[m.group(0).lower()]}", takes_the=True
    )


_CENTURY_WORDS = {"eighteen": "18", "nineteen": "19", "twenty": "20"}
