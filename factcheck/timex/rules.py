"""The rule table: each `_Rule` is an anchor kind, a regex and its handler; the
anchor words that start each kind."""

from __future__ import annotations

import re

from .days import (
    _h_every_part,
    _h_last_night,
    _h_oclock,
    _h_rel,
    _h_season,
    _h_set,
    _h_this_part,
    _h_time,
    _h_weekday,
)
from .eras import DECADE_RE, ERA_RE, _h_decade, _h_era
from .expr import _Rule
from .handlers import (
    _h_apos_decade,
    _h_dashed_day,
    _h_day_month,
    _h_fy,
    _h_iso,
    _h_iso_week,
    _h_month,
    _h_nth_day,
    _h_numeric,
    _h_quarter_q,
    _h_year,
    _h_year_month,
    _h_year_part,
)
from .holidays import (
    _DECADE_WORDS,
    _HOLIDAY_ANCHORS,
    _HOLIDAY_PATTERNS,
    _WORD_DECADE_RE,
    _WORD_YEAR_RE,
    _h_holiday,
    _h_word_decade,
    _h_word_year,
)
from .lexicon import (
    _DAY_WORD_ALT,
    _MONTH_ABBR,
    _MONTH_ALT,
    _MONTHS,
    _REL_ALT,
    _REL_WORDS,
    _SEASONS,
    _SET_ALT,
    _SET_WORDS,
    _UNIT_ALT,
    _UNITS,
    _WEEKDAY_ALT,
    _WEEKDAYS,
)
from .periods import _h_in_the_unit, _h_period
from .stamps import _CLF_STAMP, _ISO_STAMP, _LOG_STAMP, _RFC_STAMP, _h_iso_stamp, _h_stamp
from .units import _h_unit


def _anchor_table() -> dict[str, str]:
    table: dict[str, str] = {}
    words = {
        "month": list(_MONTHS) + list(_MONTH_ABBR),
        "weekday": list(_WEEKDAYS) + [w + "s" for w in _WEEKDAYS],
        "unit": list(_UNITS) + [w + "s" for w in _UNITS] + ["centuries"],
        "season": list(_SEASONS) + [w + "s" for w in _SEASONS],
        "rel": list(_REL_WORDS),
        "set": list(_SET_WORDS),
        "this": ["this", "early", "late"],
        "night": ["night", "morning", "afternoon", "evening"],
        "holiday": list(_HOLIDAY_ANCHORS),
        "yearword": ["eighteen", "nineteen", "twenty", "two"] + list(_DECADE_WORDS),
        "quarter": ["q", "h"],
        "fy": ["fy"],
        "period": ["period"],
        "oclock": ["clock"],
        "era": ["bc", "bce", "ad", "ce"],
    }
    for kind, names in words.items():
        for name in names:
            table.setdefault(name, kind)
    return table


_ORD_SUFFIX = r"(?:st|nd|rd|th)?"


_HOLIDAY_RE = re.compile(rf"(?:{'|'.join(_HOLIDAY_PATTERNS)})(?!\w)")


_RANGE_SEP = r"\s*(?:-|–|—|to|through|and)\s*"


