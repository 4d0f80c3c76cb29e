"""Digests that key the result cache: the installation's code and a
configuration's rules, options and vocabulary. Kept apart from the cache
itself so that the records in ``results`` can stamp a plan without importing
the cache."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os

from targetlint import __version__

_FORMAT = 1


def fingerprint(*parts: object) -> str:
    """A stable digest of everything besides the file that decides findings."""
    digest = hashlib.sha256(f"targetlint {__version__} cache {_FORMAT}".encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=repr).encode())
    return digest.hexdigest()


def installation_fingerprint() -> str:
    """The version plus the modification times of targetlint's own code, so
    editing it (in a checkout, where the version does not change) never serves
    stale results; rule packs are stamped with the rules that use them
    (``runner``)."""
    return fingerprint(source_stamps("targetlint"))


def source_stamps(module_name: str) -> list[tuple[str, int]]:
    """(path, modification time) of every source file of the top-level package
    that holds ``module_name`` (or of the module itself, if it is not in a
    package). The whole package, not the modules this process has imported:
    lazy imports differ from run to run (a first run writes the plugin cache, a
    later one reads it), and a rule's findings also depend on the helpers it
    imports from its pack."""
    import sys

    top = sys.modules.get(module_name.partition(".")[0])
    roots = list(getattr(top, "__path__", None) or ())
    if not roots:
        path = getattr(top, "__file__", None)
        try:
            return [(os.path.basename(path), os.stat(path).st_mtime_ns)] if path else []
        except OSError:
            return []
    stamps = []
    for root in roots:
        for directory, subdirectories, files in os.walk(root):
            subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(directory, name)
                    with contextlib.suppress(OSError):
                        stamps.append((os.path.relpath(path, root), os.stat(path).st_mtime_ns))
    return stamps
