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
sentences are parsed, in one batch per Doc. The verdicts read it (FC513 other-predicate),
and so does the choice between events that share a sentence (FC212 own-predicate).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..limits import (
    MAX_DOCUMENT_TIMES,
    MAX_PARSED_SENTENCES,
    MAX_SENTENCE_CHARS,
    MAX_SENTENCE_TIMES,
)
from ..pipeline import doc_text, is_masked, sentences_in, span_text
from ..rules import rule_id
from ..syntax import Attachment
from ..thresholds import DEFAULT, Thresholds
from ..timeline import Event
from ..timex import TimeExpr, interval_of
from .fitting import (
    as_day,
    at_time,
    days_apart,
    fits,
    is_checkable,
    may_claim,
    order_holds,
    upcoming,
    widened,
)
from .matching import LIGHT_PREDICATES, EventIndex, Match, event_names, event_stems, stem
from .wording import (
    AND,
    ANNIVERSARY,
    ANNIVERSARY_VERBS,
    BACKGROUND,
    BOUND,
    BYLINE,
    CHROME_BEFORE,
    COMPARISON,
    DATELINE_HEAD,
    DATELINE_TAIL,
    DELAYED,
    EARLIER,
    FISCAL_AFTER,
    FISCAL_BEFORE,
    FORECAST,
    MAINTENANCE_TAG,
    NEWS,
    ORDER,
    ORDER_RELATION,
    PASSIVE,
    PRONOUN_START,
    RANKING,
    REFERENCE_ENTRY,
    REPORTING,
    RESULTS_FOR,
    SHARED_SUBJECT,
    clause,
    clause_starts,
    few_words,
    names_in,
    premodified,
    quoted,
)

if TYPE_CHECKING:
    from ..syntax.parser import SyntaxParser
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
    trace: tuple[str, ...] = ()  # codes of the rules that decided it so far (rules.py)
    syntax: Attachment | None = None  # where the time attaches; None: sentence not parsed
    # order claims: the distance the text states ("two years" in "two years after X")
    gap: TimeExpr | None = None


