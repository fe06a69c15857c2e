"""The command line: a thin click layer over the library (CONTRACTS §1).

`factcheck PATH...` is `factcheck check PATH...`. Every command turns the
library's errors into one line on stderr and exit status 2 (`errors.ExitCode`).
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TextIO

import click
import yaml

from . import __version__, baseline, sources
from .clitools import (
    fail,
    handle_errors,
    input_format_option,
    max_size_option,
    parse_reference_date,
    timeline_option,
)
from .config import Config, load_config
from .errors import ExitCode, FactcheckError, TimelineError
from .formatters import FORMATTERS, OutputOptions
from .report import FileReport, Report
from .rules import KINDS, RULES, Rule, lookup
from .severity import FAIL_ON, SEVERITY_RANK
from .timeline import (
    Event,
    Timeline,
    alias_warnings,
    default_timeline_paths,
    load_timeline,
    source_warnings,
    validate,
)


class DefaultGroup(click.Group):
    """A group whose first argument, when not a command, goes to `check`; usage errors
    are one line on stderr (exit 2), as every other error."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Abort:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except click.ClickException as exc:
            hint = " (see --help)" if isinstance(exc, click.UsageError) else ""
            click.echo(f"factcheck: error: {exc.format_message()}{hint}", err=True)
            sys.exit(ExitCode.USAGE)
        sys.exit(result if isinstance(result, int) else ExitCode.OK)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:  # bare `factcheck`: the help, on stdout, as `--help` prints it
            click.echo(ctx.get_help())
            ctx.exit(ExitCode.OK)
        if args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            _no_mistyped_command(args[0], list(self.commands))
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _no_mistyped_command(word: str, commands: list[str]) -> None:
    """`factcheck chek x.md`: a word that names no file but is close to a command is a
    mistyped command (as git and ruff say), not a missing article."""
    if word.startswith("-") or os.path.lexists(word) or any(c in word for c in "/\\.*"):
        return
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if close:
        raise click.UsageError(f"no such command {word!r}; did you mean {close[0]!r}?")


def load(paths: tuple[str, ...]) -> Timeline:
    return load_timeline(list(paths) if paths else None)


reference_option = click.option(
    "--reference-date",
    callback=parse_reference_date,
    metavar="YYYY-MM-DD",
    help="The date the article was written; relative expressions resolve against it.",
)
output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    metavar="FILE",
    help="Write the report to FILE instead of standard output.",
)
color_option = click.option("--no-color", is_flag=True, help="No colour (also: NO_COLOR=1).")


