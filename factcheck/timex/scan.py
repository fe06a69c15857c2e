"""The scan: anchors found in one pass, the rules tried there, candidates extended to
the left, overlaps resolved, ranges merged."""

from __future__ import annotations

import datetime
import re

from .context import _prev_words, _tense
from .expr import _Cand, _Ctx
from .intervals import interval_of
from .lexicon import _MOD_PHRASES, _RELATION_WORDS
from .rules import _ANCHORS, _RULES_BY_ANCHOR, _anchors


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
                best.extra.setdefault("rule", rule.name)
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
    elif (seq[:1] == ("around",) and not _GET_AROUND.intersection(seq[1:2])) or (
        seq[:1] == ("about",) and c.type == "TIME"
    ):
        c.start_char, c.mod = words[0][1], "APPROX"  # "around Nov. 1", "about 7 p.m."
    elif seq[:1] in {("earlier",), ("later",)} and _DAYISH.fullmatch(c.value[:10]):
        c.start_char = words[0][1]  # "earlier Sunday", "later yesterday"


# "around" as part of a verb: "ways to get around Wednesday's ruling"
_GET_AROUND = frozenset("get got gets getting way ways work worked working go went".split())


def _relation(ctx: _Ctx, c: _Cand) -> None:
    if c.type != "DATE" or "range_end" in c.extra or "split_range" in c.extra:
        return  # "from" in "from 2014 to 2016" opens no interval up to the reference date
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


_TIME_GAP = re.compile(r"[^\S\n]*(?:,|at|,[^\S\n]*at)?[^\S\n]*\Z")  # not over a line end