@dataclass(frozen=True)
class Skipped:
    """A time expression set aside: no claim, and the rule that set it aside."""

    time: TimeExpr
    sentence: str
    sentence_start: int
    rule: str  # a skip rule's code


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
    block_start: int = 0  # where the current paragraph begins (quotations run over sentences)
    too_long: int = 0  # times in sentences skipped as too long (`too_long`)
    times_seen: int = 0  # time expressions met so far in the document
    too_many: int = 0  # times past the document's limit (`max_times`), not checked
    unchecked_from: int | None = None  # where the pieces left unread after the limit begin
    max_times: int = MAX_DOCUMENT_TIMES  # limits.document_times of the document's length

    topic_window: int = DEFAULT.topic_window

    def topic(self) -> tuple[Event | None, str]:
        """The event the text is about here: named in the paragraph a sentence or two
        ago, or by the section heading (not the title: an article's background is not
        about the event of its title)."""
        in_section = self.heading is not self.title
        named = [m.event for m in self.heading if m.named] if in_section else []
        section = named[0] if named else None
        if self.paragraph_topic is not None and self.topic_age <= self.topic_window:
            if section is not None and section.id == self.paragraph_topic.id:
                return section, "heading"
            return self.paragraph_topic, "paragraph"
        return (section, "heading") if section else (None, "")

    def antecedent(self) -> tuple[str, ...]:
        """Who "he", "it" or "the airline" at the start of a sentence most likely is: an
        entity of the paragraph's topic (else of the title's events) that the previous
        sentence or the title names, else the topic's main (first) entity."""
        topical = self.paragraph_topic is not None and self.topic_age <= self.topic_window
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
        thresholds: Thresholds = DEFAULT,
        *,
        syntax: SyntaxParser | None = None,
        flags_only: bool = False,
    ) -> None:
        self.index = index
        self.flags_only = flags_only  # parse only the sentences of claims that could flag
        self.t = thresholds
        self.min_score = thresholds.min_score
        self.syntax = syntax

    def _with_syntax(
        self, doc: Doc, claims: list[Claim | Skipped], offset: int
    ) -> list[Claim | Skipped]:
        """The claims tied to an event (or an order claim's anchor), with where their
        time expression attaches: their sentences are parsed, in one batch; the others
        are left unparsed."""
        if self.syntax is None:
            return claims
        flaggable: list[Claim] = []
        shown: list[Claim] = []
        for c in claims:
            if not isinstance(c, Claim):
                continue
            if may_flag(c):
                flaggable.append(c)
            elif not self.flags_only and (c.event is not None or c.anchor is not None):
                shown.append(c)
        # the claims whose verdict reads the parse first; the others, shown only, within
        # the limit of sentences parsed for display (limits.MAX_PARSED_SENTENCES)
        wanted = flaggable + shown[: max(0, MAX_PARSED_SENTENCES - len(flaggable))]
        if not wanted:
            return claims
        sentences = {
            id(c): (c.sentence_start - offset, c.sentence_start - offset + len(c.sentence))
            for c in wanted
        }
        self.syntax.prepare(doc, list(sentences.values()))
        out = []
        for c in claims:
            if isinstance(c, Claim) and id(c) in sentences:
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
        return [c for c in self.extract_all(doc, offset, context) if isinstance(c, Claim)]

    def extract_all(
        self, doc: Doc, offset: int = 0, context: Context | None = None
    ) -> list[Claim | Skipped]:
        """Claims of one Doc, and the time expressions set aside (`Skipped`)."""
        context = context or Context(topic_window=self.t.topic_window)
        named = self.index.named_in(doc)
        claims: list[Claim | Skipped] = []
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
    ) -> list[Claim | Skipped]:
        first = context.blocks_seen == 0
        context.blocks_seen += 1
        context.block_start = block.start_char
        context.paragraph_topic = None
        if block.label_ == "heading":
            matches = self._matches(block, named)
            context.heading = [
                m for m in matches if m.score >= self.min_score and not self._is_anchor(block, m)
            ]
            if first:
                context.title = context.heading
                context.title_text = span_text(block).lower()
        claims: list[Claim | Skipped] = []
        starts = [t.start for t in times]
        for sent in sentences_in(doc, block):
            if is_masked(sent):  # it names no event and holds no time (focus.py)
                context.topic_age += 1
                context.recent = span_text(sent).lower()
                continue
            sent_times = times[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            # bounded work: every time expression met counts against the document's limit,
            # those of sentences too long to check too (a page of nothing but dates)
            if context.times_seen + len(sent_times) > context.max_times:
                context.too_many += len(sent_times)
                context.topic_age += 1
                context.recent = ""
                continue
            context.times_seen += len(sent_times)
            if too_long(sent, len(sent_times)):  # bounded work: no pairs of its times
                # its first times are listed; the warning counts them all (checker.py)
                listed = sent_times[:MAX_SENTENCE_TIMES]
                claims.extend(_too_long(sent, t, offset) for t in listed)
                context.too_long += len(sent_times)
                context.topic_age += 1
                context.recent = ""
                continue
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
        window = self.t.anchor_window
        before = _text(sent)[max(sent.start_char, match.start_char - window) : match.start_char]
        return ORDER.search(before) is not None

    def _sentence(
        self,
        sent: Span,
        times: list[Span],
        matches: list[Match],
        offset: int,
        context: Context,
    ) -> list[Claim | Skipped]:
        text = span_text(sent)
        start = sent.start_char + offset
        claims: list[Claim | Skipped] = []
        anchors = [m for m in matches if self._is_anchor(sent, m)]
        anchor_ids = {m.event.id for m in anchors}
        if anchors:  # the words naming an anchor describe it, not the sentence's other events
            mask = [(m.start_char, m.end_char) for m in anchors]
            matches = self.index.match(sent, mask=mask, present=context.present)
        candidates = [m for m in matches if m.event.id not in anchor_ids]
        others = [m for m in candidates if m.score >= self.min_score]
        for anchor in anchors:
            claims.append(self._order_claim(sent, anchor, others, offset, context, times))
        dated = any(may_claim(as_day(t._.timex)) for t in times)
        for span in times:
            expr: TimeExpr = as_day(span._.timex)
            trace: list[str] = []
            head = span.start_char - sent.start_char
            if expr.relation == "until" and DELAYED.search(text, 0, head):
                expr = at_time(expr)  # "delayed until April 2008": it happens in April 2008
                trace.append(DELAYED_UNTIL)
            in_quote = quoted(sent, span, context.block_start)
            skip = NOT_A_DATE if not is_checkable(expr) else self._skip(sent, span, expr, context)
            if skip is None and in_quote and expr.relative and not _YEAR.search(expr.text):
                skip = QUOTED_RELATIVE  # "not exist today", said when? the text need not say
            if skip is not None:
                # durations and the like are listed in dated sentences only: those are the
                # sentences every pipeline reads (focus.py masks the others)
                if skip != NOT_A_DATE or dated:
                    claims.append(Skipped(_shift(expr, offset), text, start, skip))
                continue
            shifted = _shift(expr, offset)
            expr = widened(shifted, context.reference)
            if (expr.start, expr.end) != (shifted.start, shifted.end):
                trace.append(MODIFIED)
            kind = "weekday" if expr.weekday is not None and expr.start is None else "date"
            if kind == "weekday":
                trace.append(WEEKDAY_CLAIM)
            forecast = self._forecast(sent, span)
            if forecast:
                trace.append(FORECAST_WORDING)
            if premodified(span) is not None:
                trace.append(PREMODIFIED)  # "the 1991 agreement": events of that noun only
            dating = _dated_anchor(sent, span, anchors) if expr.relation == "at" else None
            if dating is not None:  # "after the collapse of Mt. Gox in February 2014"
                event, score, via, named = dating.event, dating.score, "sentence", True
                link = ANCHOR_DATE
            else:
                chosen = self._choose(expr, span, sent, times, others, context)
                event, score, via, named, link = chosen
            if _in_name(span, event, others):  # "the 2024 warmest year on record": a name
                claims.append(Skipped(shifted, text, start, DATE_IN_NAME))
                continue
            trace.append(link)
            choice = (
                _prefer_fitting(expr, (event, score, via, named), candidates, self.t)
                if link != ANCHOR_DATE
                else (event, score, via, named)
            )
            if choice[0] is not event:
                if (
                    event is not None
                    and choice[0] is not None
                    and (self._predicate_owner(sent, span, [event, choice[0]]) is event)
                ):
                    if OWN_PREDICATE not in trace:  # "the merger was completed on ..."
                        trace.append(OWN_PREDICATE)
                else:
                    trace.append(ABSORBED)
                    event, score, via, named = choice
            elif via == "heading" and event is not None and fits(expr, event) is False:
                # a section about X: its dates are X's, unless the verb a date modifies
                # is another event's that the date fits ("Exams were called off on 18
                # March 2020" under a heading about the results day)
                own = self._fitting_owner(
                    expr, sent, span, event, candidates, self._predicate_owner
                )
                if own is not None:
                    trace.append(OWN_PREDICATE)
                    event, score, via, named = _switched_to(own, self.t)
            if event is not None and fits(expr, event) is False and ABSORBED not in trace:
                # "Alex Honnold climbed El Capitan on 3 June 2017": the words may describe
                # another ascent, the subject is the climber of the one the date fits
                own = self._fitting_owner(expr, sent, span, event, candidates, self._subject_owner)
                if own is not None:
                    trace.append(OWN_SUBJECT)
                    event, score, via, named = _switched_to(own, self.t)
            in_year = _in_year_of(expr, event) if event is not None and via == "sentence" else None
            if in_year is not None:
                expr = in_year  # "on August 25" of the event named: the event's year is meant
                trace.append(YEAR_UNSTATED)
            clear = (
                event is not None
                and via == "sentence"
                and fits(expr, event) is False
                and (not forecast or upcoming(event, context.reference))
                # a year taken from the event (FC304) is the event's only if the text
                # names it or the date modifies the event's own verb (FC212): a mere
                # description may be of another year's event of its kind
                and (named or YEAR_UNSTATED not in trace or OWN_PREDICATE in trace)
                and self._clear(sent, span, event, named, score, context.present)
            )
            if clear:
                trace.append(CLEAR_NAME if named else CLEAR_DESCRIPTION_RULE)
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
                    quoted=in_quote,
                    alternatives=tuple(
                        m for m in others if event is None or m.event.id != event.id
                    ),
                    topics=context.topics(),
                    trace=tuple(trace),
                )
            )
        return claims

    def _fitting_owner(
        self,
        expr: TimeExpr,
        sent: Span,
        span: Span,
        chosen: Event,
        candidates: list[Match],
        owner: Callable[[Span, Span, list[Event]], Event | None],
    ) -> Match | None:
        """An event the sentence mentions, that the date fits, and that `owner` (the
        verb's owner, `_predicate_owner`, or the subject's, `_subject_owner`) tells
        apart from the `chosen` one."""
        for m in sorted(candidates, key=lambda m: (-m.score, m.event.id)):
            if m.event.id == chosen.id or not fits(expr, m.event):
                continue
            if owner(sent, span, [chosen, m.event]) is m.event:
                return m
        return None

    def _adverbial(self, sent: Span, span: Span) -> Attachment | None:
        """Where the time attaches (its sentence parsed), when it is an adverbial of its
        verb (`ADVERBIAL`): "completed on May 4", not "the 2020 conviction"."""
        if self.syntax is None:
            return None
        found = self.syntax.attach(
            span.doc, (sent.start_char, sent.end_char), (span.start_char, span.end_char)
        )
        if found is None or len(found.path) != 1 or found.path[0] not in ADVERBIAL:
            return None
        return found

    def _subject_owner(self, sent: Span, span: Span, events: list[Event]) -> Event | None:
        """The one event of `events` among whose entities is the proper name that is the
        subject of the verb the time is an adverbial of: its full name, its surname or
        all its words ("Alex Honnold", "Honnold")."""
        found = self._adverbial(sent, span) if len(events) > 1 else None
        if found is None or not found.subject:
            return None
        name = found.subject.lower()
        words = {stem(w) for w in _NAME_WORD.findall(found.subject)}
        owners = [
            e
            for e in events
            if any(
                full == name or (surname is not None and surname in words) or words <= stems
                for full, stems, surname, _ in self.index.entity_words[e.id]
            )
        ]
        return owners[0] if len(owners) == 1 else None

    def _predicate_owner(self, sent: Span, span: Span, events: list[Event]) -> Event | None:
        """The one event of `events` whose keywords or name hold the verb the time is an
        adverbial of (its sentence parsed; `ADVERBIAL`), if only one does: "the merger
        with US Airways was completed on February 14, 2013" dates a completion, not the
        announcement that fits the date. A verb that only says something happened
        ("took place", "began") tells none."""
        found = self._adverbial(sent, span) if len(events) > 1 else None
        if found is None:
            return None  # "overturned Weinstein's 2020 conviction": 2020 dates the noun
        head = stem(found.head)
        if head in LIGHT_PREDICATES:
            return None
        owners = [e for e in events if head in event_names(e)]
        if len(owners) != 1:
            return None
        # the others' summaries must not tell of it either ("files a second suit")
        others = (e for e in events if e is not owners[0])
        return None if any(head in event_stems(e) for e in others) else owners[0]

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
            return score >= self.t.strong_description
        window = self.t.ranking_window
        before = _text(sent)[max(sent.start_char, span.start_char - window) : span.start_char]
        if RANKING.search(before.rsplit(",", 1)[-1]):
            return False  # "the No. 2 music retailer in 2007": a standing, not an event
        mask = _outside_clause(sent, span, shared_subject=True)
        return any(
            m.event.id == event.id
            and m.score >= self.t.clear_description
            and m.keywords
            and m.entities
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

    def _skip(self, sent: Span, span: Span, expr: TimeExpr, context: Context) -> str | None:
        """Datelines, and dates of a report about something earlier ("stated on Thursday
        that it had signed"), are not claims about events. A report of news ("announced
        Monday it has settled") dates the news: that one is kept. The code of the rule
        that sets the time aside, or None."""
        text = _text(sent)
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line_end = len(text) if line_end == -1 else line_end
        t = self.t
        if few_words(text, 3, (line_start, span.start_char), (span.end_char, line_end)) or (
            BYLINE.match(text, line_start, span.start_char)
            and few_words(text, 3, (span.end_char, line_end))
        ):
            return DATE_LINE  # a date line or byline: when the article was written
        if (
            REFERENCE_ENTRY.match(text, line_start)
            or CHROME_BEFORE.search(text, max(line_start, span.start_char - 40), span.start_char)
            or (
                MAINTENANCE_TAG.search(text, max(line_start, span.start_char - 3), span.start_char)
                and text.startswith(")", span.end_char)
            )
        ):
            return PAGE_CHROME  # a reference list, a caption, a maintenance tag
        if DATELINE_HEAD.match(text, line_start, span.start_char) and DATELINE_TAIL.match(
            text, span.end_char, line_end
        ):
            return DATELINE  # "MINSK, July 29, 2023 (Reuters) - ...": the story's dateline
        if _anniversary(sent, expr, context.reference):
            return ANNIVERSARY_DAY  # "Glyndebourne today marks the 90th anniversary of"
        before = text[sent.start_char : span.start_char]
        if FISCAL_BEFORE.search(before[-t.fiscal_window :]) or FISCAL_AFTER.match(
            text, span.end_char, span.end_char + 30
        ):
            return FISCAL  # "the first quarter of the fiscal year": not the calendar's
        if REPORTING_PERIOD.search(span._.timex.value) or RESULTS_FOR.search(
            before[-t.results_window :]
        ):
            return FISCAL  # "a second-quarter loss", "a profit for 2022": what results are about
        if BOUND.search(before[-t.bound_window :]):
            return BOUNDED
        if COMPARISON.search(before[-t.comparison_window :]):
            return BASELINE  # "up 28% compared to the previous year": a baseline, no event
        window = before[-t.report_window :]
        report = REPORTING.search(window)
        if report and not PASSIVE.search(before[: len(before) - len(window) + report.start()]):
            # "said on Thursday that ...": what was said?
            said = text[span.end_char : min(sent.end_char, span.end_char + 80)]
            if not NEWS.search(said) or EARLIER.search(said) is not None:
                return REPORT_DATE
        return None

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
    ) -> tuple[Event | None, float, str, bool, str]:
        """(event, link score, how it was found, named?, the link rule's code) for one time
        expression."""
        t = self.t
        head = premodified(span)
        if head is not None:  # "the 1991 agreement" dates an agreement: only such events
            others = [m for m in others if head & _event_words(m.event)]
            if not others:
                return None, 0.0, "sentence", False, DESCRIBED
        described = [m for m in others if not m.named]
        named = [m for m in others if m.named]
        respective = _respectively(span, times, named)
        if respective is not None:  # "in March and June to unveil the iPad 2 and iCloud"
            return respective.event, respective.score, "sentence", True, RESPECTIVELY
        if named:
            clauses = clause_starts(sent)
            ranked = sorted(
                ((self._owns(m, span, times, clauses), m) for m in named),
                key=lambda x: (not x[0], _distance(x[1], span), x[1].event.id),
            )
            strong, best = ranked[0]
            if not fits(expr, best.event):  # the date may be another named event's
                other = next((m for _, m in ranked[1:] if fits(expr, m.event)), None)
                if other is not None and (
                    self._predicate_owner(sent, span, [best.event, other.event]) is best.event
                ):
                    return best.event, best.score, "sentence", True, OWN_PREDICATE
                if other is not None:
                    return (
                        other.event,
                        min(other.score, t.weak_link),
                        "sentence",
                        True,
                        NAMED_FITTING,
                    )
            if strong or not any(
                m.score >= t.strong_description and self._in_clause(sent, span, m)
                for m in described
            ):
                score = best.score if strong else min(best.score, t.weak_link)
                link = NAMED_IN_CLAUSE if strong else NAMED_ELSEWHERE
                return best.event, score, "sentence", True, link
            # the name is in another clause, and the date's own clause describes an event
            # clearly: "X has fought cancer since 2004 and has been on leave since March"
        topic, via = context.topic()
        if topic is not None and not BACKGROUND.search(span_text(sent)):
            clear = [
                m for m in described if m.score >= t.strong_description and m.event.id != topic.id
            ]
            if via == "heading":  # a section about the topic: only an unrelated event overrides
                clear = [
                    m
                    for m in clear
                    if m.event.id not in topic.confused_with
                    and topic.id not in m.event.confused_with
                ]
            if not clear:
                link = HEADING_TOPIC if via == "heading" else PARAGRAPH_TOPIC
                return topic, t.named_topic_score, via, True, link
        if context.reference is not None and not self._forecast(sent, span):
            # a report describes what has happened: not an event later than its date
            described = [m for m in described if m.event.start <= context.reference]
        near = self._ranked(described, context, t.near_margin)
        tied = [x for x in near if x[0] >= near[0][0] - t.tie_margin] if near else []
        if not tied:
            return None, 0.0, "sentence", False, DESCRIBED
        # the date may pick among equals, not over an event described with clearly more
        # evidence ("lost its court case ... in the High Court" is the ruling, not the trial)
        strongest = max(_evidence(x[1]) for x in tied)
        fitting = next(
            (
                x
                for x in tied
                if fits(expr, x[1].event) and _evidence(x[1]) >= strongest - t.evidence_margin
            ),
            None,
        )
        link = DESCRIBED if fitting is None or len(tied) == 1 else DESCRIBED_FITTING
        own = [
            x
            for x in near
            if x[2] == "sentence" and _evidence(x[1]) >= strongest - t.evidence_margin
        ]
        rivals = {x[1].event.id: x for x in (*tied, *own)}
        owner = self._predicate_owner(sent, span, [x[1].event for x in rivals.values()])
        if owner is not None:  # the verb the date modifies tells which event it dates
            score, best, via = rivals[owner.id]
            return owner, score, via, False, OWN_PREDICATE
        if fitting is None and own:  # a misdating is likelier small than large: the nearest
            fitting = min(own, key=lambda x: (days_apart(expr, x[1].event), x[1].event.id))
            link = DESCRIBED_NEAREST if len(own) > 1 else DESCRIBED
        fitting = fitting or tied[0]
        score, best, via = fitting
        return best.event, score, via, False, link

    def _ranked(
        self, described: list[Match], context: Context, margin: float | None = None
    ) -> list[tuple[float, Match, str]]:
        """The best described candidates (within TIE_MARGIN of the top), best first: the
        sentence's own, with a bonus for events the title or heading are about, then those
        of the title or heading alone, at a discount."""
        margin = self.t.tie_margin if margin is None else margin
        bonus_ids, bonus = context.bonus_ids(), self.t.context_bonus
        pool = [
            (min(100.0, m.score + (bonus if m.event.id in bonus_ids else 0.0)), m, "sentence")
            for m in described
        ]
        seen = {m.event.id for m in described}
        for m in (*context.heading, *context.title):
            if m.event.id not in seen and m.score - bonus >= self.min_score:
                seen.add(m.event.id)
                pool.append((m.score - bonus, m, "context"))
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
        times: list[Span],
    ) -> Claim:
        doc_text = _text(sent)
        m = ORDER.search(
            doc_text[
                max(sent.start_char, anchor.start_char - self.t.anchor_window) : anchor.start_char
            ]
        )
        if m is None:  # pragma: no cover - callers pass anchors found by _is_anchor
            raise ValueError("not an order phrase")
        phrase_start = max(sent.start_char, anchor.start_char - len(m.group(0)))
        word = m.group(0).lower()
        relation = next((r for k, r in ORDER_RELATION.items() if k in word), "after")
        gap = _stated_gap(doc_text, times, phrase_start) if relation != "since" else None
        if gap is not None:  # "two years after the collapse": the distance is claimed too
            phrase_start = gap.start_char
            gap = _shift(gap, offset)
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
        subject, score, via, link = self._subject(expr, anchor, others, context)
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
            trace=(ORDER_PHRASE, link),
            gap=gap,
        )

    def _subject(
        self,
        expr: TimeExpr,
        anchor: Match,
        others: list[Match],
        context: Context,
    ) -> tuple[Event | None, float, str, str]:
        """The event an order claim is about: (event, score, via, the link rule's code)."""
        named = [m for m in others if m.named]
        if named:
            return named[0].event, named[0].score, "sentence", NAMED_IN_CLAUSE
        tied = self._ranked(
            [m for m in others if not m.named and m.event.id != anchor.event.id], context
        )
        if not tied:
            topic, via = context.topic()
            if topic is not None and topic.id != anchor.event.id:
                link = HEADING_TOPIC if via == "heading" else PARAGRAPH_TOPIC
                return topic, self.t.named_topic_score, via, link
            return None, 0.0, "sentence", DESCRIBED
        fitting = sorted(
            (x for x in tied if order_holds(expr.relation, x[1].event, anchor.event)),
            key=lambda x: (abs((x[1].event.start - anchor.event.start).days), x[1].event.id),
        )
        score, best, via = (fitting or tied)[0]
        link = DESCRIBED_FITTING if fitting and len(tied) > 1 else DESCRIBED
        return best.event, score, via, link


