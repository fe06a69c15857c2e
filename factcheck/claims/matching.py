"""Finding the timeline events a piece of text is about.

Two kinds of evidence, scored 0-100:

- *naming*: an alias of the event occurs in the text ("the Wagner mutiny"),
  exactly (case-insensitive, PhraseMatcher) or nearly (rapidfuzz, for
  inflections and typos: "Wagner mutinies", "the Wager mutiny"), or its words,
  all spelt right, spread over a few words ("Apple on Friday launched a 3G
  version of its iPhone" for "iPhone 3G launch", scored lower);
- *describing*: the event's keywords ("arrested") and entities ("Wagner Group",
  "Belarus", or a distinctive word of one, "Lukashenko") occur in the text.

A token -> events index picks the candidate events, so a sentence is compared
only with events that share a word with it, not with the whole timeline.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import snowballstemmer
from rapidfuzz import fuzz, process
from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..pipeline import is_masked, span_text
from ..thresholds import (  # noqa: F401 - the matcher's weights live with the thresholds
    ACTORS_SCORE,
    DESCRIBED_MAX,
    ENTITY_WEIGHT,
    KEYWORD_WEIGHT,
    LOOSE_IN_ORDER,
    LOOSE_SCORE,
    LOOSE_WINDOW,
    NAMED,
    PARTIAL_ENTITY_WEIGHT,
    TYPO_MIN_LENGTH,
    TYPO_RATIO,
    WIDE_SCORE,
    WIDE_WINDOW,
)
from ..timeline import Event, Timeline

STOPWORDS = frozenset("the a an of in on at to for and by with from 's".split())
# Words too common to identify an entity on their own ("Group" of "Wagner Group").
GENERIC = frozenset(
    """
group president prime minister palace saint city republic state states united union
national people party government army forces force ministry the of and new north south
east west central federal region oblast international company news agency council
""".split()
)  # noqa: SIM905
_WORD = re.compile(r"[\w'-]+")
_LETTER = re.compile(r"[^\W\d_]")


def naming_aliases(event: Event) -> tuple[str, ...]:
    """The aliases that can name the event: those with a letter ("2021" of a flow list
    `[Consolidated Appropriations Act, 2021]` names nothing but a year)."""
    return tuple(a for a in event.aliases if _LETTER.search(a))


# `_WORD` for an ASCII text, where \w is these characters: a range test per character
# instead of a Unicode category lookup, and a first set that lets `re` skip what is
# between words (a pattern led by a repeat is tried at every position).
_ASCII_WORD = re.compile(r"[A-Za-z0-9_'-][A-Za-z0-9_'-]*")
# Forms neither a suffix-stripping stem nor `LEMMAS` (WordNet's irregular forms) relate
# as the matcher needs: demonyms, and verb forms whose lemma's stem would differ.
IRREGULAR = {
    "won": "win",
    "lost": "lose",
    "shot": "shoot",
    "fell": "fall",
    "led": "lead",
    "died": "die",
    "dead": "die",
    "death": "die",
    "killed": "kill",
    "flew": "fly",
    "flown": "fly",
    "seized": "seize",
    "russian": "russia",
    "russians": "russia",
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "belarusian": "belarus",
    "belarusians": "belarus",
    "american": "america",
    "british": "britain",
    "chinese": "china",
    "syrian": "syria",
    "polish": "poland",
    "german": "germany",
    "french": "france",
    "crimean": "crimea",
    "soviet": "ussr",
}


_SNOWBALL = snowballstemmer.stemmer("english")


def _read_lemmas() -> dict[str, str]:
    """English irregular forms -> lemma (data/irregular.tsv, WordNet 3.0's exception
    lists: "withdrew" withdraw, "bought" buy, "children" child), built by
    scripts/build_lemmas.py."""
    text = (Path(__file__).resolve().parent.parent / "data" / "irregular.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and line[0] != "#")
    return {form: lemma for form, lemma in rows}


LEMMAS = _read_lemmas()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """An English stem (Snowball's Porter2, after the irregular forms above and those
    of `LEMMAS`), enough to meet "arrests"/"arrested", "jobs"/"job", "losing"/"lose"
    and "withdrew"/"withdrawal" at one stem."""
    w = word.lower().strip("'’-")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if w in IRREGULAR:
        return IRREGULAR[w]
    w = LEMMAS.get(w, w)
    if w.endswith("s") and w[:-1].isalnum() and any(c.isdigit() for c in w):
        return w[:-1]  # "737s", "A380s": plurals of model numbers
    if not w.isalpha():
        return w
    return str(_SNOWBALL.stemWord(w))


# Verbs that say that an event happened without saying what it was ("the mutiny began on
# June 23", "the vote was on Sunday"): the event's noun is their subject or object.
LIGHT_PREDICATES = frozenset(
    stem(w)
    for w in (
        "be is was were been have has had do did take took taken happen occur come came "
        "begin began begun start end finish hold held open follow see saw seen "
        "make made become became get got go went gone run ran continue last break broke "
        "erupt strike struck unfold "
        # verbs of scheduling: "the opening was delayed until May" dates the opening
        "delay postpone reschedule schedule slate"
    ).split()
)


@cache
def event_names(event: Event) -> frozenset[str]:
    """The stems of the words of the event's keywords, aliases, title and id (its author
    names the event there too: "dell-emc-announced-2015"), not of its summary, which
    tells of its actors' other doings too."""
    words = (*event.keywords, *event.aliases, event.title, event.id.replace("-", " "))
    return frozenset(stem(w) for phrase in words for w in _LETTER_WORDS.findall(phrase))


