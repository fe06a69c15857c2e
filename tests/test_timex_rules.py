"""Tagger rules for issue #3 (examples written for these tests).

Each case is checked with a reference date (values resolved) and without one (values
stay underspecified: ``XXXX-...``, ``*_REF``), span and value exactly.
"""

from __future__ import annotations

import os
import sys
from datetime import date

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import find_times  # noqa: E402

REF = date(2021, 3, 10)  # a Wednesday


def tagged(text: str, ref: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, ref, merge_ranges=False)]


# text, expected with REF, expected without a reference date
CASES: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = [
    # a weekday written with its date is one expression, with or without a reference
    ("The talks collapsed on Friday, Oct. 9.",
     [("Friday, Oct. 9", "2020-10-09")], [("Friday, Oct. 9", "XXXX-10-09")]),
    ("The hearing opens Monday, March 15, in Boston.",
     [("Monday, March 15", "2021-03-15")], [("Monday, March 15", "XXXX-03-15")]),
    # clock times with a zone in words join the day they are on
    ("The offer expires at 5 p.m. Eastern time on Friday.",
     [("5 p.m. Eastern time", "2021-03-12T17:00"), ("Friday", "2021-03-12")],
     [("5 p.m. Eastern time", "XXXX-WXX-5T17:00"), ("Friday", "XXXX-WXX-5")]),
    ("The truce began at 6 a.m. local time on Saturday.",
     [("6 a.m.", "2021-03-06T06:00"), ("Saturday", "2021-03-06")],
     [("6 a.m.", "XXXX-WXX-6T06:00"), ("Saturday", "XXXX-WXX-6")]),
    ("The ferry leaves at 07:45.",
     [("07:45", "2021-03-10T07:45")], [("07:45", "XXXX-XX-XXT07:45")]),
    # "soon": FUTURE_REF, but not "as soon as", "soon after" or the future of a past moment
    ("The plant will reopen soon.", [("soon", "FUTURE_REF")], [("soon", "FUTURE_REF")]),
    ("Regulators may soon approve the merger, the company said.",
     [("soon", "FUTURE_REF")], [("soon", "FUTURE_REF")]),
    ("Talks resume as soon as the envoy arrives.", [], []),
    ("He resigned soon after the vote.", [], []),
    ("The rebels were soon driven out of the town.", [], []),
    # "current" as an adjective of time is PRESENT_REF; the noun and terms of art are not
    ("The current chairman wants a merger.",
     [("current", "PRESENT_REF")], [("current", "PRESENT_REF")]),
    ("Kellogg's current share of the market is small.",
     [("current", "PRESENT_REF")], [("current", "PRESENT_REF")]),
    ("The swimmers fought a strong current near the pier.", [], []),
    ("The current-account deficit widened.", [], []),
    ("Exports rose in the current quarter.",
     [("the current quarter", "2021-Q1")], [("the current quarter", "XXXX-QX")]),
    ("Holders may buy stock at the then current market price.",
     [("then current", "PAST_REF")], [("then current", "PAST_REF")]),
    # "future" with a plural unit
    ("The tax credit will lower payments in future quarters.",
     [("future quarters", "FUTURE_REF")], [("future quarters", "FUTURE_REF")]),
    ("Sales may fall in a future year.", [], []),
    # "the quarter ended <day>": the calendar quarter that overlaps those three months most
    ("The bank lost money in the quarter ended June 30.",
     [("the quarter", "2020-Q2"), ("June 30", "2020-06-30")],
     [("the quarter", "XXXX-Q2"), ("June 30", "XXXX-06-30")]),
    ("Revenue rose in the quarter ended July 31, 2019.",
     [("the quarter", "2019-Q2"), ("July 31, 2019", "2019-07-31")],
     [("the quarter", "2019-Q2"), ("July 31, 2019", "2019-07-31")]),
    ("In the fiscal quarter ended March 27, margins shrank.",
     [("the fiscal quarter", "2020-Q1"), ("March 27", "2020-03-27")],
     [("the fiscal quarter", "XXXX-Q1"), ("March 27", "XXXX-03-27")]),
    # "the 23rd of July" takes its article
    ("The treaty was signed on the 23rd of July.",
     [("the 23rd of July", "2020-07-23")], [("the 23rd of July", "XXXX-07-23")]),
    # a 4-digit number before "to/through <year>" is a year; counts are not
    ("The survey covers 2010 through 2020.",
     [("2010", "2010"), ("2020", "2020")], [("2010", "2010"), ("2020", "2020")]),
    ("Attendance went from 1200 to 1300 seats.", [], []),
    # "on the 15th": a day of the month in focus
    ("The shares hit $50 on the 15th.",
     [("the 15th", "2021-02-15")], [("the 15th", "XXXX-XX-15")]),
    ("The runoff will be held on the 28th at noon.",
     [("the 28th", "2021-03-28"), ("noon", "2021-03-28T12:00")],
     [("the 28th", "XXXX-XX-28"), ("noon", "XXXX-XX-28T12:00")]),
    ("Rent is due by the 31st.", [("the 31st", "2021-03-31")], [("the 31st", "XXXX-XX-31")]),
    ("Her office is on the 15th floor.", [], []),
    ("They appealed to the 11th Circuit.", [], []),
    # "is set for" looks ahead
    ("The runoff is set for Nov. 3.", [("Nov. 3", "2021-11-03")], [("Nov. 3", "XXXX-11-03")]),
    ("The record was set on Nov. 3.", [("Nov. 3", "2020-11-03")], [("Nov. 3", "XXXX-11-03")]),
]


