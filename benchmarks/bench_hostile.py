"""Benchmark hostile input (not a test): time and peak memory per input size.

    python benchmarks/bench_hostile.py [--sizes 10 100 1000] [--limit 120] [--commands check dates]

Generates the inputs of issue 17 (a text of nothing but dates, dots between date
words, quoted months, apostrophe decades, ordinary news text) at each size in KB,
writes them to a temporary directory and runs `factcheck check FILE` (and
`factcheck dates FILE`) on each in a fresh subprocess with a time limit. It prints,
per input and size, the wall time and the peak resident memory of the process (from
`wait4`'s rusage); a run killed at the limit is recorded as a timeout (`>120 s`), and
once a size times out the larger sizes of that input are not run (`not run`). The
last column is the growth from the second size to the third (time ratio).

`--json FILE` also writes every figure. Start-up (importing spaCy, building the
pipeline) is included: about a second on the reference machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

NEWS = (
    "The Wagner Group mutiny began on June 23, 2023, when Yevgeny Prigozhin's fighters "
    "seized Rostov-on-Don. Two days later the march on Moscow was called off. In July "
    "2020, 33 Wagner fighters were arrested near Minsk, Belarus said on Wednesday. "
    "The company's accounts for 2019 were published last month, and its chief executive "
    "said the results had been the best since 2008. Shares fell 3 percent on Monday.\n\n"
    "Officials met again in September to discuss the plan, which had first been proposed "
    "in the spring of 2021. A spokesman said talks would resume next week.\n\n"
)


def _dates(rng: random.Random) -> str:
    return (
        f"{rng.randint(1950, 2030)} {rng.choice(MONTHS)} {rng.randint(1, 28)} {rng.choice(DAYS)} "
    )


def _dots(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)}. {rng.randint(1, 28)}. {rng.randint(1950, 2030)}. "


def _quoted(rng: random.Random) -> str:
    return f"'{rng.choice(MONTHS)}' "


def _decades(rng: random.Random) -> str:
    return f"'{rng.randint(0, 9)}0s "


def _news(rng: random.Random) -> str:
    return NEWS


GENERATORS: dict[str, Callable[[random.Random], str]] = {
    "dates only": _dates,
    "dots between date words": _dots,
    "quoted months": _quoted,
    "apostrophe decades": _decades,
    "ordinary news": _news,
}


def generate(kind: str, size: int, seed: int = 17) -> str:
    """About `size` characters of input `kind` (ASCII: characters are bytes)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        part = GENERATORS[kind](rng)
        parts.append(part)
        total += len(part)
    return "".join(parts)[:size]


def run_limited(args: list[str], limit: float) -> tuple[float | None, float, int | None]:
    """(wall seconds or None on timeout, peak RSS in MB, exit status or None) of one run
    in a fresh process group, killed at `limit` seconds."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: its own process group, output discarded
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(args[0], args)
        finally:
            os._exit(127)
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            wall = time.perf_counter() - start
            return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
        if time.perf_counter() - start > limit:
            os.killpg(pid, signal.SIGKILL)
            _, _, usage = os.wait4(pid, 0)
            return None, usage.ru_maxrss / 1024, None
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="KB")
    parser.add_argument("--limit", type=float, default=120, help="Seconds per run.")
    parser.add_argument("--commands", nargs="+", default=["check", "dates"])
    parser.add_argument("--inputs", nargs="+", default=list(GENERATORS), metavar="KIND")
    parser.add_argument("--json", metavar="FILE", help="Also write the figures as JSON.")
    parser.add_argument(
        "--format",
        default="json",
        choices=["json", "text"],
        help="Output format of check and dates (json: every claim parsed for time.head).",
    )
    args = parser.parse_args()

    results: list[dict[str, Any]] = []
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average: {load}; limit {args.limit} s; --format {args.format}")
    header = " | ".join(f"{s} KB" for s in args.sizes)
    growth_of = args.sizes[-2:] if len(args.sizes) > 1 else []  # one size: no growth
    growth_head = f" growth {growth_of[0]}->{growth_of[1]} KB |" if growth_of else ""
    print(f"| command | input | {header} |{growth_head}")
    print("|---|---|" + "---|" * (len(args.sizes) + bool(growth_of)))
    with tempfile.TemporaryDirectory() as tmp:
        for command in args.commands:
            for kind in args.inputs:
                cells, walls = [], []
                timed_out = False
                for size in args.sizes:
                    if timed_out:
                        cells.append("not run")
                        walls.append(None)
                        continue
                    path = Path(tmp) / f"{kind.replace(' ', '-')}-{size}.txt"
                    path.write_text(generate(kind, size * 1000), encoding="utf-8")
                    argv = [sys.executable, "-m", "factcheck", command, str(path)]
                    if command in ("check", "dates") and args.format == "json":
                        argv += ["--format", "json"]
                    wall, rss, status = run_limited(argv, args.limit)
                    bad = status not in (0, 1, None)
                    results.append(
                        {
                            "command": command,
                            "input": kind,
                            "kb": size,
                            "seconds": wall,
                            "peak_rss_mb": rss,
                            "status": status,
                        }  # fmt: skip
                    )
                    if wall is None:
                        timed_out = True
                        cells.append(f">{args.limit:.0f} s (timeout)")
                    else:
                        exit_note = f" (exit {status})" if bad else ""
                        cells.append(f"{wall:.1f} s, {rss:.0f} MB{exit_note}")
                    walls.append(wall)
                growth = ""
                if growth_of:
                    a, b = walls[-2], walls[-1]
                    growth = f" {b / a:.1f}x |" if a and b else " - |"
                print(f"| {command} | {kind} | {' | '.join(cells)} |{growth}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
