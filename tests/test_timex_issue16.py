"""Tagger rules for issue #16: the formats real text uses (examples written for these
tests).  Each case is checked with a reference date and without one, span and value
exactly, with each end of a range its own expression (``merge_ranges=False``)."""

from __future__ import annotations

import os
import sys
from datetime import date

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import find_times  # noqa: E402

REF = date(2023, 6, 26)  # a Monday


def tagged(text: str, ref: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, ref, merge_ranges=False)]


Tagged = list[tuple[str, str]]
Case = tuple[str, Tagged, Tagged]


# text, expected with REF, expected without a reference date
TIMESTAMPS: list[Case] = [
    # ISO 8601 with seconds and an offset: one TIME, the offset no clock of its own
    ("Logged at 2023-06-24T14:35:12+03:00 by the proxy.",
     [("2023-06-24T14:35:12+03:00", "2023-06-24T14:35:12")],
     [("2023-06-24T14:35:12+03:00", "2023-06-24T14:35:12")]),
    ("The key expires 2025-01-31T23:59:59Z.",
     [("2025-01-31T23:59:59Z", "2025-01-31T23:59:59")],
     [("2025-01-31T23:59:59Z", "2025-01-31T23:59:59")]),
    ("The job was queued at 2009-12-19 17:00:00 and ran.",
     [("2009-12-19 17:00:00", "2009-12-19T17:00:00")],
     [("2009-12-19 17:00:00", "2009-12-19T17:00:00")]),
    ("2021-11-03 04:12:55 ERROR pool exhausted",
     [("2021-11-03 04:12:55", "2021-11-03T04:12:55")],
     [("2021-11-03 04:12:55", "2021-11-03T04:12:55")]),
    ("Captured 2014:07:19 16:45:02 by the camera.",
     [("2014:07:19 16:45:02", "2014-07-19T16:45:02")],
     [("2014:07:19 16:45:02", "2014-07-19T16:45:02")]),
    # RFC 2822 mail dates, with or without the weekday; the offset is no year
    ("Date: Sat, 29 Jan 2005 17:21:13 -0600",
     [("Sat, 29 Jan 2005 17:21:13 -0600", "2005-01-29T17:21:13")],
     [("Sat, 29 Jan 2005 17:21:13 -0600", "2005-01-29T17:21:13")]),
    ("Sent 1 Feb 2005 16:13:33 +1300 from Auckland.",
     [("1 Feb 2005 16:13:33 +1300", "2005-02-01T16:13:33")],
     [("1 Feb 2005 16:13:33 +1300", "2005-02-01T16:13:33")]),
    # syslog (yearless), ctime, web-server log stamps
    ("Jun 13 08:42:17 web01 sshd[2231]: Accepted publickey",
     [("Jun 13 08:42:17", "2023-06-13T08:42:17")],
     [("Jun 13 08:42:17", "XXXX-06-13T08:42:17")]),
    ("commit dated Sat Sep 9 11:04:27 2017 +0200",
     [("Sat Sep 9 11:04:27 2017 +0200", "2017-09-09T11:04:27")],
     [("Sat Sep 9 11:04:27 2017 +0200", "2017-09-09T11:04:27")]),
    ('10.0.0.1 - - [24/Jun/2023:02:00:01 +0000] "GET / HTTP/1.1" 200',
     [("24/Jun/2023:02:00:01 +0000", "2023-06-24T02:00:01")],
     [("24/Jun/2023:02:00:01 +0000", "2023-06-24T02:00:01")]),
    # clocks to the second, with a.m./p.m.; UK dotted times with their zone
    ("The suspect left at 10:30:34 a.m.",
     [("10:30:34 a.m.", "2023-06-26T10:30:34")], [("10:30:34 a.m.", "XXXX-XX-XXT10:30:34")]),
    ("It was logged 5/22/2023 3:14:07 PM by the server.",
     [("5/22/2023 3:14:07 PM", "2023-05-22T15:14:07")],
     [("5/22/2023 3:14:07 PM", "2023-05-22T15:14:07")]),
    ("Lightning struck the mast at 17:21:13, cutting power.",
     [("17:21:13", "2023-06-26T17:21:13")], [("17:21:13", "XXXX-XX-XXT17:21:13")]),
    ("The ferry leaves at 10.15 BST.",
     [("10.15 BST", "2023-06-26T10:15")], [("10.15 BST", "XXXX-XX-XXT10:15")]),
    ("Opening hours are 10:00-18:00.",
     [("10:00", "2023-06-26T10:00"), ("18:00", "2023-06-26T18:00")],
     [("10:00", "XXXX-XX-XXT10:00"), ("18:00", "XXXX-XX-XXT18:00")]),
    # must not: a race time, a clock inside a longer number, a dotted decimal
    ("She won the marathon, finishing in 3:07:35.", [], []),
    ("The lap record of 1:21:09.4 still stands.", [], []),
    ("Shares rose 10.15 percent.", [], []),
    ("Version 2.3.17 fixed the bug.", [], []),
]


