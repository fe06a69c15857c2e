"""Output formats: one formatter class per format (`--format NAME`)."""

from __future__ import annotations

from .base import Formatter, OutputOptions
from .github import GithubFormatter
from .gitlab import GitlabFormatter
from .json import JsonFormatter
from .junit import JunitFormatter
from .lines import JsonLinesFormatter, LineFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "jsonl": JsonLinesFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "gitlab": GitlabFormatter,
    "junit": JunitFormatter,
    "line": LineFormatter,
}

__all__ = ["FORMATTERS", "Formatter", "OutputOptions"]
