"""Located loading: YAML text → nodes with marks → declarations with spans.

The check path composes nodes with ruamel.yaml's C parser (about ten times
faster than its round-trip loader) and builds the model from the nodes
itself, so every value keeps its line and column and no Python object is
constructed from a tag we do not know.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import accumulate, islice
from operator import sub
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

from targetlint import deadline, form_fields
from targetlint.goal import analyse_goal
from targetlint.model import (
    DECLARATION_KEYS,
    FUNDS_KEYS,
    INDICATOR_KEYS,
    INDICATORS_KEYS,
    PERIOD_INDICATORS_KEYS,
    TOP_LEVEL_KEYS,
    Declaration,
    Funds,
    Indicator,
    Level1,
    Level2,
    written_types,
)
from targetlint.names import level1_kind, level2_kind, name_facts
from targetlint.source import Problem, ProblemKind, SourceText
from targetlint.span import FILE_START, Span
from targetlint.suggest import closest
from targetlint.values import IndicatorValue, ValueKind, parse_value
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MAP, SEQ, MERGE = _TAG + "timestamp", _TAG + "map", _TAG + "seq", _TAG + "merge"
_CORE_TAGS = {
    STR,
    INT,
    FLOAT,
    BOOL,
    NULL,
    TIMESTAMP,
    MAP,
    SEQ,
    _TAG + "binary",
    _TAG + "merge",
    _TAG + "omap",
    _TAG + "set",
}

# Alias expansion is bounded so a "billion laughs" document costs no more
# than a large honest one: the builder visits at most this many nodes per
# file, or one per four characters of text if that is more.
NODE_BUDGET = 200_000

# The C composer recurses in C without a depth check: around 10^5 nested
# collections overflow the C stack and kill the process, which no except
# clause can catch. Text that may nest deeper than about twice this is
# refused before it reaches the composer (see _Depth).
MAX_NESTING = 500

# A file with more problems than this is garbage or generated wrong; the
# first ones say what to fix, and reporting every one would cost more time
# and memory than any file is allowed.
MAX_PROBLEMS = 10_000

# Each resume after a syntax error composes a copy of the rest of the text;
# past this many errors the rest of the file is reported, not read.
MAX_RESUMES = 1000

# Where a new document can start after a broken one: a `---` line, or the
# line after a `...` end marker.
_BOUNDARY = re.compile(r"^(?:---|\.\.\.)(?=[ \t\n]|$)", re.M)
# A block collection nests one level per indentation step or per compact
# indicator (`- - x`, `? - x`) on a line, so nesting deeper than twice
# MAX_NESTING needs a line starting with MAX_NESTING // 2 such units.
_DEEP_BLOCK = re.compile(rf"\n(?:[ \t]|[-?:][ \t]){{{MAX_NESTING // 2}}}")
_BRACKET = re.compile(r"[\[\]{}]")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}
# Characters the YAML reader refuses (C0/C1 controls other than tab and
# line breaks, non-characters, lone surrogates); one of them anywhere makes
# libyaml reject the whole stream before the first document. Kept as text and
# compiled by re on first use (its cache): a class over thousands of code
# points costs milliseconds to compile, and only a file the reader refused
# needs it. _HAN likewise, for a document under no known key.
_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
MAX_CHARACTER_PROBLEMS = 100
# 10^18 元 is beyond any budget, and leaves rules' Decimal arithmetic (28
# significant digits by default: sums, quantize to fen) room to never raise.
_LARGEST_DIGITS = 18
# Not the text: pydantic would read "1e309" back into a Decimal. No field
# type accepts a bare object, so validation reports the field.
_ABSURD = object()
_LARGEST = 10**_LARGEST_DIGITS
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
# Problem detail of a document that is other YAML, not a declaration: a file
# of nothing else is skipped, not reported.
FOREIGN = "foreign"
_HAN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"


@dataclass(slots=True)
class SourceFile:
    """A loaded file: its text, declarations and what the loader observed."""

    source: SourceText
    declarations: list[Declaration] = field(default_factory=list)
    # No document is a declaration and every one is a mapping of other keys
    # (a CI workflow, .pre-commit-config.yaml): not ours to judge.
    foreign: bool = False

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def problems(self) -> list[Problem]:
        return self.source.problems


_yaml = None


def composer():
    global _yaml
    if _yaml is None:
        from ruamel.yaml import YAML
        from ruamel.yaml.nodes import ScalarNode
        from ruamel.yaml.resolver import VersionedResolver
        from ruamel.yaml.tag import Tag

        class Resolver(VersionedResolver):
            """VersionedResolver's answers, at a fraction of its cost.

            The C parser never tells the resolver a %YAML version, so every
            scalar paid for a failed attribute lookup (an exception) to find
            the same YAML 1.2 rules, then built a new Tag; together that was
            half of compose time. Here the rules are looked up once per first
            character and each tag is one shared Tag object, which also
            caches its string form for ``node.tag``.
            """

            # Shared by every file: a resolver is made per compose_all call,
            # and the rules never differ (no version reaches it).
            _candidates: dict = {}
            _tags: dict = {}

            def resolve(self, kind, value, implicit):
                if kind is ScalarNode and implicit[0] and not self.yaml_path_resolvers:
                    first = value[:1]
                    candidates = self._candidates.get(first)
                    if candidates is None:
                        rules = self.versioned_resolver
                        candidates = self._candidates[first] = tuple(rules.get(first, [])) + tuple(rules.get(None, []))
                    for tag, regexp in candidates:
                        if regexp.match(value):
                            cached = self._tags.get(tag)
                            if cached is None:
                                cached = self._tags[tag] = Tag(suffix=tag)
                            return cached
                    return self.DEFAULT_SCALAR_TAG
                return VersionedResolver.resolve(self, kind, value, implicit)

        _yaml = YAML(typ="safe", pure=False)
        _yaml.Resolver = Resolver
    return _yaml


# Span's generated __new__ is a Python function; building the tuple directly
# costs a third as much, and the loader makes dozens of spans per declaration.
_new_tuple = tuple.__new__


def span_of(node, offset: int = 0) -> Span:
    # ``offset``: lines cut off before the text this node was composed from
    # (loading resumes after a syntax error on a slice of the file).
    start, end = node.start_mark, node.end_mark
    return _new_tuple(Span, (start.line + offset + 1, start.column + 1, end.line + offset + 1, end.column + 1))


def _last_line(node, offset: int = 0) -> int:
    # A block collection ends at the start of the line after its last value.
    end = node.end_mark
    return offset + (end.line if end.column == 0 and end.line > node.start_mark.line else end.line + 1)


def load(source: SourceText, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> SourceFile:
    loaded = SourceFile(source)
    if not source.text.strip() or not source.status.parsed:
        return loaded
    budget = max(NODE_BUDGET, len(source.text) // 4)
    end = _end_of(source.text)
    for index, (node, offset) in enumerate(_documents(source)):
        if node is None or (node.id == "scalar" and node.tag == NULL and not node.value):
            # An empty document (a trailing `---`, comments only) holds nothing.
            continue
        builder = _Builder(source, vocabulary, index, offset, budget, end)
        declaration = builder.declaration(node)
        if declaration is not None:
            loaded.declarations.append(declaration)
        budget = builder.budget
        if budget <= 0:
            # Reported where it ran out; building more documents would only
            # report their fields missing.
            break
    if (
        not loaded.declarations
        and source.problems
        and all(p.kind == ProblemKind.NOT_A_DECLARATION and p.detail == FOREIGN for p in source.problems)
    ):
        source.problems.clear()
        loaded.foreign = True
    return loaded


def _documents(source: SourceText):
    """Yield (root node, line offset) per document.

    A syntax error is recorded and loading resumes at the next document
    boundary (a ``---`` line, or the line after ``...``), so one broken
    document does not hide the others. A document that may nest too deep for
    the composer is reported and skipped the same way. Characters YAML
    forbids are reported where they are and read as U+FFFD, so they cost one
    finding each, not the file.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    text = source.text
    depth = _Depth(text)
    eof = _end_of(text)

    def point(line: int, column: int) -> Span:
        # The parser can stop one line past a file without a final newline.
        return Span.point(line, column) if (line, column) <= eof else Span.point(*eof)

    start, offset, resumes, skip, sanitised = 0, 0, 0, 0, False
    while True:
        deep = depth.first(start)
        end = len(text) if deep is None else _document_start(text, start, deep)
        segment = text if start == 0 and end == len(text) else text[start:end]
        composed = 0
        try:
            for node in composer().compose_all(segment):
                composed += 1
                if composed > skip:
                    yield node, offset
            stop = None
        except MarkedYAMLError as error:
            at, message = yaml_error(error, offset)
            stopped = _error_marks(error)[1]
            slips = _typing_slips(text, start, offset, error)
            if slips:
                source.problems.extend(slips)
            else:
                line, column = (at.line, at.column) if at is not None else (0, 0)
                source.problems.append(Problem(ProblemKind.YAML_SYNTAX, point(line + offset + 1, column + 1), message))
            if stopped is None:
                return
            stop = (start + stopped.index - stopped.column, stopped.column)
        except (ReaderError, UnicodeEncodeError) as error:
            if sanitised:  # not a character we know to replace: report it and stop
                source.problems.append(
                    Problem(ProblemKind.YAML_SYNTAX, point(offset + 1, 1), f"{type(error).__name__}: {error}")
                )
                return
            text = _sanitise(source, text)
            depth = _Depth(text)
            sanitised, skip = True, composed
            continue
        except (YAMLError, RecursionError, MemoryError) as error:
            kind = ProblemKind.YAML_SYNTAX if isinstance(error, YAMLError) else ProblemKind.TOO_COMPLEX
            source.problems.append(
                Problem(
                    kind,
                    point(offset + 1, 1),
                    type(error).__name__ + (f": {error}" if isinstance(error, YAMLError) else ""),
                )
            )
            return
        skip = 0
        if stop is None:
            if deep is None:
                return
            line_start = text.rfind("\n", 0, deep) + 1
            line = offset + text.count("\n", start, line_start)
            source.problems.append(
                Problem(
                    ProblemKind.TOO_COMPLEX,
                    point(line + 1, deep - line_start + 1),
                    f"nesting deeper than {MAX_NESTING} levels",
                )
            )
            stop = (line_start, deep - line_start)
        resumes += 1
        resume = _resume(text, start, *stop)
        if resume is None:
            return
        if resumes >= MAX_RESUMES:
            line = offset + text.count("\n", start, resume) + 1
            source.problems.append(
                Problem(
                    ProblemKind.TOO_COMPLEX,
                    point(line, 1),
                    f"more than {MAX_RESUMES} syntax errors; the file is not read past this line",
                )
            )
            return
        offset += text.count("\n", start, resume)
        start = resume