@pytest.mark.parametrize(("text", "with_ref", "without"), TIMESTAMPS)
def test_timestamps(text: str, with_ref: Tagged, without: Tagged) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without


NUMERIC: list[Case] = [
    # dotted dates are day first; a two-digit year only where no version can be meant
    ("Registered on 1.3.1999 in Munich.",
     [("1.3.1999", "1999-03-01")], [("1.3.1999", "1999-03-01")]),
    ("Registered on 1.3.99 in Munich.", [("1.3.99", "1999-03-01")], [("1.3.99", "1999-03-01")]),
    ("The card was stamped 10-29-99 in Dayton.",
     [("10-29-99", "1999-10-29")], [("10-29-99", "1999-10-29")]),
    ("Upgrade to release 1.3.99 first.", [], []),
    # the other numeric dates of the text tell the order of an ambiguous one
    ("First visit on 8/9/2012, a follow-up on 9/20/2012.",
     [("8/9/2012", "2012-08-09"), ("9/20/2012", "2012-09-20")],
     [("8/9/2012", "2012-08-09"), ("9/20/2012", "2012-09-20")]),
    ("First visit on 8/9/2012.", [("8/9/2012", "2012")], [("8/9/2012", "2012")]),
    # ISO year-month, year-quarter, year-half; dashed day-month-year
    ("Results for 2023-06 are out.", [("2023-06", "2023-06")], [("2023-06", "2023-06")]),
    ("Figures for 2022-Q3 were revised.", [("2022-Q3", "2022-Q3")], [("2022-Q3", "2022-Q3")]),
    ("Scan date: 5-Jan-2018.", [("5-Jan-2018", "2018-01-05")], [("5-Jan-2018", "2018-01-05")]),
    # must not: a season of two years, a score, a phone number
    ("He scored in the 2010-11 season.",
     [("2010", "2010"), ("11", "2011")], [("2010", "2010"), ("11", "2011")]),
    ("Call 555-0123 today.", [("today", "2023-06-26")], [("today", "XXXX-XX-XX")]),
]


HISTORIC: list[Case] = [
    ("Magnesia fell in 190 BC.", [("190 BC", "BC0190")], [("190 BC", "BC0190")]),
    ("Pompeii was buried in AD 79.", [("AD 79", "0079")], [("AD 79", "0079")]),
    ("Caesar died on March 15, 44 BC.",
     [("March 15, 44 BC", "BC0044-03-15")], [("March 15, 44 BC", "BC0044-03-15")]),
    ("It peaked in the 2nd century BC.",
     [("the 2nd century BC", "BC01")], [("the 2nd century BC", "BC01")]),
    ("It was built in the first century AD.",
     [("the first century AD", "00")], [("the first century AD", "00")]),
    ("Stonehenge rose in the third millennium BC.",
     [("the third millennium BC", "BC2")], [("the third millennium BC", "BC2")]),
    ("Grunge ruled the 90s; prices peaked in the mid-90s.",
     [("the 90s", "199"), ("the mid-90s", "199")], [("the 90s", "199"), ("the mid-90s", "199")]),
    ("We still talk about Christmas '87.",
     [("Christmas '87", "1987-12-25")], [("Christmas '87", "1987-12-25")]),
    ("The nineteen seventies brought two oil shocks.",
     [("The nineteen seventies", "197")], [("The nineteen seventies", "197")]),
    ("He was crowned on Christmas Day 800.",
     [("Christmas Day 800", "0800-12-25")], [("Christmas Day 800", "0800-12-25")]),
    ("On Christmas Day 800 people came.",
     [("Christmas Day", "2022-12-25")], [("Christmas Day", "XXXX-12-25")]),
    # must not: an age, a temperature, an advert
    ("He is in his 90s.", [], []),
    ("Highs should climb back into the 80s by Friday.",
     [("Friday", "2023-06-30")], [("Friday", "XXXX-WXX-5")]),
    ("The ad ran for weeks.", [("weeks", "PXW")], [("weeks", "PXW")]),
]


