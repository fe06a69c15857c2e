"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure)."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..report import CheckedClaim, Report
from ..rules import RULES, Rule
from .base import Formatter, shown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
KINDS = {"supported": "pass", "unverifiable": "informational"}


class SarifFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        json.dump(self.sarif(report), stream, indent=2, ensure_ascii=False)
        stream.write("\n")

    def sarif(self, report: Report) -> dict[str, Any]:
        # the rules that decide a verdict, by name: a finding's `rule` (stable ruleIds)
        rule_ids = [r.name for r in RULES.values() if r.kind == "verdict"]
        results = [
            self._result(file.path, claim, rule_ids)
            for file in report.files
            for claim in shown(file.claims, self.options.show)
        ]
        notifications = [
            {
                "level": "error",
                "message": {"text": file.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file.path)}}}],
            }
            for file in report.files
            if file.error
        ] + [
            {
                "level": "warning",
                "message": {"text": warning},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file.path)}}}],
            }
            for file in report.files
            for warning in file.warnings
        ]
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "factcheck",
                            "version": __version__,
                            "rules": [_rule(r) for r in RULES.values() if r.kind == "verdict"],
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": not any(f.error for f in report.files),
                            "toolExecutionNotifications": notifications,
                        }
                    ],
                    "results": results,
                }
            ],
        }

    @staticmethod
    def _result(path: str, claim: CheckedClaim, rule_ids: list[str]) -> dict[str, Any]:
        f = claim.finding
        c = f.claim
        message = claim.message
        if f.evidence:
            sources = "; ".join(s for e in f.evidence for s in e.sources[:2])
            message += f" Timeline: {'; '.join(f'{e.title} ({e.when})' for e in f.evidence)}."
            message += f" Sources: {sources}"
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": LEVELS[f.severity],
            "message": {"text": message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(path)},
                        "region": {
                            "startLine": claim.line,
                            "startColumn": claim.column,
                            "endLine": claim.end_line,
                            "endColumn": claim.end_column,
                            "snippet": {"text": claim.time_text},
                        },
                    }
                }
            ],
            "partialFingerprints": {"factcheck/v1": claim.fingerprint()},
            "properties": {
                "verdict": f.verdict,
                "sentence": claim.sentence,
                "time": {"text": claim.time_text, "value": c.time.value},
                "event": c.event.id if c.event else None,
                "suggestion": f.suggestion,
                "evidence": [e.id for e in f.evidence],
                "rule_id": f.rule_id,
                "trace": list(f.trace),
            },
        }
        replacement = claim.replacement
        if replacement:  # a fix that code-review tools can offer
            result["fixes"] = [
                {
                    "description": {"text": f"Replace “{c.time.text}” with “{replacement}”."},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(path)},
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        "startLine": claim.line,
                                        "startColumn": claim.column,
                                        "endLine": claim.end_line,
                                        "endColumn": claim.end_column,
                                    },
                                    "insertedContent": {"text": replacement},
                                }
                            ],
                        }
                    ],
                }
            ]
            result["properties"]["replacement"] = replacement
        if f.verdict in KINDS:  # not a failure: SARIF wants level "none" with such kinds
            result["kind"] = KINDS[f.verdict]
            result["level"] = "none"
        return result


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.name,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.help},
        "help": {"text": rule.help, "markdown": rule.help},
        "defaultConfiguration": {"level": rule.level},
        "properties": {"code": rule.id, "kind": rule.kind},
    }


def _uri(path: str) -> str:
    """A relative URI reference as SARIF wants (forward slashes, percent-encoded)."""
    return quote(path.replace("\\", "/").removeprefix("./"))
