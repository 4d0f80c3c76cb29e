"""What checking produces and how a file is checked: the plain records that
pass between the runner, the cache, the fixer and the command line.

This module sits below all of them (it imports only the engine's and the
rules' types), so none of them needs another to name these records.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from stat import S_ISREG
from typing import TYPE_CHECKING

from targetlint.i18n import Message
from targetlint.projects import Project
from targetlint.rule import Finding, Severity
from targetlint.source import MAX_FILE_SIZE, DecodeStatus, read_source

if TYPE_CHECKING:
    from targetlint.engine import Engine


@dataclass
class FileOutcome:
    """What checking one file produced; small and picklable, so worker
    processes can hand it back."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    declarations: int = 0
    crashed: int = 0
    error: Message | None = None  # when the file could not be read
    # From the cache: where the entry lives (a rendering can be kept beside
    # it), and, when a kept rendering is reused, that text and the counts
    # per severity instead of the findings.
    cache_entry: str | None = None
    rendered: str | None = None
    counts: dict[str, int] | None = None
    projects: list[Project] = field(default_factory=list)  # the file's declarations, for per-project reports


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    declarations: int = 0
    skipped: int = 0  # files checked that held no declaration and no finding: other YAML
    errors: list[Message] = field(default_factory=list)  # usage and I/O errors
    crashed: int = 0
    sources: dict[str, list[str]] = field(default_factory=dict)  # text that exists only in memory (standard input)
    checked: dict[str, FilePlan] = field(default_factory=dict)  # path → the plan it was checked with
    counts: Counter = field(default_factory=Counter)  # severity → findings, kept even when findings are streamed
    failing: bool = False  # a finding at or above its file's fail-on
    cache_hits: int = 0
    projects: list[Project] = field(default_factory=list)  # every declaration checked, in file order
    read_limit: int = MAX_FILE_SIZE  # excerpts read a file again only up to the run's size limit

    def add(self, outcome: FileOutcome, plan: FilePlan, retain: bool = True) -> None:
        if outcome.error is not None:
            self.errors.append(outcome.error)
            return
        self.files += 1
        self.declarations += outcome.declarations
        if not outcome.declarations and not outcome.findings and not outcome.counts:
            self.skipped += 1
        self.crashed += outcome.crashed
        self.checked[outcome.path] = plan
        self.projects.extend(outcome.projects)
        threshold = plan.fail_on.rank
        for finding in outcome.findings:
            self.counts[str(finding.severity)] += 1
            if finding.severity.rank >= threshold:
                self.failing = True
        for severity, count in (outcome.counts or {}).items():
            self.counts[severity] += count
            if count and Severity(severity).rank >= threshold:
                self.failing = True
        if retain:
            self.findings.extend(outcome.findings)

    def source_lines(self, path: str) -> list[str] | None:
        """Source lines for excerpts: read again only for files that have
        findings to show, so a run never holds every file's text."""
        lines = self.sources.get(path)
        if lines is None:
            try:
                # Only a regular file, and never more than the check read:
                # the file may have become /dev/zero or a FIFO since.
                if not S_ISREG(os.stat(path).st_mode):
                    return None
                source = read_source(path, max_size=self.read_limit)
            except OSError:
                return None
            if source.status is DecodeStatus.TOO_LARGE:
                return None
            lines = source.lines
            if len(self.sources) > 64:
                self.sources.clear()
            self.sources[path] = lines
        return lines


@dataclass
class FilePlan:
    """How one file is checked: the engine for its configuration, the codes
    its per-file-ignores drop, and the severity at which it fails the run."""

    engine: Engine
    ignored: frozenset[str] = frozenset()
    fail_on: Severity = Severity.ERROR
    lookup: Callable[[str], str | None] | None = None  # code or rule name → code, for directives
    unused_severity: Severity = Severity.WARNING  # TL010's, after severity overrides

    @cached_property
    def fingerprint(self) -> str:
        """Everything besides a file's bytes that decides its findings (the cache key's salt)."""
        from targetlint.cache_stamps import fingerprint, source_stamps

        engine = self.engine
        rules = [
            (
                rule.code,
                type(rule).__module__,
                str(getattr(rule, "severity", "")),
                _options_key(rule.options),
                type(rule).__doc__ or "",
                type(rule).cache_key(),
            )
            for rule in engine.rules
        ]
        # A plugin edited in place keeps its version; its files' times do not.
        packs = sorted({type(rule).__module__.partition(".")[0] for rule in engine.rules})
        return fingerprint(
            rules,
            [(pack, source_stamps(pack)) for pack in packs],
            sorted(engine.severities.items()),
            repr(engine.vocabulary),
            sorted(self.ignored),
            str(self.unused_severity),
        )

    @property
    def enabled(self) -> set[str]:
        return {rule.code for rule in self.engine.rules} - self.ignored

    def resolve(self, token: str) -> str | None:
        if self.lookup is not None:
            return self.lookup(token)
        for rule in self.engine.rules:
            if token.upper() == rule.code or token.lower() == rule.name:
                return rule.code
        return None


def _options_key(options) -> list:
    """A rule's option values, stable across processes. Read from the record
    itself: serialising through pydantic would build the options' validator
    on every run just to key the cache."""

    def plain(value):
        if isinstance(value, (set, frozenset)):
            return sorted(map(plain, value), key=repr)
        if isinstance(value, (list, tuple)):
            return [plain(item) for item in value]
        if isinstance(value, dict):
            return sorted((repr(key), plain(item)) for key, item in value.items())
        return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)

    return sorted((name, plain(value)) for name, value in vars(options).items())
