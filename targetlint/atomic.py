"""Write a file so readers see either the old content or the new, never half.

Shared by the importer, fixes, baselines and the cache: every writer that
replaces a user's file goes through :func:`write_atomic`.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    # os.umask can only be read by setting it; restore it at once.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    Without ``force`` an existing file is never replaced: FileExistsError is
    raised, even if the file appears between our check and the final rename.
    A replaced file keeps its permission bits; a new file gets the usual
    ``0o666 & ~umask``, not the 0600 that temporary files are created with.
    A symlink is written through: its target is replaced and the link stays.
    On any error, including an interrupt, the temporary file is removed and
    the original is untouched.
    """
    target = Path(path)
    if target.is_symlink():
        # Replacing the link itself would turn a shared file into a private copy.
        target = Path(os.path.realpath(target))
    directory = target.parent if str(target.parent) else Path(".")
    existing_mode: int | None = None
    try:
        st = os.stat(target)
    except FileNotFoundError:
        pass
    else:
        if not force:
            raise FileExistsError(f"{target} already exists")
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(f"{target} is a directory")
        existing_mode = stat.S_IMODE(st.st_mode)

    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, existing_mode if existing_mode is not None else 0o666 & ~_umask())
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