def _merge(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """Merge ranges (``from A to B``), date + clock time and weekday + date."""
    out: list[_Cand] = []
    for c in _weekdays_on_dates(ctx, cands):
        merged = _merge_pair(ctx, out[-1], c) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            if out and "clock" in out[-1].extra and _is_day(c):
                for clock in _clocks_before_day(ctx.text, out, c):
                    _on_day(clock, c)
            out.append(c)
    return out


def _weekdays_on_dates(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """A weekday written before a date ("Saturday, September 5") is one expression with
    it, before any range takes the weekday as its end: "from May 2 to Saturday,
    September 5" is May 2 to September 5, not May 2 to a Saturday."""
    out: list[_Cand] = []
    for c in cands:
        if out and _weekday_before(ctx, out[-1], c):
            out[-1] = _on_weekday(ctx, out[-1], c)
        else:
            out.append(c)
    return out


def _weekday_before(ctx: _Ctx, a: _Cand, b: _Cand) -> bool:
    """Is `a` a weekday written right before the day `b` ("Saturday, April 25")?"""
    return (
        a.weekday is not None
        and a.type == "DATE"
        and b.type == "DATE"
        and b.weekday is None
        and bool(_DAY_VALUE.fullmatch(b.value))
        and bool(_WEEKDAY_GAP.fullmatch(ctx.text[a.end_char : b.start_char]))
    )


def _on_weekday(ctx: _Ctx, a: _Cand, b: _Cand) -> _Cand:
    """`b` with the weekday `a` written before it, one expression."""
    b.start_char, b.weekday = a.start_char, a.weekday
    _fit_weekday(ctx, b)
    return b


def _known_weekdays(cands: list[_Cand]) -> None:
    """A possessive weekday ("Sunday's vote") names an event already told of: the day of
    the last mention of that weekday ("scheduled for Sunday"), if one came before."""
    told: dict[int, _Cand] = {}
    for c in cands:
        if c.weekday is None or c.type != "DATE" or not _DAY_VALUE.fullmatch(c.value):
            continue
        seen = told.get(c.weekday)
        if "known" in c.extra and seen is not None and c.start_char - seen.end_char < 2000:
            c.value = seen.value
        if "previous" not in c.extra:
            told[c.weekday] = c


def _narrative_years(ctx: _Ctx, cands: list[_Cand]) -> None:
    """A yearless date told right after a dated day takes its year when it follows it
    within two months: "shot him on Aug. 14, 2019 ... He died on Aug. 16" is 2019-08-16,
    not the August before the reference date. Not what lies ahead ("is scheduled for")."""
    if ctx.ref is None:
        _undated_years(cands)
        return
    anchor: _Cand | None = None
    for c in cands:
        if not c.relative and _DATED_DAY.match(c.value):
            anchor = c  # "August 14, 2019" (a month may be background: "the August 1988 truce")
            continue
        if (
            anchor is None
            or c.year_explicit
            or c.with_year is None
            or c.start_char - anchor.end_char > _NARRATIVE_REACH
            or c.value[:4] == anchor.value[:4]
            or _tense(ctx, c.start_char, c.end_char) == "future"
        ):
            continue
        value = c.with_year(int(anchor.value[:4]))
        start, since = interval_of(value)[0], interval_of(anchor.value)[0]
        # in the anchor's own sentence, the rest of its year: "began on 1 July 1916 and
        # was called off on 18 November"
        reach = 62 if _SENTENCE_BREAK.search(ctx.text, anchor.end_char, c.start_char) else 366
        if start is not None and since is not None and 0 <= (start - since).days <= reach:
            c.value = value
            c.extra["narrative_year"] = anchor.value[:4]


_DATED_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _undated_years(cands: list[_Cand]) -> None:
    """Without a reference date, a yearless date takes the year last written before it
    (within `_UNDATED_REACH`): "began on 1 July 1916 and was called off on 18 November"
    is 1916-11-18, "in 1816 snow fell in New England in June" 1816-06, not XXXX."""
    year: tuple[str, int] | None = None  # (year, where it was written)
    for c in cands:
        if c.type == "DATE" and c.year_explicit and not c.relative and _WRITTEN_YEAR.match(c.value):
            year = (c.value[:4], c.end_char)
            continue
        if (
            year is not None
            and c.with_year is not None
            and not c.year_explicit
            and c.value.startswith("XXXX")
            and c.start_char - year[1] <= _UNDATED_REACH
        ):
            c.value = c.with_year(int(year[0]))
            c.extra["narrative_year"] = year[0]


_WRITTEN_YEAR = re.compile(r"\d{4}(?:-|\Z)")
_UNDATED_REACH = 2000  # chars: a few paragraphs


_NARRATIVE_REACH = 300  # chars: about two sentences


def _clock_days(ctx: _Ctx, cands: list[_Cand]) -> None:
    """A clock time with no day of its own takes the day named before it in its sentence:
    "made its first flight Tuesday in Everett at 18:00 UTC" is 18:00 on that Tuesday. Not
    the day of a report ("said Tuesday the plane would leave at 9 a.m.")."""
    text = ctx.text
    day: _Cand | None = None
    for c in cands:
        if _is_day(c):
            words = _prev_words(text, c.start_char, 1)
            day = None if words and words[0][0] in _REPORTED else c
        elif (
            day is not None
            and _dayless_clock(c)
            and c.start_char - day.end_char <= 100
            and not _SENTENCE_BREAK.search(text, day.end_char, c.start_char)
        ):
            _on_day(c, day)
            c.extra["day_told"] = "1"
    # else the day last told before it in the text (a log's or live blog's date line)
    told: _Cand | None = None
    for c in cands:
        if _is_day(c) and not c.relative and "W" not in c.value:  # a date, not "Tuesday"
            told = c
        elif told is not None and _dayless_clock(c) and c.start_char - told.end_char <= _LOG_REACH:
            _on_day(c, told)
            c.extra["day_told"] = "1"
    # else the day named after it in its sentence: "left the gate at 18:04 and landed at
    # 20:51 on 14 February", "polls are open 7 a.m. to 8 p.m. on Tuesday"
    later: _Cand | None = None
    for c in reversed(cands):
        if _is_day(c):  # "on 14 February", not "from 6 May" (a range) or "said Tuesday"
            words = [w for w, _ in _prev_words(text, c.start_char, 2)]
            later = c if words[:1] == ["on"] and not _REPORTED.intersection(words) else None
        elif c.type == "SET":
            later = None  # "every evening at 8pm from Oct. 24": a schedule
        elif (
            later is not None
            and _dayless_clock(c)
            and later.start_char - c.end_char <= 100
            and not _SENTENCE_BREAK.search(text, c.end_char, later.start_char)
        ):
            _on_day(c, later)


def _dayless_clock(c: _Cand) -> bool:
    """A clock time written without its day, and not yet given one."""
    return "clock" in c.extra and "dated" not in c.extra and "day_told" not in c.extra


_LOG_REACH = 600  # chars: a date line and the entries under it


_REPORTED = frozenset("said says told announced reported stated added".split())


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]|\n")


def _clocks_before_day(text: str, out: list[_Cand], day: _Cand) -> list[_Cand]:
    """The clock times that take the day after them across a bracket: "10:35 a.m. (local
    time) Friday", "10:35 a.m. (0735 GMT) Friday": two or three expressions, the times on
    that day."""
    last = out[-1]
    if _ZONE_GAP.fullmatch(text, last.end_char, day.start_char):
        return [last]
    if (
        _CLOSE_GAP.fullmatch(text, last.end_char, day.start_char)
        and len(out) > 1
        and "clock" in out[-2].extra
        and _OPEN_GAP.fullmatch(text, out[-2].end_char, last.start_char)
    ):
        return [out[-2], last]
    return []


_ZONE_GAP = re.compile(r"\s*\([^()\n]{1,24}\)\s*,?\s*(?:on\s+)?")


_CLOSE_GAP = re.compile(r"\s*\)\s*,?\s*(?:on\s+)?")


_OPEN_GAP = re.compile(r"\s*\(\s*")


_DAYISH = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-\d\d|WXX-\d|XX-XX)")


