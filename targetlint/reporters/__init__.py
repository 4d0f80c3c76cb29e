"""Output formats. Each is a module with ``render(findings, context) -> str``,
imported only when chosen, so a run pays for the one format it prints.

Reporters see findings and plain rule metadata (:class:`RuleInfo`), never a
rule object. Positions are 1-based and columns count Unicode code points in
every format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from targetlint.projects import Project

# name → "module" (its ``render``) or "module:function"
FORMATS = {
    "text": "targetlint.reporters.text",
    "concise": "targetlint.reporters.text:render_concise",
    "json": "targetlint.reporters.json",
    "sarif": "targetlint.reporters.sarif",
    "github": "targetlint.reporters.github",
    "gitlab": "targetlint.reporters.gitlab",
    "junit": "targetlint.reporters.junit",
    "html": "targetlint.reporters.html",
    "xlsx": "targetlint.reporters.xlsx",
}
# Formats whose renderer returns bytes, not text: written to a file only.
BINARY_FORMATS = frozenset({"xlsx"})


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    fixable: str | None = None
    origin: str = ""
    how_to_fix: str = ""  # the docstring's "How to fix" paragraph, as written


@dataclass
class ReportContext:
    lang: str = "zh"
    color: bool = False
    files_checked: int = 0
    declarations_checked: int = 0
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # code → metadata, in display order
    sources: Callable[[str], list[str] | None] = lambda path: None  # path → source lines, for excerpts
    tool_version: str = ""
    show_source: bool = False
    paths: list[str] = field(default_factory=list)  # every file checked, in order
    base: str | None = None  # directory paths are made relative to (default: cwd)
    step_summary: str | None = None  # $GITHUB_STEP_SUMMARY, for the github format
    successful: bool = True  # False when the run had usage, I/O or internal errors
    projects: list[Project] = field(default_factory=list)  # every declaration checked, in file order
    fail_on: dict[str, str] = field(default_factory=dict)  # path → the lowest severity that fails it
    files_skipped: int = 0  # YAML files checked that are not declarations (other YAML)
    errors: list[str] = field(default_factory=list)  # the run's usage and I/O errors, in ``lang``
    stale: int = 0  # baseline entries that matched nothing (the run fails on them)


def get_renderer(name: str):
    module, _, function = FORMATS[name].partition(":")
    return getattr(import_module(module), function or "render")
