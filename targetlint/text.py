"""Scans of free text (goals, names, values) driven by the vocabulary.

Rules that look for template residue call these scanners instead of holding
patterns of their own; the patterns live in :mod:`targetlint.vocabulary`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from targetlint import user_regex
from targetlint.span import Span
from targetlint.vocabulary import PLACEHOLDER_PATTERNS, Vocabulary


@lru_cache(maxsize=16)
def _placeholder_re(vocabulary: Vocabulary) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in vocabulary.placeholder_patterns))


@lru_cache(maxsize=16)
def _user_patterns(vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(p for p in vocabulary.placeholder_patterns if p not in PLACEHOLDER_PATTERNS)


def _placeholder_matches(vocabulary: Vocabulary, text: str) -> list[re.Match[str]]:
    """The placeholder patterns' matches in ``text``; with patterns a user
    added, under user_regex's limits (a slow one is named, not its rule)."""
    pattern = _placeholder_re(vocabulary)
    added = _user_patterns(vocabulary)
    if not added:
        return list(pattern.finditer(text))
    return user_regex.matches(pattern, text, added)


@lru_cache(maxsize=16)
def _stray_re(vocabulary: Vocabulary) -> re.Pattern[str]:
    marks = "".join(re.escape(m) for m in vocabulary.stray_marks)
    runs = "".join(re.escape(m) for m in vocabulary.damage_run_marks)
    # A run of what a broken encoding writes for each lost character ("??"),
    # anywhere; or one mark with a Han character on each side.
    run = f"[{runs}]{{2,}}|" if runs else ""
    # A Chinese character is a letter that is not Latin ("e.g" is no damage):
    # a category test, where the code point ranges of the Han blocks made the
    # regex compiler walk ~27,000 code points per class.
    return re.compile(rf"{run}(?<=[^\W\d_])(?<![A-Za-z])[{marks}](?=(?![A-Za-z])[^\W\d_])")


def stray_marks(text: str | None, vocabulary: Vocabulary) -> list[tuple[int, str]]:
    """(offset, mark) of each punctuation mark standing alone inside a Chinese
    word: "设.备维护次数", "培?训" (conversion or encoding damage), and of
    each run of marks a broken encoding leaves ("??")."""
    if not text:
        return []
    return [(m.start(), m.group()) for m in _stray_re(vocabulary).finditer(text)]


# What can tie a pattern to where its string starts or ends: anchors, word
# boundaries and lookarounds (which see the joining newline, or nothing).
_BOUNDARY_MARKS = ("^", "$", "\\A", "\\Z", "\\b", "\\B", "(?<", "(?=", "(?!")


@lru_cache(maxsize=16)
def _joinable(vocabulary: Vocabulary) -> bool:
    # Such a pattern could match a field alone but not the same text inside a
    # longer one, so every field is then searched on its own. The shipped
    # patterns' lookarounds only test Latin letters, which a newline is not.
    return all(
        pattern in PLACEHOLDER_PATTERNS or not any(mark in pattern for mark in _BOUNDARY_MARKS)
        for pattern in vocabulary.placeholder_patterns
    )


def may_hold_placeholders(texts: list[str], vocabulary: Vocabulary) -> bool:
    """False when none of ``texts`` holds a placeholder. One search over all of
    a declaration's text costs a fraction of one per field, and nearly every
    declaration has none."""
    if not _joinable(vocabulary):
        return True
    return bool(_placeholder_matches(vocabulary, "\n".join(texts)))


# Marks this close, joined by no punctuation or space, are one template
# fragment: "**月**日" and "xx年xx月" are one placeholder each, not two.
_JOIN_MAX = 2
_JOIN_BREAKS = frozenset(" \t\n\r\u3000，,、；;。:：（）()“”\"'/")


def placeholders(text: str, vocabulary: Vocabulary) -> list[tuple[int, str]]:
    """(offset, fragment) of each template placeholder left in ``text``
    ("xx", "××", "**", "待定", "**月**日")."""
    if not text:
        return []
    found: list[tuple[int, int]] = []
    for match in _placeholder_matches(vocabulary, text):
        start, end = match.span()
        if found:
            gap = text[found[-1][1] : start]
            if len(gap) <= _JOIN_MAX and not _JOIN_BREAKS.intersection(gap):
                found[-1] = (found[-1][0], end)
                continue
        found.append((start, end))
    return [(start, text[start:end]) for start, end in found]


_HTML_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|emsp|ensp|#\d+);")
_LATEX_RE = re.compile(r"\$[^$\n]*\\[a-zA-Z]+[^$\n]*\$|\\(?:geq|leq|ge|le|times|%)")


def may_hold_markup(text: str) -> bool:
    """False when ``text`` cannot hold HTML or LaTeX residue: every pattern
    needs one of these characters. Rules test a declaration's joined text
    once instead of every field."""
    return "<" in text or "&" in text or "\\" in text or "$" in text


def markup(text: str) -> list[tuple[str, str]]:
    """(kind, fragment) of HTML or LaTeX residue in ``text``."""
    if not text or not may_hold_markup(text):
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
    if line[start : start + len(value)] != value:
        if line[start + 1 : start + 1 + len(value)] == value:  # quoted scalar
            start += 1
        else:
            return span
    return Span(span.line, start + offset + 1, span.line, start + offset + length + 1)
