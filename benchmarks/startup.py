"""One-file latency against yamllint, measured as users install both.

    python benchmarks/startup.py [--runs 15] [--venv DIR] [FILE]

Builds a wheel of this checkout and installs it with yamllint into a fresh
virtual environment (``--venv DIR`` keeps and reuses it), then times, in
one run and interleaved (one of each per round, so a busy machine slows
both alike), fresh processes of:

- ``targetlint check FILE``, the file changed before each run as in a
  commit (its cached result misses; plugin discovery is remembered);
- ``yamllint FILE``;
- the floor every Python linter pays: the bare interpreter, and the
  interpreter importing ruamel.yaml and pluggy, which targetlint needs
  before any rule runs.

With valgrind installed, each of these runs once more under callgrind for
the instructions it executes, which a busy machine does not change (wall
time on a shared machine can vary severalfold). Then each stage of a
``targetlint check FILE`` in that interpreter, median
over the same number of fresh processes, with the time spent compiling
regular expressions (mostly the value grammar, compiled as values need it)
counted inside the check. See the README's performance section.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from make_corpus import seed_documents  # noqa: E402

# Runs in the child: python -c CHILD FILE CACHE [STAGES [PATTERNS]]. Each
# stage imports only what it names; everything a later stage imports again is
# already loaded, so the stages add up to the run. With STAGES it stops after
# that many (what the instruction counts subtract); with PATTERNS it writes the
# regular expressions the check compiled there, to be compiled on their own.
CHILD = r"""
import json, sys, time
stop = int(sys.argv[3]) if len(sys.argv) > 3 else 6
marks = []
t = time.perf_counter()
def mark(name, extra=()):
    global t
    now = time.perf_counter()
    marks.append((name, (now - t) * 1000))
    marks.extend(extra)
    t = now
    if sum(not name.startswith(" ") for name, _ in marks) == stop:
        print(json.dumps(marks))
        raise SystemExit(0)
import ruamel.yaml
mark("import ruamel.yaml")
import pluggy
mark("import pluggy (with importlib.metadata)")
import targetlint.cli, targetlint.model, targetlint.loader, targetlint.rule
mark("import targetlint core (model, loader, values, vocabulary)")
from targetlint import discovery
from targetlint.check import cache_directory
from targetlint.plugins import load_catalogue
discovery.cache_directory = cache_directory(sys.argv[2])
registry = load_catalogue()
mark("plugin discovery, the rule pack and the check module")
import targetlint.check, targetlint.runner, targetlint.planner, targetlint.engine, targetlint.reporters.text
import targetlint.config, targetlint.suppressions, targetlint.cache
mark("import the check pipeline and text reporter")
import re
compiling, compiled = [0.0], []
original = re._compile
def timed(pattern, flags):
    if isinstance(pattern, str) and (str, pattern, flags) not in getattr(re, "_cache", {}):
        compiled.append((pattern, int(flags)))  # compiled now, not found in re's cache
    start = time.perf_counter()
    try:
        return original(pattern, flags)
    finally:
        compiling[0] += time.perf_counter() - start
re._compile = timed
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    try:
        targetlint.cli.main(["check", "--cache-dir", sys.argv[2], sys.argv[1]])
    except SystemExit:
        pass
if len(sys.argv) > 4:
    with open(sys.argv[4], "w", encoding="utf-8") as handle:
        json.dump(compiled, handle)
of_which = [("  of which compiling regular expressions", compiling[0] * 1000)]
mark("the check (configuration, load, rules, report)", of_which)
"""
# Compiles the patterns a check compiled (see CHILD), or with "load" only
# reads them: the difference is what compiling them costs.
COMPILE = r"""
import json, re, sys
patterns = json.load(open(sys.argv[1], encoding="utf-8"))
if sys.argv[2] == "compile":
    for pattern, flags in patterns:
        re.compile(pattern, flags)
