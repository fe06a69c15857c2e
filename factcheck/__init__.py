"""factcheck: check dated claims in news text against a curated timeline.

The command line (`factcheck`, see `cli.py`) is a thin layer over this library:

    import factcheck
    timeline = factcheck.load_timeline(["claims.yaml"])   # raises factcheck.TimelineError
    checker = factcheck.Checker(timeline)                  # builds the spaCy pipeline once
    report = checker.check_text(text, reference_date=None, path="draft.md")
    report.to_dict()                                       # the JSON file object

`Checker` (and with it spaCy) is imported when first used, so that `factcheck --help`
and `--version` start at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from . import syntax  # noqa: E402 - model_path() only; spaCy loads when a model does
from .errors import ExitCode, FactcheckError, InputError, TimelineError  # noqa: E402
from .report import FileReport, Report  # noqa: E402
from .thresholds import Thresholds  # noqa: E402
from .timeline import Event, Timeline, load_timeline  # noqa: E402
from .timex import TimeExpr, find_times  # noqa: E402

if TYPE_CHECKING:
    from .checker import Checker


def __getattr__(name: str) -> Any:
    """`factcheck.Checker`, imported on first use (it imports spaCy)."""
    if name == "Checker":
        from .checker import Checker

        return Checker
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Checker",
    "Event",
    "ExitCode",
    "FactcheckError",
    "FileReport",
    "InputError",
    "Report",
    "TimeExpr",
    "Timeline",
    "TimelineError",
    "Thresholds",
    "__version__",
    "find_times",
    "load_timeline",
    "syntax",
]
