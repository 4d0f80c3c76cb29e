"""What a rule is, and what it reports.

A rule is a class with a stable ``code`` (TLnnn), a kebab-case ``name``, a
default ``severity``, a docstring in ruff's shape (What it does / Why it
matters / Example / How to fix; Chinese first, then a line ``---`` and the
English), optional ``Options`` (:mod:`targetlint.options`), and a ``check`` generator. Rules
receive the model and yield :class:`Finding`; they never parse strings, read
files or print.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from targetlint.i18n import Message
from targetlint.options import NoOptions, default_options, validate_options
from targetlint.span import Span
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary

if TYPE_CHECKING:
    from targetlint.loader import SourceFile
    from targetlint.model import Declaration, Indicator


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class FixSafety(StrEnum):
    SAFE = "safe"  # changes only the form; applied by --fix
    UNSAFE = "unsafe"  # a judgment the author should confirm; needs --unsafe-fixes


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the text at ``span`` with ``replacement``."""

    span: Span
    replacement: str
    safety: FixSafety = FixSafety.SAFE
    description_zh: str = ""
    description_en: str = ""
    # The characters at ``span`` are replaced as they are: a fix of the YAML
    # syntax itself (TL001's full-width colon), in a file that does not parse.
    # Otherwise ``span`` is a value's and ``replacement`` its new value.
    text: bool = False


# What to write instead, built by the rule from the finding itself
# (``写成百分比（≥N%），或改名为 培训人数 并写 ≥250人``): the concrete
# counterpart of the rule's general "How to fix", in both languages.
Suggestion = Message


# Line breaks in a message, with the spaces around them; at the end of a quoted
# value (a block scalar's final newline) they are dropped, elsewhere one space.
_TRAILING_BREAK = re.compile("\\s*[\\r\\n]\\s*(?=[”’'\")）]|$)")
_BREAK = re.compile("\\s*[\\r\\n]\\s*")


@dataclass(slots=True)
class Finding:
    span: Span
    message_zh: str
    message_en: str
    code: str = ""
    name: str = ""
    severity: Severity = Severity.WARNING
    path: str = ""
    declaration: str | None = None
    indicator_path: tuple[str, ...] = ()
    subject: str = ""  # the offending text, keys baselines so they survive moved lines
    fix: Fix | None = None
    origin: str = ""  # the plugin that provided the rule
    value: str | None = None  # the indicator's 指标值 as written, for reports that show it beside the finding
    suggestion: Message | None = None  # what to write instead, where the rule can say (see Suggestion)
    # A workbook checked in place: the worksheet and cell (D15) of the offending
    # value; the span's line is then the row and its column the column number.
    sheet: str | None = None
    cell: str | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def bilingual(self) -> Message:
        """The message in both languages (``message_zh`` and ``message_en``, the fields packs set)."""
        return Message(self.message_zh, self.message_en)

    def message(self, lang: str = "zh") -> str:
        """The message on one line: a multi-line value quoted in it (a goal
        written as a block) is folded, so every format keeps one line a finding."""
        text = self.bilingual.text(lang)
        if "\n" in text or "\r" in text:
            text = _BREAK.sub(" ", _TRAILING_BREAK.sub("", text))
        return text

    def sort_key(self) -> tuple:
        # A workbook's sheets each count rows from 1: a sheet's findings stay together.
        return (self.path, self.sheet or "", self.span.line, self.span.column, self.code)


def __getattr__(name: str) -> Any:
    # The pydantic base of options declared the older way; importing it
    # imports pydantic, so only a pack that uses it pays for that.
    if name == "RuleOptions":
        from targetlint.pydantic_options import RuleOptions

        return RuleOptions
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Scope(StrEnum):
    DECLARATION = "declaration"  # check(declaration, file) once per declaration
    FILE = "file"  # check(file) once per file


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    scope: ClassVar[Scope] = Scope.DECLARATION
    fixable: ClassVar[FixSafety | None] = None
    Options: ClassVar[type] = NoOptions
    origin: ClassVar[str] = ""  # set by the registry: the plugin that provided it

    def __init__(self, options: dict[str, Any] | None = None, vocabulary: Vocabulary = DEFAULT_VOCABULARY):
        self.options: Any = validate_options(self.Options, options) if options else default_options(self.Options)
        self.vocabulary = vocabulary

    def check(self, target: Declaration | SourceFile, source: SourceFile) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def cache_key(cls) -> str:
        """What else decides this rule's findings besides its code, options,
        docstring and its pack's source files (a data file it reads, the spec
        it was compiled from): part of the result cache's key."""
        return ""

    def report(
        self,
        span: Span,
        zh: str,
        en: str,
        *,
        indicator: Indicator | None = None,
        subject: str | None = None,
        severity: Severity | None = None,
        fix: Fix | None = None,
        suggestion: Suggestion | None = None,
    ) -> Finding:
        """A finding of this rule at ``span``; the engine adds the file and declaration.
        A finding on one area's value (a view from ``Indicator.judged``) names the area."""
        if indicator is not None and indicator.area is not None:
            zh = f"{zh}（区域：{indicator.area}）"
            en = f"{en} (area: {indicator.area})"
        return Finding(
            span=span,
            message_zh=zh,
            message_en=en,
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            indicator_path=indicator.path if indicator is not None else (),
            subject=subject if subject is not None else ((indicator.value or "") if indicator is not None else ""),
            fix=fix,
            value=indicator.value if indicator is not None and isinstance(indicator.value, str) else None,
            suggestion=suggestion,
        )

    # -- documentation --------------------------------------------------
    @classmethod
    def doc(cls, lang: str = "zh") -> str:
        text = _dedent(cls.__doc__ or "")
        chinese, _, english = text.partition("\n---\n")
        return Message(chinese, english or chinese).text(lang).strip()

    @classmethod
    def summary(cls, lang: str = "zh") -> str:
        return cls.doc(lang).splitlines()[0] if cls.doc(lang) else cls.name

    @classmethod
    def how_to_fix(cls, lang: str = "zh") -> str:
        """The docstring's "How to fix" paragraph without its heading ("" if
        there is none): what a report shows beside a finding that carries no
        fix of its own."""
        for paragraph in cls.doc(lang).split("\n\n"):
            for heading in _HOW_TO_FIX:
                if paragraph.startswith(heading):
                    return paragraph[len(heading) :].lstrip(":：").strip()
        return ""


_HOW_TO_FIX = ("**修复方法**", "**How to fix**")


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)
