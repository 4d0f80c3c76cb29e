"""Located loading: every field and indicator knows its line and column."""

from __future__ import annotations

from targetlint.loader import load
from targetlint.source import decode
from targetlint.span import Span

from .conftest import FIXTURES


def _load(text: str, path: str = "t.yaml"):
    return load(decode(text.encode("utf-8"), path))


def test_example_positions_are_exact():
    loaded = _load((FIXTURES / "example.yaml").read_text(encoding="utf-8"))
    assert not loaded.problems
    (declaration,) = loaded.declarations
    assert declaration.name == "劳动人事争议仲裁工作专项"
    assert declaration.year == 2023
    assert str(declaration.funds.total) == "1732000.00"
    assert declaration.span("name") == Span(3, 7, 3, 19)
    indicators = list(declaration.indicators())
    assert [i.name for i in indicators] == [
        "专项队伍目标案件完成数",
        "培训人数达标率",
        "年度综合评估机制健全性",
        "调解仲裁工作服务态度满意度",
    ]
    rate = indicators[1]
    assert rate.span("value") == Span(23, 14, 23, 18)
    assert rate.path == ("产出指标", "质量指标", "培训人数达标率")
    assert rate.level1.kind == "产出" and rate.level2.kind == "质量"
    assert rate.facts.is_rate and rate.facts.is_bounded_rate


def test_english_keys_are_accepted_as_aliases():
    loaded = _load(
        "year: 2024\nname: 项目\nindicators:\n  产出指标:\n    数量指标:\n      - name: 场次\n        value: 3场\n"
    )
    (declaration,) = loaded.declarations
    assert declaration.year == 2024 and declaration.name == "项目"
    (indicator,) = declaration.indicators()
    assert indicator.value == "3场" and indicator.span("value").line == 7


def test_bare_yaml_number_keeps_its_source_text():
    loaded = _load(
        "项目名称: x\n绩效指标:\n  产出指标:\n    质量指标:\n      - 三级指标: 整改率\n        指标值: 100.0\n"
    )
    (indicator,) = loaded.declarations[0].indicators()
    assert indicator.value == "100.0"
    assert indicator.parsed.from_yaml_number


def test_unknown_key_and_wrong_type_are_located_problems():
    loaded = _load("项目名称: x\n申报年度: 二〇二三\n项目编号: 7\n项目资金:\n  年度资金申请总额: '1,000.00'\n")
    kinds = {(p.kind, p.span.line, p.span.column, p.detail) for p in loaded.problems}
    assert ("invalid-type", 2, 7, "申报年度") in kinds
    assert ("unknown-key", 3, 1, "项目编号") in kinds
    assert ("invalid-type", 5, 13, "年度资金申请总额") in kinds
    # The declaration still loads, without the bad fields.
    (declaration,) = loaded.declarations
    assert declaration.year is None and declaration.funds.total is None


def test_syntax_error_is_a_problem_and_later_documents_still_load():
    text = '项目名称: a\n---\n项目名称: "b\n---\n项目名称: c\n'
    loaded = _load(text)
    assert [d.name for d in loaded.declarations] == ["a", "c"]
    (problem,) = loaded.problems
    # Reported at the quote left open, not at the marker where the parser gave up.
    assert problem.kind == "yaml-syntax" and problem.span[:2] == (3, 7)
    # Positions after the broken document are shifted back to file lines.
    assert loaded.declarations[1].span("name").line == 5


def test_duplicate_key_and_unsafe_tag():
    loaded = _load("项目名称: a\n项目名称: b\n年度总体目标: !!python/object:os.system x\n")
    kinds = sorted((p.kind, p.span.line) for p in loaded.problems)
    assert kinds == [("duplicate-key", 2), ("unsafe-tag", 3)]


def test_documents_that_are_not_mappings():
    loaded = _load("- a\n- b\n---\njust text\n")
    assert [(p.kind, p.span.line) for p in loaded.problems] == [("not-a-declaration", 1), ("not-a-declaration", 4)]
    assert loaded.declarations == []


def test_alias_bomb_is_bounded():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    lines.append("绩效指标:\n  产出指标:\n    数量指标: *a8")
    loaded = _load("\n".join(lines) + "\n")
    assert any(p.kind in ("too-complex", "invalid-type", "unknown-key") for p in loaded.problems)


def test_gb18030_is_decoded_and_reported():
    source = decode("项目名称: 测试\n".encode("gb18030"), "g.yaml")
    assert source.codec is not None and source.codec.name == "gb18030"
    assert [p.kind for p in source.problems] == ["not-utf8"]
    assert load(source).declarations[0].name == "测试"


def test_files_of_other_yaml_are_foreign_and_skipped():
    workflow = _load("name: CI\non:\n  push: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n")
    assert workflow.foreign and not workflow.problems and not workflow.declarations
    # Beside a real declaration, a stray mapping is reported, not skipped.
    mixed = _load("项目名称: a\n---\nname: CI\non: push\n")
    assert not mixed.foreign
    assert [(p.kind, p.detail, p.span.line) for p in mixed.problems] == [("not-a-declaration", "foreign", 3)]
