"""Verdicts (CONTRACTS §3): supported, contradicted, conflated, unverifiable.

`judge` compares a `Claim` with the timeline and explains itself: what the text
says, what the timeline says, how far apart they are, a suggested correction,
and the events that are the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..rules import lookup, rule_name
from ..thresholds import DEFAULT, Thresholds
from ..timeline import Event, Timeline
from ..timex.expr import TimeExpr
from ..timex.lexicon import weekday_names
from .extract import DELAYED_UNTIL, DESCRIBED_NEAREST, NAMED_IN_CLAUSE, RESPECTIVELY, Claim
from .fitting import days_between, days_of, fits, order_holds
from .matching import LIGHT_PREDICATES, alias_words, event_names, event_stems, stem

SEVERITY = {
    "supported": "info",
    "contradicted": "error",
    "conflated": "error",
    "unverifiable": "info",
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# The verdict rules (rules.py documents them); a name that is not registered fails here.
NO_EVENT_RULE = rule_name("no-event")
IMPRECISE_RULE = rule_name("imprecise")
WEEKDAY_RULE = rule_name("weekday")
DATE_RULE = rule_name("date")
FORECAST_RULE = rule_name("forecast")
CONFLATION_RULE = rule_name("conflation")
WEAK_MATCH_RULE = rule_name("weak-match")
OTHER_OCCURRENCE_RULE = rule_name("other-occurrence")
WRONG_DATE_RULE = rule_name("wrong-date")
ORDER_RULE = rule_name("order")
WEEKDAY_OF_DATE_RULE = rule_name("weekday-of-date")
AMBIGUOUS_RULE = rule_name("ambiguous-description")
OTHER_PREDICATE_RULE = rule_name("other-predicate")
SINCE_BOUND_RULE = rule_name("since-bound")
GAP_RULE = rule_name("gap")
# The rules that pair a time with its event by wording, not by what the time attaches to:
# "delayed until April", "in March and June to unveil A and B" (respectively).
_PAIRED_BY_WORDING = frozenset((DELAYED_UNTIL, RESPECTIVELY))
WEEKDAYS = weekday_names()  # the tagger's table


@dataclass(frozen=True)
class Finding:
    """A claim with its verdict and explanation."""

    claim: Claim
    verdict: str
    severity: str
    rule: str
    message: str
    suggestion: str | None = None
    evidence: tuple[Event, ...] = ()

    @property
    def rule_id(self) -> str:
        """The code of the deciding rule (`rule` is its name)."""
        found = lookup(self.rule)
        return found.id if found else self.rule

    @property
    def trace(self) -> tuple[str, ...]:
        """The codes of the rules that decided the claim, in order, the verdict's last."""
        return (*self.claim.trace, self.rule_id)


