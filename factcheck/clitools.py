"""What every command shares: one-line errors and exit codes, option callbacks."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from . import sources
from .errors import ExitCode, FactcheckError
from .reference import parse_reference_date as parse_iso_reference

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> None:
    """One clear line on stderr, exit 2."""
    click.echo(f"factcheck: error: {message}", err=True)
    sys.exit(ExitCode.USAGE)


def handle_errors(interrupted: str = "factcheck: interrupted") -> Callable[[F], F]:
    """Errors become one line on stderr and exit 2, a bug included (no traceback unless
    FACTCHECK_DEBUG is set); Ctrl-C prints `interrupted` and exits 130."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except FactcheckError as exc:
                fail(str(exc))
            except sqlite3.Error as exc:
                fail(f"database error: {exc}")
            except KeyboardInterrupt:
                click.echo(interrupted, err=True)
                sys.exit(ExitCode.INTERRUPTED)
            except BrokenPipeError:
                sys.stderr.close()
                sys.exit(ExitCode.OK)
            except (SystemExit, click.exceptions.Exit, click.ClickException):
                raise
            except Exception as exc:  # a bug: still one line
                if os.environ.get("FACTCHECK_DEBUG"):
                    raise
                fail(
                    f"internal error: {type(exc).__name__}: {exc} "
                    "(set FACTCHECK_DEBUG=1 for details)"
                )

        return wrapper  # type: ignore[return-value]

    return decorate


def parse_reference_date(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> date | None:
    """Click callback: YYYY-MM-DD (or an ISO datetime: its date part)."""
    if value is None:
        return None
    parsed = parse_iso_reference(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD")
    return parsed


timeline_option = click.option(
    "--timeline",
    "timeline_paths",
    multiple=True,
    metavar="PATH",
    help="Timeline file or directory of *.yaml (repeatable, merged). "
    "Default: the nearest claims.yaml up to the repository root, else the bundled timeline.",
)


def input_format_option(help: str, default: str | None = "auto") -> Callable[[F], F]:
    """--input-format; `default` None lets a configuration file supply it."""
    return click.option(
        "--input-format",
        type=click.Choice(["auto", "text", "markdown", "html"]),
        default=default,
        show_default=default is not None,
        help=help,
    )


def _set_max_size(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """--max-size: checked, then handed on (to worker processes too) as FACTCHECK_MAX_SIZE."""
    if value is None:
        return
    try:
        sources.parse_size(value)
    except (ValueError, IndexError):
        raise click.BadParameter(f"{value!r} is no size (e.g. 20M, 500K)") from None
    os.environ["FACTCHECK_MAX_SIZE"] = value


max_size_option = click.option(
    "--max-size",
    callback=_set_max_size,
    expose_value=False,
    metavar="SIZE",
    help="The largest input (file, standard input, archive record) read, e.g. 50M; a "
    "larger one is an error of that input (also: FACTCHECK_MAX_SIZE).  [default: 20M]",
)
