"""Historic dates: years, centuries and millennia with an era (``190 BC``, ``AD 79``,
``the 2nd century BC``, ``the third millennium BC``) and decades written without an
apostrophe (``the 90s``, ``the mid-90s``).

TIMEX3 values: a year BC is ``BC0190``, a century BC ``BC01`` (the 2nd: the hundreds
digits of its years, as AD centuries are ``19`` for the 20th), a millennium BC ``BC2``
(the 3rd); AD values are the plain ones (``0079``, ``00`` for the first century AD).
No calendar interval is given for a date BC (start and end None)."""

from __future__ import annotations

import re

from .expr import _Cand, _Ctx

_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth twenty-first".split(),
        start=1,
    )
}

_BC = frozenset({"BC", "BCE", "B.C.", "B.C.E."})

# what an era word closes: a year, or an ordinal century / millennium
_ERA_LEFT = re.compile(
    r"(?:(?P<ord>\d{1,2})(?:st|nd|rd|th)|(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))[ \t-]+(?P<unit>century|millennium)[ \t]+$"
    r"|(?<![\w.,])(?P<y>[1-9]\d{0,3})[ \t]*$",
    re.IGNORECASE,
)

# the era word at the anchor, and a year after AD / CE
ERA_RE = re.compile(r"(?P<era>BCE|BC|AD|CE)(?:(?<=AD)|(?<=CE))?(?![\w])")
_YEAR_AFTER = re.compile(r"[ \t]+(?P<y>[1-9]\d{0,3})(?![\w%]|[.,:]\d)")


def _h_era(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``190 BC``, ``2nd century BC``, ``AD 79`` (not ``79 AD`` alone: read after)."""
    era = m["era"]
    bc = era in _BC
    left = _ERA_LEFT.search(ctx.text, max(0, m.start() - 40), m.start())
    if left is not None:
        start = left.start()
        if left["y"]:
            y = int(left["y"])
            value = f"BC{y:04d}" if bc else f"{y:04d}"
            return _Cand(start, m.end(), "DATE", value)
        n = int(left["ord"]) if left["ord"] else _ORDINAL_WORDS[left["word"].lower()]
        value = f"{n - 1:02d}" if left["unit"].lower() == "century" else str(n - 1)
        return _Cand(start, m.end(), "DATE", ("BC" if bc else "") + value, takes_the=True)
    if era in {"AD", "CE"}:
        after = _YEAR_AFTER.match(ctx.text, m.end())
        if after is not None:
            return _Cand(m.start(), after.end(), "DATE", f"{int(after['y']):04d}")
    return None


# "the 90s", "the mid-90s": a decade without its apostrophe, only after "the" or a modifier
# ("in his 90s" is an age)
DECADE_RE = re.compile(r"(?P<d>[1-9])0s(?![\w'’])")
_DECADE_LISTED = re.compile(r"\b(1\d|20)\d0s\s*(?:,|and|or|to|-|–)\s*$")
_DECADE_LEFT = re.compile(r"(?:\bthe[ \t]+(?:(?:early|mid|late)[ \t-]*)?|\bmid-)$", re.IGNORECASE)


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    listed = _DECADE_LISTED.search(ctx.text, max(0, m.start() - 20), m.start())
    if listed is not None:  # "the 1960s and 70s": the century of the first
        return _Cand(m.start(), m.end(), "DATE", f"{listed[1]}{m['d']}")
    if not _DECADE_LEFT.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    if _WEATHER.search(ctx.text, max(0, m.start() - 80), m.start()):
        return None  # "highs in the mid-80s", "back into the 30s": degrees
    d = int(m["d"])
    ref_year = ctx.ref.year if ctx.ref else 2030
    century = 20 if 2000 + d * 10 <= ref_year and d <= 3 else 19
    return _Cand(m.start(), m.end(), "DATE", f"{century}{d}", takes_the=True)


_WEATHER = re.compile(
    r"\b(?:temperatures?|highs?|lows?|degrees|readings|mercury|thermometers?|fahrenheit|celsius"
    r"|forecasts?|weather|heat|cold|warm|cool|into)\b|°",
    re.IGNORECASE,
)
