"""Progress on long runs: on stderr, on a terminal only; never in pipes, CI
logs or machine-readable output."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

from targetlint.progress import MIN_FILES, progress_for


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only_and_for_long_runs(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress_for(MIN_FILES, "zh", io.StringIO()) is None  # a pipe or a file
    assert progress_for(MIN_FILES - 1, "zh", _Terminal()) is None  # a short run
    monkeypatch.setenv("CI", "true")
    assert progress_for(MIN_FILES, "zh", _Terminal()) is None  # a CI log
    monkeypatch.delenv("CI")

    terminal = _Terminal()
    progress = progress_for(MIN_FILES, "zh", terminal)
    assert progress is not None
    for _ in range(MIN_FILES):
        progress.advance()
    assert terminal.getvalue().startswith("\r检查中 ")
    assert terminal.getvalue().endswith(f"\r检查中 {MIN_FILES} / {MIN_FILES} 个文件")
    progress.clear()
    assert terminal.getvalue().endswith("\r")  # the line is blanked before anything else prints
    english = _Terminal()
    progress = progress_for(1000, "en", english)
    assert progress is not None
    progress.advance()
    assert english.getvalue() == "\rchecking 1 / 1,000 files"


def test_a_long_run_on_a_terminal_shows_progress_on_stderr_and_keeps_stdout_clean(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(MIN_FILES + 5):
        (folder / f"d{number:04d}.yaml").write_text(
            f"项目名称: 项目{number}\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训场次\n        指标值: 5\n",
            encoding="utf-8",
        )
    controller, terminal = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["TERM"] = "xterm"
    process = subprocess.Popen(
        [sys.executable, "-m", "targetlint", "check", "--no-cache", "--format", "json", str(folder)],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    out, _ = process.communicate(timeout=120)
    shown = b""
    try:
        while chunk := os.read(controller, 65536):
            shown += chunk
    except OSError:  # the terminal is gone once the process has exited
        pass
    os.close(controller)
    report = json.loads(out)  # standard output is the JSON document, untouched
    assert report["summary"]["files"] == MIN_FILES + 5
    text = shown.decode("utf-8")
    assert f"检查中 {MIN_FILES + 5} / {MIN_FILES + 5} 个文件" in text


def test_no_progress_when_stderr_is_not_a_terminal(cli, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(MIN_FILES + 1):
        (folder / f"d{number:04d}.yaml").write_text(f"项目名称: 项目{number}\n", encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "concise", str(folder))
    assert "检查中" not in result.err and "\r" not in result.err and "\r" not in result.out