@pytest.mark.parametrize(("text", "with_ref", "without"), NUMERIC + HISTORIC)
def test_numeric_and_historic(text: str, with_ref: Tagged, without: Tagged) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without


def test_half_interval() -> None:
    t = find_times("Sales rose in H1 2023.", REF)[0]
    assert (t.value, str(t.start), str(t.end)) == ("2023-H1", "2023-01-01", "2023-06-30")


RANGES: list[Case] = [
    # each end of a range its own expression, a year range written as one group too
    ("Millions died in the war (1939-1945).",
     [("1939", "1939"), ("1945", "1945")], [("1939", "1939"), ("1945", "1945")]),
    ("He scored 14 goals in the 2022-23 season.",
     [("2022", "2022"), ("23", "2023")], [("2022", "2022"), ("23", "2023")]),
    # the year of the last member is shared over "and" and commas
    ("It rained in May and June 2011.",
     [("May", "2011-05"), ("June 2011", "2011-06")],
     [("May", "2011-05"), ("June 2011", "2011-06")]),
    ("Prices rose in May, June and July 2022.",
     [("May", "2022-05"), ("June", "2022-06"), ("July 2022", "2022-07")],
     [("May", "2022-05"), ("June", "2022-06"), ("July 2022", "2022-07")]),
    # a bare number or ordinal before a counted unit takes the unit
    ("Recovery takes three to five years.",
     [("three", "P3Y"), ("five years", "P5Y")], [("three", "P3Y"), ("five years", "P5Y")]),
    ("Delivery: 5-7 days.", [("5", "P5D"), ("7 days", "P7D")], [("5", "P5D"), ("7 days", "P7D")]),
    ("It grew during the 18th and 19th centuries.",
     [("the 18th", "17"), ("19th centuries", "18")],
     [("the 18th", "17"), ("19th centuries", "18")]),
    ("The 1960s and 70s saw growth.",
     [("The 1960s", "196"), ("70s", "197")], [("The 1960s", "196"), ("70s", "197")]),
    ("Sales rose in the second and the third quarter of 2021.",
     [("the second", "2021-Q2"), ("the third quarter of 2021", "2021-Q3")],
     [("the second", "2021-Q2"), ("the third quarter of 2021", "2021-Q3")]),
    ("The mills date from the 18th and 19th centuries.",
     [("the 18th", "17"), ("19th centuries", "18")],
     [("the 18th", "17"), ("19th centuries", "18")]),
    # must not: a year across a turn of the year, counts and scores that are no durations
    ("Snow fell in December and January 2020.",
     [("December", "2022-12"), ("January 2020", "2020-01")],
     [("December", "XXXX-12"), ("January 2020", "2020-01")]),
    ("The team won 3 and lost 5 games in two days.", [("two days", "P2D")], [("two days", "P2D")]),
    ("It takes three or more years.", [("years", "PXY")], [("years", "PXY")]),
    ("Prices should rise over the next 12 to 18 months.",
     [("18 months", "P18M")], [("18 months", "P18M")]),
]


@pytest.mark.parametrize(("text", "with_ref", "without"), RANGES)
def test_ranges_and_coordination(text: str, with_ref: Tagged, without: Tagged) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without


def test_claims_keep_a_range_as_one_interval() -> None:
    (t,) = find_times("Millions died in the war (1939-1945).", REF)
    assert (t.text, t.value, str(t.start), str(t.end)) == (
        "1939-1945", "1939/1945", "1939-01-01", "1945-12-31")
    shared = find_times("It rained in May and June 2011.", REF)
    assert [(t.text, t.value) for t in shared] == [("May", "2011-05"), ("June 2011", "2011-06")]