# The rules this module decides by (rules.py has their documentation and examples).
NOT_A_DATE = rule_id("not-a-date")
DATE_LINE = rule_id("date-line")
DATELINE = rule_id("dateline")
PAGE_CHROME = rule_id("page-chrome")
QUOTED_RELATIVE = rule_id("quoted-relative")
TOO_LONG = rule_id("too-long")
DATE_IN_NAME = rule_id("date-in-name")
FISCAL = rule_id("fiscal-period")
# A quarter or half of a year ("2024-Q2", "2023-H1"): the period a company reports on,
# not when anything it reports happened ("reported a second-quarter loss on Aug. 1").
REPORTING_PERIOD = re.compile(r"-(?:Q[1-4]|H[12])$")
BOUNDED = rule_id("bound")
ANNIVERSARY_DAY = rule_id("anniversary")
BASELINE = rule_id("comparison-baseline")
REPORT_DATE = rule_id("report-date")
FORECAST_WORDING = rule_id("forecast-wording")
DELAYED_UNTIL = rule_id("delayed-until")
YEAR_UNSTATED = rule_id("year-unstated")
MODIFIED = rule_id("modified-time")
ORDER_PHRASE = rule_id("order-phrase")
WEEKDAY_CLAIM = rule_id("weekday-claim")
NAMED_IN_CLAUSE = rule_id("named-in-clause")
NAMED_ELSEWHERE = rule_id("named-elsewhere")
NAMED_FITTING = rule_id("named-fitting-other")
RESPECTIVELY = rule_id("respectively")
PARAGRAPH_TOPIC = rule_id("paragraph-topic")
HEADING_TOPIC = rule_id("heading-topic")
DESCRIBED = rule_id("described")
DESCRIBED_FITTING = rule_id("described-fitting")
DESCRIBED_NEAREST = rule_id("described-nearest")
PREMODIFIED = rule_id("premodified-noun")
ABSORBED = rule_id("absorbed-by-fitting")
OWN_PREDICATE = rule_id("own-predicate")
OWN_SUBJECT = rule_id("own-subject")
ANCHOR_DATE = rule_id("anchor-date")
_NAME_WORD = re.compile(r"[^\W\d_]+")
CLEAR_NAME = rule_id("clear-name")
CLEAR_DESCRIPTION_RULE = rule_id("clear-description")


