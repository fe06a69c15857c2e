"""The reference date of a document: when it was written (CONTRACTS §1).

Looked for in the head of the document (its first 20,000 characters), in order:

1. YAML front matter ``date:`` (also ``published:`` / ``pubDate:``), as an ISO date or
   datetime or a written date (``date: June 23, 2023``)  -> source "front matter";
2. HTML ``<meta>`` with ``article:published_time`` / ``datePublished`` / ``date`` /
   ``pubdate`` / ``publish-date`` / ``dc.date`` (property, name or itemprop)
   -> "HTML meta";
3. JSON-LD ``"datePublished": "2023-06-23..."``  -> "JSON-LD";
4. the first ``<time datetime="...">``  -> "HTML <time>";
5. a dateline with a year: ``MINSK, July 29, 2020 (Reuters) -``,
   ``NEW YORK, July 29, 2020 /PRNewswire/ --``, ``PARIS, 29 July 2020 (AFP) -``
   -> "dateline";
6. a dateline without a year (``MINSK, July 29 (Reuters) -``) completed with the year of
   a publication line of the head (``Published July 29, 2020``, ``Updated: 2020-07-29``,
   ``© 2020 Reuters``, ``Copyright 2020``), only where all such lines agree on one year
   -> "dateline + year".  A yearless dateline with no such year gives nothing: the year
   is never guessed, and never taken from the clock.
"""

from __future__ import annotations

import re
from datetime import date

from .timex.lexicon import month_number

_HEAD = 20_000
_DATELINE_HEAD = 3000
_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_MON = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_FM_DATE = re.compile(
    r"^(?:date|published|pubDate|publish_date|date_published):[ \t]*[\"']?(.+?)[\"']?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_META = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|"
    r"datePublished|date|pubdate|publish-date|publishdate|dc\.date|dcterms\.date|"
    r"og:published_time)[\"'][^>]*>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"content\s*=\s*[\"']\s*" + _ISO, re.IGNORECASE)
_JSON_LD = re.compile(r"[\"']datePublished[\"']\s*:\s*[\"']\s*" + _ISO)
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']\s*" + _ISO, re.IGNORECASE)

# "MINSK, July 29, 2020 (Reuters) -": a place in capitals, an optional weekday, the date
# (month-day or day-month, the year optional), an optional agency, then a dash.
_PLACE = r"^[ \t>*_]*[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,4}(?:,[ \t]+[A-Z][A-Za-z. ]{1,25})?"
_DATELINE = re.compile(
    _PLACE + r"[ \t]*,(?:[ \t]+[A-Z][a-z]+day,)?[ \t]+"
    r"(?:" + _MON + r"[ \t]+(\d{1,2})|(\d{1,2})[ \t]+" + _MON + r")"
    r"(?:,?[ \t]+(\d{4}))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?[ \t]*(?:-{1,2}|–|—)",
    re.MULTILINE,
)
# Publication lines of the head that may give the year of a yearless dateline.
_YEAR_LINE = re.compile(
    r"^[^\n]{0,40}?(?:\b(?:published|updated|posted|first\s+published|copyright)\b|©|\(c\))"
    r"[^\n]{0,80}$",
    re.MULTILINE | re.IGNORECASE,
)
_ISO_RE = re.compile(_ISO)
_YEAR = re.compile(r"(?<![\d.,/-])(19[5-9]\d|20\d\d)(?![\d.,/-]?\d)")


def _make(y: str | int, m: str | int, d: str | int) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


_WRITTEN = re.compile(
    r"(?:"
    + _MON
    + r"[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?|(\d{1,2})(?:st|nd|rd|th)?[ \t]+"
    + _MON
    + r",?)[ \t]+(\d{4})\b",
    re.IGNORECASE,
)


def _parse_value(value: str) -> date | None:
    """An ISO date/datetime or a written date (``June 23, 2023``, ``23 June 2023``)."""
    value = value.strip()
    m = re.match(_ISO, value)
    if m:
        return _make(*m.groups())
    m = _WRITTEN.search(value)
    if m:
        mon = m.group(1) or m.group(4)
        day = m.group(2) or m.group(3)
        return _make(m.group(5), month_number(mon), day)
    return None


def _dateline(head: str) -> tuple[date, str] | None:
    for m in _DATELINE.finditer(head[:_DATELINE_HEAD]):
        mon = m.group(1) or m.group(4)
        day = m.group(2) or m.group(3)
        if m.group(5):
            d = _make(m.group(5), month_number(mon), day)
            if d:
                return d, "dateline"
            continue
        year, published = _publication_year(head)
        if year is not None and (d := _make(year, month_number(mon), day)):
            if published is not None and d > published:  # "Dec. 31" published Jan. 2
                d = _make(year - 1, month_number(mon), day)
            if d:
                return d, "dateline + year"
        return None  # a yearless dateline and no year to go with it: don't guess
    return None


def _publication_year(head: str) -> tuple[int | None, date | None]:
    """The one year named by the publication lines of the head (if they agree), and the
    earliest full date written on them."""
    years: set[int] = set()
    dates: list[date] = []
    for line in _YEAR_LINE.finditer(head[:_DATELINE_HEAD]):
        text = line.group(0)
        years.update(int(y) for y in _YEAR.findall(text))
        for m in _ISO_RE.finditer(text):
            if d := _make(*m.groups()):
                dates.append(d)
                years.add(d.year)
        written = _WRITTEN.search(text)
        if written and (d := _parse_value(written.group(0))):
            dates.append(d)
    if len(years) != 1:
        return None, None
    return years.pop(), min(dates) if dates else None


def parse_reference_date(value: str) -> date | None:
    """A reference date given by the user or a corpus: ``2023-06-23`` or an ISO datetime
    (``1998-02-27T08:17:00``, ``2020-07-29 10:00``, ``...Z``, ``...+02:00``): its date
    part, as written (no time-zone shift).  None if it is not one."""
    if not isinstance(value, str):
        return None
    m = re.fullmatch(
        _ISO + r"(?:[T ]\d{1,2}(?::\d{2}){0,2}(?:[.,]\d+)?"
        r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
        value.strip(),
    )
    return _make(*m.groups()) if m else None


def find_reference_date(text: str) -> tuple[date, str] | None:
    """(date, where it came from) or None.  Never raises; never looks at the clock."""
    if not text or not isinstance(text, str):
        return None
    head = text[:_HEAD]
    fm = _FRONT_MATTER.match(head)
    if fm:
        for m in _FM_DATE.finditer(fm.group(1)):
            if d := _parse_value(m.group(1)):
                return d, "front matter"
    for meta in _META.finditer(head):
        m = _CONTENT.search(meta.group(0))
        if m and (d := _make(*m.groups())):
            return d, "HTML meta"
    m = _JSON_LD.search(head)
    if m and (d := _make(*m.groups())):
        return d, "JSON-LD"
    m = _TIME_TAG.search(head)
    if m and (d := _make(*m.groups())):
        return d, "HTML <time>"
    return _dateline(head)
