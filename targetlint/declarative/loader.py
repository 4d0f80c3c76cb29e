"""Reading rule files: YAML → validated specs, with every mistake at its line and column.

The file is parsed twice: once into plain data for pydantic and once into
located nodes, so a pydantic error's ``loc`` (``rules.0.where.value.unit-class``)
can be walked down the node tree to the key or value it is about. Nothing in
here raises for a bad file: every problem becomes a :class:`RuleFileError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from targetlint import os_errors
from targetlint.i18n import Message
from targetlint.source import read_settings
from targetlint.yaml_locations import child, locate, plain_loc

_MAX_ERRORS_PER_RULE = 3


@dataclass(frozen=True)
class RuleFileError:
    path: str
    line: int
    column: int
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.zh} / {self.en}"

    def message(self, lang: str = "zh") -> str:
        return f"{self.path}:{self.line}:{self.column}: {Message(self.zh, self.en).text(lang)}"


@dataclass
class LoadedSpec:
    spec: Any  # a validated ForbidRule / UnitRule / …
    node: Any  # its mapping node, for locating later errors (duplicate codes)
    source: str  # the rule's own YAML lines, for `targetlint rule CODE`


@dataclass
class LoadedFile:
    path: str
    pack: str | None = None
    specs: list[LoadedSpec] = field(default_factory=list)
    errors: list[RuleFileError] = field(default_factory=list)


def load_rule_file(path: str, text: str | None = None) -> LoadedFile:
    result = LoadedFile(path)
    if text is None:
        try:
            data = read_settings(path)
            text = data.decode("utf-8-sig")
        except OSError as error:
            result.errors.append(
                RuleFileError(
                    path,
                    1,
                    1,
                    f"无法读取规则文件（{os_errors.reason(error).zh}）",
                    f"cannot read the rule file ({os_errors.reason(error).en})",
                )
            )
            return result
        except UnicodeDecodeError:
            result.errors.append(RuleFileError(path, 1, 1, "规则文件应为 UTF-8 编码", "rule files must be UTF-8"))
            return result
    root = _compose(path, text, result)
    if root is None:
        return result
    data = _construct(root)
    from pydantic import TypeAdapter, ValidationError

    from targetlint.declarative.schema import CHECK_TYPES, RuleFile, RuleSpec

    if not isinstance(data, dict):
        result.errors.append(
            _at(
                path,
                root,
                "规则文件顶层应为映射，含 rules: 列表",
                "the top level of a rule file must be a mapping with a rules: list",
            )
        )
        return result
    try:
        header = RuleFile.model_validate(data)
    except ValidationError as error:
        _report(path, root, error, (), result.errors)
        return result
    result.pack = header.pack
    rules_node = child(root, "rules", value=True)
    adapter = TypeAdapter(RuleSpec)
    lines = text.splitlines()
    # With a duplicated rules: key the data holds the last list and the node
    # found may be the first, shorter one: fall back to the file's root.
    rule_nodes = rules_node.value if rules_node is not None and rules_node.id == "sequence" else []
    for index, raw in enumerate(header.rules):
        node = rule_nodes[index] if index < len(rule_nodes) else root
        if not isinstance(raw, dict):
            result.errors.append(
                _at(
                    path,
                    node,
                    "每条规则应为映射（code、name、check …）",
                    "each rule must be a mapping (code, name, check …)",
                )
            )
            continue
        if "check" not in raw:
            result.errors.append(
                _at(
                    path,
                    node,
                    f"缺少 check（可用：{'、'.join(CHECK_TYPES)}）",
                    f"missing check (one of {', '.join(CHECK_TYPES)})",
                )
            )
            continue
        if raw["check"] not in CHECK_TYPES:
            where = child(node, "check", value=True) or node
            result.errors.append(
                _at(
                    path,
                    where,
                    f"未知的检查类型“{raw['check']}”（可用：{'、'.join(CHECK_TYPES)}）",
                    f"unknown check type '{raw['check']}' (use {', '.join(CHECK_TYPES)})",
                )
            )
            continue
        try:
            spec = adapter.validate_python(raw)
        except ValidationError as error:
            _report(path, node, error, (raw["check"],), result.errors)
            continue
        start, end = node.start_mark.line, node.end_mark.line
        if node.end_mark.column == 0:
            end -= 1
        snippet = "\n".join(lines[start : end + 1])
        result.specs.append(LoadedSpec(spec, node, _dedent_item(snippet, node.start_mark.column)))
    return result


def _dedent_item(snippet: str, column: int) -> str:
    # A rule is a list item: "  - code: …" then lines indented to `column`.
    out = []
    for i, line in enumerate(snippet.splitlines()):
        out.append(line[column:] if i and line[:column].strip() == "" else (line[column:] if i == 0 else line.lstrip()))
    return "\n".join(out)


def _compose(path: str, text: str, result: LoadedFile):
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from targetlint import settings_yaml

    try:
        # A declaration's limits: no alias bomb, no nest deeper than 500.
        root = settings_yaml.check(text, pure=True)
    except settings_yaml.TooComplex as error:
        result.errors.append(RuleFileError(path, error.line, error.column, error.zh, error.en))
        return None
    except MarkedYAMLError as error:
        from targetlint.loader import yaml_error

        mark, detail = yaml_error(error)
        result.errors.append(
            RuleFileError(
                path,
                (mark.line + 1) if mark else 1,
                (mark.column + 1) if mark else 1,
                f"YAML 语法错误：{detail}",
                f"YAML syntax error: {detail}",
            )
        )
        return None
    except YAMLError as error:
        result.errors.append(RuleFileError(path, 1, 1, f"YAML 错误：{error}", f"YAML error: {error}"))
        return None
    if root is None:
        result.errors.append(RuleFileError(path, 1, 1, "规则文件是空的", "the rule file is empty"))
    return root


_TAG = "tag:yaml.org,2002:"


def _construct(node) -> Any:
    """Plain data from nodes: mappings, lists, and scalars by their resolved tag.
    Unknown tags are read as text, so a rule file constructs no objects."""
    if node.id == "mapping":
        out = {}
        for key, value in node.value:
            out[_construct(key) if key.id == "scalar" else str(key.value)] = _construct(value)
        return out
    if node.id == "sequence":
        return [_construct(item) for item in node.value]
    value, tag = node.value, node.tag
    if node.style:
        return value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return value.lower() == "true"
    if tag == _TAG + "int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag == _TAG + "float":
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


_TRANSLATIONS = {
    "missing": ("缺少必填项", "required"),
    "extra_forbidden": ("未知的键", "unknown key"),
    "literal_error": ("取值无效", "invalid value"),
    "float_parsing": ("应为数字", "should be a number"),
    "float_type": ("应为数字", "should be a number"),
    "int_parsing": ("应为整数", "should be an integer"),
    "int_type": ("应为整数", "should be an integer"),
    "bool_parsing": ("应为 true 或 false", "should be true or false"),
    "bool_type": ("应为 true 或 false", "should be true or false"),
    "string_type": ("应为文本", "should be text"),
    "list_type": ("应为列表", "should be a list"),
    "model_type": ("应为映射", "should be a mapping"),
    "dict_type": ("应为映射", "should be a mapping"),
    "greater_than_equal": ("数值太小", "too small"),
}


_MISMATCH = {
    "string_type",
    "list_type",
    "model_type",
    "dict_type",
    "float_type",
    "float_parsing",
    "bool_type",
    "int_type",
    "model_attributes_type",
}


def _report(path: str, node, error, skip: tuple, sink: list[RuleFileError]) -> None:
    items = [dict(item, loc=plain_loc(tuple(p for p in item["loc"] if p not in skip))) for item in error.errors()]
    # A union (text, list or mapping) reports one error per member; when one
    # member got further (a bad regex inside a mapping), its error is the one
    # that explains the mistake, and "should be text" is noise.
    deeper = [i for i in items if i["type"] not in _MISMATCH]
    items = [
        i
        for i in items
        if not (
            i["type"] in _MISMATCH
            and any(len(d["loc"]) > len(i["loc"]) and d["loc"][: len(i["loc"])] == i["loc"] for d in deeper)
        )
    ]
    seen = set()
    for item in items:
        loc = item["loc"]
        line, column = locate(node, loc, item["type"])
        if (line, column) in seen:
            continue
        seen.add((line, column))
        key = ".".join(str(p) for p in loc)
        if item["type"] == "value_error":
            message = str(item.get("ctx", {}).get("error", item["msg"]))
            zh, _, en = message.partition(" / ")
            en = en or zh
        else:
            zh, en = _TRANSLATIONS.get(item["type"], (item["msg"], item["msg"]))
            if item["type"] == "literal_error":
                expected = item.get("ctx", {}).get("expected", "")
                zh, en = f"{zh}（可用：{expected}）", f"{en} (expected {expected})"
            if item["type"] == "extra_forbidden":
                name = str(loc[-1]) if loc else ""
                zh, en = f"未知的键“{name}”", f"unknown key '{name}'"
            elif item["type"] == "missing":
                name = str(loc[-1]) if loc else ""
                zh, en = f"缺少“{name}”", f"missing '{name}'"
        where = f"{key}: " if key and item["type"] not in ("extra_forbidden", "missing") else ""
        sink.append(RuleFileError(path, line, column, where + zh, where + en))
        if len(seen) >= _MAX_ERRORS_PER_RULE:
            break


def _at(path: str, node, zh: str, en: str) -> RuleFileError:
    return RuleFileError(path, node.start_mark.line + 1, node.start_mark.column + 1, zh, en)
