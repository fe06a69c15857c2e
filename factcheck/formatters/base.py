"""The formatter interface and the options every formatter receives."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TextIO

from ..report import CheckedClaim, Report


@dataclass(frozen=True)
class OutputOptions:
    """How to render: colour, which claims to list, terminal width."""

    color: bool | None = None  # None: decide from the stream (TTY, NO_COLOR, FORCE_COLOR)
    show: str = "problems"  # "problems" | "all" | "skipped" (all, and the times set aside)
    width: int | None = None
    fail_on: str = "error"  # "error" | "warning" | "never": what counts as a failure
    sources: bool = False  # text: every source, in full (--show sources)
    quiet: bool = False  # text: the findings only (--quiet)


def shown(claims: list[CheckedClaim], show: str) -> list[CheckedClaim]:
    """The claims to list: all, or only problems (severity above info)."""
    if show in ("all", "skipped"):
        return list(claims)
    return [c for c in claims if c.severity != "info"]


class Formatter(ABC):
    """Renders a whole `Report` to a stream."""

    def __init__(self, options: OutputOptions | None = None) -> None:
        self.options = options or OutputOptions()

    @abstractmethod
    def write(self, report: Report, stream: TextIO) -> None:
        """Write the report to `stream`."""
