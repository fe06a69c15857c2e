"""Rule-based temporal tagger: find and normalise time expressions in news text.

`find_times(text, reference_date)` returns `TimeExpr` objects carrying a TIMEX3-style
type and value plus the calendar interval the expression denotes.  Pure Python, stdlib
only; never raises on any input and never looks at the machine's clock.

Design
------
* One regex scan (`_ANCHOR_SCAN`, a prefix-factored alternation of the `_ANCHORS` words
  plus numbers; run as a few faster scans, `_anchors`) finds only the anchor tokens that
  can start the core of an expression: a
  number, a month name, a weekday, a unit word such as ``year``, a relative word such as
  ``yesterday``, a holiday ...  Only there are the rules of that anchor kind tried
  (``pattern.match(text, pos)``), so the cost is one C-level scan plus a little Python
  per anchor (several MB/s; ``benchmarks/bench_tagger.py`` compares it with spaCy's
  tokenizer).  To extend the tagger add a
  `_Rule` (compiled regex + small normaliser returning a `_Cand`) to `_RULES` and, if
  needed, its anchor words to `_anchor_table`.
* Words to the left of a core (``the``, ``early``/``mid``/``late``, ``the end of``,
  ``last``/``next``/``this``, numbers before a unit) are read by `_prev_words` instead of
  being anchors themselves: ``the`` is too frequent to be one.
* Overlaps are resolved longest-first; then adjacent expressions are merged (ranges such
  as ``from 2014 to 2016``, date + clock time, ``Saturday, April 25``, month + spoken
  year) and ``a year earlier`` is anchored to the quarter in focus.

Conventions (documented choices)
--------------------------------
* Spans follow TIMEX3: leading prepositions (``in``, ``since``, ``until`` ...) are not part
  of the span; they set ``relation`` instead.  ``the`` is included for decades,
  centuries, quarters, seasons and the weekend (``the 1990s``); modifiers (``early``,
  ``the end of``) and approximators (``nearly two years``) are included.
* The value never contains the modifier (``early 2023`` -> value ``2023``, mod ``START``);
  the interval is narrowed to the first / middle / last third of the days of the
  interval for START / MID / END (``early July`` = July 1-10).
* relation ``since``: start = start of the expression, end = reference date (or None);
  ``until``/``by``: start None, end = end of the expression; ``before``: end = the day
  before the start; ``after``: start = the day after the end.  Ranges (relation
  ``between``) have the ISO 8601 interval value ``A/B`` and span both ends; a year given
  only on the right end is shared (``between May and July 2022``).  TIMEX3 corpora tag
  the two ends separately: ``find_times(..., merge_ranges=False)`` does that, and then
  also splits a day range written as one group as TIMEX3 corpora do (``June 23-24, 2023``
  -> ``June 23`` + ``24, 2023``; ``April 24 and 25`` -> ``April 24`` + ``25``).
* Without a reference date nothing is resolved against "today": values are
  underspecified (``XXXX-03``, ``XXXX-WXX-7``, ``PAST_REF``) and start/end are None.
* With a reference date:
  - a bare weekday is the most recent one on or before the reference date (the same day
    counts), unless the nearest tense cue in its clause looks forward (``will``, ``is
    to``, ``expected`` ...): then the first one on or after it; ``last``/``next`` are
    strictly before/after;
  - a yearless month, day of month, season or holiday takes the year of the governing
    tense cue's direction (past: last occurrence starting on or before the reference
    date; future: first one not ending before it); a cue further than a few words away
    is overruled by an occurrence within two months of the reference date (``the company
    said ... payable Nov. 16``); with no cue, the closest occurrence wins, unless it is
    more than two months away and the date follows ``until``/``by`` (ahead) or
    ``since`` (back).  The governing cue is the nearest one in the clause (``a.m.`` or
    ``Oct.`` do not end a clause), except that words of other time expressions
    (``last``, ``ago``) are skipped and a participle or adjective after a modal leaves the
    modal in charge (``will redeem the preferred shares on Oct. 31``, ``would be paid
    in January``, ``will hit on Friday``) unless it stands right before the date
    (``would appeal the ruling, announced Wednesday``);
  - a yearless quarter is the closest one, or with a past tense the last one begun by the
    reference date (a future cue does not push it ahead: results come after a quarter);
  - ``the quarter`` / ``the latest quarter`` is the last completed quarter; ``a year
    earlier`` right after a quarter is that quarter a year back (``2022-Q2``);
    ``the year ended March 31`` is a DURATION ``P1Y``; ``for the year,`` the current year;
    ``the latest period`` is the quarter (or half) in focus, else the last completed
    quarter, and ``the same period last year`` / ``the 2022 period`` that period in the
    year named; ``the latest fiscal year`` is the last completed (calendar) year;
  - ``(later) that year``, ``earlier that day``, ``the following month`` are anchored to the
    last date mentioned before them (the reference date when there is none);
    ``the week of March 4`` is the ISO week of that day; ``year-end`` is the current year
    with mod END (the previous one after ``since``);
  - ``in recent years`` (after ``in``/``over``/``during``/``for``) is the DURATION ``PXY``,
    other ``recent years`` ``PAST_REF``;
  - ``the quarter ended June 30`` is the calendar quarter overlapping most the three months
    up to that day (``2023-Q2``; ``ended July 31`` -> Q2); ``on the 15th`` (after a
    preposition of time, before no noun) the nearest 15th, or the last / next one per the
    governing tense.
* ``soon`` is FUTURE_REF after a modal or in a clause not in the past (never ``as soon
  as``, ``soon after``); ``current`` before a lowercase word is PRESENT_REF (``current
  market conditions``; not ``current account`` or the noun), ``then current`` PAST_REF;
  ``future quarters`` FUTURE_REF.  Without a reference date ``on the 15th`` is
  ``XXXX-XX-15`` and ``Friday, Oct. 9`` one expression ``XXXX-10-09``.
* SETs: ``every other week`` ``P2W``, ``every summer`` ``XXXX-SU``, ``every morning``
  ``TMO``, adverbial ``quarterly`` ``P1Q`` (not ``quarterly earnings``); ``half an hour``
  is ``PT30M`` and ``a dozen years`` ``P12Y``.
* ``earlier in the year`` / ``later in the month`` are the reference's year / month (not
  ``later in the day``: the day just named); ``midday``, ``mid-afternoon`` are TIMEs of
  the reference day (``T12:00``, ``TAF``).  A weekday with a part of day (``Friday
  night``) keeps the day's value (corpora tag it both ways).
* Clock times (``8 PM``) are put on the reference day (``2023-06-23T20:00``), or on the
  date they are written with; without a reference they stay ``T20:00``.
* Numeric dates ``a/b/yyyy``: ``day_first`` (the locale) picks the order unless it is
  impossible (a part > 12 must be the day: ``15/03/2023`` is 15 March either way); with
  ``day_first`` None, when both orders are possible and the parts differ, only the year
  is kept (value ``yyyy``, precision ``year``).  ``yyyy/mm/dd`` and ``yyyy.mm.dd`` are
  read like ISO dates.
* A bare 4-digit number is a year only in 1000..2199 and in a year-like context (after
  ``in``/``since``/``the``/a month/a capitalised name ..., or before punctuation), never
  before a count noun or unit (``2020 votes``, ``2020 km``) or after ``p.``/``No.``.
* ``the 1800s`` (a round hundred before 2000) is the century ``18``; ``the 2000s`` the
  decade ``200``.  ``FY2023`` is the year ``2023`` like ``fiscal 2023``; ``H1 2022`` the
  half ``2022-H1``; ``on weekends`` the SET ``XXXX-WE``; bare ``months ago`` the DURATION
  ``PXM`` (as TimeBank); ``last Christmas`` / ``next Easter`` the one before / after the
  reference date.  A weekday after ``until`` with no tense cue, or right after ``is`` /
  ``are`` (``the vote is on Friday``), looks ahead; ``extended to`` / ``postponed until``
  are future cues, ``had been due to`` a past one.  In a range of two yearless ends the
  right end is the first one on or after the left (``from December to February``).
* Seasons are northern: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb (of the next year).
  Holidays use US federal rules where they differ (Thanksgiving, Labor Day ...).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["TimeExpr", "find_times", "interval_of"]


@dataclass(frozen=True)
class TimeExpr:
    """A normalised time expression found in a text.

    type: DATE | TIME | DURATION | SET.  value: TIMEX3 (``2020-07-29``, ``2023-Q1``,
    ``199``, ``XXXX-WXX-7``, ``PRESENT_REF``, ``P3D``, ``2014/2016`` for a range ...).
    start/end: inclusive calendar interval, None where unknown.  precision: day, week,
    month, season, quarter, half (``2023-H1``), year, decade, century, weekday, time, none.
    """

    text: str
    start_char: int
    end_char: int
    type: str
    value: str
    start: datetime.date | None
    end: datetime.date | None
    precision: str
    relation: str = "at"
    mod: str | None = None
    weekday: int | None = None
    relative: bool = False


# --------------------------------------------------------------------------- lexicon

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DAYPARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_UNITS = {
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "F",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "quarter": "Q",
    "hour": "H",
    "minute": "MIN",
    "second": "S",
    "half": "HALF",
}
_SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P1Q",
}
_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "a": 1,
    "an": 1,
    "single": 1,
    "dozen": 12,
}
_VAGUE_NUMBERS = {"few", "several", "some", "many", "couple", "number", "dozens", "hundreds"}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
_MOD_PHRASES: list[tuple[tuple[str, ...], str]] = [
    (("the", "beginning", "of"), "START"),
    (("the", "start", "of"), "START"),
    (("the", "end", "of"), "END"),
    (("the", "close", "of"), "END"),
    (("the", "middle", "of"), "MID"),
    (("beginning", "of"), "START"),
    (("start", "of"), "START"),
    (("end", "of"), "END"),
    (("middle", "of"), "MID"),
    (("the", "early"), "START"),
    (("the", "late"), "END"),
    (("the", "mid"), "MID"),
    (("early",), "START"),
    (("late",), "END"),
    (("mid",), "MID"),
]
_APPROX = {
    "about": "APPROX",
    "around": "APPROX",
    "nearly": "APPROX",
    "almost": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
}
_APPROX2 = {
    ("more", "than"): "MORE_THAN",
    ("less", "than"): "LESS_THAN",
    ("at", "least"): "EQUAL_OR_MORE",
    ("up", "to"): "EQUAL_OR_LESS",
    ("at", "most"): "EQUAL_OR_LESS",
}
_RELATION_WORDS = {
    "since": "since",
    "until": "until",
    "till": "until",
    "by": "until",
    "before": "before",
    "after": "after",
    "from": "since",
    "prior": "before",
}
# Words before a bare 4-digit number that make it a year.
_YEAR_LEFT = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "the",
    "fiscal",
    "year",
    "to",
    "through",
    "and",
    "between",
    "circa",
    "around",
    "throughout",
    "for",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "in-",
    "pre",
    "post",
    "than",
    "as",
    "or",
    "its",
    "this",
    "that",
    "on",
    "at",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "due",
    "is",
    "was",
    "were",
    "ended",
    "ending",
    "both",
}
# Nouns that make a preceding number a count or an amount, not a year.
_COUNT_NOUN_TEXT = (
    "people men women children votes voters troops soldiers contractors km kilometres  "
    "kilometers miles meters metres feet foot inches tons tonnes dollars euros pounds yen  "
    "yuan cents percent pct units cars homes houses jobs deaths cases points shares barrels  "
    "acres employees workers members students patients residents delegates seats words pages  "
    "copies kg kilograms lbs calories hp mph kmh rounds times years months days weeks hours  "
    "minutes seconds items families refugees prisoners fighters officers police protesters  "
    "civilians lives victims flights tickets rooms beds vehicles trucks planes ships boats  "
    "guns rifles missiles rockets bombs signatures applications companies firms stores plants  "
    "sites locations bn m million billion trillion thousand hundred square sq ft gb mb tb mw  "
    "kw gw mhz ghz st street avenue ave road rd boulevard blvd lane drive dr way pence  "
    "francs rupees pesos rubles roubles shekels dinars lira yards gallons litres liters  "
    "degrees cc ml mm cm kwh lb oz grams ounces hectares tonnes megawatts gigawatts bytes"
)
_COUNT_NOUNS = frozenset(_COUNT_NOUN_TEXT.split())
# Tense cues: the one governing an expression (within its clause) decides whether a
# yearless date looks back (default) or ahead.  Read word by word (`_cues`): a big regex
# alternation is several times slower.
_FUTURE_WORDS = frozenset(
    "will won't shall due expected scheduled planned planning next upcoming coming would "
    "might expect expects intend intends payable effective expire expires expiring "
    "deadline".split()
)
_FUTURE_BEFORE_TO = frozenset(  # "set to", "supposed to"
    "going is are set plan plans hope hopes supposed likely aims aim intend vowed pledged "
    "promised".split()
)
# "extended to Nov. 16", "postponed until Tuesday": the new date lies ahead
_PUT_OFF = frozenset("extended postponed delayed deferred adjourned rescheduled".split())
_PUT_OFF_TO = frozenset("to until till through".split())
_PAST_WORDS = frozenset(
    "said says was were had did ago last earlier began took came went met brought bought "
    "sold made gave told won lost fell rose saw became left paid sent got found spent led "
    "kept struck fought built hit ran held stood shot broke wrote spoke chose drew grew knew "
    "threw flew drove caught sought taught thought felt heard fled sank swore "
    "withdrew".split()
)
_NOT_FINITE_AFTER = frozenset("be been being to is are".split())  # "will be paid"
_ED_NOT_BEFORE = frozenset("to until through by".split())  # "extended through May"
_MODALS = frozenset("will won't shall would going_to is_to are_to".split())
_CUE_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# the words a cue can start with (see `_cues`), besides "-ed" and "'ll" words
_CUE_STARTS = (
    _FUTURE_BEFORE_TO
    | _PUT_OFF
    | _FUTURE_WORDS
    | _PAST_WORDS
    | frozenset({"to", "set", "had", "has", "have", "as"})
)


class _Cue:
    """A tense cue: kind "future" / "past", its (lowercase) words, where it stands."""

    __slots__ = ("kind", "word", "start", "end")

    def __init__(self, kind: str, word: str, start: int, end: int) -> None:
        self.kind, self.word, self.start, self.end = kind, word, start, end


def _cues(text: str, lo: int, hi: int) -> list[_Cue]:
    """The tense cues in text[lo:hi], in order."""
    toks = [(m.group(), m.start(), m.end()) for m in _CUE_WORD.finditer(text, lo, hi)]
    out: list[_Cue] = []
    n = len(toks)
    i = 0
    while i < n:
        w, s, e = toks[i]
        lw = w.lower()
        if lw not in _CUE_STARTS and not lw.endswith(("ed", "'ll", "’ll")):
            i += 1  # most words: no branch below can take them
            continue
        nxt = toks[i + 1][0].lower() if i + 1 < n else ""
        nxt2 = toks[i + 2][0].lower() if i + 2 < n else ""
        if lw in _FUTURE_BEFORE_TO and nxt == "to":
            k = i + 2 if nxt2.isalpha() and nxt2.islower() and nxt2 not in _FUTURE_WORDS else i + 1
            out.append(_Cue("future", lw + "_to", s, toks[k][2]))  # to its verb
            i = k + 1
            continue
        if lw == "to" and (nxt in {"begin", "start"} or nxt == "be" and nxt2 == "held"):
            k = i + (2 if nxt == "be" else 1)
            out.append(_Cue("future", "to_" + nxt, s, toks[k][2]))
            i = k + 1
            continue
        if lw == "set" and nxt == "for" and i and toks[i - 1][0].lower() in {"is", "are"}:
            out.append(_Cue("future", "set_for", s, toks[i + 1][2]))  # "is set for Nov. 3"
            i += 2
            continue
        if lw in _PUT_OFF and nxt in _PUT_OFF_TO:
            out.append(_Cue("future", "put_off", s, toks[i + 1][2]))
            i += 2
            continue
        if (
            lw == "had"
            and nxt == "been"
            and nxt2 in _FUTURE_WORDS
            and i + 3 < n
            and toks[i + 3][0] in {"to", "for"}
        ):  # "had been due to (expire)", "had been scheduled for": looks back
            k = i + 4 if i + 4 < n and toks[i + 3][0] == "to" else i + 3
            out.append(_Cue("past", "had_been", s, toks[k][2]))  # to its verb
            i = k + 1
            continue
        if lw in {"has", "have"} and nxt == "been":  # present perfect: looks back
            out.append(_Cue("past", "has_been", s, toks[i + 1][2]))
            i += 2
            continue
        if lw == "as" and nxt in {"soon", "early"} and nxt2 == "as":
            out.append(_Cue("future", "as_soon_as", s, toks[i + 2][2]))
            i += 3
            continue
        if lw.endswith(("'ll", "’ll")):
            out.append(_Cue("future", "will", s, e))
        elif lw in _FUTURE_WORDS:
            out.append(_Cue("future", lw, s, e))
        elif lw in _PAST_WORDS or (
            len(w) >= 5
            and w.endswith("ed")
            and w.islower()
            and not (nxt in _ED_NOT_BEFORE and text[e : toks[i + 1][1]].isspace())
        ):
            prev = toks[i - 1] if i else None
            if not (
                prev
                and prev[0].lower() in _NOT_FINITE_AFTER
                and text[prev[2] : s].isspace()
                and len(text[prev[2] : s]) == 1
            ):
                out.append(_Cue("past", lw, s, e))
        i += 1
    return out


_CLAUSE_END = re.compile(r"[.!?;]\s|\n")
# a dot that ends these is an abbreviation's, not a clause's: "4 a.m. Thursday", "Oct. 31"
_ABBR_END = re.compile(
    r"(?:\b[A-Za-z]|\.[A-Za-z]|\b(?:Mrs?|Ms|Dr|St|Jr|No|Co|Inc|Corp|Ltd|Gen|Gov|Sen|Rep|vs"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\Z"
)


def _clause_ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The clause boundaries (``. ``, ``; ``, a newline) in text[lo:hi]."""
    out = []
    for m in _CLAUSE_END.finditer(text, lo, hi):
        p = m.start()
        if text[p] == "." and _ABBR_END.search(text, max(0, p - 5), p):
            continue
        out.append(m)
    return out


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> list[str]:
    return [w.title() for w in words] + [w.upper() for w in words]


