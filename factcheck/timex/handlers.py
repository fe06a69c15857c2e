"""Rule handlers for calendar dates: ISO and numeric dates, written dates and months,
years (and what is no year: counts, scores, addresses), fiscal years, decades,
quarters. Days and times of day are in `days`."""

from __future__ import annotations

import datetime
import re

from .context import (
    _FUNCTION_WORDS,
    _next_word,
    _prev_words,
    _tense,
    _valid_day,
    _year_of,
    _yearless,
)
from .expr import _Cand, _Ctx
from .intervals import _add_months, interval_of
from .lexicon import (
    _COUNT_NOUNS,
    _DAY_WORDS,
    _MONTH_ABBR,
    _MONTH_ALT,
    _MONTHS,
    _YEAR_LEFT,
    month_number,
)
from .periods import _the_before


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
    if (
        len(ytxt) == 2
        and m["sep"] != "/"
        and a <= 12
        and b <= 12
        and not (prev and prev[0][0] in _DATE_CUES)
    ):
        return None  # "1.3.99" only as a date told ("on 1.3.99"); "10-29-99" either way
    y = _year_of(ctx, int(ytxt))
    day_first = ctx.day_first
    if day_first is None:
        day_first = True if m["sep"] == "." else _document_order(ctx, m["sep"])
    if a > 12 or (day_first is True and b <= 12):  # the locale yields to plausibility
        day, mon = a, b
    elif b > 12 or day_first is False or a == b:
        day, mon = b, a
    else:
        day, mon = _plausible_order(ctx, m.start(), m.end(), y, a, b)
        if not day:  # both readings stand: the year alone is certain
            return _Cand(m.start(), m.end(), "DATE", f"{y:04d}") if 1 <= y <= 9999 else None
    if not _valid_day(y, mon, day):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}-{day:02d}")


# words after which a numeric group is a date ("dated 1.3.99")
_DATE_CUES = frozenset(
    "on dated date stamped issued since until till by from before after of expires".split()
)


_NUMERIC_DATES = {
    sep: re.compile(
        rf"(?<![\w.,/-])(\d{{1,2}}){re.escape(sep)}(\d{{1,2}}){re.escape(sep)}\d{{2,4}}(?!\w)"
    )
    for sep in "/-"
}


def _document_order(ctx: _Ctx, sep: str) -> bool | None:
    """Day or month first, as the other numeric dates of the text show it: a part over 12
    tells ("9/20/2012" makes "8/9/2012" August 9); None if none tells or they disagree.
    Dotted dates are day first (continental style)."""
    key = "order" + sep
    if key not in ctx.cache:
        orders = set()
        for n in _NUMERIC_DATES[sep].finditer(ctx.text):
            a, b = int(n.group(1)), int(n.group(2))
            if a > 12 >= b:
                orders.add(True)
            elif b > 12 >= a:
                orders.add(False)
        ctx.cache[key] = orders.pop() if len(orders) == 1 else None
    return ctx.cache[key]


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


_MONTHS_QUARTER = re.compile(rf"\s*[-–]\s*({_MONTH_ALT})\s+quarter\b", re.IGNORECASE)


# words after a month that make it the month an economic figure is for
_DATA_NOUNS = frozenset(
    "retail sales figures figure data report employment jobs payroll payrolls inflation "
    "consumer producer trade unemployment industrial factory housing durable exports "
    "imports output production statistics numbers readings index".split()
)


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
    mon = month_number(name)
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
    span = _MONTHS_QUARTER.match(ctx.text, end) if d1 is None and year is None else None
    if span and mon % 3 == 1 and month_number(span.group(1)) == mon + 2:
        q = (mon - 1) // 3 + 1  # "the January-March quarter": the first quarter

        def fmt_q(y: int) -> str:
            return f"{y:04d}-Q{q}"

        value, relative = _yearless(ctx, start, span.end(), fmt_q)
        return _Cand(start, span.end(), "DATE", value, relative=relative, takes_the=True)
    if d1 is None and year is None and not _bare_month_ok(m, ctx, name):
        return None
    if (
        d1 is None
        and year is None
        and ctx.ref
        and (ctx.text.startswith(("'s", "’s"), end) or _next_word(ctx.text, end) in _DATA_NOUNS)
    ):  # "February's jobs report", "the August employment report" (in September): a month
        # begun already, whatever the tense of its release
        y = ctx.ref.year if mon <= ctx.ref.month else ctx.ref.year - 1
        return _Cand(start, end, "DATE", f"{y:04d}-{mon:02d}", relative=True, year_explicit=False)
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
    mon = month_number(m["mon"])
    year = _year_of(ctx, int(m["y"])) if m["y"] else None
    split = (m.end("d1"), m.start("d2")) if d2 is not None else None
    cand = _month_cand(m.start(), m.end(), ctx, mon, d1, d2, year, split)
    if cand is not None and d2 is None and _OF_MONTH.match(m.group(0)):
        cand.takes_the = True  # "the 23rd of July"
    return cand


_OF_MONTH = re.compile(r"\d+(?:st|nd|rd|th)?\s+of\s", re.IGNORECASE)


_ORDINAL_LISTED = re.compile(
    r"\s*(?:,|and|or|to|-|–)\s*(?:the\s+)?(?:early\s+|late\s+|mid-)?\d{1,2}(?:st|nd|rd|th)\s+([a-z]+)"
)


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
    listed = _ORDINAL_LISTED.match(ctx.text, m.end())
    if listed and listed.group(1).lower() not in _NTH_DAY_NEXT:
        return None  # "from the 18th and 19th centuries": ordinals of that noun
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
    if _TO_PRESENT_AFTER.match(text, m.end()):
        return True  # "1931–present", "2014-now"
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


_TO_PRESENT_AFTER = re.compile(r"\s*[-–—]\s*(?:present|now|today)\b", re.IGNORECASE)


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


def _h_year_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``2023-06`` (ISO year and month; "Results for 2023-06"), not a season such as
    ``2010-11`` (the month that is the next year's last two digits)."""
    y, mon = int(m["y"]), int(m["m"])
    if not 1000 <= y <= 2199 or mon == (y + 1) % 100:
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}")


def _h_year_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``2022-Q3``, ``2023Q1``, ``2023-H1``: a quarter or half of a year."""
    y, q, kind = int(m["y"]), int(m["q"]), m["kind"].upper()
    if not 1000 <= y <= 2199 or (kind == "H" and q > 2):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{kind}{q}")


def _h_dashed_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``5-Jan-2018``, ``05-JAN-18``: day, month name and year joined by hyphens."""
    d, mon = int(m["d"]), month_number(m["mon"])
    y = _year_of(ctx, int(m["y"]))
    if not _valid_day(y, mon, d):
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}-{d:02d}")


def _h_iso_week(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``2023-W21``, ``2023W21``, ``2023-W21-3``: an ISO week (or a day of one)."""
    y, w = int(m["y"]), int(m["w"])
    if not 1000 <= y <= 2199 or not 1 <= w <= 53:
        return None
    try:
        day = datetime.date.fromisocalendar(y, w, int(m["d"] or 1))
    except ValueError:
        return None
    value = day.isoformat() if m["d"] else f"{y:04d}-W{w:02d}"
    return _Cand(m.start(), m.end(), "DATE", value)
