"""The loader builds records without validating values it has already typed;
these tests hold that shortcut to what pydantic itself would build."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from targetlint.loader import load
from targetlint.model import Declaration, Funds, Indicator, Level1, Level2, Record
from targetlint.source import read_source

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.yaml"
RECORDS = (Declaration, Funds, Indicator, Level1, Level2)


def _state(record: Record) -> tuple:
    return (dict(record.__dict__), record.__pydantic_fields_set__, record.__pydantic_extra__, record.__pydantic_private__)


@pytest.mark.parametrize("model", RECORDS)
def test_typed_keeps_model_constructs_contract(model):
    given = {"spans": {}}
    if "label" in model.model_fields:
        given["label"] = "产出指标"
    assert _state(model.typed(**given)) == _state(model.model_construct(**given))
    assert _state(model.typed()) == _state(model.model_construct())      # a required field left out stays out


def test_typed_records_share_no_mutable_default():
    first, second = Level2.typed(label="a"), Level2.typed(label="b")
    first.indicators.append("x")
    first.spans["key"] = None
    assert second.indicators == [] and second.spans == {}


def _validated(record: Record) -> Record:
    given = {name: record.__dict__[name] for name in record.__pydantic_fields_set__ if name in type(record).model_fields}
    return type(record).model_validate(given, by_alias=False, by_name=True)


def test_every_seed_record_equals_its_validated_twin():
    loaded = load(read_source(str(SEED)))
    assert len(loaded.declarations) == 26
    checked = 0
    for declaration in loaded.declarations:
        records = [declaration, *declaration.level1s, *declaration.categories(), *declaration.indicators()]
        if declaration.funds is not None:
            records.append(declaration.funds)
        for record in records:
            twin = _validated(record)
            for name in record.__pydantic_fields_set__:
                assert type(getattr(twin, name)) is type(getattr(record, name)), (record, name)
                assert getattr(twin, name) == getattr(record, name), (record, name)
            checked += 1
    assert checked > 400


def test_values_of_other_types_still_go_through_validation(tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text(
        "项目名称: 测试\n申报年度: '2024'\n计划开始日期: '2024-02-01'\n"
        "项目资金:\n  年度资金申请总额: 100\n  当年财政拨款: '50.5'\n  其他资金: 很多\n"
        "绩效指标: {}\n",
        encoding="utf-8",
    )
    loaded = load(read_source(str(path)))
    declaration = loaded.declarations[0]
    assert declaration.year == 2024 and declaration.start_date == dt.date(2024, 2, 1)
    assert declaration.funds.total == Decimal(100) and type(declaration.funds.total) is Decimal
    assert declaration.funds.appropriation == Decimal("50.5")
    assert declaration.funds.other is None
    assert [problem.kind for problem in loaded.problems] == ["invalid-type"]


def test_a_field_under_both_names_keeps_the_first(tmp_path):
    path = tmp_path / "both.yaml"
    path.write_text(
        "项目名称: 培训项目\n申报年度: 2025\nyear: 2024\n项目资金:\n  年度资金申请总额: 100\n  total: 300\n"
        "绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数\n        name: 培训人次\n        指标值: ≥100人\n",
        encoding="utf-8",
    )
    loaded = load(read_source(str(path)))
    (declaration,) = loaded.declarations
    assert declaration.year == 2025 and declaration.funds.total == Decimal(100)
    assert [i.name for i in declaration.indicators()] == ["培训人数"]
    assert declaration.span("year").line == 2
    assert [(p.kind, p.detail, p.expected) for p in loaded.problems] == [
        ("duplicate-key", "year", "申报年度"), ("duplicate-key", "total", "年度资金申请总额"), ("duplicate-key", "name", "三级指标"),
    ]
