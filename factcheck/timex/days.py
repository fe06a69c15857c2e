"""Days and times of day: weekdays ("on Friday", "Wednesday's ruling"), clock times,
parts of days ("tonight", "that night"), seasons, "today" / "now" / "soon", and SETs
("daily", "every Monday")."""

from __future__ import annotations

import datetime
import re

from .context import (
    _FUNCTION_WORDS,
    _PRESENT_COPULA,
    _after_word,
    _next_word,
    _pick_year,
    _prev_words,
    _tense,
    _tense_cue,
)
from .expr import _Cand, _Ctx
from .handlers import _DIRECTIONS
from .intervals import interval_of
from .lexicon import (
    _DAYPARTS,
    _MODAL_WORDS,
    _MONTHS,
    _REL_WORDS,
    _SEASONS,
    _SEQUEL,
    _SET_WORDS,
    _WEEKDAYS,
)


def _h_time(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower()
    se = m.groupdict().get("se")
    zone = m.groupdict().get("tz") or m.groupdict().get("off")
    if not ap and not m["mi"]:
        return None
    if not ap and m.group(0)[len(m["h"])] == "." and (se or not zone):
        return None  # "3.5 million", but "10.15 BST" (a UK clock with its zone)
    if se and not ap and not zone and len(m["h"]) == 1 and not _after_word(
        ctx.text, m.start(), _CLOCK_LEFT
    ):
        return None  # "finishing in 3:07:35": a race time, no clock
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.startswith("p") else 0)
    if h > 24 or mi > 59:
        return None
    return _clock(ctx, m.start(), m.end(), h, mi, int(se) if se else None)


# words after which H:MM:SS is a clock, not a race or lap time
_CLOCK_LEFT = frozenset("at by until till before after from since around about".split())


def _clock(ctx: _Ctx, s: int, e: int, h: int, mi: int, se: int | None = None) -> _Cand:
    """A clock time: on the reference day, else on a day unknown (``XXXX-XX-XXT20:00``)."""
    day = ctx.ref.isoformat() if ctx.ref is not None else "XXXX-XX-XX"
    value = f"{day}T{h:02d}:{mi:02d}" + (f":{se:02d}" if se is not None else "")
    return _Cand(s, e, "TIME", value, relative=ctx.ref is not None, extra={"clock": "1"})


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
        if (
            not cue
            or cue[0] != "future"
            or cue[2] in _PAST_FUTURE
            or _after_word(ctx.text, s, {"than"})
        ):  # "weaker than Tuesday's": a storm that was
            return ref - datetime.timedelta(days=back)
        return ref + datetime.timedelta(days=ahead)
    if _PRESENT_COPULA.search(ctx.text, max(0, s - 40), s):
        return ref + datetime.timedelta(days=ahead)  # "the meeting is at 10am on Friday"
    tense = _tense(ctx, s, e)
    if direction == "this" or tense == "future":
        return ref + datetime.timedelta(days=ahead)
    if tense is None and _after_word(ctx.text, s, {"until", "till", "through"}):
        return ref + datetime.timedelta(days=ahead)  # "the offer stands until Friday"
    return ref - datetime.timedelta(days=back)


_TO_PRESENT = re.compile(r"\d{4}\s*[-–—]\s*$")


# future seen from the past ("would look for ways around Wednesday's ruling"), or only
# a present tense: no sure future for a known event
_PAST_FUTURE = frozenset({"would", "might", "could", "may", "should", "must", "can", "present"})


# newspaper titles: "The Sunday Times", "The Mail on Sunday" name no day
_PAPER_AFTER = re.compile(
    r" (?:Times|Telegraph|Express|Mirror|Herald|Post|Star|Tribune|Observer|Independent|Sport"
    r"|Business|Mail|Age|World"
    r"|Road|Street|Avenue|Lane|Drive|Square|Market|School|Island|Bay|River)\b"  # places
)


_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland|Business|Sport) on $")


