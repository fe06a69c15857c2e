"""`--format gitlab`: a GitLab Code Quality report (a JSON array of issues) for the
merge-request widget: `description`, `check_name` (the rule), `fingerprint`,
`severity` (info, minor, major, critical) and `location` (`path`, `positions`).
Unreadable files are `critical` issues at line 1."""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from ..report import CheckedClaim, Report
from .base import Formatter, shown

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class GitlabFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        issues: list[dict[str, Any]] = []
        for file in report.files:
            if file.error:
                issues.append(_issue(file.path, "unreadable", file.error, "critical", 1, 1))
            for warning in file.warnings:
                issues.append(_issue(file.path, "input", warning, "minor", 1, 1))
            for claim in shown(file.claims, self.options.show):
                issues.append(self._claim(file.path, claim))
        json.dump(issues, stream, indent=2, ensure_ascii=False)
        stream.write("\n")

    @staticmethod
    def _claim(path: str, claim: CheckedClaim) -> dict[str, Any]:
        f = claim.finding
        message = claim.message
        if f.suggestion:
            message += f" Suggestion: {f.suggestion}."
        return {
            "type": "issue",
            "description": message,
            "check_name": f.rule,
            "categories": ["Bug Risk"],
            "fingerprint": claim.fingerprint(),
            "severity": SEVERITIES[f.severity],
            "location": {
                "path": path,
                "positions": {
                    "begin": {"line": claim.line, "column": claim.column},
                    "end": {"line": claim.end_line, "column": claim.end_column},
                },
            },
        }


def _issue(
    path: str, check: str, message: str, severity: str, line: int, column: int
) -> dict[str, Any]:
    digest = hashlib.sha256(f"{check}\x1f{path}\x1f{message}".encode()).hexdigest()[:32]
    return {
        "type": "issue",
        "description": message,
        "check_name": check,
        "categories": ["Bug Risk"],
        "fingerprint": digest,
        "severity": severity,
        "location": {"path": path, "positions": {"begin": {"line": line, "column": column}}},
    }
