"""Where a serial check's time goes, stage by stage, over a generated corpus.

    python benchmarks/breakdown.py [--files 50] [--per-file 20] [--repeat 3]

Each stage runs over the whole corpus on its own, in one process, with the
default configuration's engine: reading and decoding, composing the YAML
nodes (the loader's composer), building the model from them (loading minus
composing), running every default rule, and rendering the text report. The
best of ``--repeat`` passes is shown; the rules' own column lists the five
slowest. This is the profile behind the throughput row of ``run.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import make_corpus  # noqa: E402


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--per-file", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from targetlint.config import Overrides
    from targetlint.loader import _composer, load
    from targetlint.planner import Planner
    from targetlint.plugins import load_catalogue
    from targetlint.reporters import ReportContext
    from targetlint.reporters.text import block
    from targetlint.source import read_source

    corpus = Path(tempfile.mkdtemp(prefix="targetlint-breakdown-"))
    declarations = make_corpus(corpus, args.files, args.per_file)
    paths = sorted(str(path) for path in corpus.glob("*.yaml"))
    planner = Planner(load_catalogue(), Overrides())
    engine = planner.plan(paths[0]).engine
    composer = _composer()

    sources = [read_source(path) for path in paths]
    for source in sources[:2]:  # compile what is compiled on first use, outside the timing
        engine.check_loaded(load(source, engine.vocabulary))

    def compose():
        for source in sources:
            for _ in composer.compose_all(source.text):
                pass

    lines = {source.path: source.text.splitlines() for source in sources}
    context = ReportContext(sources=lines.get)
    findings = 0

    def load_check_render() -> tuple[float, float, float]:
        # File by file, as a run does: holding every loaded file at once would
        # make the garbage collector's passes, not our code, the cost measured.
        nonlocal findings
        spent = [0.0, 0.0, 0.0]
        findings = 0
        for source in sources:
            start = time.perf_counter()
            loaded = load(source, engine.vocabulary)
            middle = time.perf_counter()
            result = engine.check_loaded(loaded)
            after = time.perf_counter()
            block(result.findings, context, True)
            spent[0] += middle - start
            spent[1] += after - middle
            spent[2] += time.perf_counter() - after
            findings += len(result.findings)
        return spent[0], spent[1], spent[2]

    per_rule = dict.fromkeys((rule.code for rule in engine.rules), 0.0)

    def rules_one_by_one():
        for source in sources:
            loaded = load(source, engine.vocabulary)
            for rule in engine.rules:
                targets = [loaded] if rule in engine.file_rules else loaded.declarations
                start = time.perf_counter()
                for target in targets:
                    for _ in rule.check(target, loaded):
                        pass
                per_rule[rule.code] += time.perf_counter() - start

    read = best(args.repeat, lambda: [read_source(path) for path in paths])
    composed = best(args.repeat, compose)
    passes = [load_check_render() for _ in range(args.repeat)]
    loading, checking, rendering = (min(times) for times in zip(*passes))
    stages = [
        ("read and decode", read),
        ("compose YAML nodes (ruamel C)", composed),
        ("build the model (load − compose)", max(0.0, loading - composed)),
        ("run the default rules", checking),
        ("render the text report", rendering),
    ]
    rules_one_by_one()
    total = sum(seconds for _, seconds in stages)
    print(
        f"serial check of {declarations:,} declarations ({findings:,} findings) in {len(paths)} files; best of "
        f"{args.repeat}"
    )
    for name, seconds in stages:
        print(
            f"  {name:<36} {seconds:7.3f} s  {seconds / total:5.1%}  {seconds / declarations * 1e6:6.0f} µs/declaration"
        )
    print(f"  {'total':<36} {total:7.3f} s")
    slowest = sorted(per_rule.items(), key=lambda item: -item[1])[:5]
    print("  slowest rules: " + ", ".join(f"{code} {seconds * 1000:.0f} ms" for code, seconds in slowest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