# Dependency relations of a time that modifies its verb directly ("completed on May 4",
# "completed last week"): the verb is what it dates. A time inside a noun phrase ("the
# 2020 conviction", "the vote of May 4") dates the noun, not the verb above it.
ADVERBIAL = frozenset({"obl", "obl:tmod", "obl:npmod", "advmod", "nmod:tmod", "npadvmod"})

TOO_LONG_CONTEXT = 240  # characters either side of a time skipped as too long


def too_long(sent: Span, n_times: int) -> bool:
    """Is a sentence past the limits of `limits.py` (too many times, too many characters)?"""
    return n_times > MAX_SENTENCE_TIMES or sent.end_char - sent.start_char > MAX_SENTENCE_CHARS


def _too_long(sent: Span, time: Span, offset: int) -> Skipped:
    """A time of a too-long sentence, skipped with the words around it (not the whole
    sentence: a megabyte for each of its times would make the report quadratic)."""
    start = max(sent.start_char, time.start_char - TOO_LONG_CONTEXT)
    end = min(sent.end_char, time.end_char + TOO_LONG_CONTEXT)
    text = _text(sent)[start:end]
    return Skipped(_shift(as_day(time._.timex), offset), text, start + offset, TOO_LONG)


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


def _prefer_fitting(
    expr: TimeExpr, choice: Choice, candidates: list[Match], t: Thresholds = DEFAULT
) -> Choice:
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
        rest = [m for m in rest if _evidence(m) >= _evidence(mine) - t.evidence_margin]
    # A weak link (a paragraph topic, a loose description) never flags: any event the
    # sentence mentions at all that fits the date is a better reading of it.
    weak = via != "sentence" or score < t.strong_description
    floor = t.mentioned if weak else t.fitting_description
    fitting = _fitting_description(expr, rest, floor, t.fitting_description)
    if fitting is None:
        return choice
    return _switched_to(fitting, t)