NARRATIVE: list[Case] = [
    # counted back from the day just told, at its precision
    ("It was ratified on 14 January 1998; the opposition had walked out twenty days earlier.",
     [("14 January 1998", "1998-01-14"), ("twenty days earlier", "1997-12-25")],
     [("14 January 1998", "1998-01-14"), ("twenty days earlier", "1997-12-25")]),
    ("The report was filed on 30 September 2016; three weeks earlier, auditors had worried.",
     [("30 September 2016", "2016-09-30"), ("three weeks earlier", "2016-09-09")],
     [("30 September 2016", "2016-09-30"), ("three weeks earlier", "2016-09-09")]),
    # the month, season or weekday of the year / day just told
    ("The factory closed in March 2010, and in June of that year the site was sold.",
     [("March 2010", "2010-03"), ("June of that year", "2010-06")],
     [("March 2010", "2010-03"), ("June of that year", "2010-06")]),
    ("Work began in the spring of 1931 and ended by the following autumn.",
     [("the spring of 1931", "1931-SP"), ("the following autumn", "1931-FA")],
     [("the spring of 1931", "1931-SP"), ("the following autumn", "1931-FA")]),
    ("He fell ill in the winter of 1483 and died the following April.",
     [("the winter of 1483", "1483-WI"), ("the following April", "1484-04")],
     [("the winter of 1483", "1483-WI"), ("the following April", "1484-04")]),
    ("The storm hit on 15 October 1987; power came back the following Tuesday.",
     [("15 October 1987", "1987-10-15"), ("the following Tuesday", "1987-10-20")],
     [("15 October 1987", "1987-10-15"), ("the following Tuesday", "1987-10-20")]),
    ("The scheme passed on 5 March 2019, and later that week the mayor vetoed it.",
     [("5 March 2019", "2019-03-05"), ("later that week", "2019-W10")],
     [("5 March 2019", "2019-03-05"), ("later that week", "2019-W10")]),
    ("It left on 3 October 2019 and arrived the following week.",
     [("3 October 2019", "2019-10-03"), ("the following week", "2019-W41")],
     [("3 October 2019", "2019-10-03"), ("the following week", "2019-W41")]),
    # a yearless date in the year last written (without a reference date: in any case;
    # with one: in the dated day's own sentence)
    ("The offensive began on 1 July 1916 and was called off on 18 November.",
     [("1 July 1916", "1916-07-01"), ("18 November", "1916-11-18")],
     [("1 July 1916", "1916-07-01"), ("18 November", "1916-11-18")]),
    ("Snow fell in 1816. It even fell in June.",
     [("1816", "1816"), ("June", "2023-06")], [("1816", "1816"), ("June", "1816-06")]),
    # a clock time takes a date line before it, or the day "on" after it in its sentence
    ("Tuesday 7 March 2023\n14:02 - alarms fire\n14:09 - engineers respond",
     [("Tuesday 7 March 2023", "2023-03-07"), ("14:02", "2023-03-07T14:02"),
      ("14:09", "2023-03-07T14:09")],
     [("Tuesday 7 March 2023", "2023-03-07"), ("14:02", "2023-03-07T14:02"),
      ("14:09", "2023-03-07T14:09")]),
    ("It left the gate at 18:04 and landed at 20:51 CET on 14 February 2024.",
     [("18:04", "2024-02-14T18:04"), ("20:51 CET", "2024-02-14T20:51"),
      ("14 February 2024", "2024-02-14")],
     [("18:04", "2024-02-14T18:04"), ("20:51 CET", "2024-02-14T20:51"),
      ("14 February 2024", "2024-02-14")]),
    # must not: a weekday is no date line; a day "from" (a range) or of a report
    ("On Tuesday the plant shut. At 3 p.m. workers left.",
     [("Tuesday", "2023-06-20"), ("3 p.m.", "2023-06-26T15:00")],
     [("Tuesday", "XXXX-WXX-2"), ("3 p.m.", "XXXX-XX-XXT15:00")]),
    ("Tours leave at 8pm from 24 October to 31 October 2022.",
     [("8pm", "2023-06-26T20:00"), ("24 October", "2022-10-24"), ("31 October 2022", "2022-10-31")],
     [("8pm", "XXXX-XX-XXT20:00"), ("24 October", "2022-10-24"),
      ("31 October 2022", "2022-10-31")]),
    ("Trading resumes at 9 a.m., the exchange said on 3 May 2021.",
     [("9 a.m.", "2023-06-26T09:00"), ("3 May 2021", "2021-05-03")],
     [("9 a.m.", "XXXX-XX-XXT09:00"), ("3 May 2021", "2021-05-03")]),
    # must not: a comparison, nothing told before, a year ago counted as before
    ("The vote was held on 3 May 2021, seven months earlier than planned.",
     [("3 May 2021", "2021-05-03"), ("seven months earlier", "2022-11")],
     [("3 May 2021", "2021-05-03"), ("seven months earlier", "XXXX-XX")]),
    ("In June of that year the site was sold.",
     [("June of that year", "2023-06")], [("June of that year", "XXXX-06")]),
]