# Errors about a construct left open (a quote, a flow collection, a key
# without its colon) are found where the parser gave up, often lines later
# or at the next document; the place to fix is where it was opened.
_OPENED = ("while scanning a quoted scalar", "while scanning a simple key", "while parsing a flow")


def yaml_error(error, offset: int = 0) -> tuple[Any, str]:
    """(mark to report at, message) for a YAML error: the parser's context and
    problem without ruamel's 'in "<byte string>", line …' lines, which name
    no file and repeat the location the caller reports anyway. ``offset``:
    lines cut off before the text that was parsed."""
    from ruamel.yaml.error import MarkedYAMLError

    if not isinstance(error, MarkedYAMLError):
        return None, str(error)
    at, stopped = _error_marks(error)
    message = " ".join(str(p) for p in (error.context, error.problem) if p) or type(error).__name__
    if stopped is not at and stopped is not None:
        message += f" (line {stopped.line + offset + 1}, column {stopped.column + 1})"
    return at, message


# A key followed by a full-width colon, the likeliest slip of a Chinese
# typist: `项目名称：…`, `- 三级指标：…`. Nothing before it may be a colon,
# so a full-width colon inside a value (`年度总体目标: 一是：…`) is not one.
_FULLWIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?[^\s#:：'\"\[\]{}|>&*!%@`-][^:：#\n]*：", re.M)


def _typing_slips(text: str, start: int, offset: int, error) -> list[Problem]:
    """Problems naming what a syntax error really is, when it is a slip people
    make: a tab in the indentation, or full-width colons after keys (only
    when writing ': ' for each makes the document parse). Empty otherwise.
    ``start``: where the parsed text begins; ``offset``: its first line's number - 1."""
    problem, stopped = error.problem_mark, _error_marks(error)[1]
    if stopped is None:
        return []
    at = start + stopped.index
    if problem is not None and text[start + problem.index : start + problem.index + 1] == "\t":
        tab = start + problem.index
        if not text[text.rfind("\n", 0, tab) + 1 : tab].strip(" \t"):
            return [Problem(ProblemKind.TAB_INDENT, Span.point(offset + problem.line + 1, problem.column + 1))]
    # Every such colon of the broken document, before the error or after it
    # (a slip hides the ones below it).
    begin = _document_start(text, start, at)
    end = _resume(text, start, text.rfind("\n", 0, at) + 1, stopped.column) or len(text)
    colons = [match.end() - 1 for match in _FULLWIDTH_KEY.finditer(text, begin, end)]
    if not colons:
        return []
    pieces, last = [], begin
    for colon in colons:
        pieces += [text[last:colon], ": "]
        last = colon + 1
    pieces.append(text[last:end])
    from ruamel.yaml.error import YAMLError

    try:
        for _ in composer().compose_all("".join(pieces)):
            pass
    except (YAMLError, RecursionError, MemoryError):  # still broken: the parser's own message says more
        return []
    slips = []
    first_line = offset + text.count("\n", start, begin) + 1
    for colon in colons:
        line = first_line + text.count("\n", begin, colon)
        column = colon - text.rfind("\n", 0, colon)
        slips.append(Problem(ProblemKind.FULLWIDTH_COLON, Span(line, column, line, column + 1)))
    return slips


def _error_marks(error):
    """(where to report, where the parser stopped) for a marked error."""
    problem, context = error.problem_mark, error.context_mark
    if problem is None:
        return context, context
    if context is not None and str(error.context or "").startswith(_OPENED) and problem.line > context.line:
        return context, problem
    return problem, problem


def _resume(text: str, start: int, line_start: int, column: int) -> int | None:
    """Where to resume after the parser stopped at ``column`` of the line at
    ``line_start``: the next document boundary, past ``start``."""
    for match in _BOUNDARY.finditer(text, line_start):
        if match.group() == "---":
            # Stopped *at* a marker: the document before it was the broken
            # one. Stopped inside the marker's line: that document is.
            if match.start() == line_start and column > 0:
                continue
            resume = match.start()
        else:
            newline = text.find("\n", match.start())
            resume = len(text) if newline < 0 else newline + 1
        if resume > start:
            return resume if resume < len(text) else None
    return None


def _document_start(text: str, start: int, position: int) -> int:
    """Index where the document holding ``position`` begins (not before ``start``)."""
    begin = start
    for match in _BOUNDARY.finditer(text, start, position):
        if match.group() == "---":
            begin = match.start()
        else:
            newline = text.find("\n", match.start())
            begin = len(text) if newline < 0 else newline + 1
    return min(begin, position)


def too_deep(text: str) -> int | None:
    """The offset in ``text`` from which its nesting may exceed
    MAX_NESTING (the bound declarations get), or None. Settings files
    are held to it before any parser sees them."""
    return _Depth(text).first(0)


class _Depth:
    """Positions where nesting may exceed what the composer survives.

    Cheap bounds, computed once per file: the longest run of indentation and
    block indicators at a line start, and the bracket depth of each document
    (brackets in quotes and comments count too, so the bound only errs on the
    side of caution). Honest files never come near either.
    """

    __slots__ = ("positions",)

    def __init__(self, text: str):
        positions = [m.end() - 1 for m in _DEEP_BLOCK.finditer(text)]
        if text.startswith((" ", "\t", "-", "?", ":")):
            first = _DEEP_BLOCK.match("\n" + text[: MAX_NESTING * 2])
            if first:
                positions.append(first.end() - 2)
        if text.count("[") + text.count("{") > MAX_NESTING:
            positions.extend(_deep_brackets(text))
        positions.sort()
        self.positions = positions

    def first(self, start: int) -> int | None:
        from bisect import bisect_left

        index = bisect_left(self.positions, start)
        return self.positions[index] if index < len(self.positions) else None


def _deep_brackets(text: str):
    """The first bracket of each document that opens level MAX_NESTING + 1."""
    bounds = [m.start() for m in _BOUNDARY.finditer(text)] + [len(text)]
    begin = 0
    for end in bounds:
        # Most documents have too few brackets to matter; count them in C.
        if text.count("[", begin, end) + text.count("{", begin, end) > MAX_NESTING:
            # The depth after each bracket, never below zero (a stray closer
            # in a plain scalar must not hide a deep nest after it), computed
            # with C-level iterators: a Python loop took seconds on 2 MB.
            sums = list(accumulate(map(_DELTA.__getitem__, _NOT_BRACKET.sub("", text[begin:end]))))
            depths = sums if min(sums) >= 0 else list(map(sub, sums, islice(accumulate(sums, min, initial=0), 1, None)))
            if max(depths) > MAX_NESTING:
                # Depth moves by one, so the first excess is exactly one over.
                index = depths.index(MAX_NESTING + 1)
                yield next(islice(_BRACKET.finditer(text, begin, end), index, None)).start()
        begin = end


def _sanitise(source: SourceText, text: str) -> str:
    """Report each character YAML forbids and replace it, keeping every
    position, so the rest of the file is still read."""
    found = 0
    for match in re.finditer(_FORBIDDEN, text):
        found += 1
        if found <= MAX_CHARACTER_PROBLEMS:
            line = text.count("\n", 0, match.start())
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1)
            source.problems.append(
                Problem(
                    ProblemKind.YAML_SYNTAX,
                    Span.point(line + 1, column + 1),
                    f"character U+{ord(match.group()):04X} is not allowed in YAML",
                )
            )
    if found > MAX_CHARACTER_PROBLEMS:
        source.problems.append(
            Problem(
                ProblemKind.YAML_SYNTAX,
                FILE_START,
                f"{found - MAX_CHARACTER_PROBLEMS} more characters not allowed in YAML",
            )
        )
    return re.sub(_FORBIDDEN, "\ufffd", text)