@cache
def alias_words(event: Event) -> frozenset[str]:
    """The stems of the letter runs of the event's aliases ("Abqaiq attack")."""
    return frozenset(stem(w) for alias in event.aliases for w in _LETTERS.findall(alias))


@cache
def event_stems(event: Event) -> frozenset[str]:
    """The stems of the words of the event's names (`event_names`) and of its summary."""
    return event_names(event) | {stem(w) for w in _LETTER_WORDS.findall(event.summary)}


_LETTER_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # letters only, not a number
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Match:
    """An event found in a piece of text."""

    event: Event
    score: float
    named: bool  # an alias names it (vs. only keywords/entities describe it)
    start_char: int = -1  # where the naming alias (or first descriptive hit) is
    end_char: int = -1
    keywords: int = 0
    entities: float = 0.0


MATCHES_KEY = "factcheck_matches"  # a Doc's spans matched so far


class EventIndex:
    """Alias matcher and token index over a timeline."""

    def __init__(
        self,
        timeline: Timeline,
        vocab: Vocab,
        make_doc: Callable[[str], Doc] | None = None,
        glued: Collection[str] | None = None,
    ) -> None:
        """`glued`: the tokens (lowercase) that may start right after a letter, when the
        tokenizer is known to start no other token there (`glued_tokens`)."""
        self.timeline = timeline
        self.vocab = vocab
        self.make_doc = make_doc or (lambda text: Doc(vocab, words=text.split()))
        self.alias_stems: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        # stem -> events, per kind of evidence: candidates are pruned with these counts
        self.by_keyword: dict[str, set[str]] = defaultdict(set)
        self.by_entity: dict[str, set[str]] = defaultdict(set)
        self.by_alias: dict[str, set[str]] = defaultdict(set)
        # key stem -> the aliases that can match loosely only where it is (`_loose_keys`)
        self.aliases_by_key: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self.unprunable: set[str] = set()
        # a keyword of several words ("first flight") counts only when all are present
        self.keyword_phrases: dict[str, tuple[frozenset[str], ...]] = {}
        self.alias_tokens: list[tuple[str, ...]] = []  # the aliases as lowercase tokens
        # (full name, distinctive word stems, surname stem if it reads as a person's name,
        # initials of a name of three words or more: "ANA" for All Nippon Airways)
        self.entity_words: dict[
            str, tuple[tuple[str, frozenset[str], str | None, str | None], ...]
        ] = {}
        for event in timeline:
            self._add(event)
        # stem -> (keyword, entity, alias) postings, for the stems that have any
        self.postings: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
            s: (
                frozenset(self.by_keyword.get(s, ())),
                frozenset(self.by_entity.get(s, ())),
                frozenset(self.by_alias.get(s, ())),
            )
            for s in (*self.by_keyword, *self.by_entity, *self.by_alias)
        }
        # Where an alias may be spelt out (`alias_starts`): one that starts with a letter
        # only after a break (no token starts between two letters), unless its first token
        # is `glued`; the others anywhere.
        anywhere: list[tuple[str, ...]] = []
        after_break: list[tuple[str, ...]] = []
        for t in self.alias_tokens:
            word = glued is not None and bool(t and _LETTER.match(t[0])) and t[0] not in glued
            (after_break if word else anywhere).append(t)
        self.spelt_out = _trie_regex(anywhere)
        # What is not an ASCII lowercase letter may end a word: a character set to lead the
        # pattern with, so that `re` tries only such places (a superset of the word breaks).
        self.spelt_after_break = _trie_regex(after_break, lead="[^a-z]")
        self.alias_chars = max((sum(map(len, t)) + len(t) for t in self.alias_tokens), default=0)

    def _add(self, event: Event) -> None:
        names = naming_aliases(event)
        patterns = [self.make_doc(a) for a in names]
        self.alias_tokens.extend(tuple(t.lower_ for t in p) for p in patterns)
        self.alias_stems[event.id] = tuple(
            words
            for a in names
            if (words := tuple(stem(w) for w in _WORD.findall(a) if w.lower() not in STOPWORDS))
        )
        if patterns:
            self.matcher.add(event.id, patterns)
        phrases = tuple(  # "met" and "meeting" are one keyword, "meet"
            dict.fromkeys(words for k in event.keywords if (words := _content_stems(k)))
        )
        self.keyword_phrases[event.id] = phrases
        kws = frozenset().union(*phrases)
        ents = []
        for entity in event.entities:
            words = frozenset(
                stem(w) for w in _WORD.findall(entity) if w.lower() not in GENERIC and len(w) > 2
            )
            ents.append((entity.lower(), words, _surname(entity), _acronym(entity)))
        self.entity_words[event.id] = tuple(ents)
        for s in kws:
            self.by_keyword[s].add(event.id)
        for _, words, _, _ in ents:
            for s in words:
                self.by_entity[s].add(event.id)
            if not words:  # matched by its full name only: never pruned
                self.unprunable.add(event.id)
        for alias in self.alias_stems[event.id]:
            for s in alias:
                self.by_alias[s].add(event.id)
            for s in _loose_keys(alias):
                self.aliases_by_key[s].add(alias)

    def named_in(self, doc: Doc) -> dict[int, list[tuple[str, int, int]]]:
        """Exact alias matches in a Doc: token start -> [(event id, start char, end char)]."""
        out: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            out[start].append((self.vocab.strings[match_id], span.start_char, span.end_char))
        return out

    def match(
        self,
        span: Span,
        exact: list[tuple[str, int, int]] | None = None,
        mask: list[tuple[int, int]] | None = None,
        present: tuple[str, ...] = (),
    ) -> list[Match]:
        """Events named or described in `span`, best first.

        `exact` are the PhraseMatcher hits inside the span (from `named_in`); text in the
        `mask` ranges (document offsets, e.g. a phrase naming another event) is ignored;
        `present` are entities the span refers to without naming them ("He" for the
        person the paragraph is about)."""
        if is_masked(span):
            return []  # a sentence that can matter to no claim (focus.py)
        # A one-sentence heading is matched as a block and as a sentence: once will do.
        memo = span.doc.user_data.setdefault(MATCHES_KEY, {})
        key = (self, span.start_char, span.end_char, tuple(exact or ()), tuple(mask or ()), present)
        if key not in memo:
            memo[key] = self._match(span, exact, mask, present)
        return list(memo[key])

    def _match(
        self,
        span: Span,
        exact: list[tuple[str, int, int]] | None,
        mask: list[tuple[int, int]] | None,
        present: tuple[str, ...] = (),
    ) -> list[Match]:
        text = span_text(span)
        for start, end in mask or ():
            a, b = max(0, start - span.start_char), max(0, end - span.start_char)
            text = text[:a] + " " * (b - a) + text[b:]
        lower = text.lower()
        words = _Words(text, span.start_char)
        stems = words.stems
        if present:
            lower = "\n".join((lower, *(p.lower() for p in present)))
            stems = stems | {stem(w) for p in present for w in _WORD.findall(p)}
        exact_ids = {eid: (s, e) for eid, s, e in (exact or [])}
        candidates = set(exact_ids) | self._candidates(stems)
        matches = []
        for event_id in candidates:
            event = self.timeline.by_id[event_id]
            m = self._score(event, lower, words, stems, exact_ids.get(event_id))
            if m is not None:
                matches.append(m)
        matches.sort(key=lambda m: (-m.score, m.event.id))
        return matches

    def _candidates(self, stems: set[str]) -> set[str]:
        """Events that can score 40 or more (a mention, see claims.MENTIONED), from the
        postings alone: a keyword and an entity word, two of either, or all but one word
        of an alias. An event that merely shares one word ("talks") is never scored."""
        found = stems & self.postings.keys()
        if not found:
            return set()
        postings = [self.postings[s] for s in found]
        keyword = Counter(chain.from_iterable(p[0] for p in postings))
        entity = Counter(chain.from_iterable(p[1] for p in postings))
        alias: set[str] = set().union(*(p[2] for p in postings))
        out = {e for e, n in entity.items() if n >= 2 or e in keyword or e in self.unprunable}
        out.update(e for e, n in keyword.items() if n >= 2 or e in self.unprunable)
        out.update(e for e in alias if e not in out and self._alias_possible(e, stems))
        return out

    def may_name_loosely(self, text: str, start: int, end: int) -> bool:
        """Could `match` find an event named in text[start:end] by an alias whose words all
        occur there but one at most (a loose alias, see `_alias_possible`)? An exact alias
        is another matter (`alias_starts`). False means no loose alias names one there."""
        while start > 0 and not text[start - 1].isspace():
            start -= 1  # whole words only
        while end < len(text) and not text[end].isspace():
            end += 1
        stems = set(map(stem, _word_pattern(text).findall(text, start, end)))
        typos = _Typos(stems)
        for s in stems & self.aliases_by_key.keys():
            for alias in self.aliases_by_key[s]:
                missing = [w for w in alias if w not in stems]
                if len(missing) > (1 if len(alias) > 1 else 0):
                    continue  # what `_loose_alias` skips, and then what `near` can find
                if not missing or typos.spelt(missing[0]):
                    return True
        return False

    def alias_starts(self, lower: str) -> list[int]:
        """Where in a lowercased text an alias may be spelt out: every start of a
        PhraseMatcher hit is one (its tokens, lowercase, spaced by nothing or one space),
        and such a hit is at most `alias_chars` long."""
        found = _starts(self.spelt_out, lower)
        if self.spelt_after_break is not None:
            # A space before the text: its start is a break too, and where the lead matches
            # there is where the alias starts in `lower`.
            found = sorted({*found, *_starts(self.spelt_after_break, " " + lower)})
        return found

    def _alias_possible(self, event_id: str, stems: set[str]) -> bool:
        """Could an alias match loosely: every word present but one misspelt at most?"""
        for alias in self.alias_stems[event_id]:
            present = sum(1 for w in alias if w in stems)
            if present >= len(alias) - (1 if len(alias) > 1 else 0):
                return True
        return False

    def _score(
        self,
        event: Event,
        lower: str,
        words: _Words,
        stems: set[str],
        exact: tuple[int, int] | None,
    ) -> Match | None:
        # a keyword phrase counts once per word, up to two: "first flight" is as telling
        # as two keywords, its "first" alone is nothing
        kw = sum(min(2, len(p)) for p in self.keyword_phrases[event.id] if p <= stems)
        ent = 0.0
        for full, entity_stems, surname, initials in self.entity_words[event.id]:
            if (
                full in lower
                or (surname is not None and surname in words.names)
                or (initials is not None and initials in words.acronyms)
            ):
                ent += 1.0  # "Jobs" is Steve Jobs, as news refers to people after first mention
            elif entity_stems & stems:
                ent += PARTIAL_ENTITY_WEIGHT / ENTITY_WEIGHT
        described = min(DESCRIBED_MAX, KEYWORD_WEIGHT * min(kw, 2) + ENTITY_WEIGHT * min(ent, 2.0))
        if kw == 0 and ent >= 2.0:
            # two of its actors by name, no word of what happened: a candidate that can
            # support a date it fits, never a clear description (a flag needs a keyword)
            described = ACTORS_SCORE
        elif kw == 0 or ent == 0:
            described = min(described, 45.0)  # one kind of evidence alone is weak
        if exact is not None:
            return Match(event, NAMED, True, exact[0], exact[1], kw, ent)
        loose = self._loose_alias(event, words)
        if loose is not None:
            score, start, end = loose
            return Match(event, score, True, start, end, kw, ent)
        if described <= 0:
            return None
        return Match(event, described, False, -1, -1, kw, ent)

    def _loose_alias(self, event: Event, words: _Words) -> tuple[float, int, int] | None:
        """An alias whose content words all occur close together, in any inflection or
        with a typo in a long word ("the Wagner Group's mutiny" for "Wagner mutiny")."""
        best = None
        for alias in self.alias_stems[event.id]:
            hits = [words.exact(a) for a in alias]
            missing = [i for i, h in enumerate(hits) if not h]
            if len(missing) > (1 if len(alias) > 1 else 0):  # one misspelt word at most,
                continue  # and only in an alias of two words or more
            for i in missing:
                hits[i] = words.near(alias[i])
            if not all(hits):
                continue
            found = _window(alias, hits, words)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best