def judge(claim: Claim, timeline: Timeline, thresholds: Thresholds = DEFAULT) -> Finding:
    """The verdict on one claim."""
    wrong_day = _wrong_weekday(claim)
    if wrong_day is not None:
        return wrong_day
    if claim.event is None:
        return Finding(
            claim,
            "unverifiable",
            "info",
            NO_EVENT_RULE,
            f"No timeline event matches this statement dated {_said(claim)}.",
        )
    if claim.kind == "order":
        return _judge_order(claim)
    verdict = fits(claim.time, claim.event)
    if verdict is None:
        return Finding(
            claim,
            "unverifiable",
            "info",
            IMPRECISE_RULE,
            f"{_said(claim)} cannot be checked against {_event(claim.event)}: "
            "the timeline's date is less precise.",
            evidence=(claim.event,),
        )
    if verdict:
        rule = WEEKDAY_RULE if claim.kind == "weekday" else DATE_RULE
        return Finding(
            claim,
            "supported",
            "info",
            rule,
            f"{_said(claim)} fits {_event(claim.event)}.",
            evidence=(claim.event,),
        )
    if DESCRIBED_NEAREST in claim.trace and not claim.named:
        return Finding(
            claim,
            "unverifiable",
            "info",
            AMBIGUOUS_RULE,
            f"{_said(claim)} fits none of the events the sentence describes about equally "
            f"well ({_event(claim.event)} is only the nearest in time): which one the text "
            "dates is not clear.",
            evidence=(claim.event,),
        )
    if claim.forecast and not claim.clear:
        return Finding(
            claim,
            "unverifiable",
            "info",
            FORECAST_RULE,
            f"{_said(claim)} is stated as a plan or forecast; {_event(claim.event)} happened "
            "at another time, which is not an error of the article.",
            evidence=(claim.event,),
        )
    if since_bound(claim):
        return Finding(
            claim,
            "unverifiable",
            "info",
            SINCE_BOUND_RULE,
            f"“since {claim.time.text}” dates the start of a state or the last time before "
            f"a record (“the first cut since 2008”), and {_event(claim.event)} does not "
            "begin then: the text need not be dating it.",
            evidence=(claim.event,),
        )
    predicate = other_predicate(claim) if claim.via == "sentence" else None
    if predicate is not None:
        return Finding(
            claim,
            "unverifiable",
            "info",
            OTHER_PREDICATE_RULE,
            f"{_said(claim)} dates “{predicate}”, which is not what the timeline tells of "
            f"{_event(claim.event)}: it may be the date of something else that happened "
            "to its actors.",
            evidence=(claim.event,),
        )
    other = _conflated_with(claim, timeline) if _may_conflate(claim) else None
    if other is not None:
        return Finding(
            claim,
            "conflated",
            "error",
            CONFLATION_RULE,
            f"The text ties {_said(claim)} to {_event(claim.event)}, but {_said(claim)} is "
            f"the date of a related event, {_event(other)}: the text mixes the two up.",
            suggestion=claim.event.when,
            evidence=(other, claim.event),
        )
    if not _may_contradict(claim):
        return Finding(
            claim,
            "unverifiable",
            "info",
            WEAK_MATCH_RULE,
            f"{_said(claim)} does not fit {_event(claim.event)}, but the sentence "
            "matches that event only loosely.",
            evidence=(claim.event,),
        )
    gap = days_between(claim.time.start, claim.time.end, claim.event) or 0
    if not claim.named and gap > thresholds.described_reach:
        return Finding(
            claim,
            "unverifiable",
            "info",
            OTHER_OCCURRENCE_RULE,
            f"{_said(claim)} is far from {_event(claim.event)}, which the sentence describes "
            "without naming it: probably another event of the same kind.",
            evidence=(claim.event,),
        )
    return _contradicted(claim)


def _contradicted(claim: Claim) -> Finding:
    event = claim.event
    assert event is not None
    severity = "error"
    if claim.kind == "weekday":
        days = sorted({WEEKDAYS[d.weekday()] for d in _event_days(event)}, key=WEEKDAYS.index)
        message = (
            f"The text says {WEEKDAYS[claim.time.weekday or 0]}, but "
            f"{_event(event)} fell on {', '.join(days) or 'other days'}."
        )
        return Finding(
            claim,
            "contradicted",
            severity,
            WEEKDAY_RULE,
            message,
            suggestion=event.when,
            evidence=(event,),
        )
    gap = _gap(claim.time.start, claim.time.end, event, claim.time.precision)
    verb = "expects" if claim.forecast else "dates"
    message = (
        f"The text {verb} {event.title} {'in' if claim.forecast else 'to'} {_said(claim)}, "
        f"but the timeline has {event.when}{f' (off by {gap})' if gap else ''}."
    )
    return Finding(
        claim,
        "contradicted",
        severity,
        WRONG_DATE_RULE,
        message,
        suggestion=event.when,
        evidence=(event,),
    )


def _wrong_weekday(claim: Claim) -> Finding | None:
    """A weekday beside a date it is not the weekday of ("Wednesday, 18 February 2021", a
    Thursday): the text contradicts itself, whichever event the date is of, or none of
    the timeline's. A year the reader takes from the event ("Tuesday, December 12")
    counts only when the sentence names the event; a year taken from anything else,
    never."""
    t, event = claim.time, claim.event
    if (
        claim.kind == "order"
        or t.weekday is None
        or t.start is None
        or t.start != t.end
        or t.start.weekday() == t.weekday
        or (
            t.year_guessed
            and not (event and claim.via == "sentence" and (claim.named or fits(t, event)))
        )
        or (event is None and not _self_contained(t))
    ):
        return None
    actual = WEEKDAYS[t.start.weekday()]
    return Finding(
        claim,
        "contradicted",
        "error",
        WEEKDAY_OF_DATE_RULE,
        f"The text says {WEEKDAYS[t.weekday]}, but {t.start.isoformat()} was a {actual}"
        + (f" ({_event(event)})." if event else "."),
        suggestion=actual,
        evidence=(event,) if event else (),
    )


