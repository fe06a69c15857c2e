"""What the wording around a time says: reports, forecasts, datelines, comparisons and
bounds; clauses, premodified nouns, pronouns and quotation marks.

Regular expressions and small functions over the document's text, used by extract.py
to decide which times are claims and which words of a sentence belong to them."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..pipeline import doc_text, span_text
from .matching import STOPWORDS, stem

ORDER = re.compile(
    r"\b(?:for the first time since|ever since|since|after|following|"
    r"before|prior to|ahead of|in the wake of|in the aftermath of)\s+(?:the\s+|last\s+|this\s+)?$",
    re.IGNORECASE,
)
REPORTING = re.compile(
    r"(?<!United\s)\b(?:said|says|say|announced|announces|told|tells|reported|reports|stated|states|"
    r"confirmed|confirms|added|adds|wrote|writes|tweeted|declared|claimed|denied|insisted)"
    r"(?:\s+\w+){0,2}\s+(?:on\s+|last\s+|this\s+|earlier\s+)?$",
    re.IGNORECASE,
)
FORECAST = re.compile(
    r"\b(?:will|shall|(?:is|are|was|were) expected|expected to|scheduled|slated|"
    r"(?:is|are)(?: not)? due|not (?:due|expected) (?:until|before)|"
    r"due to (?:be|open|start|begin|enter|take|arrive|launch|fly)|"
    r"plans? to|planned|planning to|(?:is|are) set to|intends? to|to take place|would be held|"
    r"forecast|predicted|aims? to|hopes? to)\b",
    re.IGNORECASE,
)
# What a report dates as news: the present, perfect or future ("it has settled", "it is
# exercising", "will offer"), not the simple past ("the mutiny was over", "had signed").
NEWS = re.compile(
    r"^\W*(?:that\s+)?(?:\S+\s+){0,6}?(?:is|are|has|have|will|would|'s|'re|'ll)\b",
    re.IGNORECASE,
)
# A figure compared with a time ("up 50% compared to the previous year", "more than in
# 2006") dates the baseline of the comparison, not an event.
COMPARISON = re.compile(
    r"\b(?:compared (?:to|with)|in comparison (?:to|with)|than|versus|vs\.?|year-on-year|"
    r"(?:up|down|rise|rose|fell|increase|decrease|growth) (?:of \S+ )?(?:from|over|on))\s+"
    r"(?:that of\s+|those of\s+)?(?:in\s+|during\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# A company's fiscal periods are not calendar ones ("fiscal 2008", "the first quarter of
# the financial year"): such a time says nothing checkable about an event's date.
FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial)\s+$", re.IGNORECASE)
FISCAL_AFTER = re.compile(
    r"\s*(?:of\s+(?:the|its|their)\s+)?(?:fiscal|financial)\s+year", re.IGNORECASE
)
# Results for a period ("a record profit for 2022", "revenue for the year 2019"): the period
# the figures are about, not when anything was reported.
RESULTS_FOR = re.compile(
    r"\b(?:profits?|loss(?:es)?|earnings|revenues?|sales|results|income|turnover|"
    r"dividends?)\s+for\s+(?:the\s+(?:full\s+|calendar\s+)?year\s+)?$",
    re.IGNORECASE,
)
# "it was announced in February 2000": the announcing is the event, not a report of one.
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
EARLIER = re.compile(r"\b(?:had|earlier|previously|before)\b", re.IGNORECASE)
BACKGROUND = re.compile(
    r"\b(?:earlier|previously|prior|back in|in the past|years? (?:before|earlier)|had been|"
    r"not the first|once again|unrelated)\b",
    re.IGNORECASE,
)
# "delayed until April", "not due until December", "won't ship until May": the event
# happens at the time, not up to it.
DELAYED = re.compile(
    r"\b(?:delay\w*|postpon\w*|push(?:ed|es)? back|put off|defer\w*|not|n't|never)\b"
    r"[^.;:!?]{0,40}\s(?:until|till)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
WORDS = re.compile(r"[A-Za-z]{2,}")
DATELINE_HEAD = re.compile(r"\s*[A-Z][A-Za-z.'-]*(?:[ -][A-Z][A-Za-z.'-]*)*,\s*$")
DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*(?:[-–—]|$)")
# A rank or record over a period ("the No. 2 retailer in 2007", "the largest ... in 2019")
# dates a standing; a timeline dates the events that change it.
RANKING = re.compile(
    r"\b(?:No\.\s*\d+|number (?:one|two|three|\d+)|largest|biggest|top|leading|"
    r"best-selling|highest|lowest|most|least)\b",
    re.IGNORECASE,
)
PRONOUN_START = re.compile(
    r"\W*(?:(?i:he|she|it|his|her|its)|"
    r"[Tt]he\s+(?:[a-z-]+\s+)?(?:company|firm|airline|carrier|manufacturer|maker|planemaker|"
    r"corporation|group|agency|government|ministry|label|band|singer|team|club|"
    r"chief executive|executive|president|minister|leader))\b",
)
# "aware of it as early as a year ago", "as late as 2019": a bound, not the event's date
BOUND = re.compile(
    r"\b(?:as\s+(?:early|late|recently|far back|long ago)\s+as"
    r"|(?:go|goes|going|went|date|dates|dating|dated|stretch|stretches|stretching)\s+back\s+to"
    r")\s+$",
    re.IGNORECASE,
)  # "as early as 2019", "records going back to 1940": a bound, not the event's date
# An anniversary told: "marks the 90th anniversary of", "celebrates forty years since it
# reopened", "marked half a century on air". A time of the verb that tells it dates the
# anniversary, not the event (extract.py, FC111).
ANNIVERSARY = re.compile(
    r"\b(?:anniversary|centenary|centennial|bicentenary|jubilee)\b"
    r"|\b(?:\w+|\d+)\s+(?:years?|decades?)\b(?:\s+\w+){0,3}?\s+(?:since|after|to the day)\b"
    r"|\b(?:half a century|a century|a decade)\b",
    re.IGNORECASE,
)
ANNIVERSARY_VERBS = frozenset(
    stem(w) for w in "mark celebrate commemorate observe remember".split()
)
QUOTES = (('"', '"'), ("“", "”"), ("‘", "’"))
# Web-page chrome around prose, as pages are scraped: a reference list's entries
# ("[3] DeBoer v. Snyder ... (2014).", '2. "Title". Retrieved 3 May 2024.'), photo
# captions ("The court, pictured in 2023"), and maintenance tags after a sentence
# ("This article needs additional citations. (May 2024)").
REFERENCE_ENTRY = re.compile(r"\s*(?:\[\d{1,3}\]|\^|\d{1,3}\.\s*(?:\^|[\"“]))")
CHROME_BEFORE = re.compile(
    r"\b(?:pictured|photographed|retrieved|archived|accessed|(?:photo|image|file)\s*:)"
    r"(?:\s+\w+){0,3}\s+(?:in|on|from)?\s*$",
    re.IGNORECASE,
)
MAINTENANCE_TAG = re.compile(r"[.!?\]]\s*\($")
# A byline: "By the regional desk | November 15, 2022", "By Jane Roe — 3 May 2021": a line
# that opens with "By" and reaches the date over a separator, as pages print them.
BYLINE = re.compile(r"[ \t]*By\s+[^\n|·•—–]{1,60}[|·•—–][ \t]*(?:\w+,?[ \t]+)?$")
ORDER_RELATION = {
    "since": "since",
    "after": "after",
    "following": "after",
    "wake": "after",
    "aftermath": "after",
    "before": "before",
    "prior": "before",
    "ahead": "before",
}


def few_words(text: str, most: int, *ranges: tuple[int, int]) -> bool:
    """Do the ranges of text hold `most` words (`WORDS`) or fewer? (Counted no further.)"""
    count = 0
    for start, end in ranges:
        for _ in WORDS.finditer(text, start, end):
            count += 1
            if count > most:
                return False
    return True


CLAUSE_BREAK = re.compile(
    r"[;:]\s|\s[-–—]\s|,\s+(?=(?:but|and|while|which|who|whereas|although|though|when|where|"
    r"as|after|before|since|with)\b)|\s(?=(?:but|whereas|which|when)\s)|"
    r"\s(?=and\s+(?:has|have|had|is|are|was|were|will|would)\s)",
    re.IGNORECASE,
)
# A coordinated verb phrase shares the sentence's subject.
SHARED_SUBJECT = re.compile(r"and\s+(?:has|have|had|is|are|was|were|will|would)\s", re.IGNORECASE)
DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.IGNORECASE)
DOCUMENT_NOUNS = frozenset(
    "report reports memo memorandum statement interview letter article study survey poll "
    "note email e-mail column editorial filing blog podcast broadcast edition issue".split()
)
POSSESSIVE = re.compile(r"['’]s\s")
HEAD_WORDS = re.compile(r"^\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})")


def clause_starts(sent: Span) -> list[int]:
    """Document offsets where the sentence's clauses begin."""
    text = span_text(sent)
    return [sent.start_char] + [sent.start_char + m.end() for m in CLAUSE_BREAK.finditer(text)]


