"""Every number the claims engine decides by, named and documented in one place.

`Thresholds` holds the link scores, margins and windows of claim extraction
(claims/extract.py) and of the verdicts (claims/verdicts.py); a `Checker` takes one
(`Checker(timeline, thresholds=Thresholds(clear_description=85))`), so that
`benchmarks/claims_sweep.py` can show how flag precision and error recall move with
each. The scores are those of `matching.Match`: 100 for an event named by an alias,
up to `described_max` for one described by keywords (`keyword_weight` each, two at
most) and entities (`entity_weight` each, two at most; a partial entity name
`partial_entity_weight`).

The character windows say how far before a time expression its wording is read
("said on Thursday", "up 5% compared to"); they bound the work per expression.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _t(default: float, doc: str, sweep: tuple[float, ...] = ()) -> Any:
    return field(default=default, metadata={"doc": doc, "sweep": sweep})


@dataclass(frozen=True)
class Thresholds:
    """The claims engine's cut-offs, weights and windows (see the module docstring)."""

    # -- linking a time to an event (claims/extract.py)
    min_score: float = _t(
        60.0,
        "Least link score for an event to be a candidate of a sentence (`--min-score`).",
        (50.0, 55.0, 60.0, 65.0, 70.0, 75.0),
    )
    context_bonus: float = _t(
        10.0,
        "Added to a described event the title or section heading is about; taken off an "
        "event found only in the title or heading.",
        (0.0, 5.0, 10.0, 15.0),
    )
    strong_description: float = _t(
        75.0,
        "A description this strong in the date's clause overrides a name in another "
        "clause or the paragraph's topic; a named link needs it to be clear.",
        (70.0, 75.0, 80.0, 85.0),
    )
    clear_description: float = _t(
        80.0,
        "A description (a keyword and an entity) this strong in the date's own clause "
        "can carry a contradiction.",
        (75.0, 80.0, 85.0, 90.0),
    )
    tie_margin: float = _t(
        5.0,
        "Described events within this of the best are tied: the date may pick among them.",
        (0.0, 5.0, 10.0),
    )
    near_margin: float = _t(
        10.0,
        "Described events within this of the best: the one nearest in time wins when none fits.",
        (5.0, 10.0, 15.0),
    )
    evidence_margin: float = _t(
        1.5,
        "Keywords plus entities more than this make an event clearly better described: "
        "the date cannot pick the other one over it.",
        (0.5, 1.5, 2.5),
    )
    mentioned: float = _t(
        40.0,
        "Least score of an event the sentence merely mentions (a keyword and an entity's "
        "word, or two entities); after a weak link such an event that fits the date "
        "takes it.",
        (30.0, 40.0, 50.0),
    )
    fitting_description: float = _t(
        55.0,
        "Least score of a description (a keyword and an entity) that takes a date it "
        "fits from the chosen event that it does not fit.",
        (45.0, 55.0, 65.0, 75.0),
    )
    weak_link: float = _t(
        70.0,
        "The score given to a link that must never contradict (a name in another clause, "
        "a date handed to a fitting event); below `strong_description`.",
    )
    named_topic_score: float = _t(
        70.0,
        "The score of a link to the paragraph's or section's topic; below "
        "`strong_description`, so a topic alone never contradicts.",
    )
    topic_window: int = _t(
        2,
        "Sentences after the one naming an event during which it is the paragraph's topic.",
        (0, 1, 2, 3, 4),
    )
    # -- verdicts (claims/verdicts.py)
    described_reach: int = _t(
        1100,
        "Days: a date further than this from an event the sentence only describes is "
        "taken for another occurrence of the same kind, not a misdating.",
        (365, 730, 1100, 1825, 3650),
    )
    # -- wording windows (claims/extract.py), characters before the time expression
    anchor_window: int = _t(60, "Characters before an event's name read for an order phrase.")
    fiscal_window: int = _t(12, "Characters before a time read for 'fiscal'/'financial'.")
    results_window: int = _t(40, "Characters before a time read for 'profit for'.")
    bound_window: int = _t(30, "Characters before a time read for 'as early as'.")
    comparison_window: int = _t(
        40, "Characters before a time read for a comparison ('up 5% from').", (20, 40, 60, 80)
    )
    report_window: int = _t(
        60, "Characters before a time read for a reporting verb ('said on').", (30, 60, 90)
    )
    ranking_window: int = _t(60, "Characters before a time read for a ranking ('No. 2').")

    def replace(self, **changes: float) -> Thresholds:
        """A copy with some values changed (unknown names are an error)."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown threshold(s): {', '.join(sorted(unknown))}")
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update({k: type(values[k])(v) for k, v in changes.items()})  # windows are ints
        return Thresholds(**values)


DEFAULT = Thresholds()


def documented() -> list[tuple[str, float, str, tuple[float, ...]]]:
    """(name, default, doc, values to sweep) of every threshold."""
    return [
        (f.name, getattr(DEFAULT, f.name), f.metadata["doc"], f.metadata["sweep"])
        for f in fields(Thresholds)
    ]


# Link scores of `matching.Match`: fixed weights of the alias and description matcher
# (a timeline is indexed with them once; they are not per-Checker).
NAMED = 100.0  # an alias found word for word
LOOSE_IN_ORDER = 95.0  # every alias word, in order, adjacent, but inflected differently
LOOSE_SCORE = 90.0  # every alias word within LOOSE_WINDOW words of each other
LOOSE_WINDOW = 3
WIDE_SCORE = 80.0  # every word of a 2+ word alias, exactly, spread over WIDE_WINDOW words
WIDE_WINDOW = 8
TYPO_RATIO = 88.0  # rapidfuzz ratio for a word to count as a typo of an alias word
TYPO_MIN_LENGTH = 6  # letters of a word that a typo may be in
KEYWORD_WEIGHT = 30.0  # per keyword found (two at most)
ENTITY_WEIGHT = 25.0  # per entity found (two at most)
PARTIAL_ENTITY_WEIGHT = 15.0  # an entity's distinctive word without the rest of its name
DESCRIBED_MAX = 90.0  # a description never scores as high as a name
# Two of an event's entities named in full (or by surname or initials), no keyword: as
# much as `min_score`, so the event is a candidate ("Karpov and Kasparov drew in
# February 1985"); a clear description needs a keyword, so it never contradicts.
ACTORS_SCORE = 60.0
