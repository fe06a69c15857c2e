"""Severities and their order, without the claims engine (so that `factcheck --help`
and the formatters need not import spaCy). `verdicts.SEVERITY_RANK` is the same table;
tests/test_issue13.py checks that they agree."""

from __future__ import annotations

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# what --fail-on names: a finding at or above the rank fails the run
FAIL_ON = {"error": SEVERITY_RANK["error"], "warning": SEVERITY_RANK["warning"], "never": 99}
