"""The reference date of a document: when it was written (CONTRACTS §1).

Looked for, in order: YAML front matter `date:`, HTML
`<meta property="article:published_time">`, the first `<time datetime>`, and
a dateline with a year ("MINSK, July 29, 2020 (Reuters) -"). Never the clock.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_FM_DATE = re.compile(r"^date:\s*[\"']?" + _ISO, re.MULTILINE)
_META = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?:article:published_time|date|pubdate|"
    r"publish-date|dc\.date)[\"'][^>]*>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"content\s*=\s*[\"']\s*" + _ISO, re.IGNORECASE)
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']\s*" + _ISO, re.IGNORECASE)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z .'-]{1,40},(?:[ \t]+[A-Z][a-z]+,)?[ \t]+"
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+(\d{1,2}),?[ \t]+(\d{4})"
    r"[ \t]*(?:\([^)]{1,40}\))?[ \t]*[-–—]",
    re.MULTILINE,
)
_HEAD = 20_000


def _make(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def find_reference_date(text: str) -> tuple[date, str] | None:
    """(date, where it came from) or None."""
    head = text[:_HEAD]
    fm = _FRONT_MATTER.match(head)
    if fm:
        m = _FM_DATE.search(fm.group(1))
        if m and (d := _make(*m.groups())):
            return d, "front matter"
    for meta in _META.finditer(head):
        m = _CONTENT.search(meta.group(0))
        if m and (d := _make(*m.groups())):
            return d, "HTML meta"
    m = _TIME_TAG.search(head)
    if m and (d := _make(*m.groups())):
        return d, "HTML <time>"
    m = _DATELINE.search(head[:3000])
    if m:
        d = _make(m.group(3), str(_MONTHS[m.group(1).lower()]), m.group(2))
        if d:
            return d, "dateline"
    return None
