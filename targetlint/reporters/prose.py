"""Rule documentation as people read it: the small Markdown subset rule
docstrings use (paragraphs, **bold**, `code`, fenced examples, "- " lists)
turned into plain text or escaped HTML, so no Markdown marker shows in a
report; and the "how to fix" text a report puts beside each finding."""

from __future__ import annotations

import html
import re

from targetlint.i18n import Message

_FENCE = re.compile(r"^\s*```")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def join_lines(lines: list[str]) -> str:
    """Wrapped lines as one: Chinese is wrapped without spaces, Latin text needs one."""
    out = ""
    for line in (line.strip() for line in lines):
        if out and out[-1].isascii() and line[:1].isascii() and not out.endswith(" "):
            out += " "
        out += line
    return out


def plain(text: str) -> str:
    """Prose without its Markdown markers, on one line."""
    return _CODE.sub(r"\1", _BOLD.sub(r"\1", join_lines(text.splitlines())))


def doc_html(doc: str) -> str:
    """A rule's documentation after its summary line, as escaped HTML."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    code: list[str] | None = None

    def inline(text: str) -> str:
        escaped = html.escape(text, quote=False)
        return _CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", escaped))

    def flush() -> None:
        if paragraph:
            out.append(f"<p>{inline(join_lines(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{inline(join_lines(item))}</li>" for item in items) + "</ul>")
            items.clear()

    for line in doc.splitlines()[1:]:  # the first line is the summary, shown already
        stripped = line.strip()
        if code is not None:
            if _FENCE.match(line):
                out.append(f"<pre>{html.escape(chr(10).join(code), quote=False)}</pre>")
                code = None
            else:
                code.append(line)
        elif _FENCE.match(line):
            flush()
            code = []
        elif not stripped:
            flush()
        elif stripped.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append([stripped[2:]])
        elif items and line.startswith((" ", "\t")):
            items[-1].append(stripped)
        else:
            if items:
                flush()
            paragraph.append(stripped)
    if code is not None:
        out.append(f"<pre>{html.escape(chr(10).join(code), quote=False)}</pre>")
    flush()
    return "".join(out)


def suggestion(finding, context) -> str:
    """What to write instead: the finding's own suggestion or fix when it
    carries one, otherwise its rule's "how to fix" advice, as plain text."""
    if finding.suggestion is not None:
        return finding.suggestion.text(context.lang)
    if finding.fix is not None:
        described = Message(finding.fix.description_zh, finding.fix.description_en).text(context.lang)
        if described:
            return described
    rule = context.rules.get(finding.code)
    return plain(rule.how_to_fix) if rule is not None else ""


def location(finding) -> str:
    """``path:line:col``, or for a workbook's cell ``path 绩效目标表!D15``."""
    if finding.sheet is not None:
        return f"{finding.path} {finding.sheet}!{finding.cell}"
    return f"{finding.path}:{finding.line}:{finding.column}"
