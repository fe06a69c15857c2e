"""Coordination: what the last member of ``A and B`` / ``A to B`` / ``A-B`` lends the
others.

* A year written on the last member holds for the members before it that have none
  (``May and June 2011``, ``May, June and July 2022``): their values, in both modes.
* TIMEX3 tags each end of a range as its own expression (``merge_ranges=False``): a
  bare number before a counted unit is a duration of that unit (``three to five years``
  -> ``three`` ``P3Y``, ``5-7 days`` -> ``5`` ``P5D``), a bare ordinal before centuries
  or a quarter is one of them (``the 18th and 19th centuries``, ``the second and the
  third quarter of 2021``), and a year range written as one group is split
  (``1939-1945``, ``the 2022-23 season``) as a day range is."""

from __future__ import annotations

import datetime
import re

from .expr import _Cand, _Ctx
from .lexicon import _NUMBERS, _ORDINALS

_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&)\s*(?:the\s+)?", re.IGNORECASE)


def _share_years(ctx: _Ctx, cands: list[_Cand]) -> None:
    """``May and June 2011``: the year of the last member, for the yearless ones before;
    ``(forecast for) Tuesday and Wednesday``: a weekday after another is on or after it."""
    for a, b in zip(cands, cands[1:], strict=False):
        if (
            a.weekday is not None
            and b.weekday is not None
            and a.type == b.type == "DATE"
            and a.relative
            and b.relative
            and _DAY_VALUE.fullmatch(a.value)
            and _DAY_VALUE.fullmatch(b.value)
            and b.value < a.value
            and ctx.ref is not None
            and a.value > ctx.ref.isoformat()  # looking ahead ("statements made Friday and
            # Thursday" lists the past in any order)
            and _COORD_GAP.fullmatch(ctx.text, a.end_char, b.start_char)
        ):
            day = datetime.date.fromisoformat(b.value) + datetime.timedelta(days=7)
            if (day - datetime.date.fromisoformat(a.value)).days < 7:
                b.value = day.isoformat()
    for i in range(len(cands) - 2, -1, -1):
        a, b = cands[i], cands[i + 1]
        if (
            a.year_explicit
            or a.with_year is None
            or a.type != "DATE"
            or not b.year_explicit
            or not b.value[:4].isdigit()
            or b.type != "DATE"
            or len(b.value) < 7
            or not _COORD_GAP.fullmatch(ctx.text, a.end_char, b.start_char)
        ):
            continue
        try:
            value = a.with_year(int(b.value[:4]))
        except ValueError:
            continue
        if len(value) != len(a.value) or value > b.value:
            continue  # "December and January 2020" is no one year
        a.value, a.relative, a.year_explicit = value, False, True
        a.extra["shared_year"] = b.value[:4]


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


_NUMBER_WORD = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_LEFT_COUNT = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,3}}|{_NUMBER_WORD})\s*(?:-|–|to|or|and)\s*$", re.IGNORECASE
)
_COUNTED_VALUE = re.compile(r"P(T?)(\d+)([YMWDHS])")
_ORDINAL_WORD = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_LEFT_ORDINAL = re.compile(
    rf"(?<![\w.,])(?P<the>the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD})\s*(?:,|and|or|to|-|–)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_STRETCH_BEFORE = re.compile(r"\b(?:next|past|last|coming|previous|first)\s+$", re.IGNORECASE)
_CENTURY_VALUE = re.compile(r"\d\d")
_QUARTER_VALUE = re.compile(r"(\d{4}|XXXX)-Q[1-4]")


def _split_coordinated(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """The left members of ``three to five years``, ``the 18th and 19th centuries``, ``the
    second and third quarter``, and year ranges ``1939-1945`` as two expressions."""
    out: list[_Cand] = []
    text = ctx.text
    for c in cands:
        prev_end = out[-1].end_char if out else 0
        lo = max(prev_end, c.start_char - 30)
        left = _left_member(text, lo, c)
        if left is not None:
            out.append(left)
        years = _YEAR_RANGE.fullmatch(text, c.start_char, c.end_char)
        if years and "range_end" in c.extra and c.type == "DATE":
            first = _Cand(c.start_char, years.end(1), "DATE", c.value[:4])
            second = _Cand(years.start(2), c.end_char, "DATE", c.extra["range_end"][:4])
            first.extra["rule"] = second.extra["rule"] = c.extra.get("rule", "year")
            out.extend((first, second))
            continue
        out.append(c)
    return out


_YEAR_RANGE = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{4}|\d\d)")


def _left_member(text: str, lo: int, c: _Cand) -> _Cand | None:
    if c.type == "DURATION":
        v = _COUNTED_VALUE.fullmatch(c.value)
        m = _LEFT_COUNT.search(text, lo, c.start_char)
        if v is None or m is None or not text[c.start_char].isalnum():
            return None
        first = text[c.start_char : c.end_char].split()[0].lower()
        if not (first.isdigit() or first in _NUMBERS):
            return None  # "three or more years", "two to a few days"
        if _STRETCH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return None  # "the next 12 to 18 months": one stretch (TimeBank)
        n = m["n"].lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        return _Cand(m.start("n"), m.end("n"), "DURATION", f"P{v[1]}{count}{v[3]}")
    if c.type != "DATE":
        return None
    m = _LEFT_ORDINAL.search(text, lo, c.start_char)
    if m is None:
        return None
    word = m["n"].lower()
    n = int(word[:-2]) if word[0].isdigit() else _ORDINALS[word]
    label = text[c.start_char : c.end_char].lower()
    start = m.start("the") if m["the"] else m.start("n")
    if _CENTURY_VALUE.fullmatch(c.value) and "centur" in label and 1 <= n <= 21:
        return _Cand(start, m.end("n"), "DATE", f"{n - 1:02d}")
    if (
        _QUARTER_VALUE.fullmatch(c.value)
        and "quarter" in label
        and 1 <= n <= 4
        and label.startswith("the ")
    ):  # "the second and the third quarter" (TimeBank's "the second and fourth quarters"
        # tags the bare "second")
        return _Cand(start, m.end("n"), "DATE", f"{c.value[:4]}-Q{n}")
    return None
