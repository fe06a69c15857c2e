"""The tagger's data: `TimeExpr` (what it returns) and, inside it, candidates (`_Cand`),
the text being read (`_Ctx`) and rules (`_Rule`)."""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TimeExpr:
    """A normalised time expression found in a text.

    type: DATE | TIME | DURATION | SET.  value: TIMEX3 (``2020-07-29``, ``2023-Q1``,
    ``199``, ``XXXX-WXX-7``, ``PRESENT_REF``, ``P3D``, ``2014/2016`` for a range ...).
    start/end: inclusive calendar interval, None where unknown.  precision: day, week,
    month, season, quarter, half (``2023-H1``), year, decade, century, weekday, time, none.
    """

    text: str
    start_char: int
    end_char: int
    type: str
    value: str
    start: datetime.date | None
    end: datetime.date | None
    precision: str
    relation: str = "at"
    mod: str | None = None
    weekday: int | None = None
    relative: bool = False
    # the year was not written nor told just before ("on August 25" in a 2024 article):
    # the tagger's value takes the likeliest year, which a claim cannot be held to
    year_guessed: bool = False
    # the id of the rule that found it (a scan rule such as ``rfc_stamp``, or a pass such
    # as ``merge``) and of the one that set its value last (issue 16; not compared)
    rule: str = field(default="", compare=False)
    norm: str = field(default="", compare=False)


class _Pass(threading.local):
    """The pass of `find_times` running now in this thread (`_STEPS`), "" during the scan:
    a candidate a pass creates takes it as its `rule`, one whose value or type it changes
    as its `norm`. Per thread, so that texts tagged side by side do not mix their notes."""

    name = ""


_PASS = _Pass()


@dataclass
class _Cand:
    """A mutable candidate expression, turned into a `TimeExpr` at the end."""

    start_char: int
    end_char: int
    type: str
    value: str
    relative: bool = False
    weekday: int | None = None
    mod: str | None = None
    takes_the: bool = False
    year_explicit: bool = True
    with_year: Callable[[int], str] | None = None
    bounds: tuple[datetime.date | None, datetime.date | None] | None = None
    relation: str = "at"
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        name = _PASS.name
        if name:  # created by a pass
            self.extra.setdefault("rule", name)
            self.extra["norm"] = name

    def __setattr__(self, key: str, value: object) -> None:
        if key in _TRACED:
            name = _PASS.name
            if name and self.__dict__.get(key, value) != value:
                self.extra["norm"] = name
        object.__setattr__(self, key, value)


_TRACED = frozenset({"value", "type"})


@dataclass
class _Ctx:
    text: str
    ref: datetime.date | None
    day_first: bool | None
    merge_ranges: bool = True
    cache: dict[str, bool | None] = field(default_factory=dict)  # per-text facts, found once


_Handler = Callable[[re.Match[str], _Ctx], "_Cand | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    anchor: str
    pattern: re.Pattern[str]
    handler: _Handler
