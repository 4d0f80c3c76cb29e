"""``targetlint schema``: the JSON Schema of the declaration format, for YAML
editors (yaml-language-server in VS Code, Neovim, Helix …).

Generated from the one model definition: pydantic's schema of the model's
dataclasses (:func:`targetlint.model_schema.declaration_schema`), completed
with what the model keeps elsewhere — every other key the loader accepts for
a field (its English name) beside the Chinese label, the standard 一级 and
二级 labels of the taxonomy (:mod:`targetlint.vocabulary`) as properties so
editors offer them as completions, while any other label (the variants real
tables use) still validates, the Chinese descriptions of the format
reference, and one example.

The package ships the generated schema (:data:`SCHEMA_FILE`);
``tests/test_schema.py`` holds it equal to what this module generates, so
regenerate it with ``targetlint schema -o targetlint/schemas/declaration.schema.json``
whenever the model changes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

# The schema's address, as the modeline `targetlint import` writes names it.
SCHEMA_URL = "https://example.invalid/targetlint/declaration.schema.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}"
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "declaration.schema.json"

# Each written field's Chinese description (after the README's format
# reference), by its Chinese label; a field without one has its label only.
DESCRIPTIONS = {
    "申报年度": "申报年度：预算年度，四位整数，如 2023",
    "项目名称": "项目名称（必填）",
    "项目性质": "项目性质，如 经常性专项业务费、其他一次性项目",
    "项目类别": "项目类别，如 特定目标类",
    "主管部门": "主管部门",
    "实施单位": "实施单位",
    "计划开始日期": "计划开始日期，如 2023-01-01",
    "计划完成日期": "计划完成日期，如 2023-12-31",
    "项目资金": "项目资金（元）：年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金",
    "年度资金申请总额": "年度资金申请总额（元）：当年财政拨款、上年结转资金与其他资金之和",
    "当年财政拨款": "当年财政拨款（元）",
    "上年结转资金": "上年结转资金（元）",
    "其他资金": "其他资金（元）",
    "年度总体目标": "年度总体目标：当年的主要产出、数量和效果",
    "绩效指标": "绩效指标：一级指标 → 二级指标 → 三级指标列表（必填）",
    "三级指标": "三级指标名称（必填）",
    "指标值": "指标值（必填）：目标值连同比较符号和单位，如 ≥2200、≥90%、≤500元/人",
    "计量单位": "计量单位：值与单位分列的表格填写",
    "运算符": "比较符号（≥ ≤ = > <）：值与符号分列的表格填写",
    "指标性质": "指标性质：定量 或 定性",
    "备注": "备注",
    "表类型": "表类型：项目支出（默认）、部门整体 或 转移支付",
    "部门名称": "部门名称：部门整体表的部门（单位）名称（部门整体表必填）",
    "补助区域": "补助区域：转移支付表补助的区域",
    "下达单位": "下达单位：转移支付表的下达地方或单位",
    "实施期": "实施期：整个实施期，开始 和 结束 各为年份（2023）或年月（2023-07）",
    "实施期目标": "实施期目标：整个实施期（中期、长期）的总体目标",
    "实施期资金": "实施期资金（元）：整个实施期的资金，键同 项目资金",
    "实施期绩效指标": "实施期绩效指标：整个实施期的指标表，形同 绩效指标",
    "其他": "其他：申报表格式没有对应字段的栏目，栏目名 → 原样内容",
    "分值": "分值（权重）：数字",
    "指标方向": "指标方向：正向、反向 或 中性（越大越好、越小越好 亦可）",
    "指标解释": "指标解释",
    "评分标准": "评分标准（评(扣)分标准）",
    "指标值说明": "指标值说明，如 达到预计值",
    "区域目标值": "区域目标值：区域 → 该区域的目标值（按 指标值 的写法，运算符、计量单位取本行）",
    "资金总额": "资金总额（元），同 年度资金申请总额",
    "中央财政资金": "中央财政资金（元）",
    "省级财政资金": "省级财政资金（元）",
    "市级财政资金": "市级财政资金（元）",
    "县级财政资金": "县级财政资金（元）",
}

# One declaration, as the README's format section shows it.
EXAMPLE: dict[str, Any] = {
    "申报年度": 2023,
    "项目名称": "劳动人事争议仲裁工作专项",
    "项目性质": "经常性专项业务费",
    "项目类别": "特定目标类",
    "主管部门": "上海市人力资源和社会保障局",
    "实施单位": "上海市人力资源和社会保障局",
    "计划开始日期": "2023-01-01",
    "计划完成日期": "2023-12-31",
    "项目资金": {"年度资金申请总额": 1732000.00, "当年财政拨款": 1732000.00, "上年结转资金": 0.00, "其他资金": 0.00},
    "年度总体目标": "完成劳动人事争议案件调解仲裁2200件以上，调解员、仲裁员培训250人次，服务对象满意度达到90%以上。",
    "绩效指标": {
        "产出指标": {
            "数量指标": [{"三级指标": "专项队伍目标案件完成数", "指标值": "≥2200件"}],
            "质量指标": [{"三级指标": "结案率", "指标值": "≥90%"}],
            "成本指标": [{"三级指标": "人均培训成本", "指标值": "≤500元/人"}],
        },
        "效益指标": {"社会效益指标": [{"三级指标": "案件调解成功率", "指标值": "≥60%"}]},
        "满意度指标": {"服务对象满意度指标": [{"三级指标": "调解仲裁工作服务态度满意度", "指标值": "≥90%"}]},
    },
}


def generate() -> dict[str, Any]:
    """The declaration format's JSON Schema (draft 2020-12)."""
    from targetlint import model
    from targetlint.model_schema import declaration_schema

    schema = declaration_schema()
    definitions = schema.setdefault("$defs", {})
    for name, record in [("Declaration", schema), *definitions.items()]:
        model_class = getattr(model, name, None)
        if isinstance(model_class, type) and issubclass(model_class, model.Record):
            _extended_fields(record)
            if record is not schema:
                record.pop("$defs", None)  # a record's own copies of the built types' definitions
            _describe(name, record)
            _text_fields(record, model.written_fields(model_class), model.written_types(model_class))
            _alternative_keys(record, model.accepted_keys(model_class), model.written_fields(model_class))
    table_key, *other_table_keys = model.INDICATORS_KEYS
    definitions["IndicatorList"] = {
        "description": "三级指标列表",
        "anyOf": [{"type": "array", "items": {"$ref": "#/$defs/Indicator"}}, {"type": "null"}],
    }
    schema["properties"][table_key] = {"$ref": "#/$defs/IndicatorTable", "description": DESCRIPTIONS[table_key]}
    for key in other_table_keys:
        schema["properties"][key] = {"$ref": "#/$defs/IndicatorTable", "description": f"同“{table_key}”"}
    period_key, *other_period_keys = model.PERIOD_INDICATORS_KEYS
    schema["properties"][period_key] = {"$ref": "#/$defs/IndicatorTable", "description": DESCRIPTIONS[period_key]}
    for key in other_period_keys:
        schema["properties"][key] = {"$ref": "#/$defs/IndicatorTable", "description": f"同“{period_key}”"}
    for name in _BUILT_TYPES:
        definitions.pop(name, None)
    definitions["IndicatorTable"] = _indicator_table()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        **schema,
        "title": "财政项目支出绩效目标申报表（targetlint）",
        "description": "一个 YAML 文档是一份申报表；键为申报表的中文栏目名，英文名与之等价。",
        "examples": [EXAMPLE],
    }