class _Builder:
    """Turns one document's nodes into a :class:`Declaration`."""

    def __init__(
        self,
        source: SourceText,
        vocabulary: Vocabulary,
        index: int,
        offset: int = 0,
        budget: int = NODE_BUDGET,
        end: tuple[int, int] | None = None,
    ):
        self.source = source
        # (last line, column after its last character): where the file ends.
        self.end = end or _end_of(source.text)
        self.offset = offset
        self.vocabulary = vocabulary
        self.index = index
        self.budget = budget
        self.reported: set[Problem] = set()
        self.built: set[int] = set()

    def at(self, node) -> Span:
        span = span_of(node, self.offset)
        if span.end_line > self.end[0]:
            span = _clamp(span, self.end)
        return span

    def last(self, node) -> int:
        return _last_line(node, self.offset)

    def problem(
        self,
        kind: ProblemKind,
        span: Span,
        detail: str = "",
        expected: str = "",
        correction: tuple[str, bool] | None = None,
    ) -> None:
        if len(self.source.problems) >= MAX_PROBLEMS:
            if self.budget > 0:
                self.source.problems.append(
                    Problem(
                        ProblemKind.TOO_COMPLEX,
                        span,
                        f"more than {MAX_PROBLEMS} problems; the file is not checked past this point",
                        document=self.index,
                    )
                )
                self.budget = 0
            return
        problem = Problem(kind, span, detail, expected, self.index, *(correction or ()))
        # An alias repeats its anchor's nodes; their problems are reported once.
        if problem not in self.reported:
            self.reported.add(problem)
            self.source.problems.append(problem)

    # -- nodes ---------------------------------------------------------
    def _spend(self, node) -> bool:
        self.budget -= 1
        if self.budget == 0:
            self.problem(
                ProblemKind.TOO_COMPLEX,
                self.at(node),
                "more nodes (counting every alias expansion) than the file's budget; the rest of the file is not "
                "checked",
            )
        return self.budget > 0

    def _tag_ok(self, node, tag: str) -> bool:
        # ``tag`` is passed in: ruamel builds node.tag's string on every read.
        if tag in _CORE_TAGS or not tag.startswith(("tag:", "!")):
            return True
        self.problem(ProblemKind.UNSAFE_TAG, self.at(node), tag.replace(_TAG, "!!"))
        return False

    def entries(self, node):
        """(key text, key node, value node) of a mapping, reporting duplicates."""
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not self._spend(value_node):
                return
            if key_node.tag == MERGE:
                continue
            if type(key_node.value) is not str:
                self.problem(ProblemKind.INVALID_TYPE, self.at(key_node), "key", "text")
                continue
            key = key_node.value
            if key in seen:
                self.problem(ProblemKind.DUPLICATE_KEY, self.at(key_node), key)
                continue
            seen[key] = key_node
            yield key, key_node, value_node

    def _field(
        self, key: str, key_node, value_node, keys: dict[str, str], where: str, spans: dict, written: dict[str, str]
    ) -> str | None:
        """The field ``key`` names, with its spans recorded; None, reported, for
        an unknown key or a field already written under its other name
        (申报年度 and year: the first one is kept)."""
        field_name = keys.get(key)
        if field_name is None:
            self.problem(ProblemKind.UNKNOWN_KEY, self.at(key_node), key, where)
            return None
        first = written.setdefault(field_name, key)
        if first != key:
            self.problem(ProblemKind.DUPLICATE_KEY, self.at(key_node), key, first)
            return None
        spans[field_name] = self.at(value_node)
        # Only a key opening a multi-line value needs its own span (a
        # suppression on the key line covers the value's lines); most values
        # sit on their key's line, and spans are much of building the model.
        if value_node.end_mark.line > key_node.start_mark.line:
            spans[field_name + ".key"] = self.at(key_node)
        return field_name

    def text(self, node, field: str, expected: str = "text") -> str | None:
        """A text field: any scalar as written; collections are invalid."""
        tag = node.tag
        if not self._tag_ok(node, tag):
            return None
        if node.id != "scalar":
            self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, expected)
            return None
        if tag == NULL and not node.style:
            return None
        return node.value

    def typed(self, node, field: str) -> Any:
        """A scalar constructed by its resolved tag, for typed fields."""
        tag = node.tag
        if not self._tag_ok(node, tag):
            return None
        if node.id != "scalar":
            return {} if node.id == "mapping" else []
        value = node.value
        if tag == NULL:
            return None
        # Numbers no declaration can mean (1e309, .inf, .nan, 20 digits) are
        # reported as the wrong type instead of reaching rules' arithmetic.
        if tag == INT:
            digits = value.replace("_", "")
            for base in (10, 0):
                try:
                    number = int(digits, base)
                except ValueError:
                    continue
                return number if -_LARGEST < number < _LARGEST else _ABSURD
            return _ABSURD
        if tag == FLOAT:
            try:
                decimal = Decimal(value.replace("_", ""))
            except InvalidOperation:
                return _ABSURD
            return decimal if decimal.is_finite() and decimal.adjusted() < _LARGEST_DIGITS else _ABSURD
        if tag == TIMESTAMP:
            match = _DATE.match(value)
            if match:
                try:
                    return dt.date(*(int(g) for g in match.groups()))
                except ValueError:
                    return value
        if tag == BOOL:
            return value
        return value

    # -- records -------------------------------------------------------
    def validate(self, model, data: dict, spans: dict, keys: dict):
        """The record of ``data``; a field of the wrong type is reported and dropped.

        Nearly every value reaches here already of its field's type (``text``
        and ``typed`` made it so); those records are built as they are, and
        pydantic is imported only for a file with another value.
        """
        types = _FIELD_TYPES[model]
        fields = {}
        for key, value in data.items():
            name = keys[key]
            wanted = types[name]
            if type(value) is not wanted:
                if not (wanted is Decimal and type(value) is int):
                    fields = self.coerce(model, data, spans, keys)
                    break
                value = Decimal(value)
            fields[name] = value
        record = model(**fields)
        record.spans = spans
        return record

    def coerce(self, model, data: dict, spans: dict, keys: dict) -> dict[str, Any]:
        """pydantic's reading of ``data`` ('2024' as a year, '50.5' as an
        amount), field by field in the form's order; a value it refuses is
        reported at the value and left out."""
        from pydantic import ValidationError

        from targetlint.model_schema import field_adapter

        given = {keys[key]: (key, value) for key, value in data.items()}
        fields = {}
        for name in _FIELD_TYPES[model]:
            if name not in given:
                continue
            key, value = given[name]
            try:
                fields[name] = field_adapter(model, name).validate_python(value)
            except ValidationError as error:
                expected = _expected(model, name)
                for _ in error.errors():
                    self.problem(
                        ProblemKind.INVALID_TYPE,
                        spans.get(name, spans.get("key", FILE_START)),
                        key,
                        expected,
                        _correction(expected, value),
                    )
        return fields

    def declaration(self, root) -> Declaration | None:
        if root.id == "sequence" and not _looks_like_declarations(root):
            # Other YAML in a mixed repository (an Ansible playbook,
            # .pre-commit-hooks.yaml): not ours to judge.
            self.problem(ProblemKind.NOT_A_DECLARATION, self.at(root), FOREIGN)
            return None
        if root.id != "mapping":
            self.problem(ProblemKind.NOT_A_DECLARATION, self.at(root), root.id)
            return None
        if not _looks_like_declaration(root):
            self.problem(ProblemKind.NOT_A_DECLARATION, self.at(root), FOREIGN)
            return None
        data: dict[str, Any] = {}
        spans: dict[str, Span] = {"key": self.at(root)}
        written: dict[str, str] = {}
        level1s: list[Level1] = []
        period_level1s: list[Level1] = []
        has_indicators = False
        funds = None
        # Fields built here from nodes, set on the record after validation.
        built: dict[str, Any] = {}
        for key, key_node, value_node in self.entries(root):
            if key in INDICATORS_KEYS or key in PERIOD_INDICATORS_KEYS:
                table = "indicators" if key in INDICATORS_KEYS else "period_indicators"
                first = written.setdefault(table, key)
                if first != key:  # 绩效指标 and indicators both: the first table counts
                    self.problem(ProblemKind.DUPLICATE_KEY, self.at(key_node), key, first)
                    continue
                spans[table] = self.at(key_node)
                if table == "indicators":
                    has_indicators = True
                    level1s = self.level1s(value_node, key)
                else:
                    period_level1s = self.level1s(value_node, key)
                continue
            field_name = self._field(key, key_node, value_node, DECLARATION_KEYS, "declaration", spans, written)
            if field_name is None:
                continue
            if field_name == "funds":
                funds = self.funds(value_node, key)
            elif field_name == "period_funds":
                built[field_name] = self.funds(value_node, key)
            elif field_name == "table_kind":
                built[field_name] = self.choice(value_node, key, form_fields.table_kind, "table-kind")
            elif field_name == "period":
                built[field_name] = self.period(value_node, key)
            elif field_name == "other":
                built[field_name] = self.other(value_node, key, spans)
            elif field_name in ("year", "start_date", "end_date"):
                data[key] = self.typed(value_node, key)
            else:
                value = self.text(value_node, key)
                if value is not None:
                    data[key] = value
        declaration = self.validate(Declaration, data, spans, DECLARATION_KEYS)
        declaration.funds = funds
        declaration.level1s = level1s
        declaration.period_level1s = period_level1s
        for name, value in built.items():
            setattr(declaration, name, value)
        declaration.all_indicators = [
            i for level1 in level1s for level2 in level1.categories for i in level2.indicators
        ]
        declaration.has_indicators = has_indicators
        try:
            with deadline.bounded(deadline.STEP_LIMIT):
                declaration.goal_facts = analyse_goal(declaration.goal, self.vocabulary)
        except deadline.Overrun:
            # A slow goal costs only its own analysis: the rules that read it see none.
            declaration.goal_facts = None
            self.problem(ProblemKind.TOO_COMPLEX, spans.get("goal", self.at(root)), _overrun("年度总体目标"))
        declaration.index = self.index
        declaration.end_line = self.last(root)
        return declaration

    def funds(self, node, label: str = "项目资金") -> Funds | None:
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem(ProblemKind.INVALID_TYPE, self.at(node), label, "mapping")
            return None
        data: dict[str, Any] = {}
        spans: dict[str, Span] = {"key": self.at(node)}
        written: dict[str, str] = {}
        for key, key_node, value_node in self.entries(node):
            field_name = self._field(key, key_node, value_node, FUNDS_KEYS, "funds", spans, written)
            if field_name is None:
                continue
            data[key] = self.typed(value_node, key)
        return self.validate(Funds, data, spans, FUNDS_KEYS)

    def level1s(self, node, label: str = INDICATORS_KEYS[0]) -> list[Level1]:
        if node.id == "sequence" and any(item.id == "mapping" for item in node.value):
            # A flat list of indicators: the table prints no levels at all. One unlabelled
            # 一级 and 二级 hold it, so the rules judge the missing levels.
            level1 = Level1(label="", end_line=self.last(node))
            level2 = Level2(label="", end_line=self.last(node))
            level1.spans = {"key": self.at(node)}
            level2.spans = {"key": self.at(node)}
            level2.indicators = self.indicators(node, level1, level2)
            level1.categories.append(level2)
            return [level1]
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem(ProblemKind.INVALID_TYPE, self.at(node), label, "mapping")
            return []
        result = []
        for label1, key_node, value_node in self.entries(node):
            if _is_group(value_node) or _is_group_without_level2(label1, value_node):
                # A level above the standard 一级 ("实施效果指标" over 产出指标
                # and 效益指标): its keys are the 一级, each a mapping of 二级,
                # or, where the table prints no 二级, the 一级's list itself.
                for inner, inner_key, inner_value in self.entries(value_node):
                    result.append(self.level1(inner, inner_key, inner_value, group=label1))
            else:
                result.append(self.level1(label1, key_node, value_node))
        return result

    def level1(self, label: str, key_node, value_node, group: str | None = None) -> Level1:
        level1 = Level1(
            label=label,
            kind=level1_kind(label),
            end_line=self.last(value_node),
            weight_range=form_fields.label_weight(label),
            group=group,
        )
        level1.spans = {"key": self.at(key_node)}
        if value_node.id == "mapping":
            for label2, key2, value2 in self.entries(value_node):
                kind, home = level2_kind(label2, level1.kind)
                level2 = Level2(
                    label=label2,
                    kind=kind,
                    home=home,
                    end_line=self.last(value2),
                    weight_range=form_fields.label_weight(label2),
                )
                level2.spans = {"key": self.at(key2)}
                level2.indicators = self.indicators(value2, level1, level2)
                level1.categories.append(level2)
        elif group is not None and value_node.id == "sequence":
            # Under a level above the 一级, a table with no 二级: the list
            # stands under a blank 二级, as when ``''`` is written for it.
            level2 = Level2(label="", end_line=self.last(value_node))
            level2.spans = {"key": self.at(key_node)}
            level2.indicators = self.indicators(value_node, level1, level2)
            level1.categories.append(level2)
        elif not (value_node.id == "scalar" and value_node.tag == NULL):
            self.problem(ProblemKind.INVALID_TYPE, self.at(value_node), label, "mapping")
        return level1

    def indicators(self, node, level1: Level1, level2: Level2) -> list[Indicator]:
        if node.id != "sequence":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem(ProblemKind.INVALID_TYPE, self.at(node), level2.label, "list")
            return []
        result = []
        built = self.built
        for item in node.value:
            if not self._spend(item):
                break
            # An alias to an indicator already built is the same text at the
            # same place: checking it again could only repeat its findings,
            # and a list of a million such aliases would cost a million builds.
            if id(item) in built:
                continue
            built.add(id(item))
            if item.id != "mapping":
                self.problem(ProblemKind.INVALID_TYPE, self.at(item), level2.label, "indicator")
                continue
            fields: dict[str, Any] = {}
            spans: dict[str, Span] = {"key": self.at(item)}
            written: dict[str, str] = {}
            numeric_value = False
            typed: dict[str, Any] = {}
            areas = None
            for key, key_node, value_node in self.entries(item):
                field_name = self._field(key, key_node, value_node, INDICATOR_KEYS, "indicator", spans, written)
                if field_name is None:
                    continue
                if field_name in _INDICATOR_BUILT:
                    if field_name == "area_values":
                        areas = (key, value_node)  # parsed once 运算符 and 计量单位 are known
                    elif field_name == "weight":
                        typed[field_name] = self.number(value_node, key)
                    elif field_name == "direction":
                        typed[field_name] = self.choice(value_node, key, form_fields.direction, "direction")
                    else:
                        typed[field_name] = self.other(value_node, key, spans)
                    continue
                value = self.text(value_node, key)
                if value is not None:
                    fields[field_name] = value
                    if field_name == "value" and value_node.tag in (INT, FLOAT) and not value_node.style:
                        numeric_value = True
            if areas is not None:
                typed["area_values"] = self.area_values(*areas, fields, spans)
            # Text fields hold what ``text`` returned (only strings), the rest
            # what their builders made: nothing is left for validation to decide.
            indicator = Indicator(**fields)
            for name, value in typed.items():
                setattr(indicator, name, value)
            indicator.spans = spans
            indicator.level1 = level1
            indicator.level2 = level2
            indicator.end_line = self.last(item)
            indicator.parsed = self.parse(fields, numeric_value, spans.get("value", self.at(item)))
            if fields.get("name"):
                indicator.facts = name_facts(fields["name"], self.vocabulary)
            result.append(indicator)
        return result

    # -- the extended form's fields -------------------------------------
    def choice(self, node, field: str, read, expected: str):
        """A scalar naming one of a vocabulary's choices (表类型, 指标方向),
        read by ``read``; anything else is reported at the value."""
        text = self.text(node, field, expected)
        if text is None or not text.strip():
            return None
        chosen = read(text)
        if chosen is None:
            self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, expected)
        return chosen

    def number(self, node, field: str) -> Decimal | None:
        """分值 / 权重: a YAML number, or text holding one ("20分"); "二十" is reported."""
        value = self.typed(node, field)
        if value is None or value == "":
            return None
        if type(value) is int:
            return Decimal(value)
        if type(value) is Decimal:
            return value
        number = form_fields.weight(value) if type(value) is str else None
        if number is None:
            self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, "number")
        return number

    def period(self, node, field: str) -> form_fields.Period | None:
        """实施期: a mapping of 开始 and 结束, each a year or a year-month."""
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, "period")
            return None
        ends: dict[str, form_fields.YearMonth] = {}
        reported = False
        for key, key_node, value_node in self.entries(node):
            end = _PERIOD_ENDS.get(key)
            if end is None:
                self.problem(ProblemKind.UNKNOWN_KEY, self.at(key_node), key, "period")
                continue
            text = self.text(value_node, key, "year-month")
            when = form_fields.year_month(text) if text is not None else None
            if when is None:
                if text is not None:
                    self.problem(ProblemKind.INVALID_TYPE, self.at(value_node), key, "year-month")
                reported = True
                continue
            ends[end] = when
        if len(ends) < 2:
            if reported:  # the bad end is the finding; "incomplete" would repeat it
                return None
            self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, "period")
            return None
        return form_fields.Period(ends["start"], ends["end"])

    def other(self, node, field: str, spans: dict[str, Span]) -> dict[str, str]:
        """其他: printed column header → the cell as written."""
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, "mapping")
            return {}
        columns = {}
        for header, _, value_node in self.entries(node):
            value = self.text(value_node, header)
            columns[header] = "" if value is None else value
            spans[f"other.{header}"] = self.at(value_node)
        return columns

    def area_values(self, field: str, node, fields: dict[str, str], spans: dict[str, Span]) -> dict:
        """区域目标值: area → its target, parsed like 指标值 with the row's 运算符 and 计量单位."""
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem(ProblemKind.INVALID_TYPE, self.at(node), field, "mapping")
            return {}
        parsed = {}
        for area, _, value_node in self.entries(node):
            text = self.text(value_node, area)
            if text is None:
                continue
            numeric = value_node.tag in (INT, FLOAT) and not value_node.style
            parsed[area] = self.parse({**fields, "value": text}, numeric, self.at(value_node))
            spans[f"area_values.{area}"] = self.at(value_node)
        return parsed

    def parse(self, fields: dict[str, str], from_number: bool, span: Span):
        """The 指标值 ``fields`` give, parsed; a value the grammar cannot read
        within deadline.STEP_LIMIT is prose (NARRATIVE) and a finding at
        ``span``, and the rest of the file is checked as usual."""
        raw = fields.get("value") or ""
        # Split-column forms write the operator and unit beside the value.
        operator, unit = fields.get("operator"), fields.get("unit")
        if operator and not raw.startswith(operator):
            raw = operator + raw
            from_number = False
        if unit and raw and not raw.endswith(unit):
            raw = raw + unit
            from_number = False
        try:
            with deadline.bounded(deadline.STEP_LIMIT):
                return parse_value(raw, from_yaml_number=from_number, vocabulary=self.vocabulary)
        except deadline.Overrun:
            self.problem(ProblemKind.TOO_COMPLEX, span, _overrun("指标值"))
            return IndicatorValue(raw=raw, kind=ValueKind.NARRATIVE)


