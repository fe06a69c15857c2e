"""The ``factcheck_syntax`` component: lazy dependency parses of the sentences asked for.

The component does nothing when the pipeline runs. The claims engine asks it, for a
time expression in a sentence, where the expression attaches (`SyntaxParser.attach`);
only then is that sentence parsed: its text (the Doc's own text, never the masked
tokens of a focused Doc, see focus.py) becomes a small Doc that the shipped model's
tokenizer, tok2vec, tagger, morphologizer and parser process, as one sentence. Each
sentence is parsed once per Doc. A Doc that a trained pipeline already parsed
(``--model NAME``) is read as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span

from ..pipeline import doc_text
from . import Attachment, load_model

PARSES_KEY = "factcheck_parses"  # a Doc's parsed sentences: {start_char: tokens}
MAX_CHARS = 2_000  # longer "sentences" (tables, lists without stops) are not parsed
VERBAL = frozenset({"VERB", "AUX"})


class Word(NamedTuple):
    """A parsed token: characters relative to its sentence, head as a sentence index."""

    start: int
    end: int
    head: int
    dep: str
    verbal: bool


class SyntaxParser:
    """Parses the sentences the claims read, on demand, with the shipped model (or
    the pipeline named by `model`)."""

    def __init__(self, model: str | Path | None = None, max_chars: int = MAX_CHARS) -> None:
        self.model = model
        self.max_chars = max_chars

    def __call__(self, doc: Doc) -> Doc:
        return doc  # lazy: see `attach`

    def attach(self, sent: Span, start_char: int, end_char: int) -> Attachment | None:
        """Where the text in [start_char, end_char) of `sent`'s Doc (a time expression)
        attaches; None when the sentence is too long to parse or no word is there."""
        words = self.words(sent)
        if not words:
            return None
        s, e = start_char - sent.start_char, end_char - sent.start_char
        inside = [i for i, w in enumerate(words) if w.start < e and w.end > s]
        if not inside:
            return None
        found = _attachment(words, inside)
        if found is None:
            return None
        head, path = found
        text = doc_text(sent.doc)
        begin, end = sent.start_char + words[head].start, sent.start_char + words[head].end
        return Attachment(text[begin:end], begin, end, path)

    def words(self, sent: Span) -> list[Word]:
        """The sentence's words and their dependencies (parsed once per Doc)."""
        doc = sent.doc
        if doc.has_annotation("DEP"):  # a trained pipeline parsed the whole Doc
            return _words_of(sent)
        memo = doc.user_data.setdefault(PARSES_KEY, {})
        key = sent.start_char
        if key not in memo:
            text = doc_text(doc)[sent.start_char : sent.end_char]
            memo[key] = self.parse(text) if len(text) <= self.max_chars else []
        return memo[key]

    def parse(self, text: str) -> list[Word]:
        """Parse `text` as one sentence."""
        nlp = load_model(self.model)
        doc = nlp.make_doc(text)
        if not len(doc):
            return []
        doc[0].is_sent_start = True
        for token in doc[1:]:
            token.is_sent_start = False  # one sentence: ours, not the parser's
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return _words_of(doc[:])


def _words_of(span: Span) -> list[Word]:
    base, first = span.start_char, span.start
    return [
        Word(
            t.idx - base,
            t.idx - base + len(t),
            t.head.i - first if span.start <= t.head.i < span.end else t.i - first,
            t.dep_,
            t.pos_ in VERBAL or t.tag_.startswith("VB") or t.tag_ == "MD",
        )
        for t in span
    ]


def _attachment(words: list[Word], inside: list[int]) -> tuple[int, tuple[str, ...]] | None:
    """(head index, path) for the words `inside` an expression: from the expression's
    root (the word whose head is outside it, nearest the sentence's root) up to the
    nearest verb, else to the sentence's root."""
    members = set(inside)
    roots = [i for i in inside if words[i].head not in members or words[i].head == i]
    if not roots:
        return None
    root = min(roots, key=lambda i: (_depth(words, i), i))
    path: list[str] = []
    at = root
    for _ in range(len(words)):
        up = words[at].head
        if up == at:
            break
        path.append(words[at].dep)
        at = up
        if words[at].verbal:
            break
    return at, tuple(path)


def _depth(words: list[Word], i: int) -> int:
    depth = 0
    while words[i].head != i and depth < len(words):
        i = words[i].head
        depth += 1
    return depth