def open_output(path: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write ({exc.strerror or exc})") from None


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check dated claims in news text against a curated timeline.

    `factcheck PATH...` is short for `factcheck check PATH...`.
    """


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@timeline_option
@max_size_option
@reference_option
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATTERS)), help="Output format.  [default: text]"
)
@output_option
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    help="Exit 1 when a finding is at or above this severity.  [default: error]",
)
@click.option(
    "--show",
    type=click.Choice(["problems", "all", "skipped", "sources"]),
    multiple=True,
    help="List problems only, every claim (with the rules that decided it), every claim "
    "and the time expressions set aside (skipped); sources: every source in full "
    "(repeatable).  [default: problems]",
)
@click.option(
    "--quiet", "-q", is_flag=True, default=None, help="Print the findings only: no summary."
)
@click.option(
    "--statistics",
    is_flag=True,
    default=None,
    help="Print the number of claims per rule and verdict instead of the findings.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULE[,RULE]",
    help="Report only these rules (ids or names; ALL: every rule).",
)
@click.option("--ignore", multiple=True, metavar="RULE[,RULE]", help="Do not report these rules.")
@click.option(
    "--severity",
    multiple=True,
    metavar="RULE=LEVEL",
    help="Report RULE at LEVEL (error, warning or info), e.g. wrong-date=warning.",
)
@click.option("--model", metavar="NAME", help="An installed spaCy pipeline to use.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    help="Least event-matching score (0-100) to tie a date to an event.  [default: 60]",
)
@input_format_option("How to read the files; auto: by extension.  [default: auto]", None)
@click.option(
    "--stdin-filename", metavar="NAME", help="The file name to report for standard input (-)."
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip files matching GLOB when walking directories (repeatable).",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    default=None,
    help="Apply --exclude and .gitignore to files named on the command line too.",
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=None,
    help="Skip what .gitignore files exclude when walking.  [default: respect]",
)
@click.option("--baseline", metavar="FILE", help="Report only findings not in this baseline.")
@click.option(
    "--write-baseline",
    metavar="FILE",
    help="Record the current problems as the baseline, then exit 0.",
)
@click.option(
    "--report-unused-suppressions",
    is_flag=True,
    default=None,
    help="Warn about factcheck off/ignore comments that suppress nothing.",
)
@click.option(
    "--config",
    "config_path",
    metavar="FILE",
    help="Configuration file (default: $FACTCHECK_CONFIG, the nearest "
    ".factcheck.yaml, or [tool.factcheck] in pyproject.toml).",
)
@click.option("--print-config", is_flag=True, help="Print the effective configuration and exit.")
@color_option
@click.pass_context
@handle_errors()
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    config_path: str | None,
    print_config: bool,
    write_baseline: str | None,
    **given: Any,
) -> None:
    """Check articles (files, directories, or - for standard input)."""
    opts = CheckOptions.resolve(ctx, given, load_config(config_path))
    from .selection import Selection

    selection = Selection.parse(opts.select, opts.ignore, dict(opts.severity))
    if print_config:
        click.echo(yaml.safe_dump(opts.as_config(), sort_keys=True, allow_unicode=True), nl=False)
        sys.exit(ExitCode.OK)
    if not paths:
        raise click.UsageError("Missing argument 'PATH...'.")
    special = [sources.special_file(p) for p in paths]
    if all(special):  # a FIFO, /dev/zero ...: one line each at once, no pipeline built
        for message in special:
            click.echo(f"factcheck: error: {message}", err=True)
        sys.exit(ExitCode.USAGE)
    timeline = load(opts.timeline)
    report = Report(timeline)
    files: Iterable[FileReport]
    if all(p != sources.STDIN and not os.path.lexists(p) for p in paths):
        # nothing to read (a mistyped name): the same report, without loading spaCy
        files = [FileReport(p, error=f"{p}: no such file or directory") for p in paths]
    else:
        from .checker import Checker  # spaCy loads here, not for --help

        # the parse is read by the verdicts of claims that could be flagged; it is shown
        # (time.head, time.path) by the data formats and by --show all: only then is
        # every claim tied to an event parsed
        shows = opts.format in ("json", "jsonl") or bool({"all", "skipped"} & set(opts.show))
        checker = Checker(
            timeline,
            model=opts.model,
            min_score=opts.min_score,
            syntax=True if shows else "flags",
        )
        files = checker.check_paths(
            paths,
            opts.reference_date,
            input_format=opts.input_format,
            exclude=opts.exclude,
            stdin_name=opts.stdin_filename,
            unused_suppressions=opts.report_unused_suppressions,
            gitignore=opts.respect_gitignore,
            force_exclude=opts.force_exclude,
        )
    # the text report on a terminal shows each file's warnings and errors: not twice on
    # one screen; elsewhere they go to stderr too (the report may be a file or a pipe)
    shown = opts.format == "text" and not opts.output and _on_terminal() and not opts.statistics
    for file in files:
        report.files.append(file)
        if shown:
            continue
        for warning in () if opts.quiet else file.warnings:
            click.echo(f"factcheck: warning: {warning}", err=True)
        if file.error:
            click.echo(f"factcheck: error: {file.error}", err=True)
    selection.apply(report)
    if write_baseline:
        n = baseline.write_baseline(report, write_baseline)
        click.echo(
            f"factcheck: wrote {n} finding{'s' if n != 1 else ''} to {write_baseline}", err=True
        )
        sys.exit(ExitCode.USAGE if any(f.error for f in report.files) else ExitCode.OK)
    if opts.baseline:
        baseline.apply_baseline(report, baseline.read_baseline(opts.baseline))
    stream = open_output(opts.output)
    try:
        options = OutputOptions(
            color=False if (opts.no_color or opts.output) else None,
            show=next((s for s in ("skipped", "all") if s in opts.show), "problems"),
            fail_on=opts.fail_on,
            sources="sources" in opts.show,
            quiet=opts.quiet,
        )
        if opts.statistics:
            from .formatters.statistics import write_statistics

            write_statistics(report, stream, opts.format, options)
        else:
            FORMATTERS[opts.format](options).write(report, stream)
    finally:
        if stream is not sys.stdout:
            stream.close()
    sys.exit(exit_status(report, opts.fail_on))


@dataclass(frozen=True)
class CheckOptions:
    """The effective options of `check`: command line, else config file, else default."""

    format: str = "text"
    output: str | None = None
    fail_on: str = "error"
    show: tuple[str, ...] = ("problems",)
    quiet: bool = False
    statistics: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    model: str | None = None
    min_score: float = 60.0
    input_format: str = "auto"
    stdin_filename: str | None = None
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    baseline: str | None = None
    report_unused_suppressions: bool = False
    no_color: bool = False
    timeline: tuple[str, ...] = ()
    reference_date: date | None = None
    config: str | None = None

    @classmethod
    def resolve(cls, ctx: click.Context, given: dict[str, Any], config: Config) -> CheckOptions:
        names = {"fmt": "format", "timeline_paths": "timeline"}
        values: dict[str, Any] = {"config": config.path}
        for param, value in given.items():
            key = names.get(param, param)
            source = ctx.get_parameter_source(param)
            from_cli = source not in (None, click.core.ParameterSource.DEFAULT) and value not in (
                None,
                (),
            )
            if from_cli:
                values[key] = value
            elif key in config.values:
                values[key] = config.values[key]
        for key in ("exclude", "timeline", "show"):
            if key in values:
                values[key] = tuple(values[key])
        for key in ("select", "ignore"):  # RULE,RULE as separate names
            if key in values:
                values[key] = tuple(p.strip() for v in values[key] for p in v.split(",") if p)
        if "severity" in values:  # RULE=LEVEL options, or a mapping from the config
            given_levels = values["severity"]
            if isinstance(given_levels, dict):
                pairs = list(given_levels.items())
            else:
                pairs = [tuple(v.split("=", 1)) if "=" in v else (v, "") for v in given_levels]
            values["severity"] = tuple((str(k), str(v)) for k, v in pairs)
        return cls(**values)

    def as_config(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "severity":
                value = dict(value)
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, date):
                value = value.isoformat()
            out[f.name] = value
        if not self.timeline:  # the timeline the run would use, not an empty list
            out["timeline"] = [str(p) for p in default_timeline_paths()]
        if len(self.show) == 1:
            out["show"] = self.show[0]
        if self.config:  # exclude globs as written: relative to the config file
            base = os.path.realpath(os.path.dirname(os.path.abspath(self.config))) + os.sep
            out["exclude"] = [p for p in self.exclude if not p.startswith(base)]
        return out


def exit_status(report: Report, fail_on: str) -> int:
    """2 if a file could not be read, else 1 if a finding (or, for `warning`, a warning
    about the input) is at or above `fail_on`, else 0."""
    if any(f.error for f in report.files):
        return ExitCode.USAGE
    worst = max((f.worst() for f in report.files), default=-1)
    if any(f.warnings for f in report.files):  # a warning about the input counts as one
        worst = max(worst, SEVERITY_RANK["warning"])
    return ExitCode.FINDINGS if worst >= FAIL_ON[fail_on] else ExitCode.OK


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@max_size_option
@reference_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@input_format_option("How to read the files.")
@click.option(
    "--explain",
    is_flag=True,
    help="Show the rule that found each expression and the one that normalised it.",
)
@output_option
@color_option
@handle_errors()
def dates(
    paths: tuple[str, ...],
    reference_date: date | None,
    fmt: str,
    input_format: str,
    explain: bool,
    output: str | None,
    no_color: bool,
) -> None:
    """List every time expression the temporal tagger finds."""
    from .dates import DatesReport, write_dates

    reports = DatesReport.collect(paths, reference_date, input_format)
    for r in reports:
        if r.error:
            click.echo(f"factcheck: error: {r.error}", err=True)
    stream = open_output(output)
    try:
        write_dates(
            reports, stream, fmt, color=False if (no_color or output) else None, explain=explain
        )
    finally:
        if stream is not sys.stdout:
            stream.close()
    sys.exit(ExitCode.USAGE if any(r.error for r in reports) else ExitCode.OK)


@cli.command("rules")
@click.argument("rule", required=False, metavar="[CODE|NAME]")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--kind", type=click.Choice(list(KINDS)), help="Only rules of this kind.")
@handle_errors()
def rules_command(rule: str | None, fmt: str, kind: str | None) -> None:
    """List the claims engine's rules, or explain one (by code or name)."""
    if rule is not None:
        found = lookup(rule)
        if found is None:
            raise FactcheckError(f"no rule {rule!r} (see `factcheck rules`)")
        if fmt == "json":
            click.echo(json.dumps(found.to_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(explain_rule(found), nl=False)
        return
    selected = [r for r in RULES.values() if kind is None or r.kind == kind]
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in selected], indent=2, ensure_ascii=False))
        return
    width = max(len(r.name) for r in selected) if selected else 0
    for r in selected:
        click.echo(f"{r.id}  {r.name:<{width}}  {r.kind:<8}  {r.short}")


