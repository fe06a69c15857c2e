"""The ``factcheck_syntax`` component: lazy dependency parses of the sentences asked for.

The component does nothing when the pipeline runs. The claims engine asks it, for a
time expression in a sentence, where the expression attaches (`SyntaxParser.attach`);
only then is that sentence parsed: its text (the Doc's own text, never the masked
tokens of a focused Doc, see focus.py) becomes a small Doc that the shipped model's
tokenizer, tok2vec, tagger, morphologizer and parser process, as one sentence. The
claims of a Doc announce their sentences first (`SyntaxParser.prepare`): they are
parsed in one batch, once per Doc. A Doc that a trained pipeline already parsed
(``--model NAME``) is read as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span

from ..pipeline import doc_text
from . import Attachment, load_model, load_parser

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
    proper: bool = False  # a proper noun (PROPN, NNP)


class SyntaxParser:
    """Parses the sentences the claims read, on demand, with the shipped model (or
    the pipeline named by `model`). Sentences and expressions are character ranges
    of the Doc's text."""

    def __init__(
        self,
        model: str | Path | None = None,
        max_chars: int = MAX_CHARS,
        tokenizer: Callable[[str], Doc] | None = None,
    ) -> None:
        """`tokenizer`, when given, splits the sentences instead of the model's own
        tokenizer; it must follow the same rules (the main pipeline's, when that is
        spaCy's English defaults as the shipped model's are); the model is then
        loaded without its tokenizer (`load_parser`)."""
        self.model = model
        self.max_chars = max_chars
        self.tokenizer = tokenizer

    def __call__(self, doc: Doc) -> Doc:
        return doc  # lazy: see `attach`

    def attach(
        self, doc: Doc, sentence: tuple[int, int], expression: tuple[int, int]
    ) -> Attachment | None:
        """Where the `expression` (a time expression) attaches in the `sentence`; None
        when the sentence is too long to parse or no word is there."""
        words = self.words(doc, *sentence)
        base = sentence[0]
        s, e = expression[0] - base, expression[1] - base
        inside = [i for i, w in enumerate(words) if w.start < e and w.end > s]
        found = _attachment(words, inside) if inside else None
        if found is None:
            return None
        head, path, between = found
        begin, end = base + words[head].start, base + words[head].end
        text = doc_text(doc)
        passed = tuple(text[base + words[i].start : base + words[i].end] for i in between)
        return Attachment(
            text[begin:end], begin, end, path, _subject(words, head, text, base), passed
        )

    def prepare(self, doc: Doc, sentences: list[tuple[int, int]]) -> None:
        """Parse these sentences (those not parsed yet) in one batch: quicker than one
        by one when `attach` asks for them."""
        if doc.has_annotation("DEP"):
            return
        memo = doc.user_data.setdefault(PARSES_KEY, {})
        text = doc_text(doc)
        todo = sorted({(s, e) for s, e in sentences if s not in memo})
        short = [(s, e) for s, e in todo if e - s <= self.max_chars]
        for (s, _), words in zip(short, self._parse([text[s:e] for s, e in short]), strict=True):
            memo[s] = words
        for s, _ in todo:
            memo.setdefault(s, [])

    def words(self, doc: Doc, start: int, end: int) -> list[Word]:
        """The sentence's words and their dependencies (parsed once per Doc)."""
        if doc.has_annotation("DEP"):  # a trained pipeline parsed the whole Doc
            span = doc.char_span(start, end, alignment_mode="expand")
            return [] if span is None else _words_of(span)
        memo = doc.user_data.get(PARSES_KEY, {})
        if start not in memo:
            self.prepare(doc, [(start, end)])
            memo = doc.user_data[PARSES_KEY]
        return memo[start]

    def _parse(self, texts: list[str]) -> list[list[Word]]:
        """Parse each text as one sentence."""
        if self.tokenizer is None:
            nlp = load_model(self.model)
            made = [nlp.make_doc(text) for text in texts]
        else:
            nlp = load_parser(self.model)
            made = []
            for text in texts:
                tokens = self.tokenizer(text)
                words = [t.text for t in tokens]
                spaces = [bool(t.whitespace_) for t in tokens]
                doc = Doc(nlp.vocab, words=words, spaces=spaces)
                for token, given in zip(doc, tokens, strict=True):
                    if token.norm_ != given.norm_:  # a special case's norm ("n't": "not")
                        token.norm_ = given.norm_
                made.append(doc)
        docs = []
        for doc in made:
            for token in doc[1:]:
                token.is_sent_start = False  # one sentence: ours, not the parser's
            docs.append(doc)
        return [_words_of(doc[:]) for doc in nlp.pipe(docs)]


def _words_of(span: Span) -> list[Word]:
    base, first = span.start_char, span.start
    return [
        Word(
            t.idx - base,
            t.idx - base + len(t),
            t.head.i - first if span.start <= t.head.i < span.end else t.i - first,
            t.dep_,
            t.pos_ in VERBAL or t.tag_.startswith("VB") or t.tag_ == "MD",
            t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS"),
        )
        for t in span
    ]


def _attachment(
    words: list[Word], inside: list[int]
) -> tuple[int, tuple[str, ...], tuple[int, ...]] | None:
    """(head index, path, the words passed between) for the words `inside` an
    expression: from the expression's root (the word whose head is outside it, nearest
    the sentence's root) up to the nearest verb, else to the sentence's root."""
    members = set(inside)
    roots = [i for i in inside if words[i].head not in members or words[i].head == i]
    if not roots:
        return None
    root = min(roots, key=lambda i: (_depth(words, i), i))
    path: list[str] = []
    reached: list[int] = []  # every word climbed to; the last is the head
    at = root
    for _ in range(len(words)):
        up = words[at].head
        if up == at:
            break
        path.append(words[at].dep)
        at = up
        reached.append(at)
        if words[at].verbal:
            break
    return at, tuple(path), tuple(reached[:-1])


SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
NAME_PARTS = frozenset({"compound", "flat", "flat:name"})


def _subject(words: list[Word], head: int, text: str, base: int) -> str:
    """The proper name that is the subject of the word at `head`, with its name parts
    ("Alex Honnold" in "Alex Honnold climbed El Capitan"), or ""."""
    found = [i for i, w in enumerate(words) if w.head == head and w.dep in SUBJECTS and i != head]
    if not found or not words[found[0]].proper:
        return ""
    i = found[0]
    parts = [i] + [j for j, w in enumerate(words) if w.head == i and w.dep in NAME_PARTS]
    first, last = min(parts), max(parts)
    return text[base + words[first].start : base + words[last].end]


def _depth(words: list[Word], i: int) -> int:
    depth = 0
    while words[i].head != i and depth < len(words):
        i = words[i].head
        depth += 1
    return depth