# The records' own descriptions (their docstrings are written for developers).
RECORD_DESCRIPTIONS = {"Funds": DESCRIPTIONS["项目资金"], "Indicator": "一行三级指标"}


def _describe(name: str, record: dict[str, Any]) -> None:
    record.pop("description", None)
    if name in RECORD_DESCRIPTIONS:
        record["description"] = RECORD_DESCRIPTIONS[name]
    for label, prop in record.get("properties", {}).items():
        # No "default": null, which editors would insert on completion.
        prop.pop("default", None)
        if label in DESCRIPTIONS:
            prop["description"] = DESCRIPTIONS[label]


# The extended form's fields as they are written, where pydantic would
# describe the typed result the loader builds from them.
_SCALAR: dict[str, Any] = {"type": ["string", "number", "null"]}
_WRITTEN_AS: dict[str, dict[str, Any]] = {
    "区域目标值": {"type": "object", "additionalProperties": _SCALAR},
    "其他": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]}},
    "指标方向": {"type": ["string", "null"]},
    "表类型": {"type": ["string", "null"], "examples": ["项目支出", "部门整体", "转移支付"]},
    "实施期": {
        "type": ["object", "null"],
        "properties": {"开始": _SCALAR, "结束": _SCALAR, "start": _SCALAR, "end": _SCALAR},
        "additionalProperties": False,
    },
}
# pydantic's definitions of the typed results, which no written field uses once replaced.
_BUILT_TYPES = ("Period", "YearMonth", "TableKind", "Direction", "IndicatorValue")