def explain_rule(rule: Rule) -> str:
    """`factcheck rules CODE` as text: what the rule does, why, and its examples."""
    lines = [f"{rule.name} ({rule.id})", "", f"Kind: {rule.kind}"]
    if rule.verdicts:
        severity = {"error": "error", "warning": "warning", "note": "info"}[rule.level]
        lines.append(f"Verdict: {' or '.join(rule.verdicts)} (severity {severity} when flagged)")
    lines += ["", rule.short, "", rule.help, ""]
    for title, examples in (("Fires on", rule.fires), ("Must not fire on", rule.must_not)):
        if examples:
            lines.append(f"{title}:")
            for e in examples:
                when = f"  (written {e.reference_date})" if e.reference_date else ""
                lines.append("    " + e.text.replace("\n", "\n    ") + when)
            lines.append("")
    return "\n".join(lines)


@cli.group()
def timeline() -> None:
    """Validate or show timeline files."""


@timeline.command("validate")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@handle_errors()
def timeline_validate(paths: tuple[str, ...], fmt: str) -> None:
    """Check timeline files; every problem as file:line:column: message."""
    files = list(paths) if paths else [str(p) for p in default_timeline_paths()]
    loaded, problems = validate(files)
    warnings = source_warnings(loaded) + alias_warnings(loaded) if loaded is not None else []
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "paths": files,
                    "valid": loaded is not None,
                    "events": len(loaded) if loaded else None,
                    "problems": [
                        {"path": p.path, "line": p.line, "column": p.column, "message": p.message}
                        for p in problems
                    ],
                    "warnings": [
                        {"path": p.path, "line": p.line, "column": p.column, "message": p.message}
                        for p in warnings
                    ],
                },
                indent=2,
            )
        )
    else:
        for problem in problems:
            click.echo(str(problem))
        for warning in warnings:
            click.echo(f"warning: {warning}")
        if loaded is not None:
            click.echo(f"ok: {len(loaded)} events in {', '.join(files)}")
        else:
            n = len(problems)
            click.echo(f"{n} problem{'s' if n != 1 else ''} found", err=True)
    sys.exit(ExitCode.OK if loaded is not None else ExitCode.FINDINGS)


