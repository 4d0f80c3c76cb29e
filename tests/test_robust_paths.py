"""Paths: every odd path gets a clear message, and exit 2 means the run could
not look at something it was asked to check (a usage or I/O error), never
that a file it read has findings.

Decision: a file that exists but cannot be read is an error (exit 2), like a
path that does not exist. A CI gate must not pass without having looked.
"""

from __future__ import annotations

import builtins
import os

import pytest

from .conftest import FIXTURES

EXAMPLE = (FIXTURES / "example.yaml").read_text(encoding="utf-8")


def test_path_that_does_not_exist(cli, tmp_path):
    result = cli("check", str(tmp_path / "nope.yaml"))
    assert result.code == 2 and "路径不存在" in result.err and "Traceback" not in result.err


def test_directory_without_yaml(cli, tmp_path):
    # Nothing to check is a notice, not an error, and not an all-clear either.
    (tmp_path / "readme.txt").write_text("x", encoding="utf-8")
    result = cli("check", "--lang", "en", str(tmp_path))
    assert result.code == 0 and "no YAML files" in result.err
    assert "No declarations found" in result.out and "All clear" not in result.out


def test_symlink_loop_is_walked_once(cli, tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.yaml").write_text(EXAMPLE, encoding="utf-8")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    result = cli("check", "--format", "concise", str(tmp_path))
    assert result.code == 1 and "Traceback" not in result.err
    assert result.out.count("TL201") == 1


def test_self_referencing_symlink_named_yaml(cli, tmp_path):
    os.symlink(tmp_path / "self.yaml", tmp_path / "self.yaml")
    result = cli("check", str(tmp_path / "self.yaml"))
    assert result.code == 2 and "self.yaml" in result.err and "Traceback" not in result.err
    # Inside a walked directory: reported, and the good file beside it checked.
    (tmp_path / "good.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = cli("check", str(tmp_path))
    assert result.code == 2 and "self.yaml" in result.err and "TL201" in result.out


def test_dangling_symlink_in_a_directory(cli, tmp_path):
    os.symlink(tmp_path / "gone.yaml", tmp_path / "link.yaml")
    (tmp_path / "good.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = cli("check", "--lang", "en", str(tmp_path))
    assert result.code == 2 and "link.yaml: cannot be read" in result.err and "TL201" in result.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_permissions(cli, tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    path.chmod(0)
    try:
        result = cli("check", str(path))
    finally:
        path.chmod(0o644)
    assert result.code == 2 and "无法读取" in result.err


def test_unreadable_file_simulated(cli, tmp_path, monkeypatch):
    # Root (as in CI) can read a chmod 000 file, so refuse the open instead.
    path = tmp_path / "secret.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(EXAMPLE, encoding="utf-8")
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file).endswith("secret.yaml"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    result = cli("check", "--lang", "en", str(tmp_path))
    assert result.code == 2
    assert "secret.yaml: cannot be read (Permission denied)" in result.err
    assert "good.yaml" in result.out and "Traceback" not in result.err


def refuse_listing(monkeypatch, name: str) -> None:
    """Make listing a directory called ``name`` fail, as an unreadable one
    does (root, as in CI, lists folders whatever their mode)."""
    real_scandir = os.scandir

    def guarded(path="."):
        if str(path).endswith(name):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)


def test_unreadable_directory_simulated(cli, tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "good.yaml").write_text(EXAMPLE, encoding="utf-8")
    refuse_listing(monkeypatch, "locked")
    result = cli("check", "--lang", "en", str(tmp_path))
    assert result.code == 2 and "locked: cannot be read (Permission denied)" in result.err
    assert "good.yaml" in result.out


def test_a_directory_named_yaml(cli, tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    (tmp_path / "dir.yaml" / "inner.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = cli("check", str(tmp_path))
    assert result.code == 1 and "inner.yaml" in result.out and "Traceback" not in result.err


def test_names_with_spaces_and_chinese(cli, tmp_path):
    folder = tmp_path / "2023 年度 申报"
    folder.mkdir()
    (folder / "人社局 绩效目标.yaml").write_text(EXAMPLE, encoding="utf-8")
    result = cli("check", str(folder))
    assert result.code == 1
    assert f"{folder / '人社局 绩效目标.yaml'}:23:" in result.out


def test_fifo_named_yaml_is_read_with_a_bound(tmp_path):
    # `targetlint check <(generate)` hands us a pipe; a pipe with a writer
    # that never stops must not be read without end.
    import threading

    from targetlint.source import read_source

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)

    def writer():
        try:
            with open(fifo, "wb") as handle:
                while True:
                    handle.write(b"# " + b"x" * 65536 + b"\n")
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    source = read_source(str(fifo), max_size=1 << 20)
    assert [p.kind for p in source.problems] == ["too-large"]
