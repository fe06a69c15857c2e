"""Rule-based temporal tagger: find and normalise time expressions in news text.

`find_times(text, reference_date)` returns `TimeExpr` objects carrying a TIMEX3-style
type and value plus the calendar interval the expression denotes.  Pure Python, stdlib
only; never raises on any input and never looks at the machine's clock.

Modules (each reads in one sitting): `expr` (TimeExpr; candidates, context and rule
types), `lexicon` (words, tense cues, regex pieces), `context` (reading around a
candidate), `handlers` (dates, months, years, weekdays, relative words), `holidays`,
`units` (durations, ago/later, this/last/next unit, SETs), `rules` (the rule table and
anchor words), `scan` (anchors, candidates, overlaps, ranges) and `intervals` (values to
calendar intervals, the last touches). `find_times` below runs them.

Design
------
* One regex scan (`_ANCHOR_SCAN`, a prefix-factored alternation of the `_ANCHORS` words
  plus numbers; run as a few faster scans, `_anchors`) finds only the anchor tokens that
  can start the core of an expression: a
  number, a month name, a weekday, a unit word such as ``year``, a relative word such as
  ``yesterday``, a holiday ...  Only there are the rules of that anchor kind tried
  (``pattern.match(text, pos)``), so the cost is one C-level scan plus a little Python
  per anchor (several MB/s; ``benchmarks/bench_tagger.py`` compares it with spaCy's
  tokenizer).  To extend the tagger add a
  `_Rule` (compiled regex + small normaliser returning a `_Cand`) to `_RULES` and, if
  needed, its anchor words to `_anchor_table`.
* Words to the left of a core (``the``, ``early``/``mid``/``late``, ``the end of``,
  ``last``/``next``/``this``, numbers before a unit) are read by `_prev_words` instead of
  being anchors themselves: ``the`` is too frequent to be one.
* Overlaps are resolved longest-first; then adjacent expressions are merged (ranges such
  as ``from 2014 to 2016``, date + clock time, ``Saturday, April 25``, month + spoken
  year) and ``a year earlier`` is anchored to the quarter in focus.

Conventions (documented choices)
--------------------------------
* Spans follow TIMEX3: leading prepositions (``in``, ``since``, ``until`` ...) are not part
  of the span; they set ``relation`` instead.  ``the`` is included for decades,
  centuries, quarters, seasons and the weekend (``the 1990s``); modifiers (``early``,
  ``the end of``) and approximators (``nearly two years``) are included.
* The value never contains the modifier (``early 2023`` -> value ``2023``, mod ``START``);
  the interval is narrowed to the first / middle / last third of the days of the
  interval for START / MID / END (``early July`` = July 1-10).
* relation ``since``: start = start of the expression, end = reference date (or None);
  ``until``/``by``: start None, end = end of the expression; ``before``: end = the day
  before the start; ``after``: start = the day after the end.  Ranges (relation
  ``between``) have the ISO 8601 interval value ``A/B`` and span both ends; a year given
  only on the right end is shared (``between May and July 2022``), as it is over
  ``and`` (``May and June 2011``, ``May, June and July 2022``) in either mode.  TIMEX3 corpora tag
  the two ends separately: ``find_times(..., merge_ranges=False)`` does that, and then
  also splits a day range written as one group as TIMEX3 corpora do (``June 23-24, 2023``
  -> ``June 23`` + ``24, 2023``; ``April 24 and 25`` -> ``April 24`` + ``25``).
* Without a reference date nothing is resolved against "today": values are
  underspecified (``XXXX-03``, ``XXXX-WXX-7``, ``PAST_REF``) and start/end are None.
* With a reference date:
  - a bare weekday is the most recent one on or before the reference date (the same day
    counts), unless the nearest tense cue in its clause looks forward (``will``, ``is
    to``, ``expected`` ...): then the first one on or after it; ``last``/``next`` are
    strictly before/after;
  - a yearless month, day of month, season or holiday takes the year of the governing
    tense cue's direction (past: last occurrence starting on or before the reference
    date; future: first one not ending before it); a cue further than a few words away
    is overruled by an occurrence within two months of the reference date (``the company
    said ... payable Nov. 16``); with no cue, the closest occurrence wins, unless it is
    more than two months away and the date follows ``until``/``by`` (ahead) or
    ``since`` (back).  The governing cue is the nearest one in the clause (``a.m.`` or
    ``Oct.`` do not end a clause), except that words of other time expressions
    (``last``, ``ago``) are skipped and a participle or adjective after a modal leaves the
    modal in charge (``will redeem the preferred shares on Oct. 31``, ``would be paid
    in January``, ``will hit on Friday``) unless it stands right before the date
    (``would appeal the ruling, announced Wednesday``);
  - a yearless quarter is the closest one, or with a past tense the last one begun by the
    reference date (a future cue does not push it ahead: results come after a quarter);
  - ``the quarter`` / ``the latest quarter`` is the last completed quarter; ``a year
    earlier`` right after a quarter is that quarter a year back (``2022-Q2``);
    ``the year ended March 31`` is a DURATION ``P1Y``; ``for the year,`` the current year;
    ``the latest period`` is the quarter (or half) in focus, else the last completed
    quarter, and ``the same period last year`` / ``the 2022 period`` that period in the
    year named; ``the latest fiscal year`` is the last completed (calendar) year;
  - ``(later) that year``, ``earlier that day``, ``the following month`` are anchored to the
    last date mentioned before them (the reference date when there is none);
    ``the week of March 4`` is the ISO week of that day; ``year-end`` is the current year
    with mod END (the previous one after ``since``);
  - ``in recent years`` (after ``in``/``over``/``during``/``for``) is the DURATION ``PXY``,
    other ``recent years`` ``PAST_REF``;
  - ``the quarter ended June 30`` is the calendar quarter overlapping most the three months
    up to that day (``2023-Q2``; ``ended July 31`` -> Q2); ``on the 15th`` (after a
    preposition of time, before no noun) the nearest 15th, or the last / next one per the
    governing tense.
* ``soon`` is FUTURE_REF after a modal or in a clause not in the past (never ``as soon
  as``, ``soon after``); ``current`` before a lowercase word is PRESENT_REF (``current
  market conditions``; not ``current account`` or the noun), ``then current`` PAST_REF;
  ``future quarters`` FUTURE_REF.  Without a reference date ``on the 15th`` is
  ``XXXX-XX-15`` and ``Friday, Oct. 9`` one expression ``XXXX-10-09``.
* SETs: ``every other week`` ``P2W``, ``every summer`` ``XXXX-SU``, ``every morning``
  ``XXXX-XX-XXTMO``, adverbial ``quarterly`` ``P1Q`` (not ``quarterly earnings``); ``half an hour``
  is ``PT30M`` and ``a dozen years`` ``P12Y``.
* ``earlier in the year`` / ``later in the month`` are the reference's year / month (not
  ``later in the day``: the day just named); ``midday``, ``mid-afternoon`` are TIMEs of
  the reference day (``T12:00``, ``TAF``).  A weekday with a part of day (``Friday
  night``) is a TIME of that day, ``1998-08-14TNI`` (``XXXX-WXX-5TNI`` without a
  reference), as TimeML writes it and as ``last night`` and ``yesterday morning`` are
  (AQUAINT also tags the bare day; TimeBank and the tweets follow TimeML).
* Clock times (``8 PM``) are put on the reference day (``2023-06-23T20:00``), or on the
  date they are written with; without a reference they are on a day unknown
  (``XXXX-XX-XXT20:00``), as are ``noon`` and ``midnight``.  A clock time with no day
  of its own takes the day named before it in its sentence, else a date written out
  before it (a log's or live blog's date line, within ``_LOG_REACH``), else the day
  named after it with ``on`` in its sentence (``landed at 20:51 on 14 February``).
* Without a reference date a yearless date takes the year last written before it
  (``began on 1 July 1916 and was called off on 18 November``); with one, a yearless
  date after a dated day takes its year within two months, or within the rest of its
  year in the same sentence.
* Numeric dates ``a/b/yyyy``: ``day_first`` (the locale) picks the order unless it is
  impossible (a part > 12 must be the day: ``15/03/2023`` is 15 March either way); with
  ``day_first`` None, dotted dates are day first (``1.3.1999`` is 1 March), others take
  the order the text's other numeric dates show (``9/20/2012`` makes ``8/9/2012`` August
  9), and when nothing tells, only the year is kept (value ``yyyy``, precision ``year``).
  A two-digit year with dots or hyphens needs a part over 12 or a word such as ``on`` /
  ``dated`` before it (not ``release 1.3.99``).  ``yyyy/mm/dd`` and ``yyyy.mm.dd`` are
  read like ISO dates; ``2023-06`` is a month (not ``2010-11``, a season), ``2022-Q3`` a
  quarter, ``5-Jan-2018`` a day.
* Timestamps (``2023-06-24T14:35:12+03:00``, ``Sat, 29 Jan 2005 17:21:13 -0600``,
  ``Jun 13 08:42:17``, ``[24/Jun/2023:02:00:01 +0000]``) are one TIME each, the zone in
  the span and not in the value, seconds kept (``stamps``).  ``H:MM:SS`` with a one-digit
  hour and no ``a.m.``/zone/``at`` before it is a race time, not a clock.
* Historic dates (``eras``): ``190 BC`` ``BC0190``, ``AD 79`` ``0079``, ``the 2nd century
  BC`` ``BC01``, ``the third millennium BC`` ``BC2`` (no calendar interval BC); ``the
  90s`` / ``the mid-90s`` a decade (not ``in his 90s``, not ``highs in the 80s``).
* A bare 4-digit number is a year only in 1000..2199 and in a year-like context (after
  ``in``/``since``/``the``/a month/a capitalised name ..., or before punctuation), never
  before a count noun or unit (``2020 votes``, ``2020 km``) or after ``p.``/``No.``.
* ``the 1800s`` (a round hundred before 2000) is the century ``18``; ``the 2000s`` the
  decade ``200``.  ``FY2023`` is the year ``2023`` like ``fiscal 2023``; ``H1 2022`` the
  half ``2022-H1``; ``on weekends`` the SET ``XXXX-WE``; bare ``months ago`` the DURATION
  ``PXM`` (as TimeBank); ``last Christmas`` / ``next Easter`` the one before / after the
  reference date.  A weekday after ``until`` with no tense cue, or right after ``is`` /
  ``are`` (``the vote is on Friday``), looks ahead; ``extended to`` / ``postponed until``
  are future cues, ``had been due to`` a past one.  In a range of two yearless ends the
  right end is the first one on or after the left (``from December to February``).
* Narrative anchoring (issue 16): ``twenty days earlier`` / ``three weeks earlier``
  count back from the day (or month) told within two sentences, at its precision
  (``told_back``); ``June of that year``, ``the following April / autumn / Tuesday``,
  ``later that week``, ``the year after``, ``the same year`` and ``In 2010, on Easter
  Sunday`` take the date just told (``told_calendar``, ``anaphors``).  ``two days later``
  stays the DURATION ``P2D`` (TimeBank).  ``midnight Saturday`` is ``T24:00`` of
  Saturday, ``the early hours of Saturday`` its ``TMO``, ``the first six months of
  2023`` ``2023-H1``; an age (``ages 6 months``) is no duration; a clock time in a
  sentence with a SET is a time of a schedule (``XXXX-XX-XXT06:00``).
* Every expression carries ``rule`` (the scan rule or pass that found it) and ``norm``
  (the one that set its value last): the passes after the scan are `_STEPS`.
* Seasons are northern: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb (of the next year).
  Holidays use US federal rules where they differ (Thanksgiving, Labor Day ...).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from .coord import _share_years, _split_coordinated
from .expr import _PASS, TimeExpr, _Cand, _Ctx
from .intervals import _anchor_years_back, _finish, _split_day_ranges, _week_of, interval_of
from .parts import _parts_of_days, _schedule_clocks
from .periods import _anchor_told_back, _resolve_anaphors, _told_calendar
from .scan import (
    _candidates,
    _clock_days,
    _extend_left,
    _known_weekdays,
    _merge,
    _narrative_years,
    _relation,
    _select,
)

__all__ = ["TimeExpr", "find_times", "interval_of"]


_Step = Callable[[_Ctx, list[_Cand]], "list[_Cand] | None"]


# The passes after the scan, in order, each a named rule: a candidate it creates has it as
# its `rule` (the rule that found it), one whose value or type it changes as its `norm`.
_STEPS: list[tuple[str, _Step]] = [
    ("merge", _merge),  # ranges, date + clock time, weekday + date, month + spoken year
    ("share_years", _share_years),  # "May and June 2011"
    ("parts_of_days", _parts_of_days),  # "midnight Saturday", "the early hours of", ages
    ("told_calendar", _told_calendar),  # "June of that year", "the following April"
    ("clock_days", _clock_days),  # a clock time on the day named before it
    ("schedule_clocks", _schedule_clocks),  # "every 15 minutes from 6 a.m."
    ("narrative_years", _narrative_years),  # "Aug. 14, 2019 ... He died on Aug. 16"
    ("known_weekdays", lambda ctx, kept: _known_weekdays(kept)),  # "Sunday's vote"
    ("years_back", lambda ctx, kept: _anchor_years_back(kept)),  # "a year earlier"
    ("told_back", _anchor_told_back),  # "14 January 1998 ... twenty days earlier"
    ("week_of", _week_of),  # "the week of March 4"
    ("anaphors", lambda ctx, kept: _resolve_anaphors(kept)),  # "that year", "the day before"
    ("untold", lambda ctx, kept: [c for c in kept if "drop" not in c.extra]),
]


# TIMEX3 segmentation (merge_ranges=False): each end of a range its own expression
_SPLIT_STEPS: list[tuple[str, _Step]] = [
    ("split_day_ranges", _split_day_ranges),  # "June 23-24"
    ("coordination", _split_coordinated),  # "1939-1945", "three to five years"
]


def _traced(name: str, step: _Step, ctx: _Ctx, kept: list[_Cand]) -> list[_Cand]:
    """Run one pass; a candidate it creates takes it as its `rule`, one whose value or
    type it changes as its `norm` (`_Cand` notes both while `_PASS` names the pass)."""
    _PASS.name = name
    try:
        out = step(ctx, kept)
    finally:
        _PASS.name = ""
    return kept if out is None else out


def find_times(
    text: str,
    reference_date: datetime.date | None = None,
    *,
    day_first: bool | None = None,
    merge_ranges: bool = True,
) -> list[TimeExpr]:
    """All time expressions in text, sorted by start_char, non-overlapping (longest wins).

    reference_date anchors relative expressions (usually the document date); without it
    they stay underspecified.  day_first fixes the order of numeric dates (a/b/yyyy).
    merge_ranges=False keeps ``from 2014 to 2016`` as two expressions (TIMEX3 style)
    instead of one range, splits ranges written as one group (``2014-2016``, ``June
    23-24``) and tags the left members of ``three to five years``, ``the 18th and 19th
    centuries`` (`coord`).
    """
    if not text or not isinstance(text, str):
        return []
    ref = reference_date
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    ctx = _Ctx(text, ref if isinstance(ref, datetime.date) else None, day_first, merge_ranges)
    cands = _candidates(ctx)
    for c in cands:
        _extend_left(ctx, c)
    kept = _select(cands)
    try:
        for name, step in _STEPS if merge_ranges else _STEPS + _SPLIT_STEPS:
            kept = _traced(name, step, ctx, kept)
    except Exception:  # never raise: keep the unmerged expressions
        kept = _select(_candidates(ctx))
    out: list[TimeExpr] = []
    for c in kept:
        try:
            _relation(ctx, c)
            out.append(_finish(ctx, c))
        except Exception:  # never raise: drop this expression only
            continue
    return out
