"""General mechanisms of the claims engine, on the synthetic timeline: a date without a
year takes the year of the event it dates, a weekday beside a date must be that date's,
an alias that is only a number names nothing, and "ten years ago today" is one date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import factcheck
from factcheck.timex import find_times

REF = date(2026, 3, 1)


def checker_for(tmp_path: Path, events: str) -> factcheck.Checker:
    """A Checker over a timeline of the given events (YAML lines under `events:`)."""
    path = tmp_path / "t.yaml"
    path.write_text("schema: 1\nevents:\n" + events, encoding="utf-8")
    return factcheck.Checker(factcheck.load_timeline([path]))


def verdicts(checker: factcheck.Checker, text: str, ref: date | None = REF) -> list[tuple]:
    report = checker.check_text(text, ref, "a.txt")
    return [
        (c.finding.claim.time.text, c.verdict, c.finding.rule, c.finding.claim.event.id)
        for c in report.claims
        if c.finding.claim.event is not None
    ]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The Legion mutiny began on June 23.", "supported"),  # 2023, not 2025
        ("The Legion mutiny began on June 25.", "contradicted"),  # a day off, whatever year
        ("The Legion mutiny began on Friday, June 23.", "supported"),  # a Friday in 2023
    ],
)
def test_a_date_without_a_year_is_taken_in_the_year_of_the_event_named(
    synthetic_checker, text: str, verdict: str
) -> None:
    ((_, got, _, event),) = verdicts(synthetic_checker, text)
    assert (got, event) == (verdict, "legion-mutiny-2023")


def test_a_topic_link_does_not_move_the_year(synthetic_checker) -> None:
    text = "The Legion mutiny\n\nObservers will meet on Monday, 7 November, in Minsk."
    assert all(v[1] != "contradicted" for v in verdicts(synthetic_checker, text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Legion mutiny began on Monday, June 23, 2023.", ("contradicted", "weekday-of-date")),
        ("The Legion mutiny began on Friday, June 23, 2023.", ("supported", "date")),
        ("The Legion mutiny began on Monday, June 23.", ("contradicted", "weekday-of-date")),
    ],
)
def test_a_weekday_must_be_the_weekday_of_its_date(synthetic_checker, text, want) -> None:
    ((_, verdict, rule, _),) = verdicts(synthetic_checker, text)
    assert (verdict, rule) == want


def _all_verdicts(checker: factcheck.Checker, text: str) -> list[tuple]:
    report = checker.check_text(text, REF, "a.txt")
    return [(c.finding.claim.time.text, c.verdict, c.finding.rule) for c in report.claims]


@pytest.mark.parametrize(
    "text",
    [
        "The plant in Lyon closed on Monday, June 23, 2023.",  # a Friday
        "Crowds gathered on the morning of Wednesday, 5 October 2023, outside the gates.",
    ],
)
def test_a_wrong_weekday_beside_a_full_date_is_flagged_without_an_event(
    synthetic_checker, text: str
) -> None:
    ((_, verdict, rule),) = _all_verdicts(synthetic_checker, text)
    assert (verdict, rule) == ("contradicted", "weekday-of-date")


@pytest.mark.parametrize(
    "text",
    [
        "The plant in Lyon closed on Friday, June 23, 2023.",  # right
        "The plant in Lyon closed on Monday, June 23.",  # the year is the reader's guess
        "The final is on Saturday 9 September.",
        "Interview | Tuesday 4 November 2025\nTomorrow the plant closes.",  # two lines
    ],
)
def test_no_event_no_stated_year_no_weekday_flag(synthetic_checker, text: str) -> None:
    assert all(v[1] != "contradicted" for v in _all_verdicts(synthetic_checker, text))


@pytest.mark.parametrize(
    "text",
    [
        "The city marks three years since the Legion mutiny today.",
        "Today Minsk commemorates the third anniversary of the Legion mutiny.",
        "Veterans of the Legion mutiny marked half a century on Sunday.",
    ],
)
def test_a_time_of_an_anniversary_kept_now_dates_no_event(synthetic_checker, text) -> None:
    report = synthetic_checker.check_text(text, REF, "a.txt")
    assert all(c.verdict != "contradicted" for c in report.claims)
    assert "anniversary" in {s.rule_name for s in report.skipped}


@pytest.mark.parametrize(
    "text",
    [
        "The Legion mutiny began on June 25, 2023; the city marks its third anniversary.",
        "The city marks the anniversary of the Legion mutiny of June 25, 2023 this year.",
    ],
)
def test_a_past_date_beside_an_anniversary_is_still_checked(synthetic_checker, text) -> None:
    got = [v for v in verdicts(synthetic_checker, text) if v[0] == "June 25, 2023"]
    assert [(v[1], v[3]) for v in got] == [("contradicted", "legion-mutiny-2023")]


def test_an_alias_without_a_letter_names_nothing(tmp_path: Path) -> None:
    checker = checker_for(
        tmp_path,
        "  - id: relief-act\n    title: Relief act signed\n    date: 2020-12-27\n"
        "    aliases: [Consolidated Appropriations Act, 2021]\n    keywords: [signed]\n"
        "    sources: [s]\n",
    )
    assert verdicts(checker, "The company went public in June 2021.") == []
    ((_, verdict, _, _),) = verdicts(
        checker, "Congress passed the Consolidated Appropriations Act in December 2020."
    )
    assert verdict == "supported"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ten years ago today the law was signed.", [("Ten years ago today", "2016-03-01")]),
        ("One year ago tomorrow, it opened.", [("One year ago tomorrow", "2025-03-02")]),
        ("Three years ago this month, it opened.", [("Three years ago this month", "2023-03")]),
        (
            "Two years ago, this month is different.",
            [("Two years ago", "2024"), ("this month", "2026-03")],
        ),
        (
            "Two years ago, today is different.",
            [("Two years ago", "2024"), ("today", "2026-03-01")],
        ),
    ],
)
def test_years_ago_today_is_one_date(text: str, want: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_times(text, REF)] == want


@pytest.mark.parametrize(
    "text",
    [
        "[3] Legion mutiny court records, July 2020.",
        '2. "Legion mutiny at a glance". Retrieved 3 May 2024.',
        "The Legion mutiny began in June 2023. This section needs expansion. (July 2020)",
        "Ivan Dorokhov, leader of the Legion mutiny, pictured in July 2020.",
    ],
)
def test_page_chrome_is_no_claim(synthetic_checker, text: str) -> None:
    report = synthetic_checker.check_text(text, REF, "page.txt")
    assert all(c.verdict == "supported" for c in report.claims)
    assert {s.rule_name for s in report.skipped} == {"page-chrome"}


def test_a_bracketed_citation_in_prose_is_no_chrome(synthetic_checker) -> None:
    report = synthetic_checker.check_text("The Legion mutiny began in July 2020.[3]", REF)
    assert [c.verdict for c in report.claims] == ["conflated"]


def test_equally_described_events_none_fitting_is_no_flag(tmp_path: Path) -> None:
    checker = checker_for(
        tmp_path,
        "  - {id: talks-a, title: Talks in Sochi, date: 2020-09-14, keywords: [talks],"
        " entities: [Putin, Lukashenko], sources: [s]}\n"
        "  - {id: talks-b, title: Talks in Minsk, date: 2022-12-19, keywords: [talks],"
        " entities: [Putin, Lukashenko], sources: [s]}\n",
    )
    report = checker.check_text("Putin and Lukashenko held talks in October 2021.", REF)
    assert [(c.verdict, c.finding.rule) for c in report.claims] == [
        ("unverifiable", "ambiguous-description")
    ]
    fitting = checker.check_text("Putin and Lukashenko held talks in September 2020.", REF)
    assert [c.verdict for c in fitting.claims] == ["supported"]


def test_a_relative_time_in_a_quotation_over_sentences_is_no_claim(synthetic_checker) -> None:
    text = '"The Legion mutiny shook us. It ended yesterday," Dorokhov said.'
    report = synthetic_checker.check_text(text, date(2024, 3, 1), "q.txt")
    assert not report.claims
    assert [s.rule_name for s in report.skipped] == ["quoted-relative"]
    plain = synthetic_checker.check_text("The Legion mutiny ended yesterday.", date(2023, 6, 25))
    assert [c.verdict for c in plain.claims] == ["supported"]


DEAL = """\
  - id: acme-deal-announced
    title: Acme agrees to buy Brightco
    date: 2019-02-14
    aliases: [Acme-Brightco deal announcement]
    keywords: [agreed, announced, deal, takeover]
    entities: [Acme, Brightco]
    sources: [https://example.org/acme]
    confused_with: [acme-deal-completed]
  - id: acme-deal-completed
    title: Acme completes its takeover of Brightco
    date: 2019-12-09
    aliases: [completion of the Acme-Brightco deal]
    keywords: [completed, closed, takeover, merger]
    entities: [Acme, Brightco]
    sources: [https://example.org/acme]
  - id: acme-ceo-convicted
    title: Acme chief executive convicted of fraud
    date: 2021-03-02
    keywords: [convicted, conviction, fraud, trial]
    entities: [Acme, John Roe]
    sources: [https://example.org/acme]
  - id: acme-conviction-overturned
    title: Appeals court overturns the Acme fraud conviction
    date: 2024-04-25
    keywords: [overturned, appeal, quashed]
    entities: [Acme, John Roe]
    sources: [https://example.org/acme]
"""


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the verb the date modifies is the completion's: the announcement's date is a
        # conflation, not a reason to read the sentence as about the announcement
        (
            "Acme's takeover of Brightco was completed on February 14, 2019, after a long review.",
            ("conflated", "acme-deal-completed"),
        ),
        (
            "Acme's takeover of Brightco was completed on December 9, 2019, after a long review.",
            ("supported", "acme-deal-completed"),
        ),
    ],
)
def test_the_verb_a_date_modifies_decides_between_related_events(
    tmp_path: Path, text: str, want: tuple[str, str]
) -> None:
    found = verdicts(checker_for(tmp_path, DEAL), text, date(2020, 6, 1))
    assert [(v[1], v[3]) for v in found] == [want]


def test_a_verb_above_a_dated_noun_does_not_decide(tmp_path: Path) -> None:
    """ "overturned John Roe's 2021 conviction": 2021 dates the conviction."""
    text = "An appeals court on Thursday overturned John Roe's 2021 fraud conviction at Acme."
    found = verdicts(checker_for(tmp_path, DEAL), text, date(2024, 4, 26))
    assert all(v[1] == "supported" or v[1] == "unverifiable" for v in found), found


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # the verb is the announcement's: the section's dates are not all the completion's
        (
            "The boards agreed the Brightco takeover on February 14, 2019.",
            ("supported", "acme-deal-announced"),
        ),
        # a verb of neither: in a section about the completion, the announcement's date
        # is the conflation the section invites
        ("The boards met on February 14, 2019.", ("conflated", "acme-deal-completed")),
    ],
)
def test_in_a_section_the_verb_a_date_modifies_can_name_another_event(
    tmp_path: Path, sentence: str, want: tuple[str, str]
) -> None:
    heading = "## Completion of the Acme-Brightco deal"
    text = f"# Acme in 2019\n\nA look back.\n\n{heading}\n\n{sentence}\n"
    report = checker_for(tmp_path, DEAL).check_text(text, date(2020, 6, 1), "a.md")
    assert [(c.verdict, c.finding.claim.event.id) for c in report.claims] == [want]


ACME = """\
  - id: acme-brix-merger-announced-2015
    title: Acme and Brix agree to combine
    date: 2015-03-31
    aliases: [Acme-Brix merger]
    keywords: [merger, combination]
    entities: [Acme, Brix]
    sources: [https://example.org/acme]
"""


@pytest.mark.parametrize(
    "text, verdict",
    [
        # "announced" is a word of the event only by its id: the date is the event's
        ("The Acme-Brix merger was announced on March 31, 2014.", "contradicted"),
        ("The Acme-Brix merger was announced on March 31, 2015.", "supported"),
        # a word that is no part of the event: the date is of something else
        ("The Acme-Brix merger was celebrated on March 31, 2014.", "unverifiable"),
    ],
)
def test_the_words_of_an_events_id_are_words_of_the_event(
    tmp_path: Path, text: str, verdict: str
) -> None:
    (got,) = verdicts(checker_for(tmp_path, ACME), text)
    assert got[1] == verdict, got


ORBIS = """\
  - id: orbis-refinery-fire-2019
    title: Fire at the Orbis refinery
    date: 2019-03-14
    aliases: [Orbis refinery fire]
    keywords: [fire, blaze]
    entities: [Orbis Energy, Port Delia]
    sources: [https://example.org/orbis]
"""


@pytest.mark.parametrize(
    "text, verdict",
    [
        # described, with its year: the description may carry a contradiction
        (
            "The fire at the Orbis Energy plant in Port Delia began on August 25, 2019.",
            "contradicted",
        ),
        # described, without a year: the event's year is only a guess (FC304), no flag
        ("The fire at the Orbis Energy plant in Port Delia began on August 25.", "unverifiable"),
        # named, without a year: the year of the event named is meant
        ("The Orbis refinery fire began on August 25.", "contradicted"),
    ],
)
def test_a_year_taken_from_a_described_event_carries_no_flag(
    tmp_path: Path, text: str, verdict: str
) -> None:
    (got,) = verdicts(checker_for(tmp_path, ORBIS), text)
    assert got[1] == verdict, got


@pytest.mark.parametrize(
    "text, verdict",
    [
        # the date modifies the named event's noun: it dates the fire, whatever the verb
        (
            "The Orbis refinery fire of August 2019 forced Orbis Energy to cut output.",
            "contradicted",
        ),
        ("The Orbis refinery fire of March 2019 forced Orbis Energy to cut output.", "supported"),
        # the date is of another doing of the event's actors (FC513): no flag
        (
            "Orbis Energy, owner of the site of the Orbis refinery fire, was sold in August 2019.",
            "unverifiable",
        ),
    ],
)
def test_a_date_that_modifies_the_events_name_dates_the_event(
    tmp_path: Path, text: str, verdict: str
) -> None:
    (got,) = verdicts(checker_for(tmp_path, ORBIS), text)
    assert got[1] == verdict, got


@pytest.mark.parametrize(
    "text, expected",
    [
        # a date in the order phrase, right after the event it names, dates that event
        (
            "After the Orbis refinery fire on 14 March 2019, Orbis Energy cut its output.",
            [("14 March 2019", "supported", "date", "orbis-refinery-fire-2019")],
        ),
        (
            "After the Orbis refinery fire in August 2019, Orbis Energy cut its output.",
            [("August 2019", "contradicted", "wrong-date", "orbis-refinery-fire-2019")],
        ),
        # the sentence's own date, not the fire's
        ("After the Orbis refinery fire, Orbis Energy cut its output in August 2019.", []),
        (
            "A year after the Orbis refinery fire, on 14 March 2020, Orbis Energy cut its output.",
            [],
        ),
    ],
)
def test_a_date_in_an_order_phrase_dates_its_event(
    tmp_path: Path, text: str, expected: list[tuple]
) -> None:
    assert verdicts(checker_for(tmp_path, ORBIS), text) == expected


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Legion mutiny began on a Friday.", ("supported", "weekday")),
        ("The Legion mutiny began on a Monday.", ("contradicted", "weekday")),
        (
            "When the Legion mutiny began on that Friday afternoon, few noticed.",
            ("supported", "weekday"),
        ),
    ],
)
def test_a_weekday_of_the_story_is_checked_as_a_weekday(synthetic_checker, text, want) -> None:
    # written years later: the weekday is the event's, not one of the text's week
    ((_, verdict, rule, event),) = verdicts(synthetic_checker, text)
    assert (verdict, rule, event) == (*want, "legion-mutiny-2023")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a clock time on a day it names is checked as that day
        ("The Legion mutiny began at 10 a.m. on Monday, June 23, 2023.", "contradicted"),
        ("The Legion mutiny began at 10 a.m. on Friday, June 23, 2023.", "supported"),
    ],
)
def test_a_clock_time_on_a_named_day_is_that_day(synthetic_checker, text, want) -> None:
    got = {v[1] for v in verdicts(synthetic_checker, text)}
    assert want in got and ({"contradicted"} & got) == ({want} & {"contradicted"})


def _order(checker: factcheck.Checker, text: str) -> list[tuple]:
    report = checker.check_text(text, REF, "a.txt")
    return [
        (c.finding.claim.time.text, c.verdict, c.finding.rule)
        for c in report.claims
        if c.finding.claim.kind == "order"
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 2020-07-29 to 2023-06-23: 2.9 years
        ("The Legion mutiny began three years after the Legion arrests.", "supported"),
        ("The Legion mutiny began almost three years after the Legion arrests.", "supported"),
        ("The Legion mutiny began five years after the Legion arrests.", "contradicted"),
        ("The Legion mutiny began more than three years after the Legion arrests.", "contradicted"),
        ("The Legion mutiny began a year after the Legion arrests.", "contradicted"),
        ("The Legion mutiny began 34 months after the Legion arrests.", "supported"),
        ("The Legion arrests came three years before the Legion mutiny.", "supported"),
        ("The Legion arrests came ten years before the Legion mutiny.", "contradicted"),
    ],
)
def test_a_stated_distance_between_two_events_is_checked(synthetic_checker, text, want) -> None:
    ((_, verdict, rule),) = _order(synthetic_checker, text)
    assert (verdict, rule) == (want, "gap")


def test_a_distance_of_another_doing_is_not_flagged(synthetic_checker) -> None:
    # the distance dates the visit, not the mutiny the sentence names
    text = (
        "Five years after the Legion arrests, Dorokhov visited Minsk with the Legion "
        "mutiny veterans."
    )
    assert all(v[1] != "contradicted" for v in _order(synthetic_checker, text))


SAGA = """\
  - id: roe-case-disclosed
    title: Regulator discloses the John Roe doping case
    date: 2024-08-20
    aliases: [John Roe doping case]
    keywords: [doping, case, cleared]
    entities: [John Roe, Anti-Doping Agency]
    sources: [https://example.org/case]
  - id: roe-ban-agreed
    title: John Roe accepts a three-month ban
    date: 2025-02-15
    keywords: [ban, suspension, settlement]
    entities: [John Roe, Anti-Doping Agency]
    sources: [https://example.org/ban]
    parent: roe-case-disclosed
"""


def test_in_a_section_a_phase_of_the_same_story_is_no_mix_up(tmp_path: Path) -> None:
    # the section is about the case; the ban is a part of it, dated right
    text = (
        "# Doping cases\n\n## The John Roe doping case\n\n"
        "On 15 February 2025 the agency announced that Roe had accepted a suspension.\n"
    )
    report = checker_for(tmp_path, SAGA).check_text(text, date(2025, 6, 1), "a.md")
    assert all(c.verdict not in ("conflated", "contradicted") for c in report.claims)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # described, not named: the day is the event's, so its year is, and the weekday
        # beside it must be that day's (June 23, 2023 was a Friday)
        ("Dorokhov's Ostrava Legion fighters began an uprising on Monday, June 23.", True),
        ("Dorokhov's Ostrava Legion fighters began an uprising on Friday, June 23.", False),
        # another day: the year is only a guess, no weekday check
        ("Dorokhov's Ostrava Legion fighters began an uprising on Monday, June 26.", False),
    ],
)
def test_a_wrong_weekday_beside_the_described_events_day(synthetic_checker, text, flagged):
    got = [v for v in verdicts(synthetic_checker, text) if v[2] == "weekday-of-date"]
    assert bool(got) is flagged


@pytest.mark.parametrize(
    "text",
    [
        # without "respectively" the order of the events is no claim: each year is paired
        # with the one named event it fits
        "Losses came from disasters in 2015 and 2023, including the Legion mutiny and the "
        "Kelso dam collapse.",
        "Losses came from disasters in 2023 and 2015, including the Legion mutiny and the "
        "Kelso dam collapse.",
    ],
)
def test_coordinated_times_pair_in_order_only_when_the_text_says_so(
    synthetic_checker, text
) -> None:
    report = synthetic_checker.check_text(text, REF, "a.txt")
    got = [(c.verdict, c.finding.claim.trace) for c in report.claims]
    # paired with the event it fits by the pairing itself (FC204), not moved there after
    # a wrong pairing (FC211 absorbed-by-fitting)
    assert got and all(v == "supported" and "FC211" not in tr for v, tr in got), got
