"""The spaCy pipeline: `spacy.blank("en")` plus our registered components.

- ``factcheck_blocks`` sets sentence boundaries from `segment.py` and stores the
  headings and paragraphs in ``doc.spans["blocks"]`` (labels "heading",
  "paragraph").
- ``factcheck_times`` runs the temporal tagger and stores its expressions in
  ``doc.spans["times"]``, each with ``span._.timex`` (a `timex.TimeExpr`).
- ``factcheck_syntax`` parses nothing when it runs: the claims engine asks it
  where a time expression attaches, and only that sentence is parsed, with the
  shipped model (`syntax.parser.SyntaxParser`).

The reference date for relative expressions is ``doc._.reference_date``; set it
on the Doc before the components run (`make_doc`), or pass Docs through
`nlp.pipe`. With ``--model NAME`` an installed trained pipeline is loaded and our
components are added to it (its own sentence boundaries are then overridden by
ours only where a block starts).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import segment, timex
from .errors import FactcheckError

if TYPE_CHECKING:
    from .syntax.parser import SyntaxParser

BLOCKS_KEY = "factcheck_blocks"
TEXT_KEY = "factcheck_text"
SENT_STARTS_KEY = "factcheck_sent_starts"
TIMES_KEY = "factcheck_times"  # the tagger's expressions, when found before tokenising
MASKED_KEY = "factcheck_masked"  # starts of the masked sentences (see focus.py)
SENTENCES_KEY = "factcheck_sentences"  # the blocks' sentence starts, when found beforehand
NOT_START = numpy.array(-1).astype("uint64")  # SENT_START -1, as spaCy stores it
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", default=None)
if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once: `Doc.text` joins every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text, sliced from the Doc's text (`Span.text` builds a Token per token)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def is_masked(span: Span) -> bool:
    """Is the span a sentence masked out of the Doc's tokens (see focus.py)?"""
    masked = span.doc.user_data.get(MASKED_KEY)
    return masked is not None and span.start_char in masked


def sentences_in(doc: Doc, span: Span) -> Iterator[Span]:
    """The sentences inside `span`, cut at its edges: what iterating its tokens for
    `is_sent_start` gives. The Doc's sentence starts are read once, when first asked
    for after the pipeline ran; the Doc must not change after that."""
    starts = doc.user_data.get(SENT_STARTS_KEY)
    if starts is None:
        flags = doc.to_array([SENT_START]).reshape(-1) if len(doc) else numpy.zeros(0)
        starts = doc.user_data[SENT_STARTS_KEY] = numpy.flatnonzero(flags == 1).tolist()
    start = span.start
    for i in starts[bisect_right(starts, span.start) : bisect_left(starts, span.end)]:
        yield doc[start:i]
        start = i
    if start < span.end:
        yield doc[start : span.end]


class BlockSegmenter:
    """Headings, paragraphs and sentences from blank lines and punctuation."""

    def __init__(self, heading_max_words: int = segment.HEADING_MAX_WORDS) -> None:
        self.heading_max_words = heading_max_words

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        given = doc.user_data.get(BLOCKS_KEY)
        blocks = segment.split_blocks(text) if given is None else given
        found = doc.user_data.get(SENTENCES_KEY)
        starts: set[int] = set() if found is None else found
        spans = []
        for block in blocks:
            span = doc.char_span(block.start, block.end, label=block.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
            if found is None:
                starts.update(s for s, _ in segment.split_sentences(text, block.start, block.end))
        if len(doc):  # one array write, not a setter call per token
            doc.from_array([SENT_START], _start_flags(doc.to_array([IDX]).reshape(-1), starts))
        doc.spans["blocks"] = spans
        return doc


def _start_flags(token_idx: numpy.ndarray, starts: set[int]) -> numpy.ndarray:
    """SENT_START values: 1 for the first token and those at a sentence start, else -1."""
    flags = numpy.full((len(token_idx), 1), NOT_START, dtype="uint64")
    wanted = numpy.array(sorted(starts), dtype=token_idx.dtype)
    at = numpy.searchsorted(token_idx, wanted)  # token offsets rise: where each would be
    at = at[at < len(token_idx)]
    flags[at[token_idx[at] == wanted[: len(at)]], 0] = 1
    flags[0, 0] = 1
    return flags


class TimeTagger:
    """Time expressions as spans with their normalised `TimeExpr`."""

    def __init__(self, day_first: bool | None = None) -> None:
        self.day_first = day_first

    def __call__(self, doc: Doc) -> Doc:
        found = doc.user_data.get(TIMES_KEY)
        if found is None:
            found = timex.find_times(doc_text(doc), doc._.reference_date, day_first=self.day_first)
        spans = []
        for expr in found:
            span = doc.char_span(
                expr.start_char, expr.end_char, label=expr.type, alignment_mode="expand"
            )
            if span is None:
                continue
            span._.timex = expr
            spans.append(span)
        doc.spans["times"] = spans
        return doc


@Language.factory("factcheck_blocks", default_config={"heading_max_words": 20})
def make_blocks(nlp: Language, name: str, heading_max_words: int) -> BlockSegmenter:
    return BlockSegmenter(heading_max_words)


@Language.factory("factcheck_times", default_config={"day_first": None})
def make_times(nlp: Language, name: str, day_first: bool | None) -> TimeTagger:
    return TimeTagger(day_first)


@Language.factory(
    "factcheck_syntax",
    default_config={"model": None, "max_chars": 2000, "borrow_tokenizer": False},
)
def make_syntax(
    nlp: Language, name: str, model: str | None, max_chars: int, borrow_tokenizer: bool
) -> SyntaxParser:
    """`borrow_tokenizer`: the sentences to parse are split by this pipeline's
    tokenizer (spaCy's English defaults, as the shipped model's), so the model is
    loaded without building its own."""
    from .syntax.parser import SyntaxParser  # it reads `doc_text`: imported when needed

    return SyntaxParser(model, max_chars, nlp.tokenizer if borrow_tokenizer else None)


def build_pipeline(model: str | None = None) -> Language:
    """The default pipeline, or an installed spaCy model with our components added."""
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise FactcheckError(f"cannot load spaCy model {model!r}: {exc}") from None
    else:
        nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    nlp.add_pipe("factcheck_blocks", first=True)
    nlp.add_pipe("factcheck_times", last=True)
    nlp.add_pipe("factcheck_syntax", last=True, config={"borrow_tokenizer": not model})
    return nlp


def make_doc(
    nlp: Language,
    text: str,
    reference_date: date | None,
    blocks: list[segment.Block] | None = None,
) -> Doc:
    """A tokenised Doc with its reference date set, ready for the pipeline; `blocks`
    (from the markup) replace the blank-line segmentation."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    doc._.reference_date = reference_date
    if blocks is not None:
        doc.user_data[BLOCKS_KEY] = blocks
    return doc
