"""Reading a file into text, and the problems found on the way.

A :class:`Problem` is a fact the loader observed (a syntax error, a key it
does not know, a value of the wrong type). It carries no judgment and no
message: the file and schema rules (TL001–TL005) turn problems into findings,
so their severity, wording and selection work like any other rule's.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from enum import Enum, StrEnum

from targetlint.os_errors import TooLargeError
from targetlint.span import FILE_START, Span


class ProblemKind(StrEnum):
    """What the loader observed: the contract between the loader and the
    file and schema rules (TL001–TL005), which decide what each means."""

    YAML_SYNTAX = "yaml-syntax"  # the YAML parser rejected the text
    FULLWIDTH_COLON = "fullwidth-colon"  # a key followed by a full-width colon (：) where YAML needs ': '
    TAB_INDENT = "tab-indent"  # a tab in the indentation, which YAML does not allow
    DUPLICATE_KEY = "duplicate-key"  # a mapping key appears twice
    UNSAFE_TAG = "unsafe-tag"  # a tag other than YAML's core ones (!!python/object …)
    TOO_COMPLEX = "too-complex"  # alias expansion or nesting beyond the loader's budget
    TOO_LARGE = "too-large"  # the file is larger than the size limit and was not parsed
    UNKNOWN_KEY = "unknown-key"  # a key the declaration format does not define
    INVALID_TYPE = "invalid-type"  # a value of the wrong type for its field
    NOT_A_DECLARATION = "not-a-declaration"  # a document that is not a mapping
    NOT_UTF8 = "not-utf8"  # the file was decoded from a legacy encoding
    UNDECODABLE = "undecodable"  # the bytes are not text in any supported encoding
    BINARY = "binary"  # the file holds binary data
    # A workbook checked in place (.xlsx): it cannot be read (detail: a WorkbookTrouble) …
    WORKBOOK = "workbook"
    # … or the importer could not place a row or cell of it in the format (detail: what and where).
    IMPORT = "import"


class BinaryFormat(StrEnum):
    """What binary data a file holds (a BINARY problem's detail): workbooks get their own message."""

    DATA = "NUL byte"
    WORKBOOK = "xlsx"  # an Office Open XML workbook (a zip with xl/ inside)
    OLD_WORKBOOK = "xls"  # the pre-2007 binary Excel format (an OLE2 compound file)


class WorkbookTrouble(StrEnum):
    """Why a workbook given to check could not be read (a WORKBOOK problem's detail)."""

    CORRUPT = "corrupt"  # not a zip, a broken zip, or no workbook inside
    ENCRYPTED = "encrypted"  # password-protected: an OLE2 file holding an EncryptedPackage
    UNPACKED_TOO_LARGE = "unpacked-too-large"  # unpacks past the limit: a zip bomb, or far too big
    UNREADABLE = "unreadable"  # a zip with xl/ inside that the reader still rejects


ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def binary_format(data: bytes) -> BinaryFormat | None:
    """The spreadsheet a file's bytes are, if any; NUL bytes mark other binary data."""
    if data.startswith(ZIP_MAGIC) and b"xl/" in data[:65536]:
        return BinaryFormat.WORKBOOK
    if data.startswith(OLE_MAGIC):
        return BinaryFormat.OLD_WORKBOOK
    return BinaryFormat.DATA if b"\x00" in data[:8192] else None


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ProblemKind
    span: Span
    detail: str = ""  # the key, the parser's message, the encoding …
    expected: str = ""  # for invalid-type: what the field takes; for duplicate-key: the first spelling of the field
    document: int | None = None
    # For invalid-type: the value as the field takes it, when the text says
    # it ("2024年" → "2024"), and whether that is the same value written
    # otherwise (exact) or a reading to confirm ("150万元" → "1500000").
    suggestion: str = ""  # for an IMPORT problem: the detail in Chinese
    exact: bool = True


# Files larger than this are reported (TL001) instead of parsed. The whole
# check path runs at about 1.3 MB of YAML per CPU second and 50 MB of memory
# per MB, so this keeps any single file well within 2 s and 500 MB, hostile
# or not. Real files are far smaller: a whole bureau's yearly batch (the
# Shanghai HRSS 2023 seed) is 58 KB. Pass ``max_size`` to change it.
MAX_FILE_SIZE = 1024 * 1024


class DecodeStatus(Enum):
    """Whether a file's bytes became text the loader parses. Which encoding
    they were in is the :class:`Codec`, kept apart."""

    OK = "ok"  # text (a few undecodable bytes may have become U+FFFD: see the problems)
    UNDECODABLE = "undecodable"  # mostly not text in any supported encoding: not parsed
    BINARY = "binary"  # binary data (a NUL byte, a workbook): not parsed
    TOO_LARGE = "too-large"  # over the size limit: not read to the end, not parsed

    @property
    def parsed(self) -> bool:
        return self is DecodeStatus.OK


@dataclass(frozen=True, slots=True)
class Codec:
    """How a file's text is spelled in bytes: a Python codec and the byte-order
    mark before it. ``label`` names an encoding other than UTF-8 for TL005."""

    name: str
    bom: bytes = b""
    label: str = ""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.name)


