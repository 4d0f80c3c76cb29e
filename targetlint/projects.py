"""Declarations as the people who read a report know them: projects.

The runner records one :class:`Project` per declaration it checked (its file,
place in the file, 项目名称 and 主管部门), and :func:`group` files each finding
under the project whose lines hold it, so reports can show findings per
project and say which projects pass.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the run result imports this module; findings exist by the time it is used
    from targetlint.rule import Finding, Severity


@dataclass(frozen=True, slots=True)
class Project:
    """One checked declaration. ``index`` is -1 for the stand-in that holds a
    file's findings outside any declaration (a YAML syntax error)."""

    path: str
    index: int
    name: str | None
    department: str | None
    line: int
    end_line: int

    @property
    def whole_file(self) -> bool:
        return self.index < 0


@dataclass
class ProjectFindings:
    project: Project
    findings: list[Finding] = field(default_factory=list)
    failed: bool = False  # a finding at or above its file's fail-on


def group(
    findings: Iterable[Finding],
    projects: Iterable[Project],
    fail_on: Callable[[str], Severity],
) -> list[ProjectFindings]:
    """Every project, in file and line order, with its findings (most severe
    first, then by position); findings outside any declaration go to a
    whole-file entry ahead of the file's projects. ``fail_on(path)``: the
    lowest severity that fails a project in that file."""
    by_path: dict[str, list[ProjectFindings]] = {}
    for project in projects:
        by_path.setdefault(project.path, []).append(ProjectFindings(project))
    for entries in by_path.values():
        entries.sort(key=lambda entry: entry.project.line)
    starts = {path: [entry.project.line for entry in entries] for path, entries in by_path.items()}
    whole: dict[str, ProjectFindings] = {}
    for finding in findings:
        entries = by_path.get(finding.path, [])
        position = bisect_right(starts.get(finding.path, []), finding.line) - 1
        if position >= 0 and finding.line <= entries[position].project.end_line:
            entries[position].findings.append(finding)
            continue
        holder = whole.get(finding.path)
        if holder is None:
            holder = whole[finding.path] = ProjectFindings(Project(finding.path, -1, None, None, 1, 1))
        holder.findings.append(finding)
    ordered: list[ProjectFindings] = []
    for path in sorted(set(by_path) | set(whole)):
        if path in whole:
            ordered.append(whole[path])
        ordered.extend(by_path.get(path, []))
    for entry in ordered:
        entry.findings.sort(key=lambda f: (-f.severity.rank, f.line, f.column, f.code))
        threshold = fail_on(entry.project.path).rank
        entry.failed = any(f.severity.rank >= threshold for f in entry.findings)
    return ordered