SMALL: list[Case] = [
    ("The ferry arrives in the early evening.",
     [("the early evening", "2023-06-26TEV")], [("the early evening", "XXXX-XX-XXTEV")]),
    ("Take one tablet twice daily with food.",
     [("twice daily", "P1D")], [("twice daily", "P1D")]),
    ("She runs every morning.",
     [("every morning", "XXXX-XX-XXTMO")], [("every morning", "XXXX-XX-XXTMO")]),
    ("The flight lasted 6 hours 45 minutes.",
     [("6 hours 45 minutes", "PT6H45M")], [("6 hours 45 minutes", "PT6H45M")]),
    # midnight before a day is its end; midnight alone the start of the day
    ("Police were called shortly after midnight Saturday.",
     [("midnight Saturday", "2023-06-24T24:00")], [("midnight Saturday", "XXXX-WXX-6T24:00")]),
    ("The law took effect at midnight.",
     [("midnight", "2023-06-26T00:00")], [("midnight", "XXXX-XX-XXT00:00")]),
    ("The fire broke out in the early hours of Saturday.",
     [("the early hours of Saturday", "2023-06-24TMO")],
     [("the early hours of Saturday", "XXXX-WXX-6TMO")]),
    ("Output fell in the first six months of 2023.",
     [("the first six months of 2023", "2023-H1")],
     [("the first six months of 2023", "2023-H1")]),
    ("Sales rose in the last three months of 2022.",
     [("the last three months of 2022", "2022-Q4")],
     [("the last three months of 2022", "2022-Q4")]),
    # a year told just before: "In 2010, on Easter Sunday"; "That year," opening a sentence
    ("In 2010, on Easter Sunday, the church burned.",
     [("2010", "2010"), ("Easter Sunday", "2010-04-04")],
     [("2010", "2010"), ("Easter Sunday", "2010-04-04")]),
    ("The plant closed in March 2010. That year, the town lost jobs.",
     [("March 2010", "2010-03"), ("That year", "2010")],
     [("March 2010", "2010-03"), ("That year", "2010")]),
    # must not: an age is no duration; the first six months of a job are no half year
    ("The booster is approved for ages 6 months and older.", [], []),
    ("Children aged 5 years were tested.", [], []),
    ("He spent the first six months in Paris.",
     [("the first six months", "P6M")], [("the first six months", "P6M")]),
]


@pytest.mark.parametrize(("text", "with_ref", "without"), NARRATIVE + SMALL)
def test_narrative_and_small(text: str, with_ref: Tagged, without: Tagged) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without


