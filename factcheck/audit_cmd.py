"""`factcheck audit`: check an archive into a resumable SQLite store, in parallel.

The command is defined here and registered on the `factcheck` group in cli.py
(`cli.add_command(audit)`). This module does not import cli.py, so that either
may be imported first.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import click

from .clitools import (
    handle_errors,
    input_format_option,
    max_size_option,
    parse_reference_date,
    timeline_option,
)
from .errors import ExitCode, FactcheckError
from .severity import FAIL_ON

SHOWN_ERRORS = 10
CONFIG_KEYS = {  # option -> configuration key (the keys `check` reads that apply here)
    "timeline_paths": "timeline",
    "min_score": "min_score",
    "model": "model",
    "reference_date": "reference_date",
    "exclude": "exclude",
    "input_format": "input_format",
}

HELP = """Audit an archive: check every document and record the results in a database.

PATH is a file, a directory (walked as `check` walks it), a glob (quote it), or a
JSONL archive (*.jsonl, *.jsonl.gz): one JSON object a line with `text`, optional
`id`, `path` or `url`, and optional `date` (YYYY-MM-DD), the record's reference
date (`doc_id` and `dct` are accepted too). A document's key is its path
relative to --root (default: the directory of --db), resolved, so the same
however it is spelt (absolute, ./, through a link), or ARCHIVE#ID for a record
(its id, else its path or url, else its line number).

Results go to the SQLite database --db: a `files` row per document and a
`claims` row per claim, each document in one transaction, so an interrupted or
killed run keeps every document it finished. A database that already holds an
audit needs --resume (skip the documents recorded with the same content, options,
timeline and tool version; check the others, replacing their rows) or
--overwrite (start afresh). Without PATH, only --export and --report run.

\b
Exit status:
  0    every document was checked
  1    a finding at or above --fail-on (default: never), every document checked
  2    some documents could not be read or checked (bad JSON, no text,
       unreadable files, a truncated .gz): each is recorded as an error in
       the database and the others are checked; or a usage error, invalid
       timeline, unusable database, missing PATH
  130  interrupted (committed documents are kept: continue with --resume)