UTF8 = Codec("utf-8")
UTF8_BOM = Codec("utf-8", codecs.BOM_UTF8)
GB18030 = Codec("gb18030", label="GB18030")
# UTF-32LE's BOM begins with UTF-16LE's, so it is tried first.
_BOM_CODECS = (
    UTF8_BOM,
    Codec("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32LE"),
    Codec("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32BE"),
    Codec("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16LE"),
    Codec("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16BE"),
)


@dataclass(slots=True)
class SourceText:
    path: str
    text: str
    codec: Codec | None = UTF8  # None when no text was read (binary, too large)
    problems: list[Problem] = field(default_factory=list)
    status: DecodeStatus = DecodeStatus.OK
    _lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines


@dataclass(frozen=True, slots=True)
class Decoded:
    """Bytes as text, newlines as in the file: what :func:`decode` reads and
    :func:`decode_exact` gives the fixer, from one reading of the bytes."""

    text: str
    codec: Codec | None
    status: DecodeStatus = DecodeStatus.OK
    problems: tuple[Problem, ...] = ()

    @property
    def replaced(self) -> bool:
        """Whether undecodable bytes became U+FFFD (the text no longer spells the bytes)."""
        return any(p.kind is ProblemKind.UNDECODABLE for p in self.problems)


def decode_text(data: bytes) -> Decoded:
    """The one bytes → text reading, the way real declaration files arrive:
    UTF-8, with or without a BOM, UTF-16 or UTF-32 with a BOM, or GB18030
    (GBK's superset) from Windows tools. Never raises: what cannot be decoded
    is a problem at its position, and the rest is still read (undecodable
    bytes become U+FFFD)."""
    for codec in _BOM_CODECS:
        if data.startswith(codec.bom):
            return _decoded(data, codec)
    binary = binary_format(data)
    if binary is not None:
        return Decoded("", None, DecodeStatus.BINARY, (Problem(ProblemKind.BINARY, FILE_START, str(binary)),))
    try:
        return Decoded(data.decode("utf-8"), UTF8)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode(GB18030.name)
    except UnicodeDecodeError:
        return _decoded(data, UTF8)
    return Decoded(text, GB18030, problems=(Problem(ProblemKind.NOT_UTF8, FILE_START, GB18030.label),))


def decode(data: bytes, path: str, *, max_size: int | None = MAX_FILE_SIZE) -> SourceText:
    """The file's text as the loader parses it (line breaks as \\n; see
    :func:`decode_text`), or a too-large source over ``max_size``."""
    if max_size is not None and len(data) > max_size:
        return too_large(path, len(data), max_size)
    decoded = decode_text(data)
    return SourceText(path, _normalise_newlines(decoded.text), decoded.codec, list(decoded.problems), decoded.status)