def _self_contained(t: TimeExpr) -> bool:
    """Does the expression state its own year, on one line, with nothing relative in it
    ("Wednesday, 5 October 2023")? Then a wrong weekday is the text's, not a year the
    reader inferred; without an event to take the year from, only such dates count."""
    return bool(STATED_YEAR.search(t.text)) and not t.relative and "\n" not in t.text


STATED_YEAR = re.compile(r"\b\d{4}\b")


def since_bound(claim: Claim) -> bool:
    """Is a time after "since" the start of something other than the event, or the
    baseline of a record ("the first output cut since 2008", "has ruled since 1971")?
    Not when the state that began then is the event's own ("Boeing had been suspended
    since July 24, 2003" of the suspension)."""
    if claim.time.relation != "since" or claim.event is None:
        return False
    before = claim.sentence[: max(0, claim.time.start_char - claim.sentence_start)]
    if RECORD.search(before[-_RECORD_REACH:]):
        return True
    attachment = claim.syntax
    return attachment is None or stem(attachment.head) not in event_names(claim.event)


# "the first cut since", "its biggest loss since", "the lowest since": a record's baseline
RECORD = re.compile(
    r"\b(?:first|last|only|biggest|largest|highest|lowest|worst|best|most|fewest|least|"
    r"[a-z]{3,}est)\b(?:\W+\w+){0,6}\W+since\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RECORD_REACH = 80  # characters before the time


def other_predicate(claim: Claim) -> str | None:
    """The word the time expression attaches to (its sentence parsed), when it is neither
    a word of the event (a keyword, a word of its aliases or title) nor a verb that only
    says that something happened: "the names were retired on April 12, 2018" dates a
    retirement, not the hurricane. None when the sentence was not parsed, or the time is
    the root of its sentence."""
    attachment, event = claim.syntax, claim.event
    if attachment is None or event is None or not attachment.path:
        return None
    if _PAIRED_BY_WORDING & set(claim.trace):
        return None
    head = stem(attachment.head)
    if head in LIGHT_PREDICATES or head in event_stems(event):
        return None
    if claim.named and any(stem(w) in alias_words(event) for w in attachment.between[:1]):
        return None  # "the Abqaiq attack of September 2020 showed ...": dates the attack
    return attachment.head


def _judge_order(claim: Claim) -> Finding:
    subject, anchor = claim.event, claim.anchor
    assert subject is not None and anchor is not None
    relation = claim.time.relation
    word = "before" if relation == "before" else "after"
    gap = _judge_gap(claim) if claim.gap is not None else None
    if gap is not None:
        return gap
    if order_holds(relation, subject, anchor):
        return Finding(
            claim,
            "supported",
            "info",
            ORDER_RULE,
            f"{_event(subject)} came {word} {_event(anchor)}, as the text says.",
            evidence=(subject, anchor),
        )
    if NAMED_IN_CLAUSE not in claim.trace:  # "after the Tohoku earthquake" of whatever
        return _only_described(claim, relation, "came otherwise", "orders")
    return Finding(
        claim,
        "contradicted",
        "error",
        ORDER_RULE,
        f"The text puts {subject.title} {relation} {anchor.title}, but {_event(subject)} "
        f"did not come {word} {_event(anchor)}.",
        suggestion=None,
        evidence=(subject, anchor),
    )


def _only_described(claim: Claim, said: str, how: str, verb: str) -> Finding:
    """An order or distance that does not hold for an event the sentence only describes:
    not the text's error, the text need not be about that event."""
    subject, anchor = claim.event, claim.anchor
    assert subject is not None and anchor is not None
    return Finding(
        claim,
        "unverifiable",
        "info",
        WEAK_MATCH_RULE,
        f"The text puts something {said} {anchor.title}; {_event(subject)}, which the "
        f"sentence only describes, {how}, but it need not be what the text {verb}.",
        evidence=(subject, anchor),
    )


def _judge_gap(claim: Claim) -> Finding | None:
    """A stated distance between two events ("two years after American Pharoah") against
    the timeline: the days between them, as far as their dates are known, must meet the
    distance the words allow (`gap_window`). None when it cannot be told."""
    subject, anchor, gap = claim.event, claim.anchor, claim.gap
    assert subject is not None and anchor is not None and gap is not None
    window = gap_window(gap)
    if window is None:
        return None
    if claim.time.relation == "before":
        lo, hi = (anchor.start - subject.last).days, (anchor.last - subject.start).days
    else:
        lo, hi = (subject.start - anchor.last).days, (subject.last - anchor.start).days
    least, most = window
    said = f"{gap.text} {claim.time.relation}"
    if lo <= most and hi >= least:
        return Finding(
            claim,
            "supported",
            "info",
            GAP_RULE,
            f"{_event(subject)} came {said} {_event(anchor)}, as the text says.",
            evidence=(subject, anchor),
        )
    if NAMED_IN_CLAUSE not in claim.trace:
        return _only_described(claim, said, "did not come then", "dates")
    predicate = other_predicate(claim)  # "Twenty years after the tsunami, we spoke to ..."
    if predicate is not None:
        return Finding(
            claim,
            "unverifiable",
            "info",
            OTHER_PREDICATE_RULE,
            f"“{claim.gap.text} {claim.time.relation}” dates “{predicate}”, which is not what "
            f"the timeline tells of {_event(subject)}: the distance may be of something "
            "else.",
            evidence=(subject, anchor),
        )
    apart = _span_in_words(lo, hi)
    return Finding(
        claim,
        "contradicted",
        "error",
        GAP_RULE,
        f"The text puts {subject.title} {said} {anchor.title}, but {apart} lie between "
        f"{_event(anchor)} and {_event(subject)}.",
        suggestion=apart,
        evidence=(subject, anchor),
    )


_UNIT_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0}
_GAP_VALUE = re.compile(r"P(\d+(?:\.\d+)?)([YMWD])\Z")


