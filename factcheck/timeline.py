"""The curated timeline: loading, validating and querying `claims.yaml` (CONTRACTS §2).

YAML is parsed with PyYAML's safe loader into *nodes*, which keep line and
column marks, and the events are built from those nodes by hand. That way every
problem is reported as ``file:line:column: message``, all problems at once, and
dates are read from the text as written ("2023-02-30" is a problem, not a crash).
YAML aliases are refused outright: they serve no purpose in a timeline and are
the vehicle of "billion laughs" bombs.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, TimelineError
from .sources import special_kind

SCHEMA_VERSION = 1
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EVENT_KEYS = {
    "id",
    "title",
    "date",
    "end",
    "aliases",
    "keywords",
    "entities",
    "summary",
    "sources",
    "confused_with",
    "announced",  # when the event was announced, if not when it took place
    "parent",  # the id of the event this one is a phase or part of
    "kind",  # a label shared by events of the same kind that recur
}
KIND_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_KEYS = {"schema", "title", "events"}
MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class Interval:
    """An inclusive date interval and the precision of the form it was written in."""

    start: date
    end: date
    value: str  # the date as written: "2020", "2020-07", "2020-07-29"
    precision: str  # "year" | "month" | "day"


@dataclass(frozen=True)
class Event:
    """One timeline event."""

    id: str
    title: str
    date: Interval
    end: Interval | None = None
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    summary: str = ""
    sources: tuple[str, ...] = ()
    confused_with: tuple[str, ...] = ()
    path: str = ""
    line: int = 0
    announced: Interval | None = None  # when it was announced, if not when it happened
    parent: str | None = None  # the event this one is a phase or part of
    kind: str | None = None  # what recurs: events of one kind share it ("election")

    @property
    def start(self) -> date:
        return self.date.start

    @property
    def last(self) -> date:
        """The last day the event can cover (the end of `end`, else of `date`)."""
        return (self.end or self.date).end

    @property
    def when(self) -> str:
        """Human form of the event's dates: "2023-06-23 to 2023-06-24"."""
        return f"{self.date.value} to {self.end.value}" if self.end else self.date.value


@dataclass(frozen=True)
class Timeline:
    """Events merged from one or more timeline files."""

    events: tuple[Event, ...]
    paths: tuple[str, ...] = ()
    sha256: str = ""
    title: str = ""
    by_id: dict[str, Event] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id.update({e.id: e for e in self.events})

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def get(self, event_id: str) -> Event | None:
        return self.by_id.get(event_id)

    def grep(self, text: str) -> list[Event]:
        """Events whose id, title, aliases, entities or summary contain `text`."""
        needle = text.casefold()
        return [
            e
            for e in self.events
            if needle in " ".join((e.id, e.title, e.summary, *e.aliases, *e.entities)).casefold()
        ]


