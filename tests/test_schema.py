"""The declaration format's JSON Schema (`targetlint schema`): generated from
the model, shipped in the package, and true to the fixtures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from ruamel.yaml import YAML

from targetlint.config import YAML_NAMES
from targetlint.schema import EXAMPLE, SCHEMA_FILE, generate, render, shipped
from tests.conftest import FIXTURES, TRAINING_DECLARATION

FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.y*ml") if p.name not in YAML_NAMES)


def validator() -> Draft202012Validator:
    schema = json.loads(shipped())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def as_json(value):
    """A YAML value as an editor's YAML server hands it to the schema: dates are strings."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def documents(text: str) -> list:
    return [as_json(d) for d in YAML(typ="safe", pure=True).load_all(text) if d is not None]


def error_at(document) -> list | None:
    """Where the schema says the document is wrong (the most relevant error, as
    jsonschema judges it), or None if it validates."""
    error = best_match(validator().iter_errors(document))
    return None if error is None else list(error.absolute_path)


def test_shipped_schema_is_the_generated_one():
    assert shipped() == render(generate()), (
        f"{SCHEMA_FILE.name} is stale: run targetlint schema -o targetlint/schemas/{SCHEMA_FILE.name}"
    )


def test_schema_command_prints_it(cli, tmp_path):
    done = cli("schema")
    assert done.code == 0 and done.out == shipped()
    target = tmp_path / "declaration.schema.json"
    assert cli("schema", "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8") == shipped()


def test_fixtures_exist():
    assert FIXTURES / "example.yaml" in FIXTURE_FILES and len(FIXTURE_FILES) >= 2


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_validates(path: Path):
    loaded = documents(path.read_text(encoding="utf-8"))
    assert loaded
    for index, document in enumerate(loaded):
        assert error_at(document) is None, f"document {index}"


def test_the_example_validates_and_is_a_clean_declaration(cli, tmp_path):
    assert error_at(EXAMPLE) is None
    assert json.loads(shipped())["examples"] == [EXAMPLE]
    # targetlint reads it as a declaration: nothing about its structure or keys.
    path = tmp_path / "example.yaml"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    done = cli("check", "--format", "json", "--no-cache", str(path))
    findings = json.loads(done.out)["findings"]
    assert done.code == 0 and not [f for f in findings if f["code"].startswith("TL00")], findings


@pytest.mark.parametrize(
    ("broken", "path"),
    [
        ("申报年度: 二〇二三年\n", ["申报年度"]),
        ("项目资金:\n  当年财政拨款: [1, 2]\n", ["项目资金", "当年财政拨款"]),
        ("计划开始日期: 2023年1月1日\n", ["计划开始日期"]),
        (
            "绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 场次\n        指标值: {a: 1}\n",
            ["绩效指标", "产出指标", "数量指标", 0, "指标值"],
        ),
        # A 一级 may also be a level above the standard 一级 (a mapping of 一级
        # tables), so a 二级 that is no list fails at the label both readings share.
        ("绩效指标:\n  项目完成指标:\n    数量指标: 三场\n", ["绩效指标", "项目完成指标"]),
        # A list is a table with no levels: a label in it is no indicator.
        ("绩效指标: [产出指标]\n", ["绩效指标", 0]),
        (
            "indicators:\n  产出指标:\n    质量指标:\n      - name: 合格率\n        value: [1]\n",
            ["indicators", "产出指标", "质量指标", 0, "value"],
        ),
    ],
)
def test_a_broken_declaration_fails_at_its_json_path(broken, path):
    (document,) = documents(broken)
    assert error_at(document) == path


def test_standard_labels_are_offered_and_variants_still_validate():
    schema = json.loads(shipped())
    table = schema["$defs"]["IndicatorTable"]
    assert list(table["properties"]) == ["产出指标", "效益指标", "满意度指标", "成本指标"]
    output = table["properties"]["产出指标"]["anyOf"][0]["properties"]
    assert list(output) == ["数量指标", "质量指标", "时效指标", "成本指标"]
    cost = table["properties"]["成本指标"]["anyOf"][0]["properties"]
    assert list(cost) == ["经济成本指标", "社会成本指标", "生态环境成本指标"]
    # Chinese keys carry Chinese descriptions; English keys are accepted too.
    assert schema["properties"]["申报年度"]["description"].startswith("申报年度")
    assert schema["properties"]["year"]["description"] == "同“申报年度”"
    variants = TRAINING_DECLARATION.replace("产出指标", "项目完成指标").replace(
        "满意度指标:", "社会公众或服务对象满意度 指标:"
    )
    (document,) = documents(variants)
    assert "项目完成指标" in document["绩效指标"]
    assert error_at(document) is None
