"""The curated timeline shipped with the package (claims.yaml)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.timeline import bundled_timeline_path, load_timeline, validate

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "claims.yaml"


@pytest.fixture(scope="module")
def timeline():
    return load_timeline([BUNDLED])


def test_bundled_timeline_validates():
    loaded, problems = validate([BUNDLED])
    assert problems == []
    assert loaded is not None


def test_package_copy_is_the_same_file():
    packaged = ROOT / "factcheck" / "data" / "claims.yaml"
    assert packaged.read_bytes() == BUNDLED.read_bytes()
    assert bundled_timeline_path().read_bytes() == BUNDLED.read_bytes()


def test_enough_events_each_with_a_source(timeline):
    assert len(timeline) >= 40
    for event in timeline:
        assert event.sources, event.id
        assert any(s.startswith(("http://", "https://")) for s in event.sources), event.id


@pytest.mark.parametrize(
    "event_id, start, last",
    [
        ("wagner-mutiny-2023", date(2023, 6, 23), date(2023, 6, 24)),
        ("belarus-wagner-arrests-2020", date(2020, 7, 29), date(2020, 7, 29)),
        ("prigozhin-death-2023", date(2023, 8, 23), date(2023, 8, 23)),
    ],
)
def test_key_dates(timeline, event_id, start, last):
    event = timeline.get(event_id)
    assert event is not None, event_id
    assert (event.start, event.last) == (start, last)
    assert event.date.precision == "day"


def test_putin_lukashenko_meeting_starts_on_sunday_23_july(timeline):
    event = timeline.get("putin-lukashenko-st-petersburg-2023")
    assert event is not None
    assert event.start == date(2023, 7, 23)
    assert event.date.precision == "day"
    assert event.start.weekday() == 6  # a Sunday, as the seed article says


def test_mutiny_and_arrests_are_linked(timeline):
    mutiny = timeline.get("wagner-mutiny-2023")
    arrests = timeline.get("belarus-wagner-arrests-2020")
    assert mutiny is not None and arrests is not None
    assert "belarus-wagner-arrests-2020" in mutiny.confused_with
    assert "wagner-mutiny-2023" in arrests.confused_with


def test_ids_are_unique_and_confused_with_resolves(timeline):
    ids = [e.id for e in timeline]
    assert len(ids) == len(set(ids))
    for event in timeline:
        for other in event.confused_with:
            assert other in ids and other != event.id