_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-\d\d-\d\d")


_TIME_BEFORE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?i:local\s+time),?\s+)?(?:on\s+)?")


_WEEKDAY_GAP = re.compile(r"\s*,?\s*")


_YEAR_VALUE = re.compile(r"\d{4}")


_ERA_YEAR = re.compile(r"(?:BC)?\d{4}")


def _untold_year(c: _Cand) -> bool:  # "that year" with no date to count from
    return "anaphor" in c.extra and c.value == "XXXX"


_YEAR_GAP = re.compile(r"\s*,?\s*(?:of\s+)?")


def _merge_pair(ctx: _Ctx, a: _Cand, b: _Cand) -> _Cand | None:
    gap = ctx.text[a.end_char : b.start_char]
    if len(gap) > 12:
        if (
            len(gap) <= 24 and "clock" in a.extra and _is_day(b) and _TIME_BEFORE_GAP.fullmatch(gap)
        ):  # "6 a.m. local time on Saturday": two expressions, the time on that day
            _take_day(a, b)
        return None
    if a.weekday is not None and b.weekday is not None and _is_range(ctx, a, gap):
        _order_weekdays(a, b)
    if (
        a.type == b.type == "DATE"
        and _RANGE_GAP.match(gap)
        and gap.strip() not in {"-", "–", "—"}
        and _moved(ctx, a)
    ):
        _share_year(a, b)  # "moved from May 2 to September 5, 2020": both in 2020
    if _mergeable_range(ctx, a, b):
        if ctx.merge_ranges:
            return _range(a, b)
        _share_year(a, b)  # two expressions, but "May" in "between May and July 2022" is 2022
        a.extra["split_range"] = b.extra["split_range"] = True  # each end is its own time
    if (
        not a.year_explicit
        and a.with_year
        and (_ERA_YEAR.fullmatch(b.value) or _untold_year(b))
        and _YEAR_GAP.fullmatch(gap)
    ):  # "January nineteen ninety-seven", "March 29, 190 BC"
        era = "BC" if b.value.startswith("BC") else ""
        if "anaphor" in b.extra:  # "June of that year": the year told last (_told_calendar)
            a.extra["year_of_told"] = "1"
        a.value, a.end_char, a.year_explicit = (
            era + a.with_year(int(b.value[-4:])) if b.value[-1].isdigit() else a.value,
            b.end_char,
            True,
        )
        a.relative = False
        return a
    if (
        a.type == "DURATION"
        and b.type == "SET"
        and gap == " "
        and _COUNTED.fullmatch(a.value)
        and b.value in _SET_PERIODS
        and ctx.text.startswith(("a ", "an ", "per "), b.start_char)
    ):  # "three days a week", "24 hours a day": how often, one SET of the period
        return _Cand(a.start_char, b.end_char, "SET", b.value)
    if (
        a.type == b.type == "DURATION"
        and _AND_GAP.fullmatch(gap)
        and (gap.strip() or _digits_both(ctx.text, a, b))
    ):
        joined = _joined_duration(a.value, b.value)
        if joined:  # "two hours and 41 minutes": PT2H41M
            return _Cand(a.start_char, b.end_char, "DURATION", joined, mod=a.mod)
    if _is_day(a) and "clock" in b.extra and _TIME_GAP.match(gap):
        if _WORD.search(gap):  # "Feb. 1 at 10 a.m.": two expressions, the time on that day
            _take_day(b, a)
            return None
        return _at_time(a, b, a.start_char, b.end_char)  # "May 10, 2014 2pm"
    if "clock" in a.extra and _is_day(b) and _TIME_BEFORE_GAP.fullmatch(gap):
        if _WORD.search(gap):  # "10 a.m. on Friday": two expressions, as TimeML tags them
            _take_day(a, b)
            return None
        return _at_time(b, a, a.start_char, b.end_char)  # "10 p.m. Wednesday"
    if (
        a.type == b.type == "DATE"
        and gap == " "
        and ctx.text[a.start_char : a.end_char].lower().endswith(" ago")
    ):  # "ten years ago today", "three years ago this month": one expression
        value = _ago_merged(a.value, ctx.text[b.start_char : b.end_char].lower(), b.value)
        if value is not None:
            return _Cand(a.start_char, b.end_char, "DATE", value, True)
    if _weekday_before(ctx, a, b):
        return _on_weekday(ctx, a, b)  # "Saturday, April 25"
    return None