_MONTH_ALT = (
    rf"(?:{_alt(_cased(list(_MONTHS)))})(?!\w)|(?:{_alt(_cased(list(_MONTH_ABBR)))})(?!\w)\.?"
)
_WEEKDAY_ALT = _alt(_cased(list(_WEEKDAYS)))
_UNIT_ALT = (
    r"(?:days?|weeks?|weekends?|fortnights?|months?|years?|decades?|century|centuries|"
    r"quarters?|hours?|minutes?|seconds?|half)"
)
_REL_WORDS = {
    "today": "today",
    "tonight": "tonight",
    "yesterday": "yesterday",
    "tomorrow": "tomorrow",
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "soon": "FUTURE_REF",
    "current": "PRESENT_REF",
    "noon": "T12:00",
    "midday": "T12:00",
    "midmorning": "TMO",
    "midafternoon": "TAF",
    "midnight": "T00:00",
    "future": "FUTURE_REF",
    "past": "PAST_REF",
    "present": "PRESENT_REF",
    # informal spellings (social media), accepted in lower case only
    "tmr": "tomorrow",
    "tmrw": "tomorrow",
    "tmrow": "tomorrow",
    "tdy": "today",
    "tonite": "tonight",
}
_REL_ALT = _alt(list(_REL_WORDS))
_SET_ALT = _alt(list(_SET_WORDS))


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
    }
    for kind, names in words.items():
        for name in names:
            table.setdefault(name, kind)
    return table


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A mutable candidate expression, turned into a `TimeExpr` at the end."""

    start_char: int
    end_char: int
    type: str
    value: str
    relative: bool = False
    weekday: int | None = None
    mod: str | None = None
    takes_the: bool = False
    year_explicit: bool = True
    with_year: Callable[[int], str] | None = None
    bounds: tuple[datetime.date | None, datetime.date | None] | None = None
    relation: str = "at"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class _Ctx:
    text: str
    ref: datetime.date | None
    day_first: bool | None
    merge_ranges: bool = True


_Handler = Callable[[re.Match[str], _Ctx], "_Cand | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    anchor: str
    pattern: re.Pattern[str]
    handler: _Handler


# --------------------------------------------------------------------------- helpers


def _prev_words(text: str, pos: int, n: int) -> list[tuple[str, int]]:
    """Up to n words right before pos (nearest first) as (lowercase word, start)."""
    words: list[tuple[str, int]] = []
    j = pos
    while len(words) < n:
        k = j
        while k > 0 and text[k - 1] in " \t-":
            k -= 1
        if k > 0 and text[k - 1] == "\n" and k == j:
            k -= 1
            while k > 0 and text[k - 1] in " \t":
                k -= 1
        if k == j and words:
            break
        s = k
        while s > 0 and (
            text[s - 1].isalnum() or text[s - 1] in "'’" or _inner_digit_mark(text, s - 1, k)
        ):
            s -= 1
        if s == k or k - s > 20:
            break
        words.append((text[s:k].lower(), s))
        j = s
    return words


def _inner_digit_mark(text: str, i: int, k: int) -> bool:
    """A ``.`` or ``,`` between digits ("1.5", "1,000") belongs to the number."""
    return (
        text[i] in ".," and i > 0 and i + 1 < k and text[i - 1].isdigit() and text[i + 1].isdigit()
    )


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


_NEXT_WORD = re.compile(r"[ \t]*([\w'’%]+)")


def _is_future(ctx: _Ctx, start: int, end: int) -> bool:
    return _tense(ctx, start, end) == "future"


def _tense(ctx: _Ctx, start: int, end: int) -> str | None:
    """The kind ("future" / "past") of the nearest tense cue in the clause, if any."""
    cue = _tense_cue(ctx, start, end)
    return cue[0] if cue else None


def _tense_cue(ctx: _Ctx, start: int, end: int) -> tuple[str, int] | None:
    """Kind and weighted distance (chars) of the nearest tense cue in the clause."""
    text = ctx.text
    lo = max(0, start - 120)
    ends = _clause_ends(text, lo, start)
    lo = ends[-1].end() if ends else lo
    stops = _clause_ends(text, end, min(len(text), end + 80))
    hi = stops[0].start() if stops else min(len(text), end + 80)
    best: tuple[int, bool] | None = None
    before: list[_Cue] = []
    for c in _cues(text, lo, hi):
        if start <= c.start < end:
            continue
        if c.end <= start:
            before.append(c)
            continue
        # a cue after the expression counts less: the governing verb usually precedes it
        dist = 3 * (c.start - end)
        if best is None or dist < best[0]:
            best = (dist, c.kind == "future")
    pick = _governing_cue(text, before, start)
    if pick is not None and (best is None or start - pick.end <= best[0]):
        best = (start - pick.end, pick.kind == "future")
    if best is None:
        return None
    return ("future" if best[1] else "past"), best[0]


_WEAK_CUES = frozenset({"last", "ago", "earlier", "next", "coming", "upcoming"})
_FINITE_PAST = frozenset({"said", "says", "was", "were", "had", "did"})


_MODAL_GAP = re.compile(
    r"\s+(?:(?:not|also|then|soon|probably|likely|never|again)\s+)?", re.IGNORECASE
)
_VERB_TO_TIME = re.compile(
    r"\s*(?:(?:on|in|at|during|by|from|until|since|through|early|late|last|this)\s+)*(?:the\s+)?",
    re.IGNORECASE,
)


def _governing_cue(text: str, before: list[_Cue], start: int) -> _Cue | None:
    """The tense cue (of those left of an expression, in text order) that governs it.

    The nearest one, except: words of other time expressions (``last``, ``ago``) are
    skipped, and a participle or adjective after a modal (``will redeem the preferred
    shares on``, ``would be paid on an unspecified date in``) leaves the modal in charge.
    """
    cues = [c for c in before if c.word not in _WEAK_CUES] or before
    if not cues:
        return None
    nearest = cues[-1]
    if nearest.kind != "past" or nearest.word in _FINITE_PAST:
        return nearest
    if (
        len(cues) > 1
        and cues[-2].word in _MODALS
        and _MODAL_GAP.fullmatch(text, cues[-2].end, nearest.start)
    ):
        return cues[-2]  # "will hit on Friday": the modal's verb
    if _VERB_TO_TIME.fullmatch(text, nearest.end, start):
        return nearest  # "announced Wednesday", "predicted on Friday": the verb itself
    for c in reversed(cues[:-1]):
        if c.word in _MODALS:
            return c
        if c.kind == "past" and c.word in _FINITE_PAST:
            break
    return nearest


def _year_of(ctx: _Ctx, y: int) -> int:
    """Expand a two-digit year."""
    if y >= 100:
        return y
    pivot = (ctx.ref.year % 100 + 10) if ctx.ref else 30
    return 2000 + y if y <= pivot else 1900 + y


def _add_months(d: datetime.date, k: int) -> datetime.date:
    idx = d.year * 12 + d.month - 1 + k
    y, m = divmod(idx, 12)
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return datetime.date(y, m + 1, day)


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= y <= 9999 and 1 <= d <= calendar.monthrange(y, m)[1]


def _week_value(d: datetime.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _pick_year(ctx: _Ctx, s: int, e: int, fmt: Callable[[int], str]) -> int:
    """Year for a yearless expression (``Nov. 21``, ``January``).

    The nearest tense cue decides: future -> first occurrence not ending before the
    reference date, past -> last one starting on or before it; no cue -> the closest.
    A cue further than `_CLOSE_CUE` chars is overruled by an occurrence within
    `_NEAR_DAYS` of the reference date (``the company said ... payable Nov. 16``).
    """
    assert ctx.ref is not None
    ref = ctx.ref
    options: list[tuple[int, datetime.date, datetime.date]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        start, end, _ = interval_of(fmt(y))
        if start is not None and end is not None:
            options.append((y, start, end))
    if not options:
        return ref.year
    closest = min(options, key=lambda o: _distance(ref, o[1], o[2]))
    cue = _tense_cue(ctx, s, e)
    tense = cue[0] if cue else None
    if tense is None and _distance(ref, closest[1], closest[2]) > _NEAR_DAYS:
        # no verb to go by: "valid until March" looks ahead, "since the Oct. 23 vote" back
        prev = [w for w, _ in _prev_words(ctx.text, s, 4)]
        if prev and prev[0] in {"until", "till", "through", "by"}:
            tense = "future"
        elif "since" in prev:
            tense = "past"
    if cue and cue[1] > _CLOSE_CUE and _distance(ref, closest[1], closest[2]) <= _NEAR_DAYS:
        return closest[0]  # a date within weeks of the reference, a distant tense cue
    if tense == "future":
        ahead = [o for o in options if o[2] >= ref]
        return (ahead or options)[0][0]
    if tense == "past":
        back = [o for o in options if o[1] <= ref]
        return (back or options)[-1][0]
    return closest[0]


_NEAR_DAYS = 60
_CLOSE_CUE = 15


def _distance(ref: datetime.date, start: datetime.date, end: datetime.date) -> int:
    if start <= ref <= end:
        return 0
    return min(abs((start - ref).days), abs((end - ref).days))


def _yearless(ctx: _Ctx, s: int, e: int, fmt: Callable[[int], str]) -> tuple[str, bool]:
    """Value of a yearless expression: resolved against ref, else XXXX."""
    if ctx.ref is None:
        return "XXXX" + fmt(2000)[4:], False
    return fmt(_pick_year(ctx, s, e, fmt)), True


# --------------------------------------------------------------------------- handlers


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    typ = "DATE"
    if m["H"]:
        value += f"T{m['H']}:{m['M']}"
        typ = "TIME"
    return _Cand(m.start(), m.end(), typ, value)


_VERSION_WORDS = frozenset(
    "version v ver release build firmware update patch model no number".split()
)


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    a, b, ytxt = int(m["a"]), int(m["b"]), m["y"]
    prev = _prev_words(ctx.text, m.start(), 1)
    if prev and prev[0][0] in _VERSION_WORDS and m["sep"] != "/":
        return None  # "version 2.1.2020"
    if len(ytxt) == 2 and m["sep"] != "/":
        return None
    y = _year_of(ctx, int(ytxt))
    if a > 12 or (ctx.day_first is True and b <= 12):  # the locale yields to plausibility
        day, mon = a, b
    elif b > 12 or ctx.day_first is False or a == b:
        day, mon = b, a
    else:
        return _Cand(m.start(), m.end(), "DATE", f"{y:04d}") if 1 <= y <= 9999 else None
    if not _valid_day(y, mon, day):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}-{day:02d}")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


_MONTH_LIST_WORDS = frozenset("and or to through till until".split())


def _bare_month_ok(m: re.Match[str], ctx: _Ctx, name: str) -> bool:
    """Guards for a month name standing alone ("May", "March")."""
    low = name.lower()
    if low in _MONTH_ABBR and not name.endswith("."):
        return False
    prev = _prev_words(ctx.text, m.start(), 1)
    pw = prev[0][0] if prev else ""
    nxt = _next_word(ctx.text, m.end())
    if low == "may":
        if pw in _MONTH_LIST_WORDS and any(
            w in _MONTHS and w != "may" for w, _ in _prev_words(ctx.text, m.start(), 4)[1:]
        ):
            return True  # "between March and May", "from April to May"
        return pw in _YEAR_LEFT - {"the", "its", "this", "that", "and", "or", "as"} or pw in {
            "last",
            "next",
            "this",
            "early",
            "late",
            "mid",
        }
    if low == "march" and _march_is_event(ctx.text, m.end()):
        return False  # "the March on Washington", "the annual March for Life", "March on!"
    return not (nxt[:1].isupper() and pw not in _YEAR_LEFT and nxt.lower() not in _MONTHS)


_EVENT_AFTER = re.compile(r"\s+(on|to|for|of|against|through)\b(?:\s+(?:the\s+)?([\w.]+))?")


def _march_is_event(text: str, end: int) -> bool:
    """ "March" as a verb or a protest: "March on Washington", "March for Life"."""
    m = _EVENT_AFTER.match(text, end)
    if m is None:
        return False
    follower = m.group(2) or ""
    if follower.lower().rstrip(".") in _MONTHS or follower[:1].isdigit():
        return False  # "from March to June", "March of 2020"
    return m.group(1) in {"on", "to", "through", "against"} or follower[:1].isupper()


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = m["mon"]
    mon = _month_number(name)
    d1 = int(m["d1"]) if m["d1"] else None
    d2 = int(m["d2"]) if m["d2"] else None
    ytxt = m["y"] or m["y2"]
    year = _year_of(ctx, int(ytxt)) if ytxt else None
    start, end = m.start(), m.end()
    if d1 is not None and not 1 <= d1 <= 31:
        return None
    if d2 is not None and not (d1 is not None and d1 < d2 <= 31):
        end = m.end("d1")  # "June 23 and 5 others": keep "June 23" only
        while end < len(ctx.text) and ctx.text[end].isalpha():
            end += 1
        d2 = year = None
    split = (m.end("d1"), m.start("d2")) if d2 is not None else None
    if year is None:
        prev = _prev_words(ctx.text, start, 1)
        pw, ps = prev[0] if prev else ("", start)
        if pw in {"every", "each"} and d1 is None:
            return _Cand(ps, end, "SET", f"XXXX-{mon:02d}")
        if pw in _DIRECTIONS:
            return _directed_month(ctx, ps, end, mon, d1, _DIRECTIONS[pw])
        tail = _REL_YEAR.match(ctx.text, end)
        if tail:
            return _directed_month(ctx, start, tail.end(), mon, d1, tail.group(1).lower())
    if d1 is None and year is None and not _bare_month_ok(m, ctx, name):
        return None
    return _month_cand(start, end, ctx, mon, d1, d2, year, split)


_DIRECTIONS = {"last": "last", "past": "last", "this": "this", "next": "next", "coming": "next"}
_REL_YEAR = re.compile(r",?\s+(this|last|next)\s+year\b", re.IGNORECASE)


def _directed_month(
    ctx: _Ctx, s: int, e: int, mon: int, d1: int | None, direction: str
) -> _Cand | None:
    """``last April``, ``this September``, ``June last year``."""
    suffix = f"-{mon:02d}" + (f"-{d1:02d}" if d1 else "")
    if ctx.ref is None:
        return _Cand(s, e, "DATE", "XXXX" + suffix, year_explicit=False)
    ref = ctx.ref
    if ctx.text[s:e].lower().rstrip().endswith("year"):  # "June last year"
        year = ref.year + {"last": -1, "next": 1}.get(direction, 0)
    elif direction == "last":
        year = ref.year if (mon, d1 or 0) < (ref.month, ref.day if d1 else 0) else ref.year - 1
    elif direction == "next":
        year = ref.year if (mon, d1 or 99) > (ref.month, ref.day if d1 else 0) else ref.year + 1
    else:
        year = ref.year
    value = f"{year:04d}{suffix}"
    if interval_of(value)[0] is None:
        return None
    return _Cand(s, e, "DATE", value, relative=True, year_explicit=False)


def _month_cand(
    s: int,
    e: int,
    ctx: _Ctx,
    mon: int,
    d1: int | None,
    d2: int | None,
    year: int | None,
    split: tuple[int, int] | None = None,
) -> _Cand | None:
    if d1 is None:

        def fmt(y: int) -> str:
            return f"{y:04d}-{mon:02d}"
    else:
        if not _valid_day(year or 2000, mon, d1):
            return _month_cand(s, e, ctx, mon, None, None, year)

        def fmt(y: int) -> str:
            return f"{y:04d}-{mon:02d}-{d1:02d}"

    if year is not None:
        value, relative = fmt(year), False
    else:
        value, relative = _yearless(ctx, s, e, fmt)
    cand = _Cand(
        s, e, "DATE", value, relative=relative, year_explicit=year is not None, with_year=fmt
    )
    if d2 is not None and _valid_day(int(value[:4]) if value[:4].isdigit() else 2000, mon, d2):
        cand.extra["range_end"] = f"{value[:4]}-{mon:02d}-{d2:02d}"
        if split is not None:  # where TIMEX3 splits the two days: "June 23" | "24, 2023"
            cand.extra["split"] = f"{split[0]},{split[1]}"
    return cand


def _h_day_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    d1 = int(m["d1"])
    d2 = int(m["d2"]) if m["d2"] else None
    if not 1 <= d1 <= 31:
        return None
    if d2 is not None and not d1 < d2 <= 31:
        return None
    mon = _month_number(m["mon"])
    year = _year_of(ctx, int(m["y"])) if m["y"] else None
    split = (m.end("d1"), m.start("d2")) if d2 is not None else None
    cand = _month_cand(m.start(), m.end(), ctx, mon, d1, d2, year, split)
    if cand is not None and d2 is None and _OF_MONTH.match(m.group(0)):
        cand.takes_the = True  # "the 23rd of July"
    return cand


_OF_MONTH = re.compile(r"\d+(?:st|nd|rd|th)?\s+of\s", re.IGNORECASE)


_NTH_DAY_LEFT = frozenset("on by until till since before after from to through".split())
_NTH_DAY_NEXT = frozenset(
    "at in when while but as after before because if with for at and so than".split()
)


def _h_nth_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``on the 15th``: a day of the month in focus (TIMEX3 ``XXXX-XX-15`` unresolved).

    Only after ``the`` and a preposition of time and before no noun (``the 15th floor``,
    ``the 15th century``): the nearest such day, or per the governing tense the last one
    on or before / the first one on or after the reference date."""
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    prev = _prev_words(ctx.text, m.start(), 2)
    if len(prev) < 2 or prev[0][0] != "the" or prev[1][0] not in _NTH_DAY_LEFT:
        return None
    nxt = _next_word(ctx.text, m.end())
    if nxt and nxt not in _NTH_DAY_NEXT:
        return None  # "the 15th floor", "the 11th Circuit", "the 3rd of ..."
    s, e = prev[0][1], m.end()
    if ctx.ref is None:
        return _Cand(s, e, "DATE", f"XXXX-XX-{day:02d}", relative=True)
    options = []
    for k in (-1, 0, 1):
        first = _add_months(ctx.ref.replace(day=1), k)
        if _valid_day(first.year, first.month, day):
            options.append(first.replace(day=day))
    if not options:
        return None
    tense = _tense(ctx, s, e)
    if tense == "future":
        pick = next((o for o in options if o >= ctx.ref), options[-1])
    elif tense == "past":
        pick = [o for o in options if o <= ctx.ref][-1] if options[0] <= ctx.ref else options[0]
    else:
        pick = min(options, key=lambda o: abs((o - ctx.ref).days))  # type: ignore[operator]
    return _Cand(s, e, "DATE", pick.isoformat(), relative=True)