def parse_date(text: str) -> Interval | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` to an interval; None if impossible."""
    m = DATE_RE.match(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    if month is None:
        return Interval(date(year, 1, 1), date(year, 12, 31), m.group(0), "year")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return Interval(date(year, month, 1), date(year, month, last), m.group(0), "month")
    if not 1 <= day <= last:
        return None
    d = date(year, month, day)
    return Interval(d, d, m.group(0), "day")


class _AliasRefused(yaml.MarkedYAMLError):
    """Raised on the first YAML alias."""


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses YAML aliases (and so alias bombs) at once."""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(
                None, None, "YAML aliases (*name) are not allowed in a timeline", event.start_mark
            )
        return super().compose_node(parent, index)  # type: ignore[arg-type]


class _Builder:
    """Builds events from YAML nodes, collecting every problem on the way."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.ids: list[tuple[str, Node]] = []  # every event id seen, valid event or not

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(_problem_at(self.path, node, message))

    def scalar(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self.problem(node, f"{what} must be a single value")
            return None
        return str(node.value)

    def text(self, node: Node, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is not None and not value.strip():
            self.problem(node, f"{what} is empty")
            return None
        return value.strip() if value is not None else None

    def alias_texts(self, node: Node) -> None:
        """An alias without a letter or digit ("." or "-") would match every sentence."""
        for item in node.value if isinstance(node, SequenceNode) else ():
            value = item.value if isinstance(item, ScalarNode) else None
            if isinstance(value, str) and value.strip() and not any(c.isalnum() for c in value):
                self.problem(item, f"alias {value!r} has no letter or digit")

    def strings(self, node: Node, what: str) -> tuple[str, ...]:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return ()
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what} must be a list")
            return ()
        out = []
        for item in node.value:
            value = self.text(item, f"an entry of {what}")
            if value is not None:
                out.append(value)
        return tuple(out)

    def a_date(self, node: Node, what: str) -> Interval | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        interval = parse_date(value)
        if interval is None:
            if DATE_RE.match(value.strip()):
                self.problem(node, f"{what} {value!r} is not a real date")
            else:
                self.problem(node, f"{what} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return interval

    def mapping(self, node: Node, what: str) -> list[tuple[str, Node, Node]]:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping")
            return []
        pairs = []
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else ""
            if key in seen:
                self.problem(key_node, f"duplicate key {key!r}")
                continue
            seen.add(key)
            pairs.append((key, key_node, value_node))
        return pairs

    def event(self, node: Node) -> Event | None:
        pairs = self.mapping(node, "an event")
        if not pairs and isinstance(node, MappingNode):
            self.problem(node, "empty event")
        fields: dict[str, object] = {}
        for key, key_node, value in pairs:
            if key.startswith("x-"):
                continue
            if key not in EVENT_KEYS:
                self.problem(key_node, f"unknown key {key!r} in event")
            elif key in ("id", "title", "summary", "parent", "kind"):
                fields[key] = self.text(value, key)
                if (
                    key == "kind"
                    and isinstance(fields[key], str)
                    and not KIND_RE.match(fields[key])
                ):
                    self.problem(value, f"kind {fields[key]!r} must be lowercase a-z, 0-9 and '-'")
            elif key in ("date", "end", "announced"):
                fields[key] = self.a_date(value, key)
            else:
                fields[key] = self.strings(value, key)
        if not isinstance(node, MappingNode):
            return None
        keys = {key for key, _, _ in pairs}
        for required in ("id", "title", "date", "sources"):
            if required not in keys:
                self.problem(node, f"event is missing required key {required!r}")
        event_id = fields.get("id")
        if isinstance(event_id, str):
            self.ids.append((event_id, node))
        if isinstance(event_id, str) and not ID_RE.match(event_id):
            node_of_id = next(v for k, _, v in pairs if k == "id")
            self.problem(node_of_id, f"id {event_id!r} must be lowercase a-z, 0-9 and '-'")
        if "aliases" in keys:
            self.alias_texts(next(v for k, _, v in pairs if k == "aliases"))
        if "sources" in keys and not fields.get("sources"):
            self.problem(next(v for k, _, v in pairs if k == "sources"), "sources is empty")
        start, end = fields.get("date"), fields.get("end")
        if isinstance(start, Interval) and isinstance(end, Interval) and end.end < start.start:
            self.problem(
                next(v for k, _, v in pairs if k == "end"),
                f"end {end.value} is before date {start.value}",
            )
        if not (
            isinstance(event_id, str)
            and isinstance(fields.get("title"), str)
            and isinstance(start, Interval)
        ):
            return None
        return Event(
            id=event_id,
            title=str(fields["title"]),
            date=start,
            end=end if isinstance(end, Interval) else None,
            aliases=_tuple(fields.get("aliases")),
            keywords=_tuple(fields.get("keywords")),
            entities=_tuple(fields.get("entities")),
            summary=str(fields.get("summary") or ""),
            sources=_tuple(fields.get("sources")),
            confused_with=_tuple(fields.get("confused_with")),
            path=self.path,
            line=node.start_mark.line + 1,
            announced=announced
            if isinstance(announced := fields.get("announced"), Interval)
            else None,
            parent=parent if isinstance(parent := fields.get("parent"), str) else None,
            kind=kind if isinstance(kind := fields.get("kind"), str) else None,
        )

    def document(self, root: Node | None) -> tuple[str, list[tuple[Event, Node]]]:
        if root is None:
            self.problems.append(Problem(self.path, 1, 1, "the timeline is empty"))
            return "", []
        title = ""
        events: list[tuple[Event, Node]] = []
        pairs = self.mapping(root, "the timeline")
        keys = {key for key, _, _ in pairs}
        for key, key_node, value in pairs:
            if key == "schema":
                if self.scalar(value, "schema") != str(SCHEMA_VERSION):
                    self.problem(
                        value, f"unsupported schema {value.value!r} (expected {SCHEMA_VERSION})"
                    )
            elif key == "title":
                title = self.text(value, "title") or ""
            elif key == "events":
                if not isinstance(value, SequenceNode):
                    self.problem(value, "events must be a list")
                    continue
                for item in value.value:
                    event = self.event(item)
                    if event is not None:
                        events.append((event, item))
            elif not key.startswith("x-"):
                self.problem(key_node, f"unknown top-level key {key!r}")
        if isinstance(root, MappingNode):
            for required in ("schema", "events"):
                if required not in keys:
                    self.problem(root, f"the timeline is missing required key {required!r}")
        return title, events


def _tuple(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple) else ()


def _read_file(path: Path, builder: _Builder) -> bytes | None:
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):  # a FIFO would block for ever, /dev/zero never end
            kind = special_kind(mode)
            builder.problems.append(Problem(str(path), 1, 1, f"not a regular file ({kind})"))
            return None
        if path.stat().st_size > MAX_BYTES:
            builder.problems.append(Problem(str(path), 1, 1, "timeline file is too large"))
            return None
        return path.read_bytes()
    except OSError as exc:
        builder.problems.append(Problem(str(path), 1, 1, f"cannot read: {exc.strerror or exc}"))
        return None


def _parse_file(path: Path, data: bytes, builder: _Builder) -> tuple[str, list[tuple[Event, Node]]]:
    try:
        text = data.decode("utf-8-sig")
        root = _compose(text)
    except UnicodeDecodeError as exc:
        builder.problems.append(Problem(str(path), 1, 1, f"not UTF-8 text ({exc.reason})"))
        return "", []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        if not isinstance(exc, _AliasRefused):
            message = f"YAML syntax error: {message}"
        builder.problems.append(Problem(str(path), line, col, message))
        return "", []
    except yaml.YAMLError as exc:
        builder.problems.append(Problem(str(path), 1, 1, f"YAML error: {exc}"))
        return "", []
    return builder.document(root)


def _compose(text: str) -> Node | None:
    """The YAML node tree of `text`, by libyaml when it is there (several times faster:
    start-up time for every run) and the document has no alias; otherwise, and for every
    error message, by the pure-Python loader that refuses aliases as it meets them."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            root = yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            root = None  # the pure-Python loader says where and why
        else:
            if root is None or not _has_alias(root):
                return root
    return yaml.compose(text, Loader=_NoAliasLoader)


def _has_alias(root: Node) -> bool:
    """Does a composed tree share a node (an alias refers to its anchor's node)? Stops at
    the first node met twice, so an alias bomb costs no more than its text."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return False


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Timeline arguments to files: a directory stands for its `*.yaml`/`*.yml` files."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml") and q.is_file())
            )
        else:
            out.append(p)
    return out


def validate(paths: str | Path | Iterable[str | Path]) -> tuple[Timeline | None, list[Problem]]:
    """Load and check timeline files; returns the timeline (None if invalid) and all problems."""
    files = expand_paths([paths] if isinstance(paths, str | Path) else paths)
    problems: list[Problem] = []
    events: list[tuple[Event, Node, str]] = []
    ids: list[tuple[str, Node, str]] = []
    digest = hashlib.sha256()
    titles: list[str] = []
    if not files:
        problems.append(Problem(".", 1, 1, "no timeline files given"))
    for path in files:
        builder = _Builder(str(path))
        data = _read_file(path, builder)
        if data is not None:
            digest.update(data)
            title, found = _parse_file(path, data, builder)
            events.extend((e, n, str(path)) for e, n in found)
            if title:
                titles.append(title)
        ids.extend((i, n, str(path)) for i, n in builder.ids)
        problems.extend(builder.problems)
    problems.extend(_cross_checks(ids, events))
    problems.sort(key=lambda p: (p.path, p.line, p.column))
    if problems:
        return None, problems
    timeline = Timeline(
        events=tuple(e for e, _, _ in events),
        paths=tuple(str(p) for p in files),
        sha256=digest.hexdigest(),
        title=" + ".join(titles),
    )
    return timeline, []


def _problem_at(path: str, node: Node, message: str) -> Problem:
    """A problem at a YAML node's position (marks are 0-based, problems 1-based)."""
    return Problem(path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def _cross_checks(
    ids: list[tuple[str, Node, str]], events: list[tuple[Event, Node, str]]
) -> list[Problem]:
    """Problems that need every event: duplicate ids and dangling `confused_with`."""
    problems = []
    first: dict[str, str] = {}
    for event_id, node, path in ids:
        where = f"{path}:{node.start_mark.line + 1}"
        if event_id in first:
            problems.append(
                _problem_at(path, node, f"duplicate id {event_id!r} (first at {first[event_id]})")
            )
        else:
            first[event_id] = where
    for event, node, path in events:
        for other_id in event.confused_with:
            if other_id not in first:
                problems.append(
                    _problem_at(
                        path, node, f"{event.id}: confused_with names unknown id {other_id!r}"
                    )
                )
            elif other_id == event.id:
                problems.append(
                    _problem_at(path, node, f"{event.id}: confused_with names the event itself")
                )
        if event.parent is not None and event.parent not in first:
            problems.append(
                _problem_at(path, node, f"{event.id}: parent names unknown id {event.parent!r}")
            )
        elif event.parent == event.id:
            problems.append(_problem_at(path, node, f"{event.id}: parent names the event itself"))
    return problems


def load_timeline(paths: str | Path | Iterable[str | Path] | None = None) -> Timeline:
    """Load timeline files: one path (a file or a directory of `*.yaml`), a list of them,
    or None for `default_timeline_paths()`; raises TimelineError."""
    if isinstance(paths, str | Path):
        paths = [paths]
    timeline, problems = validate(paths if paths is not None else default_timeline_paths())
    if timeline is None:
        raise TimelineError(problems)
    return timeline


def bundled_timeline_path() -> Path:
    """The timeline shipped inside the package."""
    return Path(str(resources.files("factcheck") / "data" / "claims.yaml"))


def default_timeline_paths(cwd: Path | None = None) -> list[Path]:
    """The first `claims.yaml` in the working directory or its parents up to the root of
    the repository (the folder holding `.git`: a `claims.yaml` of another program above it
    is none of ours), else the bundled one."""
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "claims.yaml"
        if candidate.is_file():
            return [candidate]
        if (folder / ".git").exists():
            break
    return [bundled_timeline_path()]


# --- source checks (warnings: the timeline loads, but its citations could be better) ---

AGGREGATORS = frozenset(
    {"urdupoint.com", "devdiscourse.com", "news.az", "msn.com", "yahoo.com", "newsnow.co.uk"}
)
"""Hosts that republish wire copy: cite the primary reporting (the agency or paper) instead."""
_URL = re.compile(r"https?://([^/\s?#]+\.[^/\s?#]+)(?:[/?#]\S*)?", re.IGNORECASE)
_CITATION = re.compile(r"[A-Za-z].*(?:\b(?:1[89]|20)\d\d\b|,)")


def _host(url: str) -> str | None:
    m = _URL.fullmatch(url.strip())
    if m is None:
        return None
    host = m.group(1).lower().split("@")[-1].split(":")[0]
    return host.removeprefix("www.")


def _same_source(source: str) -> str:
    """A source normalised for comparison: scheme, `www.`, trailing `/` and case of the
    host do not make two sources different."""
    host = _host(source)
    if host is None:
        return " ".join(source.split()).casefold()
    rest = source.strip().split(host, 1)[-1] if host in source.lower() else ""
    return host + rest.rstrip("/")


def source_warnings(timeline: Timeline) -> list[Problem]:
    """Sources that are neither a URL nor a citation (publisher and date), a source given
    twice for one event, and aggregator pages (`AGGREGATORS`) where the primary
    reporting they republish should be cited."""
    out = []
    for event in timeline:
        seen: set[str] = set()
        for source in event.sources:
            where = (event.path, event.line, 1)
            host = _host(source)
            if host is None and (
                source.strip().lower().startswith(("http:", "https:", "www."))
                or not _CITATION.search(source)
            ):
                out.append(
                    Problem(
                        *where,
                        f"{event.id}: source {source!r} is neither a URL "
                        "(https://…) nor a citation (publisher, date)",
                    )
                )
            key = _same_source(source)
            if key in seen:
                out.append(Problem(*where, f"{event.id}: source {source!r} is given twice"))
            seen.add(key)
            if host is not None and any(host == a or host.endswith("." + a) for a in AGGREGATORS):
                out.append(
                    Problem(
                        *where,
                        f"{event.id}: source {source!r} is an aggregator page "
                        f"({host}): cite the primary reporting it republishes",
                    )
                )
    return out


# --- alias checks (warnings: a one-word alias that is a common word matches everywhere) ---

COMMON_WORDS = frozenset(
    """
a about after all also an and any are as at attack back be because been before being but
by can city country court day deal did do does down election even first for from game
government had has have he her here his how if in into is it its just last law like make
man many march may more most much my new news no not now of off on one only or other our
out over people plan police power president report said say see she so some state still
strike such talks than that the their them then there these they this those through time
to today two up us vote war was way we were what when where which while who will with
world would year years you
""".split()
)  # noqa: SIM905
"""One-word aliases that are common words of news text: as an alias such a word names the
event in sentences that are about something else."""


def alias_warnings(timeline: Timeline) -> list[Problem]:
    """One-word aliases that are common words (`COMMON_WORDS`), and aliases with a date
    in them (the date is then part of the name, never checked: rule date-in-name)."""
    from .timex import find_times  # the tagger only when a timeline is validated

    out = []
    for event in timeline:
        for alias in event.aliases:
            problems = []
            if alias.strip().casefold() in COMMON_WORDS:
                problems.append(
                    "is a common word: it names the event in any sentence that uses the word"
                )
            dates = [
                t.text
                for t in find_times(alias)
                if t.type == "DATE" and any(ch.isdigit() for ch in t.text)
            ]  # "Zapad 2021", not the month of "Freedom March"
            if dates:
                problems.append(
                    f"contains a date ({dates[0]!r}): in a text that uses the name the date is "
                    "part of it and is not checked (rule date-in-name); leave it out unless "
                    "the name is only ever written with it"
                )
            out += [
                Problem(event.path, event.line, 1, f"{event.id}: alias {alias!r} {problem}")
                for problem in problems
            ]
    return out