# between an order phrase's event and a date of it: "after the collapse of Mt. Gox in
# February 2014", "since the Ghouta attack on 21 August 2013"; not a comma ("a year after
# Amundsen reached the Pole, on 14 December 1912, ...": the sentence's own date)
_ANCHOR_GAP = re.compile(r"[ \t]+(?:(?:on|in|of|during|at)[ \t]+)?(?:the[ \t]+)?")


def _anniversary(sent: Span, expr: TimeExpr, reference: date | None) -> bool:
    """Does the time date an anniversary the sentence tells ("Ukraine marks 35 years
    today since the reactor exploded", "LBC marked half a century on air on Sunday")?
    The sentence keeps one (mark, celebrate, commemorate ... an anniversary, "forty
    years since", "half a century"), and the time is the text's present: a relative
    time ("today", "this weekend") or a date within `ANNIVERSARY_DAYS` of the
    document's. A date of the past in the same sentence is the event's ("the serial
    that first went out on 29 May 1950 marks the anniversary", "the fifth anniversary
    of its opening on October 10, 2016")."""
    text = span_text(sent)
    if not ANNIVERSARY.search(text) or not any(
        stem(w) in ANNIVERSARY_VERBS for w in _NAME_WORD.findall(text)
    ):
        return False
    if reference is None or expr.start is None or expr.end is None:
        return expr.relative
    near = timedelta(days=ANNIVERSARY_DAYS)
    return expr.start - near <= reference and reference <= expr.end + near