def decode_exact(data: bytes) -> tuple[str, Codec] | None:
    """The file's text without newline normalisation, and the codec that
    encodes it back; None when that would not reproduce ``data`` byte for
    byte (binary data, replaced bytes, a GB18030 spelling that does not
    round-trip). ``--fix`` rewrites only such files."""
    decoded = decode_text(data)
    if decoded.codec is None or not decoded.status.parsed or decoded.replaced:
        return None
    if decoded.codec.encode(decoded.text) != data:
        return None
    return decoded.text, decoded.codec


def _decoded(data: bytes, codec: Codec) -> Decoded:
    problems = [Problem(ProblemKind.NOT_UTF8, FILE_START, codec.label)] if codec.label else []
    body = data[len(codec.bom) :]
    status = DecodeStatus.OK
    try:
        text = body.decode(codec.name)
    except UnicodeDecodeError as error:
        # Report the first bad byte where an editor shows it (columns in code
        # points), then read the rest with replacement characters.
        before = _normalise_newlines(body[: error.start].decode(codec.name, "replace"))
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        bad = error.object[error.start : error.end].hex()
        text = body.decode(codec.name, "replace")
        count = text.count("\ufffd", len(before))
        problems.append(
            Problem(
                ProblemKind.UNDECODABLE,
                Span.point(line, column),
                f"byte 0x{bad}" + (f" and {count - 1} more" if count > 1 else ""),
            )
        )
        if count > max(16, len(text) // 10):
            # Mostly not text: parsing it would only bury this finding. The
            # text is kept so the finding's position and excerpt still hold.
            status = DecodeStatus.UNDECODABLE
    return Decoded(text, codec, status, tuple(problems))


_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def _normalise_newlines(text: str) -> str:
    # The YAML reader breaks lines at CR, CRLF, NEL, LS and PS as well as LF;
    # counting the same breaks as \n keeps every reported line the line an
    # editor shows, and keeps \r out of values.
    if "\r" in text or (not text.isascii() and _LINE_BREAKS.search(text)):
        return _LINE_BREAKS.sub("\n", text)
    return text


def too_large(path: str, size: int, max_size: int) -> SourceText:
    problem = Problem(ProblemKind.TOO_LARGE, FILE_START, f"{size} bytes > {max_size}")
    return SourceText(path, "", None, [problem], DecodeStatus.TOO_LARGE)


def read_limited(path: str, max_size: int | None = MAX_FILE_SIZE) -> tuple[bytes | None, int]:
    """``(bytes, size)`` of ``path``, or ``(None, size)`` when it is larger than
    ``max_size``; raises OSError if it cannot be read.

    Reads at most ``max_size + 1`` bytes, so neither a huge generated file nor
    a device or pipe named ``*.yaml`` is read in full."""
    with open(path, "rb") as handle:
        if max_size is None:
            data = handle.read()
            return data, len(data)
        size = os.fstat(handle.fileno()).st_size
        if size > max_size:
            return None, size
        data = handle.read(max_size + 1)
    return (None, len(data)) if len(data) > max_size else (data, len(data))


# Configuration, profiles, rule files and baselines are pages of settings,
# not data: anything larger is a mistake or an attack (``rule-files:
# [/dev/zero]``), and is refused without being read to the end.
MAX_SETTINGS_SIZE = 1024 * 1024


def read_settings(path: str, max_size: int = MAX_SETTINGS_SIZE) -> bytes:
    """The bytes of a settings file; OSError if it cannot be read or is
    larger than ``max_size`` (its ``strerror`` says so)."""
    data, _ = read_limited(path, max_size)
    if data is None:
        raise TooLargeError(path, max_size)
    return data


def read_source(path: str, display: str | None = None, *, max_size: int | None = MAX_FILE_SIZE) -> SourceText:
    """Read and decode ``path``; raises OSError if it cannot be read."""
    name = display or path
    data, size = read_limited(path, max_size)
    if data is None:
        assert max_size is not None  # read_limited() holds back the bytes only over a limit
        return too_large(name, size, max_size)
    return decode(data, name, max_size=None)
