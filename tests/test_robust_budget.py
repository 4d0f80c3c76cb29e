"""Every hostile file is answered within 2 s and 500 MB.

Each file is checked by ``targetlint check`` in a fresh process that times
the check itself and reports its CPU time, and whose peak resident memory is
read with ``resource.getrusage(RUSAGE_CHILDREN)`` by a small parent process.
(A child forked straight from pytest would inherit pytest's own peak in
``ru_maxrss``.) The budget is on CPU time: other test suites share the
machine, and wall time measures them as much as us; wall time is still
bounded, generously, to catch anything that waits instead of working.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from targetlint.source import MAX_FILE_SIZE

from .conftest import FIXTURES

SECONDS, MEGABYTES, WALL_SECONDS = 2.0, 500, 20.0

EXAMPLE = (FIXTURES / "example.yaml").read_text(encoding="utf-8")
INDICATOR = "项目名称: x\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数达标率\n        指标值: {}\n"


def _under_limit(unit: str, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit`` repeated + ``tail``, as large as the size limit allows."""
    room = MAX_FILE_SIZE - len((head + tail).encode("utf-8")) - 16
    return head + unit * (room // len(unit.encode("utf-8"))) + tail


def _laughs(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    lines += [
        f"项目名称: *a{levels}",
        "绩效指标:",
        "  产出指标:",
        f"    数量指标: *a{levels}",
        f"  效益指标: *a{levels}",
    ]
    return "\n".join(lines) + "\n"


def _wide_aliases() -> str:
    # One mapping of 200 keys, then as many aliases to it as fit: every
    # alias would cost the builder 200 entries without the node budget.
    keys = "{" + ", ".join(f"k{i}: v" for i in range(200)) + "}"
    head = f"项目名称: x\n绩效指标:\n  产出指标:\n    数量指标:\n      - &m {keys}\n"
    return _under_limit("      - *m\n", head)


HOSTILE = {
    "honest batch at the size limit": lambda: _under_limit("---\n" + EXAMPLE),
    "one 指标值 at the size limit": lambda: _under_limit(
        "很", INDICATOR.split("{}")[0] + "≥1", INDICATOR.split("{}")[1]
    ),
    "one name at the size limit": lambda: _under_limit("很", "项目名称: ", "\n"),
    "10 MB value": lambda: INDICATOR.format("很" * (10 * 1024 * 1024 // 3)),
    "50 MB generated file": lambda: _under_limit("---\n" + EXAMPLE) * 25,
    "flow nesting 400,000 deep": lambda: "项目名称: " + "[" * 400_000 + "]" * 400_000 + "\n",
    "flow nesting 10,000 deep": lambda: "项目名称: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
    "block nesting 10,000 deep": lambda: "项目名称: x\n绩效指标:\n" + "- " * 10_000 + "x\n",
    "indentation 10,000 deep": lambda: "".join(" " * i + "a:\n" for i in range(1400)) + " " * 1400 + "b\n",
    "billion laughs": _laughs,
    "aliases to a wide mapping": _wide_aliases,
    "balanced brackets at the size limit": lambda: _under_limit("[]", "项目名称: x\n年度总体目标: ", "\n"),
    "100,000 empty documents": lambda: "---\n" * 100_000,
    "10,000 broken documents": lambda: '---\n项目名称: "x\n' * 10_000,
    "50,000 duplicate keys": lambda: "项目名称: x\n" + "".join(f"实施单位: {i}\n" for i in range(50_000)),
    "control characters everywhere": lambda: _under_limit("项目名称: \x01\x02\x7f\n"),
    "absurd numbers": lambda: (
        "申报年度: 1e309\n项目资金:\n  年度资金申请总额: "
        + "9" * 4000
        + "\n  当年财政拨款: .nan\n  其他资金: 0x"
        + "f" * 100_000
        + "\n"
    ),
}

BINARY = {
    "random bytes at the size limit": lambda: bytes((i * 7919 + (i >> 3)) % 256 for i in range(MAX_FILE_SIZE - 16)),
    "NUL-free undecodable bytes": lambda: bytes(range(0x80, 0x100)) * (MAX_FILE_SIZE // 256 - 1),
}

CHECK = """
import io, json, resource, sys, time
from contextlib import redirect_stdout, redirect_stderr
from targetlint.cli import main
out, err = io.StringIO(), io.StringIO()
wall, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
with redirect_stdout(out), redirect_stderr(err):
    code = main(["check", "--format", "json", sys.argv[1]])
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
print(json.dumps({"cpu": cpu, "wall": time.perf_counter() - wall, "code": code, "stdout": out.getvalue()[-20000:], "stderr": err.getvalue()}))
"""

# Imports nothing heavy, so the child's inherited peak is small.
PARENT = """
import json, resource, subprocess, sys
run = subprocess.run([sys.executable, "-c", sys.argv[1], sys.argv[2]], capture_output=True, timeout=120)
result = json.loads(run.stdout) if run.returncode == 0 else {"error": run.stderr.decode(errors="replace")[-3000:]}
result["peak"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(result))
"""


def _measure(path: Path) -> dict:
    run = subprocess.run([sys.executable, "-S", "-c", PARENT, CHECK, str(path)], capture_output=True, timeout=150)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]
    result = json.loads(run.stdout)
    assert "error" not in result, result["error"]
    return result


@pytest.mark.parametrize("name", list(HOSTILE) + list(BINARY))
def test_hostile_file_is_answered_within_budget(tmp_path, name):
    path = tmp_path / "hostile.yaml"
    if name in BINARY:
        path.write_bytes(BINARY[name]())
    else:
        path.write_text(HOSTILE[name](), encoding="utf-8")
    measured = _measure(path)
    print(
        f"{name}: {path.stat().st_size / 1e6:.1f} MB file, {measured['cpu']:.2f} s CPU, {measured['wall']:.2f} s wall, {measured['peak']:.0f} MB peak"
    )
    assert measured["cpu"] < SECONDS, measured["cpu"]
    assert measured["wall"] < WALL_SECONDS, measured["wall"]
    assert measured["peak"] < MEGABYTES, measured["peak"]
    # A finding (or a clean bill) for the file, never an internal error.
    assert measured["code"] in (0, 1), measured["stderr"]
    assert "Traceback" not in measured["stderr"]
    report = (
        json.loads(measured["stdout"])
        if measured["stdout"].startswith("{") and len(measured["stdout"]) < 20000
        else None
    )
    if report is not None:
        assert not [f for f in report["findings"] if f["code"] == "TL009"]


def test_oversized_file_is_a_finding_not_parsed(cli, write):
    path = write("big.yaml", "项目名称: " + "x" * (MAX_FILE_SIZE + 1) + "\n")
    result = cli("check", "--format", "json", str(path))
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert finding["code"] == "TL001" and "过大" in finding["message"]