_AGO_VALUE = re.compile(r"\d{4}(?:-\d\d)?")  # "ten years ago", "six months ago"
_DEICTIC_DAYS = frozenset(("today", "tomorrow", "yesterday"))
_DEICTIC_PERIODS = frozenset(("this month", "this week"))
_YEAR_VALUE = re.compile(r"\d{4}")  # "three years ago"
_PERIOD_VALUE = re.compile(r"\d{4}-(?:\d\d|W\d\d)")  # "this month", "this week"
_COUNTED = re.compile(r"PT?\d+[DHM]")


_SET_PERIODS = frozenset({"P1D", "P1W", "P1M", "P1Y"})


def _ago_merged(ago: str, word: str, value: str) -> str | None:
    """The value of "N units ago" followed by `word` (value `value`): "ten years ago
    today" is the same day ten years back, "three years ago this month" that month
    three years back; None when the two are not read as one."""
    if word in _DEICTIC_DAYS and _AGO_VALUE.fullmatch(ago) and _DAY_VALUE.fullmatch(value):
        merged = ago + value[len(ago) :]
        return merged if interval_of(merged)[0] is not None else None
    if word in _DEICTIC_PERIODS and _YEAR_VALUE.fullmatch(ago) and _PERIOD_VALUE.fullmatch(value):
        return ago + value[4:]
    return None