def gap_window(gap: TimeExpr) -> tuple[float, float] | None:
    """The days a stated distance allows: "two years" 1.5 to 3 years (a count of whole
    units, rounded either way), "more than two years" two years or more, "almost two
    years" one to two, "about two years" 1.25 to 2.75, "70 years to the day" that many
    years give or take two days. None for a distance of mixed units or unknown size."""
    m = _GAP_VALUE.match(gap.value)
    if m is None:
        return None
    n, unit = float(m.group(1)), _UNIT_DAYS[m.group(2)]
    days = n * unit
    if "to the day" in gap.text.lower():
        return days - 2, days + 2
    slack = 2.0  # days: calendar months and years are not all of a length
    if gap.mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return days - slack, float("inf")
    if gap.mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        return days - unit, days + slack
    if gap.mod == "APPROX":
        return days - 0.75 * unit, days + 0.75 * unit
    if gap.mod is not None:
        return None  # "the start of two years", "mid": no distance to hold the text to
    return days - 0.5 * unit, days + unit


def _span_in_words(lo: int, hi: int) -> str:
    """Days between two events in words: "3 years", "7 days", "between 2 and 3 years"."""

    def words(days: int) -> str:
        if days >= 2 * 365:
            return f"{round(days / 365.25)} years"
        if days >= 60:
            return f"{round(days / 30.44)} months"
        return f"{days} days"

    a, b = words(max(0, lo)), words(max(0, hi))
    return a if a == b else f"between {a} and {b}"


def _may_conflate(claim: Claim) -> bool:
    """Conflation needs the text to tie the date to the event: by naming it in the
    sentence, or in a section whose heading names it."""
    return claim.via == "heading" or claim.clear


def _may_contradict(claim: Claim) -> bool:
    """Contradiction needs the sentence itself to name the event in the clause of the
    date, or to describe it unmistakably: a date merely near an event's words is no
    accusation."""
    return claim.clear