def _overrun(field: str) -> str:
    return (
        f"this {field} took longer than {deadline.STEP_LIMIT:g} s to read and is taken as prose "
        "(a grammar bug: please report it); the rest of the file is checked"
    )


# Indicator fields the loader builds from their nodes (not plain text).
_INDICATOR_BUILT = frozenset({"weight", "direction", "area_values", "other"})
# 实施期's keys → which end of the period each gives.
_PERIOD_ENDS = {"开始": "start", "start": "start", "结束": "end", "end": "end"}


def _is_group(node) -> bool:
    """A level printed above the standard 一级: a mapping whose values are
    一级 tables (mappings of 二级 → lists), not 二级 lists. An indicator
    written as a mapping where its list belongs (三级指标: …) is no 一级."""
    if node.id != "mapping" or not node.value:
        return False
    for _, value in node.value:
        if value.id != "mapping" or not value.value:
            return False
        for key, inner in value.value:
            if key.value in INDICATOR_KEYS or (inner.id == "scalar" and not (inner.tag == NULL and not inner.value)):
                return False
    return True


def _is_group_without_level2(label: str, node) -> bool:
    """A level above the standard 一级 in a table that prints no 二级: a
    label that is no 一级 over keys that all are (实施效果指标 over 产出指标
    and 效益指标, each holding its list). 成本 and 满意度 are 二级 names too
    (under 产出 and 效益 in older forms), so at least one key must be a
    label only a 一级 has."""
    if level1_kind(label) is not None or node.id != "mapping" or not node.value:
        return False
    labels = [key.value for key, _ in node.value if isinstance(key.value, str)]
    if len(labels) != len(node.value) or any(level1_kind(inner) is None for inner in labels):
        return False
    if all(level2_kind(inner, None)[0] is not None for inner in labels):
        return False
    return all(value.id == "sequence" or (value.id == "scalar" and value.tag == NULL) for _, value in node.value)


