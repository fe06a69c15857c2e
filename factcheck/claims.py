"""Claim extraction: tie each time expression to the event it dates.

Works on Docs that went through the pipeline (blocks, sentences, times). For
each sentence with a time expression:

1. Order phrases ("since the Wagner mutiny", "for the first time since X",
   "before X", "after X") whose object *names* an event become order claims,
   and that event is taken out of the candidates for the sentence's other times.
2. Datelines, dates of reporting something earlier ("stated on Thursday that
   it had signed"; a passive "it was announced in 2000" dates the announcement
   itself) and baselines of comparisons ("up 50% compared to the previous
   year") are skipped; forecasts ("will open in 2025") are checked but
   never flagged: a plan that changed is no error of the article.
3. The event: one *named* in the sentence (nearest to the time) wins; else the
   discourse topic -- the event last named in the paragraph, else the one the
   section heading is about -- unless the sentence clearly describes an
   unrelated event; else the best *described* event; else none (unverifiable).
   A date that does not fit that event but fits another one the sentence describes
   is the other one's (never a flag); after a weak link (topic, loose description)
   any event the sentence mentions will do.

A `Context` carries the topics from block to block (and across the pieces of a
document processed in chunks).

With a `SyntaxParser` (the ``factcheck_syntax`` component), each claim tied to an
event (or, for an order claim, to its anchor event) also gets where its time
expression attaches in the sentence's dependency parse (`Claim.syntax`); only those
sentences are parsed, in one batch per Doc. The decisions above do not read it (yet).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .fitting import (
    as_day,
    at_time,
    days_apart,
    fits,
    is_checkable,
    order_holds,
    upcoming,
    widened,
)
from .matching import EventIndex, Match, stem
from .pipeline import doc_text, is_masked, sentences_in, span_text
from .syntax import Attachment
from .timeline import Event
from .timex import TimeExpr
from .wording import (
    AND,
    BACKGROUND,
    BOUND,
    COMPARISON,
    DATELINE_HEAD,
    DATELINE_TAIL,
    DELAYED,
    EARLIER,
    FISCAL_AFTER,
    FISCAL_BEFORE,
    FORECAST,
    NEWS,
    ORDER,
    ORDER_RELATION,
    PASSIVE,
    PRONOUN_START,
    RANKING,
    REPORTING,
    SHARED_SUBJECT,
    clause,
    clause_starts,
    few_words,
    names_in,
    premodified,
    quoted,
)

if TYPE_CHECKING:
    from .syntax.parser import SyntaxParser

DEFAULT_MIN_SCORE = 60.0
CONTEXT_BONUS = 10.0
STRONG_DESCRIPTION = 75.0
CLEAR_DESCRIPTION = 80.0  # a description that can carry a contradiction
TIE_MARGIN = 5.0
EVIDENCE_MARGIN = 1.5  # two keywords or entities more: clearly better described
NEAR_MARGIN = 10.0  # described events this close to the best: the nearest in time wins
_FORECASTS_KEY = "factcheck_forecasts"  # a Doc's `_forecast` answers so far


@dataclass(frozen=True)
class Claim:
    """A time expression tied (or not) to a timeline event."""

    time: TimeExpr
    sentence: str
    sentence_start: int  # offsets into the whole document
    event: Event | None
    score: float = 0.0
    kind: str = "date"  # "date" | "weekday" | "order"
    anchor: Event | None = None  # order claims: the event the order is relative to
    via: str = "sentence"  # how the event was found: sentence | paragraph | heading
    quoted: bool = False
    named: bool = False  # the event is named (by an alias), not only described
    forecast: bool = False  # stated as a plan or forecast: checked, never flagged
    clear: bool = False  # the date's own clause names the event, or describes it clearly
    alternatives: tuple[Match, ...] = ()  # other events the sentence describes
    topics: tuple[Event, ...] = ()  # the events the title and section heading are about
    syntax: Attachment | None = None  # where the time attaches; None: sentence not parsed


@dataclass
class Context:
    """Discourse state carried from block to block."""

    title: list[Match] = field(default_factory=list)
    heading: list[Match] = field(default_factory=list)
    paragraph_topic: Event | None = None
    topic_age: int = 0  # sentences since the paragraph topic was named
    blocks_seen: int = 0
    reference: date | None = None  # the document's date: it reports nothing later
    present: tuple[str, ...] = ()  # entities the current sentence's pronoun refers to
    recent: str = ""  # the previous sentence, lowercased
    title_text: str = ""  # the title, lowercased

    def topic(self) -> tuple[Event | None, str]:
        """The event the text is about here: named in the paragraph a sentence or two
        ago, or by the section heading (not the title: an article's background is not
        about the event of its title)."""
        in_section = self.heading is not self.title
        named = [m.event for m in self.heading if m.named] if in_section else []
        section = named[0] if named else None
        if self.paragraph_topic is not None and self.topic_age <= TOPIC_WINDOW:
            if section is not None and section.id == self.paragraph_topic.id:
                return section, "heading"
            return self.paragraph_topic, "paragraph"
        return (section, "heading") if section else (None, "")

    def antecedent(self) -> tuple[str, ...]:
        """Who "he", "it" or "the airline" at the start of a sentence most likely is: an
        entity of the paragraph's topic (else of the title's events) that the previous
        sentence or the title names, else the topic's main (first) entity."""
        topical = self.paragraph_topic is not None and self.topic_age <= TOPIC_WINDOW
        events = [self.paragraph_topic] if topical else [m.event for m in self.title]
        named = [
            entity
            for event in events
            if event is not None
            for entity in event.entities
            if names_in(entity, self.recent) or names_in(entity, self.title_text)
        ]
        if named:  # the fullest name: "China Eastern Airlines", not "China"
            return (max(named, key=len),)
        if topical and self.paragraph_topic is not None:
            return self.paragraph_topic.entities[:1]
        return ()

    def topics(self) -> tuple[Event, ...]:
        seen: dict[str, Event] = {}
        for m in (*self.heading, *self.title):
            seen.setdefault(m.event.id, m.event)
        return tuple(seen.values())

    def bonus_ids(self) -> set[str]:
        return {m.event.id for m in (*self.title, *self.heading)}


