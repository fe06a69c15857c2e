"""The tagger's words: months, weekdays, units, number words, tense cues and the
regex pieces the rules are built from."""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import Any

import yaml


def _load_words() -> dict[str, Any]:
    """The word tables of `words.yaml` (package data), read once at import."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(Path(__file__).with_name("words.yaml"), encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader


_WORDS_DATA = _load_words()
_MONTHS: dict[str, int] = _WORDS_DATA["months"]
_MONTH_ABBR: dict[str, int] = _WORDS_DATA["month_abbreviations"]
_WEEKDAYS: dict[str, int] = _WORDS_DATA["weekdays"]
_SEASONS: dict[str, str] = _WORDS_DATA["seasons"]
_SEASON_START: dict[str, int] = _WORDS_DATA["season_start"]
_DAYPARTS: dict[str, str] = _WORDS_DATA["dayparts"]
_UNITS: dict[str, str] = _WORDS_DATA["units"]
_SET_WORDS: dict[str, str] = _WORDS_DATA["set_words"]
_NUMBERS: dict[str, int] = _WORDS_DATA["numbers"]
_VAGUE_NUMBERS: frozenset[str] = frozenset(_WORDS_DATA["vague_numbers"])
_ORDINALS: dict[str, int] = _WORDS_DATA["ordinals"]


def weekday_names() -> tuple[str, ...]:
    """Monday to Sunday, as a sentence writes them (index = `date.weekday()`)."""
    return tuple(name.title() for name, _ in sorted(_WEEKDAYS.items(), key=lambda x: x[1]))


def month_number(name: str) -> int:
    """The number of a month's name or abbreviation ("September", "Sept.", "sep"): the one
    table the tagger, the reference-date reader and the claims engine share."""
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def names_a_day(word: str) -> bool:
    """Is the word a weekday, a month (or its abbreviation) or a day word ("today")?"""
    key = word.lower().rstrip(".")
    return key in _WEEKDAYS or key in _MONTHS or key in _MONTH_ABBR or key in _DEICTIC_DAY_WORDS


_DEICTIC_DAY_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight"})


# days of the month in words, after a month name: "July Fourth", "March eighth"
_DAY_WORDS = (
    {w: n for w, n in _ORDINALS.items() if w.isalpha()}
    | {
        f"{tens}{sep}{w}": base + n
        for tens, base in (("twenty", 20), ("thirty", 30))
        for sep in ("-", " ")
        for w, n in _ORDINALS.items()
        if w.isalpha() and n < (10 if base == 20 else 2)
    }
    | {"thirtieth": 30}
)


_DAY_WORD_ALT = "|".join(
    sorted((w.replace(" ", r"\s+") for w in _DAY_WORDS), key=len, reverse=True)
)


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
_FUTURE_WORDS = frozenset(_WORDS_DATA["future_words"])


_FUTURE_BEFORE_TO = frozenset(_WORDS_DATA["future_before_to"])  # "set to", "supposed to"


# present-tense verbs of scheduled events: in news "polls close at 8 p.m. Tuesday", "the
# ceasefire takes effect Friday", "the two leaders meet Monday" lie ahead
_SCHEDULE_VERBS = frozenset(_WORDS_DATA["schedule_verbs"])


# words before a schedule verb that make it a noun: "after the votes Tuesday"
_NOUN_BEFORE = frozenset(_WORDS_DATA["noun_before"])


# a base-form schedule verb needs a verb's place: after a plural subject ("polls close",
# "they meet") or an adverb of one ("then open"), not "restricting travel"
_BASE_VERB_AFTER = frozenset(_WORDS_DATA["base_verb_after"])


def _plural_noun(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


# modals of what may yet happen ("could arrive on Sunday"), unless of the past: "could not
# be reached Monday", "may have left on Friday"
_MAYBE_WORDS = frozenset(_WORDS_DATA["maybe_words"])


_NOT_MAYBE_AFTER = frozenset(_WORDS_DATA["not_maybe_after"])


# "extended to Nov. 16", "postponed until Tuesday": the new date lies ahead
_PUT_OFF = frozenset(_WORDS_DATA["put_off"])


_PUT_OFF_TO = frozenset(_WORDS_DATA["put_off_to"])


_PAST_WORDS = frozenset(_WORDS_DATA["past_words"])


# words in -ed that are no past tense: "could exceed 20,000 by November"
_NOT_PAST_ED = frozenset(_WORDS_DATA["not_past_ed"])


_NOT_FINITE_AFTER = frozenset(_WORDS_DATA["not_finite_after"])  # "will be paid"


_ED_NOT_BEFORE = frozenset(_WORDS_DATA["ed_not_before"])  # "extended through May"


_MODALS = frozenset(_WORDS_DATA["modals"])


# words a verb's base form follows: "will last", "may soon approve", "to soon grow"
_MODAL_WORDS = frozenset(_WORDS_DATA["modal_words"])


# "the following day", "the next morning", "the previous year": one after (before) the date
# last mentioned, as "that day" is that date's
_SEQUEL = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


_CUE_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


# the words a cue can start with (see `_cues`), besides "-ed" and "'ll" words
_CUE_STARTS = (
    _FUTURE_BEFORE_TO
    | _PUT_OFF
    | _FUTURE_WORDS
    | _PAST_WORDS
    | _MAYBE_WORDS
    | _SCHEDULE_VERBS
    | frozenset({"to", "set", "had", "has", "have", "as"})
)


class _Cue:
    """A tense cue: kind "future" / "past", its (lowercase) words, where it stands."""

    __slots__ = ("kind", "word", "start", "end")

    def __init__(self, kind: str, word: str, start: int, end: int) -> None:
        self.kind, self.word, self.start, self.end = kind, word, start, end


_TOKENS: tuple[str, list[int], list[tuple[str, int, int]]] = ("", [], [])


def _words(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """The words of text[lo:hi] as `_CUE_WORD.finditer(text, lo, hi)` gives them (a word
    cut by either end is cut there too), from the words of the whole text found once:
    in a text dense with dates every candidate reads the window around it."""
    global _TOKENS
    cached = _TOKENS  # read once: another thread may replace it meanwhile
    if cached[0] is not text:
        found = [(m.group(), m.start(), m.end()) for m in _CUE_WORD.finditer(text)]
        cached = _TOKENS = (text, [t[1] for t in found], found)
    _, starts, toks = cached
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    inner = toks[i:j]
    if inner and inner[-1][2] > hi:  # the last word runs past hi: its head only
        last = inner.pop()
        inner += [(m.group(), m.start(), m.end()) for m in _CUE_WORD.finditer(text, last[1], hi)]
    if i and toks[i - 1][2] > lo:  # a word begun before lo: its tail only
        upto = inner[0][1] if inner else hi
        inner[:0] = [(m.group(), m.start(), m.end()) for m in _CUE_WORD.finditer(text, lo, upto)]
    return inner


def _cues(text: str, lo: int, hi: int) -> list[_Cue]:
    """The tense cues in text[lo:hi], in order."""
    toks = _words(text, lo, hi)
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
        if lw in {"has", "have"} and nxt in {"until", "till", "to"}:  # "have until Friday to act"
            out.append(_Cue("future", "has_until", s, toks[i + 1][2]))
            i += 2
            continue
        if lw in {"has", "have"} and nxt == "been":  # present perfect: looks back
            out.append(_Cue("past", "has_been", s, toks[i + 1][2]))
            i += 2
            continue
        if lw == "as" and nxt in {"soon", "early"} and nxt2 == "as":
            out.append(_Cue("future", "as_soon_as", s, toks[i + 2][2]))
            i += 3
            continue
        if lw in _SCHEDULE_VERBS:
            prev = toks[i - 1][0].lower() if i else ""
            if (
                w.islower()
                and prev
                and (prev not in _NOUN_BEFORE or prev == "that" and lw.endswith("s"))
                and not prev.endswith(("ed", "'s", "’s"))  # "Friday's close": a noun
                and (
                    lw.endswith("s")  # "a warning runs from 6 p.m. Tuesday"
                    or prev in _BASE_VERB_AFTER
                    or _plural_noun(prev)
                    or toks[i - 1][0][0].isupper()  # "He and Arafat meet Monday"
                )
            ):
                out.append(_Cue("future", "present", s, e))  # "polls close at 8 p.m. Tuesday"
            i += 1
            continue
        if lw in _MAYBE_WORDS:
            if (
                w.islower()
                and nxt.isalpha()
                and nxt not in _NOT_MAYBE_AFTER
                and not (nxt == "be" and lw in {"could", "may"})  # "could be located"
                and not (nxt == "not" and (lw == "could" or nxt2 == "have"))  # "could not be"
            ):
                out.append(_Cue("future", lw, s, e))  # "could arrive on Sunday night"
            i += 1
            continue
        if lw.endswith(("'ll", "’ll")):
            out.append(_Cue("future", "will", s, e))
        elif lw in _FUTURE_WORDS:
            out.append(_Cue("future", lw, s, e))
        elif lw in _PAST_WORDS or (
            len(w) >= 5
            and w.endswith("ed")
            and w.islower()
            and lw not in _NOT_PAST_ED
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


# (every alternative opens with a literal: `re` then skips to those characters at C speed
# instead of trying the pattern at each position)
# (a quotation's end closes a clause: in '"... in the fourth quarter," said Desai' the
# reporting verb does not govern what was quoted)
_CLAUSE_END = re.compile(r"\n|[.!?](?:[\"”’]|'')?\s|;\s|,(?:[\"”’]|'')\s")


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
