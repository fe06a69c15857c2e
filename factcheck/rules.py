"""The rules behind findings: one id per kind of finding, with help text.

`Finding.rule` is one of these ids; SARIF, JUnit and the GitHub summary describe
them from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    short: str
    help: str
    level: str  # default SARIF level: error | warning | note


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "wrong-date",
            "WrongDate",
            "The stated date cannot be the event's date.",
            "The sentence names (or specifically describes) a timeline event and dates it, but "
            "the date does not overlap the event's dates at the precision stated. Correct the "
            "date, or check that the sentence is about the event the timeline has.",
            "error",
        ),
        Rule(
            "conflation",
            "Conflation",
            "The date belongs to a related event: two events are mixed up.",
            "The text ties a date to one event, but the date is that of another event linked to it "
            "(confused_with, or sharing entities). Typical of background passages that explain "
            "one event with another. Check which event the passage is about.",
            "error",
        ),
        Rule(
            "weekday",
            "Weekday",
            "The stated weekday does not match the event's date.",
            "A weekday ('on Sunday') is checked against the days the event covers.",
            "error",
        ),
        Rule(
            "order",
            "Order",
            "An order claim ('since', 'before', 'after') against the timeline.",
            "'For the first time since X', 'after X', 'before X': the event the sentence is "
            "about must lie on that side of X.",
            "error",
        ),
        Rule(
            "date",
            "Date",
            "The stated date fits the event.",
            "The stated time overlaps the event's dates at the precision stated.",
            "note",
        ),
        Rule(
            "no-event",
            "NoEvent",
            "A dated statement that matches no timeline event.",
            "No timeline event is named or described clearly enough. Add the event to the "
            "timeline (with aliases) to have such statements checked.",
            "note",
        ),
        Rule(
            "weak-match",
            "WeakMatch",
            "The date does not fit an event the sentence only loosely matches.",
            "The sentence shares words with a timeline event whose dates differ, but does not "
            "name it: not reported as an error. Add aliases to the timeline if it is that event.",
            "note",
        ),
        Rule(
            "imprecise",
            "Imprecise",
            "The timeline is too coarse to check the stated time.",
            "For example a weekday against an event known only to the month.",
            "note",
        ),
    )
}
