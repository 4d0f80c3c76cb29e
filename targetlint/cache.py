"""Per-file result cache, like ruff's: an unchanged file under the same
configuration and targetlint version is not checked again.

An entry is keyed by the SHA-256 of the run's fingerprint (version, rules,
their options and severities, vocabulary, installed plugins) and the file's
bytes, so any change to either misses. Entries are JSON, never pickle: a
cache directory can come from anywhere (a restored CI cache, a colleague's
checkout), and a corrupt or forged entry must be ignored, not executed.
The directory is safe to delete at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from targetlint import __version__, escape
from targetlint.cache_stamps import fingerprint, installation_fingerprint, source_stamps
from targetlint.projects import Project
from targetlint.results import FileOutcome
from targetlint.rule import Finding, Fix, FixSafety, Severity, Suggestion
from targetlint.span import Span

DEFAULT_DIRECTORY = ".targetlint_cache"
# An entry holds one file's findings; a file within the size limit has far
# fewer than this many bytes of them. Anything larger is not ours.
MAX_ENTRY_SIZE = 64 * 1024 * 1024


# The backup tools' cache marker (bford.info/cachedir), with a line saying
# whose cache it is: `targetlint cache clean` removes only a folder carrying it.
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# targetlint cache; safe to delete.\n"


class Key(NamedTuple):
    entry: Path  # the entry's file, named by the digest of the stamp and the file's bytes
    stamp: str  # the run's fingerprint and the file's configuration, checked against the entry


class Cache:
    """``run_fingerprint`` covers the installation (version, code); each call's
    ``salt`` covers one file's configuration (rules, options, vocabulary)."""

    def __init__(self, directory: str | os.PathLike, run_fingerprint: str | None = None):
        self.directory = Path(directory)
        self.fingerprint = run_fingerprint if run_fingerprint is not None else installation_fingerprint()
        self.hits = self.misses = 0
        self._stamps: dict[str, str] = {}  # salt → stamp: one per configuration, not one per file
        self._real_directories: set[Path] = set()  # folders under the cache known to be no symlink

    def _stamp(self, salt: str) -> str:
        stamp = self._stamps.get(salt)
        if stamp is None:
            stamp = self._stamps[salt] = hashlib.sha256(f"{self.fingerprint}\0{salt}".encode()).hexdigest()
        return stamp

    def key(self, data: bytes, salt: str = "") -> Key:
        """Where the entry for ``data`` under ``salt`` lives; the one hash of the file's bytes."""
        stamp = self._stamp(salt)
        digest = hashlib.sha256(stamp.encode() + b"\0" + data).hexdigest()
        return Key(self.directory / __version__ / digest[:2] / f"{digest}.json", stamp)

    def find(self, path: str, salt: str = "", max_size: int | None = None) -> Key | None:
        """The key of the file as it is now, when an entry for it exists (it
        may still turn out corrupt when read; ``read`` decides that). The
        caller keeps the key, so answering from the entry later needs no
        second read or hash of the file."""
        from targetlint.source import read_limited

        try:
            data, _ = read_limited(path, max_size)
        except OSError:
            return None
        if data is None:
            return None
        key = self.key(data, salt)
        return key if os.path.lexists(key.entry) else None

    def get(self, data: bytes, path: str, salt: str = "", render_key: str | None = None):
        """The cached outcome of ``data``; with ``render_key``, a rendering kept
        for exactly that output (format, language, colour, path) is returned
        in place of the findings, so a warm run need not render them again."""
        return self.read(self.key(data, salt), path, render_key)

    def read(self, key: Key, path: str, render_key: str | None = None):
        """``get`` for a key already computed."""
        entry, stamp = key
        try:
            # An entry is a header line, then the findings as JSON; the digest
            # covers the findings' bytes, so checking it needs no re-encoding.
            header_text, _, body = self._read(entry).partition(b"\n")
            record = json.loads(header_text)
            if record.get("fingerprint") != stamp:
                raise ValueError("fingerprint")
            if record.get("digest") != hashlib.sha256(body).hexdigest():
                raise ValueError("digest")  # a torn or edited entry
            rendered = self._rendered(entry, render_key) if render_key is not None else None
            if rendered is not None:
                counts = {str(k): int(v) for k, v in record["counts"].items() if k in ("error", "warning", "info")}
                outcome = FileOutcome(
                    path, [], int(record["declarations"]), int(record["crashed"]), rendered=rendered, counts=counts
                )
            else:
                record["findings"] = json.loads(body)
                outcome = FileOutcome(
                    path,
                    [_finding(item, path) for item in record["findings"]],
                    int(record["declarations"]),
                    int(record["crashed"]),
                )
            outcome.projects = [_project(item, path) for item in record["projects"]]
            outcome.cache_entry = str(entry)
            with contextlib.suppress(OSError):
                # Its time says when it was last used: pruning keeps the entries runs still read.
                os.utime(entry, follow_symlinks=False)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            # Missing, unreadable, corrupt or foreign: check the file again.
            self.misses += 1
            return None
        self.hits += 1
        return outcome

    def put(self, data: bytes, outcome, salt: str = "") -> None:
        self.write(self.key(data, salt), outcome)

    def write(self, key: Key, outcome) -> None:
        """``put`` for a key already computed."""
        if outcome.crashed or outcome.error is not None:
            return  # a crash may be transient; don't remember it
        body = json.dumps([_record(f) for f in outcome.findings], ensure_ascii=False).encode("utf-8")
        entry, stamp = key
        counts: dict[str, int] = {}
        for finding in outcome.findings:
            counts[str(finding.severity)] = counts.get(str(finding.severity), 0) + 1
        header = {
            "fingerprint": stamp,
            "crashed": outcome.crashed,
            "declarations": outcome.declarations,
            "counts": counts,
            "projects": [[p.index, p.name, p.department, p.line, p.end_line] for p in outcome.projects],
            "digest": hashlib.sha256(body).hexdigest(),
        }
        outcome.cache_entry = str(entry)
        try:
            self._make_parents(entry)
            from targetlint.atomic import write_atomic

            write_atomic(entry, json.dumps(header).encode("ascii") + b"\n" + body, follow_symlinks=False)
        except OSError:
            pass  # a read-only or full disk costs speed, never correctness

    @staticmethod
    def _rendering_path(entry: str | os.PathLike, render_key: str) -> Path:
        # The key holds the file's name, which may hold bytes that are not UTF-8.
        digest = hashlib.sha256(render_key.encode("utf-8", "surrogateescape")).hexdigest()
        return Path(f"{entry}.{digest[:24]}.txt")

    def _read(self, path: Path) -> bytes:
        """An entry's or a rendering's bytes: never through a symlink, in a
        folder that is none, nor from anything but a regular file."""
        from targetlint.atomic import read_regular

        if not self._real(path.parent):
            raise OSError(f"{path.parent} is not a real directory")
        return read_regular(path, MAX_ENTRY_SIZE)

    def _real(self, directory: Path) -> bool:
        # The entry's shard folder and the version folder above it, each
        # checked once per run; the cache directory itself was checked when
        # the run chose to use it (``directory_problem``).
        if directory in self._real_directories:
            return True
        for folder in (directory.parent, directory):
            try:
                if not stat.S_ISDIR(os.lstat(folder).st_mode):
                    return False
            except OSError:
                return False
        self._real_directories.add(directory)
        return True

    def _make_parents(self, entry: Path) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        mark_directory(self.directory)
        for folder in (entry.parent.parent, entry.parent):
            with contextlib.suppress(FileExistsError):
                folder.mkdir()
        if not self._real(entry.parent):
            raise OSError(f"{entry.parent} is not a real directory")

    def _rendered(self, entry: Path, render_key: str) -> str | None:
        try:
            digest, _, text = self._read(self._rendering_path(entry, render_key)).partition(b"\n")
        except OSError:
            return None
        if digest.decode("ascii", "replace") != hashlib.sha256(text).hexdigest():
            return None
        rendered = text.decode("utf-8", "replace")
        return rendered if escape.is_rendering(rendered) else None

    def keep_rendering(self, entry: str, render_key: str, text: str) -> None:
        """Keep the text a file's findings rendered to, beside its entry."""
        body = text.encode("utf-8")
        try:
            from targetlint.atomic import write_atomic

            write_atomic(
                self._rendering_path(entry, render_key),
                hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body,
                follow_symlinks=False,
            )
        except OSError:
            pass


