"""The claims engine: from a tagged Doc to verdicts, one module per stage.

- `matching`: the evidence that a piece of text is about a timeline event -- its
  aliases (names), keywords and entities (descriptions), stems that meet a word's
  inflections and irregular forms (`data/irregular.tsv`).
- `wording`: what the words around a time say of its role -- a report or
  announcement date, a comparison baseline, a forecast, a dateline, a clause.
- `extract`: claims -- each time expression tied (or not) to the event it dates:
  skip rules (roles that are no claim), links (named, described, topic), the
  parse's attachment (`Claim.syntax`), order claims ("after X").
- `fitting`: relations between a stated time and an event -- fits, orders, widened
  and delayed times.
- `verdicts`: a `Finding` per claim -- supported, contradicted, conflated or
  unverifiable -- with the rule that decided it.

Every decision is a rule of the registry (`factcheck.rules`, `factcheck rules`),
named in the claim's trace; the thresholds live in `factcheck.thresholds`. The names
below are importable from the package (loaded on first use: spaCy is imported only
when the extractor is).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Claim": "extract",
    "ClaimExtractor": "extract",
    "Context": "extract",
    "Skipped": "extract",
    "EventIndex": "matching",
    "Match": "matching",
    "stem": "matching",
    "Finding": "verdicts",
    "judge": "verdicts",
    "fits": "fitting",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
