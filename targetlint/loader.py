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
from typing import Any

from pydantic import ValidationError

from targetlint.model import (
    DECLARATION_KEYS,
    FUNDS_KEYS,
    INDICATOR_KEYS,
    INDICATORS_KEYS,
    Declaration,
    Funds,
    Indicator,
    Level1,
    Level2,
)
from targetlint.goal import analyse_goal
from targetlint.names import level1_kind, level2_kind, name_facts
from targetlint.source import Problem, SourceText
from targetlint.span import FILE_START, Span
from targetlint.values import parse_value
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary

_TAG = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MAP, SEQ = _TAG + "timestamp", _TAG + "map", _TAG + "seq"
_CORE_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MAP, SEQ, _TAG + "binary", _TAG + "merge", _TAG + "omap", _TAG + "set"}

# Alias expansion is bounded so a "billion laughs" document costs no more
# than a large honest one.
NODE_BUDGET = 200_000

_DOCUMENT_START = re.compile(r"^---(?:\s|$)", re.M)
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


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


def _composer():
    global _yaml
    if _yaml is None:
        from ruamel.yaml import YAML

        _yaml = YAML(typ="safe", pure=False)
    return _yaml


def span_of(node, offset: int = 0) -> Span:
    # ``offset``: lines cut off before the text this node was composed from
    # (loading resumes after a syntax error on a slice of the file).
    start, end = node.start_mark, node.end_mark
    return Span(start.line + offset + 1, start.column + 1, end.line + offset + 1, end.column + 1)


def _last_line(node, offset: int = 0) -> int:
    # A block collection ends at the start of the line after its last value.
    end = node.end_mark
    return offset + (end.line if end.column == 0 and end.line > node.start_mark.line else end.line + 1)


def load(source: SourceText, vocabulary: Vocabulary = DEFAULT_VOCABULARY) -> SourceFile:
    loaded = SourceFile(source)
    if not source.text.strip() or source.encoding in ("binary", "undecodable"):
        return loaded
    for index, (node, offset) in enumerate(_documents(source)):
        if node is None:
            continue
        builder = _Builder(source, vocabulary, index, offset)
        declaration = builder.declaration(node)
        if declaration is not None:
            loaded.declarations.append(declaration)
    if not loaded.declarations and source.problems and all(p.kind == "not-a-declaration" and p.detail == "foreign" for p in source.problems):
        source.problems.clear()
        loaded.foreign = True
    return loaded