# Last words of organisations' and places' names, never a person's surname.
_NOT_SURNAMES = frozenset(
    """
airlines airways air corps corp inc ltd plc co store center centre office court courts
airport conference bank university college institute agency times post journal news
service services system systems motors group club church palace house hall square
street park island islands bay city county district province river lake sea ocean
""".split()
)  # noqa: SIM905


def _surname(entity: str) -> str | None:
    """The stem of the last word of a two- or three-word name of a person ("Steve Jobs",
    "Alexander Lukashenko"), else None."""
    words = entity.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    last = words[-1].lower()
    if last in GENERIC or last in _NOT_SURNAMES or len(last) < 3:
        return None
    return stem(last)


def _acronym(entity: str) -> str | None:
    """The initials of a name of three capitalised words or more ("All Nippon Airways"
    -> "ANA", "Government Accountability Office" -> "GAO"), else None."""
    words = [w for w in entity.split() if w.lower() not in ("of", "the", "and", "for")]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _loose_keys(alias: tuple[str, ...]) -> tuple[str, ...]:
    """Words of an alias one of which at least occurs wherever it can match loosely: all its
    words do but one long enough for a typo. Any short word is always there (the longest
    is likely the rarest: "putin" rather than "his"); of all long words, one of any two.
    Asking only about the aliases of the keys present skips those of common words."""
    if len(alias) == 1:
        return alias
    short = [w for w in alias if len(w) < TYPO_MIN_LENGTH]
    return (max(short, key=len),) if short else alias[:2]