ANNIVERSARY_DAYS = 7  # an anniversary marked "on Sunday" is of the week the text is


def _stated_gap(text: str, times: list[Span], phrase_start: int) -> TimeExpr | None:
    """The duration right before an order phrase ("two years" in "two years after the
    collapse", "70 years" in "70 years to the day after"), if the tagger found one."""
    for span in times:
        expr: TimeExpr = span._.timex
        if (
            expr.type == "DURATION"
            and span.end_char <= phrase_start
            and _GAP_JOIN.fullmatch(text, span.end_char, phrase_start)
        ):
            return replace(expr, text=text[span.start_char : phrase_start].strip())
    return None


_GAP_JOIN = re.compile(r"\s*(?:to the day\s*)?", re.IGNORECASE)


def _dated_anchor(sent: Span, span: Span, anchors: list[Match]) -> Match | None:
    """The event of an order phrase ('after', 'since', ...) that the time follows
    directly, in the same phrase: the time dates that event, not the sentence's."""
    text = _text(sent)
    for m in anchors:
        if m.end_char <= span.start_char and _ANCHOR_GAP.fullmatch(
            text, m.end_char, span.start_char
        ):
            return m
    return None


def _switched_to(match: Match, t: Thresholds) -> Choice:
    """The choice of `match`'s event, taken from the sentence for the date's sake: a
    weak link at most, never one that names it."""
    return match.event, min(match.score, t.weak_link), "sentence", False


