"""What a file holds can never take over a terminal or a CI log: control
characters are escaped in every human-readable output, GitHub workflow
commands cannot be forged, the job summary escapes HTML and Markdown, and a
file name that is not UTF-8 is shown losslessly escaped, in every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from targetlint import escape

from .conftest import ROOT, TRAINING_DECLARATION

# An indicator name and value that try everything: a clipboard write (OSC 52),
# a link (OSC 8), a bell, a carriage return that hides the line, NUL, a C1
# control, a right-to-left override.
HOSTILE_NAME = r"培训\e]52;c;aGk=\a人数\e]8;;http://evil/\a达标\0\x9b\u202e\r率"
CONTROLS = ["\x1b", "\x07", "\r", "\x00", "\x9b", "\u202e"]


def _hostile_declaration() -> str:
    return TRAINING_DECLARATION.replace("培训人数达标率", f'"{HOSTILE_NAME}"')


def _assert_clean(text: str) -> None:
    for control in CONTROLS:
        assert control not in text, (control, text)


@pytest.mark.parametrize("output_format", ["text", "concise"])
def test_text_output_escapes_control_characters(cli, write, output_format):
    path = write("a.yaml", _hostile_declaration())
    result = cli("check", "--no-cache", "--format", output_format, "--show-source", str(path))
    assert result.code == 1, result
    _assert_clean(result.out)
    assert "\\x1b]52;c;aGk=\\x07" in result.out  # shown, not obeyed


def test_a_forged_cache_rendering_is_not_printed(cli, write, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("TARGETLINT_CACHE_DIR", str(cache))
    path = write("a.yaml", TRAINING_DECLARATION)
    first = cli("check", str(path))
    (rendering,) = cache.rglob("*.txt")
    import hashlib

    forged = b"\x1b]52;c;aGk=\x07forged\n"
    rendering.write_bytes(hashlib.sha256(forged).hexdigest().encode() + b"\n" + forged)
    second = cli("check", str(path))
    assert second.out == first.out
    _assert_clean(second.out)


def test_stale_baseline_listings_escape_control_characters(cli, write, tmp_path):
    path = write("a.yaml", _hostile_declaration())
    baseline = tmp_path / "baseline.json"
    assert cli("check", "--no-cache", "--write-baseline", str(baseline), str(path)).code == 0
    write("a.yaml", TRAINING_DECLARATION.replace("≥250", "≥25%"))
    result = cli("check", "--no-cache", "--baseline", str(baseline), str(path))
    assert "\\x1b" in result.err or "\\x1b" in result.out
    _assert_clean(result.out + result.err)


FORGING_NAME = r'"培训人数\n::error file=src/payments.py,line=42::forged\n::stop-commands::x\n##[error]old达标率"'


def _github_batch(write) -> list[str]:
    # Twelve errors: before the fix, only the first ten were escaped.
    text = TRAINING_DECLARATION.replace("培训人数达标率", FORGING_NAME)
    return [str(write(f"d{index:02d}.yaml", text)) for index in range(12)]


def test_github_workflow_commands_cannot_be_forged_on_any_line(cli, write, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    paths = _github_batch(write)
    result = cli("check", "--no-cache", "--format", "github", "--select", "ALL", *paths)
    lines = result.out.splitlines()
    assert len([line for line in lines if "培训人数" in line]) == 12
    for line in lines:
        assert not line.lstrip().startswith(("::error file=src", "::stop-commands")), line
        assert "##[" not in line, line
    _assert_clean(result.out)


def test_the_job_summary_escapes_html_and_markdown(cli, write, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    hostile = '"<img src=x onerror=alert(1)>[点击](https://evil.example/)![](https://evil.example/t.png)"'
    path = write("a.yaml", TRAINING_DECLARATION.replace("培训人数达标率", hostile))
    cli("check", "--no-cache", "--format", "github", str(path))
    table = summary.read_text(encoding="utf-8")
    assert "<img" not in table and "](" not in table
    assert "&lt;img" in table  # still readable


GBK_NAME = "你好".encode("gbk") + b".yaml"  # as zip files from Windows name them


@pytest.fixture
def gbk_file(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "w", encoding="utf-8") as handle:
        handle.write(TRAINING_DECLARATION)
    return folder


def _run(folder, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "targetlint", "check", *args, "."],
        cwd=folder,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, LC_ALL="C.UTF-8", PYTHONPATH=str(ROOT), **(env or {})),
    )


ESCAPED = escape.path(os.fsdecode(GBK_NAME))


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github", "gitlab", "junit"])
def test_a_file_name_that_is_not_utf8_is_escaped_in_every_format(gbk_file, output_format):
    result = _run(gbk_file, "--format", output_format)
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")  # valid UTF-8, or this raises
    assert ESCAPED in out or ESCAPED.replace("\\", "\\\\") in out or "%5Cxc4%5Cxe3" in out
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(out)
    if output_format == "junit":
        ElementTree.fromstring(out)


def test_a_file_name_that_is_not_utf8_in_the_cache_report_file_and_baseline(gbk_file):
    for _ in range(2):  # cold, then warm from the kept rendering
        result = _run(gbk_file)
        assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
        assert ESCAPED in result.stdout.decode("utf-8")
    result = _run(gbk_file, "--format", "sarif", "-o", "report.sarif")
    assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
    json.loads((gbk_file / "report.sarif").read_text(encoding="utf-8"))
    result = _run(gbk_file, "--write-baseline", "baseline.json")
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    json.loads((gbk_file / "baseline.json").read_text(encoding="utf-8"))
    assert _run(gbk_file, "--baseline", "baseline.json").returncode == 0


def test_the_escaping_is_lossless():
    for raw in (GBK_NAME, b"a\\b.yaml", b"x\n\x1b\xff.yaml", "正常\u0085.yaml".encode(), b"\x85.yaml"):
        shown = escape.path(os.fsdecode(raw))
        shown.encode("utf-8")
        assert shown.isprintable()
        assert _unescape(shown) == raw


def _unescape(shown: str) -> bytes:
    # The documented reading: \\ is a backslash, \xNN a byte, \uNNNN a code point.
    out, index = bytearray(), 0
    while index < len(shown):
        ch = shown[index]
        if ch != "\\":
            out += ch.encode("utf-8")
            index += 1
        elif shown[index + 1] == "\\":
            out += b"\\"
            index += 2
        elif shown[index + 1] == "x":
            out.append(int(shown[index + 2 : index + 4], 16))
            index += 4
        elif shown[index + 1] == "u":
            out += chr(int(shown[index + 2 : index + 6], 16)).encode("utf-8")
            index += 6
        else:
            out += {"n": b"\n", "r": b"\r", "t": b"\t"}[shown[index + 1]]
            index += 2
    return bytes(out)
