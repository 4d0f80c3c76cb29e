"""One file through the whole check: ``lint(source, path, plan) -> FileResult``.

This is the single path from a file's bytes to what a user is shown about it:
decode, load into the model, run the plan's rules (each contained, within the
file's time budget), drop the codes its per-file ignores name, honour its
inline suppressions. ``check`` (through the runner and the cache), ``--fix``
(after every pass), the language server and the rule-case harness all call
it, so a finding one of them reports is the finding every other reports.

It is pure in the sense that matters: it reads no file, writes nothing and
prints nothing; the plan says everything besides the bytes that decides the
result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from targetlint.projects import Project
from targetlint.results import FilePlan
from targetlint.rule import Finding
from targetlint.source import ProblemKind, SourceText, decode

if TYPE_CHECKING:
    from targetlint.engine import Engine
    from targetlint.loader import SourceFile

DIRECTIVE_MARKER = "targetlint:"  # targetlint.suppressions.MARKER, without importing it

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
    findings = [f for f in checked.findings if f.code not in plan.ignored]
    # Only files that mention the directive marker pay for the comment scan.
    if DIRECTIVE_MARKER in source.text:
        from targetlint import suppressions
        from targetlint.engine import OutOfTime, file_crashed

        # Directives on key lines need the model's block ranges.
        declarations = checked.loaded.declarations if checked.loaded is not None else []
        try:
            # The scan is inside the file's time budget too: a file of
            # hostile comments costs a finding, not the run.
            with plan.engine.budget():
                findings, unused = suppressions.apply(
                    findings,
                    source.text,
                    declarations,
                    plan.enabled,
                    plan.resolve,
                    path,
                    plan.unused_severity,
                    known=[word for rule in plan.engine.rules for word in (rule.code, rule.name)],
                )
        except OutOfTime:
            unused = []
            checked.crashed += 1
            findings.append(
                file_crashed(
                    path,
                    f"读取 {path} 中的抑制注释超过了每个文件 {plan.engine.time_budget:g} 秒的时限：这些注释未生效，"
                    "所有问题照常报告",
                    f"reading the suppression comments of {path} exceeded the {plan.engine.time_budget:g} s time "
                    "budget per file: they were not applied, and every finding is reported",
                )
            )
        findings.extend(f for f in unused if f.code not in plan.ignored)
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