def related(a: Event, b: Event) -> bool:
    """Events a text can mix up: linked by `confused_with` or sharing an entity."""
    if b.id in a.confused_with or a.id in b.confused_with:
        return True
    return bool(_entity_keys(a) & _entity_keys(b))


def _conflated_with(claim: Claim, timeline: Timeline) -> Event | None:
    """Another event, related to the claimed one, whose date the stated time fits: one
    named in `confused_with`, else one the sentence also describes, else any event of
    the timeline sharing an entity with it (most shared entities, then nearest in time,
    first). For a link by a section heading, only `confused_with` events that are not
    phases of the same story."""
    event = claim.event
    assert event is not None
    pool: list[Event] = [e for i in event.confused_with if (e := timeline.get(i)) is not None]
    if claim.via == "heading":
        # a section heading ties its sentences to its event, but a sentence about a
        # phase of the same story (a parent or part of it) is about that phase, and a
        # mere shared actor is no sign of a mix-up: only events the timeline says are
        # confused with it (either way), and not its own phases
        mixed = pool + [e for e in timeline if event.id in e.confused_with and e not in pool]
        return next(
            (other for other in mixed if not _phases(event, other) and fits(claim.time, other)),
            None,
        )
    pool += [m.event for m in claim.alternatives if related(event, m.event)]
    pool += [e for e in claim.topics if related(event, e)]  # the article's own subject
    for other in pool:
        if other.id != event.id and fits(claim.time, other):
            return other
    if not claim.named:
        return None  # a described event: only the sentence's own alternatives count
    mine = _entity_keys(event)
    sharing = [
        (len(shared), other)
        for other in timeline
        if other.id != event.id
        and (shared := mine & _entity_keys(other))
        and _as_precise(other, claim)
        and fits(claim.time, other)
    ]
    if not sharing:
        return None
    sharing.sort(key=lambda x: (-x[0], abs((x[1].start - event.start).days), x[1].id))
    return sharing[0][1]


def _phases(a: Event, b: Event) -> bool:
    """Is one event a part of the other (`parent`), or are both parts of a third?"""
    return a.parent == b.id or b.parent == a.id or (a.parent is not None and a.parent == b.parent)


_PRECISION_RANK = {"day": 3, "week": 2, "month": 2, "quarter": 1, "season": 1, "year": 1}


def _as_precise(other: Event, claim: Claim) -> bool:
    """Is `other` dated at least as precisely as the claim? "July 2021" is no sign of a
    mix-up with an event the timeline only knows as "2021"."""
    stated = _PRECISION_RANK.get(claim.time.precision, 0)
    return _PRECISION_RANK.get(other.date.precision, 0) >= stated


@cache  # asked for every event of the timeline, claim after claim
def _entity_keys(event: Event) -> frozenset[str]:
    return frozenset(e.casefold() for e in event.entities)


def _said(claim: Claim) -> str:
    return f"“{claim.time.text}”"


def _event(event: Event) -> str:
    return f"{event.title} ({event.when})"


def _event_days(event: Event) -> list[date]:
    return list(days_of(event.start, event.last))


def _gap(start: date | None, end: date | None, event: Event, precision: str = "day") -> str:
    """How far the stated time is from the event's, in words, at the stated precision:
    "July 2021" against 2020-07-29 is 1 year off, "2001" against 2004 3 years."""
    days = days_between(start, end, event)
    if not days or start is None:
        return ""
    if precision in ("year", "month"):
        months = (start.year - event.start.year) * 12 + start.month - event.start.month
        if start > event.last:
            months = (start.year - event.last.year) * 12 + start.month - event.last.month
        months = abs(months)
        if precision == "year" or months % 12 == 0:
            n, unit = max(1, round(months / 12)), "year"
        elif months > 12:  # "4 years 11 months", not "59 months"
            years, rest = divmod(months, 12)
            return f"{years} year{'s' if years != 1 else ''} {rest} month{'s' if rest != 1 else ''}"
        else:
            n, unit = months, "month"
        return f"{n} {unit}{'s' if n != 1 else ''}"
    if days >= 365:
        n, unit = round(days / 365.25), "year"
    elif days >= 28:
        n, unit = round(days / 30.44), "month"
    else:
        n, unit = days, "day"
    return f"{n} {unit}{'s' if n != 1 else ''}"
