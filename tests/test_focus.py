"""The focused Doc (focus.py) gives the claims of the whole Doc, to the character."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from helpers import FIXTURES, SEED_NAMES, SYNTHETIC, TIMELINE

from factcheck import segment, timex
from factcheck.checker import Checker
from factcheck.focus import FILL, MASK, _filler, focus
from factcheck.pipeline import build_pipeline
from factcheck.timeline import Timeline, load_timeline

REF = date(2023, 7, 20)
# Pieces with odd spacing, glued and spelt-out aliases, order phrases, markup-ish text.
PIECES = [
    "The Wagner mutiny began on June 23, 2023.",
    "Since the Wagner mutiny, Prigozhin has been quiet.",
    "pro-Wagner  mutiny bloggers wrote on Monday.",
    "The Legion mutiny  ended\ton 24 June 2023 after talks.",
    "After the Legion rebellion,\nMinsk arrested 33 fighters on July 29, 2020.",
    "Officials met in St Petersburg.",
    "It rained.",
    "Lukashenko said it was over.",
    "The Kelso dam collapse of March 14, 2015 flooded the valley.",
    "Before the Kelso dam collapse there were warnings :) ) :",
    "ΣΟΦΙΑ met İstanbul officials on Tuesday.",
    "The LEGION   ARRESTS were reported in 2020.",
    "He said the Legion-arrests story was old.",
    "Talks since 2019 stalled.",
    "Putin and Lukashenko met for the first time since the Wagner mutiny.",
    "A 1991 agreement was signed. Then nothing happened for years.",
    "# A heading about the Legion mutiny",
    "Short title",
    "Bloggers backed the pro-Legion mutiny cause.",
    "The pro-Wagner mutiny talk went on.",
    "",
    "   ",
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 12))]
        seps = ["\n\n", " ", "  ", "\n", "\n\n\n", " \n", "\t"]
        out.append("".join(p + rng.choice(seps) for p in parts).rstrip(rng.choice(["", " "])))
    return out


def _timelines(tmp_path: Path) -> list[Timeline]:
    synthetic = tmp_path / "synthetic.yaml"
    synthetic.write_text(SYNTHETIC, encoding="utf-8")
    return [load_timeline([TIMELINE]), load_timeline([synthetic])]


def _pair(timeline: Timeline) -> tuple[Checker, Checker]:
    focused = Checker(timeline)
    whole = Checker(timeline, nlp=build_pipeline())
    assert focused.focuser is not None and whole.focuser is None
    return focused, whole


def test_focused_claims_are_the_whole_docs(tmp_path: Path) -> None:
    for timeline in _timelines(tmp_path):
        focused, whole = _pair(timeline)
        for text in _texts(150, seed=len(timeline)):
            for ref in (REF, None):
                assert (
                    focused.check_text(text, ref).to_dict() == whole.check_text(text, ref).to_dict()
                ), text


@pytest.mark.parametrize("kind", sorted(SEED_NAMES))
def test_focused_claims_of_the_seed_formats(kind: str) -> None:
    focused, whole = _pair(load_timeline([TIMELINE]))
    path = str(FIXTURES / SEED_NAMES[kind])
    assert focused.check_file(path).to_dict() == whole.check_file(path).to_dict()


def test_masking_keeps_length_and_white_space() -> None:
    text = "The Wagner mutiny began on June 23, 2023.\n\nIt rained  all day.\tNobody came.\n"
    checker = Checker(load_timeline([TIMELINE]))
    found = focus(text, segment.split_blocks(text), timex.find_times(text, REF), checker.index)
    assert len(found.text) == len(text)
    changed = [i for i, (a, b) in enumerate(zip(text, found.text, strict=True)) if a != b]
    assert changed and all(found.text[i] in (MASK, " ") for i in changed)
    assert found.text[41:43] == "\n\n" and "\t" in found.text and found.text.endswith("\n")
    assert "June 23, 2023" in found.text and "Wagner mutiny" in found.text
    assert "rained" not in found.text and found.masked


@pytest.mark.parametrize("n", [1, FILL - 1, FILL, FILL + 1, 3 * FILL])
def test_filler(n: int) -> None:
    filler = _filler(n)
    assert len(filler) == n and filler[0] == MASK and filler[-1] == MASK
    assert max(len(w) for w in filler.split(" ")) <= FILL


def test_focused_claims_across_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents checked in pieces: a piece with no claim still leaves its context."""
    monkeypatch.setattr("factcheck.checker.CHUNK_CHARS", 120)
    for timeline in _timelines(tmp_path):
        focused, whole = _pair(timeline)
        for text in _texts(40, seed=7):
            assert focused.check_text(text, REF).to_dict() == whole.check_text(
                text, REF
            ).to_dict(), text


def test_text_lowercased_by_context_is_not_masked(tmp_path: Path) -> None:
    """A capital sigma lowers by context: where an alias is spelt out cannot be told from
    the lowercased text, so no sentence is masked for want of a name."""
    timeline = _timelines(tmp_path)[1]
    focused, whole = _pair(timeline)
    text = "ΣΟΦΙΑ backed the pro-Legion mutiny bloggers. It ended on 24 June 2023."
    expected = whole.check_text(text, REF).to_dict()
    assert [c["event"]["id"] for c in expected["claims"] if c["event"]] == ["legion-mutiny-2023"]
    assert focused.check_text(text, REF).to_dict() == expected


def test_alias_starts_hold_every_phrase_matcher_hit(tmp_path: Path) -> None:
    """Aliases led by a letter are looked for only after a break; every hit is still found:
    at the start of the text, after a prefix ("US$") or punctuation, and after a letter where a
    special case splits a word ("gon|na")."""
    path = tmp_path / "timeline.yaml"
    path.write_text(
        "schema: 1\nevents:\n"
        + "".join(
            f"- id: {name}\n  title: {name}\n  date: 2023-06-23\n  aliases:\n  - {alias}\n"
            "  sources:\n  - https://example.org/\n"
            for name, alias in [("mutiny", "Wagner mutiny"), ("protest", "na protest")]
        ),
        encoding="utf-8",
    )
    checker = Checker(load_timeline([path]))
    text = "Wagner mutiny, US$Wagner mutiny (wagner mutiny) x-Wagner mutiny; gonna protest"
    doc = build_pipeline().make_doc(text)
    hits = {doc[start].idx for _, start, _ in checker.index.matcher(doc)}
    assert len(hits) == 5
    assert hits <= set(checker.index.alias_starts(text.lower()))