def _documents(source: SourceText):
    """Yield (root node, line offset) per document; a syntax error is recorded
    and loading resumes at the next document marker, so one broken document
    does not hide the others."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    text, offset = source.text, 0
    while True:
        try:
            for node in _composer().compose_all(text):
                yield node, offset
            return
        except MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = (mark.line if mark else 0)
            column = (mark.column if mark else 0)
            message = " ".join(str(p) for p in (error.context, error.problem) if p)
            source.problems.append(Problem("yaml-syntax", Span.point(line + offset + 1, column + 1), message))
            # The parser often stops at the marker of the next document, so the
            # search starts on the error's own line, but must move forward.
            resume = _DOCUMENT_START.search(text, _line_start(text, line))
            if resume is not None and resume.start() == 0:
                resume = _DOCUMENT_START.search(text, 1)
            if resume is None:
                return
            offset += text.count("\n", 0, resume.start())
            text = text[resume.start():]
        except (YAMLError, RecursionError, MemoryError) as error:
            kind = "yaml-syntax" if isinstance(error, YAMLError) else "too-complex"
            source.problems.append(Problem(kind, Span.point(offset + 1, 1), type(error).__name__ + (f": {error}" if isinstance(error, YAMLError) else "")))
            return


def _line_start(text: str, line: int) -> int:
    """Index of the first character of 0-based ``line``."""
    position = 0
    for _ in range(line):
        position = text.find("\n", position)
        if position < 0:
            return len(text)
        position += 1
    return position


class _Builder:
    """Turns one document's nodes into a :class:`Declaration`."""

    def __init__(self, source: SourceText, vocabulary: Vocabulary, index: int, offset: int = 0):
        self.source = source
        self.offset = offset
        self.vocabulary = vocabulary
        self.index = index
        self.budget = NODE_BUDGET

    def at(self, node) -> Span:
        return span_of(node, self.offset)

    def last(self, node) -> int:
        return _last_line(node, self.offset)

    def problem(self, kind: str, span: Span, detail: str = "", expected: str = "") -> None:
        self.source.problems.append(Problem(kind, span, detail, expected, self.index))

    # -- nodes ---------------------------------------------------------
    def _spend(self, node) -> bool:
        self.budget -= 1
        if self.budget == 0:
            self.problem("too-complex", self.at(node), f"more than {NODE_BUDGET} nodes")
        return self.budget > 0

    def _tag_ok(self, node) -> bool:
        if node.tag in _CORE_TAGS or not node.tag.startswith(("tag:", "!")):
            return True
        self.problem("unsafe-tag", self.at(node), node.tag.replace(_TAG, "!!"))
        return False

    def entries(self, node):
        """(key text, key node, value node) of a mapping, reporting duplicates."""
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not self._spend(value_node):
                return
            if key_node.tag == _TAG + "merge":
                continue
            if type(key_node.value) is not str:
                self.problem("invalid-type", self.at(key_node), "key", "text")
                continue
            key = key_node.value
            if key in seen:
                self.problem("duplicate-key", self.at(key_node), key)
                continue
            seen[key] = key_node
            yield key, key_node, value_node

    def text(self, node, field: str, expected: str = "text") -> str | None:
        """A text field: any scalar as written; collections are invalid."""
        if not self._tag_ok(node):
            return None
        if node.id != "scalar":
            self.problem("invalid-type", self.at(node), field, expected)
            return None
        if node.tag == NULL and not node.style:
            return None
        return node.value

    def typed(self, node, field: str) -> Any:
        """A scalar constructed by its resolved tag, for typed fields."""
        if not self._tag_ok(node):
            return None
        if node.id != "scalar":
            return {} if node.id == "mapping" else []
        value = node.value
        tag = node.tag
        if tag == NULL:
            return None
        if tag == INT:
            digits = value.replace("_", "")
            for base in (10, 0):
                try:
                    return int(digits, base)
                except ValueError:
                    pass
            return value
        if tag == FLOAT:
            try:
                return Decimal(value.replace("_", ""))
            except InvalidOperation:
                return value
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
        """Validate ``data``; a field of the wrong type is reported and dropped."""
        for _ in range(len(data) + 1):
            try:
                record = model.model_validate(data)
                record.spans = spans
                return record
            except ValidationError as error:
                for item in error.errors():
                    key = str(item["loc"][0]) if item["loc"] else ""
                    field_name = keys.get(key, key)
                    self.problem("invalid-type", spans.get(field_name, spans.get("key", FILE_START)), key, _expected(model, field_name))
                    data.pop(key, None)
        record = model.model_construct()
        record.spans = spans
        return record

    def declaration(self, root) -> Declaration | None:
        if root.id != "mapping":
            self.problem("not-a-declaration", self.at(root), root.id)
            return None
        if not _looks_like_declaration(root):
            self.problem("not-a-declaration", self.at(root), "foreign")
            return None
        data: dict[str, Any] = {}
        spans: dict[str, Span] = {"key": self.at(root)}
        level1s: list[Level1] = []
        has_indicators = False
        funds = None
        for key, key_node, value_node in self.entries(root):
            if key in INDICATORS_KEYS:
                has_indicators = True
                spans["indicators"] = self.at(key_node)
                level1s = self.level1s(value_node)
                continue
            field_name = DECLARATION_KEYS.get(key)
            if field_name is None:
                self.problem("unknown-key", self.at(key_node), key, "declaration")
                continue
            spans[field_name] = self.at(value_node)
            spans[field_name + ".key"] = self.at(key_node)
            if field_name == "funds":
                funds = self.funds(value_node)
            elif field_name in ("year", "start_date", "end_date"):
                data[key] = self.typed(value_node, key)
            else:
                value = self.text(value_node, key)
                if value is not None:
                    data[key] = value
        declaration = self.validate(Declaration, data, spans, DECLARATION_KEYS)
        declaration.funds = funds
        declaration.level1s = level1s
        declaration.has_indicators = has_indicators
        declaration.goal_facts = analyse_goal(declaration.goal, self.vocabulary)
        declaration.index = self.index
        declaration.end_line = self.last(root)
        return declaration

    def funds(self, node) -> Funds | None:
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem("invalid-type", self.at(node), "项目资金", "mapping")
            return None
        data: dict[str, Any] = {}
        spans: dict[str, Span] = {"key": self.at(node)}
        for key, key_node, value_node in self.entries(node):
            field_name = FUNDS_KEYS.get(key)
            if field_name is None:
                self.problem("unknown-key", self.at(key_node), key, "funds")
                continue
            spans[field_name] = self.at(value_node)
            data[key] = self.typed(value_node, key)
        return self.validate(Funds, data, spans, FUNDS_KEYS)

    def level1s(self, node) -> list[Level1]:
        if node.id != "mapping":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem("invalid-type", self.at(node), "绩效指标", "mapping")
            return []
        result = []
        for label, key_node, value_node in self.entries(node):
            level1 = Level1(label=label, kind=level1_kind(label), spans={"key": self.at(key_node)}, end_line=self.last(value_node))
            if value_node.id == "mapping":
                for label2, key2, value2 in self.entries(value_node):
                    kind, home = level2_kind(label2, level1.kind)
                    level2 = Level2(label=label2, kind=kind, home=home, spans={"key": self.at(key2)}, end_line=self.last(value2))
                    level2.indicators = self.indicators(value2, level1, level2)
                    level1.categories.append(level2)
            elif not (value_node.id == "scalar" and value_node.tag == NULL):
                self.problem("invalid-type", self.at(value_node), label, "mapping")
            result.append(level1)
        return result

    def indicators(self, node, level1: Level1, level2: Level2) -> list[Indicator]:
        if node.id != "sequence":
            if not (node.id == "scalar" and node.tag == NULL):
                self.problem("invalid-type", self.at(node), level2.label, "list")
            return []
        result = []
        for item in node.value:
            if not self._spend(item):
                break
            if item.id != "mapping":
                self.problem("invalid-type", self.at(item), level2.label, "indicator")
                continue
            data: dict[str, Any] = {}
            spans: dict[str, Span] = {"key": self.at(item)}
            numeric_value = False
            for key, key_node, value_node in self.entries(item):
                field_name = INDICATOR_KEYS.get(key)
                if field_name is None:
                    self.problem("unknown-key", self.at(key_node), key, "indicator")
                    continue
                spans[field_name] = self.at(value_node)
                spans[field_name + ".key"] = self.at(key_node)
                value = self.text(value_node, key)
                if value is not None:
                    data[key] = value
                    if field_name == "value" and value_node.tag in (INT, FLOAT) and not value_node.style:
                        numeric_value = True
            indicator = self.validate(Indicator, data, spans, INDICATOR_KEYS)
            indicator.level1, indicator.level2 = level1, level2
            indicator.end_line = self.last(item)
            self.analyse(indicator, numeric_value)
            result.append(indicator)
        return result

    def analyse(self, indicator: Indicator, from_number: bool) -> None:
        raw = indicator.value or ""
        # Split-column forms write the operator and unit beside the value.
        if indicator.operator and not raw.startswith(indicator.operator):
            raw = indicator.operator + raw
            from_number = False
        if indicator.unit and raw and not raw.endswith(indicator.unit):
            raw = raw + indicator.unit
            from_number = False
        indicator.parsed = parse_value(raw, from_yaml_number=from_number, vocabulary=self.vocabulary)
        if indicator.name:
            indicator.facts = name_facts(indicator.name, self.vocabulary)


def _looks_like_declaration(root) -> bool:
    # English aliases such as "name" are common in other YAML (a CI workflow's
    # `name: CI`), so they count only when known keys outnumber unknown ones.
    known = unknown = 0
    for key_node, _ in root.value:
        key = key_node.value
        if type(key) is not str:
            unknown += 1
        elif key in INDICATORS_KEYS or (key in DECLARATION_KEYS and not key.isascii()):
            return True
        elif key in DECLARATION_KEYS:
            known += 1
        else:
            unknown += 1
    return known > unknown


def _expected(model, field_name: str) -> str:
    info = model.model_fields.get(field_name)
    if info is None:
        return ""
    annotation = str(info.annotation)
    for marker, label in (("date", "date"), ("Decimal", "amount"), ("int", "integer"), ("str", "text")):
        if marker in annotation:
            return label
    return annotation
