"""Tagger rules for issue #3 (examples written for these tests).

Each case is checked with a reference date (values resolved) and without one (values
stay underspecified: ``XXXX-...``, ``*_REF``), span and value exactly.
"""

from __future__ import annotations

import os
import sys
from datetime import date

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from factcheck.timex import find_times  # noqa: E402

REF = date(2021, 3, 10)  # a Wednesday


def tagged(text: str, ref: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, ref, merge_ranges=False)]


# text, expected with REF, expected without a reference date
CASES: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = [
    # a weekday written with its date is one expression, with or without a reference
    ("The talks collapsed on Friday, Oct. 9.",
     [("Friday, Oct. 9", "2020-10-09")], [("Friday, Oct. 9", "XXXX-10-09")]),
    ("The hearing opens Monday, March 15, in Boston.",
     [("Monday, March 15", "2021-03-15")], [("Monday, March 15", "XXXX-03-15")]),
]


@pytest.mark.parametrize("text,with_ref,without_ref", CASES)
def test_rule(text: str, with_ref: list[tuple[str, str]],
              without_ref: list[tuple[str, str]]) -> None:
    assert tagged(text, REF) == with_ref
    assert tagged(text, None) == without_ref
