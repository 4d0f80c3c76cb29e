"""The extended form's typed fields: what each printed spelling reads as."""

from decimal import Decimal

import pytest

from targetlint.form_fields import (
    Direction,
    TableKind,
    WeightRange,
    YearMonth,
    direction,
    label_weight,
    table_kind,
    weight,
    year_month,
)
from targetlint.names import level1_kind, level2_kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("正向", Direction.POSITIVE),
        ("正向指标", Direction.POSITIVE),
        ("越大越好", Direction.POSITIVE),
        ("越小越好", Direction.NEGATIVE),
        ("反向 ", Direction.NEGATIVE),
        ("中性", Direction.NEUTRAL),
        ("上", None),
        ("≥", None),  # an operator printed in a 方向 column is not a direction
    ],
)
def test_direction_spellings(text, expected):
    assert direction(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目支出", TableKind.PROJECT),
        ("部门整体", TableKind.DEPARTMENT),
        ("部门整体支出", TableKind.DEPARTMENT),
        ("转移支付", TableKind.TRANSFER),
        ("区域绩效目标表", TableKind.TRANSFER),
        ("其他", None),
    ],
)
def test_table_kind_spellings(text, expected):
    assert table_kind(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", YearMonth(2023)),
        ("2023-07", YearMonth(2023, 7)),
        ("2023.7", YearMonth(2023, 7)),
        ("2023年7月", YearMonth(2023, 7)),
        ("2023-13", None),
        ("二〇二三", None),
    ],
)
def test_year_month(text, expected):
    assert year_month(text) == expected


def test_year_months_order_by_time():
    assert YearMonth(2023, 7) < YearMonth(2024, 1)
    assert str(YearMonth(2023, 7)) == "2023-07"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("成本指标(0-20)分", WeightRange(Decimal(0), Decimal(20))),
        ("产出指标 (40-50)分", WeightRange(Decimal(40), Decimal(50))),
        ("效益指标（30分）", WeightRange(Decimal(30), Decimal(30))),
        ("满意度指标(必填)", None),
        ("产出指标", None),
    ],
)
def test_label_weight(label, expected):
    assert label_weight(label) == expected


def test_a_score_range_is_normalised_away_like_a_decoration():
    assert level1_kind("成本指标(0-20)分") == "成本"
    assert level1_kind("产出指标 (40-50)分") == "产出"
    assert level2_kind("经济成本指标（10分）", "成本") == ("经济成本", "成本")


def test_variant_spellings_map_to_standard_categories():
    assert level2_kind("服务对象或受益者满意度指标", "满意度") == ("服务对象满意度", "满意度")
    assert level2_kind("可持续性发展影响指标", "效益") == ("可持续影响", "效益")


@pytest.mark.parametrize(("text", "expected"), [("20", Decimal(20)), ("20.5", Decimal("20.5")), ("20分", Decimal(20))])
def test_weight_text(text, expected):
    assert weight(text) == expected


@pytest.mark.parametrize("text", ["二十", "", "20-30", "约20"])
def test_weight_text_that_is_no_number(text):
    assert weight(text) is None