def _looks_like_declaration(root) -> bool:
    """Whether a mapping is meant as a declaration (see the README's format section).

    Yes when a top-level key is one of the format's Chinese keys; when most
    keys are Chinese and one of them is close to a key of the format (a
    typo, or part of one: 项目 → 项目名称, 绩效指标表 → 绩效指标), so a
    declaration under wrong keys is reported rather than skipped; or, with
    English keys, when the format's keys outnumber the others (``name`` alone
    is common in other YAML: a CI workflow's ``name: CI``).
    """
    keys = [key_node.value for key_node, _ in root.value]
    texts = [key for key in keys if type(key) is str]
    known = 0
    for key in texts:
        if key in TOP_LEVEL_KEYS:
            if not key.isascii():
                return True
            known += 1
    if known > len(keys) - known:
        return True
    chinese = [key for key in texts if re.search(_HAN, key)]
    if 2 * len(chinese) <= len(keys):
        return False
    return any(closest(key, TOP_LEVEL_KEYS) is not None for key in chinese)


def _looks_like_declarations(root) -> bool:
    """Whether a list holds declarations (one written per item, not per document)."""
    return any(item.id == "mapping" and _looks_like_declaration(item) for item in root.value)


# A year or an amount written with its unit or digit grouping, as people
# copy them from the printed form: 2024年, 2024年度, 150万元, 1,500,000.00.
_YEAR_WITH_UNIT = re.compile(r"^\s*(\d{4})\s*年度?\s*$")
_AMOUNT_AS_WRITTEN = re.compile(r"^\s*(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?\s*(万元|万|元)?\s*$")


