"""Output formats. Each is a module with ``render(findings, context) -> str``,
imported only when chosen, so a run pays for the one format it prints.

Reporters see findings and plain rule metadata (:class:`RuleInfo`), never a
rule object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Callable

FORMATS = {
    "text": "targetlint.reporters.text",
    "json": "targetlint.reporters.json",
}


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    fixable: str | None = None
    origin: str = ""


@dataclass
class ReportContext:
    lang: str = "zh"
    color: bool = False
    files_checked: int = 0
    declarations_checked: int = 0
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    sources: Callable[[str], list[str] | None] = lambda path: None   # path → source lines, for excerpts
    tool_version: str = ""
    show_source: bool = False


def get_renderer(name: str):
    return import_module(FORMATS[name]).render
