"""write_atomic: readers see the old content or the new, never half; a
failure at any step leaves the original and no temporary file."""

from __future__ import annotations

import os
import stat

import pytest

from targetlint import atomic
from targetlint.atomic import write_atomic


def _leftovers(directory):
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]


def test_new_file_and_replace(tmp_path):
    target = tmp_path / "申报 2023.yaml"
    write_atomic(target, "项目名称: a\n".encode())
    assert target.read_text(encoding="utf-8") == "项目名称: a\n"
    write_atomic(target, b"b\n")
    assert target.read_bytes() == b"b\n" and _leftovers(tmp_path) == []


def test_default_is_force_and_force_false_refuses(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"new", force=False)
    assert target.read_bytes() == b"original" and _leftovers(tmp_path) == []
    write_atomic(tmp_path / "b.yaml", b"x", force=False)
    assert (tmp_path / "b.yaml").read_bytes() == b"x"


def test_mode_of_an_existing_file_is_kept(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_the_umask_mode_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.yaml", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o644


@pytest.mark.parametrize("step", ["write", "fsync", "chmod", "replace"])
def test_failure_half_way_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch, step):
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if step == "write":
        real_fdopen = os.fdopen

        def half_written(fd, *args, **kwargs):
            handle = real_fdopen(fd, *args, **kwargs)
            real_write = handle.write

            def write(data):
                real_write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

            handle.write = write
            return handle

        monkeypatch.setattr(atomic.os, "fdopen", half_written)
    else:
        monkeypatch.setattr(atomic.os, step, fail)
    with pytest.raises(OSError):
        write_atomic(target, b"new content that never lands")
    assert target.read_bytes() == b"original"
    assert _leftovers(tmp_path) == []


def test_interrupt_half_way_leaves_the_original(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"original" and _leftovers(tmp_path) == []


def test_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_bytes(b"original")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_directory_is_not_replaced(tmp_path):
    (tmp_path / "d.yaml").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomic(tmp_path / "d.yaml", b"x")
    assert (tmp_path / "d.yaml").is_dir() and _leftovers(tmp_path) == []