def _word_pattern(text: str) -> re.Pattern[str]:
    """`_WORD`, or the same words found faster in an ASCII text (str.isascii is a flag)."""
    return _ASCII_WORD if text.isascii() else _WORD


def _content_stems(phrase: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(phrase) if w.lower() not in STOPWORDS)


def glued_tokens(tokenizer: Tokenizer) -> frozenset[str]:
    """The tokens (lowercase) that a special case of the tokenizer puts after another one
    ("gon|na", "ca|n't"). In English, only these can start right after a letter: the
    prefix, suffix and infix rules split off punctuation, symbols and units after digits."""
    return frozenset(t[ORTH].lower() for ts in tokenizer.rules.values() for t in ts[1:])


def _starts(pattern: re.Pattern[str] | None, text: str) -> list[int]:
    """Where `pattern` matches in text, overlapping matches included."""
    found: list[int] = []
    m = pattern.search(text) if pattern is not None else None
    while m is not None:
        found.append(m.start())
        m = pattern.search(text, m.start() + 1)
    return found


def _trie_regex(patterns: list[tuple[str, ...]], lead: str = "") -> re.Pattern[str] | None:
    """A regex finding any of the token sequences, tokens joined by nothing or one space
    (the spacing of a PhraseMatcher hit's tokens), as a trie: one pass over a text for
    any number of patterns. A pattern's longest prefix is enough to find it (only
    whether one occurs is asked), so patterns stop at 200 characters. `lead` comes
    before, matching one character."""
    sep, end = "\x00", ""
    trie: dict[str, Any] = {}
    for tokens in patterns:
        node = trie
        units = [u for i, t in enumerate(tokens) for u in ([sep] if i else []) + list(t)]
        for unit in units[:200]:
            node = node.setdefault(unit, {})
        node[end] = {}
    if not trie:
        return None

    def regex(node: dict[str, Any]) -> str:
        if end in node:
            return ""  # a whole pattern: what follows it is no matter
        alternatives = [
            ("(?: )?" if unit == sep else re.escape(unit)) + regex(child)
            for unit, child in sorted(node.items())
        ]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return re.compile(f"{lead}(?:{regex(trie)})")


