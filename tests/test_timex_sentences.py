"""Single-sentence acceptance suite for the temporal tagger (issue #3).

About 200 news-style sentences written for this suite (none taken from a corpus), each
checked for the exact spans and TIMEX3 values `find_times` returns, with the reference
date ``REF`` (a Wednesday) or without one (``None``: nothing is resolved against today,
values stay underspecified: ``XXXX-07-23``, ``XXXX-WXX-2``, ``PAST_REF``).

Expected values follow TimeML / TempEval-3 conventions: ``the 1990s`` -> ``199``,
centuries ``the 19th century`` -> ``18``, seasons ``2021-SU``, quarters ``2023-Q1``,
halves ``2022-H2``; ``early 2023`` keeps the value ``2023`` (the modifier goes to mod);
parts of day ``TMO``/``TAF``/``TEV``/``TNI``; durations ``P3D``, ``PT48H``, ``PXM`` for
an unspecified number of months; SETs ``P1Y`` (``every year``), ``P1W`` (``weekly``),
``XXXX-WXX-1`` (``every Monday``).  The span excludes leading prepositions (``in``,
``since``, ``until``) and includes ``the`` before decades, quarters and seasons and any
modifier (``early``, ``the end of``).  Ranges are merged by default (``2014 to 2016`` ->
``2014/2016``); with ``merge_ranges=False`` the two ends are tagged separately, as
TIMEX3 corpora do.
"""

from __future__ import annotations

import os
import sys
from datetime import date

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import find_times  # noqa: E402

REF = date(2023, 6, 14)  # a Wednesday, ISO week 2023-W24
R = REF
N = None

Case = tuple[str, "date | None", list[tuple[str, str]]]

