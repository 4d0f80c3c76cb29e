"""Inline suppressions in YAML comments.

``# targetlint: disable=TL203,missing-unit -- 原因`` after a value suppresses
those rules on that line. Written on a mapping key or list item that opens a
block (an indicator, a 二级 or 一级 category, 绩效指标, 项目资金, a multi-line
goal), it covers the whole block, using the model's line ranges. Written alone
on a line, it applies to the next line that is not blank or a comment (as
ESLint's ``disable-next-line``), with the same block rule.

``# targetlint: disable-file=TL102`` covers the whole file when it comes before
any document content (a header comment), and otherwise the YAML document
(``---`` … ``---``) it appears in.

Codes, rule names and ``all`` work; the reason after ``--`` is kept but not
required. A directive, or a code in it, that suppresses nothing is reported as
TL010 unused-suppression, as is an unknown code or a malformed directive;
codes of rules that are not enabled for the file are not judged. TL010 itself
can be turned off by configuration, not by a directive.

Only files whose text contains ``targetlint:`` are scanned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from targetlint.rule import Finding, Severity
from targetlint.span import Span
from targetlint.suggest import hint

MARKER = "targetlint:"
UNUSED = ("TL010", "unused-suppression")

_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*targetlint:\s*(?P<body>.*?)\s*$")
_BODY = re.compile(r"^(?P<action>disable-file|disable)\s*=\s*(?P<rest>.*)$")
_DOCUMENT_START = re.compile(r"^---(?:\s|$)")


@dataclass
class Directive:
    line: int
    span: Span  # the comment, for TL010 findings
    text: str  # the comment as written
    action: str | None  # "disable", "disable-file", or None when malformed
    tokens: list[str] = field(default_factory=list)
    reason: str = ""
    first: int = 0  # lines covered, inclusive
    last: int = -1
    used: set[str] = field(default_factory=set)

    @property
    def width(self) -> int:
        return self.last - self.first


def scan(text: str) -> list[Directive]:
    """Every ``targetlint:`` directive in ``text``'s comments, with the lines it covers."""
    if MARKER not in text:
        return []
    lines = text.split("\n")
    directives = []
    next_content: list[int] | None = None
    for number, line in enumerate(lines, 1):
        if MARKER not in line:
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        column = match.start() + 1
        comment = line[match.start() :].rstrip()
        span = Span(number, column, number, column + len(comment))
        body = _BODY.match(match.group("body"))
        codes, _, reason = body.group("rest").partition("--") if body else ("", "", "")
        tokens = [token.strip() for token in codes.split(",") if token.strip()]
        if body is None or not tokens:  # no body, no codes
            directives.append(Directive(number, span, comment, None))
            continue
        directive = Directive(number, span, comment, body.group("action"), tokens, reason.strip())
        directive.first = number
        if not line[: match.start()].strip():  # a directive alone on its line
            if next_content is None:
                next_content = _next_content_lines(lines)
            directive.first = next_content[number]
        directives.append(directive)
    return directives


def _next_content_lines(lines: list[str]) -> list[int]:
    """For each line number n, the first content line after it (0 if none),
    in one pass from the end: looking forward from every directive was
    quadratic in a file of nothing but directives."""
    after = [0] * (len(lines) + 1)
    following = 0
    for index in range(len(lines) - 1, -1, -1):
        after[index + 1] = following
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            following = index + 1
    return after


def _content_start(lines: list[str]) -> int:
    """The first line that is document content or a marker (not a comment or a %directive)."""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%")):
            return index + 1
    return len(lines) + 1


def _documents(lines: list[str]) -> list[tuple[int, int]]:
    starts = [index + 1 for index, line in enumerate(lines) if _DOCUMENT_START.match(line)]
    if not starts or starts[0] != 1:
        starts.insert(0, 1)
    ends = [start - 1 for start in starts[1:]] + [len(lines)]
    return list(zip(starts, ends))


def block_ends(declarations: Iterable) -> dict[int, int]:
    """Key line → last line of the block that key opens, from the model's spans."""
    ends: dict[int, int] = {}

    def add(line: int, end: int) -> None:
        if end > line:
            ends[line] = max(ends.get(line, line), end)

    def fields(record) -> None:
        for name, span in record.spans.items():
            if name.endswith(".key") and name[:-4] in record.spans:
                add(span.line, _last_line(record.spans[name[:-4]]))

    for declaration in declarations:
        fields(declaration)
        if "indicators" in declaration.spans:
            add(
                declaration.spans["indicators"].line,
                max((level1.end_line for level1 in declaration.level1s), default=0),
            )
        for level1 in declaration.level1s:
            add(level1.span().line, level1.end_line)
            for level2 in level1.categories:
                add(level2.span().line, level2.end_line)
                for indicator in level2.indicators:
                    add(indicator.span().line, indicator.end_line)
                    fields(indicator)
    return ends


