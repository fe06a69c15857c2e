"""Parts of a told day or year, and durations that are no time in the text:

* ``midnight Saturday`` is the end of Saturday (``T24:00``), as news style and TimeBank
  write it (``midnight`` alone stays ``T00:00``);
* ``the early hours of Saturday``: a TIME, that day's morning (``2023-06-24TMO``).  Not
  ``the night of Oct. 23``, ``the morning of June 24``: AQUAINT tags the day alone there;
* ``the first six months of 2023`` is ``2023-H1``, ``the last three months of 2022``
  ``2022-Q4`` (a half or quarter of the year named);
* an age (``ages 6 months and older``, ``children aged 5 years``) is no duration of time
  told (``a 6-year-old`` stays a duration, as TimeBank tags it)."""

from __future__ import annotations

import bisect
import re

from .expr import _Cand, _Ctx

_DAY = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)$")
_PART_OF = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+)?(?P<early>(?:early|small|wee)\s+hours)\s+of\s+$", re.IGNORECASE
)
_MONTHS_OF = re.compile(
    r"(?:[Tt]he\s+)?(?P<which>first|last|final|second)\s+(?P<n>three|six|3|6)\s+months$",
    re.IGNORECASE,
)
_MIDNIGHT_DAY = re.compile(r"(?i:midnight)\s*,?\s*(?:on\s+)?[A-Z0-9]")
_OF_GAP = re.compile(r"\s+of\s+")
_AGE_BEFORE = re.compile(r"\b(?:[Aa]ges?|[Aa]ged)\s+(?:of\s+)?(?:about\s+)?$")


def _parts_of_days(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    text = ctx.text
    out: list[_Cand] = []
    for c in cands:
        if c.type == "DURATION" and _AGE_BEFORE.search(
            text, max(0, c.start_char - 12), c.start_char
        ):
            continue  # "ages 6 months and older"
        if (
            c.type == "TIME"
            and c.value.endswith("T00:00")
            and _MIDNIGHT_DAY.match(text, c.start_char, c.end_char)
        ):  # "midnight Saturday", "midnight Friday, Oct. 27": the end of that day
            c.value = c.value[:-6] + "T24:00"
        part = _PART_OF.search(text, max(0, c.start_char - 24), c.start_char)
        if part and c.type == "DATE" and _DAY.match(c.value):
            c.start_char, c.type, c.value = part.start(), "TIME", f"{c.value}TMO"
            c.extra.pop("with_year", None)
            c.with_year = None
            if out and out[-1].end_char > c.start_char:
                out.pop()  # "morning" read alone before
        if (
            c.type == "DATE"
            and len(c.value) == 4
            and c.value.isdigit()
            and out
            and out[-1].type == "DURATION"
            and _OF_GAP.fullmatch(text, out[-1].end_char, c.start_char)
        ):
            months = _MONTHS_OF.search(text, out[-1].start_char, out[-1].end_char)
            if months:
                first = months["which"].lower() == "first"
                six = months["n"].lower() in {"six", "6"}
                value = c.value + (
                    "-H" + ("1" if first else "2") if six else "-Q" + ("1" if first else "4")
                )
                prev = out.pop()
                c = _Cand(prev.start_char, c.end_char, "DATE", value)
        out.append(c)
    return out


_BREAK = re.compile(r"[.!?;][\"'”’)]*\s+[\"“‘(]?[A-Z]|\n")


def _schedule_clocks(ctx: _Ctx, cands: list[_Cand]) -> None:
    """A clock time in a sentence with a SET is a time of a schedule, on no one day:
    "buses run every 15 minutes from 6 a.m. to 9 p.m.", "open 10:00-18:00 daily"
    (``XXXX-XX-XXT06:00``), not the reference day.  Only the nearest SET on each side is
    looked at (linear in the expressions)."""
    if ctx.ref is None:
        return
    day = ctx.ref.isoformat()
    text = ctx.text
    sets = [c for c in cands if c.type == "SET"]
    if not sets:
        return
    starts = [c.start_char for c in sets]
    for c in cands:
        if "clock" not in c.extra or "dated" in c.extra or not c.value.startswith(day + "T"):
            continue
        k = bisect.bisect_left(starts, c.start_char)
        near = [(s.end_char, c.start_char) for s in sets[max(0, k - 1) : k]]
        near += [(c.end_char, s.start_char) for s in sets[k : k + 1]]
        for lo, hi in near:
            if 0 <= hi - lo < 120 and not _BREAK.search(text, max(0, lo - 1), hi):
                c.value, c.relative = "XXXX-XX-XX" + c.value[len(day) :], False
                break
