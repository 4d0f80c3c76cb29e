"""Nothing under the cache directory is read or written through a symlink, a
cache directory that is a symlink or someone else's is not used, and a
report written onto a device or FIFO is written into it, never replacing it."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from targetlint.cache import Cache

from .conftest import TRAINING_DECLARATION


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    return tmp_path, outside


def test_committed_symlinks_in_the_cache_are_not_written_through(cli, project, monkeypatch):
    root, outside = project
    cache = root / ".targetlint_cache"
    cache.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (cache / ".gitignore").symlink_to(victim)
    (cache / "CACHEDIR.TAG").symlink_to(outside / "created-by-targetlint")
    monkeypatch.delenv("TARGETLINT_CACHE_DIR")
    monkeypatch.chdir(root)
    result = cli("check", "a.yaml")
    assert result.code == 1, result
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (outside / "created-by-targetlint").exists()
    assert os.listdir(outside) == ["victim.txt"]


def test_cache_entries_and_subdirectories_that_are_symlinks_are_neither_read_nor_written(project):
    root, outside = project
    data = TRAINING_DECLARATION.encode("utf-8")
    cache = Cache(root / "cache", run_fingerprint="x")
    key = cache.key(data)
    # The entry's folder is a symlink out of the cache: nothing is written there.
    key.entry.parent.parent.mkdir(parents=True)
    key.entry.parent.symlink_to(outside, target_is_directory=True)
    from targetlint.runner import FileOutcome

    cache.write(key, FileOutcome("a.yaml"))
    assert os.listdir(outside) == []
    # An entry that is a symlink (to a forged entry or to /dev/zero) is not read.
    os.unlink(key.entry.parent)
    key.entry.parent.mkdir()
    Cache(root / "cache", run_fingerprint="x").write(key, FileOutcome("a.yaml"))
    real = key.entry.with_suffix(".real")
    os.replace(key.entry, real)
    key.entry.symlink_to(real)
    assert cache.read(key, "a.yaml") is None
    os.unlink(key.entry)
    key.entry.symlink_to("/dev/zero")
    assert cache.read(key, "a.yaml") is None


def test_a_symlinked_cache_directory_is_not_used(cli, project, monkeypatch):
    root, outside = project
    (root / "linked-cache").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv("TARGETLINT_CACHE_DIR", str(root / "linked-cache"))
    result = cli("check", str(root / "a.yaml"))
    assert result.code == 1, result
    assert os.listdir(outside) == []
    assert "linked-cache" in result.err


def test_a_cache_directory_owned_by_someone_else_is_not_used(cli, project, monkeypatch):
    root, _ = project
    cache = root / "theirs"
    cache.mkdir()
    real_lstat = os.lstat

    def lstat(path, *args, **kwargs):
        status = real_lstat(path, *args, **kwargs)
        if os.fspath(path) == str(cache):
            fields = list(status)
            fields[4] = os.geteuid() + 1  # st_uid
            return os.stat_result(fields)
        return status

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.setenv("TARGETLINT_CACHE_DIR", str(cache))
    result = cli("check", str(root / "a.yaml"))
    assert result.code == 1, result
    assert os.listdir(cache) == []
    assert "theirs" in result.err


def test_the_plugin_discovery_file_is_not_written_through_a_symlink(cli, project, monkeypatch):
    root, outside = project
    cache = root / "cache"
    cache.mkdir()
    from targetlint import discovery

    # Its name is predictable: plant a symlink for every name it could have.
    monkeypatch.setenv("TARGETLINT_CACHE_DIR", str(cache))
    cli("check", str(root / "a.yaml"))
    (entry,) = cache.glob("entry-points-*.json")
    os.unlink(entry)
    victim = outside / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    entry.symlink_to(victim)
    assert discovery  # the module whose file this is
    result = cli("check", str(root / "a.yaml"))
    assert result.code == 1, result
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_output_file_on_a_fifo_is_written_into_it(cli, project):
    root, _ = project
    fifo = root / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read():
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    result = cli("check", "--no-cache", "--format", "json", "-o", str(fifo), str(root / "a.yaml"))
    reader.join(30)
    assert result.code == 1, result
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b'"TL201"' in received[0]


def test_output_file_on_a_device_is_written_into_it(cli, project):
    # Never the real /dev/null: before the fix, root replaced it with a file.
    root, _ = project
    device = root / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    (root / "link").symlink_to(device)
    for target in (device, root / "link"):
        result = cli("check", "--no-cache", "--format", "json", "-o", str(target), str(root / "a.yaml"))
        assert result.code == 1, result
        assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert os.path.islink(root / "link")
