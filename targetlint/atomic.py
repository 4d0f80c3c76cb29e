"""Write a file so readers see either the old content or the new, never half.

Shared by the importer, fixes, baselines and the cache: every writer that
replaces a user's file goes through :func:`write_atomic`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from targetlint import os_errors


def _umask() -> int:
    # os.umask can only be read by setting it; restore it at once.
    mask = os.umask(0)
    os.umask(mask)
    return mask


class ChangedMeanwhile(OSError):
    """The file changed between reading it and replacing it (``unchanged``)."""


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    force: bool = True,
    follow_symlinks: bool = True,
    unchanged: Callable[[], bool] | None = None,
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory
    (see :func:`writing_atomic`)."""
    with writing_atomic(path, force=force, follow_symlinks=follow_symlinks, unchanged=unchanged) as handle:
        handle.write(data)


@contextlib.contextmanager
def writing_atomic(
    path: str | os.PathLike[str],
    *,
    force: bool = True,
    follow_symlinks: bool = True,
    unchanged: Callable[[], bool] | None = None,
) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` when the block ends
    (a report written as the run goes), through a temporary file in the same
    directory.

    Without ``force`` an existing file is never replaced: FileExistsError is
    raised, even if the file appears between our check and the final rename.
    A replaced file keeps its permission bits; a new file gets the usual
    ``0o666 & ~umask``, not the 0600 that temporary files are created with.
    A symlink is written through: its target is replaced and the link stays;
    with ``follow_symlinks=False`` (the cache) the link itself is replaced,
    so nothing outside the directory is touched. An existing target that is
    not a regular file (``-o /dev/null``, a FIFO another program reads) is
    written into, never replaced by a regular file.
    A replaced file keeps its owner and group where the process may set them
    (root fixing another user's file), or the write is refused.
    ``unchanged``: asked just before the rename; when it says the file
    changed since it was read (an editor saved it), nothing is replaced and
    :class:`ChangedMeanwhile` is raised.
    On any error, including an interrupt, the temporary file is removed and
    the original is untouched.
    """
    target = Path(path)
    if follow_symlinks and target.is_symlink():
        # Replacing the link itself would turn a shared file into a private copy.
        target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    existing_mode: int | None = None
    owner: tuple[int, int] | None = None
    try:
        st = os.stat(target) if follow_symlinks else os.lstat(target)
    except FileNotFoundError:
        pass
    else:
        if not force:
            raise FileExistsError(f"{target} already exists")
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(f"{target} is a directory")
        if follow_symlinks and not stat.S_ISREG(st.st_mode):
            with open(target, "wb") as handle:
                yield handle
            return
        existing_mode = stat.S_IMODE(st.st_mode)
        owner = (st.st_uid, st.st_gid)

    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, existing_mode if existing_mode is not None else 0o666 & ~_umask())
        if owner is not None and hasattr(os, "chown"):
            mine = os.stat(tmp_name)
            if (mine.st_uid, mine.st_gid) != owner:
                os.chown(tmp_name, *owner)  # PermissionError: refused rather than taken over
        if unchanged is not None and not unchanged():
            raise ChangedMeanwhile(errno.EBUSY, "changed while it was being fixed", str(target))
        if force:
            os.replace(tmp_name, target)
        else:
            _publish_without_clobbering(tmp_name, target)
        _sync_directory(directory)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _publish_without_clobbering(tmp_name: str, target: Path) -> None:
    # A hard link fails if the target exists, which closes the window between
    # the existence check and the rename. Filesystems without hard links fall
    # back to check-then-rename.
    try:
        os.link(tmp_name, target)
    except FileExistsError:
        raise FileExistsError(f"{target} already exists") from None
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(f"{target} already exists") from None
        os.replace(tmp_name, target)
        return
    os.unlink(tmp_name)


def _sync_directory(directory: Path) -> None:
    # The rename is durable only once the directory entry is on disk; not
    # every platform can open a directory, and that is not worth failing for.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def directory_problem(directory: str | os.PathLike[str]) -> tuple[str, str] | None:
    """Why ``directory`` must not hold state this process writes and trusts
    (the cache), as (zh, en); None when it is a real directory owned by the
    current user, or does not exist yet. A symlink could point the writes
    anywhere; a directory of another user's could hold anything."""
    try:
        status = os.lstat(directory)
    except FileNotFoundError:
        return None
    except OSError as error:
        reason = os_errors.reason(error)
        return f"无法访问（{reason.zh}）", f"cannot be accessed ({reason.en})"
    if stat.S_ISLNK(status.st_mode):
        return "是符号链接", "is a symbolic link"
    if not stat.S_ISDIR(status.st_mode):
        return "不是目录", "is not a directory"
    if hasattr(os, "geteuid") and status.st_uid != os.geteuid():
        return "属于其他用户", "belongs to another user"
    return None


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of ``path``, which must be a regular file reached without
    following a symlink in its last component and at most ``limit`` bytes
    long; OSError otherwise. For files a run only trusts from itself."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(f"{path} is not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path} is larger than {limit} bytes")
    return data


def create_new(path: str | os.PathLike[str], data: bytes) -> None:
    """Create ``path`` with ``data``; leave anything already there, a
    symlink or a dangling one included, untouched (FileExistsError)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
