"""Output formats: one formatter class per format (`--format NAME`)."""

from __future__ import annotations

from .base import Formatter, OutputOptions
from .json import JsonFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
}

__all__ = ["FORMATTERS", "Formatter", "OutputOptions", "JsonFormatter", "TextFormatter"]
