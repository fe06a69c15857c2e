"""The Python API (CONTRACTS §5): load, check and report as separate, reusable steps."""

from __future__ import annotations

import pytest

import factcheck

FILE_KEYS = {"path", "reference_date", "error", "claims", "summary"}


def test_load_check_report(synthetic_timeline):
    timeline = factcheck.load_timeline([str(synthetic_timeline)])
    assert isinstance(timeline, factcheck.Timeline)
    checker = factcheck.Checker(timeline)
    text = "Draft\n\nThe Legion mutiny took place in July 2020.\n"
    report = checker.check_text(text, reference_date=None, path="draft.md")
    assert isinstance(report, factcheck.FileReport)
    assert [(c.line, c.verdict) for c in report.claims] == [(3, "conflated")]
    assert report.claims[0].message
    data = report.to_dict()
    assert set(data) >= FILE_KEYS
    assert data["path"] == "draft.md"
    assert data["error"] is None
    assert data["summary"]["conflated"] == 1
    # The checker is reusable: a second text does not see the first one's context.
    again = checker.check_text("The Legion mutiny took place in June 2023.", path="b.md")
    assert [c.verdict for c in again.claims] == ["supported"]


def test_reference_date_argument(synthetic_checker):
    from datetime import date

    report = synthetic_checker.check_text(
        "The Legion mutiny began on Friday.", reference_date=date(2023, 6, 26)
    )
    assert report.to_dict()["reference_date"] == "2023-06-26"
    assert [c.verdict for c in report.claims] == ["supported"]


def test_check_file_and_report(synthetic_checker, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("The Kelso dam collapse happened in 2019.\n", encoding="utf-8")
    report = synthetic_checker.check([str(good), str(tmp_path / "missing.txt")])
    assert isinstance(report, factcheck.Report)
    data = report.to_dict()
    assert data["schema_version"] == 1
    assert data["summary"]["files"] == 2
    assert data["summary"]["errors"] == 1
    assert data["files"][0]["claims"][0]["verdict"] == "contradicted"
    assert data["files"][1]["error"]


def test_timeline_error_carries_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nevents:\n  - {id: A!, title: x, date: 2023-02-30}\n")
    with pytest.raises(factcheck.TimelineError) as info:
        factcheck.load_timeline([bad])
    problems = info.value.problems
    assert len(problems) >= 3  # bad id, impossible date, no sources
    assert all(p.path == str(bad) and p.line == 3 for p in problems)
    assert isinstance(info.value, factcheck.FactcheckError)
    assert str(bad) in str(info.value)


def test_input_error_is_a_factcheck_error():
    assert issubclass(factcheck.InputError, factcheck.FactcheckError)
