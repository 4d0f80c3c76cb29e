"""Run every performance target of issue 6 side by side and print a table.

    python benchmarks/run.py                 # 10,000-declaration corpus, 100,000 for memory
    python benchmarks/run.py --quick         # smaller corpora, for a smoke run

Each measurement runs in a fresh process; wall time and that process's peak
RSS (from wait4) are recorded. Nothing here is asserted in the test suite:
timings belong in the benchmark, not in timed tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import make_corpus, seed_documents  # noqa: E402

PYTHON = sys.executable
COMPOSE = """
import sys, glob
from ruamel.yaml import YAML
y = YAML(typ='safe')
n = 0
for f in sorted(glob.glob(sys.argv[1] + '/*.yaml')):
    with open(f, encoding='utf-8') as h:
        for _ in y.compose_all(h.read()):
            n += 1
print(n)
"""
# The alternative floor proposed for the throughput target (PyYAML comes with yamllint).
PYYAML_COMPOSE = """
import sys, glob
import yaml
n = 0
for f in sorted(glob.glob(sys.argv[1] + '/*.yaml')):
    with open(f, encoding='utf-8') as h:
        for _ in yaml.compose_all(h.read(), Loader=yaml.CSafeLoader):
            n += 1
print(n)
"""


def measure(command: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MiB, exit code) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, process.returncode


def _command(name: str) -> list[str]:
    # The console script, as pre-commit and CI call it; ``python -m`` only
    # when the script is not installed beside this interpreter.
    script = Path(PYTHON).parent / name
    return [str(script)] if script.exists() else [PYTHON, "-m", name]


def targetlint(*args: str) -> list[str]:
    return [*_command("targetlint"), "check", "--exit-zero", "--quiet", *args]


def yamllint(*args: str) -> list[str]:
    return [*_command("yamllint"), "-f", "parsable", *args]


def median_wall(command: list[str], runs: int, changing: Path | None = None) -> float:
    """Median wall time; with ``changing``, that file gets a new last line
    before every run, as a file does between two commits."""
    times = []
    for run in range(runs):
        if changing is not None:
            with changing.open("a", encoding="utf-8") as handle:
                handle.write(f"# run {run}\n")
        times.append(measure(command)[0])
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--per-file", type=int, default=20)
    parser.add_argument(
        "--memory-factor", type=int, default=10, help="the large corpus is this many times the main one"
    )
    parser.add_argument("--runs", type=int, default=15, help="repetitions for the latency medians")
    parser.add_argument("--quick", action="store_true", help="50 files, 2 runs: a smoke run")
    parser.add_argument("--keep", type=Path, default=None, help="keep the corpora in this directory")
    args = parser.parse_args()
    if args.quick:
        args.files, args.runs, args.memory_factor = 50, 3, 2

    # An installed package has its bytecode compiled by pip; an editable
    # checkout (or PYTHONDONTWRITEBYTECODE) would recompile every module on
    # every run and measure the compiler instead of the linter.
    import compileall
    import importlib.util

    for package in ("targetlint", "targetlint_rules"):
        compileall.compile_dir(os.path.dirname(importlib.util.find_spec(package).origin), quiet=1)

    work = args.keep or Path(tempfile.mkdtemp(prefix="targetlint-bench-"))
    corpus, big, cache = work / "corpus", work / "corpus-big", work / "cache"
    for path in (corpus, big, cache):
        shutil.rmtree(path, ignore_errors=True)
    declarations = make_corpus(corpus, args.files, args.per_file)
    one = work / "one.yaml"
    one.write_text(seed_documents()[0], encoding="utf-8")
    rows: list[tuple[str, str, str, str, str]] = []

    def row(name, seconds, rss, note="", verdict=""):
        rate = f"{declarations / seconds:,.0f}/s" if seconds and "latency" not in name else ""
        rows.append((name, f"{seconds:.3f}s", rate, f"{rss:.0f} MiB" if rss else "", f"{note} {verdict}".strip()))

    compose_s, compose_rss, _ = measure([PYTHON, "-c", COMPOSE, str(corpus)])
    row("ruamel C compose (floor)", compose_s, compose_rss)
    pyyaml_s, pyyaml_rss, pyyaml_code = measure([PYTHON, "-c", PYYAML_COMPOSE, str(corpus)])
    if pyyaml_code == 0:
        row(
            "PyYAML C compose (proposed floor)",
            pyyaml_s,
            pyyaml_rss,
            f"{compose_s / pyyaml_s:.1f}× faster than ruamel's",
        )
    yamllint_s, yamllint_rss, _ = measure(yamllint(str(corpus)))
    row("yamllint (default config)", yamllint_s, yamllint_rss)

    serial_s, serial_rss, code = measure(targetlint("--jobs", "1", "--no-cache", str(corpus)))
    if code not in (0, 1):
        print(f"targetlint failed (exit {code}); does it support --jobs and --no-cache?", file=sys.stderr)
        return 2
    met = lambda ok: "MET" if ok else "NOT MET"  # noqa: E731
    row(
        "targetlint --jobs 1",
        serial_s,
        serial_rss,
        f"{yamllint_s / serial_s:.1f}× yamllint, {serial_s / compose_s:.2f}× compose (one process, for reference)",
    )
    cores = os.cpu_count() or 1
    # The targets are judged on `targetlint check` as it runs by default: all cores.
    parallel_s, parallel_rss, _ = measure(targetlint("--no-cache", str(corpus)))
    row(
        f"targetlint (default: --jobs {cores})",
        parallel_s,
        parallel_rss,
        f"speed-up {serial_s / parallel_s:.2f}× over 1 job; {yamllint_s / parallel_s:.1f}× yamllint (≥20×) "
        f"{met(yamllint_s / parallel_s >= 20)}; "
        f"{parallel_s / compose_s:.2f}× compose (≤1.5×) {met(parallel_s / compose_s <= 1.5)}",
    )

    cold_s, _, _ = measure(targetlint("--cache-dir", str(cache), str(corpus)))
    warm_s, warm_rss, _ = measure(targetlint("--cache-dir", str(cache), str(corpus)))
    row("targetlint, cache cold", cold_s, 0)
    row(
        "targetlint, cache warm",
        warm_s,
        warm_rss,
        f"{warm_s / cold_s:.1%} of cold (≤10%)",
        met(warm_s / cold_s <= 0.10),
    )

    # The pre-commit case: the committed file changed (its result is not
    # cached), the installation did not (plugin discovery is remembered).
    measure(targetlint("--cache-dir", str(cache), str(one)))
    ours = median_wall(targetlint("--cache-dir", str(cache), str(one)), args.runs, changing=one)
    uncached = median_wall(targetlint("--no-cache", str(one)), args.runs)
    theirs = median_wall(yamllint(str(one)), args.runs)
    rows.append(
        (
            "latency: targetlint one.yaml (changed)",
            f"{ours * 1000:.0f} ms",
            "",
            "",
            f"median of {args.runs}; ≤ yamllint's {theirs * 1000:.0f} ms {met(ours <= theirs)}",
        )
    )
    rows.append(
        (
            "latency: targetlint --no-cache one.yaml",
            f"{uncached * 1000:.0f} ms",
            "",
            "",
            "no cache read or written at all",
        )
    )
    rows.append(
        (
            "latency: yamllint one.yaml",
            f"{theirs * 1000:.0f} ms",
            "",
            "",
            "(python benchmarks/startup.py: where targetlint's goes)",
        )
    )

    make_corpus(big, args.files * args.memory_factor, args.per_file)
    _, small_rss, _ = measure(targetlint("--jobs", "1", "--no-cache", str(corpus)))
    _, big_rss, _ = measure(targetlint("--jobs", "1", "--no-cache", str(big)))
    rows.append(
        (
            f"memory: {declarations:,} vs {declarations * args.memory_factor:,} declarations",
            "",
            "",
            f"{small_rss:.0f} → {big_rss:.0f} MiB",
            f"{big_rss / small_rss:.2f}× (≤1.2×) {met(big_rss / small_rss <= 1.2)}",
        )
    )

    widths = [
        max(len(r[i]) for r in [*rows, ("measurement", "time", "throughput", "peak RSS", "target")]) for i in range(5)
    ]
    header = ("measurement", "time", "throughput", "peak RSS", "target")
    print(
        f"corpus: {declarations:,} declarations in {args.files} files; machine: {cores} cores; python "
        f"{sys.version.split()[0]}"
    )
    for line in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