def mark_directory(directory: Path) -> None:
    """Mark the folder as a cache for backup tools and tell people (and git)
    it is disposable. Files are only ever created: whatever is there already,
    a symlink committed to a repository included, is left alone."""
    from targetlint.atomic import create_new

    for name, text in (
        ("CACHEDIR.TAG", CACHEDIR_TAG),
        (".gitignore", "*\n"),
    ):
        with contextlib.suppress(FileExistsError):
            create_new(directory / name, text.encode("utf-8"))


def _record(finding: Finding) -> dict:
    record: dict[str, Any] = {
        "span": list(finding.span),
        "zh": finding.message_zh,
        "en": finding.message_en,
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "declaration": finding.declaration,
        "indicator_path": list(finding.indicator_path),
        "subject": finding.subject,
        "origin": finding.origin,
        "value": finding.value,
    }
    if finding.suggestion is not None:
        record["suggestion"] = [finding.suggestion.zh, finding.suggestion.en]
    if finding.fix is not None:
        fix = finding.fix
        record["fix"] = {
            "span": list(fix.span),
            "replacement": fix.replacement,
            "safety": str(fix.safety),
            "zh": fix.description_zh,
            "en": fix.description_en,
        }
    return record


def _project(values, path: str) -> Project:
    index, name, department, line, end_line = values
    return Project(
        path,
        int(index),
        None if name is None else str(name),
        None if department is None else str(department),
        int(line),
        int(end_line),
    )


def _span(values) -> Span:
    line, column, end_line, end_column = (int(v) for v in values)
    return Span(line, column, end_line, end_column)


def _finding(record: dict, path: str) -> Finding:
    fix = record.get("fix")
    return Finding(
        span=_span(record["span"]),
        message_zh=str(record["zh"]),
        message_en=str(record["en"]),
        code=str(record["code"]),
        name=str(record["name"]),
        severity=Severity(record["severity"]),
        path=path,
        declaration=record["declaration"],
        indicator_path=tuple(str(p) for p in record["indicator_path"]),
        subject=str(record["subject"]),
        fix=None
        if fix is None
        else Fix(_span(fix["span"]), str(fix["replacement"]), FixSafety(fix["safety"]), str(fix["zh"]), str(fix["en"])),
        origin=str(record["origin"]),
        value=None if record["value"] is None else str(record["value"]),
        suggestion=_suggestion(record.get("suggestion")),
    )


def _suggestion(pair) -> Suggestion | None:
    if pair is None:
        return None
    zh, en = pair
    return Suggestion(str(zh), str(en))


# The digests live in cache_stamps (results.FilePlan needs them without the cache); named here too.
__all__ = ["DEFAULT_DIRECTORY", "Cache", "Key", "fingerprint", "installation_fingerprint", "source_stamps"]