class _Words:
    """The stemmed words of a text, where each stem occurs, and (when asked for) their
    document offsets."""

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset  # where the text starts in the document
        raw = _word_pattern(text).findall(text)
        self.sequence = list(map(stem, raw))
        self.stems = set(self.sequence)
        # "charity-flight" also holds "charity" and "flight", for keywords
        if "-" in text:
            self.stems.update(stem(p) for w in raw if "-" in w for p in w.split("-") if p)
        self._raw = raw
        self._where_map: dict[str, list[int]] | None = None
        self._items: list[tuple[str, int, int]] | None = None
        self._near: dict[str, list[int]] = {}
        self._long: list[str] | None = None  # the long words, where typos are looked for

    @cached_property
    def names(self) -> set[str]:
        """Stems of the capitalised words: names ("said Jobs", "Lukashenko's")."""
        return {s for s, w in zip(self.sequence, self._raw, strict=True) if w[:1].isupper()}

    @cached_property
    def acronyms(self) -> set[str]:
        """Words of three capitals or more: initials ("GAO")."""
        return {w for w in self._raw if len(w) >= 3 and w.isupper()}

    @property
    def items(self) -> list[tuple[str, int, int]]:
        """(stem, start, end) of each word, in document offsets."""
        if self._items is None:
            at = self.offset
            self._items = [
                (w, at + m.start(), at + m.end())
                for w, m in zip(
                    self.sequence, _word_pattern(self.text).finditer(self.text), strict=True
                )
            ]
        return self._items

    @property
    def _where(self) -> dict[str, list[int]]:
        if self._where_map is None:
            where: dict[str, list[int]] = defaultdict(list)
            for k, w in enumerate(self.sequence):
                where[w].append(k)
            self._where_map = dict(where)
        return self._where_map

    def exact(self, word: str) -> list[int]:
        """Positions of `word`."""
        return self._where.get(word, [])

    def near(self, word: str) -> list[int]:
        """Positions of near spellings of a long word (typos), computed once per word."""
        if word not in self._near:
            found: list[int] = []
            if len(word) >= TYPO_MIN_LENGTH:
                if self._long is None:
                    self._long = [w for w in self._where if len(w) >= TYPO_MIN_LENGTH]
                for w, _, _ in process.extract(
                    word, self._long, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO, limit=None
                ):
                    found.extend(self._where[w])
            self._near[word] = sorted(found)
        return self._near[word]


