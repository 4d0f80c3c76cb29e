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
    sheet: str | None = None  # a workbook checked in place: the worksheet, whose rows are the lines

    @property
    def whole_file(self) -> bool:
        return self.index < 0


@dataclass
class ProjectFindings:
    project: Project
    findings: list[Finding] = field(default_factory=list)
    failed: bool = False  # a finding at or above its file's fail-on


class ProjectIndex:
    """Finds the project whose lines hold a finding."""

    def __init__(self, projects: Iterable[Project]):
        self._by_path: dict[str, list[Project]] = {}
        # A workbook's sheets each count rows from 1: projects are found per (file, sheet).
        self._by_sheet: dict[tuple[str, str | None], list[Project]] = {}
        for project in projects:
            self._by_path.setdefault(project.path, []).append(project)
            self._by_sheet.setdefault((project.path, project.sheet), []).append(project)
        for entries in (*self._by_path.values(), *self._by_sheet.values()):
            entries.sort(key=lambda project: project.line)
        self._starts = {where: [project.line for project in entries] for where, entries in self._by_sheet.items()}

    def paths(self) -> list[str]:
        return list(self._by_path)

    def projects(self, path: str) -> list[Project]:
        return self._by_path.get(path, [])

    def of(self, finding: Finding) -> Project | None:
        """The project holding ``finding``, or None for a finding outside every declaration."""
        where = (finding.path, finding.sheet)
        entries = self._by_sheet.get(where)
        if not entries:
            return None
        position = bisect_right(self._starts[where], finding.line) - 1
        if position >= 0 and finding.line <= entries[position].end_line:
            return entries[position]
        return None


def group(
    findings: Iterable[Finding],
    projects: Iterable[Project],
    fail_on: Callable[[str], Severity],
) -> list[ProjectFindings]:
    """Every project, in file and line order, with its findings (most severe
    first, then by position); findings outside any declaration go to a
    whole-file entry ahead of the file's projects. ``fail_on(path)``: the
    lowest severity that fails a project in that file."""
    index = ProjectIndex(projects)
    entries = {project: ProjectFindings(project) for path in index.paths() for project in index.projects(path)}
    whole: dict[str, ProjectFindings] = {}
    for finding in findings:
        project = index.of(finding)
        if project is not None:
            entries[project].findings.append(finding)
            continue
        holder = whole.get(finding.path)
        if holder is None:
            holder = whole[finding.path] = ProjectFindings(Project(finding.path, -1, None, None, 1, 1))
        holder.findings.append(finding)
    ordered: list[ProjectFindings] = []
    for path in sorted(set(index.paths()) | set(whole)):
        if path in whole:
            ordered.append(whole[path])
        ordered.extend(entries[project] for project in index.projects(path))
    for entry in ordered:
        entry.findings.sort(key=lambda f: (-f.severity.rank, f.line, f.column, f.code))
        threshold = fail_on(entry.project.path).rank
        entry.failed = any(f.severity.rank >= threshold for f in entry.findings)
    return ordered