_RULES: list[_Rule] = [
    _Rule("iso_stamp", "digit", _ISO_STAMP, _h_iso_stamp),
    _Rule("clf_stamp", "digit", _CLF_STAMP, _h_stamp),
    _Rule("rfc_stamp", "digit", _RFC_STAMP, _h_stamp),
    _Rule("log_stamp", "month", _LOG_STAMP, _h_stamp),
    _Rule(
        "iso",
        "digit",
        re.compile(
            r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d-]|[/.]\d)"
            r"(?:T(?P<H>\d{2}):(?P<M>\d{2}))?"
        ),
        _h_iso,
    ),
    _Rule(
        "numeric",
        "digit",
        re.compile(
            r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w./-]?\d)"
        ),
        _h_numeric,
    ),
    _Rule(
        "day_month",
        "digit",
        re.compile(
            rf"(?P<d1>\d{{1,2}}){_ORD_SUFFIX}(?:{_RANGE_SEP}(?P<d2>\d{{1,2}}){_ORD_SUFFIX})?"
            rf"\s+(?:of\s+)?(?P<mon>{_MONTH_ALT})(?:,?\s+(?P<y>\d{{4}})(?!\w))?"
        ),
        _h_day_month,
    ),
    _Rule(
        "time",
        "digit",
        re.compile(
            r"(?<!\d[:.])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})(?::(?P<se>[0-5]\d)(?:[.,]\d{1,6})?)?)?"
            r"(?![\d:])\s*"
            r"(?:(?P<ap>[AaPp](?:\.\s?[Mm]\.?|\s?[Mm])(?!\w))|(?<=\d)(?=[^\w:.]|\.(?!\w)|$))"
            r"(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|"
            r"(?i:eastern|central|mountain|pacific)(?:\s+(?i:standard|daylight))?"
            r"\s+(?i:time))\b|(?(se)(?P<off>(?<=\d)Z|\s?[+-](?:[01]\d|2[0-3]):?[0-5]\d)(?![\w:])|(?!x)x))?"
        ),
        _h_time,
    ),
    _Rule(  # "1900 GMT", "1430 local time", "at 0800 hours": a 24-hour clock without colon
        "military_time",
        "digit",
        re.compile(
            r"(?<![\d:+-])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<ap>(?!x)x)?(?:\s*"
            r"(?:GMT|UTC|Z|[ECMP][SD]T|BST|CEST|CET|EEST|EET|MSK|IST|JST|AEST|AEDT"
            r"|(?<=(?i:at|by) \d{4} )(?i:hours|hrs))(?!\w)|(?=\s*(?i:local\s+time)))"
        ),
        _h_time,
    ),
    _Rule(
        "year_month",
        "digit",
        re.compile(r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])(?![\w%]|[-/.:]\d|[.,]\d)"),
        _h_year_month,
    ),
    _Rule(
        "iso_week",
        "digit",
        re.compile(r"(?P<y>\d{4})-?W(?P<w>\d\d)(?:-(?P<d>[1-7]))?(?![\w-])"),
        _h_iso_week,
    ),
    _Rule(
        "year_part",
        "digit",
        re.compile(r"(?P<y>\d{4})-?(?P<kind>[QHqh])(?P<q>[1-4])(?!\w)"),
        _h_year_part,
    ),
    _Rule(
        "dashed_day",
        "digit",
        re.compile(rf"(?P<d>\d{{1,2}})-(?P<mon>{_MONTH_ALT})-(?P<y>\d{{4}}|\d{{2}})(?!\w|[.,]\d)"),
        _h_dashed_day,
    ),
    _Rule("nth_day", "digit", re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)\b"), _h_nth_day),
    _Rule(
        "year",
        "digit",
        re.compile(
            r"(?P<y>\d{4})(?P<s>s|['’]s)?(?![\w%]|[.,]\d)"
            r"(?:\s*(?:-|–|—)\s*(?P<y2>\d{4}|\d{2})(?![\w%]|[.,]\d))?"
        ),
        _h_year,
    ),
    _Rule(
        "month",
        "month",
        re.compile(
            rf"(?P<mon>{_MONTH_ALT})"
            rf"(?:\s+(?P<d1>\d{{1,2}}){_ORD_SUFFIX}(?![\d:.,]\d)(?!\w)"
            rf"(?:{_RANGE_SEP}(?P<d2>\d{{1,2}}){_ORD_SUFFIX}(?!\w))?"
            rf"|\s+(?P<dw>(?i:{_DAY_WORD_ALT}))(?![\w-]))?"
            rf"(?:,?\s+(?:of\s+)?(?P<y>\d{{4}})(?![\w%]|[.,]\d)|\s+['’](?P<y2>\d\d)(?!\w))?"
        ),
        _h_month,
    ),
    _Rule(
        "weekday",
        "weekday",
        re.compile(
            rf"(?P<wd>{_WEEKDAY_ALT})(?P<plural>s)?\b"
            r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)s?)\b)?"
        ),
        _h_weekday,
    ),
    _Rule(
        "season",
        "season",
        re.compile(
            r"(?i:(?P<season>spring|summer|autumn|fall|winter)(?P<plural>s)?\b"
            r"(?:\s+(?:of\s+)?(?P<y>\d{4})(?!\w))?)"
        ),
        _h_season,
    ),
    _Rule("unit", "unit", re.compile(rf"(?i:{_UNIT_ALT})\b"), _h_unit),
    _Rule("rel", "rel", re.compile(rf"(?i:{_REL_ALT})\b"), _h_rel),
    _Rule("set", "set", re.compile(rf"(?i:{_SET_ALT})\b"), _h_set),
    _Rule("period", "period", re.compile(r"(?i:period)\b"), _h_period),
    _Rule("oclock", "oclock", re.compile(r"(?i:clock)\b"), _h_oclock),
    _Rule(
        "quarter",
        "quarter",
        re.compile(r"(?P<kind>[QH])(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?(?!\w)"),
        _h_quarter_q,
    ),
    _Rule("fiscal_year", "fy", re.compile(r"FY\s?(?P<y>\d{4}|\d{2})(?![\w%]|[.,]\d)"), _h_fy),
    _Rule("era", "era", ERA_RE, _h_era),
    _Rule("bare_decade", "digit", DECADE_RE, _h_decade),
    _Rule("apos_decade", "apos", re.compile(r"['’](?P<d>\d)0s\b"), _h_apos_decade),
    _Rule("holiday", "holiday", _HOLIDAY_RE, _h_holiday),
    _Rule("word_year", "yearword", _WORD_YEAR_RE, _h_word_year),
    _Rule("word_decade", "yearword", _WORD_DECADE_RE, _h_word_decade),
    _Rule("last_night", "night", re.compile(r"(?i:night)\b"), _h_last_night),
    _Rule("in_the_unit", "unit", re.compile(r"(?i:year|month|week)\b"), _h_in_the_unit),
    _Rule(
        "every_part",
        "night",
        re.compile(r"(?i:morning|afternoon|evening|night)\b"),
        _h_every_part,
    ),
    _Rule(
        "this_part",
        "this",
        re.compile(r"(?i:(?:this|early|late)\s+(?:morning|afternoon|evening))\b"),
        _h_this_part,
    ),
]


