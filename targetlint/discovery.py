"""Entry-point discovery, remembered between runs.

Finding plugins through ``importlib.metadata`` imports it and reads every
installed distribution's metadata: about 20 ms, a tenth of a one-file
pre-commit run. The entry points of targetlint's groups are kept in the
result cache's directory, keyed by everything that can change them: the
interpreter, ``sys.path``, the distributions' metadata folders in each of its
directories (installing, upgrading or removing one adds, renames or removes
a ``*.dist-info``) and the time and size of each one's ``entry_points.txt``.
Anything else misses and discovers afresh; a missing, corrupt or unwritable
cache only costs the discovery it would have saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

GROUPS = ("targetlint", "targetlint.rulefiles")
_FORMAT = 1

# Set by the command line when a run may use the cache directory (not with --no-cache).
cache_directory: Path | None = None


@dataclass(frozen=True)
class EntryPoint:
    """The part of ``importlib.metadata.EntryPoint`` plugins use: ``module[:attr]``."""

    name: str
    value: str

    @property
    def module(self) -> str:
        return self._parts()[0]

    def load(self):
        import importlib

        module_name, attributes = self._parts()
        target = importlib.import_module(module_name)
        for attribute in filter(None, attributes.split(".")):
            target = getattr(target, attribute)
        return target

    def _parts(self) -> tuple[str, str]:
        # "module[:attr.attr] [extra, …]": extras name optional dependencies
        # of the distribution and play no part in loading.
        reference = self.value.split("[", 1)[0]
        module_name, _, attributes = reference.partition(":")
        return module_name.strip(), attributes.strip()


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` (one of :data:`GROUPS`), as installed now."""
    return _discover().get(group, [])


def _discover() -> dict[str, list[EntryPoint]]:
    if cache_directory is None:
        return _read_metadata()
    stamp = _installation_stamp()
    # One file per interpreter and path, so two environments sharing a
    # project's cache (pre-commit's and the developer's) do not take turns
    # overwriting one entry.
    where = hashlib.sha256(json.dumps([sys.version, sys.prefix, sys.path]).encode()).hexdigest()[:16]
    path = cache_directory / f"entry-points-{where}.json"
    try:
        from targetlint.atomic import read_regular

        kept = json.loads(read_regular(path, 1024 * 1024).decode("utf-8"))
        if kept.get("stamp") == stamp:
            return {
                group: [EntryPoint(str(name), str(value)) for name, value in kept["groups"].get(group, ())]
                for group in GROUPS
            }
    except (OSError, ValueError, TypeError, AttributeError, KeyError, RecursionError):
        pass  # absent, torn or foreign: discover
    found = _read_metadata()
    record = {"stamp": stamp, "groups": {group: [[ep.name, ep.value] for ep in eps] for group, eps in found.items()}}
    try:
        from targetlint.atomic import write_atomic
        from targetlint.cache import mark_directory

        cache_directory.mkdir(parents=True, exist_ok=True)
        mark_directory(cache_directory)
        write_atomic(path, json.dumps(record).encode("utf-8"), follow_symlinks=False)
    except OSError:
        pass  # a read-only checkout still runs, just without the shortcut
    return found


def _read_metadata() -> dict[str, list[EntryPoint]]:
    from importlib.metadata import entry_points as installed

    every = installed()
    return {group: [EntryPoint(ep.name, ep.value) for ep in every.select(group=group)] for group in GROUPS}


def _installation_stamp() -> str:
    parts: list = [_FORMAT, sys.version, sys.prefix]
    for entry in sys.path:
        directory = entry or "."
        try:
            with os.scandir(directory) as children:
                metadata = sorted(child.name for child in children if child.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # a zip, or gone
            parts.append((entry, None))
            continue
        parts.append((entry, len(metadata)))
        for name in metadata:
            try:
                status = os.stat(os.path.join(directory, name, "entry_points.txt"))
                parts.append((name, status.st_mtime_ns, status.st_size))
            except OSError:
                parts.append((name, None))
    # ASCII-escaped: a directory on sys.path may have a name that is not UTF-8.
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()
