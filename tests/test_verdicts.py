"""Verdicts (CONTRACTS §3) on a small synthetic timeline written by the tests.

The timeline (tests/conftest.py, SYNTHETIC): the "Legion mutiny" (2023-06-23..24) and the
"Legion arrests" (2020-07-29) share an entity and name each other in confused_with; the
"Kelso dam collapse" (2015-03-14) is unrelated.
"""

from __future__ import annotations

from datetime import date

import pytest

MUTINY = "legion-mutiny-2023"
ARRESTS = "legion-arrests-2020"
DAM = "kelso-dam-collapse-2015"


def claims(checker, text: str, reference_date: date | None = None) -> list[dict]:
    return checker.check_text(text, reference_date=reference_date).to_dict()["claims"]


def one_claim(checker, text: str, reference_date: date | None = None) -> dict:
    found = claims(checker, text, reference_date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, said, event_id",
    [
        ("The Legion mutiny took place in June 2023.", "June 2023", MUTINY),
        ("The Legion mutiny broke out on 23 June 2023.", "23 June 2023", MUTINY),
        ("The Legion mutiny took place in 2023.", "2023", MUTINY),
        ("The Kelso dam collapse happened in March 2015.", "March 2015", DAM),
        ("The Legion arrests were made in July 2020.", "July 2020", ARRESTS),
    ],
)
def test_supported(synthetic_checker, text, said, event_id):
    claim = one_claim(synthetic_checker, text)
    assert claim["time"]["text"] == said
    assert claim["event"]["id"] == event_id
    assert (claim["verdict"], claim["severity"]) == ("supported", "info")
    assert [e["id"] for e in claim["evidence"]] == [event_id]


def test_contradicted_wrong_year(synthetic_checker):
    claim = one_claim(synthetic_checker, "The Legion mutiny took place in June 2026.")
    assert claim["event"]["id"] == MUTINY
    assert (claim["verdict"], claim["severity"]) == ("contradicted", "error")
    assert claim["suggestion"] == "2023-06-23 to 2023-06-24"
    assert "3 years" in claim["message"]
    assert "June 2026" in claim["message"]  # what the text says
    assert "2023-06-23" in claim["message"]  # what the timeline says
    assert claim["evidence"][0]["sources"] == ["https://example.org/mutiny"]


def test_contradicted_unrelated_event(synthetic_checker):
    claim = one_claim(synthetic_checker, "The Kelso dam collapse happened in 2019.")
    assert (claim["event"]["id"], claim["verdict"], claim["severity"]) == (
        DAM,
        "contradicted",
        "error",
    )
    assert claim["suggestion"] == "2015-03-14"
    assert "4 years" in claim["message"]


@pytest.mark.parametrize("said", ["July 2020", "29 July 2020", "2020"])
def test_conflated(synthetic_checker, said):
    claim = one_claim(synthetic_checker, f"The Legion mutiny took place in {said}.")
    assert claim["time"]["text"] == said
    assert claim["event"]["id"] == MUTINY
    assert (claim["verdict"], claim["severity"], claim["rule"]) == (
        "conflated",
        "error",
        "conflation",
    )
    assert claim["suggestion"] == "2023-06-23 to 2023-06-24"
    evidence = {e["id"]: e for e in claim["evidence"]}
    assert ARRESTS in evidence
    assert evidence[ARRESTS]["date"] == "2020-07-29"
    assert evidence[ARRESTS]["sources"] == [
        "https://example.org/arrests",
        "Minsk Herald, 30 July 2020",
    ]
    assert "Minsk detains Legion fighters" in claim["message"]


def test_wrong_date_of_an_unrelated_event_is_not_conflated(synthetic_checker):
    # 2015 is the dam collapse's year, but the dam is not related to the mutiny.
    claim = one_claim(synthetic_checker, "The Legion mutiny took place in 2015.")
    assert claim["verdict"] == "contradicted"
    assert DAM not in [e["id"] for e in claim["evidence"]]


def test_weekday_supported(synthetic_checker):
    claim = one_claim(synthetic_checker, "The Legion mutiny began on a Friday.")
    assert claim["event"]["id"] == MUTINY
    assert claim["verdict"] == "supported"  # 2023-06-23 was a Friday


def test_weekday_within_a_multi_day_event_supported(synthetic_checker):
    claim = one_claim(synthetic_checker, "The Legion mutiny ended on Saturday.")
    assert claim["verdict"] == "supported"  # 2023-06-24 was a Saturday


def test_weekday_contradicted(synthetic_checker):
    claim = one_claim(synthetic_checker, "The Legion mutiny began on a Monday.")
    assert claim["event"]["id"] == MUTINY
    assert (claim["verdict"], claim["severity"]) == ("contradicted", "error")
    assert "Monday" in claim["message"]
    assert "Friday" in claim["message"]
    assert claim["suggestion"] == "2023-06-23 to 2023-06-24"


def test_weekday_resolved_with_a_reference_date(synthetic_checker):
    # Written on Monday 26 June 2023, "on Friday" is 23 June.
    claim = one_claim(
        synthetic_checker, "The Legion mutiny began on Friday.", reference_date=date(2023, 6, 26)
    )
    assert claim["time"]["start"] == "2023-06-23"
    assert claim["verdict"] == "supported"


