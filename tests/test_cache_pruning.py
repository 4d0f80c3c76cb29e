"""The result cache stays bounded (issue 17, case 10): other versions' folders,
entries no run has used for a month, and least-recently-used entries over
the size cap are pruned; ``targetlint cache clean`` removes only a folder
that is targetlint's cache. Nothing is deleted through a symlink."""

from __future__ import annotations

import os
import time
from pathlib import Path

from targetlint import __version__
from targetlint.cache import CACHEDIR_TAG
from targetlint.cache_pruning import MAX_AGE, PRUNE_STAMP, clean, prune, prune_if_due

from .conftest import TRAINING_DECLARATION

DAY = 24 * 3600


def _cache(tmp_path: Path) -> Path:
    directory = tmp_path / "cache"
    (directory / __version__).mkdir(parents=True)
    (directory / "CACHEDIR.TAG").write_text(CACHEDIR_TAG, encoding="ascii")
    return directory


def _entry(directory: Path, name: str, size: int, age: float, now: float, renderings: int = 0) -> list[Path]:
    shard = directory / __version__ / name[:2]
    shard.mkdir(exist_ok=True)
    paths = [shard / f"{name}.json"] + [shard / f"{name}.json.{index:024d}.txt" for index in range(renderings)]
    for path in paths:
        path.write_bytes(b"x" * size)
        os.utime(path, (now - age, now - age))
    return paths


def test_other_versions_and_unused_entries_go_and_live_ones_stay(tmp_path):
    now = time.time()
    directory = _cache(tmp_path)
    old_version = directory / "0.0.1" / "ab"
    old_version.mkdir(parents=True)
    (old_version / "ab12.json").write_bytes(b"x" * 100)
    stale = _entry(directory, "aa01", 10, MAX_AGE + DAY, now, renderings=2)
    live = _entry(directory, "bb02", 10, DAY, now, renderings=1)
    result = prune(directory, now=now)
    assert result is not None
    assert not (directory / "0.0.1").exists()
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in live)
    assert result.removed_files == 4 and result.removed_bytes == 130 and result.kept_bytes == 20
    assert (directory / "CACHEDIR.TAG").exists()


def test_over_the_size_cap_the_least_recently_used_go_first(tmp_path):
    now = time.time()
    directory = _cache(tmp_path)
    entries = [_entry(directory, f"{index:02d}ff", 1000, age=index * 60, now=now) for index in range(10)]
    result = prune(directory, max_size=5000, now=now)
    assert result is not None and result.kept_bytes <= 4000
    survivors = [index for index, paths in enumerate(entries) if paths[0].exists()]
    assert survivors == [0, 1, 2, 3]  # the four most recently used


def test_a_rendering_whose_entry_is_gone_is_pruned(tmp_path):
    now = time.time()
    directory = _cache(tmp_path)
    entry, rendering = _entry(directory, "cc03", 10, 60, now, renderings=1)
    entry.unlink()
    prune(directory, now=now)
    assert not rendering.exists()


def test_pruning_runs_at_most_once_a_day(tmp_path):
    now = time.time()
    directory = _cache(tmp_path)
    assert prune_if_due(directory, now=now) is not None
    assert (directory / PRUNE_STAMP).is_file()
    assert prune_if_due(directory, now=now + 3600) is None
    assert prune_if_due(directory, now=now + DAY + 1) is not None


def test_nothing_is_deleted_through_a_symlink(tmp_path):
    now = time.time()
    outside = tmp_path / "outside"
    (outside / "precious").mkdir(parents=True)
    keep = outside / "precious" / "old.json"
    keep.write_bytes(b"keep")
    os.utime(keep, (now - MAX_AGE - DAY, now - MAX_AGE - DAY))
    directory = _cache(tmp_path)
    (directory / "0.0.1").symlink_to(outside / "precious")  # a committed symlink posing as a version folder
    (directory / __version__ / "zz").symlink_to(outside / "precious")  # and as a shard
    prune(directory, now=now)
    assert keep.read_bytes() == b"keep"
    linked = tmp_path / "linked-cache"
    linked.symlink_to(directory)
    assert prune(linked, now=now) is None
    assert clean(linked).refusal is not None and directory.exists()


def test_clean_removes_only_targetlint_s_cache(tmp_path):
    directory = _cache(tmp_path)
    _entry(directory, "dd04", 10, 0, time.time())
    result = clean(directory)
    assert result.refusal is None and result.removed_files == 2 and not directory.exists()
    assert clean(directory).existed is False
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_bytes(b"years of work")
    refused = clean(home)
    assert refused.refusal is not None and "CACHEDIR.TAG" in refused.refusal[0]
    assert (home / "thesis.docx").exists()


def test_cache_clean_command(cli, tmp_path, write):
    directory = tmp_path / "c"
    path = write("d.yaml", TRAINING_DECLARATION)
    assert cli("check", "--cache-dir", str(directory), str(path)).code == 1
    assert (directory / "CACHEDIR.TAG").exists()
    result = cli("cache", "clean", "--cache-dir", str(directory))
    assert result.code == 0 and f"已删除缓存目录 {directory}" in result.out and not directory.exists()
    again = cli("cache", "clean", "--cache-dir", str(directory), "--lang", "en")
    assert again.code == 0 and "nothing to clean" in again.out
    refused = cli("cache", "clean", "--cache-dir", str(tmp_path))
    assert refused.code == 2 and "未删除" in refused.err and path.exists()


def test_a_run_prunes_the_cache_it_used_and_a_hit_marks_an_entry_used(cli, tmp_path, write, monkeypatch):
    directory = tmp_path / "c"
    paths = [str(write(f"d{index}.yaml", TRAINING_DECLARATION.replace("培训", f"培训{index}"))) for index in range(3)]
    assert cli("check", "--cache-dir", str(directory), *paths).code == 1
    entries = sorted((directory / __version__).glob("*/*.json"))
    assert len(entries) == 3 and (directory / PRUNE_STAMP).is_file()
    long_ago = time.time() - 10 * DAY
    for entry in entries:
        os.utime(entry, (long_ago, long_ago))
    assert cli("check", "--cache-dir", str(directory), *paths).code == 1
    assert all(entry.stat().st_mtime > long_ago + DAY for entry in entries)  # the hits refreshed them
    os.utime(directory / PRUNE_STAMP, (long_ago, long_ago))
    monkeypatch.setenv("TARGETLINT_CACHE_MAX_SIZE", "1")
    assert cli("check", "--cache-dir", str(directory), *paths).code == 1
    assert list((directory / __version__).glob("*/*.json")) == []
    monkeypatch.setenv("TARGETLINT_CACHE_MAX_SIZE", "lots")
    os.utime(directory / PRUNE_STAMP, (long_ago, long_ago))
    warned = cli("check", "--cache-dir", str(directory), *paths)
    assert "TARGETLINT_CACHE_MAX_SIZE='lots' 不是有效的大小" in warned.err
