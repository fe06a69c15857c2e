"""Configuration files: `.factcheck.yaml` or `[tool.factcheck]` in `pyproject.toml`.

Found in this order: `--config FILE`, `$FACTCHECK_CONFIG`, the nearest
`.factcheck.yaml` (or `.factcheck.yml`) from the working directory upward, the
nearest `pyproject.toml` with a `[tool.factcheck]` table. Keys mirror the long
options (`fail_on`, `format`, `timeline`, `reference_date`, `min_score`,
`exclude`, `show`, ...); options given on the command line win. Paths in a
config file are relative to the file, and so are `exclude` globs that name a
folder. Unknown keys are errors with file and line.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import FactcheckError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".factcheck.yaml", ".factcheck.yml")
ENV_VAR = "FACTCHECK_CONFIG"
CHOICES = {
    "fail_on": ("error", "warning", "never"),
    "format": ("text", "json", "jsonl", "sarif", "github", "gitlab", "junit", "line"),
    "show": ("problems", "all", "sources", "skipped"),
    "input_format": ("auto", "text", "markdown", "html"),
}
KEYS = {
    "fail_on": str,
    "format": str,
    "show": list,
    "input_format": str,
    "model": str,
    "reference_date": date,
    "min_score": float,
    "timeline": list,
    "exclude": list,
    "baseline": str,
    "output": str,
    "no_color": bool,
    "report_unused_suppressions": bool,
    "force_exclude": bool,
    "respect_gitignore": bool,
    "quiet": bool,
    "statistics": bool,
    "select": list,
    "ignore": list,
    "severity": dict,
}
PATH_KEYS = ("timeline", "baseline", "output")


@dataclass(frozen=True)
class Config:
    """Settings read from one file (empty when none was found)."""

    path: str | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


class ConfigError(FactcheckError):
    """A configuration file is unreadable or has a bad key or value."""


def find_config(explicit: str | None = None, cwd: Path | None = None) -> Path | None:
    """The configuration file to use, or None."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "factcheck" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(explicit: str | None = None, cwd: Path | None = None) -> Config:
    """Find and read the configuration; raises ConfigError with file:line on problems."""
    path = find_config(explicit, cwd)
    if path is None:
        return Config()
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    if path.suffix == ".toml":
        raw, lines = _read_toml(path, text)
    else:
        raw, lines = _read_yaml(path, text)
    return Config(str(path), _check(path, raw, lines))


def _read_yaml(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ConfigError(f"{path}:{where}: YAML syntax error: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: YAML error: {exc}") from None
    if raw is None:
        return {}, {}
    if not isinstance(raw, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{path}:1:1: the configuration must be a mapping of options")
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return raw, lines


def _read_toml(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        raw = tomllib.loads(text).get("tool", {}).get("factcheck", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}") from None
    lines: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.replace(" ", "") == "[tool.factcheck]"
        elif in_table and (m := re.match(r"([A-Za-z0-9_-]+)\s*=", stripped)):
            lines.setdefault(m.group(1), number)
    return raw, lines


def _check(path: Path, raw: dict[str, Any], lines: dict[str, int]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{path}:{lines.get(str(key), 1)}"
        name = str(key).replace("-", "_")
        if name not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{where}: unknown config key {key!r} (known: {known})")
        values[name] = _value(where, name, value, path.parent)
    return values


def _value(where: str, name: str, value: Any, base: Path) -> Any:
    kind = KEYS[name]
    if kind is dict:
        levels = ("info", "warning", "error")
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and v in levels for k, v in value.items()
        ):
            raise ConfigError(
                f"{where}: {name} must map rules to one of {', '.join(levels)} "
                "(e.g. {wrong-date: warning})"
            )
        return {str(k): str(v) for k, v in value.items()}
    if kind is list:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ConfigError(f"{where}: {name} must be a string or a list of strings")
        if name in CHOICES and any(i not in CHOICES[name] for i in items):
            raise ConfigError(f"{where}: {name} must be among {', '.join(CHOICES[name])}")
        if name == "exclude":  # a glob naming a folder holds below this file's folder too
            return [p for i in items for p in dict.fromkeys((i, _anchored(i, base)))]
        return [str(base / i) if name in PATH_KEYS else i for i in items]
    if kind is date:
        try:
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{where}: {name} must be a date YYYY-MM-DD") from None
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise ConfigError(f"{where}: {name} must be a number from 0 to 100")
        return float(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {name} must be true or false")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {name} must be a string")
    if name in CHOICES and value not in CHOICES[name]:
        raise ConfigError(f"{where}: {name} must be one of {', '.join(CHOICES[name])}")
    return str(base / value) if name in PATH_KEYS else value


def _anchored(pattern: str, base: Path) -> str:
    """An exclude glob naming a folder (`drafts/archive/*`) made absolute under the
    config file's (resolved) folder, so that it means the same whatever the working
    directory and however the checked path is spelt (kept beside the glob as written,
    which matches below the walked folder as before); a bare name (`*.draft.md`)
    matches anywhere and is kept as it is."""
    if "/" not in pattern.rstrip("/") or os.path.isabs(pattern):
        return pattern
    return os.path.join(os.path.realpath(base), pattern.removeprefix("./"))
