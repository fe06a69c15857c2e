"""The tagger's word tables are data (factcheck/timex/words.yaml), each with an example,
the tense cues among them; the examples hold."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from factcheck.timex import find_times, lexicon

WORDS = Path(lexicon.__file__).with_name("words.yaml")
REF = date(2023, 6, 14)  # a Wednesday


def test_every_table_has_an_example_above_it() -> None:
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    tables = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+:", line)]
    assert len(tables) >= 25
    for i in tables:
        comment = []
        j = i - 1
        while j >= 0 and lines[j].startswith("#"):
            comment.append(lines[j])
            j -= 1
        assert any("Example" in c for c in comment), lines[i]


def test_the_tense_cues_are_the_tables_of_the_data_file() -> None:
    data = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    assert frozenset(data["past_words"]) == lexicon._PAST_WORDS
    assert frozenset(data["future_words"]) == lexicon._FUTURE_WORDS
    assert "began" in lexicon._PAST_WORDS and "scheduled" in lexicon._FUTURE_WORDS


@pytest.mark.parametrize(
    "text, value",
    [
        ("The vote is scheduled for Tuesday.", "2023-06-20"),  # future_words
        ("The store is set to open on March 3.", "2024-03-03"),  # future_before_to
        ("They meet Monday.", "2023-06-19"),  # schedule_verbs, base_verb_after
        ("Crowds gathered after the votes Tuesday.", "2023-06-13"),  # noun_before
        ("The convoy could arrive on Sunday.", "2023-06-18"),  # maybe_words
        ("He may have left on Friday.", "2023-06-09"),  # not_maybe_after
        ("The vote was postponed until Tuesday.", "2023-06-20"),  # put_off
        ("The talks began on Tuesday.", "2023-06-13"),  # past_words
        ("Staff will be paid on Friday.", "2023-06-16"),  # not_finite_after
        ("The offer was extended through May.", "2024-05"),  # ed_not_before
        ("The minister is to visit on Monday.", "2023-06-19"),  # modals
    ],
)
def test_tense_cue_examples(text: str, value: str) -> None:
    (found,) = find_times(text, REF)
    assert found.value == value
