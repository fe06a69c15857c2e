"""Rule handlers for dates: numeric and written dates, months, years, weekdays,
relative words, parts of day, seasons, quarters."""

from __future__ import annotations

import datetime
import re

from .context import (
    _FUNCTION_WORDS,
    _PRESENT_COPULA,
    _month_number,
    _next_word,
    _pick_year,
    _prev_words,
    _tense,
    _tense_cue,
    _valid_day,
    _year_of,
    _yearless,
)
from .expr import _Cand, _Ctx
from .intervals import _add_months, interval_of
from .lexicon import (
    _COUNT_NOUNS,
    _DAY_WORDS,
    _DAYPARTS,
    _MONTH_ABBR,
    _MONTHS,
    _REL_WORDS,
    _SEASONS,
    _SET_WORDS,
    _WEEKDAYS,
    _YEAR_LEFT,
)
from .units import _the_before


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
        day, mon = _plausible_order(ctx, m.start(), m.end(), y, a, b)
        if not day:  # both readings stand: the year alone is certain
            return _Cand(m.start(), m.end(), "DATE", f"{y:04d}") if 1 <= y <= 9999 else None
    if not _valid_day(y, mon, day):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}-{day:02d}")


def _plausible_order(ctx: _Ctx, s: int, e: int, y: int, a: int, b: int) -> tuple[int, int]:
    """(day, month) of an ambiguous ``7/8/07`` when the tense rules one reading out: of
    July 8 and August 7, only one may lie on the side of the reference date that the
    clause looks to ("was held on 7/8/07" the day before a July 9 article). (0, 0) if not."""
    if ctx.ref is None or not 1 <= y <= 9999:
        return 0, 0
    looks_ahead = _tense(ctx, s, e) == "future"
    fits = [
        (day, mon)
        for day, mon in ((b, a), (a, b))
        if (datetime.date(y, mon, day) >= ctx.ref) == looks_ahead
        or datetime.date(y, mon, day) == ctx.ref
    ]
    return fits[0] if len(fits) == 1 else (0, 0)


_SPACES = re.compile(r"\s+")


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
    if low == "march" and _MARCHERS.search(ctx.text, max(0, m.start() - 12), m.start()):
        return False  # "the Women's March", "the People's March": a protest
    if low == "march" and pw not in _MONTH_BEFORE and _march_is_event(ctx.text, m.end()):
        return False  # "the March on Washington", "the annual March for Life", "March on!"
    return not (nxt[:1].isupper() and pw not in _YEAR_LEFT and nxt.lower() not in _MONTHS)


_EVENT_AFTER = re.compile(r"\s+(on|to|for|of|against|through)\b(?:\s+(?:the\s+)?([\w.]+))?")


_MARCHERS = re.compile(r"\b(?:Women|People|Workers|Veterans|Mothers|Farmers|Peoples)['’]s?\s+$")


# words before "March" that make it the month: "has until March to respond"
_MONTH_BEFORE = frozenset(
    "until till in since by before after early late mid last next this through".split()
)


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
    if m["dw"]:  # "July Fourth", "March eighth"
        d1 = _DAY_WORDS[_SPACES.sub(" ", m["dw"].lower())]
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
    if right and 1800 <= int(m.group(0)[:4]) < int(right.group(1)) <= 2199:
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
    cand = _Cand(m.start(), m.end(), "TIME", "XXXX-XX-XX" + value, extra={"clock": "1"})
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
    if _after_word(ctx.text, s, {"since"}):  # "has not played since Friday"
        return ref - datetime.timedelta(days=back or 7)
    if ctx.text.startswith(("'s", "’s"), e):  # "Wednesday's ruling": a known event
        cue = _tense_cue(ctx, s, e)  # unless a plain future governs: "expect Friday's report"
        if not cue or cue[0] != "future" or cue[2] in _PAST_FUTURE:
            return ref - datetime.timedelta(days=back)
        return ref + datetime.timedelta(days=ahead)
    tense = _tense(ctx, s, e)
    if direction == "this" or tense == "future":
        return ref + datetime.timedelta(days=ahead)
    if tense is None and (
        _after_word(ctx.text, s, {"until", "till"})
        or _PRESENT_COPULA.search(ctx.text, max(0, s - 30), s)
    ):  # "the offer stands until Friday", "the meeting is at 10am on Friday"
        return ref + datetime.timedelta(days=ahead)
    return ref - datetime.timedelta(days=back)