class ClaimExtractor:
    """Finds claims in pipeline Docs, using an `EventIndex` over the timeline."""

    def __init__(
        self,
        index: EventIndex,
        min_score: float = DEFAULT_MIN_SCORE,
        *,
        syntax: SyntaxParser | None = None,
    ) -> None:
        self.index = index
        self.min_score = min_score
        self.syntax = syntax

    def _with_syntax(self, doc: Doc, claims: list[Claim], offset: int) -> list[Claim]:
        """The claims tied to an event (or an order claim's anchor), with where their
        time expression attaches: their sentences are parsed, in one batch; the others
        are left unparsed."""
        if self.syntax is None:
            return claims
        wanted = [c for c in claims if c.event is not None or c.anchor is not None]
        if not wanted:
            return claims
        sentences = {
            id(c): (c.sentence_start - offset, c.sentence_start - offset + len(c.sentence))
            for c in wanted
        }
        self.syntax.prepare(doc, list(sentences.values()))
        out = []
        for c in claims:
            if id(c) in sentences:
                t = c.time
                found = self.syntax.attach(
                    doc, sentences[id(c)], (t.start_char - offset, t.end_char - offset)
                )
                if found is not None and offset:
                    found = replace(
                        found,
                        head_start=found.head_start + offset,
                        head_end=found.head_end + offset,
                    )
                c = replace(c, syntax=found)
            out.append(c)
        return out

    def extract(self, doc: Doc, offset: int = 0, context: Context | None = None) -> list[Claim]:
        """Claims of one Doc; `offset` is the Doc's position in the whole document."""
        context = context or Context()
        named = self.index.named_in(doc)
        claims: list[Claim] = []
        times = list(doc.spans.get("times", []))
        starts = [t.start for t in times]  # in order: the tagger's times are sorted
        for block in doc.spans.get("blocks", []):
            block_times = times[bisect_left(starts, block.start) : bisect_left(starts, block.end)]
            claims.extend(self._block(doc, block, block_times, named, offset, context))
        return self._with_syntax(doc, claims, offset)

    def _block(
        self,
        doc: Doc,
        block: Span,
        times: list[Span],
        named: dict[int, list[tuple[str, int, int]]],
        offset: int,
        context: Context,
    ) -> list[Claim]:
        first = context.blocks_seen == 0
        context.blocks_seen += 1
        context.paragraph_topic = None
        if block.label_ == "heading":
            matches = self._matches(block, named)
            context.heading = [
                m for m in matches if m.score >= self.min_score and not self._is_anchor(block, m)
            ]
            if first:
                context.title = context.heading
                context.title_text = span_text(block).lower()
        claims = []
        starts = [t.start for t in times]
        for sent in sentences_in(doc, block):
            if is_masked(sent):  # it names no event and holds no time (focus.py)
                context.topic_age += 1
                context.recent = span_text(sent).lower()
                continue
            sent_times = times[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            pronoun = PRONOUN_START.match(span_text(sent))
            context.present = context.antecedent() if pronoun else ()
            matches = self._matches(sent, named, context.present)
            claims.extend(self._sentence(sent, sent_times, matches, offset, context))
            topic = next(
                (m.event for m in matches if m.named and not self._is_anchor(sent, m)), None
            )
            context.topic_age += 1
            context.recent = span_text(sent).lower()
            if topic is not None and block.label_ != "heading":
                context.paragraph_topic, context.topic_age = topic, 0
        return claims

    def _matches(
        self,
        span: Span,
        named: dict[int, list[tuple[str, int, int]]],
        present: tuple[str, ...] = (),
    ) -> list[Match]:
        exact = [
            hit
            for i in (range(span.start, span.end) if named else ())
            for hit in named.get(i, ())
            if hit[2] <= span.end_char
        ]
        return self.index.match(span, exact, present=present)

    def _is_anchor(self, sent: Span, match: Match) -> bool:
        if not match.named:
            return False
        before = _text(sent)[max(sent.start_char, match.start_char - 60) : match.start_char]
        return ORDER.search(before) is not None

    def _sentence(
        self,
        sent: Span,
        times: list[Span],
        matches: list[Match],
        offset: int,
        context: Context,
    ) -> list[Claim]:
        text = span_text(sent)
        start = sent.start_char + offset
        claims = []
        anchors = [m for m in matches if self._is_anchor(sent, m)]
        anchor_ids = {m.event.id for m in anchors}
        if anchors:  # the words naming an anchor describe it, not the sentence's other events
            mask = [(m.start_char, m.end_char) for m in anchors]
            matches = self.index.match(sent, mask=mask, present=context.present)
        candidates = [m for m in matches if m.event.id not in anchor_ids]
        others = [m for m in candidates if m.score >= self.min_score]
        for anchor in anchors:
            claims.append(self._order_claim(sent, anchor, others, offset, context))
        for span in times:
            expr: TimeExpr = as_day(span._.timex)
            head = span.start_char - sent.start_char
            if expr.relation == "until" and DELAYED.search(text, 0, head):
                expr = at_time(expr)  # "delayed until April 2008": it happens in April 2008
            if not is_checkable(expr) or self._skip(sent, span):
                continue
            expr = widened(_shift(expr, offset), context.reference)
            event, score, via, named = self._choose(expr, span, sent, times, others, context)
            event, score, via, named = _prefer_fitting(expr, (event, score, via, named), candidates)
            kind = "weekday" if expr.weekday is not None and expr.start is None else "date"
            forecast = self._forecast(sent, span)
            clear = (
                event is not None
                and via == "sentence"
                and fits(expr, event) is False
                and (not forecast or upcoming(event, context.reference))
                and self._clear(sent, span, event, named, score, context.present)
            )
            claims.append(
                Claim(
                    time=expr,
                    sentence=text,
                    sentence_start=start,
                    event=event,
                    score=score,
                    kind=kind,
                    via=via,
                    named=named,
                    clear=clear,
                    forecast=forecast,
                    quoted=quoted(sent, span),
                    alternatives=tuple(
                        m for m in others if event is None or m.event.id != event.id
                    ),
                    topics=context.topics(),
                )
            )
        return claims

    def _clear(
        self,
        sent: Span,
        span: Span,
        event: Event,
        named: bool,
        score: float,
        present: tuple[str, ...] = (),
    ) -> bool:
        """Does the clause of the date name `event` (with a strong link), or describe it by
        a keyword and an entity clearly (the other clauses masked out)?"""
        if named:
            return score >= STRONG_DESCRIPTION
        before = _text(sent)[max(sent.start_char, span.start_char - 60) : span.start_char]
        if RANKING.search(before.rsplit(",", 1)[-1]):
            return False  # "the No. 2 music retailer in 2007": a standing, not an event
        mask = _outside_clause(sent, span, shared_subject=True)
        return any(
            m.event.id == event.id and m.score >= CLEAR_DESCRIPTION and m.keywords and m.entities
            for m in self.index.match(sent, mask=mask, present=present)
        )

    def _in_clause(self, sent: Span, span: Span, match: Match) -> bool:
        """Does the clause of `span` hold a keyword of `match`'s event (whose description,
        75 or more, may draw on the whole sentence)?"""
        mask = _outside_clause(sent, span)
        return any(
            m.event.id == match.event.id and m.keywords > 0
            for m in self.index.match(sent, mask=mask)
        )

    @staticmethod
    def _owns(match: Match, span: Span, times: list[Span], clauses: list[int]) -> bool:
        """Is `span` the time `match` dates: in its clause, and the nearest time to it?"""
        if clause(clauses, match.start_char) != clause(clauses, span.start_char):
            return False
        checkable = [t for t in times if is_checkable(t._.timex)]
        nearest = min(checkable, key=lambda t: _distance(match, t), default=span)
        if nearest.start_char == span.start_char:
            return True
        # "On Sunday, at this year's conference, Jobs unveiled ...": a coarser time that
        # holds this one ("this year" holds Sunday) elaborates it and takes nothing away
        mine, near = span._.timex, nearest._.timex
        return (
            near.start is not None
            and near.end is not None
            and mine.start is not None
            and mine.end is not None
            and near.start <= mine.start
            and mine.end <= near.end
            and (near.end - near.start) > (mine.end - mine.start)
        )

    def _skip(self, sent: Span, span: Span) -> bool:
        """Datelines, and dates of a report about something earlier ("stated on Thursday
        that it had signed"), are not claims about events. A report of news ("announced
        Monday it has settled") dates the news: that one is kept."""
        text = _text(sent)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line_end = len(text) if line_end == -1 else line_end
        if few_words(text, 3, (line_start, span.start_char), (span.end_char, line_end)):
            return True  # a date line or dateline: when the article was written
        if DATELINE_HEAD.match(text, line_start, span.start_char) and DATELINE_TAIL.match(
            text, span.end_char, line_end
        ):
            return True  # "MINSK, July 29, 2023 (Reuters) - ...": the dateline of the story
        before = text[sent.start_char : span.start_char]
        if FISCAL_BEFORE.search(before[-12:]) or FISCAL_AFTER.match(
            text, span.end_char, span.end_char + 30
        ):
            return True  # "the first quarter of the fiscal year": not the calendar's
        if BOUND.search(before[-30:]):
            return True
        if COMPARISON.search(before[-40:]):
            return True  # "up 28% compared to the previous year": a baseline, no event
        report = REPORTING.search(before[-60:])
        if report and not PASSIVE.search(
            before[: len(before) - len(before[-60:]) + report.start()]
        ):
            # "said on Thursday that ...": what was said?
            said = text[span.end_char : min(sent.end_char, span.end_char + 80)]
            return not NEWS.search(said) or EARLIER.search(said) is not None
        return False

    @staticmethod
    def _forecast(sent: Span, span: Span) -> bool:
        """Is the time in a forecast or plan ("will open in 2025", "is due in October")?"""
        memo = span.doc.user_data.setdefault(_FORECASTS_KEY, {})  # asked twice a claim
        key = (sent.start_char, span.start_char)
        if key not in memo:
            found = FORECAST.search(_text(sent)[sent.start_char : span.start_char])
            memo[key] = found is not None
        return memo[key]

    def _choose(
        self,
        expr: TimeExpr,
        span: Span,
        sent: Span,
        times: list[Span],
        others: list[Match],
        context: Context,
    ) -> tuple[Event | None, float, str, bool]:
        """(event, link score, how it was found, named?) for one time expression."""
        head = premodified(span)
        if head is not None:  # "the 1991 agreement" dates an agreement: only such events
            others = [m for m in others if head & _event_words(m.event)]
            if not others:
                return None, 0.0, "sentence", False
        described = [m for m in others if not m.named]
        named = [m for m in others if m.named]
        respective = _respectively(span, times, named)
        if respective is not None:  # "in March and June to unveil the iPad 2 and iCloud"
            return respective.event, respective.score, "sentence", True
        if named:
            clauses = clause_starts(sent)
            ranked = sorted(
                ((self._owns(m, span, times, clauses), m) for m in named),
                key=lambda x: (not x[0], _distance(x[1], span), x[1].event.id),
            )
            strong, best = ranked[0]
            if not fits(expr, best.event):  # the date may be another named event's
                other = next((m for _, m in ranked[1:] if fits(expr, m.event)), None)
                if other is not None:
                    return other.event, min(other.score, WEAK_LINK), "sentence", True
            if strong or not any(
                m.score >= STRONG_DESCRIPTION and self._in_clause(sent, span, m) for m in described
            ):
                score = best.score if strong else min(best.score, WEAK_LINK)
                return best.event, score, "sentence", True
            # the name is in another clause, and the date's own clause describes an event
            # clearly: "X has fought cancer since 2004 and has been on leave since March"
        topic, via = context.topic()
        if topic is not None and not BACKGROUND.search(span_text(sent)):
            clear = [
                m for m in described if m.score >= STRONG_DESCRIPTION and m.event.id != topic.id
            ]
            if via == "heading":  # a section about the topic: only an unrelated event overrides
                clear = [
                    m
                    for m in clear
                    if m.event.id not in topic.confused_with
                    and topic.id not in m.event.confused_with
                ]
            if not clear:
                return topic, NAMED_TOPIC_SCORE, via, True
        if context.reference is not None and not self._forecast(sent, span):
            # a report describes what has happened: not an event later than its date
            described = [m for m in described if m.event.start <= context.reference]
        near = self._ranked(described, context, NEAR_MARGIN)
        tied = [x for x in near if x[0] >= near[0][0] - TIE_MARGIN] if near else []
        if not tied:
            return None, 0.0, "sentence", False
        # the date may pick among equals, not over an event described with clearly more
        # evidence ("lost its court case ... in the High Court" is the ruling, not the trial)
        strongest = max(_evidence(x[1]) for x in tied)
        fitting = next(
            (
                x
                for x in tied
                if fits(expr, x[1].event) and _evidence(x[1]) >= strongest - EVIDENCE_MARGIN
            ),
            None,
        )
        own = [
            x for x in near if x[2] == "sentence" and _evidence(x[1]) >= strongest - EVIDENCE_MARGIN
        ]
        if fitting is None and own:  # a misdating is likelier small than large: the nearest
            fitting = min(own, key=lambda x: (days_apart(expr, x[1].event), x[1].event.id))
        fitting = fitting or tied[0]
        score, best, via = fitting
        return best.event, score, via, False

    def _ranked(
        self, described: list[Match], context: Context, margin: float = TIE_MARGIN
    ) -> list[tuple[float, Match, str]]:
        """The best described candidates (within TIE_MARGIN of the top), best first: the
        sentence's own, with a bonus for events the title or heading are about, then those
        of the title or heading alone, at a discount."""
        bonus = context.bonus_ids()
        pool = [
            (min(100.0, m.score + (CONTEXT_BONUS if m.event.id in bonus else 0.0)), m, "sentence")
            for m in described
        ]
        seen = {m.event.id for m in described}
        for m in (*context.heading, *context.title):
            if m.event.id not in seen and m.score - CONTEXT_BONUS >= self.min_score:
                seen.add(m.event.id)
                pool.append((m.score - CONTEXT_BONUS, m, "context"))
        if not pool:
            return []
        pool.sort(key=lambda x: (-x[0], x[1].event.id))
        return [x for x in pool if x[0] >= pool[0][0] - margin]

    def _order_claim(
        self,
        sent: Span,
        anchor: Match,
        others: list[Match],
        offset: int,
        context: Context,
    ) -> Claim:
        doc_text = _text(sent)
        m = ORDER.search(doc_text[max(sent.start_char, anchor.start_char - 60) : anchor.start_char])
        if m is None:  # pragma: no cover - callers pass anchors found by _is_anchor
            raise ValueError("not an order phrase")
        phrase_start = max(sent.start_char, anchor.start_char - len(m.group(0)))
        word = m.group(0).lower()
        relation = next((r for k, r in ORDER_RELATION.items() if k in word), "after")
        event = anchor.event
        point = event.last if relation in ("since", "after") else event.start
        value = (
            (event.end or event.date).value if relation in ("since", "after") else event.date.value
        )
        expr = TimeExpr(
            text=doc_text[phrase_start : anchor.end_char].strip(),
            start_char=phrase_start + offset,
            end_char=anchor.end_char + offset,
            type="DATE",
            value=value,
            start=point if relation in ("since", "after") else None,
            end=None if relation in ("since", "after") else point,
            precision=(event.end or event.date).precision,
            relation=relation,
        )
        subject, score, via = self._subject(expr, anchor, others, context)
        return Claim(
            time=expr,
            sentence=span_text(sent),
            sentence_start=sent.start_char + offset,
            event=subject,
            score=score,
            kind="order",
            anchor=event,
            via=via,
            quoted=False,
            alternatives=(),
        )

    def _subject(
        self,
        expr: TimeExpr,
        anchor: Match,
        others: list[Match],
        context: Context,
    ) -> tuple[Event | None, float, str]:
        named = [m for m in others if m.named]
        if named:
            return named[0].event, named[0].score, "sentence"
        tied = self._ranked(
            [m for m in others if not m.named and m.event.id != anchor.event.id], context
        )
        if not tied:
            topic, via = context.topic()
            if topic is not None and topic.id != anchor.event.id:
                return topic, NAMED_TOPIC_SCORE, via
            return None, 0.0, "sentence"
        fitting = sorted(
            (x for x in tied if order_holds(expr.relation, x[1].event, anchor.event)),
            key=lambda x: (abs((x[1].event.start - anchor.event.start).days), x[1].event.id),
        )
        score, best, via = (fitting or tied)[0]
        return best.event, score, via


MENTIONED = 40.0  # a keyword and an entity's word, or two entities: a mention
FITTING_DESCRIPTION = 55.0  # a keyword and an entity: enough to own a date that fits
WEAK_LINK = 70.0  # below STRONG_DESCRIPTION: such a link never makes "contradicted"
NAMED_TOPIC_SCORE = 70.0  # below STRONG_DESCRIPTION: a topic alone never makes "contradicted"
TOPIC_WINDOW = 2  # sentences after the one that named the topic


def _text(span: Span) -> str:
    return doc_text(span.doc)


def _outside_clause(
    sent: Span, span: Span, *, shared_subject: bool = False
) -> list[tuple[int, int]]:
    """The ranges of the sentence outside the clause of `span` (a mask for matching).
    With `shared_subject`, a coordinated verb phrase keeps the sentence's subject: "X has
    fought A since 2004 and has been on B since March"."""
    starts = clause_starts(sent)
    i = clause(starts, span.start_char)
    begin = starts[i]
    if shared_subject and i and SHARED_SUBJECT.match(_text(sent), begin):
        begin = starts[0]
    end = starts[i + 1] if i + 1 < len(starts) else sent.end_char
    return [(sent.start_char, begin), (end, sent.end_char)]


Choice = tuple[Event | None, float, str, bool]  # event, link score, via, named?


def _prefer_fitting(expr: TimeExpr, choice: Choice, candidates: list[Match]) -> Choice:
    """When the chosen event does not fit the date but another event the sentence
    describes (a keyword and an entity at least) does, the date is that one's: "the GAO
    on June 18 called for a re-run of the tanker contract" dates the GAO's ruling, not the
    contract award; "in March and June to unveil the iPad 2 and iCloud" dates each
    product respectively. That reading accuses nobody, so it wins over a flag -- except
    in a section whose heading names the chosen event: there a related event's date is
    the conflation the section invites (CONTRACTS §3)."""
    event, score, via, _ = choice
    if event is None or via == "heading" or fits(expr, event) is not False:
        return choice
    rest = [m for m in candidates if m.event.id != event.id]
    mine = next((m for m in candidates if m.event.id == event.id), None)
    if mine is not None and not mine.named:  # never to an event clearly less described
        rest = [m for m in rest if _evidence(m) >= _evidence(mine) - EVIDENCE_MARGIN]
    # A weak link (a paragraph topic, a loose description) never flags: any event the
    # sentence mentions at all that fits the date is a better reading of it.
    weak = via != "sentence" or score < STRONG_DESCRIPTION
    fitting = _fitting_description(expr, rest, MENTIONED if weak else FITTING_DESCRIPTION)
    if fitting is None:
        return choice
    return fitting.event, min(fitting.score, WEAK_LINK), "sentence", False


def _fitting_description(expr: TimeExpr, described: list[Match], floor: float) -> Match | None:
    """The best event described (scoring `floor` at least; from FITTING_DESCRIPTION on, by a
    keyword and an entity) whose time fits."""
    both = floor >= FITTING_DESCRIPTION
    return next(
        (
            m
            for m in sorted(described, key=lambda m: (-m.score, m.event.id))
            if m.score >= floor
            and (not both or (m.keywords and m.entities))
            and fits(expr, m.event)
        ),
        None,
    )


def _event_words(event: Event) -> set[str]:
    return {stem(w) for phrase in (*event.aliases, *event.keywords) for w in phrase.split()}


def _respectively(span: Span, times: list[Span], named: list[Match]) -> Match | None:
    """The event a coordinated time is paired with, in order: "in March and June to
    unveil the iPad 2 and the iCloud" dates the iPad 2 in March, iCloud in June. Only
    when the times are coordinated ("X and Y", "X, Y and Z") and as many different
    events are named after them."""
    text = _text(span)
    ordered = sorted(times, key=lambda t: t.start_char)
    group = [ordered[0]]
    for t in ordered[1:]:
        if AND.fullmatch(text, group[-1].end_char, t.start_char):
            group.append(t)
        elif any(g.start_char == span.start_char for g in group):
            break
        else:
            group = [t]
    if len(group) < 2 or not any(g.start_char == span.start_char for g in group):
        return None
    after = sorted(
        {m.event.id: m for m in named if m.start_char >= group[-1].end_char}.values(),
        key=lambda m: m.start_char,
    )
    if len(after) != len(group):
        return None
    return after[[g.start_char for g in group].index(span.start_char)]


def _evidence(match: Match) -> float:
    """Keywords and entities found, uncapped (scores cap at DESCRIBED_MAX)."""
    return match.keywords + match.entities


def _distance(match: Match, span: Span) -> int:
    if match.start_char < 0:
        return 10**9
    if match.end_char <= span.start_char:
        return span.start_char - match.end_char
    return max(0, match.start_char - span.end_char)


def _shift(expr: TimeExpr, offset: int) -> TimeExpr:
    if not offset:
        return expr
    return replace(expr, start_char=expr.start_char + offset, end_char=expr.end_char + offset)
