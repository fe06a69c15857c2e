"""Machine timestamps: ISO 8601 with seconds and offsets, RFC 2822 mail dates, syslog and
ctime stamps, web-server (common log format) stamps, EXIF stamps.

Each is one TIME expression spanning the whole stamp with its zone (``Z``, ``+03:00``,
``-0600``, ``UTC``); the value is the local time as written, to the second when seconds
are written (``2023-06-24T14:35:12``): TIMEX3 values carry no offset.  A yearless stamp
(syslog's ``Jun 13 08:42:17``) takes its year as any yearless date does."""

from __future__ import annotations

import re

from .context import _valid_day, _yearless
from .expr import _Cand, _Ctx
from .lexicon import _MONTH_ABBR, _MONTHS, month_number

# a clock of a stamp: 24-hour, seconds and fractions optional
_CLOCK = r"(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d|60)(?:[.,]\d{1,9})?)?"
# the zone written after it (kept in the span, not in the value)
_ZONE = (
    r"(?:Z|\s?[+-](?:[01]\d|2[0-3]):?[0-5]\d"
    r"|\s+(?:UTC|GMT|Z|[ECMP][SD]T|BST|CEST|CET|EEST|EET|MSK|IST|JST|AEST|AEDT)(?![\w+-]))?"
)
_MON = (
    "(?P<mon>"
    + "|".join(sorted({w.title() for w in list(_MONTH_ABBR) + list(_MONTHS)}, key=len)[::-1])
    + "|"
    + "|".join(sorted({w.upper() for w in _MONTH_ABBR}, key=len)[::-1])
    + r")(?![a-z])\.?"
)
_END = r"(?![\w:]|[.,]\d)"

_ISO_STAMP = re.compile(
    rf"(?P<y>\d{{4}})(?P<sep>[-/:])(?P<mo>\d\d)(?P=sep)(?P<d>\d\d)(?:T|[ \t]+){_CLOCK}{_ZONE}{_END}"
)
_CLF_STAMP = re.compile(  # [24/Jun/2023:02:00:01 +0000]
    rf"(?P<d>\d\d?)/{_MON}/(?P<y>\d{{4}}):{_CLOCK}(?:\s[+-]\d{{4}})?{_END}"
)
_RFC_STAMP = re.compile(  # (Sat, )29 Jan 2005 17:21:13 -0600
    rf"(?P<d>\d\d?)\s+{_MON}\s+(?P<y>\d{{4}})[ \t]+{_CLOCK}{_ZONE}{_END}"  # not over a line end
)
_LOG_STAMP = re.compile(  # syslog "Jun 13 08:42:17", ctime / git "Sep 9 11:04:27 2017 +0200"
    rf"{_MON}\s+(?P<d>\d\d?)\s+(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d):(?P<S>[0-5]\d)"
    rf"(?:\s+(?P<y>\d{{4}}))?{_ZONE}{_END}"
)
_WEEKDAY_BEFORE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+$")


def _stamp(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mon = int(m["mo"]) if "mo" in m.re.groupindex else month_number(m["mon"])
    d = int(m["d"])
    clock = f"T{int(m['H']):02d}:{m['M']}" + (f":{m['S']}" if m["S"] else "")
    start = m.start()
    before = _WEEKDAY_BEFORE.search(ctx.text, max(0, start - 12), start)
    if before is not None and "mo" not in m.re.groupindex:
        start = before.start()  # "Tue, 13 Jun 2023 ...", "Sat Sep 9 ..."
    if m["y"]:
        y = int(m["y"])
        if not _valid_day(y, mon, d):
            return None
        return _Cand(start, m.end(), "TIME", f"{y:04d}-{mon:02d}-{d:02d}{clock}")
    if not _valid_day(2000, mon, d):
        return None

    def fmt(year: int) -> str:
        return f"{year:04d}-{mon:02d}-{d:02d}"

    day, relative = _yearless(ctx, start, m.end(), fmt)
    return _Cand(start, m.end(), "TIME", day + clock, relative=relative, year_explicit=False)


def _h_iso_stamp(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if not m["S"] and (m["sep"] == ":" or m.group(0)[10:11] != "T"):
        return None  # without seconds or a "T", a date and a clock are read apart
    return _stamp(m, ctx)


def _h_stamp(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _stamp(m, ctx)


def _h_log_stamp(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _stamp(m, ctx)
