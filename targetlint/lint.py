"""One file through the whole check: ``lint(source, path, plan) -> FileResult``.

This is the single path from a file's bytes to what a user is shown about it:
decode, load into the model, run the plan's rules (each contained, within the
file's time budget), then apply the file's policy (severities, per-file
ignores, inline suppressions: :func:`targetlint.policy.apply`). ``check``
(through the runner and the cache), ``--fix`` (after every pass), the
language server and the rule-case harness all call it, so a finding one of
them reports is the finding every other reports.

It is pure in the sense that matters: it reads no file, writes nothing and
prints nothing; the plan says everything besides the bytes that decides the
result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from targetlint import policy
from targetlint.projects import Project
from targetlint.results import FilePlan
from targetlint.rule import Finding
from targetlint.source import ProblemKind, SourceText, decode

if TYPE_CHECKING:
    from targetlint.engine import Engine
    from targetlint.loader import SourceFile


# Problems after which (part of) the text was not read into the model.
_UNREAD = frozenset([ProblemKind.YAML_SYNTAX, ProblemKind.TOO_COMPLEX])
_NO_TEXT = frozenset([ProblemKind.BINARY, ProblemKind.UNDECODABLE, ProblemKind.TOO_LARGE])


class ParseStatus(StrEnum):
    PARSED = "parsed"  # read into the model; schema problems, if any, are findings
    SYNTAX_ERROR = "syntax-error"  # the YAML parser stopped: part of the file was not read
    NOT_TEXT = "not-text"  # binary, undecodable or over the size limit: nothing was parsed
    FOREIGN = "foreign"  # YAML that is not a declaration file (a CI workflow …): not judged
    CRASHED = "crashed"  # the loader failed (an internal error, reported as TL009)


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)  # after per-file ignores and suppressions
    status: ParseStatus = ParseStatus.PARSED
    declarations: int = 0
    crashed: int = 0  # findings that are internal errors: the run exits 2
    projects: list[Project] = field(default_factory=list)
    loaded: SourceFile | None = field(default=None, repr=False)  # the model, None if loading failed

    @property
    def fixes(self) -> list[Finding]:
        """The findings that offer a fix (safe or not), in file order."""
        return [finding for finding in self.findings if finding.fix is not None]


def lint(source: SourceText | bytes, path: str, plan: FilePlan | Engine) -> FileResult:
    """Check one file. ``source``: its bytes, or text decoded already;
    ``path``: the name findings carry; ``plan``: the file's rules and policy
    (a bare Engine means every rule it holds, nothing ignored)."""
    if isinstance(source, bytes):
        source = decode(source, path)
    elif source.path != path:
        source = replace(source, path=path)
    if not isinstance(plan, FilePlan):
        plan = FilePlan(plan)
    checked = plan.engine.check(source)
    findings = policy.apply(checked, source, plan)
    loaded = checked.loaded
    projects = [
        Project(path, d.index, d.name, d.department, d.span().line, max(d.end_line, d.span().line))
        for d in (loaded.declarations if loaded is not None else [])
    ]
    return FileResult(
        path,
        findings,
        _status(source, loaded),
        checked.declarations,
        checked.crashed,
        projects,
        loaded,
    )


def _status(source: SourceText, loaded: SourceFile | None) -> ParseStatus:
    kinds = {problem.kind for problem in source.problems}
    if kinds & _NO_TEXT:
        return ParseStatus.NOT_TEXT
    if loaded is None:
        return ParseStatus.CRASHED
    if kinds & _UNREAD:
        return ParseStatus.SYNTAX_ERROR
    if loaded.foreign:
        return ParseStatus.FOREIGN
    return ParseStatus.PARSED
