"""Baselines: accept today's findings, report only new ones.

`--write-baseline FILE` records the current problems by a fingerprint that
survives edits elsewhere in the file (rule, normalised sentence, event id, time
text; not line numbers). `--baseline FILE` then drops findings whose
fingerprint is recorded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import FactcheckError
from .report import Report

VERSION = 1


def write_baseline(report: Report, path: str) -> int:
    """Record every problem (severity above info); returns how many."""
    entries: dict[str, dict[str, Any]] = {}
    for file in report.files:
        for claim in file.claims:
            if claim.severity == "info":
                continue
            c = claim.finding.claim
            entries[claim.fingerprint()] = {
                "path": file.path,
                "rule": claim.finding.rule,
                "verdict": claim.verdict,
                "event": c.event.id if c.event else None,
                "time": c.time.text,
            }
    data = {"factcheck_baseline": VERSION, "findings": dict(sorted(entries.items()))}
    try:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write baseline ({exc.strerror or exc})") from None
    return len(entries)


def read_baseline(path: str) -> set[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot read baseline ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FactcheckError(f"{path}: not a factcheck baseline (invalid JSON)") from None
    if not isinstance(data, dict) or data.get("factcheck_baseline") != VERSION:
        raise FactcheckError(f"{path}: not a factcheck baseline (version {VERSION})")
    findings = data.get("findings")
    if not isinstance(findings, dict):
        raise FactcheckError(f"{path}: baseline has no 'findings' mapping")
    return set(findings)


def apply_baseline(report: Report, fingerprints: set[str]) -> int:
    """Drop the findings recorded in the baseline; returns how many were dropped."""
    dropped = 0
    for file in report.files:
        keep = [c for c in file.claims if c.fingerprint() not in fingerprints]
        dropped += len(file.claims) - len(keep)
        file.claims = keep
    return dropped
