"""Exit codes and the exceptions that map onto them, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """The process exit status (CONTRACTS §1)."""

    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on (or an invalid timeline under `validate`)
    USAGE = 2  # usage error, unreadable input, invalid timeline
    INTERRUPTED = 130  # Ctrl-C


class FactcheckError(Exception):
    """An error the user can act on: reported as one line, exit status 2."""


class InputError(FactcheckError):
    """An input document cannot be read (missing, binary, a directory loop ...)."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a timeline file, with its 1-based position."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class TimelineError(FactcheckError):
    """A timeline is invalid: carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid timeline"
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(first + suffix)


def debug_trace() -> None:
    """Under FACTCHECK_DEBUG=1, print the trace of the exception being handled to stderr:
    an internal error recorded as one document's error (the run goes on) still shows
    where it came from."""
    import os
    import traceback

    if os.environ.get("FACTCHECK_DEBUG"):
        traceback.print_exc()