def _year_context_ok(m: re.Match[str], ctx: _Ctx) -> bool:
    """Is a bare 4-digit number a year here?  Conservative."""
    text = ctx.text
    if _not_a_year(m, text):
        return False
    right = _YEAR_RANGE_AFTER.match(text, m.end())
    if right and _next_word(text, right.end()).lower() in _COUNT_NOUNS:
        return False  # "from 1200 to 1300 seats": a count
    prev = _prev_words(text, m.start(), 1)
    pw, ps = prev[0] if prev else ("", m.start())
    if pw in _YEAR_LEFT or pw in _MONTHS or pw in _MONTH_ABBR or pw.endswith(("'s", "’s")):
        return True
    if _YEAR_LIST_BEFORE.search(text, max(0, m.start() - 14), m.start()):
        return True  # "in 1994, 1995 and 1997"
    if _year_before_noun(text, m, pw):
        return True  # "a 1996 law", "his unsuccessful 1996 campaign"
    if (
        right
        and 1800 <= int(m.group(0)[:4]) < int(right.group(1)) <= 2199
    ):
        return True  # "covers 2010 through 2020"
    if (
        text[ps].isupper()
        and len(pw) > 1
        and pw not in _NUMBERING_NOUNS
        and not _starts_sentence(text, ps)
    ):
        return True  # "the Winter Show 2012", "IFA 2014" (not "Lost 1500 ...")
    if _next_word(text, m.end())[:1].isupper():
        return True  # "a 1971 Convention", "1990 BellSouth earnings"
    after = text[m.end() : m.end() + 1]
    if after == "" or after in ".,;:)!?\"'’”\n":
        return not (pw and pw[0].isdigit())
    before = text[max(0, m.start() - 40) : m.start()].rstrip()
    nxt = _next_word(text, m.end())
    return (
        pw == ""
        and (before == "" or before[-1] in ".!?\n")
        and (nxt.islower() or nxt[:1].isupper())
    )