@timeline.command("show")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option(
    "--grep",
    metavar="TEXT",
    help="Only events whose id, title, aliases, entities or summary contain TEXT.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@color_option
@handle_errors()
def timeline_show(paths: tuple[str, ...], grep: str | None, fmt: str, no_color: bool) -> None:
    """Show the timeline as a table (or as JSON: every event with every key)."""
    from rich.console import Console
    from rich.table import Table

    loaded = load(paths)
    events = loaded.grep(grep) if grep else list(loaded)
    if fmt == "json":
        click.echo(json.dumps(timeline_json(loaded, events), indent=2, ensure_ascii=False))
        return
    table = Table(title=loaded.title or None, show_lines=False)
    for column in ("id", "dates", "title", "sources"):
        table.add_column(column, overflow="fold")
    for event in sorted(events, key=lambda e: (e.start, e.id)):
        table.add_row(event.id, event.when, event.title, "\n".join(event.sources))
    console = Console(no_color=no_color or None, highlight=False)
    console.print(table)
    console.print(f"{len(events)} of {len(loaded)} events")


def timeline_json(loaded: Timeline, events: list[Event]) -> dict[str, Any]:
    """`timeline show --format json`: the timeline's title, paths, hash and events, each
    with every key of the file (dates as written, `file` and `line` where it is)."""
    out = []
    for event in sorted(events, key=lambda e: (e.start, e.id)):
        item: dict[str, Any] = {}
        for f in fields(event):
            value = getattr(event, f.name)
            if f.name in ("path", "line"):
                continue
            if hasattr(value, "value") and hasattr(value, "precision"):  # an Interval
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            item[f.name] = value
        item["file"], item["line"] = event.path, event.line
        out.append(item)
    return {
        "title": loaded.title or None,
        "paths": list(loaded.paths),
        "sha256": loaded.sha256,
        "events": out,
    }


from .audit_cmd import audit  # noqa: E402 - `factcheck audit` lives in its own module

cli.add_command(audit)


def _on_terminal() -> bool:
    """Is standard output a terminal (where the text report shows what stderr would)?"""
    return sys.stdout.isatty()


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    try:
        cli.main(args=argv, prog_name="factcheck")
    except TimelineError as exc:  # pragma: no cover - handled in the commands
        fail(str(exc))