def _digits_both(text: str, a: _Cand, b: _Cand) -> bool:
    """ "6 hours 45 minutes" (joined by a space only with figures on both sides)."""
    return text[a.start_char].isdigit() and text[b.start_char].isdigit()


# "two hours and 41 minutes", "3 hours, 12 minutes", "6 hours 45 minutes"
_AND_GAP = re.compile(r"\s*,?\s+and\s+|,\s*|[ \t]+")


_DURATION_PART = re.compile(
    r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?"
)


_DURATION_UNITS = ("Y", "M", "W", "D", "H", "M", "S")


def _joined_duration(a: str, b: str) -> str | None:
    """``P3Y`` + ``P2M`` -> ``P3Y2M``; ``PT2H`` + ``PT41M`` -> ``PT2H41M``: exact counts,
    larger unit first, else None."""
    ma, mb = _DURATION_PART.fullmatch(a), _DURATION_PART.fullmatch(b)
    if not ma or not mb or a in {"P", "PT"} or b in {"P", "PT"}:
        return None
    ia = [i for i, g in enumerate(ma.groups()) if g]
    ib = [i for i, g in enumerate(mb.groups()) if g]
    if not ia or not ib or max(ia) >= min(ib):
        return None
    parts = [ma.group(i + 1) or mb.group(i + 1) for i in range(7)]
    date = "".join(f"{n}{u}" for n, u in zip(parts[:4], _DURATION_UNITS[:4], strict=True) if n)
    time = "".join(f"{n}{u}" for n, u in zip(parts[4:], _DURATION_UNITS[4:], strict=True) if n)
    return "P" + date + ("T" + time if time else "")


_WORD = re.compile(r"[A-Za-z]")


def _on_day(clock: _Cand, day: _Cand) -> None:
    """The clock time is on that day: its time of day after the day's value."""
    clock.value = day.value + clock.value[clock.value.index("T") :]
    clock.relative = day.relative


def _take_day(clock: _Cand, day: _Cand) -> None:
    """The clock time written with its day ("10 a.m. on Friday"): on it, and no other."""
    _on_day(clock, day)
    clock.extra["dated"] = "1"


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
    return _is_range(ctx, a, ctx.text[a.end_char : b.start_char])


def _is_range(ctx: _Ctx, a: _Cand, gap: str) -> bool:
    """Do a and what follows the gap after it make a range ("from A to B", "A-B")?"""
    if len(gap) > 12 or not _RANGE_GAP.match(gap):
        return False
    if gap.strip() in {"-", "–", "—"}:
        return True
    if _moved(ctx, a):
        return False  # "moved from May 2 to September 5": two days, the old and the new
    words = _prev_words(ctx.text, a.start_char, 1)
    lead = words[0][0] if words else ""
    joiner = gap.strip().lower()
    return (lead == "from" and joiner != "and") or (lead == "between" and joiner == "and")


def _moved(ctx: _Ctx, a: _Cand) -> bool:
    """Is `a` the old date of a move ("postponed from May 2 to ...")?"""
    words = _prev_words(ctx.text, a.start_char, 2)
    return len(words) > 1 and words[0][0] == "from" and bool(_MOVED.match(words[1][0]))


# verbs of moving a date: "from A to B" after them names the old date and the new one
_MOVED = re.compile(
    r"(?:mov|shift|postpon|push|brought|bring|chang|switch|reschedul|delay|advanc)\w*\Z"
)


def _order_weekdays(a: _Cand, b: _Cand) -> None:
    """ "from Saturday evening through Sunday afternoon": the right end is the first such
    day after the left one, a week on if the two were read apart."""
    da, db = _DATED_DAY.match(a.value), _DATED_DAY.match(b.value)
    if not da or not db:
        return
    try:
        first = datetime.date.fromisoformat(da.group())
        last = datetime.date.fromisoformat(db.group())
    except ValueError:
        return
    if last < first and (first - last).days < 7:
        later = (last + datetime.timedelta(days=7)).isoformat()
        b.value = later + b.value[10:]


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