def test_order_supported(synthetic_checker):
    claim = one_claim(synthetic_checker, "The Legion mutiny came after the Legion arrests.")
    assert claim["event"]["id"] == MUTINY
    assert claim["time"]["relation"] == "after"
    assert (claim["verdict"], claim["rule"]) == ("supported", "order")
    assert {e["id"] for e in claim["evidence"]} == {MUTINY, ARRESTS}


@pytest.mark.parametrize(
    "text, relation",
    [
        (
            "Minsk carried out the Legion arrests for the first time since the Legion mutiny.",
            "since",
        ),
        ("The Legion arrests came after the Legion mutiny.", "after"),
        ("The Legion mutiny broke out before the Legion arrests.", "before"),
    ],
)
def test_order_contradicted(synthetic_checker, text, relation):
    claim = one_claim(synthetic_checker, text)
    assert claim["time"]["relation"] == relation
    assert (claim["verdict"], claim["severity"], claim["rule"]) == (
        "contradicted",
        "error",
        "order",
    )
    assert {e["id"] for e in claim["evidence"]} == {MUTINY, ARRESTS}


def test_unverifiable_without_a_matching_event(synthetic_checker):
    claim = one_claim(synthetic_checker, "A parade was held in the capital in March 2011.")
    assert claim["event"] is None
    assert (claim["verdict"], claim["severity"]) == ("unverifiable", "info")
    assert claim["evidence"] == []
    assert "March 2011" in claim["message"]


def test_forecast_is_never_flagged(synthetic_checker):
    # A plan or forecast is no claim about the past: it is skipped, or checked but never
    # flagged. The same date stated as a fact is flagged.
    for claim in claims(synthetic_checker, "The Legion mutiny will be commemorated in 2025."):
        assert claim["severity"] == "info", claim
        assert claim["verdict"] not in ("contradicted", "conflated")
    (control,) = claims(synthetic_checker, "The Legion mutiny took place in 2025.")
    assert control["severity"] == "error"
    # (commemorated in 2025 as a fact dates a commemoration, not the mutiny: FC513)
    (other,) = claims(synthetic_checker, "The Legion mutiny was commemorated in 2025.")
    assert (other["verdict"], other["rule"]) == ("unverifiable", "other-predicate")


@pytest.mark.parametrize("verb", ["closed", "was marked"])
def test_closing_and_marking_are_no_light_verbs(synthetic_checker, verb):
    # "The theatre closed in January 2002" dates a closing, not the reopening the words
    # describe: FC513 abstains; a light verb (took place) still dates the event itself
    (claim,) = claims(synthetic_checker, f"The Legion mutiny {verb} in 2025.")
    assert (claim["verdict"], claim["rule"]) == ("unverifiable", "other-predicate")


def test_reporting_date_of_something_earlier_is_not_a_claim(synthetic_checker):
    text = "Ivan Dorokhov said on Thursday that the Legion mutiny had ended."
    assert claims(synthetic_checker, text) == []


def test_reporting_date_is_not_a_claim(synthetic_checker):
    text = "Ivan Dorokhov said on Thursday that the Legion mutiny was over."
    assert [c for c in claims(synthetic_checker, text) if c["severity"] != "info"] == []


def test_reporting_date_control(synthetic_checker):
    (claim,) = claims(synthetic_checker, "The Legion mutiny began on Thursday, Dorokhov confirmed.")
    assert claim["verdict"] == "contradicted"  # the same weekday stated as the event's


def test_summary_counts(synthetic_checker):
    text = (
        "The Legion mutiny took place in June 2023.\n\n"
        "The Legion mutiny took place in July 2020.\n\n"
        "The Kelso dam collapse happened in 2019.\n\n"
        "A parade was held in the capital in March 2011.\n"
    )
    report = synthetic_checker.check_text(text)
    assert report.to_dict()["summary"] == {
        "supported": 1,
        "contradicted": 1,
        "conflated": 1,
        "unverifiable": 1,
    }
    assert [c.line for c in report.claims] == [1, 3, 5, 7]


@pytest.mark.parametrize(
    "text, verdict, event_id",
    [
        # two of the mutiny's actors, no word of what happened: a candidate that supports
        ("Ivan Dorokhov and the Ostrava Legion reached Rostov in June 2023.", "supported", MUTINY),
        # ... and never contradicts: a date that misses is left unverifiable
        ("Ivan Dorokhov and the Ostrava Legion reached Rostov in June 2021.", "unverifiable", None),
        # one actor alone is no link at all
        ("Ivan Dorokhov reached Rostov in June 2021.", "unverifiable", None),
    ],
)
def test_two_actors_named_without_a_keyword(synthetic_checker, text, verdict, event_id):
    claim = one_claim(synthetic_checker, text)
    assert claim["verdict"] == verdict
    if event_id is not None:
        assert claim["event"]["id"] == event_id
    if text.startswith("Ivan Dorokhov reached"):
        assert claim["event"] is None