def _fitting_description(
    expr: TimeExpr, described: list[Match], floor: float, both_from: float
) -> Match | None:
    """The best event described (scoring `floor` at least; from `both_from` on, by a
    keyword and an entity) whose time fits."""
    both = floor >= both_from
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
    if not _RESPECTIVELY.search(text, group[-1].end_char, span.sent.end_char):
        # without "respectively" the order is no claim: "in 2017 and 2018, including the
        # Camp Fire and the Tubbs Fire" pairs each year with the fire it fits, if only one
        expr = span._.timex
        fitting = [m for m in after if fits(as_day(expr), m.event)]
        if len(fitting) == 1:
            return fitting[0]
    return after[[g.start_char for g in group].index(span.start_char)]


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _in_name(span: Span, event: Event | None, matches: list[Match]) -> bool:
    """Is the time part of the words that name its event ("2015" in "the 2015 Belarusian
    presidential election", an alias with a year in it): an alias of the event holds
    the time's words, and the words naming it in the sentence hold the time?"""
    if event is None or not any(
        m.named
        and m.event.id == event.id
        and m.start_char <= span.start_char
        and span.end_char <= m.end_char
        for m in matches
    ):
        return False
    words = re.compile(rf"(?<!\w){re.escape(span_text(span))}(?!\w)", re.IGNORECASE)
    return any(words.search(alias) for alias in event.aliases)