CASES: list[Case] = [
    # --- full dates -------------------------------------------------------------------
    ("The ceasefire took effect on March 3, 2022, after weeks of talks.", R,
     [("March 3, 2022", "2022-03-03"), ("weeks", "PXW")]),
    ("The ceasefire took effect on March 3, 2022, after weeks of talks.", N,
     [("March 3, 2022", "2022-03-03"), ("weeks", "PXW")]),
    ("Parliament was dissolved on 17 October 2019.", R, [("17 October 2019", "2019-10-17")]),
    ("The company filed for bankruptcy on Jan. 9, 2020.", R, [("Jan. 9, 2020", "2020-01-09")]),
    ("Voters went to the polls on Sept. 12, 2021, in a snap election.", N,
     [("Sept. 12, 2021", "2021-09-12")]),
    ("The treaty was signed on November 4th, 2018, in Geneva.", R,
     [("November 4th, 2018", "2018-11-04")]),
    ("The mine collapsed on Tuesday, Feb. 8, 2022, killing 14 workers.", R,
     [("Tuesday, Feb. 8, 2022", "2022-02-08")]),
    ("The report, dated 2021-11-30, was leaked to reporters.", R,
     [("2021-11-30", "2021-11-30")]),
    ("A memo from 5th of December 2017 described the plan.", N,
     [("5th of December 2017", "2017-12-05")]),
    ("The minister resigned on 1 May 2020.", R, [("1 May 2020", "2020-05-01")]),
    # --- partial dates (no year) ------------------------------------------------------
    ("Police said the suspect was arrested on June 2.", R, [("June 2", "2023-06-02")]),
    ("Police said the suspect was arrested on June 2.", N, [("June 2", "XXXX-06-02")]),
    ("The court will hear the appeal on July 23.", R, [("July 23", "2023-07-23")]),
    ("The court will hear the appeal on July 23.", N, [("July 23", "XXXX-07-23")]),
    ("The strike began on Dec. 12 and lasted a month.", R,
     [("Dec. 12", "2022-12-12"), ("a month", "P1M")]),
    ("The festival opens 21 June in the old town.", R, [("21 June", "2023-06-21")]),
    ("The new rules take effect Aug. 1.", R, [("Aug. 1", "2023-08-01")]),
    ("The new rules take effect Aug. 1.", N, [("Aug. 1", "XXXX-08-01")]),
    ("The senator was sworn in on January 3.", R, [("January 3", "2023-01-03")]),
    ("The plant was shut in mid-June for repairs.", R, [("mid-June", "2023-06")]),
    ("Prices peaked in early May.", R, [("early May", "2023-05")]),
    ("Prices peaked in early May.", N, [("early May", "XXXX-05")]),
    # --- numeric dates ----------------------------------------------------------------
    ("The contract was signed on 23/04/2019 in Lagos.", R, [("23/04/2019", "2019-04-23")]),
    ("The contract was signed on 04/23/2019 in Houston.", R, [("04/23/2019", "2019-04-23")]),
    ("The invoice is dated 03/04/2019.", R, [("03/04/2019", "2019")]),
    ("The invoice is dated 03/04/2019.", N, [("03/04/2019", "2019")]),
    ("The notice was posted on 2022-08-15.", N, [("2022-08-15", "2022-08-15")]),
    ("The letter bears the date 12/31/2020.", R, [("12/31/2020", "2020-12-31")]),
    ("Official figures released on 31.03.2021 showed a drop.", R,
     [("31.03.2021", "2021-03-31")]),
    # --- month and year ---------------------------------------------------------------
    ("Inflation hit 9.1 percent in June 2022.", R, [("June 2022", "2022-06")]),
    ("The factory opened in March of 2015.", R, [("March of 2015", "2015-03")]),
    ("Sales slumped in Sept. 2019, the data show.", R, [("Sept. 2019", "2019-09")]),
    ("The bridge was closed in October 2008 and reopened in May 2010.", N,
     [("October 2008", "2008-10"), ("May 2010", "2010-05")]),
    ("The survey was carried out in April.", R, [("April", "2023-04")]),
    ("The survey was carried out in April.", N, [("April", "XXXX-04")]),
    ("Elections are due in November.", R, [("November", "2023-11")]),
    ("Elections are due in November.", N, [("November", "XXXX-11")]),
    ("The measure passed last December.", R, [("last December", "2022-12")]),
    ("The deal is expected to close next March.", R, [("next March", "2024-03")]),
    # --- years ------------------------------------------------------------------------
    ("The law was passed in 2019.", R, [("2019", "2019")]),
    ("The law was passed in 2019.", N, [("2019", "2019")]),
    ("The company was founded in 1987 by two engineers.", R, [("1987", "1987")]),
    ("Unemployment fell in 2021, the ministry said.", R, [("2021", "2021")]),
    ("The 2016 referendum split the country.", R, [("2016", "2016")]),
    ("Tourism has not recovered to 2019 levels.", R, [("2019", "2019")]),
    ("The party won 2020 votes in the district.", R, []),
    ("In 1066, the Normans invaded England.", N, [("1066", "1066")]),
    # --- decades and centuries --------------------------------------------------------
    ("The city boomed in the 1990s.", R, [("the 1990s", "199")]),
    ("Crime rose sharply in the 1980s and early 1990s.", N,
     [("the 1980s", "198"), ("early 1990s", "199")]),
    ("The building dates from the late 1960s.", R, [("the late 1960s", "196")]),
    ("Disco was huge in the '70s.", R, [("the '70s", "197")]),
    ("The town was founded in the 19th century.", R, [("the 19th century", "18")]),
    ("The church was built in the 12th century.", N, [("the 12th century", "11")]),
    ("Energy use will change in the 21st century.", R, [("the 21st century", "20")]),
    ("Housing prices doubled in the 2000s.", R, [("the 2000s", "200")]),
    # --- seasons ----------------------------------------------------------------------
    ("The vaccine was approved last summer.", R, [("last summer", "2022-SU")]),
    ("The vaccine was approved last summer.", N, [("last summer", "XXXX-SU")]),
    ("Construction will begin next spring.", R, [("next spring", "2024-SP")]),
    ("The band toured Europe in the summer of 2019.", R, [("the summer of 2019", "2019-SU")]),
    ("Harvests failed in autumn 2021.", R, [("autumn 2021", "2021-FA")]),
    ("The league expanded in the spring.", N, [("the spring", "XXXX-SP")]),
    ("Fuel prices spiked during the winter of 2022.", R, [("the winter of 2022", "2022-WI")]),
    ("The talks resume this fall.", R, [("this fall", "2023-FA")]),
    # --- quarters and halves ----------------------------------------------------------
    ("Revenue rose 8 percent in the first quarter of 2023.", R,
     [("the first quarter of 2023", "2023-Q1")]),
    ("Profit fell in Q3 2022.", R, [("Q3 2022", "2022-Q3")]),
    ("The company reported a loss in the fourth quarter.", R,
     [("the fourth quarter", "2022-Q4")]),
    ("The company reported a loss in the fourth quarter.", N,
     [("the fourth quarter", "XXXX-Q4")]),
    ("Analysts expect a rebound in the third quarter.", R,
     [("the third quarter", "2023-Q3")]),
    ("Exports grew in the second half of 2021.", R, [("the second half of 2021", "2021-H2")]),
    ("Shipments dropped in the first half of 2022.", N,
     [("the first half of 2022", "2022-H1")]),
    ("The company will report third-quarter earnings in October.", R,
     [("third-quarter", "2023-Q3"), ("October", "2023-10")]),
    # --- early/mid/late, end of ------------------------------------------------------
    ("The merger is expected to close in early 2024.", R, [("early 2024", "2024")]),
    ("Growth slowed in mid-2022.", R, [("mid-2022", "2022")]),
    ("The project stalled in late 2021.", N, [("late 2021", "2021")]),
    ("The bank will raise rates by the end of the year.", R,
     [("the end of the year", "2023")]),
    ("The bank will raise rates by the end of the year.", N,
     [("the end of the year", "XXXX")]),
    ("The embassy closed at the end of 2020.", R, [("the end of 2020", "2020")]),
    ("The rent is due at the beginning of the month.", R,
     [("the beginning of the month", "2023-06")]),
    ("The shortage eased in late March.", R, [("late March", "2023-03")]),
    ("Layoffs were announced at the start of 2023.", R, [("the start of 2023", "2023")]),
    # --- weekdays ---------------------------------------------------------------------
    ("The minister said on Monday that talks had failed.", R, [("Monday", "2023-06-12")]),
    ("The minister said on Monday that talks had failed.", N, [("Monday", "XXXX-WXX-1")]),
    ("The union will meet on Friday to vote on the offer.", R, [("Friday", "2023-06-16")]),
    ("The union will meet on Friday to vote on the offer.", N, [("Friday", "XXXX-WXX-5")]),
    ("Rescuers found two survivors Sunday.", R, [("Sunday", "2023-06-11")]),
    ("Officials confirmed the deaths Wednesday.", R, [("Wednesday", "2023-06-14")]),
    ("The verdict is expected Thursday.", R, [("Thursday", "2023-06-15")]),
    ("The verdict is expected Thursday.", N, [("Thursday", "XXXX-WXX-4")]),
    ("The vote was delayed until next Tuesday.", R, [("next Tuesday", "2023-06-20")]),
    ("The vote was delayed until next Tuesday.", N, [("next Tuesday", "XXXX-WXX-2")]),
    ("Last Friday the central bank held rates.", R, [("Last Friday", "2023-06-09")]),
    ("Protesters gathered again Monday morning.", R, [("Monday morning", "2023-06-12TMO")]),
    ("Protesters gathered again Monday morning.", N, [("Monday morning", "XXXX-WXX-1TMO")]),
    ("The fire broke out Saturday night.", R, [("Saturday night", "2023-06-10TNI")]),
    # --- today, yesterday and friends -------------------------------------------------
    ("The president speaks today in Warsaw.", R, [("today", "2023-06-14")]),
    ("The president speaks today in Warsaw.", N, [("today", "XXXX-XX-XX")]),
    ("Markets fell yesterday after the report.", R, [("yesterday", "2023-06-13")]),
    ("Markets fell yesterday after the report.", N, [("yesterday", "XXXX-XX-XX")]),
    ("The results will be announced tomorrow.", R, [("tomorrow", "2023-06-15")]),
    ("The rally continues tonight.", R, [("tonight", "2023-06-14TNI")]),
    ("Shares jumped this morning.", R, [("this morning", "2023-06-14TMO")]),
    ("Gunfire was heard last night.", R, [("last night", "2023-06-13TNI")]),
    ("Gunfire was heard last night.", N, [("last night", "XXXX-XX-XXTNI")]),
    ("The bill passed the day before yesterday.", R,
     [("the day before yesterday", "2023-06-12")]),
    ("Prices are now higher than in 2019.", R, [("now", "PRESENT_REF"), ("2019", "2019")]),
    ("The ministry recently changed the rules.", R, [("recently", "PAST_REF")]),
    # --- this week, last month ... ----------------------------------------------------
    ("Talks collapsed this week.", R, [("this week", "2023-W24")]),
    ("Talks collapsed this week.", N, [("this week", "XXXX-WXX")]),
    ("The governor vetoed the bill last week.", R, [("last week", "2023-W23")]),
    ("The board meets next week.", R, [("next week", "2023-W25")]),
    ("Inflation eased last month.", R, [("last month", "2023-05")]),
    ("Inflation eased last month.", N, [("last month", "XXXX-XX")]),
    ("The firm will cut jobs next month.", R, [("next month", "2023-07")]),
    ("Sales are up 4 percent this month.", R, [("this month", "2023-06")]),
    ("The economy shrank last year.", R, [("last year", "2022")]),
    ("The economy shrank last year.", N, [("last year", "XXXX")]),
    ("The firm plans to list its shares next year.", R, [("next year", "2024")]),
    ("Exports rose this year.", R, [("this year", "2023")]),
    ("The plant opened earlier this year.", R, [("earlier this year", "2023")]),
    ("The plant opened earlier this year.", N, [("earlier this year", "XXXX")]),
    ("A deal could be reached later this month.", R, [("later this month", "2023-06")]),
    ("The museum reopened earlier this month.", R, [("earlier this month", "2023-06")]),
    # --- ago ---------------------------------------------------------------------------
    ("The firm was founded two years ago.", R, [("two years ago", "2021")]),
    ("The firm was founded two years ago.", N, [("two years ago", "PAST_REF")]),
    ("The boat sank three days ago.", R, [("three days ago", "2023-06-11")]),
    ("The boat sank three days ago.", N, [("three days ago", "PAST_REF")]),
    ("The law changed six months ago.", R, [("six months ago", "2022-12")]),
    ("He left the party a week ago.", R, [("a week ago", "2023-W23")]),
    ("The mine closed 30 years ago.", R, [("30 years ago", "1993")]),
    # --- ranges -----------------------------------------------------------------------
    ("The summit was held June 23-24, 2022, in Brussels.", R,
     [("June 23-24, 2022", "2022-06-23/2022-06-24")]),
    ("He was mayor from 2014 to 2016.", R, [("2014 to 2016", "2014/2016")]),
    ("He was mayor from 2014 to 2016.", N, [("2014 to 2016", "2014/2016")]),
    ("Sales fell between March and May.", R, [("March and May", "2023-03/2023-05")]),
    ("Sales fell between March and May.", N, [("March and May", "XXXX-03/XXXX-05")]),
    ("The exhibition runs from May 5 to July 30, 2021.", R,
     [("May 5 to July 30, 2021", "2021-05-05/2021-07-30")]),
    ("Turnout rose in 2008-2012, the study found.", R, [("2008-2012", "2008/2012")]),
    ("The strike lasted from Monday to Wednesday.", R,
     [("Monday to Wednesday", "2023-06-12/2023-06-14")]),
    # --- open intervals ---------------------------------------------------------------
    ("The border has been closed since 2014.", R, [("2014", "2014")]),
    ("Prices have risen since March.", R, [("March", "2023-03")]),
    ("Prices have risen since March.", N, [("March", "XXXX-03")]),
    ("The road will stay closed until March.", R, [("March", "2024-03")]),
    ("The road will stay closed until March.", N, [("March", "XXXX-03")]),
    ("Rates have been frozen since last summer.", R, [("last summer", "2022-SU")]),
    ("Applications are open until June 30.", R, [("June 30", "2023-06-30")]),
    # --- durations --------------------------------------------------------------------
    ("The siege lasted three days.", R, [("three days", "P3D")]),
    ("The siege lasted three days.", N, [("three days", "P3D")]),
    ("He spent a decade in prison.", R, [("a decade", "P10Y")]),
    ("Prices have climbed over the past several months.", R,
     [("the past several months", "PXM")]),
    ("Prices have climbed over the past several months.", N,
     [("the past several months", "PXM")]),
    ("The talks lasted 48 hours.", R, [("48 hours", "PT48H")]),
    ("The strike has dragged on for six weeks.", R, [("six weeks", "P6W")]),
    ("The shares have doubled in the past three years.", R,
     [("the past three years", "P3Y")]),
    ("The meeting lasted 90 minutes.", R, [("90 minutes", "PT90M")]),
    ("The drought has lasted nearly two years.", R, [("nearly two years", "P2Y")]),
    ("He waited half an hour for the bus.", R, [("half an hour", "PT30M")]),
    ("The program will run for the next five years.", R, [("the next five years", "P5Y")]),
    ("The union signed a two-year contract.", R, [("two-year", "P2Y")]),
    ("The probe took several years.", N, [("several years", "PXY")]),
    ("The firm lost money for more than a decade.", R, [("more than a decade", "P10Y")]),
    ("The prisoners were held for 18 months.", R, [("18 months", "P18M")]),
    ("The flight took 11 hours.", R, [("11 hours", "PT11H")]),
    ("Over the past few weeks, the rebels advanced.", R, [("the past few weeks", "PXW")]),
    ("The ban lasted 30 days.", R, [("30 days", "P30D")]),
    ("The festival lasts a week.", R, [("a week", "P1W")]),
    # --- times of day -----------------------------------------------------------------
    ("The polls close at 8 PM.", R, [("8 PM", "2023-06-14T20:00")]),
    ("The polls close at 8 PM.", N, [("8 PM", "T20:00")]),
    ("The speech began at 12:30 p.m.", R, [("12:30 p.m.", "2023-06-14T12:30")]),
    ("The blast occurred at 6:15 a.m. Tuesday.", R,
     [("6:15 a.m. Tuesday", "2023-06-13T06:15")]),
    ("The market closes at 4 p.m. today.", R, [("4 p.m. today", "2023-06-14T16:00")]),
    ("The ceremony starts at noon.", R, [("noon", "2023-06-14T12:00")]),
    ("Curfew begins at 22:00.", N, [("22:00", "T22:00")]),
    ("The deadline is 5 p.m. on June 30, 2023.", R,
     [("5 p.m. on June 30, 2023", "2023-06-30T17:00")]),
    # --- sets -------------------------------------------------------------------------
    ("The festival is held every year.", R, [("every year", "P1Y")]),
    ("The magazine is published weekly.", R, [("weekly", "P1W")]),
    ("The figures are updated daily.", N, [("daily", "P1D")]),
    ("The council meets every Monday.", R, [("every Monday", "XXXX-WXX-1")]),
    ("Dividends are paid quarterly.", R, [("quarterly", "P1Q")]),
    ("Rent is paid monthly.", N, [("monthly", "P1M")]),
    ("The report is released annually.", R, [("annually", "P1Y")]),
    ("Trains run every two hours.", R, [("every two hours", "PT2H")]),
    ("The board meets twice a year.", R, [("twice a year", "P1Y")]),
    ("Patrols pass each week.", R, [("each week", "P1W")]),
    ("The market opens every summer.", R, [("every summer", "XXXX-SU")]),
    # --- false-positive guards --------------------------------------------------------
    ("The group said 33 Wagner contractors were killed.", R, []),
    ("An army of 5,000 men crossed the river.", R, []),
    ("Theresa May met the French president.", R, []),
    ("May I ask what the plan is, the reporter said.", R, []),
    ("Thousands will march on the capital.", R, []),
    ("The company released version 2.1 of the app.", R, []),
    ("The update to iOS 16.4 fixed the bug.", R, []),
    ("For tickets, call 555-1234 or 555-2023.", R, []),
    ("The office is at 1600 Pennsylvania Avenue.", R, []),
    ("United won the match 3-1.", R, []),
    ("The shares rose 12.5% to 2020 pence.", R, []),
    ("The quote appears on page 1984 of the report.", R, []),
    ("The Senate passed the bill 52-48.", R, []),
    ("The bill passed by a vote of 2019 to 14.", R, []),
    ("The ship carried 1,999 passengers.", R, []),
    ("A 45-year-old man was detained.", R, []),
    ("The company sold 2,015 cars last year.", R, [("last year", "2022")]),
    ("Flight 2021 landed safely.", R, []),
    ("The room number is 1204.", R, []),
    ("The rate was 3.5 percent.", R, []),
    ("The ruling may force a new vote.", R, []),
    ("Officials said the suspect, 19, was arrested.", R, []),
    ("The candidate won 1990 votes.", N, []),
    ("Temperatures hit 40 degrees.", R, []),
    ("He scored 21 points in the second half.", R, []),
    ("Read our coverage at page 12.", N, []),
    ("Call +44 20 7946 0958 for details.", R, []),
    # added with the second round of rules (see the commit log)
    ("Planting was delayed earlier in the year by floods.", R,
     [("earlier in the year", "2023")]),
    ("Planting was delayed earlier in the year by floods.", N,
     [("earlier in the year", "XXXX")]),
    ("Shares slid in mid-afternoon trading.", R, [("mid-afternoon", "2023-06-14TAF")]),
    ("The judge will rule at midday.", R, [("midday", "2023-06-14T12:00")]),
    ("A 1996 law barred the sale of the land.", R, [("1996", "1996")]),
    ("The remaining 1500 acres were sold.", R, []),
    ("Quarterly earnings rose 5 percent.", R, []),
]

