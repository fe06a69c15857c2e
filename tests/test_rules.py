"""The rule registry (factcheck/rules.py): every decision of the claims engine is a
registered rule with examples that fire and examples that must not; claims carry the
trace of the rules that decided them; `factcheck rules` lists and explains them."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from helpers import invoke

import factcheck
from factcheck.claims import extract as claims
from factcheck.claims import verdicts
from factcheck.rules import BY_NAME, KINDS, RULES, Example, Rule, lookup

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "factcheck"


@pytest.fixture(scope="module")
def bundled_checker() -> factcheck.Checker:
    return factcheck.Checker(factcheck.load_timeline([ROOT / "factcheck" / "data" / "claims.yaml"]))


def decided(checker: factcheck.Checker, example: Example) -> set[str]:
    """Every rule code that took part in checking the example text."""
    ref = date.fromisoformat(example.reference_date) if example.reference_date else None
    report = checker.check_text(example.text, ref, "example.txt")
    codes = {code for c in report.claims for code in c.finding.trace}
    return codes | {s.skipped.rule for s in report.skipped}


EXAMPLES = [
    pytest.param(rule, example, fires, id=f"{rule.id}-{'fires' if fires else 'must-not'}-{i}")
    for rule in RULES.values()
    for fires, examples in ((True, rule.fires), (False, rule.must_not))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "fires"), EXAMPLES)
def test_rule_examples(bundled_checker, rule: Rule, example: Example, fires: bool) -> None:
    codes = decided(bundled_checker, example)
    assert (rule.id in codes) is fires, (rule.id, example.text, sorted(codes))


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULES.values():
        assert rule.fires and rule.must_not, rule.id
        assert rule.kind in KINDS
        assert re.fullmatch(r"FC\d{3}", rule.id)
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
        assert rule.short and rule.help
        assert (rule.kind == "verdict") == bool(rule.verdicts), rule.id


def _engine_names() -> set[str]:
    """The rule names the engine refers to, read from its source."""
    names: set[str] = set()
    for module in ("extract.py", "verdicts.py"):
        source = (PACKAGE / "claims" / module).read_text(encoding="utf-8")
        names |= set(re.findall(r'rule_id\("([a-z-]+)"\)', source))
    names |= {getattr(verdicts, n) for n in dir(verdicts) if n.endswith("_RULE") and n.isupper()}
    return names


def test_every_rule_the_engine_names_is_registered_and_every_rule_is_used() -> None:
    names = _engine_names()
    assert names <= set(BY_NAME), names - set(BY_NAME)
    assert set(BY_NAME) <= names, set(BY_NAME) - names  # no rule left without a use
    values = [getattr(claims, n) for n in dir(claims) if n.isupper()]
    codes = {v for v in values if isinstance(v, str) and re.fullmatch(r"FC\d{3}", v)}
    assert codes and codes <= set(RULES)


def test_traces_hold_registered_codes_and_end_with_the_verdict(bundled_checker) -> None:
    text = (ROOT / "fixtures" / "wagner-mutiny-meeting.txt").read_text(encoding="utf-8")
    report = bundled_checker.check_text(text, None, "seed.txt")
    assert report.claims
    for c in report.claims:
        f = c.finding
        assert f.trace and set(f.trace) <= set(RULES)
        assert f.trace[-1] == f.rule_id == lookup(f.rule).id
        assert RULES[f.rule_id].kind == "verdict"
        assert f.verdict in RULES[f.rule_id].verdicts
        assert [RULES[code].kind for code in f.trace].count("verdict") == 1


def test_lookup_by_code_or_name() -> None:
    assert lookup("FC505") is lookup("fc505") is lookup("conflation") is BY_NAME["conflation"]
    assert lookup("no-such-rule") is None


def test_forecast_in_sarif_show_all_does_not_crash(runner, tmp_path, bundled_timeline) -> None:
    article = tmp_path / "forecast.txt"
    article.write_text("The Wagner mutiny will be commemorated in 2025.\n", encoding="utf-8")
    args = ["check", article, "--timeline", bundled_timeline, "--reference-date", "2024-01-10"]
    result = invoke(runner, [*args, "--format", "sarif", "--show", "all"])
    assert result.exit_code == 0, result.output
    run = json.loads(result.stdout)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    (found,) = run["results"]
    assert rules[found["ruleIndex"]]["id"] == found["ruleId"] == "forecast"
    assert found["properties"]["trace"][-1] == BY_NAME["forecast"].id


def test_json_claims_have_trace_and_skipped_times(runner, tmp_path, bundled_timeline) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "MINSK, July 29, 2020 (Reuters) - Belarus detained 33 Wagner contractors near Minsk "
        "on July 29, 2020.\n",
        encoding="utf-8",
    )
    result = invoke(runner, ["check", article, "--timeline", bundled_timeline, "--format", "json"])
    (file,) = json.loads(result.stdout)["files"]
    (claim,) = file["claims"]
    assert claim["rule_id"] == claim["trace"][-1] == BY_NAME["date"].id
    (skipped,) = file["skipped"]
    assert skipped["rule"] == "dateline" and skipped["rule_id"] == BY_NAME["dateline"].id
    assert skipped["time"]["text"] == "July 29, 2020" and skipped["line"] == 1


def test_show_skipped_lists_the_times_set_aside(runner, tmp_path, bundled_timeline) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "The Wagner mutiny lasted less than two days, the Kremlin said on Thursday that it "
        "had ended.\n",
        encoding="utf-8",
    )
    base = ["check", article, "--timeline", bundled_timeline, "--no-color"]
    shown = invoke(runner, [*base, "--show", "skipped"]).stdout
    assert "SKIPPED" in shown and "not-a-date" in shown and "FC100" in shown
    assert "SKIPPED" not in invoke(runner, [*base, "--show", "all"]).stdout


def test_rules_command_lists_explains_and_refuses(runner) -> None:
    listing = invoke(runner, ["rules"])
    assert listing.exit_code == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == list(RULES)
    data = json.loads(invoke(runner, ["rules", "--format", "json"]).stdout)
    assert {r["id"] for r in data} == set(RULES)
    for entry in data:
        assert {"id", "name", "summary", "kind", "verdict", "examples"} <= set(entry)
        assert entry["examples"]["fires"] and entry["examples"]["must_not"]
    only = json.loads(invoke(runner, ["rules", "--kind", "skip", "--format", "json"]).stdout)
    assert only and {r["kind"] for r in only} == {"skip"}
    one = invoke(runner, ["rules", "conflation"])
    assert one.exit_code == 0 and "FC505" in one.stdout and "Fires on:" in one.stdout
    assert "The Wagner mutiny took place in July 2020." in one.stdout
    assert json.loads(invoke(runner, ["rules", "FC505", "--format", "json"]).stdout)["name"] == (
        "conflation"
    )
    missing = invoke(runner, ["rules", "FC999"])
    assert missing.exit_code == 2 and "FC999" in missing.stderr
