"""Syntax for the claims: the project's own tagger and dependency parser (issue 14).

The pipeline in ``model/`` (package data) was trained by ``scripts/train_syntax.py``
on Universal Dependencies English EWT; it is CC BY-SA 4.0 (see ``model/LICENSE``),
the code is MIT. ``spacy.load(model_path())`` gives ``tok2vec``, ``tagger`` (Penn
tags in ``token.tag_``), ``morphologizer`` (UPOS in ``token.pos_``, UD features in
``token.morph``) and ``parser`` (UD relations in ``token.dep_``). Nothing is
downloaded.

`SyntaxParser` (the ``factcheck_syntax`` pipeline component) parses lazily: only
the sentences the claims engine asks about, each as a small Doc of its own, and
tells for a time expression the word it attaches to (`Attachment`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).resolve().parent / "model"
_LOADED: dict[str, Language] = {}


def model_path() -> Path:
    """The directory of the shipped spaCy pipeline (loadable with `spacy.load`)."""
    return MODEL_DIR


def load_model(name: str | Path | None = None) -> Language:
    """The shipped pipeline (or the one named), loaded once per process."""
    import spacy

    key = str(name or MODEL_DIR)
    nlp = _LOADED.get(key)
    if nlp is None:
        nlp = _LOADED[key] = spacy.load(key)
    return nlp


def load_parser(name: str | Path | None = None) -> Language:
    """The shipped pipeline (or the one named) without its tokenizer, loaded once per
    process, for Docs tokenised elsewhere (`SyntaxParser` hands it the main
    pipeline's tokens). The shipped tokenizer's rules are spaCy's English defaults,
    those of the main pipeline; building them a second time would cost about a third
    of a second per process (two thirds of the model's load)."""
    key = f"{name or MODEL_DIR} (no tokenizer)"
    nlp = _LOADED.get(key)
    if nlp is None:
        import spacy
        from spacy.tokenizer import Tokenizer
        from spacy.util import registry

        @registry.tokenizers(_BARE_TOKENIZER)
        def _bare() -> Callable[[Language], Tokenizer]:
            return lambda nlp: Tokenizer(nlp.vocab)

        nlp = _LOADED[key] = spacy.load(
            name or MODEL_DIR,
            exclude=["tokenizer"],
            config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}},
        )
    return nlp


_BARE_TOKENIZER = "factcheck.bare_tokenizer.v1"  # rules: none; tokens come from elsewhere


@dataclass(frozen=True)
class Attachment:
    """Where a time expression attaches in its sentence's dependency tree.

    `head` is the nearest verb (or auxiliary) above the expression's root, else the
    sentence's root; `path` the dependency labels from the expression's root up to
    it: "began on June 23" gives ``began`` and ``("obl",)``, "the mutiny of June
    2023 shocked Russia" ``shocked`` and ``("nmod", "nsubj")``. An expression that
    is itself the root ("The vote was on Sunday") has itself as head and an empty
    path. Offsets are characters in the whole document."""

    head: str
    head_start: int
    head_end: int
    path: tuple[str, ...]
    subject: str = ""  # the proper name that is the head's subject ("Alex Honnold"), if any
    # the words passed on the way up, below the head ("attack" in "the attack of June
    # 2023 shocked Russia"): the nouns the expression dates before any verb
    between: tuple[str, ...] = ()
