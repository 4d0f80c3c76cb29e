"""Plain text for text that holds markup residue: the new values of TL302's fix.

Rules never parse strings; this is the one place that knows how HTML and
LaTeX residue spells characters, so a rule can offer "the same text without
the markup" as a fix. When anything is not understood (a LaTeX command with
no plain equivalent, an unbalanced ``$``) there is no plain text and no fix.
"""

from __future__ import annotations

import html
import re

from targetlint.vocabulary import LATEX_SYMBOLS

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);")
_MATH = re.compile(r"\$([^$\n]*)\$")
_COMMAND = re.compile(r"\\([A-Za-z]+|[%,;:! {}])[ \t]*")
# Spacing commands vanish; an escaped brace is a literal brace.
_LATEX_CHARACTERS = {**LATEX_SYMBOLS, ",": "", ";": "", ":": "", "!": "", " ": "", "{": "{", "}": "}"}
# Entities whose characters are spacing: written as an ordinary space.
_SPACES = {"\xa0", "\u2002", "\u2003", "\u2009"}


def _latex(text: str) -> str | None:
    unknown = False

    def command(match: re.Match[str]) -> str:
        nonlocal unknown
        out = _LATEX_CHARACTERS.get(match.group(1))
        if out is None:
            unknown = True
            return ""
        return out

    out = _COMMAND.sub(command, text)
    return None if unknown else out


def without_markup(text: str) -> str | None:
    """``text`` with HTML tags removed, entities and LaTeX written as the
    characters they stand for; None when it holds none, or residue this
    module cannot read for certain."""
    if not isinstance(text, str):
        return None
    out = _TAG.sub("", text)
    out = _ENTITY.sub(lambda m: " " if html.unescape(m.group()) in _SPACES else html.unescape(m.group()), out)

    unknown = False

    def math(match: re.Match[str]) -> str:
        nonlocal unknown
        inner = _latex(match.group(1))
        if inner is None:
            unknown = True
            return match.group()
        # Spaces in math mode separate nothing: "$\geq 80\%$" is "≥80%".
        return re.sub(r"\s+", "", inner).replace("{", "").replace("}", "")

    if "$" in out:
        out = _MATH.sub(math, out)
        if unknown or "$" in out:
            return None
    if "\\" in out:
        latex = _latex(out)
        if latex is None:
            return None
        out = latex
    out = out.strip()
    if _TAG.search(out) or _ENTITY.search(out):
        return None  # "&lt;p&gt;" spelled a tag: removing it next would delete text
    return out if out != text else None
