"""The shipped syntax model and where each claim's time expression attaches (issue 14)."""

from __future__ import annotations

import json

import pytest
import spacy
from helpers import invoke

import factcheck
from factcheck.pipeline import build_pipeline
from factcheck.syntax import Attachment, model_path
from factcheck.syntax.parser import SyntaxParser


@pytest.fixture(scope="module")
def shipped() -> spacy.language.Language:
    return spacy.load(model_path())


def test_the_model_is_shipped_with_its_licence(shipped) -> None:
    assert model_path().is_dir()
    assert {"tagger", "parser"} <= set(shipped.pipe_names)
    licence = (model_path() / "LICENSE").read_text(encoding="utf-8")
    assert "UD_English-EWT" in licence and "Attribution-ShareAlike 4.0" in licence
    assert shipped.meta["license"] == "CC BY-SA 4.0"
    assert not (model_path() / "model-last").exists()


def test_the_model_tags_and_parses(shipped) -> None:
    doc = shipped("The mutiny began on June 23, 2023.")
    assert [t.dep_ for t in doc if t.text == "began"] == ["ROOT"]
    date = doc[4:8]  # "June 23, 2023"
    assert (date.root.dep_, date.root.head.text) == ("obl", "began")
    assert doc[2].tag_ == "VBD" and doc[2].pos_ == "VERB"


def _attach(text: str, expression: str) -> Attachment | None:
    doc = build_pipeline()(text)
    syntax = SyntaxParser()
    start = text.index(expression)
    return syntax.attach(doc, (0, len(text)), (start, start + len(expression)))


def test_a_date_attaches_to_its_verb() -> None:
    found = _attach("The mutiny began on June 23, 2023.", "June 23, 2023")
    assert found is not None
    assert (found.head, found.path) == ("began", ("obl",))
    assert found.head_start == 11 and found.head_end == 16


def test_a_date_inside_a_subject_climbs_to_the_verb() -> None:
    found = _attach("The mutiny of June 2023 shocked the country.", "June 2023")
    assert found is not None
    assert found.head == "shocked"
    assert found.path[-1] == "nsubj" and len(found.path) == 2
    assert found.between == ("mutiny",)  # the noun it dates on the way up


def test_a_date_on_its_verb_passes_no_noun() -> None:
    found = _attach("The mutiny began on June 23, 2023.", "June 23, 2023")
    assert found is not None and found.between == ()


def test_claims_carry_the_attachment_and_json_shows_it(synthetic_checker) -> None:
    text = "Report\n\nThe Legion mutiny began on June 23, 2023.\n"
    report = synthetic_checker.check_text(text, path="a.txt")
    (claim,) = report.claims
    syntax = claim.finding.claim.syntax
    assert syntax is not None and syntax.head == "began" and syntax.path == ("obl",)
    time = report.to_dict()["claims"][0]["time"]
    assert time["head"] == {"text": "began", "line": 3, "column": 19}
    assert time["path"] == ["obl"]
    assert claim.verdict == "supported"


def test_claims_without_an_event_are_not_parsed(synthetic_checker) -> None:
    text = "The weather was fine on March 3, 1911.\n"
    report = synthetic_checker.check_text(text, path="a.txt")
    (claim,) = report.claims
    assert claim.verdict == "unverifiable"
    assert claim.finding.claim.syntax is None
    time = report.to_dict()["claims"][0]["time"]
    assert "head" not in time and "path" not in time


def test_a_trained_pipeline_given_with_model_parses_itself(synthetic_timeline) -> None:
    timeline = factcheck.load_timeline([str(synthetic_timeline)])
    checker = factcheck.Checker(timeline, model=str(model_path()))
    assert "parser" in checker.nlp.pipe_names and checker.focuser is None
    report = checker.check_text("The Legion mutiny began on June 23, 2023.", path="a.txt")
    (claim,) = report.claims
    assert claim.finding.claim.syntax is not None
    assert claim.finding.claim.syntax.head == "began"


def test_cli_json_and_show_all(runner, seed_path, bundled_timeline) -> None:
    result = invoke(runner, [seed_path, "--timeline", bundled_timeline, "--format", "json"])
    claims = json.loads(result.stdout)["files"][0]["claims"]
    parsed = [c for c in claims if "head" in c["time"]]
    assert parsed
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    for claim in parsed:
        head = claim["time"]["head"]
        assert set(head) == {"text", "line", "column"}
        line = lines[head["line"] - 1]
        assert line[head["column"] - 1 :].startswith(head["text"])
        assert isinstance(claim["time"]["path"], list)
    text = invoke(runner, [seed_path, "--timeline", bundled_timeline, "--show", "all"])
    assert "attaches to: " in text.stdout
    problems = invoke(runner, [seed_path, "--timeline", bundled_timeline])
    assert "attaches to: " not in problems.stdout


@pytest.mark.parametrize(
    "text",
    [
        "The firm didn't cut jobs until Jan. 5, 2009, when it said it couldn't wait.",
        "PAUL, Minn., July 7, 2022 (Northland Wire Service) - Former Minneapolis police"
        " officer Derek Chauvin was sentenced on Thursday to 21 years in federal prison"
        " for violating the civil rights of George Floyd, whose death under Chauvin's"
        " knee set off protests across the United States and beyond.",
        "They'll vote on Sept. 3rd, and the results won't be known till Oct. 1.",
        "Shares fell 4% on Monday -- the worst day since March 2020 (ahead of Q3).",
    ],
)
def test_the_main_pipelines_tokens_parse_as_the_models_own(text: str) -> None:
    """The default pipeline lends its tokenizer to the parser (the model is then
    loaded without its own); the dependencies must be those of the model's own
    tokenizer, special cases and their norms included."""
    main = build_pipeline()
    lent = SyntaxParser(tokenizer=main.tokenizer).words(main(text), 0, len(text))
    own = SyntaxParser().words(main(text), 0, len(text))  # each Doc keeps its parses
    assert lent == own
    assert any(w.dep == "ROOT" for w in lent)


def test_the_default_pipeline_lends_its_tokenizer_and_a_named_model_does_not() -> None:
    assert build_pipeline().get_pipe("factcheck_syntax").tokenizer is not None
    named = build_pipeline(str(model_path())).get_pipe("factcheck_syntax")
    assert named.tokenizer is None  # its rules may differ: it tokenises for itself
