"""Reading a file into text, and the problems found on the way.

A :class:`Problem` is a fact the loader observed (a syntax error, a key it
does not know, a value of the wrong type). It carries no judgment and no
message: the file and schema rules (TL001–TL005) turn problems into findings,
so their severity, wording and selection work like any other rule's.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from targetlint.span import FILE_START, Span


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str                 # see PROBLEM_KINDS
    span: Span
    detail: str = ""          # the key, the parser's message, the encoding …
    expected: str = ""        # for invalid-type: what the field takes
    document: int | None = None


PROBLEM_KINDS = {
    "yaml-syntax": "the YAML parser rejected the text",
    "duplicate-key": "a mapping key appears twice",
    "unsafe-tag": "a tag other than YAML's core ones (!!python/object …)",
    "too-complex": "alias expansion or nesting beyond the loader's budget",
    "unknown-key": "a key the declaration format does not define",
    "invalid-type": "a value of the wrong type for its field",
    "not-a-declaration": "a document that is not a mapping",
    "not-utf8": "the file was decoded from a legacy encoding",
    "undecodable": "the bytes are not text in any supported encoding",
    "binary": "the file holds binary data",
}


@dataclass(slots=True)
class SourceText:
    path: str
    text: str
    encoding: str
    problems: list[Problem] = field(default_factory=list)
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes the way real declaration files arrive: UTF-8, with or without
    a BOM, UTF-16 with a BOM, or GB18030 (GBK's superset) from Windows tools."""
    if data.startswith(codecs.BOM_UTF8):
        return SourceText(path, _normalise_newlines(data[3:].decode("utf-8", "replace")), "utf-8-sig")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return SourceText(path, _normalise_newlines(data[2:].decode(codec)), "utf-16")
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        return SourceText(path, "", "binary", [Problem("binary", FILE_START, "NUL byte")])
    try:
        return SourceText(path, _normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, utf8_error.start) + 1
        column = utf8_error.start - (data.rfind(b"\n", 0, utf8_error.start) + 1) + 1
        return SourceText(
            path, "", "undecodable",
            [Problem("undecodable", Span.point(line, column), f"byte 0x{data[utf8_error.start]:02x}")],
        )
    return SourceText(path, _normalise_newlines(text), "gb18030", [Problem("not-utf8", FILE_START, "GB18030")])


def _normalise_newlines(text: str) -> str:
    # The parser counts lines by \n; CRLF files would otherwise report right
    # lines but carry \r into values.
    return text.replace("\r\n", "\n") if "\r" in text else text


def read_source(path: str, display: str | None = None) -> SourceText:
    with open(path, "rb") as handle:
        data = handle.read()
    return decode(data, display or path)