"""


class _Reporter:
    """Progress bar (when stderr is a terminal), messages, the first errors."""

    def __init__(self, show_progress: bool, total: int | None) -> None:
        self.errors_shown = 0
        self.progress: Any = None
        self.task: Any = None
        if show_progress:
            self.progress = _make_progress()
            self.task = self.progress.add_task("audit", total=total)
            self.progress.start()

    def echo(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def warning(self, message: str) -> None:
        self.echo(f"factcheck: warning: {message}")

    def document(self, result: Any) -> None:
        if result is not None and result.doc.warning:
            self.warning(result.doc.warning)
        if result is not None and result.error:
            self.errors_shown += 1
            if self.errors_shown <= SHOWN_ERRORS:
                self.echo(f"factcheck: error: {result.error}")
            elif self.errors_shown == SHOWN_ERRORS + 1:
                self.echo("factcheck: more errors: see the files table (status = 'error')")
        if self.progress is not None:
            self.progress.advance(self.task)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _make_progress() -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed or 0:.1f} docs/s")

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _check_usage(paths: tuple[str, ...], opts: dict[str, Any]) -> None:
    if opts["resume"] and opts["overwrite"]:
        raise click.UsageError("--resume and --overwrite exclude each other.")
    if opts["scheduler"] and opts["engine"] != "dask":
        raise click.UsageError("--scheduler needs --engine dask.")
    if not paths and not (opts["export_path"] or opts["report_path"]):
        raise click.UsageError("Nothing to do: give PATHs to audit, or --export / --report.")
    if "-" in paths:
        raise click.UsageError("audit reads files, not standard input: save the archive first.")


def _apply_config(ctx: click.Context, opts: dict[str, Any]) -> None:
    """Options not given on the command line come from the configuration file, if any."""
    from .config import load_config

    config = load_config(opts["config_path"])
    for param, key in CONFIG_KEYS.items():
        source = ctx.get_parameter_source(param)
        given = source not in (None, click.core.ParameterSource.DEFAULT)
        if not given and key in config.values:
            value = config.values[key]
            opts[param] = tuple(value) if isinstance(value, list) else value


def _check_model(model: str | None) -> None:
    """A missing spaCy model is a usage error here, not a dead worker later."""
    if model and not os.path.isdir(model):
        import spacy.util

        if not spacy.util.is_package(model):
            raise FactcheckError(f"cannot load spaCy model {model!r}: not installed")


def _settings(paths: tuple[str, ...], opts: dict[str, Any]) -> Any:
    """Check what can be checked before touching the database; load the timeline."""
    from . import audit as core
    from .timeline import load_timeline

    if opts["engine"] == "dask":
        core.import_distributed()
    missing = core.missing_inputs(paths)
    if missing:
        raise FactcheckError(f"{missing[0]}: no such file or directory")
    _check_model(opts["model"])
    timeline = load_timeline(list(opts["timeline_paths"]) or None)
    return core.AuditSettings(timeline, model=opts["model"], min_score=opts["min_score"])


def _audit(paths: tuple[str, ...], opts: dict[str, Any]) -> Any:
    """Run the audit itself and print its summary line; returns the summary."""
    from .audit import AuditStore

    settings = _settings(paths, opts)
    started = time.monotonic()
    with AuditStore(opts["db"]) as store:
        _prepare_store(store, opts)
        store.set_meta(_run_meta(settings, opts))
        summary = _run(store, paths, settings, opts)
    summary.elapsed = time.monotonic() - started  # engine start-up included
    click.echo(f"factcheck: audit: {summary.line()} -> {opts['db']}", err=True)
    return summary


def _run(store: Any, paths: tuple[str, ...], settings: Any, opts: dict[str, Any]) -> Any:
    """The documents through the engine into the store, with progress and messages."""
    from . import audit as core

    show = opts["progress"] if opts["progress"] is not None else sys.stderr.isatty()
    reporter = _Reporter(show, core.count_documents(paths, opts["exclude"]) if show else None)
    try:
        docs = core.iter_documents(
            paths,
            opts["reference_date"],
            input_format=opts["input_format"],
            exclude=opts["exclude"],
            on_warning=reporter.warning,
            root=_root(opts),
        )
        jobs = opts["jobs"] or (
            core.default_jobs(paths, opts["exclude"])
            if opts["engine"] == "local"
            else os.cpu_count() or 1
        )
        engine = core.make_engine(
            settings, jobs=jobs, engine=opts["engine"], scheduler=opts["scheduler"]
        )
        return core.run_audit(
            docs,
            store,
            settings,
            engine=engine,
            resume=opts["resume"],
            batch_size=opts["batch_size"],
            on_document=reporter.document,
        )
    finally:
        reporter.stop()


def _run_meta(settings: Any, opts: dict[str, Any]) -> dict[str, Any]:
    """What the HTML report's header tells of the run: its date, the timeline, the
    options that shape the results, the tool version; and each event's dates and sources
    (the findings cite them)."""
    from datetime import datetime, timezone

    from . import __version__

    timeline = settings.timeline
    ref = opts["reference_date"]
    return {
        "run_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tool_version": __version__,
        "timeline": {
            "title": timeline.title or None,
            "paths": list(timeline.paths),
            "sha256": timeline.sha256,
            "events": len(timeline),
        },
        "options": {
            "min_score": opts["min_score"],
            "model": opts["model"],
            "input_format": opts["input_format"],
            "reference_date": ref.isoformat() if ref else None,
            "exclude": list(opts["exclude"]),
            "root": _root(opts),
        },
        "events": {
            e.id: {"title": e.title, "when": e.when, "sources": list(e.sources)} for e in timeline
        },
    }


def _root(opts: dict[str, Any]) -> str:
    """What document keys are relative to: --root, else the database's directory."""
    if opts["root"]:
        return str(opts["root"])
    return os.path.dirname(os.path.abspath(opts["db"]))