def _correction(expected: str, value: Any) -> tuple[str, bool] | None:
    """(the value as the field takes it, whether it is exactly the same value)
    for a year or amount written the way the printed form shows it; None when
    the text does not say."""
    if not isinstance(value, str):
        return None
    if expected == "integer":
        year = _YEAR_WITH_UNIT.match(value)
        return (year.group(1), True) if year else None
    amount = _AMOUNT_AS_WRITTEN.match(value) if expected == "amount" else None
    if amount is None:
        return None
    digits = amount.group(1).replace(",", "").replace("，", "") + (amount.group(2) or "")
    if amount.group(3) in ("万元", "万"):
        # A reading of the unit the author should confirm: 万元 columns are common.
        return format((Decimal(digits) * 10000).normalize(), "f"), False
    return digits, True


def _end_of(text: str) -> tuple[int, int]:
    last = text.rfind("\n") + 1
    return text.count("\n") + 1, len(text) - last + 1


def _clamp(span: Span, end: tuple[int, int]) -> Span:
    # Without a final newline the parser closes the last collection on a line
    # the file does not have; the file's own end is the same place.
    start = (span.line, span.column) if (span.line, span.column) <= end else end
    return Span(*start, *end)


def _field_type(annotation) -> type | None:
    """The one Python type a field holds besides None (``Decimal | None`` → Decimal)."""
    if get_origin(annotation) in (Union, UnionType):
        kinds = [a for a in get_args(annotation) if a is not NoneType]
    else:
        kinds = [get_origin(annotation) or annotation]
    return kinds[0] if len(kinds) == 1 and isinstance(kinds[0], type) else None


# field name → the type a value must already have to skip validation
_FIELD_TYPES = {
    model: {name: _field_type(annotation) for name, annotation in written_types(model).items()}
    for model in (Declaration, Funds, Indicator)
}
_EXPECTED = {dt.date: "date", Decimal: "amount", int: "integer", str: "text"}


def _expected(model, field_name: str) -> str:
    """How a finding names the type a field wants."""
    kind = _FIELD_TYPES[model].get(field_name)
    return _EXPECTED.get(kind, str(kind)) if kind is not None else ""
