"""What stands left of a unit word: numbers in digits and words, directions ("the past",
"every"), approximators; TIMEX3 duration values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import (
    _prev_words,
)
from .holidays import _TENS
from .lexicon import _APPROX, _APPROX2, _MODAL_WORDS, _NUMBERS, _ORDINALS, _VAGUE_NUMBERS


@dataclass
class _Quant:
    """What stands left of a unit word: a number, direction words, approximators."""

    start: int
    number: float | None = None
    vague: bool = False
    direction: str = ""
    ordinal: int | None = None
    ordinal_start: int = 0
    number_start: int = 0
    has_the: bool = False
    mod: str | None = None


_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def _parse_number_words(words: list[tuple[str, int]]) -> tuple[float | None, int, bool]:
    """Number ending right before a unit; words nearest first: (value, words used, vague).

    ``18``, ``1.5``, ``twenty four``, ``two hundred fifty``, ``a hundred``, ``several``.
    """
    first = words[0][0].replace(",", "") if words else ""
    if first in _VAGUE_NUMBERS:
        return (2 if first == "couple" else None), 1, True
    if _DECIMAL.fullmatch(first):
        return float(first), 1, False
    run: list[str] = []
    for w, _ in words:
        if w not in _NUMBERS or (run and run[-1] in {"a", "an"}):
            break
        if w in {"a", "an"} and run and run[-1] not in {"hundred", "thousand", "dozen"}:
            break  # "a five-year plan" is 5, "a hundred years" is 100
        run.append(w)
    if not run:
        return None, 0, False
    return float(_spoken_value(list(reversed(run)))), len(run), False


def _spoken_value(words: list[str]) -> int:
    """Left-to-right value of number words: ["two", "hundred", "fifty"] -> 250."""
    total = current = 0
    for w in words:
        n = _NUMBERS[w]
        if w == "dozen":  # "a dozen" is 12, "two dozen" 24
            current = (current or 1) * 12
        elif n == 100:
            current = (current or 1) * 100
        elif n == 1000:
            total, current = total + (current or 1) * 1000, 0
        else:
            current += n
    return total + current


def _ordinal(word: str) -> int | None:
    """1 for "first" / "1st", 20 for "20th"; None otherwise ("last" is a direction)."""
    if word in _ORDINALS:
        return _ORDINALS[word]
    m = _DIGIT_ORDINAL.fullmatch(word)
    return int(m.group(1)) if m else None


_DIGIT_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


_HALF = re.compile(r"(\d+)[ \t]+1/2[ \t-]+$")


_AND_HALF_LEFT = re.compile(r"\b([A-Za-z]+|\d+)[ \t-]+and[ \t-]+a[ \t-]+half[ \t-]+$")


_AND_HALF_RIGHT = re.compile(r"[ \t]+and[ \t]+a[ \t]+half\b")


_HALF_A = re.compile(r"(?<![\w-])(?:[Hh]alf[ \t]+an?|[Aa]n?[ \t]+half)[ \t-]+$")


_MORE_WORDS = {
    "more",
    "additional",
    "further",
    "extra",
    "straight",
    "consecutive",
    "trading",  # "eight trading days"
    "business",
    "working",
}


_DIRECTION_WORDS = frozenset(
    "past last next coming previous first final this current recent following latest every "
    "each per fiscal same other full calendar future".split()
)


def _read_quant(text: str, pos: int) -> _Quant:
    """Parse what stands left of a unit word, right to left: number or ordinal, direction
    (``the past``, ``every``), ``earlier this``, ``the``, approximator (``nearly``)."""
    # (each search only where its literal stands in the window: re would try every position)
    near, far = max(0, pos - 16), max(0, pos - 32)
    half = _HALF.search(text, near, pos) if text.find("1/2", near, pos) >= 0 else None
    if half:  # "2 1/2 years"
        return _Quant(start=half.start(), number=int(half.group(1)) + 0.5)
    half = _AND_HALF_LEFT.search(text, far, pos) if text.find("half", far, pos) >= 0 else None
    if half:  # "two and a half years", "3-and-a-half hours"
        n = half.group(1).lower()
        number = int(n) if n.isdigit() else _NUMBERS.get(n)
        if number is not None and number < 1000:
            q = _Quant(start=half.start(1), number=number + 0.5, number_start=half.start(1))
            words = _prev_words(text, q.start, 4)
            _read_approx(words, 0, q)
            return q
    half = _HALF_A.search(text, max(0, pos - 12), pos) if "alf" in text[pos - 9 : pos] else None
    if half and not text[max(0, half.start() - 4) : half.start()].rstrip(" \t-").endswith("and"):
        # "half an hour", "a half-hour", "half a century"
        word = half.start() + half.group(0).lower().find("half")
        return _Quant(start=half.start(), number=0.5, number_start=word)
    words = _prev_words(text, pos, 6)
    q = _Quant(start=pos)
    i = _read_count(words, q)
    i = _read_direction(words, i, q)
    if i < len(words) and words[i][0] == "the":
        q.has_the, q.start, i = True, words[i][1], i + 1
    if (q.number is not None or q.vague) and not q.has_the:
        _read_approx(words, i, q)
    return q


def _read_count(words: list[tuple[str, int]], q: _Quant) -> int:
    """Number (``twenty four``, ``a couple of``, ``20 more``) or ordinal; next index."""
    i = 0
    if len(words) > 1 and words[0][0] in _MORE_WORDS:  # "20 more years"
        i = 1
    elif len(words) > 1 and words[0][0] == "of" and words[1][0] in _VAGUE_NUMBERS:
        i = 1  # "a couple of years", "a number of weeks"
    num, used, vague = _parse_number_words(words[i:])
    if used:
        i += used
        q.number, q.vague = num, vague
        q.start = q.number_start = words[i - 1][1]
        if vague and i < len(words) and words[i][0] in {"a", "the"}:
            q.start, i = words[i][1], i + 1
        return i
    ordinal = _ordinal(words[0][0]) if words else None
    if ordinal is None:
        return 0
    q.ordinal, q.start = ordinal, words[0][1]
    if ordinal < 10 and len(words) > 1 and words[1][0] in _TENS:  # "twenty-first"
        q.ordinal, q.start = ordinal + 10 * (_TENS.index(words[1][0]) + 2), words[1][1]
        q.ordinal_start = q.start
        return 2
    q.ordinal_start = q.start
    return 1


def _read_direction(words: list[tuple[str, int]], i: int, q: _Quant) -> int:
    """``the past``, ``next``, ``every``, ``fiscal``, ``earlier this``; next index."""
    if (
        i + 1 < len(words)
        and words[i][0] == "other"
        and words[i + 1][0] in {"every", "each"}
        and q.number is None
        and not q.vague
        and q.ordinal is None
    ):  # "every other week"
        q.number, q.number_start = 2, words[i][1]
        q.direction, q.start = "every", words[i + 1][1]
        return i + 2
    if (
        i + 1 < len(words)
        and words[i][0] == "last"
        and (words[i + 1][0] in _MODAL_BEFORE_VERB or words[i + 1][0].endswith("n't"))
    ):
        return i  # "will last 30 days", "expected to last several weeks": the verb
    if i < len(words) and words[i][0] in _DIRECTION_WORDS:
        if not (q.ordinal is not None and words[i][0] in {"first", "last"}):
            q.direction, q.start, i = words[i][0], words[i][1], i + 1
        if q.direction == "fiscal" and i < len(words) and words[i][0] in _ORDINALS:
            if q.ordinal is None:  # "the first fiscal quarter"
                q.ordinal, q.start, i = _ORDINALS[words[i][0]], words[i][1], i + 1
        elif q.direction == "fiscal" and i < len(words) and words[i][0] in _FISCAL_DIRECTIONS:
            q.direction, q.start, i = words[i][0], words[i][1], i + 1  # "last fiscal year"
    if q.direction in {"past", "coming"} and i < len(words) and words[i][0] == "this":
        q.start, i = words[i][1], i + 1  # "this past week", "this coming year"
    if i < len(words) and words[i][0] in {"earlier", "later"} and q.direction == "this":
        q.mod, q.start, i = words[i][0], words[i][1], i + 1
    return i


_MODAL_BEFORE_VERB = _MODAL_WORDS | {"not"}


_FISCAL_DIRECTIONS = frozenset(
    {"this", "last", "next", "current", "latest", "previous", "past", "coming"}
)


def _read_approx(words: list[tuple[str, int]], i: int, q: _Quant) -> None:
    """``nearly``, ``about``, ``more than``, ``at least`` before a counted unit."""
    if i < len(words) and words[i][0] in _APPROX:
        q.mod, q.start = _APPROX[words[i][0]], words[i][1]
    elif i + 1 < len(words) and (words[i + 1][0], words[i][0]) in _APPROX2:
        q.mod, q.start = _APPROX2[(words[i + 1][0], words[i][0])], words[i + 1][1]


_HALF_UNITS = {
    "Y": ("Y", "6M"),
    "M": ("M", "15D"),
    "D": ("DT", "12H"),
    "H": ("H", "30M"),
    "MIN": ("M", "30S"),
    "W": ("W", "3DT12H"),
}


_HALF_ONLY = {
    "CE": "P50Y",
    "DE": "P5Y",
    "Y": "P6M",
    "M": "P15D",
    "W": "P3DT12H",
    "D": "PT12H",
    "H": "PT30M",
    "MIN": "PT30S",
}


def _duration_value(n: float | None, unit: str) -> str:
    if n == 0.5 and unit in _HALF_ONLY:
        return _HALF_ONLY[unit]
    if n is not None and n != int(n) and n * 2 == int(n * 2) and unit in _HALF_UNITS:
        head, tail = _HALF_UNITS[unit]  # "2 1/2 years" -> P2Y6M
        return f"P{'T' if unit in {'H', 'MIN'} else ''}{int(n)}{head}{tail}"
    num = "X" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")
    scale = {"DE": 10, "CE": 100, "F": 2}
    if unit in scale:
        if n is None:
            return "PX" + unit
        num = str(int(n * scale[unit])) if n * scale[unit] == int(n * scale[unit]) else num
        unit = "W" if unit == "F" else "Y"
    if unit == "Q" and (n is None or n == int(n)):
        return f"P{num}Q"
    if unit in {"H", "MIN", "S"}:
        return f"PT{num}{'M' if unit == 'MIN' else unit}"
    if unit == "WE":
        return f"P{'X' if n is None else int(2 * n)}D"
    return f"P{num}{unit}"
