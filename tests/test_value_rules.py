"""The value rules (TL2xx) beyond what the YAML cases express: severities a
rule chooses per finding, the name facts they rest on, and the reviewed
findings on the seed declarations."""

from __future__ import annotations

from collections import Counter

import pytest

from targetlint.engine import Engine
from targetlint.lint import lint
from targetlint.names import name_facts
from targetlint.plugins import load_catalogue
from targetlint.rule import Severity
from targetlint.testing import declaration_text
from targetlint.vocabulary import DEFAULT_VOCABULARY

from .conftest import FIXTURES

SEED = FIXTURES / "seed" / "shanghai-hrss-2023-performance-targets.yaml"
REGISTRY = load_catalogue()
# TL213 nonstandard-operator and TL214 value-style judge how a value is
# written, not what it says; their seed behaviour is tested in test_fix.py.
FORM_RULES = {"TL213", "TL214"}
VALUE_RULES = sorted(code for code in REGISTRY.rules if code.startswith("TL2") and code not in FORM_RULES)


def run(codes, text: str):
    # The check's own path, as the rule-case harness takes it.
    return lint(text.encode("utf-8"), "case.yaml", Engine([REGISTRY.lookup(code)() for code in codes])).findings


def test_the_value_rules_come_from_the_catalogue():
    # No list of codes here: a new TL2xx rule joins the seed run below by being installed.
    assert VALUE_RULES and all(REGISTRY.rules[code].origin == "builtin" for code in VALUE_RULES)
    assert set(REGISTRY.rules) >= FORM_RULES and not FORM_RULES & set(VALUE_RULES)


@pytest.mark.parametrize(
    ("value", "severity"),
    [("≥100%", Severity.WARNING), ("100%以上", Severity.WARNING), ("120%", Severity.ERROR), (">100%", Severity.ERROR)],
)
def test_rate_over_100_severity(value, severity):
    findings = run(["TL205"], declaration_text([["产出指标", "质量指标", "项目验收合格率", value]]))
    assert [f.severity for f in findings] == [severity]


@pytest.mark.parametrize(
    ("name", "adverse"),
    [
        ("补助逾期发放率", True),
        ("安全事故发生率", True),
        ("群众投诉率", True),
        ("投诉处理率", False),
        ("设备故障修复率", False),
        ("项目验收合格率", False),
    ],
)
def test_a_rate_of_what_should_not_happen_takes_a_ceiling(name, adverse):
    (finding,) = run(["TL205"], declaration_text([["产出指标", "质量指标", name, "≥100%"]]))
    assert finding.severity is Severity.WARNING  # the finding itself is as for any bounded rate
    assert name_facts(name, DEFAULT_VOCABULARY).is_adverse_rate is adverse
    if adverse:
        assert "越低越好" in finding.message_zh and "“=0%”或“≤N%”" in finding.message_zh
        assert "=100%" not in finding.message_zh and "=100%" not in finding.message_en
    else:
        assert "请写“=100%”" in finding.message_zh


def test_missing_operator_is_opt_in():
    from targetlint.selection import resolve

    assert "TL204" not in resolve(REGISTRY)
    assert "TL204" in resolve(REGISTRY, extend_select=["TL204"])


@pytest.mark.parametrize(
    ("name", "rate", "count", "measure", "satisfaction"),
    [
        ("参训学员对培训师资的满意程度", True, False, True, True),  # the longer measuring ending wins over 程度
        ("国有企业工资管理规范程度", False, False, True, False),
        ("居民消费价格指数", False, False, True, False),  # an index ends in 数 but counts nothing
        ("财政资金放大倍数", False, False, True, False),
        ("满意度调查次数", False, True, True, False),  # mentions satisfaction, counts surveys
        ("人才调查数据使用单位", False, False, False, False),
        ("监察-培训工作及时性（按照工作计划及时完成培训）", False, False, True, False),
        ("老干部政策落实情况", False, False, True, False),
        ("监察-受训人员（单位）满意率", True, False, True, True),
        ("年度培训开班次数", False, True, True, False),
    ],
)
def test_name_facts(name, rate, count, measure, satisfaction):
    facts = name_facts(name, DEFAULT_VOCABULARY)
    assert (facts.is_rate, facts.is_count, facts.names_measure, facts.measures_satisfaction) == (
        rate,
        count,
        measure,
        satisfaction,
    )


# Every finding of the value rules on the seed was reviewed by hand (see the
# rules-values report); a change in these counts needs the same review.
SEED_FINDINGS = {
    "TL201": 3,
    "TL203": 24,
    "TL204": 16,
    "TL206": 1,
    "TL207": 35,
    "TL208": 11,
    "TL209": 5,
    "TL210": 7,
    "TL211": 6,
    "TL212": 1,
    "TL218": 6,
}


def test_seed_findings_per_rule():
    findings = run(VALUE_RULES, SEED.read_text(encoding="utf-8"))
    assert not [f for f in findings if f.code == "TL009"]
    assert Counter(f.code for f in findings) == SEED_FINDINGS


def test_one_finding_per_value_on_the_seed():
    # The rules split the defects between them, so no value is reported twice,
    # except where a value has two independent defects.
    findings = run(VALUE_RULES, SEED.read_text(encoding="utf-8"))
    per_value = Counter((f.line, f.column) for f in findings)
    # 742: "1700人左右…资助， 20个左右…资助" is a sentence (TL210) whose numbers
    # are approximations (TL208): two defects, each with its own fix.
    assert [where for where, n in per_value.items() if n > 1] == [(742, 14)]


AREA_TABLE = """\
项目名称: 宗教管理经费补助
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 项目资金使用合规性
        指标值: ">=95%"
        区域目标值:
          新罗区: ">=95%"
          永定区: "≥95%"
"""


def test_each_area_value_is_judged_like_the_indicator_value():
    # The row's 指标值 and each 区域目标值 go through the same rule; a finding
    # on an area sits at that area's value, names the area and fixes it there.
    findings = sorted(run(["TL213"], AREA_TABLE), key=lambda f: f.line)
    assert [(f.line, f.column) for f in findings] == [(6, 14), (8, 16)]
    assert "区域" not in findings[0].message_zh
    assert findings[1].message_zh.endswith("（区域：新罗区）")
    assert findings[1].message_en.endswith("(area: 新罗区)")
    assert findings[1].fix is not None and findings[1].fix.replacement == "≥95%"
    assert findings[1].fix.span == findings[1].span