def clause(starts: list[int], offset: int) -> int:
    return sum(1 for s in starts if s <= offset) - 1


def premodified(span: Span) -> frozenset[str] | None:
    """The stemmed words of the noun a date modifies ("the 1991 agreement", "an April 2
    report", "Thursday's general election"), or None when the date modifies nothing. A
    document noun gives an empty set: such a date dates the document, like "said on
    Monday", and no event."""
    text = doc_text(span.doc)
    after = text[span.end_char : span.end_char + 62]
    possessive = POSSESSIVE.match(after)  # "Thursday's general election"
    if possessive:
        after = after[possessive.end() - 1 :]
    elif not DETERMINER.search(text[max(0, span.start_char - 8) : span.start_char]):
        return None
    head = HEAD_WORDS.match(after)
    if head is None:
        return None
    words = []
    for w in head.group(1).split():
        if w.lower() in STOPWORDS:
            break
        words.append(w)
    if not words or words[0].lower() in DOCUMENT_NOUNS:
        return frozenset()
    return frozenset(stem(w) for w in words)


AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:in\s+|on\s+)?$")


def names_in(entity: str, text: str) -> bool:
    """Does lowercased `text` hold the entity's name as whole words?"""
    name = entity.lower()
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        before_ok = at == 0 or not text[at - 1].isalnum()
        if before_ok and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def quoted(sent: Span, span: Span, since: int | None = None) -> bool:
    """Is `span` inside a quotation opened in its sentence, or since `since` (the start
    of its paragraph: a quotation runs over several sentences)?"""
    start = sent.start_char if since is None else min(since, sent.start_char)
    before = doc_text(sent.doc)[start : span.start_char]
    return any(
        before.count(o) > before.count(c) if o != c else before.count(o) % 2 == 1 for o, c in QUOTES
    )