class _Typos:
    """Whether some of a set of words nearly spells a word, asked once per word."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.long: list[str] | None = None
        self.seen: dict[str, bool] = {}

    def spelt(self, word: str) -> bool:
        if word not in self.seen:
            if len(word) < TYPO_MIN_LENGTH:
                self.seen[word] = False
                return False
            if self.long is None:
                self.long = [w for w in self.words if len(w) >= TYPO_MIN_LENGTH]
            self.seen[word] = (
                process.extractOne(word, self.long, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO)
                is not None
            )
        return self.seen[word]


def _window(
    alias: tuple[str, ...], hits: list[list[int]], words: _Words
) -> tuple[float, int, int] | None:
    """(score, start, end) of the tightest run holding every alias word, if it is short."""
    best: tuple[int, list[int]] | None = None
    for anchor in hits[0]:
        chosen = [min(h, key=lambda k, a=anchor: abs(k - a)) for h in hits]
        width = max(chosen) - min(chosen) + 1
        if best is None or width < best[0]:
            best = (width, chosen)
    if best is None or best[0] > len(alias) + WIDE_WINDOW:
        return None
    width, chosen = best
    items = words.items
    exact = all(items[k][0] == a for k, a in zip(chosen, alias, strict=True))
    if width > len(alias) + LOOSE_WINDOW:
        # "Apple on Friday launched a 3G version of its iPhone" names the "iPhone 3G
        # launch": every word of a longer alias, spelt right, a few words apart.
        if not exact or len(alias) < 2:
            return None
        return WIDE_SCORE, items[min(chosen)][1], items[max(chosen)][2]
    in_order = chosen == sorted(chosen) and width == len(alias)
    score = LOOSE_IN_ORDER if in_order and exact else LOOSE_SCORE
    return score, items[min(chosen)][1], items[max(chosen)][2]
