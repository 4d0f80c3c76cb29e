"""Keeping the result cache bounded, and ``targetlint cache clean``.

Every edit of a file and every change of configuration leaves an entry that
no run will ask for again, and every upgrade leaves a whole version folder.
So, at most once a day, a run that used the cache prunes it:

- folders of other targetlint versions go (entries are keyed by version);
- entries no run has used for ``max_age`` (a hit refreshes an entry's time,
  so live entries are never old) go;
- if what is left is still above ``max_size``, the least recently used go
  until it is under 80% of it, so the next runs do not prune again at once.

Pruning only deletes: regular files and real folders, found without
following a symlink, under a cache directory that is a real directory of
the current user's. ``clean`` removes the whole directory, and only one that
carries targetlint's CACHEDIR.TAG, so ``--cache-dir ~`` cannot delete a home.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from targetlint import __version__
from targetlint.atomic import create_new, directory_problem, read_regular
from targetlint.cache import CACHEDIR_TAG

# An entry nobody has read for this long is for a file or a configuration
# that is gone.
MAX_AGE = 30 * 24 * 3600
# A hard ceiling; live entries of a 40,000-file repository take about 160 MB.
DEFAULT_MAX_SIZE = 512 * 1024 * 1024
PRUNE_INTERVAL = 24 * 3600
PRUNE_STAMP = ".last-pruned"
_KEEP_FRACTION = 0.8


@dataclass(frozen=True)
class PruneResult:
    removed_files: int = 0
    removed_bytes: int = 0
    kept_bytes: int = 0


@dataclass(frozen=True)
class CleanResult:
    removed_files: int = 0
    removed_bytes: int = 0
    existed: bool = True
    refusal: tuple[str, str] | None = None  # (zh, en) why the folder was left alone


def due(directory: Path, now: float, interval: float = PRUNE_INTERVAL) -> bool:
    """Whether the cache was last pruned more than ``interval`` ago (or never)."""
    try:
        status = os.lstat(directory / PRUNE_STAMP)
    except OSError:
        return True
    return not stat.S_ISREG(status.st_mode) or now - status.st_mtime >= interval


def prune_if_due(directory: Path, *, max_size: int = DEFAULT_MAX_SIZE, now: float | None = None) -> PruneResult | None:
    """``prune`` at most once per PRUNE_INTERVAL; None when it was not due or not safe."""
    now = time.time() if now is None else now
    if not directory.is_dir() or not due(directory, now):
        return None
    result = prune(directory, max_size=max_size, now=now)
    if result is not None:
        stamp = directory / PRUNE_STAMP
        with contextlib.suppress(OSError):
            with contextlib.suppress(FileExistsError):
                create_new(stamp, b"")
            # Never through a symlink: one committed as the stamp only has its own time set.
            os.utime(stamp, (now, now), follow_symlinks=False)
    return result


def prune(
    directory: Path, *, max_size: int = DEFAULT_MAX_SIZE, max_age: float = MAX_AGE, now: float | None = None
) -> PruneResult | None:
    """Prune ``directory`` (see the module's docstring); None when it is not a
    cache this process may touch."""
    now = time.time() if now is None else now
    if directory_problem(directory) is not None or not _real_directory(directory):
        return None
    removed_files = removed_bytes = 0
    for child in _entries(directory):
        folder = Path(child.path)
        if child.name.startswith(".") or child.name == __version__ or not _real_directory(folder):
            continue
        files, size = _tree_size(folder)
        shutil.rmtree(folder, ignore_errors=True)
        removed_files += files
        removed_bytes += size
    groups = _entry_groups(directory / __version__)
    kept: list[tuple[float, int, list[Path]]] = []
    for last_used, size, paths in groups:
        if now - last_used > max_age:
            removed_files += _remove(paths)
            removed_bytes += size
        else:
            kept.append((last_used, size, paths))
    total = sum(size for _, size, _ in kept)
    if total > max_size:
        kept.sort(key=lambda group: group[0])  # least recently used first
        while kept and total > max_size * _KEEP_FRACTION:
            _, size, paths = kept.pop(0)
            removed_files += _remove(paths)
            removed_bytes += size
            total -= size
    return PruneResult(removed_files, removed_bytes, total)


def clean(directory: Path) -> CleanResult:
    """Remove the cache directory, if it is targetlint's."""
    if not os.path.lexists(directory):
        return CleanResult(existed=False)
    problem = directory_problem(directory)
    if problem is not None:
        return CleanResult(refusal=(f"{directory} {problem[0]}", f"{directory} {problem[1]}"))
    try:
        tag = read_regular(directory / "CACHEDIR.TAG", 4096)
    except OSError:
        tag = b""
    if not tag.startswith(CACHEDIR_TAG.encode("ascii")):
        return CleanResult(
            refusal=(
                f"{directory} 没有 targetlint 的 CACHEDIR.TAG 标记，不像是 targetlint 的缓存目录，未删除",
                f"{directory} has no targetlint CACHEDIR.TAG, so it does not look like targetlint's cache; left alone",
            )
        )
    files, size = _tree_size(directory)
    shutil.rmtree(directory, ignore_errors=True)
    return CleanResult(removed_files=files, removed_bytes=size)


def _real_directory(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _entries(directory: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(directory) as entries:
            return list(entries)
    except OSError:
        return []


def _tree_size(directory: Path) -> tuple[int, int]:
    files = size = 0
    for root, folders, names in os.walk(directory):  # os.walk does not follow symlinks
        for name in names:
            with contextlib.suppress(OSError):
                status = os.lstat(os.path.join(root, name))
                files += 1
                size += status.st_size
        folders[:] = [f for f in folders if _real_directory(Path(root, f))]
    return files, size


def _entry_groups(version_directory: Path) -> list[tuple[float, int, list[Path]]]:
    """(last used, bytes, files) per entry: an entry and the renderings kept
    beside it (``<entry>.json.<digest>.txt``) live and go together."""
    groups: dict[Path, list] = {}
    for shard in _entries(version_directory):
        if not _real_directory(Path(shard.path)):
            continue
        for item in _entries(Path(shard.path)):
            try:
                status = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(status.st_mode):
                continue
            name = item.name
            stem = name[: name.index(".json") + 5] if ".json" in name else name
            group = groups.setdefault(Path(shard.path, stem), [0.0, 0, []])
            if name == stem:  # the entry's own time: a hit refreshes it
                group[0] = max(group[0], status.st_mtime)
            group[1] += status.st_size
            group[2].append(Path(item.path))
    return [(last_used, size, paths) for last_used, size, paths in groups.values()]


def _remove(paths: list[Path]) -> int:
    removed = 0
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed
