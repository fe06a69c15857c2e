"""The parts of a text that can matter for its claims, and a Doc tokenised only there.

A sentence gives claims only when it holds a checkable time expression or names an
event (an order claim: "since the Wagner mutiny"); it matters to the sentences after
it only by naming an event (the paragraph's topic, `claims.Context`). Headings are
context. Any other sentence can change no claim: `EventIndex.match` finds nothing in
it once it is masked. In the others, the claims read the text itself and need tokens
only where sentences, blocks and time expressions begin and end and where an alias may
be spelt out (the PhraseMatcher's hits); the rest is masked too.

Masking replaces characters, offsets and the white space around them kept, by filler
words that spaCy tokenises as one token each. spaCy tokenises each piece between white
space on its own, so the pieces kept have the tokens they have in the whole text, and
the claims are those of the whole text. The tagger runs on the real text first: that
is how the times are known before tokenising.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from . import segment, timex
from .claims.fitting import may_claim
from .claims.matching import EventIndex
from .pipeline import (
    BLOCKS_KEY,
    MASKED_KEY,
    SENTENCES_KEY,
    TEXT_KEY,
    TIMES_KEY,
    BlockSegmenter,
    TimeTagger,
)

MASK = "\ua66e"  # a letter: spaCy splits no affix off a run of it
FILL = 64  # filler words of at most this many letters: few distinct tokens


@dataclass(frozen=True)
class Focus:
    """A text with the sentences that cannot matter masked."""

    text: str  # the same length as the original
    masked: frozenset[int]  # where the masked sentences start
    times: list[timex.TimeExpr]  # the time expressions outside them
    sentences: set[int]  # where the blocks' sentences start (segment.split_sentences)
    claimless: bool  # no sentence is dated or can name an event: none gives a claim


def is_focusable(nlp: Language) -> bool:
    """Is `nlp` the default pipeline (a blank English tokenizer, our segmenter and tagger,
    and optionally our lazy parser, which reads the text, not the tokens), whose Docs a
    `Focuser` can make?"""
    from .syntax.parser import SyntaxParser

    names = nlp.pipe_names
    return names[:2] == ["factcheck_blocks", "factcheck_times"] and all(
        isinstance(proc, (BlockSegmenter, TimeTagger))
        or (name == "factcheck_syntax" and isinstance(proc, SyntaxParser))
        for name, proc in nlp.pipeline
    )


class Focuser:
    """Makes focused Docs with a focusable pipeline and the event index."""

    def __init__(self, nlp: Language, index: EventIndex) -> None:
        self.nlp = nlp
        self.index = index
        self.procs = [proc for _, proc in nlp.pipeline]
        tagger = nlp.get_pipe("factcheck_times")
        assert isinstance(tagger, TimeTagger)
        self.day_first = tagger.day_first
        _cache_fillers(nlp)

    def doc(
        self,
        text: str,
        reference_date: date | None,
        blocks: list[segment.Block] | None = None,
        *,
        last: bool = False,
    ) -> Doc | None:
        """What `nlp(make_doc(nlp, text, reference_date, blocks))` gives for the claims,
        with what cannot matter masked before tokenising; None when no sentence can give
        a claim and the text is the `last` piece of a document (no later piece reads the
        context it would leave)."""
        if blocks is None:
            blocks = segment.split_blocks(text)
        times = timex.find_times(text, reference_date, day_first=self.day_first)
        found = focus(text, blocks, times, self.index)
        if last and found.claimless:
            return None
        doc = self.nlp.make_doc(found.text)
        doc.user_data[TEXT_KEY] = text
        doc.user_data[BLOCKS_KEY] = blocks
        doc.user_data[TIMES_KEY] = found.times
        doc.user_data[MASKED_KEY] = found.masked
        doc.user_data[SENTENCES_KEY] = found.sentences
        doc._.reference_date = reference_date
        for proc in self.procs:
            doc = proc(doc)
        return doc


def focus(
    text: str, blocks: list[segment.Block], times: list[timex.TimeExpr], index: EventIndex
) -> Focus:
    """Mask each paragraph sentence that overlaps no checkable time expression and can
    name no event, and in the other sentences whatever is neither in a time expression
    nor where an alias may be spelt out; only whole pieces between white space."""
    lower: str | None = text.lower()
    if len(lower) != len(text) or "\u03a3" in text:  # a capital sigma lowers by context
        lower = None
    spelt = index.alias_starts(lower) if lower is not None else []
    dated = _Ranges((t.start_char, t.end_char) for t in times if may_claim(t))
    needed = _Ranges(
        [(t.start_char, t.end_char) for t in times]
        + [(a, min(len(text), a + index.alias_chars)) for a in spelt]
        + ([(0, len(text))] if lower is None else [])
    )
    pieces: list[str] = []
    masked: list[tuple[int, int]] = []
    starts: set[int] = set()
    claimless = True
    pos = 0
    for block in blocks:
        sentences = segment.split_sentences(text, block.start, block.end)
        starts.update([s for s, _ in sentences])
        for k, (start, end) in enumerate(sentences):
            region_end = sentences[k + 1][0] if k + 1 < len(sentences) else block.end
            matters = (
                lower is None  # where an alias is spelt out is not known: keep it all
                or dated.overlaps(start, region_end)
                or bisect_left(spelt, region_end) != bisect_left(spelt, start)
            )
            # A sentence's words are some of its block's: asking the block first would
            # only read the words of the sentences kept anyway a second time.
            if not matters:
                matters = index.may_name_loosely(text, start, region_end)
            claimless = claimless and not matters
            whole = block.kind != "heading" and not matters and _maskable(text, start, end)
            if whole:
                masked.append((start, end))
            for a, b in [(start, end)] if whole else needed.gaps(text, start, end):
                pieces += [text[pos:a], _filler(b - a)]
                pos = b
    if pos == 0:
        return Focus(text, frozenset(), times, starts, claimless)
    pieces.append(text[pos:])
    masked_starts = [s for s, _ in masked]
    kept = [t for t in times if not _inside(t.start_char, masked_starts, masked)]
    return Focus("".join(pieces), frozenset(masked_starts), kept, starts, claimless)


class _Ranges:
    """Character ranges, merged and sorted."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(ranges):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self.ranges = merged
        self.starts = [a for a, _ in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the ranges that start before `end`
        return i > 0 and self.ranges[i - 1][1] > start

    def gaps(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The maskable stretches of text[start:end] outside the ranges: whole pieces
        between white space, none touching a range's piece."""
        out = []
        i = max(0, bisect_right(self.starts, start) - 1)
        pos = start
        for a, b in self.ranges[i:]:
            if a >= end:
                break
            if b > pos:
                out.append((pos, a))
                pos = b
        out.append((pos, end))
        return [g for a, b in out if (g := _trimmed(text, a, b)) is not None]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """text[start:end] less the pieces cut at its edges and the white space: a maskable
    stretch, or None."""
    if start >= end:
        return None
    if start > 0 and not text[start - 1].isspace():
        while start < end and not text[start].isspace():
            start += 1  # the rest of a piece that starts before
    if end < len(text) and not text[end].isspace():
        while end > start and not text[end - 1].isspace():
            end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _maskable(text: str, start: int, end: int) -> bool:
    """Is text[start:end] whole pieces between white space, so that filling it changes
    no other token?"""
    return (
        start < end
        and (start == 0 or text[start - 1].isspace())
        and (end == len(text) or text[end].isspace())
        and not text[start].isspace()
        and not text[end - 1].isspace()
    )


@lru_cache(maxsize=4096)
def _filler(n: int) -> str:
    """n characters of filler words, single-spaced, starting and ending with a letter."""
    full, rest = divmod(n, FILL)
    if rest == 0:
        full, rest = full - 1, FILL
    return (MASK * (FILL - 1) + " ") * full + MASK * rest


def _cache_fillers(nlp: Language) -> None:
    """Put every filler word in the tokenizer's cache. spaCy caches a piece it tokenises
    only while no special case ("\n", ":)") has come earlier in the text, so in a text
    that starts with a line break no piece is cached, and a long filler word costs a
    suffix search at each of its letters, every time; from the cache it is one lookup.
    The tokens are the same either way: a filler word is one token."""
    nlp.tokenizer(" ".join(MASK * n for n in range(1, FILL + 1)))


def _inside(offset: int, starts: list[int], ranges: list[tuple[int, int]]) -> bool:
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ranges[i][1]
