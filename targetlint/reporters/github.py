"""GitHub Actions workflow commands: one annotation per finding.

GitHub shows at most 10 annotations of each level per step and silently
drops the rest, so after 10 errors, 10 warnings or 10 notices the remaining
findings are printed as plain log lines and a ``::notice`` says how many were
not annotated. With ``$GITHUB_STEP_SUMMARY`` set, a Markdown table of every
finding is appended to the job summary, which has no such cap.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from targetlint import escape
from targetlint.finding_identity import relative_path
from targetlint.i18n import Message
from targetlint.reporters import ReportContext
from targetlint.reporters.text import summary

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
CAP = 10
# What Markdown reads as markup inside a table cell: links and images
# ([]()!), emphasis and code (*_`~), the cell separator (|), backslash
# escapes, and ":" (a bare "https://" becomes a link). < > & are written as
# HTML entities instead.
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_\[\]()!|~:]")


def escape_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def log_line(text: str) -> str:
    """A plain log line that the runner cannot read as a workflow command:
    one line, with no ``::`` at its start and no ``##[`` (the old command
    syntax, recognised anywhere in a line)."""
    line = _no_old_commands(escape.text(text))
    return " " + line if line.lstrip().startswith("::") else line


def _annotation_text(text: str) -> str:
    # An annotation may span lines (escape_message encodes the breaks as
    # data); every other control character is escaped.
    return "".join(
        part if part in ("\r", "\n") else _no_old_commands(escape.text(part)) for part in _BREAKS.split(text)
    )


_BREAKS = re.compile("(\r|\n)")


def _no_old_commands(text: str) -> str:
    return text.replace("##[", "##\\[")


def escape_property(text: str) -> str:
    return escape_message(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding, context: ReportContext) -> str:
    span = finding.span
    properties = {
        "file": relative_path(finding.path, context.base),
        "line": span.line,
        "endLine": span.end_line,
        "col": span.column,
        "endColumn": span.end_column,
        "title": f"{finding.code} {finding.name}",
    }
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{LEVEL.get(str(finding.severity), 'warning')} {rendered}::"
        f"{escape_message(_annotation_text(finding.message(context.lang)))}"
    )


def plain(finding, context: ReportContext) -> str:
    return log_line(
        f"{relative_path(finding.path, context.base)}:{finding.line}:{finding.column}: {finding.code} "
        f"[{finding.severity}] {finding.message(context.lang)}"
    )


def render(findings, context: ReportContext) -> str:
    overflow: Counter[str] = Counter()
    for finding in findings:
        overflow[LEVEL.get(str(finding.severity), "warning")] += 1
    hidden = sum(max(0, count - CAP) for count in overflow.values())
    # The closing notice is itself a notice, so it takes one of the ten.
    caps = dict.fromkeys(LEVEL.values(), CAP)
    if hidden and overflow["notice"] >= CAP:
        caps["notice"] = CAP - 1
        hidden = sum(max(0, count - caps[level]) for level, count in overflow.items())
    shown: Counter = Counter()
    lines = []
    for finding in findings:
        level = LEVEL.get(str(finding.severity), "warning")
        if shown[level] < caps[level]:
            shown[level] += 1
            lines.append(annotation(finding, context))
        else:
            lines.append(plain(finding, context))
    if hidden:
        note = Message(
            f"另有 {hidden} 个问题未作为注释显示（GitHub 每个步骤每种级别最多显示 {CAP} 个），见日志或作业摘要",
            f"{hidden} more finding(s) not annotated (GitHub shows at most {CAP} per level per step); see the log or "
            "the job summary",
        )
        lines.append(f"::notice title=targetlint::{escape_message(note.text(context.lang))}")
    lines.append(summary(findings, context))
    if context.step_summary:
        _append_step_summary(context.step_summary, findings, context)
    return "\n".join(lines) + "\n"


def markdown_table(findings, context: ReportContext) -> str:
    def cell(text: str) -> str:
        # Text from files must not become markup: HTML is escaped, and what
        # Markdown could read as a link, an image, emphasis or code is
        # backslash-escaped.
        return html.escape(_MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", escape.text(str(text))), quote=False)

    header = Message(
        "| 文件 | 行 | 列 | 规则 | 级别 | 说明 |", "| file | line | column | rule | severity | message |"
    ).text(context.lang)
    rows = [
        f"| {cell(relative_path(f.path, context.base))} | {f.line} | {f.column} | {f.code} {cell(f.name)} | "
        f"{f.severity} | {cell(f.message(context.lang))} |"
        for f in findings
    ]
    return (
        "\n".join(
            [
                "### targetlint",
                "",
                summary(findings, context),
                "",
                header,
                "| --- | ---: | ---: | --- | --- | --- |",
                *rows,
            ]
        )
        + "\n"
    )


def _append_step_summary(path: str, findings, context: ReportContext) -> None:
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown_table(findings, context) + "\n")
    except OSError:
        pass  # the summary is a convenience; the annotations and log already carry everything