def _evidence(match: Match) -> float:
    """Keywords and entities found, uncapped (scores cap at DESCRIBED_MAX)."""
    return match.keywords + match.entities


def _distance(match: Match, span: Span) -> int:
    if match.start_char < 0:
        return 10**9
    if match.end_char <= span.start_char:
        return span.start_char - match.end_char
    return max(0, match.start_char - span.end_char)


_YEAR = re.compile(r"\d{4}|'\d\d\b")
_DATED = re.compile(r"\d{4}-\d\d(?:-\d\d)?\Z")


def may_flag(claim: Claim) -> bool:
    """Could the claim be flagged (its verdict may read its syntax)? Its date misses the
    event its sentence links clearly, or it states a distance between two events."""
    if claim.kind == "order":
        return claim.gap is not None and claim.event is not None and claim.via == "sentence"
    return (
        claim.event is not None
        and claim.via == "sentence"
        and claim.clear
        and fits(claim.time, claim.event) is False
    )


def _in_year_of(expr: TimeExpr, event: Event) -> TimeExpr | None:
    """A date whose year the text leaves to the reader ("on August 25"), in the year of
    the event it dates; None when the year is stated, or the event spans years."""
    if not expr.year_guessed or not _DATED.match(expr.value):
        return None
    year = event.start.year
    if event.last.year != year or expr.value[:4] == f"{year:04d}":
        return None
    start, end, _ = interval_of(f"{year:04d}{expr.value[4:]}")
    if start is None or end is None:
        return None
    return replace(expr, value=f"{year:04d}{expr.value[4:]}", start=start, end=end)


def _shift(expr: TimeExpr, offset: int) -> TimeExpr:
    if not offset:
        return expr
    return replace(expr, start_char=expr.start_char + offset, end_char=expr.end_char + offset)
