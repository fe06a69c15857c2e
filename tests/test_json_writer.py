"""The JSON writer of `--format json`: the text json.dumps(indent=2, ensure_ascii=False)
writes, byte for byte, for any mix of values a report may hold."""

from __future__ import annotations

import io
import json
import random
from typing import Any

import pytest

from factcheck.formatters.json import dump

SCALARS: list[Any] = [
    "",
    "plain",
    'quote " backslash \\ newline \n tab \t',
    "é ü 日本 \u2028 \x00",
    0,
    -5,
    10**30,
    3.25,
    1e300,
    -0.0,
    float("nan"),
    float("inf"),
    -float("inf"),
    None,
    True,
    False,
]
KEYS: list[Any] = ["k", "ü", "\n", 1, 2.5, True, False, None]


def _value(rng: random.Random, depth: int = 0) -> Any:
    r = rng.random()
    if depth > 3 or r < 0.35:
        return rng.choice(SCALARS)
    if r < 0.6:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if r < 0.7:
        return tuple(_value(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    return {
        (rng.choice(KEYS) if rng.random() < 0.4 else f"k{i}"): _value(rng, depth + 1)
        for i in range(rng.randint(0, 4))
    }


def _written(obj: Any) -> str:
    out = io.StringIO()
    dump(obj, out)
    return out.getvalue()


@pytest.mark.parametrize("seed", range(5))
def test_the_writer_writes_what_json_dumps_writes(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        obj = _value(rng)
        assert _written(obj) == json.dumps(obj, indent=2, ensure_ascii=False)


def test_a_long_list_is_written_whole() -> None:
    obj = {"files": [{"times": [{"text": f"June {i}", "line": i} for i in range(10_000)]}]}
    assert _written(obj) == json.dumps(obj, indent=2, ensure_ascii=False)


def test_what_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        _written({"when": object()})
    with pytest.raises(TypeError):
        _written({("a", "b"): 1})