_DETERMINERS = frozenset("a an the his her its their our".split())
_NOUN_AFTER = re.compile(r" ([a-z]+)\b(?!-)")
# singular measure nouns: "a 1500 mile trip" is a length, not a year
_MEASURE_NOUNS = frozenset(
    "mile page foot acre ton pound dollar seat member room word point yard meter metre "
    "kilometer kilometre unit person man strong square hour minute day week month year "
    "share".split()
)


def _year_before_noun(text: str, m: re.Match[str], pw: str) -> bool:
    """A determiner (and at most one adjective) + 4 digits + a lowercase noun."""
    if not 1800 <= int(m.group(0)[:4]) <= 2099:
        return False
    noun = _NOUN_AFTER.match(text, m.end())
    if noun is None or noun.group(1) in _COUNT_NOUNS or noun.group(1) in _MEASURE_NOUNS:
        return False
    if noun.group(1) in _FUNCTION_WORDS:
        return False
    if pw in {"a", "an"}:
        return True
    prev = _prev_words(text, m.start(), 2)
    return (
        len(prev) == 2
        and prev[1][0] in _DETERMINERS
        and prev[0][0].isalpha()
        and prev[0][0] not in _FUNCTION_WORDS
        and text[prev[0][1]].islower()
    )


def _not_a_year(m: re.Match[str], text: str) -> bool:
    """Counts, amounts, percentages, page numbers, street numbers."""
    nxt = _next_word(text, m.end())
    if nxt.lower() in _COUNT_NOUNS or nxt.startswith("%"):
        return True
    if _PERCENT_AFTER.match(text, m.end()):
        return True
    prev = _prev_words(text, m.start(), 2)
    if prev and prev[0][0] in _NUMBERING_NOUNS:
        return True
    if len(prev) == 2 and (
        (prev[0][0] in _LINKS and prev[1][0] in _IDENT_NOUNS)
        or (prev[0][0] in _LINKS | {"of"} and prev[1][0] in _TALLY_NOUNS)
    ):
        return True  # "the room number is 1204", "a vote of 2019 to 14"
    tally = _TALLY_AFTER.match(text, m.end())
    if tally and not (len(tally.group(1)) == 2 and int(tally.group(1)) > int(m.group(0)[2:4])):
        return True  # "2019 to 14", "1999-2" (not "2014 to 16")
    if _ABBR_BEFORE.search(text, max(0, m.start() - 6), m.start()):
        return True
    return _STREET_AFTER.match(text, m.end()) is not None


_LINKS = frozenset("is was are were".split())
_IDENT_NOUNS = frozenset("number no code room flight phone tel fax extension page pin id".split())
_TALLY_NOUNS = frozenset("vote votes score tally margin count".split())
_TALLY_AFTER = re.compile(r"\s*(?:to|-|–)\s*(\d{1,3})(?![\d,.:/]*\d)(?!\w)")


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 30) : pos].rstrip(" \t\"'“‘(")
    return before == "" or before[-1] in ".!?:\n"


_PERCENT_AFTER = re.compile(r"[ \t]*(?:%|percent|per\s+cent)")
_NUMBERING_NOUNS = frozenset(
    "p pp page pages no number nos vol volume flight route room rooms gate suite unit box "
    "chapter article section model station platform channel track level floor apt apartment "
    "building block lot plot exit bus line road highway interstate code tel phone fax "
    "version v rule paragraph item part grade class size order account case file".split()
)


_YEAR_RANGE_AFTER = re.compile(
    r"\s+(?:to|through|until|till)\s+(1[0-9]{3}|2[01][0-9]{2})(?![\w%]|[.,]\d)"
)
_YEAR_LIST_BEFORE = re.compile(r"\b1[0-9]{3}(?:,|,?\s+(?:and|or|to))\s*$|\b2[01][0-9]{2},\s*$")