MORE: list[Case] = [
    # a year up to now; "the same year"; ISO weeks
    ("Excavation: 1761-1768; 1931-present.",
     [("1761", "1761"), ("1768", "1768"), ("1931", "1931"), ("present", "PRESENT_REF")],
     [("1761", "1761"), ("1768", "1768"), ("1931", "1931"), ("present", "PRESENT_REF")]),
    ("An engine was added in 1834, and the same year the firm began weaving.",
     [("1834", "1834"), ("the same year", "1834")], [("1834", "1834"), ("the same year", "1834")]),
    ("It opened on 5 May 2021 and closed the same day.",
     [("5 May 2021", "2021-05-05")], [("5 May 2021", "2021-05-05")]),
    ("Week dates such as 2023-W21 are read.",
     [("2023-W21", "2023-W21")], [("2023-W21", "2023-W21")]),
    ("He was present at the vote.", [], []),
    # a date set ahead ("is forecast for"), and a weekday listed after one ahead
    ("Rain is forecast for Tuesday and Wednesday.",
     [("Tuesday", "2023-06-27"), ("Wednesday", "2023-06-28")],
     [("Tuesday", "XXXX-WXX-2"), ("Wednesday", "XXXX-WXX-3")]),
    ("These are statements made Sunday and Saturday by the lawyer.",
     [("Sunday", "2023-06-25"), ("Saturday", "2023-06-24")],
     [("Sunday", "XXXX-WXX-7"), ("Saturday", "XXXX-WXX-6")]),
    # a weekday naming a place is no day
    ("Staff at the Sunday Road clinic treated 85 patients.", [], []),
    ("Friday Street was closed on Friday.",
     [("Friday", "2023-06-23")], [("Friday", "XXXX-WXX-5")]),
    # the unit after / before a year told; not counted from a deictic "last year"
    ("The festival was cancelled in 2020 and again the year after.",
     [("2020", "2020"), ("the year after", "2021")],
     [("2020", "2020"), ("the year after", "2021")]),
    ("It made $5 million last year, down from $4 million the year before.",
     [("last year", "2022")], [("last year", "XXXX")]),
    # a clock time in a sentence with a SET belongs to a schedule, not to the reference day
    ("Buses run every 15 minutes from 6 a.m. to 9 p.m.",
     [("every 15 minutes", "PT15M"), ("6 a.m.", "XXXX-XX-XXT06:00"),
      ("9 p.m.", "XXXX-XX-XXT21:00")],
     [("every 15 minutes", "PT15M"), ("6 a.m.", "XXXX-XX-XXT06:00"),
      ("9 p.m.", "XXXX-XX-XXT21:00")]),
    ("The meeting starts at 9 a.m. The paper comes out daily.",
     [("9 a.m.", "2023-06-26T09:00"), ("daily", "P1D")],
     [("9 a.m.", "XXXX-XX-XXT09:00"), ("daily", "P1D")]),
]


@pytest.mark.parametrize(("text", "with_ref", "without"), MORE)
def test_told_units_and_schedules(text: str, with_ref: Tagged, without: Tagged) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without


# every expression names the rule that found it and the one that set its value
RULES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Date: Sat, 29 Jan 2005 17:21:13 -0600", [("Sat, 29 Jan 2005 17:21:13 -0600", "rfc_stamp",
                                                "rfc_stamp")]),
    ("The war (1939-1945) ended.", [("1939", "year", "coordination"),
                                    ("1945", "year", "coordination")]),
    ("It rained in May and June 2011.", [("May", "month", "share_years"),
                                         ("June 2011", "month", "month")]),
    ("It was signed on 14 January 1998, twenty days earlier.",
     [("14 January 1998", "day_month", "day_month"),
      ("twenty days earlier", "unit", "told_back")]),
    ("The polls close at 10 p.m. Friday.", [("10 p.m. Friday", "merge", "merge")]),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_rule_and_norm(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(t.text, t.rule, t.norm) for t in find_times(text, REF, merge_ranges=False)]
    assert got == expected


def test_every_expression_has_a_rule() -> None:
    text = ("On Friday, three weeks after 5 May 2021, the board met at 10 a.m.; it meets every "
            "Monday and will report in the third quarter of next year, the 1990s aside.")
    for merge in (True, False):
        for t in find_times(text, REF, merge_ranges=merge):
            assert t.rule and t.norm, t


def test_dates_json_and_explain(tmp_path: os.PathLike[str]) -> None:
    import json

    from click.testing import CliRunner

    from factcheck.cli import cli

    path = os.path.join(str(tmp_path), "a.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Logged Sat, 29 Jan 2005 17:21:13 -0600. The war (1939-1945) ended.\n")
    runner = CliRunner()
    out = runner.invoke(cli, ["dates", "--format", "json", path])
    assert out.exit_code == 0, out.output
    times = json.loads(out.output)["files"][0]["times"]
    assert [(t["text"], t["rule"], t["norm"]) for t in times] == [
        ("Sat, 29 Jan 2005 17:21:13 -0600", "rfc_stamp", "rfc_stamp"),
        ("1939", "year", "coordination"),
        ("1945", "year", "coordination"),
    ]
    out = runner.invoke(cli, ["dates", "--explain", "--no-color", path], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "rfc_stamp" in out.output and "coordination" in out.output
    plain = runner.invoke(cli, ["dates", "--no-color", path], env={"COLUMNS": "200"})
    assert "rfc_stamp" not in plain.output
