"""Every read is bounded: excerpts, standard input, rule files and profiles
named by a configuration, and --fix all stop at the size limit, and a walk
skips devices and FIFOs named *.yaml with a notice instead of reading them.
Each run here gets 1 GB of address space and a timeout: before the fix, each
read until memory ran out, or hung."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from .conftest import ROOT, TRAINING_DECLARATION

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


def _run(*args, cwd, stdin=None, input_bytes=None):
    return subprocess.run(
        [sys.executable, "-m", "targetlint", "check", "--no-cache", *args],
        cwd=cwd,
        stdin=stdin,
        input=input_bytes,
        capture_output=True,
        timeout=60,
        preexec_fn=_limited,
        env=dict(os.environ, PYTHONPATH=str(ROOT), LC_ALL="C.UTF-8"),
    )


def test_a_device_named_on_the_command_line_is_too_large_and_shown_without_reading_it(tmp_path):
    (tmp_path / "z.yaml").symlink_to("/dev/zero")
    for target in ("/dev/zero", "z.yaml"):
        result = _run(target, cwd=tmp_path)
        assert result.returncode == 1, result.stderr.decode()
        assert b"TL001" in result.stdout and b"Traceback" not in result.stderr


def test_a_walk_skips_devices_and_fifos_with_a_notice(tmp_path):
    (tmp_path / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    (tmp_path / "z.yaml").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "f.yaml")
    result = _run(".", cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode()
    err = result.stderr.decode()
    assert "z.yaml" in err and "f.yaml" in err  # the notice
    assert "检查了 1 个文件" in result.stdout.decode()


def test_standard_input_is_read_up_to_the_limit(tmp_path):
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        result = _run("-", cwd=tmp_path, stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
    assert result.returncode == 1, result.stderr.decode()
    assert b"TL001" in result.stdout


@pytest.mark.parametrize("setting", ["rule-files: [/dev/zero]", "profile: /dev/zero"])
def test_configured_files_are_read_up_to_a_limit(tmp_path, setting):
    (tmp_path / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    (tmp_path / ".targetlint.yaml").write_text(setting + "\n", encoding="utf-8")
    result = _run("a.yaml", cwd=tmp_path)
    assert result.returncode == 2, result
    assert b"/dev/zero" in result.stderr and b"Traceback" not in result.stderr


def test_fix_keeps_to_the_size_limit(tmp_path):
    big = TRAINING_DECLARATION.replace("≥90%", "≧90%") + "# padding\n" * 120_000  # ~1.2 MB
    (tmp_path / "big.yaml").write_text(big, encoding="utf-8")
    result = _run("--fix", "big.yaml", cwd=tmp_path)
    assert (tmp_path / "big.yaml").read_text(encoding="utf-8") == big
    assert b"Traceback" not in result.stderr
    assert result.returncode != 0