# the words before "that" in "on that Saturday", "until that Monday": a day told before
_NARRATIVE_BEFORE_THAT = frozenset(
    {"on", "by", "until", "till", "from", "since", "after", "before"}
)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = m["wd"]
    wd = _WEEKDAYS[name.lower()]
    s, e = m.start(), m.end()
    if _PAPER_AFTER.match(ctx.text, e) or (
        wd >= 5 and _PAPER_BEFORE.search(ctx.text, max(0, s - 16), s)
    ):  # "The Mail on Sunday", "Scotland on Sunday"; not "Scotland on Wednesday"
        return None
    if not m["part"] and _next_word(ctx.text, e) in {"school", "best"}:
        return None  # "taught Sunday school", "in their Sunday best"
    prev = _prev_words(ctx.text, s, 2)
    pw = prev[0][0] if prev else ""
    part = _DAYPARTS.get((m["part"] or "").lower().rstrip("s"), "")
    if pw == "other" and len(prev) > 1 and prev[1][0] == "every":
        pw, prev = "every", prev[1:]  # "every other Tuesday"
    if m["plural"] or pw in {"every", "each"} or (m["part"] or "").lower().endswith("s"):
        s = prev[0][1] if pw in {"every", "each"} else s  # "on Saturday nights": a SET
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
    # "It was a Wednesday", "on one Tuesday", "on that Saturday afternoon", "the same
    # Monday": a day of the story (indefinite, or one already told), not of the week the
    # text is written in
    narrative = not direction and (
        pw in {"a", "one", "same"}
        or (pw == "that" and len(prev) > 1 and prev[1][0] in _NARRATIVE_BEFORE_THAT)
    )
    if ctx.ref is None or narrative:
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
    if pw == "following" and len(prev) > 1 and prev[1][0] == "the":
        return _season_cand(ctx, s, e, code, "")  # "the following autumn": see _told_calendar
    if pw not in _SEASON_LEFT:
        return None
    if pw == "that":  # "That winter she played her first job": the year last told of
        cand = _season_cand(ctx, ps, e, code, "this")
        cand.extra["anaphor"], cand.extra["season"] = "Y0", code
        return cand
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
    if word == "present" and _TO_PRESENT.search(ctx.text, max(0, s - 8), s):
        return _Cand(s, e, "DATE", "PRESENT_REF", relative=True)  # "1931–present"
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
        value = (ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX") + kind  # as a clock time
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


_SOON_MODALS = _MODAL_WORDS


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
    # "the day before yesterday", but not "a day after yesterday's ruling": a possessive
    # dates its noun, and the day after is counted from that, not from the reference
    possessive = ctx.text.startswith(("'s", "’s"), e)
    if before and word in {"yesterday", "tomorrow"} and not possessive:
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


_HOUR_WORDS = {
    w: n
    for n, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
}


_OCLOCK_LEFT = re.compile(
    rf"(?<![\w.:])(?:(\d{{1,2}})|({'|'.join(_HOUR_WORDS)}))\s+[oO]['’]$", re.IGNORECASE
)


_DAYPART_AFTER = re.compile(
    r"\s+(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night))\b", re.IGNORECASE
)


_EVENING_NEAR = re.compile(r"\s+(?:tonight|this\s+evening|p\.?m\.?)", re.IGNORECASE)


def _h_oclock(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``8 o'clock``, ``nine o'clock in the evening``: a clock time (p.m. when the words
    around say evening or night)."""
    left = _OCLOCK_LEFT.search(ctx.text, max(0, m.start() - 10), m.start())
    if left is None:
        return None
    h = int(left.group(1)) if left.group(1) else _HOUR_WORDS[left.group(2).lower()]
    if not 1 <= h <= 12:
        return None
    e = m.end()
    part = _DAYPART_AFTER.match(ctx.text, e)
    if part:
        e = part.end()
    late = (part and part.group(1) != "morning") or _EVENING_NEAR.match(ctx.text, m.end())
    if not part and h <= 6:
        late = True  # "by 3 o'clock it was up to the mailbox": an afternoon
    if late and h < 12:
        h += 12
    return _clock(ctx, left.start(), e, h, 0)


def _h_this_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    part = _DAYPARTS[m.group(0).split()[-1].lower()]
    value = (ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX") + "T" + part
    early = m.group(0)[:1].lower() in "el"  # "(in) the early evening": with its article
    return _Cand(m.start(), m.end(), "TIME", value, relative=True, takes_the=early)


def _h_last_night(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``last night``: the evening before the reference date."""
    prev = _prev_words(ctx.text, m.start(), 1)
    if not prev or prev[0][0] != "last":
        return None
    day = (ctx.ref - datetime.timedelta(days=1)).isoformat() if ctx.ref else "XXXX-XX-XX"
    return _Cand(prev[0][1], m.end(), "TIME", day + "TNI", relative=True)


def _h_every_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """``every morning``: a SET of parts of days, value ``XXXX-XX-XXTMO``; ``mid-afternoon``:
    that part of the reference day (TIME ``TAF``)."""
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
        value = (ctx.ref.isoformat() if ctx.ref else "XXXX-XX-XX") + "T" + part
        return _Cand(prev[0][1], m.end(), "TIME", value, relative=ctx.ref is not None)
    if not prev or prev[0][0] not in {"every", "each"}:
        return None
    return _Cand(prev[0][1], m.end(), "SET", "XXXX-XX-XXT" + _DAYPARTS[m.group(0).lower()])


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
    times = _TIMES_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    start = times.start() if times else m.start()  # "twice daily", "three times weekly"
    return _Cand(start, m.end(), "SET", _SET_WORDS[m.group(0).lower()])


_TIMES_BEFORE = re.compile(
    r"\b(?:[Oo]nce|[Tt]wice|[Tt]hrice|(?:two|three|four|five|six|\d+)\s+times)\s+$"
)