SPLIT_CASES: list[Case] = [
    # merge_ranges=False: the two ends of a range are tagged separately (TIMEX3 corpora)
    ("He was mayor from 2014 to 2016.", R, [("2014", "2014"), ("2016", "2016")]),
    ("The summit was held June 23-24, 2022, in Brussels.", R,
     [("June 23", "2022-06-23"), ("24, 2022", "2022-06-24")]),
    ("Sales fell between May and July 2022.", R, [("May", "2022-05"), ("July 2022", "2022-07")]),
]

# Known failures (text -> reason); kept few, each a documented choice of the tagger.
_DAYPART = (
    "TimeML writes a weekday with a part of day as that part (TMO/TNI), but the news "
    "corpora tag it both ways (AQUAINT mostly the bare day, in span or value): the tagger "
    "keeps the day, which scores better on the held-out-like dev data"
)
XFAIL: dict[str, str] = {
    "Protesters gathered again Monday morning.": _DAYPART,
    "The fire broke out Saturday night.": _DAYPART,
}


def _params(cases: list[Case]) -> list[object]:
    return [
        pytest.param(
            t, r, exp, id=f"{i}-{'ref' if r else 'noref'}-{t[:40]}",
            marks=[pytest.mark.xfail(reason=XFAIL[t], strict=True)] if t in XFAIL else [],
        )
        for i, (t, r, exp) in enumerate(cases)
    ]


@pytest.mark.parametrize("text,ref,expected", _params(CASES))
def test_sentence(text: str, ref: date | None, expected: list[tuple[str, str]]) -> None:
    got = [(t.text, t.value) for t in find_times(text, ref)]
    assert got == expected


@pytest.mark.parametrize("text,ref,expected", _params(SPLIT_CASES))
def test_sentence_split_ranges(text: str, ref: date | None,
                               expected: list[tuple[str, str]]) -> None:
    got = [(t.text, t.value) for t in find_times(text, ref, merge_ranges=False)]
    assert got == expected
