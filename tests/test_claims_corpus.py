"""The blind claims corpus and its tools (benchmarks/): the data are well formed, the
scorer counts as the development set's scorer does, and injected errors are errors."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.timeline import validate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "data" / "claims"
SETS = sorted(p for p in CORPUS.iterdir() if (p / "labels.json").is_file())
FLAGS = ("contradicted", "conflated")


def _module(name: str) -> ModuleType:
    path = ROOT / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


claims_eval = _module("claims_eval")
build = _module("build_claims_set")


def test_the_corpus_has_what_the_issue_asks_for() -> None:
    labels = {s.name: json.loads((s / "labels.json").read_text(encoding="utf-8")) for s in SETS}
    originals = [i for items in labels.values() for i in items if not i["perturbed"]]
    manifests = [m for s in SETS for m in json.loads((s / "manifest.json").read_text())]
    assert len(SETS) >= 12
    assert len(originals) >= 240
    assert sum(1 for m in manifests if not m["touches_timeline"]) >= 100
    assert len({i["genre"] for i in originals}) >= 10
    injected = [
        e
        for items in labels.values()
        for i in items
        if i["perturbed"]
        for e in i["expect"]
        if e["verdict"] in FLAGS and not e.get("optional")
    ]
    natural = [e for i in originals for e in i["expect"] if e.get("error_kind") == "natural"]
    assert len(injected) >= 400 and len(natural) >= 60


@pytest.mark.parametrize("setdir", SETS, ids=[s.name for s in SETS])
def test_a_set_is_well_formed(setdir: Path) -> None:
    timeline, problems = validate([setdir / "timeline.yaml"])
    assert timeline is not None, problems
    assert 30 <= len(timeline) <= 80
    for item in json.loads((setdir / "labels.json").read_text(encoding="utf-8")):
        lines = (setdir / item["file"]).read_text(encoding="utf-8").split("\n")
        date.fromisoformat(item["reference_date"])
        for e in item["expect"]:
            assert e["time_text"] in lines[e["line"] - 1], (item["file"], e)
            assert timeline.get(e["event"]) is not None, e
            assert e["verdict"] in ("supported", *FLAGS)
            if e["verdict"] == "conflated" and "other_event" in e:
                assert timeline.get(e["other_event"]) is not None, e
        if item["perturbed"]:
            (changed,) = [e for e in item["expect"] if e.get("original")]
            assert changed["verdict"] in FLAGS and changed["time_text"] != changed["original"]


def _claim(line: int, text: str, verdict: str, event: str | None) -> dict:
    return {
        "line": line,
        "time": {"text": text},
        "verdict": verdict,
        "event": {"id": event} if event else None,
        "rule": "wrong-date" if verdict == "contradicted" else "date",
        "trace": ["FC201", "FC504"],
    }


def test_scorer_counts_as_the_development_scorer() -> None:
    item = {
        "file": "a.txt",
        "expect": [
            {"line": 1, "time_text": "July 2020", "event": "e1", "verdict": "contradicted"},
            {"line": 2, "time_text": "June 2023", "event": "e1", "verdict": "supported"},
            {"line": 3, "time_text": "2021", "event": "e2", "verdict": "supported"},
            {
                "line": 4,
                "time_text": "May",
                "event": "e2",
                "verdict": "supported",
                "optional": True,
            },
        ],
    }
    claims = [
        _claim(1, "In July 2020", "conflated", "e1"),  # the error, found (other verdict)
        _claim(2, "June 2023", "supported", "e1"),  # a support, found
        _claim(3, "2021", "supported", "e9"),  # another event: not a support found
        _claim(4, "May", "contradicted", "e2"),  # on an optional line: no false alarm
        _claim(5, "2019", "contradicted", "e2"),  # a false alarm
    ]
    outcome = claims_eval.Outcome("s", "a.txt", "wire", "d")
    claims_eval.score_file(item, claims, outcome)
    f = outcome.tally.figures()
    assert (f["flags"], f["false_alarms"], f["errors"], f["supports"]) == (3, 1, 1, 2)
    assert f["precision"] == 66.7 and f["recall"] == 100.0 and f["exact"] == 0.0
    assert f["support_recall"] == 50.0
    assert outcome.rules["wrong-date"] == [2, 1]
    assert [a["line"] for a in outcome.alarms] == [5]


TIMELINE = """\
schema: 1
events:
  - {id: vote, title: The vote, date: 2021-03-21, entities: [Senate], sources: [s],
     confused_with: [signing]}
  - {id: signing, title: The signing, date: 2021-03-23, entities: [Senate], sources: [s]}
  - {id: other, title: Unrelated, date: 2019-05-02, entities: [Elsewhere], sources: [s]}
"""


@pytest.mark.parametrize("kind", ["day", "month", "year", "decade", "conflation"])
@pytest.mark.parametrize("written", ["March 21, 2021", "21 March 2021", "2021-03-21"])
def test_an_injected_change_never_fits_the_event(tmp_path: Path, kind: str, written: str) -> None:
    (tmp_path / "t.yaml").write_text(TIMELINE, encoding="utf-8")
    events = build.load_events(tmp_path / "t.yaml")
    stated = build.parse(written)
    assert stated is not None and stated.precision == "day"
    made = build.perturb(stated, events["vote"], events, kind, random.Random(1))
    assert made is not None
    text, verdict, other = made
    interval = build.parse(text).interval()
    assert not build.fits(interval, events["vote"])
    if kind == "conflation":
        assert (verdict, other) == ("conflated", "signing")
        assert build.parse(text).form == stated.form
    elif verdict == "conflated":
        assert build.fits(interval, events[other])


def test_a_weekday_change_is_another_weekday(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(TIMELINE, encoding="utf-8")
    events = build.load_events(tmp_path / "t.yaml")
    made = build.perturb(build.parse("Sunday"), events["vote"], events, "weekday", random.Random(3))
    assert made is not None and made[0] in build.WEEKDAYS and made[0] != "Sunday"
