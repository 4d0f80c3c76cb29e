from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# A complete declaration with three known defects, shared by the configuration
# and suppression tests; line numbers matter: 6 → TL203 (a bare 5),
# 9 → TL201 (≥250 on a rate), 13 → TL207 (提高).
TRAINING_DECLARATION = """项目名称: 培训项目
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训场次
        指标值: 5
    质量指标:
      - 三级指标: 培训人数达标率
        指标值: ≥250
  效益指标:
    社会效益指标:
      - 三级指标: 培训效果
        指标值: 提高
  满意度指标:
    服务对象满意度指标:
      - 三级指标: 参训学员满意度
        指标值: ≥90%
  成本指标:
    经济成本指标:
      - 三级指标: 人均培训成本
        指标值: ≤500元/人
"""


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __repr__(self):
        return f"CliResult(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def cli():
    """Run ``targetlint`` in-process and capture its exit code and output."""
    from targetlint.cli import main

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        old_stdin = sys.stdin
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            with redirect_stdout(out), redirect_stderr(err):
                try:
                    code = main(list(args))
                except SystemExit as exit_:
                    code = exit_.code if isinstance(exit_.code, int) else 2
        finally:
            sys.stdin = old_stdin
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


def run_targetlint(
    *args: str, cwd: Path | None = None, env: dict | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    """Run the installed CLI in a subprocess (for entry-point and stdin tests)."""
    environment = dict(os.environ)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "targetlint", *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch):
    # The language of messages follows an English locale; tests expect the
    # default (Chinese) unless they set a locale themselves, whatever the
    # machine running them is set to.
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Each test gets its own result cache, so no test sees another's results.
    monkeypatch.setenv("TARGETLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def seed_batch(tmp_path):
    """A folder holding a copy of the seed batch (26 declarations); tests add their own files beside it."""
    import shutil

    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(FIXTURES / "seed" / "shanghai-hrss-2023-performance-targets.yaml", folder / "seed.yaml")
    return folder
