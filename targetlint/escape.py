"""Text from files, shown safely: every human-readable output passes values,
messages and file names through here.

A declaration, a rule file or a file name can hold anything: ESC sequences
that rewrite a terminal's clipboard or title (OSC 52, OSC 8 links), CR and
BEL that hide or overwrite lines, a newline that forges a CI annotation, or
bytes that are not UTF-8 (a zip made on Windows names files in GBK). So:

- :func:`text` writes C0 and C1 control characters (tab excepted), DEL, the
  bidirectional overrides and line separators as ``\\n``, ``\\r``, ``\\xNN``
  (below U+0080) or ``\\uNNNN``;
- :func:`path` does the same for a file name and writes each byte that is
  not UTF-8 as ``\\xNN`` (Python keeps such bytes as lone surrogates), and
  a backslash as ``\\\\``, so the name can be recovered exactly.

The result is always valid UTF-8 and one line.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, the bidirectional embeddings and
# isolates (a "Trojan Source" reordering), line and paragraph separators, and
# lone surrogates (undecodable bytes of a file name, or of standard input).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_UNSAFE_IN_PATHS = re.compile(_UNSAFE.pattern[:-1] + "\\\\\t]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escaped(match: re.Match[str]) -> str:
    ch = match.group()
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    # \xNN is a byte (a C0 control's, or one that is not UTF-8); \uNNNN a character.
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def text(value: str) -> str:
    """``value`` with every control character written as an escape."""
    if value.isprintable():
        return value
    return _UNSAFE.sub(_escaped, value)


# What a kept rendering may hold besides printable text: line breaks, tabs
# and the colour codes the text reporter writes (SGR sequences).
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def is_rendering(value: str) -> bool:
    """Whether ``value`` could be our own text output: no control character
    but line breaks, tabs and colour codes. A cache entry's kept rendering
    is printed only if so, so a forged one cannot reach the terminal."""
    return not _UNSAFE.search(_SGR.sub("", value).replace("\n", ""))


def path(value: str) -> str:
    """A file name, losslessly: control characters and bytes that are not
    UTF-8 escaped, and backslashes doubled."""
    if value.isprintable() and "\\" not in value:
        return value
    return _UNSAFE_IN_PATHS.sub(_escaped, value)
