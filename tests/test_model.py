"""The loader builds records without pydantic from values it has already
typed; these tests hold that shortcut to what pydantic itself builds from
the same model (``targetlint.model_schema``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from targetlint.loader import load
from targetlint.model import Declaration, Funds, Indicator, Level2
from targetlint.model_schema import record_adapter
from targetlint.source import read_source

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.yaml"


def test_records_share_no_mutable_default():
    first, second = Level2(label="a"), Level2(label="b")
    first.indicators.append(Indicator(name="x"))
    first.spans["key"] = None
    assert second.indicators == [] and second.spans == {}
    assert Declaration().level1s is not Declaration().level1s


def test_pydantic_reads_labels_and_english_names_alike():
    by_label = record_adapter(Declaration).validate_python({"申报年度": "2024", "项目资金": {"年度资金申请总额": 100}})
    by_name = record_adapter(Declaration).validate_python({"year": 2024, "funds": {"total": "100"}})
    assert by_label == by_name == Declaration(year=2024, funds=Funds(total=Decimal(100)))


def _plain_indicators(mapping) -> list[dict]:
    items = []
    for level2s in (mapping.get("绩效指标") or {}).values():
        for rows in (level2s or {}).values():
            items.extend(row for row in rows or () if isinstance(row, dict))
    return items


def test_every_seed_record_equals_pydantics_validation_of_the_yaml():
    # The twin is validated by pydantic from the document as a YAML library
    # reads it, not from what the loader stored.
    from ruamel.yaml import YAML

    documents = [d for d in YAML(typ="safe").load_all(SEED.read_text(encoding="utf-8")) if d]
    loaded = load(read_source(str(SEED)))
    assert len(documents) == len(loaded.declarations) == 26
    compared = 0
    for document, declaration in zip(documents, loaded.declarations):
        scalars = {key: value for key, value in document.items() if not isinstance(value, (dict, list))}
        twin = record_adapter(Declaration).validate_python(scalars)
        for name in (
            "year",
            "name",
            "nature",
            "category",
            "department",
            "implementer",
            "start_date",
            "end_date",
            "goal",
        ):
            assert getattr(declaration, name) == getattr(twin, name), name
            assert type(getattr(declaration, name)) is type(getattr(twin, name)), name
            compared += 1
        if isinstance(document.get("项目资金"), dict):
            funds = record_adapter(Funds).validate_python(document["项目资金"])
            for name in ("total", "appropriation", "carryover", "other"):
                assert getattr(declaration.funds, name) == getattr(funds, name), name
                compared += 1
        rows = _plain_indicators(document)
        indicators = list(declaration.indicators())
        assert len(rows) == len(indicators)
        for row, indicator in zip(rows, indicators):
            # A number written bare stays its text in the model (指标值: 100 → "100").
            twin = record_adapter(Indicator).validate_python(
                {key: value for key, value in row.items() if isinstance(value, str)}
            )
            for name in ("name", "value", "unit", "operator", "kind", "note"):
                if getattr(twin, name) is not None:
                    assert getattr(indicator, name) == getattr(twin, name), name
                    compared += 1
    assert compared > 500


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


def _loaded(tmp_path, text: str):
    path = tmp_path / "declaration.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load(read_source(str(path)))
    return loaded, [(p.kind, p.detail, p.expected) for p in loaded.problems]


def test_a_field_under_both_names_keeps_the_first(tmp_path):
    loaded, problems = _loaded(
        tmp_path,
        "项目名称: 培训项目\n申报年度: 2025\nyear: 2024\n项目资金:\n  年度资金申请总额: 100\n  total: 300\n"
        "绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数\n        name: 培训人次\n        指标值: ≥100人\n",
    )
    (declaration,) = loaded.declarations
    assert declaration.year == 2025 and declaration.funds.total == Decimal(100)
    assert [i.name for i in declaration.indicators()] == ["培训人数"]
    assert declaration.span("year").line == 2
    assert problems == [
        ("duplicate-key", "year", "申报年度"),
        ("duplicate-key", "total", "年度资金申请总额"),
        ("duplicate-key", "name", "三级指标"),
    ]


def test_of_two_indicator_tables_the_first_counts(tmp_path):
    loaded, problems = _loaded(
        tmp_path,
        "项目名称: 培训项目\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数\n        指标值: ≥100人\n"
        "indicators:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训场次\n        指标值: ≥6场\n",
    )
    assert [i.name for i in loaded.declarations[0].indicators()] == ["培训人数"]
    assert problems == [("duplicate-key", "indicators", "绩效指标")]