@pytest.mark.parametrize("text,with_ref,without_ref", CASES)
def test_rule(text: str, with_ref: list[tuple[str, str]],
              without_ref: list[tuple[str, str]]) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without_ref


def test_split_range_ends_are_each_their_own_time() -> None:
    """Kept apart (TIMEX3 style), "from 2014 to 2016" is 2014 and 2016: "from" opens no
    interval up to the reference date, "to" none from it; "since 2014" alone does."""
    split = find_times("Prices rose from 2014 to 2016.", REF, merge_ranges=False)
    assert [(t.value, t.relation, t.start, t.end) for t in split] == [
        ("2014", "at", date(2014, 1, 1), date(2014, 12, 31)),
        ("2016", "at", date(2016, 1, 1), date(2016, 12, 31)),
    ]
    (since,) = find_times("Prices have risen since 2014.", REF, merge_ranges=False)
    assert (since.relation, since.start, since.end) == ("since", date(2014, 1, 1), REF)


def test_rule_and_norm_notes_do_not_mix_across_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        "The plant closed in March 2010, and in June of that year the site was sold.",
        "It was ratified on 14 January 1998; the opposition had walked out twenty days earlier.",
        "Polls close at 8 p.m. Tuesday; results are due the next morning.",
        "Tuesday 7 March 2023\n14:02 - alarms fire\n14:09 - engineers respond",
    ] * 20

    def notes(text: str) -> list[tuple[str, str, str, str]]:
        return [(t.text, t.value, t.rule, t.norm) for t in find_times(text, date(2023, 6, 26))]

    alone = [notes(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(notes, texts))
    assert together == alone
    assert any(norm == "told_calendar" for _, _, _, norm in alone[0])


def test_a_possessive_anchor_is_not_the_day_after_it() -> None:
    # "the day after yesterday" is today; "a day after yesterday's ruling" dates the
    # ruling yesterday, and "a day" is counted from it
    assert tagged("They met the day after yesterday.", REF) == [
        ("the day after yesterday", "2021-03-10")
    ]
    got = tagged("It came a day after yesterday's ruling.", REF)
    assert ("yesterday", "2021-03-09") in got
    assert all("after yesterday" not in text for text, _ in got)
