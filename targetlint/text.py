"""Scans of free text (goals, names, values) driven by the vocabulary.

Rules that look for template residue call these scanners instead of holding
patterns of their own; the patterns live in :mod:`targetlint.vocabulary`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from targetlint.span import Span
from targetlint.vocabulary import Vocabulary


@lru_cache(maxsize=16)
def _placeholder_re(vocabulary: Vocabulary) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in vocabulary.placeholder_patterns))


def placeholders(text: str, vocabulary: Vocabulary) -> list[str]:
    """Template placeholders left in ``text`` ("xx", "××", "**", "待定")."""
    if not text:
        return []
    return [m.group(0) for m in _placeholder_re(vocabulary).finditer(text)]


_HTML_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|emsp|ensp|#\d+);")
_LATEX_RE = re.compile(r"\$[^$\n]*\\[a-zA-Z]+[^$\n]*\$|\\(?:geq|leq|ge|le|times|%)")


def markup(text: str) -> list[tuple[str, str]]:
    """(kind, fragment) of HTML or LaTeX residue in ``text``."""
    if not text or ("<" not in text and "&" not in text and "\\" not in text and "$" not in text):
        return []
    found = [("html", m.group(0)) for m in _HTML_RE.finditer(text)]
    found += [("latex", m.group(0)) for m in _LATEX_RE.finditer(text)]
    return found


def offset_span(span: Span, offset: int, length: int, value: str, source_lines: list[str]) -> Span:
    """The span of ``value[offset:offset+length]`` when ``value`` is written
    verbatim on one source line at ``span``; otherwise the value's own span."""
    if span.line != span.end_line or span.line > len(source_lines):
        return span
    line = source_lines[span.line - 1]
    start = span.column - 1
    if line[start:start + len(value)] != value:
        if line[start + 1:start + 1 + len(value)] == value:   # quoted scalar
            start += 1
        else:
            return span
    return Span(span.line, start + offset + 1, span.line, start + offset + length + 1)