def _last_line(span: Span) -> int:
    # A block value's end mark sits at column 1 of the line after it.
    return span.end_line - 1 if span.end_column == 1 and span.end_line > span.line else span.end_line


def _declaration_at(declarations, line: int) -> str | None:
    for declaration in declarations:
        if declaration.span().line <= line <= max(declaration.end_line, declaration.span().line):
            return declaration.name
    return None


def apply(
    findings: list[Finding],
    text: str,
    declarations: list,
    enabled: set[str],
    lookup: Callable[[str], str | None],
    path: str,
    unused_severity: Severity = Severity.WARNING,
    known: Iterable[str] = (),
) -> tuple[list[Finding], list[Finding]]:
    """(findings left after suppression, TL010 findings about the directives).

    ``known``: the codes and rule names an unknown one is compared with ("did you mean").

    ``lookup`` maps a code or rule name to a code (None when unknown);
    ``enabled`` holds the codes that ran on this file.
    """
    directives = scan(text)
    if not directives:
        return findings, []
    lines = text.split("\n")
    ends = block_ends(declarations)
    content_start = _content_start(lines)
    documents = _documents(lines)
    resolved: dict[int, dict[str, str]] = {}  # id(directive) → code → token as written
    for directive in directives:
        if directive.action == "disable-file":
            if directive.line < content_start:
                directive.first, directive.last = 1, len(lines)
            else:
                directive.first, directive.last = next(
                    (start, end) for start, end in documents if start <= directive.line <= end
                )
        elif directive.action == "disable" and directive.first:
            directive.last = ends.get(directive.first, directive.first)
        codes: dict[str, str] = {}
        for token in directive.tokens:
            code = "all" if token.lower() == "all" else lookup(token)
            if code is not None:
                codes[code] = token
        resolved[id(directive)] = codes

    kept = []
    for finding in findings:
        covering = [
            d
            for d in directives
            if d.action
            and d.first <= finding.line <= d.last
            and (finding.code in resolved[id(d)] or "all" in resolved[id(d)])
        ]
        if not covering:
            kept.append(finding)
            continue
        # The narrowest directive takes the credit, so a redundant wider one is reported.
        chosen = min(covering, key=lambda d: (d.action == "disable-file", d.width, d.line))
        codes = resolved[id(chosen)]
        chosen.used.add(finding.code if finding.code in codes else "all")

    reports = (
        []
        if UNUSED[0] not in enabled
        else _report(directives, resolved, enabled, lookup, declarations, path, unused_severity, known)
    )
    return kept, reports


def _report(directives, resolved, enabled, lookup, declarations, path, severity, known=()) -> list[Finding]:
    reports = []

    def emit(directive: Directive, zh: str, en: str) -> None:
        reports.append(
            Finding(
                span=directive.span,
                message_zh=zh,
                message_en=en,
                code=UNUSED[0],
                name=UNUSED[1],
                severity=severity,
                path=path,
                declaration=_declaration_at(declarations, directive.line),
                subject=directive.text,
            )
        )

    for directive in directives:
        if directive.action is None:
            emit(
                directive,
                f"无法识别的 targetlint 指令“{directive.text}”（应为 disable=代码 或 disable-file=代码）",
                f"unrecognised targetlint directive '{directive.text}' (expected disable=CODES or disable-file=CODES)",
            )
            continue
        for token in directive.tokens:
            if token.lower() != "all" and lookup(token) is None:
                hint_zh, hint_en = hint(token, known)
                emit(
                    directive,
                    f"抑制注释中的规则“{token}”不存在{hint_zh}（见 targetlint rules）",
                    f"unknown rule '{token}' in suppression{hint_en} (see targetlint rules)",
                )
        if directive.action == "disable" and not directive.first:
            emit(directive, "抑制注释之后没有内容，无可抑制", "suppression comment with nothing after it to suppress")
            continue
        unused = [
            token
            for code, token in resolved[id(directive)].items()
            if code not in directive.used and (code == "all" or code in enabled)
        ]
        if unused:
            listed = ", ".join(unused)
            emit(
                directive,
                f"抑制注释未使用：{listed} 在此没有抑制任何问题，请删除",
                f"unused suppression: {listed} suppressed nothing here; remove it",
            )
    return reports
