"""Runs the selected rules over loaded files and contains their failures.

A rule that raises, yields something that is not a :class:`Finding`, or
points outside the file becomes one ``rule-crashed`` (TL009) finding naming
the rule and its plugin; every other rule still runs, and the run exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from targetlint.loader import SourceFile, load
from targetlint.rule import Finding, Rule, Scope, Severity
from targetlint.source import SourceText
from targetlint.span import FILE_START, Span
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary

RULE_CRASHED = ("TL009", "rule-crashed")


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    crashed: int = 0          # findings that are internal errors: the run exits 2
    declarations: int = 0


class Engine:
    def __init__(self, rules: Iterable[Rule], vocabulary: Vocabulary = DEFAULT_VOCABULARY, severities: dict[str, Severity] | None = None):
        self.rules = list(rules)
        self.vocabulary = vocabulary
        self.severities = severities or {}
        self.file_rules = [r for r in self.rules if r.scope == Scope.FILE]
        self.declaration_rules = [r for r in self.rules if r.scope == Scope.DECLARATION]

    def check(self, source: SourceText) -> FileResult:
        try:
            loaded = load(source, self.vocabulary)
        except Exception as error:  # a loader bug must cost this file, not the run
            result = FileResult(source.path, crashed=1)
            result.findings.append(_crashed(
                FILE_START,
                f"targetlint 读取 {source.path} 时出错（内部错误，请报告）：{type(error).__name__}: {error}",
                f"targetlint failed to load {source.path} (internal error, please report): {type(error).__name__}: {error}",
                source.path, None, "targetlint",
            ))
            return result
        return self.check_loaded(loaded)

    def check_loaded(self, loaded: SourceFile) -> FileResult:
        result = FileResult(loaded.path, declarations=len(loaded.declarations))
        line_count = loaded.source.text.count("\n") + 1
        for rule in self.file_rules:
            self._run(rule, loaded, loaded, None, result, line_count)
        for declaration in loaded.declarations:
            for rule in self.declaration_rules:
                self._run(rule, declaration, loaded, declaration, result, line_count)
        result.findings.sort(key=Finding.sort_key)
        return result

    def _run(self, rule: Rule, target, loaded: SourceFile, declaration, result: FileResult, line_count: int) -> None:
        name = declaration.name if declaration is not None else None
        collected: list[Finding] = []
        try:
            for finding in rule.check(target, loaded):
                problem = _invalid(finding, line_count)
                if problem:
                    raise _GarbageFinding(problem)
                collected.append(finding)
        except Exception as error:  # a broken rule must not take the run down
            where = declaration.span() if declaration is not None else FILE_START
            detail = str(error) if isinstance(error, _GarbageFinding) else f"{type(error).__name__}: {error}"
            result.findings.append(_crashed(
                where,
                f"规则 {rule.code} ({rule.name}，插件 {rule.origin or '?'}) 检查 {loaded.path} 时出错：{detail}",
                f"rule {rule.code} ({rule.name}, plugin {rule.origin or '?'}) failed on {loaded.path}: {detail}",
                loaded.path, name, rule.origin,
            ))
            result.crashed += 1
            return
        severity = self.severities.get(rule.code)
        for finding in collected:
            finding.path = loaded.path
            finding.declaration = name
            finding.origin = rule.origin
            if severity is not None:
                finding.severity = severity
        result.findings.extend(collected)


def _crashed(span: Span, zh: str, en: str, path: str, declaration: str | None, origin: str) -> Finding:
    """A TL009 finding: an internal error that makes the run exit 2."""
    return Finding(
        span=span, message_zh=zh, message_en=en, code=RULE_CRASHED[0], name=RULE_CRASHED[1],
        severity=Severity.ERROR, path=path, declaration=declaration, origin=origin,
    )


class _GarbageFinding(Exception):
    pass


def _invalid(finding: object, line_count: int) -> str | None:
    # Everything a reporter relies on is checked here, so a bad plugin shows
    # up as its own TL009 and never as a reporter's traceback.
    if not isinstance(finding, Finding):
        return f"yielded {type(finding).__name__}, not a Finding"
    span = finding.span
    if not isinstance(span, Span) or not all(type(v) is int for v in span):
        return f"yielded a finding without a valid span: {span!r}"
    line, column, end_line, end_column = span
    if not (1 <= line <= line_count and column >= 1 and line <= end_line <= line_count and end_column >= 1):
        return f"yielded a finding outside the file: {line}:{column}-{end_line}:{end_column} (the file has {line_count} lines)"
    if end_line == line and end_column < column:
        return f"yielded a finding that ends before it starts: {line}:{column}-{end_line}:{end_column}"
    if not isinstance(finding.message_zh, str) or not isinstance(finding.message_en, str):
        return "yielded a finding without a message"
    if not isinstance(finding.severity, Severity):
        return f"yielded a finding with severity {finding.severity!r}"
    if not isinstance(finding.code, str) or not isinstance(finding.name, str) or not isinstance(finding.subject, str):
        return "yielded a finding whose code, name or subject is not text"
    if not isinstance(finding.indicator_path, tuple) or not all(isinstance(p, str) for p in finding.indicator_path):
        return "yielded a finding with an invalid indicator path"
    return None
