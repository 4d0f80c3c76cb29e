"""Human output. ``text`` (the default) prints each finding as
``path:line:col: CODE [severity] message`` (the severity as 错误/警告/提示 in Chinese), then the source line, a caret
under the offending text and the command that explains the rule; ``concise``
prints the first line only. Both end with a summary line."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from targetlint import escape
from targetlint.i18n import Message
from targetlint.projects import Project, ProjectIndex
from targetlint.reporters import ReportContext

_COLOR = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def render(findings, context: ReportContext) -> str:
    return _render(findings, context, full=True)


def render_concise(findings, context: ReportContext) -> str:
    return _render(findings, context, full=context.show_source)


def _render(findings, context: ReportContext, full: bool) -> str:
    return block(findings, context, full) + summary(findings, context) + "\n"


def block(findings, context: ReportContext, full: bool, projects=None) -> str:
    """The findings without the summary line: what a streamed run prints per
    file. In full, each declaration's findings come under a line naming it
    (项目名称, 主管部门); ``projects``: the declarations checked (default: the
    context's)."""
    out: list[str] = []
    index = ProjectIndex(context.projects if projects is None else projects) if full else None
    current = None
    for finding in findings:
        if index is not None:
            project = index.of(finding)
            if project is not None and project != current:
                out.append(project_heading(project, context))
            current = project
        out.append(headline(finding, context))
        if full:
            out.extend(_excerpt(finding, context))
            hint = f"{' ' * 6}= {finding.name} · targetlint rule {finding.code}"
            out.append(_DIM + hint + _RESET if context.color else hint)
            if finding.suggestion is not None:
                label = Message("建议：", "suggestion: ").text(context.lang)
                out.append(f"{' ' * 6}→ {label}{escape.text(finding.suggestion.text(context.lang))}")
            out.append("")
    return "".join(line + "\n" for line in out)


def project_heading(project: Project, context: ReportContext) -> str:
    """``── 项目：培训项目 · 主管部门：某局 ──``, above a declaration's findings."""
    name = Message(project.name or "（未填项目名称）", project.name or "(no project name)")
    department = Message(f" · 主管部门：{project.department}", f" · department: {project.department}")
    text = Message(f"── 项目：{name.zh}", f"── project: {name.en}").text(context.lang)
    text += (department.text(context.lang) if project.department else "") + " ──"
    text = escape.text(text)  # the names come from the file
    return _BOLD + text + _RESET if context.color else text


# Severity as a Chinese line shows it; English lines keep the severity's name.
SEVERITY_LABELS = {
    "error": Message("错误", "error"),
    "warning": Message("警告", "warning"),
    "info": Message("提示", "info"),
}


def severity_label(severity: str, lang: str) -> str:
    label = SEVERITY_LABELS.get(severity)
    return label.text(lang) if label is not None else severity


def headline(finding, context: ReportContext) -> str:
    severity = str(finding.severity)
    location = f"{escape.path(finding.path)}:{finding.line}:{finding.column}:"
    head = f"{finding.code} [{severity_label(severity, context.lang)}]"
    if context.color:
        location = _BOLD + location + _RESET
        head = _COLOR.get(severity, "") + head + _RESET
    return f"{location} {head} {escape.text(finding.message(context.lang))}"


# Excerpts show at most this many characters of a source line: a goal is
# often one line of several hundred characters.
EXCERPT_CHARS = 60


def _excerpt(finding, context: ReportContext) -> list[str]:
    if finding.sheet is not None:  # a workbook's cell: the message names it, there is no text line to show
        return []
    lines = context.sources(finding.path)
    if not lines or finding.line > len(lines):
        return []
    text = lines[finding.line - 1]
    start = finding.column - 1
    width = max(
        1, (finding.span.end_column - finding.column) if finding.span.end_line == finding.line else len(text) - start
    )
    # Keep the indentation and key before the value when they fit; cut the rest.
    left = 0 if start < EXCERPT_CHARS // 2 else start - 8
    right = min(len(text), max(left + EXCERPT_CHARS, start + 1))
    # Escaped piece by piece, so the caret still lines up under the escapes.
    shown = ("…" if left else "") + escape.text(text[left:right]) + ("…" if right < len(text) else "")
    prefix = ("…" if left else "") + escape.text(text[left:start])
    marked = escape.text(text[start : min(start + width, right)])
    gutter = f"{finding.line:>5} | "
    caret = " " * (len(gutter) - 2) + "| " + _pad(prefix) + "^" * _display_width(marked)
    if context.color:
        caret = _COLOR.get(str(finding.severity), "") + caret + _RESET
    return [gutter + shown, caret]


# The East Asian Wide and Fullwidth blocks (unicodedata's "W" and "F"), as
# sorted (first, last) code point ranges searched per non-ASCII character of
# an excerpt. A character class of them cost every run ~10 ms of regex
# compilation at import (issue 13): the compiler walks every code point.
_WIDE_RANGES = (
    (0x1100, 0x115F),
    (0x2E80, 0x303E),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x20000, 0x3FFFD),
)
_WIDE_STARTS = tuple(first for first, _ in _WIDE_RANGES)


def _wide(ch: str) -> bool:
    code = ord(ch)
    i = bisect_right(_WIDE_STARTS, code) - 1
    return i >= 0 and code <= _WIDE_RANGES[i][1]


def _cells(text: str) -> int:
    # CJK characters take two terminal cells; the caret must cover them.
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ch >= "\u1100" and _wide(ch))


def _display_width(text: str) -> int:
    return max(1, _cells(text))


