"""Reading around a candidate: the words before it, the clause's tense (does a bare
weekday look back or ahead?), years for yearless dates."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Collection

from .expr import _Ctx
from .intervals import interval_of
from .lexicon import _MODALS, _clause_ends, _Cue, _cues


def _prev_words(text: str, pos: int, n: int) -> list[tuple[str, int]]:
    """Up to n words right before pos (nearest first) as (lowercase word, start).

    Words are runs of letters, digits and apostrophes (and ``.``/``,`` between digits),
    separated by spaces, tabs, hyphens or one line break.  Read with a regex on the
    reversed text (one C-level match per word instead of a Python step per character);
    the rare words the regex cannot judge alone (an ``_`` in them, a ``.`` or ``,`` next
    to them) are read again by `_prev_words_exact`, the definition.
    """
    global _REVERSED
    if n < 1:
        return []
    cached = _REVERSED  # read once: another thread may replace it meanwhile
    if cached[0] is not text:  # one reversed copy per document
        cached = _REVERSED = (text, text[::-1])
    rev = cached[1]
    size = len(text)
    words: list[tuple[str, int]] = []
    m = _FIRST_WORD_BACK.match(rev, size - pos)
    while m is not None:
        s, k = size - m.end(), size - m.start(1)
        word = text[s:k]
        if "_" in word or text[s - 1 : s] in {".", ","}:
            return _prev_words_exact(text, pos, n)
        if k - s > 20:
            break
        words.append((word.lower(), s))
        if len(words) >= n:
            break
        m = _NEXT_WORD_BACK.match(rev, size - s)
    return words


# `_prev_words` on the reversed text: a separator (``[ \t-]+``, else one line break and
# the spaces before it; none before the first word), then a word.  Separators and word
# characters are disjoint, so no backtracking can give back what the loop of
# `_prev_words_exact` skipped (no possessive quantifiers: Python 3.10 has none).
# \w is a letter, a digit or "_".
_WORD_BACK = r"([\w'’]+)"
_FIRST_WORD_BACK = re.compile(r"(?:[ \t-]+|\n[ \t]*)?" + _WORD_BACK)
_NEXT_WORD_BACK = re.compile(r"(?:[ \t-]+|\n[ \t]*)" + _WORD_BACK)
_REVERSED: tuple[str, str] = ("", "")


def _after_word(text: str, pos: int, words: Collection[str]) -> bool:
    """Is the word right before pos (lowercase) one of words?"""
    prev = _prev_words(text, pos, 1)
    return bool(prev) and prev[0][0] in words


def _prev_words_exact(text: str, pos: int, n: int) -> list[tuple[str, int]]:
    """`_prev_words`, character by character."""
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


def _tense_cue(ctx: _Ctx, start: int, end: int) -> tuple[str, int, str] | None:
    """Kind, weighted distance (chars) and word of the nearest tense cue in the clause."""
    text = ctx.text
    lo = max(0, start - 120)
    ends = _clause_ends(text, lo, start)
    lo = ends[-1].end() if ends else lo
    stops = _clause_ends(text, end, min(len(text), end + 80))
    hi = stops[0].start() if stops else min(len(text), end + 80)
    best: tuple[int, bool, str] | None = None
    before: list[_Cue] = []
    for c in _cues(text, lo, hi):
        if start <= c.start < end:
            continue
        if c.end <= start:
            before.append(c)
            continue
        # a cue after the expression counts less: the governing verb usually precedes it;
        # one after "and" / "but" heads a verb phrase of its own ("on Monday and said")
        if (
            before
            and _COORDINATION.search(text, end, c.start)
            or c.word in _WEAK_CUES
            or c.word == "present"  # "his Sunday night address": a noun, more often than not
            and not _FRONTED.fullmatch(text, lo, start)  # but "Friday brings sunshine"
        ):
            continue  # ("next" in "..., next year's World Cup" belongs to another time)
        dist = 3 * (c.start - end)
        if best is None or dist < best[0]:
            best = (dist, c.kind == "future", c.word)
    pick = _governing_cue(text, before, start)
    if pick is not None and (best is None or start - pick.end <= best[0]):
        best = (start - pick.end, pick.kind == "future", pick.word)
    if best is None:
        return None
    return ("future" if best[1] else "past"), best[0], best[2]


# a relative or subordinate clause between a modal and a past verb: the modal governs
# neither ("will replace the carrier, which has been ...", "will meet after neither won")
# what may stand before a time that opens its clause: "Friday brings sunshine", "On
# Friday, the government reports ..."
_FRONTED = re.compile(r"[\s\"“]*(?:(?:[Oo]n|[Bb]y|[Ll]ate|[Ee]arly|[Tt]hen|[Aa]nd)\s+)?")


_RELATIVE = re.compile(
    r"\b(?:which|who|whom|whose|after|before|since|because|when|while|although|though|until)\b"
)


_COORDINATION = re.compile(r"\b(?:and|but)\b")


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
        if _RELATIVE.search(text, c.end, nearest.start):
            break  # "will replace the carrier, which has been on patrol since March"
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


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= y <= 9999 and 1 <= d <= calendar.monthrange(y, m)[1]


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
    before = _prev_words(ctx.text, s, 1)
    if before and before[0][0] == "since":  # "has not pitched since Aug. 9": the past
        back = [o for o in options if o[1] <= ref]
        return (back or options)[-1][0]
    cue = _tense_cue(ctx, s, e)
    tense = cue[0] if cue else None
    if tense is None and _distance(ref, closest[1], closest[2]) > _NEAR_DAYS:
        # no verb to go by: "valid until March" looks ahead, "since the Oct. 23 vote" back
        prev = [w for w, _ in _prev_words(ctx.text, s, 4)]
        if prev and prev[0] in {"until", "till", "through", "by"}:
            tense = "future"
        elif _PRESENT_COPULA.search(ctx.text, max(0, s - 30), s):
            tense = "future"  # "the general election is on Nov. 3"
        elif "since" in prev:
            tense = "past"
    if (
        cue
        and (cue[1] > _CLOSE_CUE or cue[2] == "present")
        and _distance(ref, closest[1], closest[2]) <= _NEAR_DAYS
    ):  # a date within weeks of the reference: a distant tense cue or a mere present
        return closest[0]
    if tense == "future":
        ahead = [o for o in options if o[2] >= ref]
        return (ahead or options)[0][0]
    if tense == "past":
        back = [o for o in options if o[1] <= ref]
        return (back or options)[-1][0]
    return closest[0]


_NEAR_DAYS = 60


# "the vote is (on) Friday", "the meeting is at 10am on Friday", "rain is forecast for
# Tuesday": a date set ahead
_PRESENT_COPULA = re.compile(
    r"(?:\b(?:is|are)\s+(?:[a-z]+\s+)?(?:at\s+(?:[\d:.]+\s*[ap]\.?m\.?|noon|midnight)\s+)?"
    r"(?:in\s+(?:effect|force|place)\s+(?:from|until|till|through)\s+)?"
    r"|\bin\s+(?:effect|force)\s+(?:from|until|till|through)\s+)(?:on\s+|for\s+)?$",
    re.IGNORECASE,
)


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


_FUNCTION_WORDS = frozenset(
    "of and or but when as to with the a an in on at for by is was will would has had have "
    "are were be been that this these those it its he she they we i after before until "
    "while months season".split()
)