_STREET_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][\w.]*[ \t]+){1,2}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|"
    r"Drive|Dr|Way|Place|Pl|Court|Highway|Hwy)\b"
)
_ABBR_BEFORE = re.compile(r"\b(?:p|pp|[Nn]o|[Nn]os|[Vv]ol|ch|[Nn]r)\.\s*$")


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = int(m["y"])
    if not 1000 <= y <= 2199:
        return None
    if m["s"]:
        if y % 10:
            return None
        if y % 100 == 0 and y < 2000:  # "the 1800s": the century (not "the 2000s")
            return _Cand(m.start(), m.end(), "DATE", str(y // 100), takes_the=True)
        return _Cand(m.start(), m.end(), "DATE", str(y // 10), takes_the=True)
    if not m["y2"] and not _year_context_ok(m, ctx):
        return None
    cand = _Cand(m.start(), m.end(), "DATE", f"{y:04d}")
    noun = None if m["y2"] else _YEAR_PERIOD.match(ctx.text, m.end())
    if noun and _the_before(ctx.text, m.start()) < m.start():
        # "the 2022 quarter": the quarter in focus, in 2022 (see _anchor_years_back)
        cand.start_char, cand.end_char = _the_before(ctx.text, m.start()), noun.end()
        cand.extra["focus_year"] = f"{y:04d}"
    if m["y2"]:
        y2 = int(m["y2"])
        if len(m["y2"]) == 2:
            y2 += y - y % 100
        if y < y2 <= 2199 and y2 - y < 100:
            cand.extra["range_end"] = f"{y2:04d}"
        else:
            cand.end_char = m.end("y")
            if not _year_context_ok(m, ctx):
                return None
    return cand


_YEAR_PERIOD = re.compile(r"\s+(?:quarter|period)\b", re.IGNORECASE)


def _h_fy(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``FY2023``, ``FY 23``: the fiscal year, valued by its number as ``fiscal 2023``."""
    y = _year_of(ctx, int(m["y"]))
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}") if 1000 <= y <= 2199 else None


def _h_apos_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    d = int(m["d"])
    ref_year = ctx.ref.year if ctx.ref else 2030
    century = 20 if 2000 + d * 10 <= ref_year and d <= 3 else 19
    return _Cand(m.start(), m.end(), "DATE", f"{century}{d}", takes_the=True)


def _h_quarter_q(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``Q3``, ``Q1 2023``, ``H1 2022`` (a half only with its year: "H1" alone is a name)."""
    q, kind = int(m["q"]), m["kind"]
    if m["y"]:
        if kind == "H" and q > 2:
            return None
        return _Cand(m.start(), m.end(), "DATE", f"{int(m['y']):04d}-{kind}{q}")
    if kind == "H":
        return None
    if ctx.ref is None:
        return _Cand(m.start(), m.end(), "DATE", f"XXXX-Q{q}", year_explicit=False)
    return _Cand(
        m.start(), m.end(), "DATE", f"{ctx.ref.year:04d}-Q{q}", relative=True, year_explicit=False
    )


def _h_time(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower()
    if not ap and (not m["mi"] or m.group(0)[len(m["h"])] == "."):
        return None
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.startswith("p") else 0)
    if h > 24 or mi > 59:
        return None
    value = f"T{h:02d}:{mi:02d}"
    cand = _Cand(m.start(), m.end(), "TIME", value, extra={"clock": "1"})
    if ctx.ref is not None:
        cand.value, cand.relative = ctx.ref.isoformat() + value, True
    return cand


def _weekday_date(ctx: _Ctx, wd: int, s: int, e: int, direction: str) -> datetime.date:
    assert ctx.ref is not None
    ref = ctx.ref
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if direction == "last":
        return ref - datetime.timedelta(days=back or 7)
    if direction == "next":
        return ref + datetime.timedelta(days=ahead or 7)
    if ctx.text.startswith(("'s", "’s"), e):  # "Wednesday's ruling": a known event
        return ref - datetime.timedelta(days=back)
    tense = _tense(ctx, s, e)
    if direction == "this" or tense == "future":
        return ref + datetime.timedelta(days=ahead)
    if tense is None and (
        _after_word(ctx.text, s, {"until", "till"})
        or _PRESENT_COPULA.search(ctx.text, max(0, s - 30), s)
    ):  # "the offer stands until Friday", "the meeting is at 10am on Friday"
        return ref + datetime.timedelta(days=ahead)
    return ref - datetime.timedelta(days=back)


# "the vote is (on) Friday", "the meeting is at 10am on Friday": a date set ahead
_PRESENT_COPULA = re.compile(
    r"\b(?:is|are)\s+(?:at\s+(?:[\d:.]+\s*[ap]\.?m\.?|noon|midnight)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)


def _after_word(text: str, pos: int, words: set[str]) -> bool:
    """Is the word right before pos one of words?"""
    prev = _prev_words(text, pos, 1)
    return bool(prev) and prev[0][0] in words


# newspaper titles: "The Sunday Times", "The Mail on Sunday" name no day
_PAPER_AFTER = re.compile(
    r" (?:Times|Telegraph|Express|Mirror|Herald|Post|Star|Tribune|Observer|Independent|Sport"
    r"|Business|Mail|Age|World)\b"
)
_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland|Business|Sport) on $")


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = m["wd"]
    wd = _WEEKDAYS[name.lower()]
    s, e = m.start(), m.end()
    if _PAPER_AFTER.match(ctx.text, e) or _PAPER_BEFORE.search(ctx.text, max(0, s - 16), s):
        return None
    prev = _prev_words(ctx.text, s, 2)
    pw = prev[0][0] if prev else ""
    part = _DAYPARTS.get((m["part"] or "").lower().rstrip("s"), "")
    if m["plural"] or pw in {"every", "each"}:
        s = prev[0][1] if pw in {"every", "each"} else s
        return _Cand(s, e, "SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), weekday=wd)
    direction = ""
    if pw in {"last", "next", "this", "coming", "past"}:
        direction = {"coming": "next", "past": "last"}.get(pw, pw)
        s = prev[0][1]
        if pw in {"coming", "past"} and len(prev) > 1 and prev[1][0] == "this":
            s = prev[1][1]  # "this past Sunday"
    if ctx.ref is None:
        value, relative = f"XXXX-WXX-{wd + 1}", False
    else:
        value, relative = _weekday_date(ctx, wd, s, e, direction).isoformat(), True
    # "Friday night" keeps the day as value: news rarely means the part of day precisely,
    # and the news corpora tag it both ways (AQUAINT mostly the day, span or value)
    return _Cand(s, e, "DATE", value, relative=relative, weekday=wd)


_FUNCTION_WORDS = frozenset(
    "of and or but when as to with the a an in on at for by is was will would has had have "
    "are were be been that this these those it its he she they we i after before until "
    "while months season".split()
)
_SEASON_LEFT = {
    "this",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "the",
    "in",
    "during",
    "since",
    "until",
    "by",
    "coming",
    "past",
    "over",
    "through",
    "that",
}


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    word = m["season"].lower()
    code = _SEASONS[word]
    s, e = m.start(), m.end()
    if m["plural"]:
        return None
    if m["y"]:
        return _Cand(s, e, "DATE", f"{int(m['y']):04d}-{code}", takes_the=True)
    if m["season"][0].isupper() and _next_word(ctx.text, e)[:1].isupper():
        return None  # "the Winter Games", "Spring Festival": a name
    prev = _prev_words(ctx.text, s, 2)
    pw, ps = prev[0] if prev else ("", s)
    if pw in {"past", "coming"} and len(prev) > 1 and prev[1][0] == "this":
        ps = prev[1][1]  # "this past spring"
    if pw in {"every", "each"}:
        return _Cand(ps, e, "SET", f"XXXX-{code}")  # "every summer"
    if word == "fall" and (
        pw not in {"this", "last", "next", "early", "late", "mid", "the"}
        or pw == "the"
        and _next_word(ctx.text, e).lower() in {"of", "in"}
    ):
        return None  # "prices fall", "the fall of Rome"
    if pw not in _SEASON_LEFT:
        return None
    direction = _DIRECTIONS.get(pw, "")
    nxt = _next_word(ctx.text, e)
    if not direction and nxt.isalpha() and nxt.islower() and nxt not in _FUNCTION_WORDS:
        return None  # "winter sales", "summer camp": a modifier
    return _season_cand(ctx, ps if direction else s, e, code, direction)


def _season_cand(ctx: _Ctx, s: int, e: int, code: str, direction: str) -> _Cand:
    """``last summer``, ``this winter``, ``in the spring``."""

    def fmt(y: int) -> str:
        return f"{y:04d}-{code}"

    if ctx.ref is None:
        return _Cand(
            s, e, "DATE", f"XXXX-{code}", takes_the=True, year_explicit=False, with_year=fmt
        )
    ref = ctx.ref
    if not direction:
        year = _pick_year(ctx, s, e, fmt)
    else:
        options = [(y, *interval_of(fmt(y))[:2]) for y in range(ref.year - 2, ref.year + 2)]
        options = [o for o in options if o[1] is not None and o[2] is not None]
        if direction == "last":
            year = max(y for y, _, end in options if end and end < ref)
        elif direction == "next":
            year = min(y for y, start, _ in options if start and start > ref)
        else:  # "this": the current one, else the nearest (an upcoming one on ties)
            year = min(options, key=lambda o: (_distance(ref, o[1], o[2]), -o[0]))[0]
    return _Cand(
        s, e, "DATE", fmt(year), relative=True, takes_the=True, year_explicit=False, with_year=fmt
    )


def _h_rel(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    word = m.group(0).lower()
    kind = _REL_WORDS[word]
    if kind in {"today", "tonight", "tomorrow"} and kind != word:
        if not m.group(0).islower():
            return None  # "TDY" (temporary duty) is no date
        word = kind
    s, e = m.start(), m.end()
    prev = _prev_words(ctx.text, s, 1)
    pw = prev[0][0] if prev else ""
    if word in {"past", "future", "present"}:
        if pw in {"near", "distant", "recent", "immediate", "foreseeable"}:
            prev = _prev_words(ctx.text, prev[0][1], 1)  # "the near future"
            pw = prev[0][0] if prev else ""
        if pw != "the" or _next_word(ctx.text, e).lower() in {"few", "several"}:
            return None
        s = prev[0][1]
    if word == "soon" and not _soon_ok(ctx, s, e, pw):
        return None
    if word == "current":
        if not _current_ok(ctx.text, e, pw):
            return None
        if pw == "then":  # "the then current price": the present of a past moment
            return _Cand(prev[0][1], e, "DATE", "PAST_REF", relative=True)
    if kind.startswith("T"):
        value = (ctx.ref.isoformat() + kind) if ctx.ref else kind
        return _Cand(s, e, "TIME", value, relative=ctx.ref is not None, extra={"clock": "1"})
    if kind.endswith("_REF"):
        return _Cand(s, e, "DATE", kind, relative=True)
    return _day_rel(ctx, s, e, word)


# "soon after the vote", "as soon as possible": a relation to an event, no time of its own
_SOON_NOT_BEFORE = frozenset("after afterwards afterward thereafter as enough".split())


def _soon_ok(ctx: _Ctx, s: int, e: int, pw: str) -> bool:
    """``soon`` is FUTURE_REF (``will soon begin``), not in ``as soon as``/``soon after``,
    nor in a past clause (``was soon released``: the future of a past moment)."""
    if pw in {"as", "how", "so", "too"}:
        return False
    if _next_word(ctx.text, e).lower() in _SOON_NOT_BEFORE:
        return False
    if pw in _SOON_MODALS:
        return True  # "may soon approve", "to soon grow"
    return _tense(ctx, s, e) != "past"


_SOON_MODALS = frozenset("will would may might could can should shall must to".split())


# "current" as an adjective of time (TIMEX3 PRESENT_REF: "current market conditions",
# "his current position"), not the noun (an electric or ocean current) nor a term of art
_CURRENT_NOT_BEFORE = frozenset(
    "account accounts affairs assets liabilities ratio dollars flows flow flowing flowed "
    "and or of in is was are were to from that which through density".split()
)
_CURRENT_NOT_AFTER = frozenset(
    "electric electrical alternating direct ocean rip jet strong powerful swift weak "
    "undersea tidal".split()
)


def _current_ok(text: str, e: int, pw: str) -> bool:
    nxt = _next_word(text, e)
    if not nxt or not (nxt.islower() or nxt.isdigit()) or nxt in _CURRENT_NOT_BEFORE:
        return False
    if text[e : e + 1] not in {" ", "\t"}:
        return False  # "current-account", "current."
    return pw not in _CURRENT_NOT_AFTER


_DAY_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$", re.IGNORECASE)


def _day_rel(ctx: _Ctx, s: int, e: int, word: str) -> _Cand:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    before = _DAY_BEFORE.search(ctx.text, max(0, s - 24), s)
    if before and word in {"yesterday", "tomorrow"}:  # "the day before yesterday"
        offset += -1 if before.group(1).lower() == "before" else 1
        s = before.start()
    typ = "TIME" if word == "tonight" else "DATE"
    suffix = "TNI" if word == "tonight" else ""
    nxt = _DAYPART_RE.match(ctx.text, e)
    if nxt and word != "tonight":
        suffix = "T" + _DAYPARTS[nxt.group(1).lower()]
        typ, e = "TIME", nxt.end()
    if ctx.ref is None:
        return _Cand(s, e, typ, "XXXX-XX-XX" + suffix, relative=True)
    day = ctx.ref + datetime.timedelta(days=offset)
    return _Cand(s, e, typ, day.isoformat() + suffix, relative=True)


_DAYPART_RE = re.compile(r"\s+(morning|afternoon|evening|night)\b", re.IGNORECASE)


def _h_this_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    part = _DAYPARTS[m.group(0).split()[-1].lower()]
    value = (ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX") + "T" + part
    return _Cand(m.start(), m.end(), "TIME", value, relative=True)


def _h_last_night(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``last night``: the evening before the reference date."""
    prev = _prev_words(ctx.text, m.start(), 1)
    if not prev or prev[0][0] != "last":
        return None
    day = (ctx.ref - datetime.timedelta(days=1)).isoformat() if ctx.ref else "XXXX-XX-XX"
    return _Cand(prev[0][1], m.end(), "TIME", day + "TNI", relative=True)


def _h_every_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``every morning``: a SET of parts of days, value ``TMO``; ``mid-afternoon``: that
    part of the reference day (TIME ``TAF``)."""
    prev = _prev_words(ctx.text, m.start(), 1)
    part = _DAYPARTS[m.group(0).lower()]
    if prev and prev[0][0] == "mid" and part in {"MO", "AF"}:
        value = (ctx.ref.isoformat() if ctx.ref else "") + "T" + part
        return _Cand(prev[0][1], m.end(), "TIME", value, relative=ctx.ref is not None)
    if not prev or prev[0][0] not in {"every", "each"}:
        return None
    return _Cand(prev[0][1], m.end(), "SET", "T" + _DAYPARTS[m.group(0).lower()])


def _h_set(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``daily``, ``weekly``, ``annually``; ``quarterly`` only as an adverb (``paid
    quarterly``, not ``quarterly earnings``, which news corpora do not tag)."""
    word = m.group(0).lower()
    if word == "quarterly" and _next_word(ctx.text, m.end())[:1].islower():
        return None
    return _Cand(m.start(), m.end(), "SET", _SET_WORDS[m.group(0).lower()])


# --------------------------------------------------------------------------- holidays


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
}
_HOLIDAY_COMPILED = [(re.compile(rf"{p}(?!\w)"), f) for p, f in _HOLIDAY_PATTERNS.items()]
_YEAR_TAIL = re.compile(r",?\s+(?:of\s+)?(\d{4})(?!\w)")


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``Christmas Eve``, ``Thanksgiving 2023``: the longest holiday name at m.start()."""
    s = m.start()
    matches = [(hm.end(), f) for p, f in _HOLIDAY_COMPILED if (hm := p.match(ctx.text, s))]
    e, date_of = max(matches, key=lambda x: x[0])

    def fmt(y: int) -> str:
        return date_of(y).isoformat()

    tail = _YEAR_TAIL.match(ctx.text, e)
    if tail and 1000 <= int(tail.group(1)) <= 2199:
        return _Cand(s, tail.end(), "DATE", fmt(int(tail.group(1))))
    prev = _prev_words(ctx.text, s, 1)
    direction = prev[0][0] if prev and prev[0][0] in {"last", "next", "this"} else ""
    if direction:
        s = prev[0][1]  # "last Christmas"
    if ctx.ref is None:
        a, b = fmt(2001), fmt(2002)  # movable feasts keep only what every year shares
        value = "XXXX" + (a[4:] if a[4:] == b[4:] else a[4:7] if a[5:7] == b[5:7] else "")
        return _Cand(s, e, "DATE", value, relative=False, year_explicit=False)
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


# --------------------------------------------------------------------------- spoken years

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
    prev = _prev_words(ctx.text, m.start(), 1)
    if not prev or prev[0][0] not in {"the", "early", "late", "mid"}:
        return None
    return _Cand(
        m.start(), m.end(), "DATE", f"19{_DECADE_WORDS[m.group(0).lower()]}", takes_the=True
    )


# --------------------------------------------------------------------------- unit words


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
_MORE_WORDS = {"more", "additional", "further", "extra", "straight", "consecutive"}


_DIRECTION_WORDS = frozenset(
    "past last next coming previous first final this current recent following latest every "
    "each per fiscal same other full calendar future".split()
)


def _read_quant(text: str, pos: int) -> _Quant:
    """Parse what stands left of a unit word, right to left: number or ordinal, direction
    (``the past``, ``every``), ``earlier this``, ``the``, approximator (``nearly``)."""
    half = _HALF.search(text, max(0, pos - 16), pos)
    if half:  # "2 1/2 years"
        return _Quant(start=half.start(), number=int(half.group(1)) + 0.5)
    half = _AND_HALF_LEFT.search(text, max(0, pos - 32), pos)
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
    right = _UNIT_RIGHT.match(ctx.text, m.end())
    if (
        unit in {"Q", "HALF"}
        and q.direction in {"last", "final"}
        and _OF_YEAR.match(ctx.text, m.end())
    ):
        q.ordinal, q.ordinal_start = (4 if unit == "Q" else 2), q.start  # "the last half of"
    if unit in {"Q", "HALF"} and q.ordinal is not None:
        return _ordinal_part(m, ctx, q, unit)
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
        and ctx.text[max(0, m.start() - 5) : m.start() - 1] in {"that", "wing"}
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
    if unit == "S" and (q.number or 0) < 2:
        return None  # "a second", "per second": rarely a duration in news
    if q.direction in {"every", "each", "per"}:
        n = q.number if q.number is not None else 1
        return _Cand(q.start, m.end(), "SET", _duration_value(n, unit))
    if right and right.group(1).lower().split()[0] in {"ago", "earlier", "hence", "from"}:
        return _shifted(m, ctx, q, unit, right)
    rate = _rate(ctx.text, q, plural)
    if rate is not None:  # "twice a week", "$2 million a year": a frequency
        return _Cand(rate, m.end(), "SET", _duration_value(1, unit))
    return _unit_rest(m, ctx, q, unit, plural, right)


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
    elif prev[0][0] == "following" and len(prev) > 1 and prev[1][0] == "the":
        s, shift = prev[1][1], 1
    else:
        return None
    if ctx.ref is None:
        value = _UNKNOWN_UNIT[unit]
    else:
        value = _unit_value(_shift(ctx.ref, unit, shift), unit)
    cand = _Cand(s, m.end(), "DATE", value, relative=True)
    cand.extra["anaphor"] = f"{unit}{shift}"
    return cand


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
        q.direction = "this"  # "the full year"
        return _this_unit(m, ctx, q, unit, plural)
    if plural and unit in {"Y", "M", "W", "DE", "CE"} and not q.has_the:
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
        options = [y for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
                   if _valid_day(y, month, day)]
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
    return [w for w, _ in words] in (["of", "end"], ["of", "beginning"], ["of", "start"],
                                     ["of", "middle"], ["of", "close"])


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
    if ctx.ref is None or q.number is None:
        return _Cand(q.start, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", relative=True)
    d = _shift(ctx.ref, unit, sign * q.number)
    value = _unit_value(d, unit)
    if noun and unit == "Y" and noun.group(0).split()[-1].lower() in {"quarter", "period"}:
        # "the year-ago quarter" with no quarter in focus: the last completed one, back
        value = _unit_value(_shift(d, "Q", -1), "Q")
    cand = _Cand(q.start, e, "DATE", value, relative=True, mod=_mod_code(q.mod))
    if unit == "Y" and sign < 0 and q.number == int(q.number):
        cand.extra["years_back"] = str(int(q.number))
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
    if plural:
        ref_kind = "FUTURE_REF" if q.direction in {"next", "coming", "future"} else "PAST_REF"
        return _Cand(q.start, m.end(), "DATE", ref_kind, relative=True)
    if ctx.ref is None:
        return _Cand(q.start, m.end(), "DATE", _UNKNOWN_UNIT.get(unit, "XXXX"), relative=True)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(q.direction, 0)
    if unit == "Q" and q.direction in {"latest", ""} or unit == "Y" and q.direction == "latest":
        step = -1  # "the (latest) quarter", "the latest fiscal year": the last reported one
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


# --------------------------------------------------------------------------- rule table

_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_HOLIDAY_RE = re.compile(rf"(?:{'|'.join(_HOLIDAY_PATTERNS)})(?!\w)")
_RANGE_SEP = r"\s*(?:-|–|—|to|through|and)\s*"

_RULES: list[_Rule] = [
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
            r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?(?!\d)\s*"
            r"(?:(?P<ap>[AaPp](?:\.\s?[Mm]\.?|\s?[Mm])(?!\w))|(?<=\d)(?=[^\w:.]|\.(?!\w)|$))"
            r"(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|"
            r"(?i:eastern|central|mountain|pacific)(?:\s+(?i:standard|daylight))?"
            r"\s+(?i:time))\b)?"
        ),
        _h_time,
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
            rf"(?:{_RANGE_SEP}(?P<d2>\d{{1,2}}){_ORD_SUFFIX}(?!\w))?)?"
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
    _Rule(
        "quarter",
        "quarter",
        re.compile(r"(?P<kind>[QH])(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?(?!\w)"),
        _h_quarter_q,
    ),
    _Rule("fiscal_year", "fy", re.compile(r"FY\s?(?P<y>\d{4}|\d{2})(?![\w%]|[.,]\d)"), _h_fy),
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
    r"|(?<![\w.,$£€#/])(?<!\d[-–])\d+|['’](?=\d0s\b)"
)
# The same matches, found faster. `re` tries a pattern that starts with a lookbehind at
# every position, but skips quickly to a literal first character or one of a small class:
# so an anchor word is looked for after a space, after another non-letter and at the
# start, numbers from their first digit, apostrophes only where a "0s" follows. No two
# matches of `_ANCHOR_SCAN` overlap (a whole run of letters, a whole run of digits, an
# apostrophe), so the scans may run one after the other and be merged.
_ANCHOR_WORD = (
    "("
    + _trie_pattern(sorted({v for w in _ANCHORS for v in (w, w.capitalize(), w.upper())}))
    + ")(?![A-Za-z])"
)
_WORD_AFTER_SPACE = re.compile(" " + _ANCHOR_WORD)
_WORD_AFTER_OTHER = re.compile("[^A-Za-z ]" + _ANCHOR_WORD)
_WORD_AT_START = re.compile(_ANCHOR_WORD)
_NUMBER_START = re.compile(r"\d(?<![\w.,$£€#/]\d)(?<!\d[-–]\d)\d*")
_DECADE_APOSTROPHE = re.compile(r"['’](?=\d0s\b)")


def _anchors(text: str) -> list[tuple[int, str]]:
    """(start, text) of each `_ANCHOR_SCAN` match, in order."""
    found = [(m.start(1), m.group(1)) for m in _WORD_AFTER_SPACE.finditer(text)]
    found += [(m.start(1), m.group(1)) for m in _WORD_AFTER_OTHER.finditer(text)]
    first = _WORD_AT_START.match(text)
    if first is not None:
        found.append((0, first.group(1)))
    found += [(m.start(), m.group()) for m in _NUMBER_START.finditer(text)]
    if "0s" in text:
        found += [(m.start(), m.group()) for m in _DECADE_APOSTROPHE.finditer(text)]
    found.sort()
    return found


_RULES_BY_ANCHOR: dict[str, list[_Rule]] = {}
for _rule in _RULES:
    _RULES_BY_ANCHOR.setdefault(_rule.anchor, []).append(_rule)


# --------------------------------------------------------------------------- pipeline


def _candidates(ctx: _Ctx) -> list[_Cand]:
    """Best candidate at every trigger position."""
    out: list[_Cand] = []
    anchors = _ANCHORS
    for pos, word in _anchors(ctx.text):
        first = word[0]
        kind = (
            "digit" if first.isdigit() else "apos" if first in "'’" else anchors.get(word.lower())
        )
        if kind is None:
            continue
        best: _Cand | None = None
        for rule in _RULES_BY_ANCHOR[kind]:
            m = rule.pattern.match(ctx.text, pos)
            if m is None:
                continue
            try:
                cand = rule.handler(m, ctx)
            except Exception:  # one faulty rule must not lose the article
                cand = None
            if cand and (best is None or _length(cand) > _length(best)):
                best = cand
        if best is not None:
            out.append(best)
    return out


def _length(c: _Cand) -> int:
    return c.end_char - c.start_char


# `_extend_left`: the modifier phrases read right to left, and every word that can stand
# right before a candidate it extends.
_MOD_PHRASES_REVERSED = [(tuple(reversed(p)), len(p), mod) for p, mod in _MOD_PHRASES]
_EXTENDS_LEFT = frozenset(
    {p[-1] for p, _ in _MOD_PHRASES}
    | {"fiscal", "the", "year", "around", "about", "earlier", "later"}
)


def _extend_left(ctx: _Ctx, c: _Cand) -> None:
    """Add modifiers (early, the end of), ``the`` and ``fiscal`` left of a candidate."""
    if c.type not in {"DATE", "TIME"} or c.value.endswith("_REF"):
        return
    nearest = _prev_words(ctx.text, c.start_char, 1)  # the first of the 3 words below
    if not nearest or nearest[0][0] not in _EXTENDS_LEFT:
        return  # nothing below applies
    words = _prev_words(ctx.text, c.start_char, 3)
    if words and words[0][0] == "fiscal":
        c.start_char = words[0][1]
        words = _prev_words(ctx.text, c.start_char, 3)
    seq = tuple(w for w, _ in words)
    for reversed_phrase, n, mod in _MOD_PHRASES_REVERSED:
        if seq[:n] == reversed_phrase:
            c.mod, c.start_char = mod, words[n - 1][1]
            return
    if c.takes_the and seq[:1] == ("the",):
        c.start_char = words[0][1]
    elif seq[:2] == ("year", "the") and _YEAR_VALUE.fullmatch(c.value):
        c.start_char = words[1][1]  # "the year 2000"
    elif seq[:2] == ("year", "fiscal") and _YEAR_VALUE.fullmatch(c.value):
        c.start_char = words[2][1] if seq[2:3] == ("the",) else words[1][1]  # "fiscal year 2022"
    elif seq[:1] == ("around",) or seq[:1] == ("about",) and c.type == "TIME":
        c.start_char, c.mod = words[0][1], "APPROX"  # "around Nov. 1", "about 7 p.m."
    elif seq[:1] in {("earlier",), ("later",)} and _DAYISH.fullmatch(c.value[:10]):
        c.start_char = words[0][1]  # "earlier Sunday", "later yesterday"


def _relation(ctx: _Ctx, c: _Cand) -> None:
    if c.type != "DATE" or "range_end" in c.extra:
        return
    words = _prev_words(ctx.text, c.start_char, 1)
    if words:
        c.relation = _RELATION_WORDS.get(words[0][0], "at")


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping, longest first, sorted by start."""
    cands.sort(key=lambda c: (c.start_char, -_length(c)))
    kept: list[_Cand] = []
    for c in cands:
        if kept and c.start_char < kept[-1].end_char:
            if _length(c) > _length(kept[-1]):
                kept[-1] = c
            continue
        kept.append(c)
    return kept


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|until|till|and)\s*$", re.IGNORECASE)
_TIME_GAP = re.compile(r"\s*(?:,|at|,\s*at)?\s*$")


def _merge(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """Merge ranges (``from A to B``), date + clock time and weekday + date."""
    out: list[_Cand] = []
    for c in cands:
        merged = _merge_pair(ctx, out[-1], c) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            if (
                out
                and "clock" in out[-1].extra
                and _is_day(c)
                and _ZONE_GAP.fullmatch(ctx.text, out[-1].end_char, c.start_char)
            ):
                # "10:35 a.m. (0735 GMT) Friday": two expressions, the time on that day
                clock = out[-1]
                clock.value = c.value + clock.value[clock.value.index("T") :]
                clock.relative = c.relative
            out.append(c)
    return out


_ZONE_GAP = re.compile(r"\s*\([^()\n]{1,24}\)\s*,?\s*(?:on\s+)?")


_DAYISH = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-\d\d|WXX-\d|XX-XX)")
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")
_TIME_BEFORE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?i:local\s+time),?\s+)?(?:on\s+)?")
_WEEKDAY_GAP = re.compile(r"\s*,?\s*")
_YEAR_VALUE = re.compile(r"\d{4}")
_YEAR_GAP = re.compile(r"\s*,?\s*(?:of\s+)?")


def _merge_pair(ctx: _Ctx, a: _Cand, b: _Cand) -> _Cand | None:
    gap = ctx.text[a.end_char : b.start_char]
    if len(gap) > 12:
        if (
            len(gap) <= 24
            and "clock" in a.extra
            and _is_day(b)
            and _TIME_BEFORE_GAP.fullmatch(gap)
        ):  # "6 a.m. local time on Saturday"
            return _at_time(b, a, a.start_char, b.end_char)
        return None
    if _mergeable_range(ctx, a, b):
        if ctx.merge_ranges:
            return _range(a, b)
        _share_year(a, b)  # two expressions, but "May" in "between May and July 2022" is 2022
    if (
        not a.year_explicit
        and a.with_year
        and _YEAR_VALUE.fullmatch(b.value)
        and _YEAR_GAP.fullmatch(gap)
    ):  # "January nineteen ninety-seven"
        a.value, a.end_char, a.year_explicit = a.with_year(int(b.value)), b.end_char, True
        a.relative = False
        return a
    if _is_day(a) and "clock" in b.extra and _TIME_GAP.match(gap):
        return _at_time(a, b, a.start_char, b.end_char)
    if "clock" in a.extra and _is_day(b) and _TIME_BEFORE_GAP.fullmatch(gap):
        return _at_time(b, a, a.start_char, b.end_char)  # "10 p.m. Wednesday"
    if (
        a.weekday is not None
        and a.type == "DATE"
        and b.type == "DATE"
        and b.weekday is None
        and _DAY_VALUE.fullmatch(b.value)
        and _WEEKDAY_GAP.fullmatch(gap)
    ):
        b.start_char, b.weekday = a.start_char, a.weekday  # "Saturday, April 25"
        _fit_weekday(ctx, b)
        return b
    return None


def _fit_weekday(ctx: _Ctx, c: _Cand) -> None:
    """A yearless day named with its weekday: take the nearby year where they agree."""
    if c.year_explicit or c.with_year is None or ctx.ref is None or c.weekday is None:
        return
    for delta in (0, -1, 1):
        value = c.with_year(ctx.ref.year + delta)
        start = interval_of(value)[0]
        if start is not None and start.weekday() == c.weekday:
            c.value = value
            return


def _is_day(c: _Cand) -> bool:
    return c.type == "DATE" and _DAYISH.fullmatch(c.value) is not None


def _at_time(day: _Cand, clock: _Cand, start: int, end: int) -> _Cand:
    time_part = clock.value[clock.value.index("T") :]
    return _Cand(
        start, end, "TIME", day.value + time_part, relative=day.relative, weekday=day.weekday
    )


def _mergeable_range(ctx: _Ctx, a: _Cand, b: _Cand) -> bool:
    clocks = a.type == b.type == "TIME" and "clock" in a.extra and "clock" in b.extra
    if not (a.type == b.type == "DATE" or clocks) or "range_end" in a.extra:
        return False
    if a.value.endswith("_REF") or b.value.endswith("_REF"):
        return False
    gap = ctx.text[a.end_char : b.start_char]
    if len(gap) > 12 or not _RANGE_GAP.match(gap):
        return False
    if gap.strip() in {"-", "–", "—"}:
        return True
    words = _prev_words(ctx.text, a.start_char, 1)
    lead = words[0][0] if words else ""
    joiner = gap.strip().lower()
    return (lead == "from" and joiner != "and") or (lead == "between" and joiner == "and")


def _share_year(a: _Cand, b: _Cand) -> None:
    """A year written only on the right end of a range holds for the left end too."""
    if not a.year_explicit and b.year_explicit and a.with_year and b.value[:4].isdigit():
        a.value = a.with_year(int(b.value[:4]))
        a.relative = b.relative
    elif (
        not a.year_explicit
        and not b.year_explicit
        and b.with_year
        and a.value[:4].isdigit()
        and b.value[:4].isdigit()
    ):  # "from Jan. 1 through March 31": the right end is the first one after the left
        y = int(a.value[:4])
        b.value = b.with_year(y) if b.with_year(y) >= a.value else b.with_year(y + 1)


def _range(a: _Cand, b: _Cand) -> _Cand:
    _share_year(a, b)
    merged = _Cand(
        a.start_char,
        b.end_char,
        a.type,
        a.value,
        relative=b.relative or (a.relative and not b.year_explicit),
    )
    merged.extra["range_end"] = b.extra.get("range_end", b.value)
    return merged


# --------------------------------------------------------------------------- intervals

_PRECISIONS = [
    (re.compile(r"\d{4}-\d\d-\d\dT"), "time"),
    (re.compile(r"\d{4}-\d\d-\d\d$"), "day"),
    (re.compile(r"\d{4}-W\d\d-WE$"), "week"),
    (re.compile(r"\d{4}-W\d\d$"), "week"),
    (re.compile(r"\d{4}-\d\d$"), "month"),
    (re.compile(r"\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"\d{4}-Q[1-4]$"), "quarter"),
    (re.compile(r"\d{4}-H[12]$"), "half"),
    (re.compile(r"\d{4}$"), "year"),
    (re.compile(r"\d{3}$"), "decade"),
    (re.compile(r"\d{2}$"), "century"),
]


def interval_of(value: str) -> tuple[datetime.date | None, datetime.date | None, str]:
    """Inclusive (start, end, precision) of a TIMEX3 date value; never raises."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None, None, "none"


def _interval(value: str) -> tuple[datetime.date | None, datetime.date | None, str]:
    for pattern, precision in _PRECISIONS:
        if pattern.match(value):
            start, end = _bounds(value, precision)
            return start, end, precision
    return None, None, _loose_precision(value)


def _loose_precision(value: str) -> str:
    if value.startswith("XXXX-WXX-"):
        return "weekday"
    if value.startswith("T") or "T" in value[10:]:
        return "time"
    if re.fullmatch(r"XXXX-\d\d", value):
        return "month"
    if re.fullmatch(r"XXXX-(?:\d\d|XX)-(?:\d\d|XX)", value):
        return "day"
    if re.fullmatch(r"XXXX-(?:SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"XXXX-Q\d|XXXX-H\d", value):
        return "quarter"
    return "none"


def _bounds(value: str, precision: str) -> tuple[datetime.date, datetime.date]:
    date = datetime.date
    if precision in {"time", "day"}:
        d = date.fromisoformat(value[:10])
        return d, d
    y = int(value[:4])
    if precision == "week":
        monday = date.fromisocalendar(y, int(value[6:8]), 1)
        if value.endswith("WE"):
            return monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6)
        return monday, monday + datetime.timedelta(days=6)
    if precision == "month":
        m = int(value[5:7])
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    if precision in {"season", "quarter", "half"}:
        span = 6 if precision == "half" else 3
        first = _SEASON_START[value[5:]] if precision == "season" else span * int(value[6]) - 2
        start = date(y, first, 1)
        last = _add_months(start, span - 1)
        return start, date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    if precision == "year":
        return date(y, 1, 1), date(y, 12, 31)
    if precision == "decade":
        y = int(value) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    y = int(value) * 100
    return date(max(y, 1), 1, 1), date(y + 99, 12, 31)


def _apply_mod(
    start: datetime.date, end: datetime.date, mod: str | None
) -> tuple[datetime.date, datetime.date]:
    """START / MID / END: first / middle / last third of the days of the interval."""
    if mod not in {"START", "MID", "END"}:
        return start, end
    days = (end - start).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return start, start + datetime.timedelta(days=third - 1)
    if mod == "END":
        return end - datetime.timedelta(days=third - 1), end
    return start + datetime.timedelta(days=third), max(
        end - datetime.timedelta(days=third), start + datetime.timedelta(days=third)
    )


def _finish(ctx: _Ctx, c: _Cand) -> TimeExpr:
    """The public `TimeExpr`: interval from the value, narrowed by mod and relation."""
    start, end, precision = (None, None, "none")
    if c.type in {"DATE", "TIME"}:
        start, end, precision = interval_of(c.value)
        if start is not None and end is not None:
            start, end = _apply_mod(start, end, c.mod)
    value = c.value
    if "range_end" in c.extra:
        value = f"{c.value}/{c.extra['range_end']}"
        end = interval_of(c.extra["range_end"])[1] or end
        c.relation = "between"
    if c.value == "PRESENT_REF" and ctx.ref:
        start = end = ctx.ref
    elif c.value == "PAST_REF" and ctx.ref:
        end = ctx.ref
    elif c.value == "FUTURE_REF" and ctx.ref:
        start = ctx.ref
    if c.bounds is not None:
        start = c.bounds[0] if c.bounds[0] is not None else start
        end = c.bounds[1] if c.bounds[1] is not None else end
    start, end = _relation_bounds(ctx, c.relation, start, end)
    if c.weekday is not None and precision == "none":
        precision = "weekday"
    return TimeExpr(
        ctx.text[c.start_char : c.end_char],
        c.start_char,
        c.end_char,
        c.type,
        value,
        start,
        end,
        precision,
        c.relation,
        c.mod,
        c.weekday,
        c.relative,
    )


def _relation_bounds(
    ctx: _Ctx, relation: str, start: datetime.date | None, end: datetime.date | None
) -> tuple[datetime.date | None, datetime.date | None]:
    one = datetime.timedelta(days=1)
    if relation == "since":
        return start, ctx.ref if ctx.ref and start and ctx.ref >= start else None
    if relation == "until":
        return None, end
    if relation == "before":
        return None, start - one if start and start > datetime.date.min else None
    if relation == "after":
        return end + one if end and end < datetime.date.max else None, None
    return start, end


_FOCUS_VALUE = re.compile(r"\d{4}-(?:Q[1-4]|H[12])$")
_FOCUS_DISTANCE = 400


def _anchor_years_back(cands: list[_Cand]) -> None:
    """``a year earlier`` / ``a year ago`` after a quarter (or half) in focus refers to that
    quarter N years back (``third-quarter sales rose from a year earlier``).
    """
    focus: _Cand | None = None
    for c in cands:
        back = c.extra.get("years_back")
        near = focus is not None and c.start_char - focus.end_char <= _FOCUS_DISTANCE
        if "focus_year" in c.extra and near and focus is not None:
            c.value = c.extra["focus_year"] + focus.value[4:]  # "the 2022 quarter"
        elif back == "0" and focus is not None and c.start_char - focus.end_char <= _FOCUS_DISTANCE:
            c.value = focus.value  # "the latest period"
        elif back and focus is not None and c.start_char - focus.end_char <= _FOCUS_DISTANCE:
            c.value = f"{int(focus.value[:4]) - int(back):04d}{focus.value[4:]}"
        elif c.type == "DATE" and _FOCUS_VALUE.match(c.value) and "range_end" not in c.extra:
            focus = c


_WEEK_OF = re.compile(r"(?<![\w-])(?:[Tt]he|THE)\s+(?:week|WEEK)\s+(?:of|OF)\s+$")
_RESOLVED_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


def _week_of(ctx: _Ctx, cands: list[_Cand]) -> None:
    """``the week of March 4``: the (ISO) week containing that day."""
    for c in cands:
        if c.type != "DATE" or "range_end" in c.extra or not _RESOLVED_DAY.match(c.value):
            continue
        m = _WEEK_OF.search(ctx.text, max(0, c.start_char - 20), c.start_char)
        if m:
            day = datetime.date.fromisoformat(c.value)
            c.start_char, c.value, c.weekday = m.start(), _week_value(day), None


def _split_day_ranges(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """TIMEX3 style: ``June 23-24`` / ``23 and 24 June`` as two expressions, one a day."""
    out: list[_Cand] = []
    for c in cands:
        split = c.extra.get("split")
        if not split or "range_end" not in c.extra:
            out.append(c)
            continue
        a_end, b_start = (int(x) for x in split.split(","))
        while a_end < c.end_char and ctx.text[a_end].isalpha():  # "23rd"
            a_end += 1
        first = _Cand(
            c.start_char,
            a_end,
            "DATE",
            c.value,
            relative=c.relative,
            year_explicit=c.year_explicit,
            mod=c.mod,
        )
        second = _Cand(
            b_start,
            c.end_char,
            "DATE",
            c.extra["range_end"],
            relative=c.relative,
            year_explicit=c.year_explicit,
        )
        out.extend((first, second))
    return out


def find_times(
    text: str,
    reference_date: datetime.date | None = None,
    *,
    day_first: bool | None = None,
    merge_ranges: bool = True,
) -> list[TimeExpr]:
    """All time expressions in text, sorted by start_char, non-overlapping (longest wins).

    reference_date anchors relative expressions (usually the document date); without it
    they stay underspecified.  day_first fixes the order of numeric dates (a/b/yyyy).
    merge_ranges=False keeps ``from 2014 to 2016`` as two expressions (TIMEX3 style)
    instead of one range; ranges written as one token group (``2014-2016``) stay one.
    """
    if not text or not isinstance(text, str):
        return []
    ref = reference_date
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    ctx = _Ctx(text, ref if isinstance(ref, datetime.date) else None, day_first, merge_ranges)
    cands = _candidates(ctx)
    for c in cands:
        _extend_left(ctx, c)
    kept = _select(cands)
    try:
        kept = _merge(ctx, kept)
        _anchor_years_back(kept)
        _week_of(ctx, kept)
        _resolve_anaphors(kept)
        if not merge_ranges:
            kept = _split_day_ranges(ctx, kept)
    except Exception:  # never raise: keep the unmerged expressions
        kept = _select(_candidates(ctx))
    out: list[TimeExpr] = []
    for c in kept:
        try:
            _relation(ctx, c)
            out.append(_finish(ctx, c))
        except Exception:  # never raise: drop this expression only
            continue
    return out