def _pad(prefix: str) -> str:
    if "\t" not in prefix:
        return " " * _cells(prefix)
    # Tabs stay tabs so the caret lines up however the terminal expands them.
    return "".join("\t" if ch == "\t" else " " * _cells(ch) for ch in prefix)


def summary(findings, context: ReportContext, counts: Counter | None = None) -> str:
    """The closing line; ``counts`` (severity → number) stands in for the
    findings when they were streamed and not kept.

    Never an all-clear unless the run looked at a declaration and nothing
    went wrong: after an error it says the check is incomplete, and with no
    declaration it says none was found."""
    counts = counts if counts is not None else Counter(str(f.severity) for f in findings)
    total = sum(counts.values())
    files, declarations, skipped = context.files_checked, context.declarations_checked, context.files_skipped
    errors, stale = len(context.errors) or (0 if context.successful else 1), context.stale
    found = Message(
        f"发现 {total} 个问题（错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}）",
        f"found {total} problem(s) ({counts['error']} error, {counts['warning']} warning, {counts['info']} info)",
    )
    checked = Message(
        f"检查了 {files} 个文件、{declarations} 份申报表", f"{files} file(s), {declarations} declaration(s)"
    )
    skipped_text = (
        Message(f"；{skipped} 个 YAML 文件不是申报表，已跳过", f"; {skipped} YAML file(s) skipped as not declarations")
        if skipped
        else Message("", "")
    )
    if errors:
        line = Message(
            f"检查未完成（出错 {errors} 处，见上文）：{found.zh}，{checked.zh}{skipped_text.zh}。",
            f"Check incomplete ({errors} error(s), see above): {found.en} in {checked.en}{skipped_text.en}.",
        )
    elif total:
        line = Message(
            f"{found.zh}，{checked.zh}{skipped_text.zh}。", f"F{found.en[1:]} in {checked.en}{skipped_text.en}."
        )
    elif stale:
        line = Message(
            f"未发现新问题，但基线中有 {stale} 条记录已过期（见上文）：{checked.zh}。",
            f"No new problems, but {stale} baseline entr(y/ies) are stale (see above): {checked.en} checked.",
        )
    elif not declarations and not files:
        line = Message(
            "没有找到申报表：没有要检查的 YAML 文件。", "No declarations found: there were no YAML files to check."
        )
    elif not declarations:
        line = Message(
            f"没有找到申报表：{checked.zh}{skipped_text.zh}。",
            f"No declarations found: {checked.en} checked{skipped_text.en}.",
        )
    else:
        line = Message(
            f"未发现问题：{checked.zh}{skipped_text.zh}。", f"All clear: {checked.en} checked{skipped_text.en}."
        )
    return line.text(context.lang)


def statistic_rows(findings) -> list[tuple[str, str, int, list[str]]]:
    """(code, name, count, severities seen, most severe first) per rule, most
    frequent first: one row a code even when its severity varies by file."""
    counts: Counter = Counter()
    names: dict[str, str] = {}
    severities: dict[str, set] = {}
    for finding in findings:
        counts[finding.code] += 1
        names[finding.code] = finding.name
        severities.setdefault(finding.code, set()).add(finding.severity)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        (code, names[code], count, [str(s) for s in sorted(severities[code], key=lambda s: -s.rank)])
        for code, count in rows
    ]


def statistics(findings, context: ReportContext) -> str:
    """Counts per rule, most frequent first (``--statistics``)."""
    rows = statistic_rows(findings)
    width = max((len(str(count)) for _, _, count, _ in rows), default=1)
    return "".join(
        f"{count:>{width}}  {code:<7} {name} [{'/'.join(severity_label(s, context.lang) for s in severities)}]\n"
        for code, name, count, severities in rows
    )


def project_statistic_rows(findings, context: ReportContext) -> list[dict]:
    """Per project, in file order: its name, department, location, counts per
    severity and whether it fails (``--statistics-by project``)."""
    from targetlint.projects import group
    from targetlint.rule import Severity

    groups = group(findings, context.projects, lambda path: Severity(context.fail_on.get(path, "error")))
    rows = []
    for entry in groups:
        counts = Counter(str(f.severity) for f in entry.findings)
        project = entry.project
        rows.append(
            {
                "project": project.name,
                "department": project.department,
                "file": project.path,
                "line": project.line,
                "whole_file": project.whole_file,
                "error": counts["error"],
                "warning": counts["warning"],
                "info": counts["info"],
                "failed": entry.failed,
            }
        )
    return rows


def project_statistics(findings, context: ReportContext) -> str:
    """``--statistics-by project`` as text: one line a project, failing ones marked."""
    lang = context.lang
    lines = [Message("错误 警告 提示  结果    项目", "error warning info  result  project").text(lang)]
    for row in project_statistic_rows(findings, context):
        result = (Message("未通过", "FAIL  ") if row["failed"] else Message("通过  ", "pass  ")).text(lang)
        if row["whole_file"]:
            name = Message("（整个文件）", "(whole file)").text(lang)
        else:
            name = row["project"] or Message("（未填项目名称）", "(no project name)").text(lang)
        department = f" · {row['department']}" if row["department"] else ""
        # Each language's column headings are their own width.
        counts = Message(
            f"{row['error']:>4} {row['warning']:>4} {row['info']:>4}",
            f"{row['error']:>5} {row['warning']:>7} {row['info']:>4}",
        ).text(lang)
        lines.append(f"{counts}  {result}  {name}{department}  {row['file']}:{row['line']}")
    return "".join(line + "\n" for line in lines)
