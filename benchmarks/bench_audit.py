"""Benchmark `factcheck audit` (not a test): throughput, scaling, memory, timeline size.

    python benchmarks/bench_audit.py DIR_OR_JSONL... [--timeline FILE] [--events 10000]

Over the same texts, in the same run, it measures:

- spaCy's bare tokenizer (`spacy.blank("en").tokenizer`), words/s;
- the audit with --jobs 1 in this process (pipeline built beforehand, documents
  already read, SQLite writes included), words/s, and its ratio to the tokenizer
  (target: audit <= 2.0x the tokenizer's time), the two run by turns --repeat times:
  best against best, and the median of the pairs' ratios;
- one first run of each in a fresh process (empty caches, as a single run of the
  command has them), and their ratio;
- `factcheck audit --jobs 1` and `--jobs 2` end to end in a subprocess (start-up
  included): wall time, against the tokenizer run the same way (a fresh `python` that
  imports spaCy and tokenises the texts), and peak RSS summed over its processes
  (needs psutil);
- the in-process audit against a synthetic timeline of --events events (names
  drawn from the texts themselves, so that they do match) next to the real one.

Words are whitespace-separated tokens. Use `--profile FILE` to write a cProfile
of the in-process audit. The input data are read where they are: never copy
them into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factcheck import audit as core
from factcheck.timeline import Timeline, load_timeline


def read_docs(paths: list[str]) -> list[core.AuditDoc]:
    return [d for d in core.iter_documents(paths) if d.text is not None]


def words(docs: list[core.AuditDoc]) -> int:
    return sum(len((d.text or "").split()) for d in docs)


def best_of(repeat: int, func: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def tokenizer_run(docs: list[core.AuditDoc]) -> Callable[[], Any]:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    texts = [d.text or "" for d in docs]
    return lambda: [tokenizer(t) for t in texts]


def paired(
    repeat: int, first: Callable[[], Any], second: Callable[[], Any]
) -> list[tuple[float, float]]:
    """(first, second) seconds, run by turns `repeat` times: a busy spell on a shared
    machine slows both of a pair, not one of the two measures."""
    out = []
    for _ in range(repeat):
        out.append((best_of(1, first), best_of(1, second)))
    return out


def audit_run(
    docs: list[core.AuditDoc], timeline: Timeline, profile: str | None = None
) -> tuple[Callable[[], None], float, Callable[[], int]]:
    """(one audit of the documents with --jobs 1, pipeline build seconds, claims of the
    last audit)."""
    settings = core.AuditSettings(timeline)
    start = time.perf_counter()
    core.cached_checker(timeline, None, settings.min_score)
    build = time.perf_counter() - start
    claims = 0

    def once() -> None:
        nonlocal claims
        with tempfile.TemporaryDirectory() as tmp, core.AuditStore(f"{tmp}/b.db") as store:
            summary = core.run_audit(docs, store, settings)
            claims = sum(summary.verdicts.values())

    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(once)
        profiler.dump_stats(profile)
    return once, build, lambda: claims


def audit_time(
    docs: list[core.AuditDoc], timeline: Timeline, repeat: int
) -> tuple[float, float, int]:
    """(best seconds of `repeat` audits, pipeline build seconds, claims)."""
    once, build, claims = audit_run(docs, timeline)
    return best_of(repeat, once), build, claims()


def cold_run(kind: str, paths: list[str], timeline: str) -> float:
    """Seconds of one first run in a fresh process ("tokenizer" or "audit", the audit's
    pipeline built beforehand): caches empty, as in a single run of the command."""
    out = subprocess.run(
        [sys.executable, __file__, "--cold-part", kind, "--timeline", timeline, *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.split()[-1])


TOKENIZER_SCRIPT = """
import json, sys
import spacy
tokenizer = spacy.blank("en").tokenizer
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        tokenizer(json.loads(line))
"""


def tokenizer_command(docs: list[core.AuditDoc]) -> float:
    """Wall seconds of a fresh `python` that imports spaCy, builds spacy.blank("en") and
    tokenises the texts (read from a JSONL file): the tokenizer as a command, start-up
    included, to set beside `factcheck audit`'s wall time."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.jsonl"
        path.write_text("".join(json.dumps(d.text) + "\n" for d in docs), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", TOKENIZER_SCRIPT, str(path)], check=True)
        return time.perf_counter() - start


def _cold_part(kind: str, paths: list[str], timeline: Timeline) -> None:
    docs = read_docs(paths)
    if kind == "tokenizer":
        run = tokenizer_run(docs)
    else:
        run, _, _ = audit_run(docs, timeline)
    print(best_of(1, run))


def cli_run(paths: list[str], timeline: str, jobs: int) -> tuple[float, float | None]:
    """(wall seconds, peak RSS in MB summed over the process tree, sampled every 20 ms;
    None without psutil) of `factcheck audit` in a subprocess. (The kernel's ru_maxrss is
    no use here: a forked child keeps its parent's, this benchmark's, high-water mark.)
    The peak memory of each worker (RSS, and USS: what it does not share with the parent)
    is printed too."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [sys.executable, "-m", "factcheck", "audit", *paths, "--timeline", timeline]
        args += ["--db", f"{tmp}/cli.db", "--jobs", str(jobs), "--no-progress"]
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        tree = _sample_tree_rss(proc)
        _, err = proc.communicate()
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"audit failed: {err.decode()}")
    return wall, tree


def _sample_tree_rss(proc: subprocess.Popen[bytes]) -> float | None:
    """Peak summed RSS (MB) of a process and its descendants until it exits, or None."""
    try:
        import psutil
    except ImportError:
        return None
    peak = 0
    root = psutil.Process(proc.pid)
    workers: dict[int, tuple[int, int]] = {}  # pid: peak (rss, uss)
    while True:
        try:
            if root.status() == psutil.STATUS_ZOMBIE:
                break
            members = [root, *root.children(recursive=True)]
            total = 0
            for member in members:
                with contextlib.suppress(psutil.Error):  # it may have just exited
                    total += member.memory_info().rss
                    if member.pid != root.pid:
                        full = member.memory_full_info()
                        rss, uss = workers.get(member.pid, (0, 0))
                        workers[member.pid] = (max(rss, full.rss), max(uss, full.uss))
            peak = max(peak, total)
        except psutil.Error:
            break
        time.sleep(0.02)
    for pid, (rss, uss) in sorted(workers.items()):
        print(f"  worker {pid}: peak RSS {rss / 2**20:.0f} MB, unshared (USS) {uss / 2**20:.0f} MB")
    return peak / 2**20


def synthetic_timeline(docs: list[core.AuditDoc], n: int, folder: str) -> Timeline:
    """n events named after capitalised words and phrases of the texts, random dates."""
    rng = random.Random(1234)
    names = sorted(
        {m for d in docs for m in re.findall(r"\b[A-Z][a-z]{3,}(?: [A-Z][a-z]{3,})?", d.text or "")}
    )
    common = sorted(
        {w.lower() for d in docs[:50] for w in re.findall(r"\b[a-z]{5,}\b", d.text or "")}
    )
    lines = ["schema: 1", "title: Synthetic benchmark timeline", "events:"]
    for i in range(n):
        year = rng.randint(1950, 2024)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        picked = rng.sample(names, k=min(3, len(names)))
        lines += [
            f"  - id: synthetic-{i:05d}",
            f"    title: {json.dumps(' '.join(picked[:2]) + ' event')}",
            f"    date: {year}-{month:02d}-{day:02d}",
            f"    aliases: [{json.dumps(picked[0] + ' ' + rng.choice(common))}]",
            f"    keywords: [{', '.join(json.dumps(w) for w in rng.sample(common, k=3))}]",
            f"    entities: [{', '.join(json.dumps(p) for p in picked)}]",
            f"    sources: [https://example.org/{i}]",
        ]
    path = Path(folder) / "synthetic.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_timeline([path])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", metavar="DIR_OR_JSONL")
    parser.add_argument("--timeline", help="The real timeline (default: the bundled one).")
    parser.add_argument("--events", type=int, default=10_000, help="Synthetic timeline size.")
    parser.add_argument(
        "--repeat", type=int, default=1, help="In-process runs (3 at least for the ratio)."
    )
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="CLI runs to time.")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the in-process audit.")
    parser.add_argument("--json", metavar="FILE", help="Also write the numbers as JSON.")
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="Only the `factcheck audit --jobs N` runs (parallel efficiency and memory).",
    )
    parser.add_argument("--cold-part", choices=["tokenizer", "audit"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_part:
        _cold_part(args.cold_part, args.paths, load_timeline([args.timeline]))
        return

    timeline = load_timeline([args.timeline] if args.timeline else None)
    timeline_path = args.timeline or timeline.paths[0]
    docs = read_docs(args.paths)
    n_words = words(docs)
    out: dict[str, Any] = {"documents": len(docs), "words": n_words, "events": len(timeline)}
    out["load_average"] = os.getloadavg()
    print(f"{len(docs)} documents, {n_words} words; timeline: {len(timeline)} events")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cpus")

    if args.cli_only:
        walls = {}
        for jobs in args.jobs:
            wall, tree = cli_run(args.paths, str(timeline_path), jobs)
            walls[jobs] = wall
            memory = f"{tree:.0f} MB" if tree is not None else "? (pip install psutil)"
            print(f"factcheck audit --jobs {jobs}: {wall:6.2f} s wall; peak RSS (all) {memory}")
            out[f"cli_jobs{jobs}"] = {"wall_s": wall, "peak_rss_mb": tree}
        if 1 in walls:
            for jobs, wall in walls.items():
                if jobs != 1:
                    print(f"speed-up --jobs {jobs} / --jobs 1: {walls[1] / wall:.2f}x")
        if args.json:
            Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        return
    audit_once, build, claims = audit_run(docs, timeline, args.profile)
    pairs = paired(max(args.repeat, 3), tokenizer_run(docs), audit_once)
    tok = min(t for t, _ in pairs)
    aud = min(a for _, a in pairs)
    median = statistics.median(a / t for t, a in pairs)
    print(f"spaCy blank tokenizer:   {tok:8.2f} s  {n_words / tok:10.0f} words/s")
    print(
        f"audit --jobs 1 (inproc): {aud:8.2f} s  {n_words / aud:10.0f} words/s  ({claims()} claims)"
    )
    print(
        f"  ratio audit/tokenizer: {aud / tok:.2f}x best/best, {median:.2f}x median of "
        f"{len(pairs)} runs by turns (target <= 2.0x); pipeline build {build:.2f} s"
    )
    out |= {"tokenizer_s": tok, "audit_s": aud, "ratio": aud / tok, "ratio_median": median}
    out["build_s"] = build

    cold_tok = cold_run("tokenizer", args.paths, str(timeline_path))
    cold_aud = cold_run("audit", args.paths, str(timeline_path))
    print(
        f"first runs, fresh processes: tokenizer {cold_tok:.2f} s, audit {cold_aud:.2f} s: "
        f"{cold_aud / cold_tok:.2f}x"
    )
    out |= {"cold_tokenizer_s": cold_tok, "cold_audit_s": cold_aud}

    if args.jobs:
        command = tokenizer_command(docs)
        print(f"tokenizer as a command (python, spaCy start-up included): {command:6.2f} s wall")
        out["tokenizer_command_s"] = command
    for jobs in args.jobs:
        wall, tree = cli_run(args.paths, str(timeline_path), jobs)
        memory = f"{tree:.0f} MB" if tree is not None else "? (pip install psutil)"
        print(
            f"factcheck audit --jobs {jobs}: {wall:6.2f} s wall ({wall / command:.2f}x the "
            f"tokenizer as a command); peak RSS, all processes {memory}"
        )
        out[f"cli_jobs{jobs}"] = {"wall_s": wall, "peak_rss_mb": tree}

    if args.events:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            big = synthetic_timeline(docs, args.events, tmp)
            load = time.perf_counter() - start
        big_s, big_build, big_claims = audit_time(docs, big, args.repeat)
        print(
            f"synthetic {len(big)}-event timeline: {big_s:8.2f} s  {n_words / big_s:10.0f} "
            f"words/s  ({big_claims} claims; load {load:.1f} s, build {big_build:.1f} s); "
            f"{big_s / aud:.1f}x the real timeline"
        )
        out |= {"synthetic_s": big_s, "synthetic_build_s": big_build, "synthetic_load_s": load}
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