_ANCHORS = _anchor_table()


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of words, factored by common prefixes (fast in `re`)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


assert all(w.isascii() and w.isalpha() and w.islower() for w in _ANCHORS)  # see `_anchors`


# One scan finds only the anchors: a word of `_ANCHORS` (lower, Title or UPPER case, a
# whole word), a number not glued to a previous word/number/currency sign, the apostrophe
# of "the '90s".
_ANCHOR_SCAN = re.compile(
    r"(?<![A-Za-z])(?:"
    + _trie_pattern(
        sorted(  # case-sensitive is 2x faster in `re`
            {v for w in _ANCHORS for v in (w, w.capitalize(), w.upper())}
        )
    )
    + r")(?![A-Za-z])"
    r"|(?<![\w.,$£€#/])(?:(?<!\d[-–])|(?<=:\d\d[-–]))\d+|['’](?=\d0s\b)"
)


# The same matches, found faster. `re` tries a pattern that starts with a lookbehind at
# every position, but skips quickly to a literal first character or one of a small class:
# so an anchor word is looked for after a space, after another non-letter and at the
# start, numbers from their first digit, apostrophes only where a "0s" follows. No two
# matches of `_ANCHOR_SCAN` overlap (a whole run of letters, a whole run of digits, an
# apostrophe), so the scans may run one after the other and be merged.
#
# The word scans read a lowercased byte copy of the text (`_anchors`) with a lowercase
# trie: half the first letters to try at each word start (`re` tries the alternatives of
# a group one by one), and a word is a whole run of ASCII letters either way.  Its case
# is checked after (lower, Title or UPPER, as the variants in `_ANCHOR_SCAN`).
_ANCHOR_WORD = "(" + _trie_pattern(sorted(_ANCHORS)) + ")(?![a-z])"


_WORD_AFTER_SPACE = re.compile((" " + _ANCHOR_WORD).encode())


_WORD_AFTER_OTHER = re.compile(("[^a-z ]" + _ANCHOR_WORD).encode())


_WORD_AT_START = re.compile(_ANCHOR_WORD.encode())


_NUMBER_START = re.compile(r"\d(?<![\w.,$£€#/]\d)(?:(?<!\d[-–]\d)|(?<=:\d\d[-–]\d))\d*")


# the same for Latin-1 text, which has no decimal digit but 0-9: a cheaper first test
# than \d's (a Unicode table look-up at every character)
_NUMBER_START_LATIN1 = re.compile(r"[0-9](?<![\w.,$£€#/]\d)(?:(?<!\d[-–]\d)|(?<=:\d\d[-–]\d))\d*")


_DECADE_APOSTROPHE = re.compile(r"['’](?=\d0s\b)")


def _anchors(text: str) -> list[tuple[int, str]]:
    """(start, text) of each `_ANCHOR_SCAN` match, in order."""
    try:
        raw = text.encode("latin-1")
        numbers = _NUMBER_START_LATIN1
    except UnicodeEncodeError:
        raw = text.encode("latin-1", "replace")  # "?" (no letter) for the others
        numbers = _NUMBER_START
    low = raw.lower()  # one byte a character, only ASCII letters changed: same offsets
    spans = [
        m.span(1) for scan in (_WORD_AFTER_SPACE, _WORD_AFTER_OTHER) for m in scan.finditer(low)
    ]
    first = _WORD_AT_START.match(low)
    if first is not None:
        spans.append(first.span(1))
    found = [
        (s, word)
        for s, e in spans
        if (word := text[s:e]).islower() or word.isupper() or word.istitle()
    ]
    found += [(m.start(), m.group()) for m in numbers.finditer(text)]
    if "0s" in text:
        found += [(m.start(), m.group()) for m in _DECADE_APOSTROPHE.finditer(text)]
    found.sort()
    return found


_RULES_BY_ANCHOR: dict[str, list[_Rule]] = {}


for _rule in _RULES:
    _RULES_BY_ANCHOR.setdefault(_rule.anchor, []).append(_rule)
