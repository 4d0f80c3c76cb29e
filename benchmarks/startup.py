"""Where a one-file run's time goes: the pre-commit case, stage by stage.

    python benchmarks/startup.py [--runs 15] [FILE]

Each run is a fresh interpreter that times, in order, the stages a
``targetlint check FILE`` goes through and then does the check itself, as
the command line does it; the table shows each stage's median over the runs
and the bare interpreter's start-up beside them. Run it after
``benchmarks/run.py`` to read its latency row (see the README's performance
section).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import seed_documents  # noqa: E402

# Runs in the child. Each stage imports only what it names; everything a later
# stage imports again is already loaded, so the stages add up to the run.
CHILD = r"""
import json, sys, time
marks = [("interpreter start-up (python -c pass)", None)]
t = time.perf_counter()
def mark(name):
    global t
    now = time.perf_counter()
    marks.append((name, (now - t) * 1000))
    t = now
from pydantic import AliasChoices, BaseModel, ConfigDict, Field
mark("import pydantic")
import ruamel.yaml
mark("import ruamel.yaml")
import targetlint.cli, targetlint.model, targetlint.loader, targetlint.rule
mark("import targetlint core (model, loader, values, vocabulary)")
from targetlint import discovery
from targetlint.check import cache_directory
from targetlint.plugins import load_registry
discovery.cache_directory = cache_directory(sys.argv[2])
registry = load_registry()
mark("plugin discovery and the rule pack's import")
import targetlint.check, targetlint.runner, targetlint.planner, targetlint.engine, targetlint.reporters.text
import targetlint.config, targetlint.suppressions, targetlint.cache
mark("import the check pipeline and text reporter")
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    targetlint.cli.main(["check", "--cache-dir", sys.argv[2], sys.argv[1]])
mark("the check: configuration, grammar compiled on use, load, rules, report")
print(json.dumps(marks[1:]))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "file", nargs="?", default=None, help="a declaration file (default: the first seed declaration)"
    )
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="targetlint-startup-"))
    target = Path(args.file) if args.file else work / "one.yaml"
    if not args.file:
        target.write_text(seed_documents()[0], encoding="utf-8")
    text = target.read_text(encoding="utf-8")

    stages: dict[str, list[float]] = {}
    bare: list[float] = []
    for run in range(args.runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append((time.perf_counter() - start) * 1000)
        # A changed file each time, as in a commit: the result cache misses,
        # the installation's plugin discovery is remembered.
        probe = work / "probe.yaml"
        probe.write_text(text + f"# run {run}\n", encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(probe), str(work / "cache")], capture_output=True, text=True, check=True
        )
        for name, ms in json.loads(out.stdout.strip().splitlines()[-1]):
            stages.setdefault(name, []).append(ms)

    rows = [("interpreter start-up (python -c pass)", statistics.median(bare))]
    rows += [(name, statistics.median(values)) for name, values in stages.items()]
    total = sum(ms for _, ms in rows)
    width = max(len(name) for name, _ in rows)
    print(f"one-file check of {target.name}: median of {args.runs} fresh processes; python {sys.version.split()[0]}")
    for name, ms in rows:
        print(f"{name.ljust(width)}  {ms:6.1f} ms  {ms / total:5.1%}")
    print(f"{'total'.ljust(width)}  {total:6.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
