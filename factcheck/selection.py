"""Which findings to report and how severe: `--select`, `--ignore`, `--severity` (and
the `select`, `ignore`, `severity` keys of a configuration file).

Rules are named by whatever `factcheck.rules.RULES` holds: a rule's id, or its name,
case-insensitively (`conflation`, `Conflation`, and stable codes such as `FC201` once
the registry has them); `ALL` selects every rule. A name that matches no rule is a
usage error. Selection applies after the claims are judged: an ignored rule's claims
are dropped from the report, a rule given a severity keeps its verdict at that level.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .errors import FactcheckError
from .report import CheckedClaim, Report
from .severity import SEVERITIES


class SelectionError(FactcheckError):
    """A rule name that names no rule, or a severity that is none."""


def resolve_rule(word: str) -> str:
    """The name of the rule `word` names (its code or name, any case): the name is what a
    finding's `rule` holds."""
    from .rules import RULES, lookup  # the registry, whatever it holds today

    rule = lookup(word.strip())
    if rule is None:
        known = ", ".join(r.name for r in RULES.values())
        raise SelectionError(f"unknown rule {word!r} (known: {known})")
    return rule.name


def decided_by(claim: CheckedClaim) -> list[str]:
    """The names of the rules that decided a claim: its trace, the verdict's last."""
    from .rules import RULES

    names = [RULES[code].name for code in claim.finding.trace if code in RULES]
    return names or [claim.finding.rule]


def _split(values: Iterable[str]) -> list[str]:
    return [part.strip() for v in values for part in str(v).split(",") if part.strip()]


@dataclass(frozen=True)
class Selection:
    """Rule ids to keep (None: all), to drop, and severities to use instead."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(
        cls,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        severity: Iterable[str] | dict[str, str] = (),
    ) -> Selection:
        """From option values (`RULE[,RULE]`, `RULE=LEVEL`) or config values; raises
        SelectionError for an unknown rule or level."""
        chosen = _split(select)
        selected = (
            None
            if not chosen or any(w.casefold() == "all" for w in chosen)
            else frozenset(resolve_rule(w) for w in chosen)
        )
        ignored = frozenset(resolve_rule(w) for w in _split(ignore))
        pairs = (
            list(severity.items())
            if isinstance(severity, dict)
            else [tuple(p.split("=", 1)) if "=" in p else (p, "") for p in _split(severity)]
        )
        levels: dict[str, str] = {}
        for rule, level in pairs:
            level = str(level).strip().lower()
            if level not in SEVERITIES:
                raise SelectionError(
                    f"severity for {rule!r} must be one of {', '.join(SEVERITIES)} "
                    f"(as RULE=LEVEL), not {level!r}"
                )
            levels[resolve_rule(str(rule))] = level
        return cls(selected, ignored, levels)

    @property
    def active(self) -> bool:
        return self.select is not None or bool(self.ignore) or bool(self.severity)

    def keeps(self, rules: str | Iterable[str]) -> bool:
        """Is a claim decided by these rules (a name, or its trace's names) reported?"""
        names = {rules} if isinstance(rules, str) else set(rules)
        return (self.select is None or bool(names & self.select)) and not names & self.ignore

    def apply(self, report: Report) -> None:
        """Drop the claims of rules not selected; set the severities asked for."""
        if not self.active:
            return
        for file in report.files:
            kept = []
            for claim in file.claims:
                names = decided_by(claim)
                if not self.keeps(names):
                    continue
                level = next(
                    (self.severity[n] for n in reversed(names) if n in self.severity), None
                )
                if level is not None and level != claim.finding.severity:
                    finding = dataclasses.replace(claim.finding, severity=level)
                    claim = dataclasses.replace(claim, finding=finding)
                kept.append(claim)
            file.claims = kept

    def as_config(self) -> dict[str, Any]:
        return {
            "select": sorted(self.select) if self.select is not None else ["ALL"],
            "ignore": sorted(self.ignore),
            "severity": dict(sorted(self.severity.items())),
        }


def apply_inline_ignores(
    claims: list[CheckedClaim], ignores: dict[int, frozenset[str]]
) -> list[CheckedClaim]:
    """Drop the claims that a `factcheck: ignore[RULE]` comment names for their line."""
    if not ignores:
        return claims
    out = []
    for claim in claims:
        rules = ignores.get(claim.line)
        if rules and ("*" in rules or rules & set(decided_by(claim))):
            continue
        out.append(claim)
    return out
