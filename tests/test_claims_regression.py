"""Regression examples for the claim-linking rules, on a tiny invented timeline.

Each rule has an example it must get right and one showing where it stops:

- a figure compared with a time ("compared to the previous year") is no claim;
- a date that does not fit the chosen event but fits another event the sentence
  describes is that event's (supported), while a date that fits a related event the
  sentence does *not* describe stays a conflation;
- coordinated dates and events ("in March and June to unveil X and Y") are read
  respectively;
- an alias whose words are spread over a few words still names the event, so a wrong
  weekday in such a sentence is contradicted;
- an event the date's clause describes clearly (a keyword and an entity) is
  contradicted by a date near it, but a date years away is another event of its kind;
- a named event's date that fits any event sharing an entity with it is a conflation;
- fiscal periods and the dates of reports ("an April 2 report") are no claims.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

TIMELINE = """\
schema: 1
title: Regression timeline
events:
  - id: bridge-award-2019
    title: Halvard Council awards the bridge contract to Norcrest Builders
    date: 2019-02-28
    aliases: [Halvard bridge contract, bridge contract award]
    keywords: [contract, award, selected]
    entities: [Halvard Council, Norcrest Builders]
    sources: [https://example.org/award]
    confused_with: [audit-ruling-2019]
  - id: audit-ruling-2019
    title: State Audit Office orders the bridge tender re-run
    date: 2019-06-18
    aliases: [audit office ruling]
    keywords: [re-run, ruling, upheld, complaint]
    entities: [State Audit Office, Norcrest Builders]
    sources: [https://example.org/audit]
    confused_with: [bridge-award-2019]
  - id: zephyr-unveiled-2021
    title: Orbis unveils the Zephyr tablet
    date: 2021-03
    aliases: [Zephyr tablet launch, unveil the Zephyr tablet]
    keywords: [unveil, tablet]
    entities: [Orbis, Zephyr]
    sources: [https://example.org/zephyr]
  - id: cirrus-unveiled-2021
    title: Orbis unveils the Cirrus service
    date: 2021-06
    aliases: [Cirrus unveiling]
    keywords: [Cirrus, unveiled]
    entities: [Orbis, Cirrus]
    sources: [https://example.org/cirrus]
  - id: pellmart-opening-2022
    title: Pellmart opens its flagship store
    date: 2022-05-13
    aliases: [Pellmart store opening]
    keywords: [opened, flagship]
    entities: [Pellmart]
    sources: [https://example.org/pellmart]
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory):
    import factcheck

    path: Path = tmp_path_factory.mktemp("regression") / "timeline.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    return factcheck.Checker(factcheck.load_timeline([path]))


def claims(checker, text: str, reference_date: date) -> list[dict]:
    return checker.check_text(text, reference_date=reference_date).to_dict()["claims"]


def verdict_of(checker, text: str, said: str, reference_date: date) -> tuple[str, str | None]:
    found = [c for c in claims(checker, text, reference_date) if c["time"]["text"] == said]
    assert len(found) == 1, claims(checker, text, reference_date)
    return found[0]["verdict"], (found[0].get("event") or {}).get("id")


def test_comparison_baseline_is_no_claim(checker):
    text = (
        "Norcrest Builders won the bridge contract award; its sales rose 20% "
        "compared to the previous year."
    )
    found = claims(checker, text, date(2019, 7, 1))
    assert all("previous year" not in c["time"]["text"] for c in found)


def test_date_fitting_a_described_event_is_that_events(checker):
    text = (
        "The State Audit Office on June 18, 2019 ordered a re-run of the tender "
        "for the Halvard bridge contract."
    )
    assert verdict_of(checker, text, "June 18, 2019", date(2019, 7, 1)) == (
        "supported",
        "audit-ruling-2019",
    )


def test_date_of_an_undescribed_related_event_is_still_conflated(checker):
    # (awarded: a word of the award; "signed" would date another act, see
    # test_a_date_of_another_predicate_is_no_flag)
    text = "The Halvard bridge contract was awarded on June 18, 2019, the council said."
    verdict, event = verdict_of(checker, text, "June 18, 2019", date(2019, 7, 1))
    assert (verdict, event) == ("conflated", "bridge-award-2019")


def test_coordinated_dates_are_read_respectively(checker):
    text = (
        "Orbis staged events in March and June to unveil the Zephyr tablet and the Cirrus service."
    )
    found = claims(checker, text, date(2021, 8, 1))
    verdicts = {c["time"]["text"]: (c["verdict"], c["event"]["id"]) for c in found}
    assert verdicts["June"] == ("supported", "cirrus-unveiled-2021")
    assert all(c["verdict"] not in ("contradicted", "conflated") for c in found)


@pytest.mark.parametrize(
    "day, verdict",
    [("Friday", "supported"), ("Thursday", "contradicted")],
)
def test_alias_spread_over_the_sentence_names_the_event(checker, day, verdict):
    text = f"Pellmart on {day} opened the doors of its new store in the city centre."
    assert verdict_of(checker, text, day, date(2022, 5, 16)) == (verdict, "pellmart-opening-2022")


def test_alias_words_far_apart_do_not_name_the_event(checker):
    text = (
        "Pellmart, whose chairman once worked as a carpenter in a small village far away, "
        "said on Thursday that the new store had been a success."
    )
    assert all(c["verdict"] != "contradicted" for c in claims(checker, text, date(2022, 5, 16)))


def test_passive_announcement_dates_the_event(checker):
    text = "Pellmart has opened four stores since its flagship store was opened in May 2022."
    found = [c for c in claims(checker, text, date(2023, 1, 10)) if c["time"]["text"] == "May 2022"]
    assert [c["verdict"] for c in found] == ["supported"]


def test_report_of_something_earlier_is_skipped(checker):
    text = "Pellmart said on Thursday that it had opened its flagship store."
    assert claims(checker, text, date(2022, 6, 20)) == []


def test_weak_link_gives_way_to_a_mentioned_event_that_fits(checker):
    text = (
        "The Halvard bridge contract was awarded in February 2019. "
        "Norcrest Builders later faced the State Audit Office in June 2019."
    )
    found = claims(checker, text, date(2019, 7, 1))
    june = [c for c in found if c["time"]["text"] == "June 2019"]
    assert [(c["verdict"], c["event"]["id"]) for c in june] == [("supported", "audit-ruling-2019")]


def test_clear_description_near_the_date_is_contradicted(checker):
    text = "Pellmart opened its flagship store on May 20, 2022, to large crowds."
    assert verdict_of(checker, text, "May 20, 2022", date(2022, 6, 1)) == (
        "contradicted",
        "pellmart-opening-2022",
    )


def test_clear_description_years_away_is_another_event(checker):
    text = "Pellmart opened a flagship in Leeds in 2009, long before this one."
    verdict, _ = verdict_of(checker, text, "2009", date(2022, 6, 1))
    assert verdict == "unverifiable"


def test_description_in_another_clause_does_not_accuse(checker):
    text = (
        "Pellmart opened its flagship store to large crowds, "
        "but on May 20, 2022 the chairman resigned."
    )
    found = claims(checker, text, date(2022, 6, 1))
    assert all(c["verdict"] not in ("contradicted", "conflated") for c in found)


def test_named_event_dated_like_an_event_sharing_an_entity_is_conflated(checker):
    text = "The Zephyr tablet launch took place in June 2021."
    assert verdict_of(checker, text, "June 2021", date(2021, 8, 1)) == (
        "conflated",
        "zephyr-unveiled-2021",
    )


@pytest.mark.parametrize(
    "text",
    [
        "In the first quarter of the fiscal year Pellmart opened its flagship store.",
        "According to a May 2 report, Pellmart opened its flagship store.",
    ],
)
def test_fiscal_periods_and_report_dates_are_no_claims(checker, text):
    found = claims(checker, text, date(2022, 6, 1))
    assert all(c["verdict"] not in ("contradicted", "conflated") for c in found)


def test_less_than_n_ago_allows_any_day_since(checker):
    text = "Pellmart opened its flagship store less than three weeks ago."
    found = claims(checker, text, date(2022, 5, 30))
    assert [(c["verdict"], c["event"]["id"]) for c in found] == [
        ("supported", "pellmart-opening-2022")
    ]


def test_premodified_date_goes_to_events_of_that_noun(checker):
    # "the 2018 flagship" dates a flagship: the opening event has that word; a date
    # modifying a noun no event has ("the 2018 parade") is nobody's claim
    far = "Pellmart, proud of the 2018 parade, opened its flagship store in May 2022."
    found = {c["time"]["text"]: c for c in claims(checker, far, date(2022, 6, 1))}
    assert found["2018"]["verdict"] == "unverifiable" and found["2018"]["event"] is None


def test_report_describes_no_event_later_than_its_date(checker):
    # Zephyr (March 2021) and Cirrus (June 2021) are both Orbis unveilings; an article of
    # April 2021 cannot describe the June one
    text = "Orbis unveiled its new Cirrus device to reporters on Tuesday."
    found = claims(checker, text, date(2021, 4, 2))
    assert all(c["event"] is None or c["event"]["id"] != "cirrus-unveiled-2021" for c in found)


def test_a_keyword_phrase_counts_only_whole(checker):
    # "re-run" is a keyword of the audit ruling; "run" alone in "a run of bad luck" is not
    from factcheck.claims.matching import EventIndex

    index = checker.index
    assert isinstance(index, EventIndex)
    assert all(len(p) >= 1 for p in index.keyword_phrases["audit-ruling-2019"])


@pytest.mark.parametrize(
    "when, verdict",
    [("May 2022", "supported"), ("August 2022", "contradicted")],
)
def test_delayed_until_dates_the_event_itself(checker, when, verdict):
    text = f"Pellmart's flagship store opening will be delayed until {when}, the chain said."
    assert verdict_of(checker, text, when, date(2021, 11, 1)) == (verdict, "pellmart-opening-2022")


def test_forecast_of_a_past_event_is_never_flagged(checker):
    # the opening was in May 2022: a 2024 plan "to celebrate" it dates no opening
    text = "Pellmart will celebrate the Pellmart store opening in June 2024."
    found = claims(checker, text, date(2023, 1, 1))
    assert all(c["verdict"] not in ("contradicted", "conflated") for c in found)


def test_united_states_is_no_reporting_verb(checker):
    text = "Pellmart opened its flagship store in the United States on Friday."
    assert verdict_of(checker, text, "Friday", date(2022, 5, 16)) == (
        "supported",
        "pellmart-opening-2022",
    )


def test_dateline_line_is_its_own_sentence(checker):
    text = "May 16, 2022\nPellmart opened its flagship store on Thursday.\n"
    assert verdict_of(checker, text, "Thursday", date(2022, 5, 16)) == (
        "contradicted",
        "pellmart-opening-2022",
    )


def test_coarser_time_in_the_clause_does_not_take_the_event(checker):
    text = "On Thursday, at this year's gala, Pellmart opened its flagship store."
    assert verdict_of(checker, text, "Thursday", date(2022, 5, 16)) == (
        "contradicted",
        "pellmart-opening-2022",
    )


def test_model_number_plurals_stem_to_the_model():
    from factcheck.claims.matching import stem

    assert stem("737s") == "737" and stem("A380s") == "a380" and stem("2000s") == "2000"


def test_sentence_opening_pronoun_refers_to_the_topics_main_entity(checker):
    # "It" is Pellmart (the paragraph's event's first entity): with the keywords,
    # the sentence describes the opening
    text = (
        "Pellmart store opening drew crowds in May 2022.\n"
        "It opened a flagship on May 13, 2022, the mayor recalled."
    )
    found = [c for c in claims(checker, text, date(2022, 6, 1)) if c["line"] == 2]
    assert [(c["verdict"], c["event"]["id"]) for c in found] == [
        ("supported", "pellmart-opening-2022")
    ]


def test_bound_as_early_as_is_no_claim(checker):
    text = "Pellmart had planned its flagship store as early as 2015, the mayor said."
    found = claims(checker, text, date(2022, 6, 1))
    assert all("2015" not in c["time"]["text"] for c in found)


def test_coordinated_verb_phrase_is_a_clause_of_its_own(checker):
    # the second clause's date belongs to the flagship opening, not to the ruling named
    # in the first
    text = (
        "The audit office ruling has stood since June 2019 and has been "
        "followed by the Pellmart store opening in May 2022."
    )
    found = {c["time"]["text"]: c for c in claims(checker, text, date(2022, 6, 1))}
    assert found["May 2022"]["verdict"] == "supported"
    assert found["May 2022"]["event"]["id"] == "pellmart-opening-2022"


def test_date_does_not_pick_a_clearly_less_described_event(checker):
    # the sentence describes the ruling (upheld, complaint, re-run, State Audit Office,
    # Norcrest) much better than the award (contract, Norcrest); February 2019 fits the
    # award, but the ruling is what the sentence is about: a conflation
    text = (
        "The State Audit Office upheld the complaint and ordered a re-run of the "
        "Norcrest Builders contract in February 2019."
    )
    verdict, event = verdict_of(checker, text, "February 2019", date(2019, 7, 1))
    assert (verdict, event) == ("conflated", "audit-ruling-2019")


def test_a_rank_over_a_period_is_no_accusation(checker):
    text = "Pellmart opened the biggest flagship in Leeds in 2021."
    found = claims(checker, text, date(2022, 6, 1))
    assert all(c["verdict"] not in ("contradicted", "conflated") for c in found)


def test_agency_dateline_is_no_claim(checker):
    text = "LEEDS, May 16, 2022 (Wire) - Pellmart opened its flagship store on Friday."
    found = claims(checker, text, date(2022, 5, 16))
    assert [c["time"]["text"] for c in found] == ["Friday"]


def test_gap_is_told_at_the_stated_precision(checker):
    text = "The Pellmart store opening took place in May 2023."
    found = claims(checker, text, date(2023, 6, 1))
    assert found[0]["verdict"] == "contradicted"
    assert "off by 1 year" in found[0]["message"]


def test_name_in_another_clause_yields_to_a_clear_description_in_the_dates(checker):
    # the ruling is named in the first clause; the date's clause describes the opening
    text = (
        "Observers recalled the audit office ruling, but Pellmart opened its new flagship "
        "to big crowds in Leeds in May 2022."
    )
    assert verdict_of(checker, text, "May 2022", date(2022, 6, 1)) == (
        "supported",
        "pellmart-opening-2022",
    )


def test_coordinated_dates_pair_with_their_events_in_order(checker):
    text = (
        "Orbis staged events in January and June to unveil the Zephyr tablet and the "
        "Cirrus service."
    )
    found = {c["time"]["text"]: c for c in claims(checker, text, date(2021, 8, 1))}
    assert (found["January"]["verdict"], found["January"]["event"]["id"]) == (
        "contradicted",
        "zephyr-unveiled-2021",
    )
    assert found["June"]["verdict"] == "supported"


def test_coordinated_verb_phrase_shares_the_subject(checker):
    # "Pellmart" is the subject of both verb phrases: the second is clearly the opening
    text = (
        "Pellmart has backed the audit office ruling since 2019 and has opened its "
        "flagship in Leeds since June 2022."
    )
    verdict, event = verdict_of(checker, text, "June 2022", date(2022, 8, 1))
    assert (verdict, event) == ("contradicted", "pellmart-opening-2022")


def test_the_company_refers_to_the_entity_just_named(checker):
    text = (
        "Pellmart flagship opened\n\n"
        "Pellmart said on Monday that it had opened its flagship.\n"
        "The company opened the flagship in Leeds on May 20, 2022, the mayor recalled."
    )
    found = [c for c in claims(checker, text, date(2022, 6, 1)) if c["line"] == 4]
    assert [(c["verdict"], c["event"]["id"]) for c in found] == [
        ("contradicted", "pellmart-opening-2022")
    ]


def test_flagged_forecast_says_the_text_expects(checker):
    text = "Pellmart's flagship store opening will be delayed until August 2022."
    found = claims(checker, text, date(2021, 11, 1))
    assert found[0]["verdict"] == "contradicted"
    assert found[0]["message"].startswith("The text expects")


@pytest.mark.parametrize(
    "said,reference,verdict",
    [
        ("Friday night", date(2022, 5, 15), "supported"),  # 2022-05-13TNI: that Friday
        ("last night", date(2022, 5, 14), "supported"),
        ("Friday night", date(2022, 5, 24), "contradicted"),  # 2022-05-20TNI, a week late
    ],
)
def test_part_of_a_day_dates_the_event_as_that_day(checker, said, reference, verdict):
    text = f"Pellmart opened its flagship store {said}, drawing large crowds."
    assert verdict_of(checker, text, said, reference) == (verdict, "pellmart-opening-2022")


def test_a_date_of_another_predicate_is_no_flag(checker):
    # the parse says what the date is of: "signed" is not what the timeline tells of the
    # award, so the date may be of another act (no flag); "awarded" is
    text = "The Halvard bridge contract was signed on June 18, 2019, the council said."
    found = claims(checker, text, date(2019, 7, 1))
    assert [(c["verdict"], c["rule"]) for c in found] == [("unverifiable", "other-predicate")]
    assert found[0]["time"]["head"]["text"] == "signed"
