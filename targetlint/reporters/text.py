"""``path:line:col: CODE [severity] message``, one line a finding, then a summary."""

from __future__ import annotations

from collections import Counter

from targetlint.reporters import ReportContext

_COLOR = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def render(findings, context: ReportContext) -> str:
    out: list[str] = []
    for finding in findings:
        severity = str(finding.severity)
        location = f"{finding.path}:{finding.line}:{finding.column}:"
        head = f"{finding.code} [{severity}]"
        if context.color:
            location = _BOLD + location + _RESET
            head = _COLOR.get(severity, "") + head + _RESET
        out.append(f"{location} {head} {finding.message(context.lang)}")
        if context.show_source:
            out.extend(_excerpt(finding, context))
    out.append(summary(findings, context))
    return "\n".join(out) + "\n"


def _excerpt(finding, context: ReportContext) -> list[str]:
    lines = context.sources(finding.path)
    if not lines or finding.line > len(lines):
        return []
    text = lines[finding.line - 1]
    width = max(1, (finding.span.end_column - finding.column) if finding.span.end_line == finding.line else len(text) - finding.column + 1)
    gutter = f"{finding.line:>5} | "
    caret = " " * (len(gutter) - 2) + "| " + _pad(text[: finding.column - 1]) + "^" * _display_width(text[finding.column - 1: finding.column - 1 + width])
    if context.color:
        caret = _COLOR.get(str(finding.severity), "") + caret + _RESET
    return [gutter + text, caret]


def _display_width(text: str) -> int:
    # CJK characters take two terminal cells; the caret must cover them.
    import unicodedata

    return max(1, sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


def _pad(prefix: str) -> str:
    import unicodedata

    return "".join(("\t" if ch == "\t" else " " * (2 if unicodedata.east_asian_width(ch) in "WF" else 1)) for ch in prefix)


def summary(findings, context: ReportContext) -> str:
    counts = Counter(str(f.severity) for f in findings)
    files, declarations = context.files_checked, context.declarations_checked
    if context.lang == "en":
        if not findings:
            return f"All clear: {files} file(s), {declarations} declaration(s) checked."
        return (
            f"Found {len(findings)} problem(s) ({counts['error']} error, {counts['warning']} warning, {counts['info']} info) "
            f"in {files} file(s), {declarations} declaration(s)."
        )
    if not findings:
        return f"未发现问题：检查了 {files} 个文件、{declarations} 份申报表。"
    return (
        f"发现 {len(findings)} 个问题（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}），"
        f"检查了 {files} 个文件、{declarations} 份申报表。"
    )
