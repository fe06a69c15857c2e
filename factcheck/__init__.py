"""factcheck: check dated claims in news text against a curated timeline.

The command line (`factcheck`, see `cli.py`) is a thin layer over this library:

    import factcheck
    timeline = factcheck.load_timeline(["claims.yaml"])   # raises factcheck.TimelineError
    checker = factcheck.Checker(timeline)                  # builds the spaCy pipeline once
    report = checker.check_text(text, reference_date=None, path="draft.md")
    report.to_dict()                                       # the JSON file object
"""

__version__ = "0.1.0"

from .checker import Checker  # noqa: E402
from .errors import ExitCode, FactcheckError, InputError, TimelineError  # noqa: E402
from .report import FileReport, Report  # noqa: E402
from .timeline import Event, Timeline, load_timeline  # noqa: E402
from .timex import TimeExpr, find_times  # noqa: E402

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
    "__version__",
    "find_times",
    "load_timeline",
]
