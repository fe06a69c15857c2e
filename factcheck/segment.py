"""Segmentation of plain text into blocks (headings, paragraphs) and sentences.

News text as pasted or exported has headings on lines of their own, without
final punctuation, separated from paragraphs by blank lines. spaCy's
sentencizer would glue such a heading to the paragraph that follows, so we
find blocks first and sentences inside them. Everything works on character
offsets; `pipeline.py` turns them into spaCy sentence starts and spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

HEADING_MAX_WORDS = 20
DATELINE_MAX_WORDS = 6
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
# A list item on a line of its own ("- SUE was discovered ...", "2. The ban ..."): a block
# of its own, as Markdown makes it; without this a list's items run into one sentence.
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*•–—]|\d{1,2}[.)])[ \t]+\S")
# A table or infobox row laid out in columns ("Launch date          October 2, 1950",
# "09:15-10:00  Opening keynote: ..."): a label, a gap of two spaces or a tab (not after
# a sentence's end), a value. A block of its own, with the indented lines that continue
# its value; without this the rows of an infobox run into one long sentence.
_TABLE_ROW = re.compile(r"^\S[^\n]*?[^\s.!?:;,](?: {2,}|\t)\S")
_CONTINUED = re.compile(r"^[ \t]{2,}\S")
_END_PUNCT = tuple(".!?:;,…\"'”’)")
# The first mark spelt apart from the repeat: a pattern that starts with a character set
# lets `re` skip to the next mark; one that starts with a repeat is tried at every position.
_SENTENCE_END = re.compile(r"""[.!?…][.!?…]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep rev st mt ft jr sr jan feb
mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun inc
corp co ltd llc plc bros dept est approx vs etc no nos vol pp fig al u.s u.k u.n e.u u.s.a
d.c a.m p.m e.g i.e
""".split()
)  # noqa: SIM905


@dataclass(frozen=True)
class Block:
    """A heading or paragraph: character offsets into the text, end exclusive."""

    start: int
    end: int
    kind: str  # "heading" | "paragraph"


def split_blocks(text: str) -> list[Block]:
    """Blocks separated by blank lines; single short lines without final punctuation
    and Markdown `#` lines are headings."""
    blocks = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        blocks.extend(_blocks_in(text, pos, m.start()))
        pos = m.end() - 1
    blocks.extend(_blocks_in(text, pos, len(text)))
    return blocks


def _blocks_in(text: str, start: int, end: int) -> Iterator[Block]:
    """The block(s) of one blank-line-separated region, trimmed of white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    body = text[start:end]
    if "\n" not in body:
        yield Block(start, end, "heading" if is_heading(body) else "paragraph")
        return
    # Several lines: a Markdown heading line stands alone; other lines form paragraphs.
    # A short first line without final punctuation ("March 19, 2007", "MINSK (Reuters)")
    # is a dateline or kicker: a block of its own, not the start of the first sentence.
    first = body.split("\n", 1)[0]
    if _is_dateline(first):
        yield Block(start, _rstrip(text, start, start + len(first)), "paragraph")
        yield from _blocks_in(text, start + len(first) + 1, end)
        return
    line_start = start
    para_start: int | None = None
    in_row = False  # the last unindented line was a table row
    for line in body.split("\n"):
        line_end = line_start + len(line)
        row = _TABLE_ROW.match(line) is not None
        continued = _CONTINUED.match(line) is not None
        if _MD_HEADING.match(line):
            if para_start is not None:
                yield Block(para_start, _rstrip(text, para_start, line_start), "paragraph")
                para_start = None
            yield Block(line_start, _rstrip(text, line_start, line_end), "heading")
        elif row or _LIST_ITEM.match(line) or (in_row and line.strip() and not continued):
            if para_start is not None:
                yield Block(para_start, _rstrip(text, para_start, line_start), "paragraph")
            para_start = line_start
        elif para_start is None and line.strip():
            para_start = line_start
        if not continued:
            in_row = row
        line_start = line_end + 1
    if para_start is not None:
        yield Block(para_start, end, "paragraph")


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_dateline(line: str) -> bool:
    stripped = line.strip()
    return (
        bool(stripped)
        and not _MD_HEADING.match(line)
        and not stripped.endswith(_END_PUNCT)
        and any(c.isdigit() for c in stripped)
        and len(stripped.split()) <= DATELINE_MAX_WORDS
    )


def is_heading(line: str) -> bool:
    """A single line that reads as a heading: short, no sentence-final punctuation."""
    stripped = line.strip()
    if _MD_HEADING.match(line):
        return True
    if not stripped or stripped.endswith(_END_PUNCT):
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets inside text[start:end], split after final punctuation
    that is followed by a capital, digit or quote, except after abbreviations."""
    spans = []
    sent_start = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group(0)[0] == "." and _is_abbreviation(text, sent_start, m.start()):
            continue
        cut = m.end()
        spans.append((sent_start, cut))
        sent_start = cut
        while sent_start < end and text[sent_start].isspace():
            sent_start += 1
    if sent_start < end:
        spans.append((sent_start, end))
    return spans


def _is_abbreviation(text: str, floor: int, dot: int) -> bool:
    """Is the word that ends at `dot` an abbreviation or an initial ("J.")?"""
    i = dot
    while i > floor and not text[i - 1].isspace() and text[i - 1] not in "([\"'“":
        i -= 1
    word = text[i:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True
    return word in ABBREVIATIONS


_CUT_LOOKBACK = 2_000  # how far back from a piece's end a cut in a long line is looked for
_DATE_WORD = re.compile(
    r"\S*\d\S*|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri"
    r"|sat|sun|of|the|early|late|mid|spring|summer|autumn|fall|winter|year|month|week|day"
    r"|in|on|at|since|before|after|by|until|till|from|to|between|and|during|last|next|this)"
    r"[a-z]*[.,]?"
)


def _line_cut(text: str, pos: int, limit: int) -> int:
    """Where to cut a line longer than a piece, in (pos, limit]: after the last sentence
    end, else at the last white space between two words that cannot both belong to a
    time expression ("June | 2023" is never cut), else at the last white space; pos if
    the line has none."""
    start = max(pos + 1, limit - _CUT_LOOKBACK)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, limit)]
    if ends and ends[-1] < limit:
        return ends[-1]
    space = text.rfind(" ", pos, limit)
    probe = space
    while probe > start:
        before = text[text.rfind(" ", pos, probe) + 1 : probe]
        after_end = text.find(" ", probe + 1, limit)
        after = text[probe + 1 : after_end if after_end >= 0 else limit]
        if not (_DATE_WORD.fullmatch(before) and _DATE_WORD.fullmatch(after)):
            return probe
        probe = text.rfind(" ", pos, probe)
    return space


def split_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Cut text into pieces of at most `size` characters, at blank lines where possible,
    else at line ends, else at white space, so that no block or word is cut."""
    chunks = []
    pos = 0
    n = len(text)
    while n - pos > size:
        limit = pos + size
        cut = text.rfind("\n\n", pos, limit)
        if cut <= pos:
            cut = text.rfind("\n", pos, limit)
        if cut <= pos:
            cut = _line_cut(text, pos, limit)
        if cut <= pos:
            cut = limit
        chunks.append((pos, cut))
        pos = cut
    chunks.append((pos, n))
    return chunks