def _extended_fields(record: dict[str, Any]) -> None:
    properties = record.get("properties", {})
    for label, written in _WRITTEN_AS.items():
        if label in properties:
            properties[label] = {"title": label, **copy.deepcopy(written)}


def _text_fields(record: dict[str, Any], labels: dict[str, str], types: dict[str, Any]) -> None:
    """A text field takes any scalar, as written (the loader reads ``指标值: 5``
    as the text "5"); pydantic would say strings only."""
    properties = record.get("properties", {})
    for name, annotation in types.items():
        if annotation is str or (get_origin(annotation) in (Union, UnionType) and str in get_args(annotation)):
            prop = properties.get(labels[name])
            if prop is not None:
                prop.pop("anyOf", None)
                prop.pop("type", None)
                prop["type"] = ["string", "number", "boolean", "null"]


def _alternative_keys(record: dict[str, Any], accepted: dict[str, str], labels: dict[str, str]) -> None:
    """Every other key the loader accepts for a field (its English name),
    with the schema of the field's label."""
    properties = record.get("properties", {})
    for key, name in accepted.items():
        label = labels[name]
        if key not in properties and label in properties:
            alternative = copy.deepcopy(properties[label])
            alternative["title"] = key
            alternative["description"] = f"同“{label}”"
            properties[key] = alternative


def _indicator_table() -> dict[str, Any]:
    """一级 → 二级 → list of indicators. The standard labels (产出指标, 数量指标 …)
    are properties, offered as completions; any other label validates too, so
    the variants real tables print (项目完成指标, 服务对象满意度 指标 …) pass."""
    from targetlint.vocabulary import LEVEL1_ALIASES, LEVEL2_ALIASES, Level2Kind

    def level2_table(kinds: list[Level2Kind], under: str) -> dict[str, Any]:
        return {
            "anyOf": [
                {
                    "type": "object",
                    "description": f"{under}：二级指标 → 三级指标列表",
                    "properties": {
                        f"{kind}指标": {
                            "$ref": "#/$defs/IndicatorList",
                            "description": f"二级指标：{kind}（属于 {LEVEL2_ALIASES[kind][0]}指标）",
                        }
                        for kind in kinds
                    },
                    "additionalProperties": {"$ref": "#/$defs/IndicatorList"},
                },
                {"type": "null"},
            ]
        }

    any_level1 = level2_table(list(LEVEL2_ALIASES), "一级指标")
    # A level printed above the standard 一级 (实施效果指标 over 产出指标 and
    # 效益指标): a mapping of 一级 tables.
    group: dict[str, Any] = {
        "type": "object",
        "description": "标准一级之上的附加层级：一级指标 → 二级指标 → 三级指标列表",
    }
    group["additionalProperties"] = any_level1
    return {
        "type": ["object", "array"],
        "description": DESCRIPTIONS["绩效指标"],
        "properties": {
            f"{level1}指标": level2_table(
                [kind for kind, (home, _) in LEVEL2_ALIASES.items() if home == level1], f"一级指标：{level1}"
            )
            for level1 in LEVEL1_ALIASES
        },
        "additionalProperties": {"anyOf": [*any_level1["anyOf"], group]},
        # A table that prints no levels at all: a plain list of indicators.
        "items": {"$ref": "#/$defs/Indicator"},
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def shipped() -> str:
    """The schema the package ships."""
    return SCHEMA_FILE.read_text(encoding="utf-8")