"""


def install(venv: Path) -> Path:
    """A virtual environment with this checkout's wheel and yamllint; its python."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheels = venv / "wheels"
    subprocess.run([str(python), "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = sorted(wheels.glob("targetlint-*.whl"), key=os.path.getmtime)[-1:]
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--force-reinstall", str(wheel), "yamllint"], check=True)
    return python


def instructions(command: list[str], cwd: Path) -> int | None:
    """Instructions one run executes, counted by valgrind's callgrind: unlike
    wall time, the same on a busy machine as on an idle one."""
    if shutil.which("valgrind") is None:
        return None
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) if found else None


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "file", nargs="?", default=None, help="a declaration file (default: the first seed declaration)"
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--venv", type=Path, default=None, help="build the environment here and keep it")
    parser.add_argument(
        "--no-instructions", action="store_true", help="skip the instruction counts (valgrind, about a minute)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="targetlint-startup-"))
    python = install(args.venv or work / "venv")
    bin_dir = python.parent
    target = work / "one.yaml"
    text = Path(args.file).read_text(encoding="utf-8") if args.file else seed_documents()[0]
    target.write_text(text, encoding="utf-8")

    commands = {
        "targetlint check one.yaml (changed)": [str(bin_dir / "targetlint"), "check", "one.yaml"],
        "yamllint one.yaml": [str(bin_dir / "yamllint"), "one.yaml"],
        "floor: python -c pass": [str(python), "-c", "pass"],
        "floor: python -c 'import ruamel.yaml, pluggy'": [str(python), "-c", "import ruamel.yaml, pluggy"],
    }
    for command in commands.values():  # warm the page cache and the bytecode
        wall(command, work)
    times: dict[str, list[float]] = {name: [] for name in commands}
    stages: dict[str, list[float]] = {}
    for run in range(args.runs):
        target.write_text(text + f"# run {run}\n", encoding="utf-8")
        for name, command in commands.items():
            times[name].append(wall(command, work))
        probe = work / "probe.yaml"
        probe.write_text(text + f"# run {run}\n", encoding="utf-8")
        out = subprocess.run(
            [str(python), "-c", CHILD, str(probe), str(work / "stage-cache")],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
        for name, ms in json.loads(out.stdout.strip().splitlines()[-1]):
            stages.setdefault(name, []).append(ms)

    version = subprocess.run(
        [str(python), "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True
    ).stdout.strip()
    print(f"installed from a wheel; python {version}; {os.cpu_count()} cores; median of {args.runs} interleaved runs")
    width = max(len(name) for name in [*commands, *stages])
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, ms in medians.items():
        spread = f"{min(times[name]):.0f}–{max(times[name]):.0f}"
        print(f"{name.ljust(width)}  {ms:6.1f} ms   (range {spread})")
    ours, theirs = medians["targetlint check one.yaml (changed)"], medians["yamllint one.yaml"]
    verdict = "MET" if ours <= theirs else "NOT MET"
    print(f"{'targetlint / yamllint'.ljust(width)}  {ours / theirs:6.2f}×   (at or under yamllint's: {verdict})")
    rows = [("interpreter start-up (python -c pass)", medians["floor: python -c pass"])]
    rows += [(name, statistics.median(values)) for name, values in stages.items()]
    counted: dict[str, float] = {}
    if not args.no_instructions and shutil.which("valgrind"):
        counts = {}
        for name, command in commands.items():
            target.write_text(text + f"# counted {name}\n", encoding="utf-8")  # changed: its cached result misses
            counts[name] = instructions(command, work) or 0
        print()
        print("instructions executed (valgrind callgrind, one run each):")
        for name, count in counts.items():
            print(f"{name.ljust(width)}  {count / 1e6:6.0f} M")
        ratio = counts["targetlint check one.yaml (changed)"] / counts["yamllint one.yaml"]
        print(f"{'targetlint / yamllint'.ljust(width)}  {ratio:6.2f}×")
        # Each stage: the child stopped after it, minus the child stopped before it.
        patterns = work / "patterns.json"
        stage_run = [str(python), "-c", CHILD, str(probe), str(work / "count-cache")]
        subprocess.run([*stage_run, "6"], cwd=work, capture_output=True, check=True)  # plugin discovery remembered
        previous = counts["floor: python -c pass"]
        counted["interpreter start-up (python -c pass)"] = previous
        for stop, name in enumerate(stages, start=1):
            if name.startswith(" "):
                continue
            probe.write_text(text + f"# counted {stop}\n", encoding="utf-8")  # its cached result misses
            extra = [str(patterns)] if stop == len(stages) - 1 else []
            count = instructions([*stage_run, str(stop), *extra], work) or 0
            counted[name], previous = count - previous, count
        compile_run = [str(python), "-c", COMPILE, str(patterns)]
        counted["  of which compiling regular expressions"] = (instructions([*compile_run, "compile"], work) or 0) - (
            instructions([*compile_run, "load"], work) or 0
        )
    print()
    print("where targetlint's time goes (stages of one check; wall: medians; instructions: one run)")
    for name, ms in rows:
        count = f"{counted[name] / 1e6:6.0f} M" if name in counted else ""
        print(f"{name.ljust(width)}  {ms:6.1f} ms  {count}")
    total = sum(ms for name, ms in rows if not name.startswith("  "))
    total_count = sum(count for name, count in counted.items() if not name.startswith("  "))
    print(f"{'total'.ljust(width)}  {total:6.1f} ms  " + (f"{total_count / 1e6:6.0f} M" if counted else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