def _prepare_store(store: Any, opts: dict[str, Any]) -> None:
    """Refuse to mix into an existing audit unless told how (--resume, --overwrite)."""
    if opts["overwrite"]:
        store.clear()
        return
    n = store.count()
    if n and not opts["resume"]:
        raise FactcheckError(
            f"{opts['db']} already holds an audit of {n} document{'s' if n != 1 else ''}: "
            "use --resume to continue or update it, or --overwrite to start afresh"
        )


def _outputs(opts: dict[str, Any], create: bool) -> None:
    """--export and --report, from the database."""
    from .audit import AuditStore, export
    from .audit_html import write_report

    with AuditStore(opts["db"], create=create) as store:
        if opts["export_path"]:
            n = export(store, opts["export_path"])
            click.echo(f"factcheck: exported {n} rows to {opts['export_path']}", err=True)
        if opts["report_path"]:
            write_report(store, opts["report_path"])
            click.echo(f"factcheck: wrote the report to {opts['report_path']}", err=True)


@click.argument("paths", nargs=-1, metavar="[PATH...]")
@max_size_option
@click.option("--db", required=True, metavar="FILE", help="The SQLite database of the audit.")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False),
    metavar="DIR",
    help="Document keys are paths relative to DIR.  [default: the directory of --db]",
)
@timeline_option
@click.option(
    "--reference-date",
    callback=parse_reference_date,
    metavar="YYYY-MM-DD",
    help="Reference date for documents without one of their own (a record's `date` wins).",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=60.0,
    show_default=True,
    help="Least event-matching score (0-100) to tie a date to an event.",
)
@click.option("--model", metavar="NAME", help="An installed spaCy pipeline to use.")
@input_format_option(
    "How to read documents; auto: by the file's (or record's `path`'s) extension "
    "(a record's `format` wins)."
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files matching GLOB.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes.  [default: all cores; 1 for inputs under 3 MB]",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool; dask: a Dask cluster (needs factcheck[dask]).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786). Default: a local cluster on loopback.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="Documents sent to a worker at a time.",
)
@click.option("--resume", is_flag=True, help="Continue or update the audit in --db.")
@click.option("--overwrite", is_flag=True, help="Empty --db first.")
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="never",
    show_default=True,
    help="Exit 1 when a finding of this run is at or above this severity.",
)
@click.option(
    "--export",
    "export_path",
    metavar="FILE",
    help="Write the database to FILE.jsonl (a document a line) or FILE.csv (a claim a row).",
)
@click.option("--report", "report_path", metavar="FILE", help="Write an HTML report to FILE.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar.  [default: when stderr is a terminal]",
)
@click.option(
    "--config",
    "config_path",
    metavar="FILE",
    help="Configuration file, found as for `check`; audit reads its timeline, min_score, "
    "model, reference_date, exclude and input_format.",
)
@click.pass_context
@handle_errors(
    "factcheck: interrupted; the documents committed so far are kept (continue with --resume)"
)
def _audit_command(ctx: click.Context, paths: tuple[str, ...], **opts: Any) -> None:
    _check_usage(paths, opts)
    if paths:
        _apply_config(ctx, opts)
    summary = _audit(paths, opts) if paths else None
    if opts["export_path"] or opts["report_path"]:
        _outputs(opts, create=bool(paths))
    if summary is not None and summary.errors:  # a scheduled job must tell this from success
        sys.exit(ExitCode.USAGE)
    failed = summary is not None and summary.worst >= FAIL_ON[opts["fail_on"]]
    sys.exit(ExitCode.FINDINGS if failed else ExitCode.OK)


audit = click.command("audit", help=HELP, context_settings={"help_option_names": ["-h", "--help"]})(
    _audit_command
)
