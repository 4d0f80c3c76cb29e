#!/usr/bin/env python3
"""Long fuzz run of the whole check path, in-process.

Feeds arbitrary bytes, mutated copies of fixtures/example.yaml and generated
declarations (the strategies of tests/test_fuzz.py) through decode → load →
every built-in rule → every reporter, and checks every finding's location;
arbitrary bytes and mutated examples through the configuration loader
(``.targetlint.yaml``) and the rule-file loader, which must answer with a
located error or a result, never an exception; damaged and hostile .xlsx
workbooks through ``targetlint import`` (and the YAML it writes through the
check); declarations holding markup through the HTML report, where nothing
from a file may become a tag; and half-typed documents through what the
language server does with them (check, each fix's edit, all safe fixes).
Unlike the test, a failing input does not stop the run: it is saved under
--out and counted, and the run goes on.

    .venv/bin/python scripts/fuzz.py --count 100000

Exit status: 0 when nothing escaped, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to try (default 100000)")
    parser.add_argument(
        "--out",
        default=str(Path(tempfile.gettempdir()) / "targetlint-fuzz-failures"),
        help="where failing inputs are saved",
    )
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, for a repeatable run")
    args = parser.parse_args(argv)

    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis import strategies as st

    from tests.test_fuzz import (
        CONFIG_EXAMPLE,
        RULE_FILE_EXAMPLE,
        check_bytes,
        check_config_bytes,
        check_editor_document,
        check_html_report,
        check_rule_file_bytes,
        check_workbook_bytes,
        half_typed,
        mutated,
        raw_bytes,
        raw_workbooks,
        structured,
    )

    scratch = Path(tempfile.mkdtemp(prefix="targetlint-fuzz-"))
    (scratch / ".git").mkdir()  # configuration discovery stops here
    checks = {
        "declaration": check_bytes,
        "config": lambda data: check_config_bytes(data, scratch) or 0,
        "rules": lambda data: check_rule_file_bytes(data, scratch) or 0,
        "workbook": lambda data: check_workbook_bytes(data, scratch),
        "report": check_html_report,
        "editor": lambda data: check_editor_document(data.decode("utf-8", "surrogatepass"), scratch),
    }
    typed = half_typed().map(lambda text: text.encode("utf-8", "surrogatepass"))
    inputs = st.one_of(
        st.one_of(raw_bytes, mutated(), structured()).map(lambda data: ("declaration", data)),
        st.one_of(raw_bytes, mutated(CONFIG_EXAMPLE)).map(lambda data: ("config", data)),
        st.one_of(raw_bytes, mutated(RULE_FILE_EXAMPLE)).map(lambda data: ("rules", data)),
        raw_workbooks.map(lambda data: ("workbook", data)),
        st.one_of(structured(), mutated(), typed).map(lambda data: ("report", data)),
        typed.map(lambda data: ("editor", data)),
    )

    out = Path(args.out)
    stats = dict.fromkeys(["inputs", "findings", "escapes", "bytes", *checks], 0)
    kinds: dict[str, int] = {}
    started = time.monotonic()

    @settings(
        max_examples=args.count,
        deadline=None,
        database=None,
        derandomize=False,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def run(kind_and_data: tuple[str, bytes]) -> None:
        kind, data = kind_and_data
        stats["inputs"] += 1
        stats[kind] += 1
        stats["bytes"] += len(data)
        try:
            stats["findings"] += checks[kind](data)
        except Exception as error:
            stats["escapes"] += 1
            key = f"{kind}: {type(error).__name__}: {str(error).splitlines()[0][:120] if str(error) else ''}"
            kinds[key] = kinds.get(key, 0) + 1
            out.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data).hexdigest()[:16]
            (out / f"{kind}-{name}.{'xlsx' if kind == 'workbook' else 'yaml'}").write_bytes(data)
            (out / f"{kind}-{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")
        if stats["inputs"] % 10_000 == 0:
            elapsed = time.monotonic() - started
            print(
                f"{stats['inputs']:>8} inputs  {stats['inputs'] / elapsed:7.0f}/s  escapes {stats['escapes']}",
                flush=True,
            )

    if args.seed is not None:
        run = seed(args.seed)(run)
    run()
    elapsed = time.monotonic() - started
    print(
        f"done: {stats['inputs']} inputs ({stats['bytes'] / 1e6:.1f} MB) in {elapsed:.0f} s, "
        f"{stats['inputs'] / elapsed:.0f} inputs/s, {stats['findings']} findings, {stats['escapes']} escapes; "
        f"{stats['declaration']} declarations, {stats['config']} configuration files, {stats['rules']} rule files, "
        f"{stats['workbook']} workbooks, {stats['report']} HTML reports, {stats['editor']} editor documents"
    )
    for key, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count:>6}  {key}")
    if stats["escapes"]:
        print(f"failing inputs saved in {out}")
    return 1 if stats["escapes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