# future seen from the past ("would look for ways around Wednesday's ruling"), or only
# a present tense: no sure future for a known event
_PAST_FUTURE = frozenset({"would", "might", "could", "may", "present"})


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
    if _PAPER_AFTER.match(ctx.text, e) or (
        wd >= 5 and _PAPER_BEFORE.search(ctx.text, max(0, s - 16), s)
    ):  # "The Mail on Sunday", "Scotland on Sunday"; not "Scotland on Wednesday"
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
    earlier = pw in {"previous", "preceding"} and len(prev) > 1 and prev[1][0] == "the"
    if earlier:  # "down 4.5% from the previous Friday": the one before the latest Friday
        s = prev[1][1]
    if ctx.ref is None:
        value, relative = f"XXXX-WXX-{wd + 1}", False
    else:
        day = _weekday_date(ctx, wd, s, e, direction)
        if earlier:
            day -= datetime.timedelta(days=7)
        value, relative = day.isoformat(), True
    if part:  # "Friday night": a TIME, the part of that day (TimeML: 1998-08-14TNI)
        return _Cand(s, e, "TIME", f"{value}T{part}", relative=relative, weekday=wd)
    cand = _Cand(s, e, "DATE", value, relative=relative, weekday=wd)
    if not direction and not earlier and ctx.text.startswith(("'s", "’s"), e):
        cand.extra["known"] = "1"  # "Sunday's vote": the Sunday already told of, if any
    if earlier:
        cand.extra["previous"] = "1"  # not the Friday of the story
    return cand


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
        else:  # "this": the one of this year ("this fall" said in February lies ahead)
            year = ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
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
    prev = _prev_words(ctx.text, m.start(), 3)
    part = _DAYPARTS[m.group(0).lower()]
    words = [w for w, _ in prev]
    first = words[0] if words else ""
    shift = 0 if first == "that" else _SEQUEL.get(first) if words[1:2] == ["the"] else None
    if shift is not None:  # "that night", "the next morning": of the day last mentioned
        s = prev[1][1] if shift or words[1:2] in (["earlier"], ["later"]) else prev[0][1]
        day = ctx.ref + datetime.timedelta(days=shift) if ctx.ref else None
        cand = _Cand(s, m.end(), "TIME", f"{day or 'XXXX-XX-XX'}T{part}", relative=True)
        cand.extra["anaphor"], cand.extra["part"] = f"D{shift}", part
        return cand
    if prev and prev[0][0] == "mid" and part in {"MO", "AF"}:
        value = (ctx.ref.isoformat() if ctx.ref else "") + "T" + part
        return _Cand(prev[0][1], m.end(), "TIME", value, relative=ctx.ref is not None)
    if not prev or prev[0][0] not in {"every", "each"}:
        return None
    return _Cand(prev[0][1], m.end(), "SET", "T" + _DAYPARTS[m.group(0).lower()])


# "the next morning", "the previous night": the day after (before) the one last mentioned
_SEQUEL = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


# "daily" and "weekly" are also nouns: "the Communist Party daily Granma", "told the daily"
_PAPER_WORDS = frozenset({"daily", "weekly"})


_PAPER_VERBS = frozenset("said says reported reports quoted quotes wrote cited published".split())


def _names_paper(text: str, s: int, word: str, nxt: str) -> bool:
    """Is the word at s a newspaper: in a name ("China Daily"), before one ("daily
    Granma"), or "the daily" before punctuation or a reporting verb ("the daily said")?"""
    low = nxt.lower()
    if nxt[:1].isupper() and low not in _WEEKDAYS and low not in _MONTHS:
        return True
    prev = _prev_words(text, s, 1)
    if word[0].isupper() and prev and text[prev[0][1]].isupper():
        return True
    return bool(prev) and prev[0][0] in {"the", "a"} and (not nxt or low in _PAPER_VERBS)


def _h_set(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``daily``, ``weekly``, ``annually``; ``quarterly`` only as an adverb (``paid
    quarterly``, not ``quarterly earnings``, which news corpora do not tag)."""
    word = m.group(0).lower()
    nxt = _next_word(ctx.text, m.end())
    if word == "quarterly" and nxt[:1].islower():
        return None
    if word in _PAPER_WORDS and _names_paper(ctx.text, m.start(), m.group(0), nxt):
        return None
    return _Cand(m.start(), m.end(), "SET", _SET_WORDS[m.group(0).lower()])
