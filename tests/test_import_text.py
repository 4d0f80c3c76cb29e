"""Importing text tables (PDF-to-text, tab-separated), the seed above all."""

from __future__ import annotations

import io
import os
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from targetlint.atomic import write_atomic
from targetlint.importer import load, run_import, safe_filename
from targetlint.importer.emit import dump, key, scalar, value
from targetlint.schema import MODELINE

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.txt"
SEED_YAML = ROOT / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.yaml"

# Indicators per declaration, counted by reading the seed source by hand
# (one per 三级指标 row, following each table across its page break).
SEED_COUNTS = {
    "劳动人事争议仲裁工作专项": 17,
    "法律法规专项经费": 8,
    "老干部工作经费": 15,
    "机关事业单位运行保障经费": 13,
    "职业培训管理工作经费": 10,
    "人才开发工作专项": 18,
    "高技能人才工作专项": 11,
    "审计、评审、评估、绩效管理等工作经费": 14,
    "职业技能竞赛": 7,
    "宣传工作经费": 19,
    "组织人事专项": 15,
    "农民工工作专项": 7,
    "重点及保密工作": 18,
    "海外联络处专项经费": 12,
    "专业技术人员及事业单位管理工作经费": 11,
    "市社会稳定办专项工作经费": 6,
    "劳动力市场工资管理": 16,
    "2023年度上海世赛筹办工作经费": 5,
    "专用设备购置及维护管理经费": 12,
    "信息化管理工作经费": 11,
    "队伍建设专项": 39,
    "统一人力资源市场建设": 7,
    "三支一扶及大学生就业": 9,
    "人力资源和社会保障政策研究专项": 11,
    "劳动保障工作经费": 36,
    "社会保障基金监管专项工作经费": 13,
}

# (declaration, 三级指标) → (一级, 二级, 指标值), read off the source by hand.
# Most sit on or next to a page break, where headings shift or go missing.
SPOT_CHECKS = {
    # after a page break the 一级 column is blank and 二级 sits in it
    ("劳动人事争议仲裁工作专项", "劳动人事争议调解仲裁办案及时率"): ("产出指标", "时效指标", "100%"),
    # a 二级 printed with its in-cell line break
    ("劳动人事争议仲裁工作专项", "专项队伍调解满意度"): ("满意度指标", "服务对象满意度 指标", "≥90%"),
    # "服务对象满意度" on one page, its "指标" on the next: one label for both rows
    ("职业培训管理工作经费", "培训对象满意度"): ("满意度指标", "服务对象满意度 指标", "≥95%"),
    ("职业培训管理工作经费", "参会人员满意度"): ("满意度指标", "服务对象满意度 指标", "100%"),
    # "绩效 指标 质量指标 质量指标": the reprinted heading continues 质量 指标
    ("人才开发工作专项", "对口地区人才培养人次达标率"): ("产出 指标", "质量 指标", "100%"),
    # a row shifted one column right, before the page break
    ("高技能人才工作专项", "获证高技能人才数完成率"): ("产出指标", "时效指标", "100%"),
    # 一级 printed in the first column after a page break
    ("审计、评审、评估、绩效管理等工作经费", "审计/评价发现问题整改率"): ("效益指标", "可持续影响指标", "100"),
    # rows printed before the page that carries their 一级
    ("宣传工作经费", "基层宣传平台建设个数"): ("产出指标", "数量指标", "3个"),
    ("队伍建设专项", "纪检组-监督执纪审查调查工作完成率"): ("产出指标", "数量指标", "100%"),
    # a 二级 of 效益 printed before its 一级 reaches the next page
    ("海外联络处专项经费", "海外工作站运行保障率"): ("效益指标", "社会效益指标", "100%"),
    ("专用设备购置及维护管理经费", "设备事故发生数"): ("效益指标", "社会效益指标", "0"),
    # "绩效" / "指标" split across the page: the outer frame, not a heading
    ("劳动力市场工资管理", "企业薪酬调查及时率"): ("产出指标", "时效指标", "90"),
    # a name shifted into the first column
    ("队伍建设专项", "团-重要节点活动开展费用"): ("产出指标", "成本指标", "不高于市场价的中等水平"),
    ("队伍建设专项", "工会-参加工会干部培训人员满意度"): ("满意度指标", "服务对象满意度指标", "≥90%"),
    # a row with a 二级 and a name but no value
    ("劳动保障工作经费", "就促养保-相关政策制定传达指导工作达标率"): ("产出指标", "质量指标", ""),
    ("劳动保障工作经费", "居保-城乡居民养老保险工作会议参会人数"): ("产出指标", "质量指标", "30"),
    # 成本指标 under 产出 in an older-layout table, printed in the 一级 column
    ("社会保障基金监管专项工作经费", "差旅费成本"): ("产出指标", "成本指标", "不高于前3年最高值"),
    # values kept verbatim, LaTeX residue included
    ("专业技术人员及事业单位管理工作经费", "服务满意度"): ("满意度指标", "服务对象满意度 指标", r"$\geq 80\%$"),
}


@pytest.fixture(scope="module")
def seed():
    result = load(str(SEED_TXT))
    assert result.problems == []
    return result.declarations


def _yaml():
    return YAML(typ="safe", pure=True)


def _run(source, output=None, *, split=False, force=False):
    out, err = io.StringIO(), io.StringIO()
    code = run_import(
        str(source),
        None if output is None else str(output),
        split=split,
        force=force,
        stdout=out,
        stderr=err,
        lang="en",  # the messages below are checked in English; test_import_messages checks both
    )
    return code, out.getvalue(), err.getvalue()


# --- the seed ---------------------------------------------------------------
def test_seed_has_every_declaration_with_its_indicator_count(seed):
    assert {d.name: len(d.indicators) for d in seed} == SEED_COUNTS
    assert sum(SEED_COUNTS.values()) == 360


def test_seed_spot_checks(seed):
    found = {(d.name, i.name): (i.level1, i.level2, i.value) for d in seed for i in d.indicators}
    for where, expected in SPOT_CHECKS.items():
        assert found[where] == expected, where


def test_seed_header_fields(seed):
    first = seed[0]
    assert first.year == 2023
    assert first.department == first.implementer == "上海市人力资源和社会保障局"
    assert (first.nature, first.category) == ("经常性专项业务费", "特定目标类")
    assert (first.start, first.end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert first.funding.total == Decimal("1732000.00") == first.funding.current
    assert first.funding.carryover == first.funding.other == Decimal("0")
    assert all(d.year == 2023 for d in seed)
    worlds = next(d for d in seed if d.name == "2023年度上海世赛筹办工作经费")
    assert worlds.nature == "其他一次性项目"
    assert worlds.funding.total == Decimal("8500000.00")


def test_seed_goal_markup_survives(seed):
    team = next(d for d in seed if d.name == "队伍建设专项")
    assert team.goal.startswith("<p>切实履行纪检监察组")
    assert "。</p> <p>通过抓好" in team.goal
    assert team.goal.endswith("作用。</p>")


def test_every_indicator_keeps_its_source_line(seed):
    lines = SEED_TXT.read_text(encoding="utf-8").splitlines()
    for decl in seed:
        for indicator in decl.indicators:
            assert indicator.name in lines[indicator.where.line - 1]


def test_fixture_reads_back_to_what_was_extracted(seed):
    documents = list(_yaml().load_all(SEED_YAML.read_text(encoding="utf-8")))
    assert len(documents) == len(seed)
    for doc, decl in zip(documents, seed):
        assert list(doc)[:10] == [
            "申报年度",
            "项目名称",
            "项目性质",
            "项目类别",
            "主管部门",
            "实施单位",
            "计划开始日期",
            "计划完成日期",
            "项目资金",
            "年度总体目标",
        ]
        assert doc["申报年度"] == decl.year
        assert doc["项目名称"] == decl.name
        assert doc["计划开始日期"] == decl.start and doc["计划完成日期"] == decl.end
        assert doc["年度总体目标"] == decl.goal
        funding = doc["项目资金"]
        assert Decimal(str(funding["年度资金申请总额"])) == decl.funding.total
        assert Decimal(str(funding["其他资金"])) == decl.funding.other
        read = [
            (l1, l2, item["三级指标"], item["指标值"])
            for l1, by_l2 in doc["绩效指标"].items()
            for l2, items in by_l2.items()
            for item in items
        ]
        assert sorted(map(_as_text, read)) == sorted((i.level1, i.level2, i.name, i.value) for i in decl.indicators)


def _as_text(row):
    l1, l2, name, val = row
    # Bare numbers come back as numbers; everything else as the very same string.
    if isinstance(val, bool):
        raise AssertionError(f"{name}: value read back as a boolean")
    return (l1, l2, name, str(val) if isinstance(val, int) else val)


def test_fixture_is_what_the_importer_writes(tmp_path):
    code, _, err = _run(SEED_TXT, f"{tmp_path}/")
    assert code == 0, err
    written = tmp_path / SEED_YAML.name
    assert written.read_bytes() == SEED_YAML.read_bytes()


def test_fixture_formats_as_the_core_expects():
    text = SEED_YAML.read_text(encoding="utf-8")
    assert "  年度资金申请总额: 1732000.00\n" in text
    assert "计划开始日期: 2023-01-01\n" in text
    assert "    服务对象满意度 指标:\n" in text
    assert "        指标值: 90\n" in text  # a bare number stays a number
    assert "        指标值: '>85(%)'\n" in text  # '>' would start a folded block
    assert "        指标值: ''\n" in text  # a missing value is an empty string
    assert "\\u" not in text and text.count("\n---\n") == 25


# --- table shapes beyond the seed ---------------------------------------------
HEADER = """财政项目支出绩效目标申报表
(2024年度)
项目名称\t测试项目\t项目性质\t其他一次性项目\t项目类别\t特定目标类
主管部门\t某市某局\t实施单位\t某市某中心\t\t
计划开始日期\t2024/3/1\t计划完成日期\t2024年12月31日\t\t
项目资金 (万元)\t项目资金总额\t\t年度资金申请总额\t12.5\t
\t其中：财政资金\t\t其中：当年财政拨款\t10\t
\t\t\t上年结转资金\t2.5\t
\t其他资金\t\t其他资金\t0\t
项目 绩效 目标\t项目总目标\t\t年度总体目标\t\t
\t\t\t完成测试。\t\t
\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t
"""


def _table(tmp_path, body, name="t.txt", header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def _indicators(path):
    result = load(str(path))
    return result, [(i.level1, i.level2, i.name, i.value) for d in result.declarations for i in d.indicators]


def test_header_block_of_another_form(tmp_path):
    result, _ = _indicators(_table(tmp_path, "产出指标\t数量指标\t甲\t1个\n"))
    decl = result.declarations[0]
    assert decl.year == 2024
    assert (decl.start, decl.end) == (date(2024, 3, 1), date(2024, 12, 31))
    # 万元 amounts are written in 元.
    assert decl.funding.total == Decimal("125000.00")
    assert decl.funding.carryover == Decimal("25000.00")
    assert decl.goal == "完成测试。"


def test_anhui_period_and_annual_goals_in_text(tmp_path):
    # Corpus 06's goal block as the PDF text prints it: the two labels on one
    # row, then each text on a row of its own, the 中期 text first.
    header = (
        "项目支出绩效目标申报表\n( 2024 年度)\n项目名称\t质检体系建设\n"
        "总 体 目 标\t\n中期目标(2024年—2026年)\t年度目标\t\n三年内建成质检体系。\t\n开展质量安全监测。\t\n"
        "一级指标\t二级指标\t三级指标\t指标值\t\n"
    )
    result, rows = _indicators(_table(tmp_path, "产出指标\t数量指标\t监督抽检批次\t≥100组\n", header=header))
    (decl,) = result.declarations
    assert (decl.period_goal, decl.goal) == ("三年内建成质检体系。", "开展质量安全监测。")
    assert (decl.period_start, decl.period_end, decl.other) == ("2024", "2026", {})
    assert rows == [("产出指标", "数量指标", "监督抽检批次", "≥100组")]


def test_a_period_goal_label_with_its_text_on_the_same_row(tmp_path):
    # Corpus 10 (湖南): "中长期绩效 目标" followed by its text, then 年度目标 and its own.
    header = (
        "项目名称\t雨露计划\n中长期绩效 目标\t扶持脱贫家庭子女就读职业学校。\n年度目标\t补助1500元/学期。\n"
        "一级指标\t二级指标\t三级指标\t指标值\t\n"
    )
    result, _ = _indicators(_table(tmp_path, "产出指标\t数量指标\t补助人数\t≥100人\n", header=header))
    (decl,) = result.declarations
    assert (decl.period_goal, decl.goal, decl.other) == ("扶持脱贫家庭子女就读职业学校。", "补助1500元/学期。", {})
    assert result.problems == []


def test_a_goal_label_with_its_text_on_the_same_row_is_read(tmp_path):
    header = "项目名称\t道路维护\n总体目标\t维护道路10公里。\n一级指标\t二级指标\t三级指标\t指标值\t\n"
    result, _ = _indicators(_table(tmp_path, "产出指标\t数量指标\t维护长度\t≥10公里\n", header=header))
    (decl,) = result.declarations
    assert (decl.goal, decl.other) == ("维护道路10公里。", {})


def test_an_unknown_label_beside_a_known_one_is_kept(tmp_path):
    # 安徽: "主管部门及代码 | … | 实施单位 | …" and "项目属性 | 常年项目 | 项目期 | 3年".
    header = (
        "项目名称\t质检\n主管部门及代码\t[066]农业农村局\t项目负责人\t张三\n项目属性\t常年项目\t项目期\t3年\n"
        "一级指标\t二级指标\t三级指标\t指标值\t\n"
    )
    result, _ = _indicators(_table(tmp_path, "产出指标\t数量指标\t抽检批次\t≥100组\n", header=header))
    (decl,) = result.declarations
    assert (decl.department, decl.nature) == ("[066]农业农村局", "常年项目")
    assert decl.other == {"项目负责人": "张三", "项目期": "3年"}
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 't.txt'}:2: cells no header field reads, kept in 其他: 项目负责人 | 张三",
        f"{tmp_path / 't.txt'}:3: cells no header field reads, kept in 其他: 项目期 | 3年",
    ]


def test_continuation_rows_and_unknown_second_level(tmp_path):
    body = (
        "产出指标\t数量指标\t甲\t1个\n\t\t乙\t2个\n\t质量指标\t丙\t100%\n"
        "效益指标\t环境友好指标\t丁\t达标\n\t\t戊\t合格\n"
    )
    _, rows = _indicators(_table(tmp_path, body))
    assert rows == [
        ("产出指标", "数量指标", "甲", "1个"),
        ("产出指标", "数量指标", "乙", "2个"),
        ("产出指标", "质量指标", "丙", "100%"),
        ("效益指标", "环境友好指标", "丁", "达标"),
        ("效益指标", "环境友好指标", "戊", "合格"),
    ]


def test_first_level_label_split_across_rows(tmp_path):
    body = "产出\t数量指标\t甲\t1个\n指标\t\t乙\t2个\n满意度指标\t服务对象满意度\t丙\t≥90%\n\t指标\t丁\t≥85%\n"
    _, rows = _indicators(_table(tmp_path, body))
    assert [r[:2] for r in rows] == [("产出 指标", "数量指标")] * 2 + [("满意度指标", "服务对象满意度 指标")] * 2


def test_new_layout_cost_first_level(tmp_path):
    body = "成本指标\t经济成本指标\t单位成本\t≤100元/人\n产出指标\t数量指标\t甲\t1个\n\t成本指标\t乙\t≤5万元\n"
    _, rows = _indicators(_table(tmp_path, body))
    assert rows[0][:2] == ("成本指标", "经济成本指标")
    # After 产出, a lone 成本指标 is its 二级 (the older layout).
    assert rows[2][:2] == ("产出指标", "成本指标")


def test_decorated_labels_are_recognised_and_kept(tmp_path):
    body = "产出指标(必填)\t数量指标★\t甲\t1个\n\t\t乙\t≥2\n"
    _, rows = _indicators(_table(tmp_path, body))
    assert {r[:2] for r in rows} == {("产出指标(必填)", "数量指标★")}


def test_unplaceable_row_is_a_warning_kept_in_other_and_the_rest_is_written(tmp_path):
    source = _table(tmp_path, "产出指标\t数量指标\t甲\t1个\n\t\t乙\t2个\t多余\t更多\n")
    code, _, err = _run(source, tmp_path / "out.yaml")
    assert code == 0, err
    assert f"{source}:14: could not place row" in err and "乙 | 2个 | 多余 | 更多 (kept in 其他)" in err
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "其他:\n  乙: 2个 | 多余 | 更多\n" in written and "三级指标: 甲" in written


def test_value_without_a_name_is_reported(tmp_path):
    source = _table(tmp_path, "产出指标\t数量指标\t甲\t1个\n\t\t\t≥90%\n")
    code, _, err = _run(source, "-")
    assert code == 0 and ":14: could not place row (a 指标值 with no 三级指标)" in err


def test_gbk_encoded_table(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((HEADER + "产出指标\t数量指标\t甲\t1个\n").encode("gb18030"))
    _, rows = _indicators(path)
    assert rows == [("产出指标", "数量指标", "甲", "1个")]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("一些文字\n没有表格\n".encode(), "no declaration found"),
    ],
)
def test_bad_sources(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, _, err = _run(path, tmp_path / "out.yaml")
    assert code == 1 and message in err and "Traceback" not in err


def test_missing_source_and_directory(tmp_path):
    code, _, err = _run(tmp_path / "nope.txt")
    assert code == 1 and "no such file" in err
    code, _, err = _run(tmp_path)
    assert code == 1 and "is a directory" in err


# --- writing ------------------------------------------------------------------
def test_refuses_to_overwrite_without_force_and_keeps_mode_with_it(tmp_path):
    source = _table(tmp_path, "产出指标\t数量指标\t甲\t1个\n")
    target = tmp_path / "out.yaml"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    code, _, err = _run(source, target)
    assert code == 2 and "not overwriting" in err and target.read_text() == "old\n"
    code, _, _ = _run(source, target, force=True)
    assert code == 0 and "三级指标: 甲" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_split_writes_one_safe_file_per_declaration(tmp_path):
    second = HEADER.replace("测试项目", "测试/项目: 二?") + "产出指标\t数量指标\t乙\t2个\n"
    source = tmp_path / "two.txt"
    source.write_text(HEADER + "产出指标\t数量指标\t甲\t1个\n" + second + second, encoding="utf-8")
    code, _, err = _run(source, tmp_path / "out", split=True)
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["测试_项目_ 二_-2.yaml", "测试_项目_ 二_.yaml", "测试项目.yaml"]
    doc = _yaml().load((tmp_path / "out" / "测试_项目_ 二_.yaml").read_text(encoding="utf-8"))
    assert doc["项目名称"] == "测试/项目: 二?"


def test_split_needs_a_directory(tmp_path):
    source = _table(tmp_path, "产出指标\t数量指标\t甲\t1个\n")
    code, _, err = _run(source, "-", split=True)
    assert code == 2 and "directory" in err


def test_stdout_output(tmp_path):
    code, out, _ = _run(_table(tmp_path, "产出指标\t数量指标\t甲\t1个\n"), "-")
    assert code == 0 and out.startswith(f"{MODELINE}\n申报年度: 2024\n项目名称: 测试项目\n")


def test_safe_filename():
    assert safe_filename("审计、评审/评估:*?") == "审计、评审_评估_"
    assert safe_filename(" .con. ") == "_con"
    assert len(safe_filename("长" * 200).encode()) <= 200


# --- the YAML writer ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        ">85(%)",
        "<p>x</p>",
        "=100(%)",
        "*",
        "%",
        "@a",
        "a: b",
        "a #b",
        "#x",
        "yes",
        "No",
        "null",
        "~",
        "2023-01-01",
        "1e3",
        "0x1F",
        "012",
        "1:30",
        " lead",
        "trail ",
        "",
        "'q'",
        '"d"',
        "a\nb",
        "tab\tin",
        "- x",
        "? x",
        "[x]",
        "{x}",
        "!x",
        "&x",
        "|",
        "`x`",
        "≥90%",
        "$\\geq 80\\%$",
        "服务对象满意度 指标",
    ],
)
def test_scalars_read_back_unchanged(text):
    doc = _yaml().load(f"k: {scalar(text)}\n{key(text)}: v\n")
    assert doc["k"] == text and doc[text] == "v"


def test_plain_where_yaml_allows_it():
    assert scalar("≥90%") == "≥90%" and scalar("较上届提升") == "较上届提升"
    assert scalar("=100(%)") == "=100(%)"
    assert value("90") == "90" and value("0.95") == "0.95" and value("012") == "'012'"


def test_goal_paragraphs_and_folding_read_back():
    from targetlint.importer.model import Declaration, Where

    for goal in ("第一段。\n第二段。", "  缩进开头\n", "<p>甲</p> <p>乙</p> " * 20, "很长" * 80):
        decl = Declaration(where=Where("x", 1), name="项目", goal=goal)
        assert _yaml().load(dump(decl))["年度总体目标"] == goal


# --- atomic writes ----------------------------------------------------------------
def test_write_atomic(tmp_path):
    target = tmp_path / "f.yaml"
    write_atomic(target, b"one", force=False)
    assert target.read_bytes() == b"one"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    with pytest.raises(FileExistsError):
        write_atomic(target, b"two", force=False)
    os.chmod(target, 0o600)
    write_atomic(target, b"two", force=True)
    assert target.read_bytes() == b"two" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_lone_name_in_its_column_has_an_empty_value(tmp_path):
    _, rows = _indicators(_table(tmp_path, "产出指标\t数量指标\t甲\t1个\n\t\t\t乙\t\n"))
    assert rows[1] == ("产出指标", "数量指标", "乙", "")


@pytest.mark.parametrize("footer", ["填报人：\t张三", "注：本表金额单位为元\t\t\t\t"])
def test_footers_are_reported_not_imported(tmp_path, footer):
    source = _table(tmp_path, f"产出指标\t数量指标\t甲\t1个\n{footer}\n")
    code, _, err = _run(source, tmp_path / "out.yaml")
    assert code == 0 and f"{source}:14: could not place row" in err
    assert "其他:" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_second_level_under_the_wrong_first_level_is_kept_as_printed(tmp_path):
    # 社会效益 belongs under 效益, but the next 一级 printed is 产出 again: the
    # importer does not move the row, it copies the table (the linter judges it).
    body = "产出指标\t数量指标\t甲\t1个\n\t社会效益指标\t乙\t2个\n产出指标\t质量指标\t丙\t合格\n"
    _, rows = _indicators(_table(tmp_path, body))
    assert rows[1] == ("产出指标", "社会效益指标", "乙", "2个")


def test_rows_with_no_heading_anywhere_are_reported(tmp_path):
    source = _table(tmp_path, "\t\t\t甲\t1个\n\t\t\t乙\t2个\n")
    code, _, err = _run(source, "-")
    assert code == 0
    assert f"{source}:13: could not place row (no 一级指标 heading anywhere after it): 甲" in err


_CELLS = [
    "",
    "",
    "产出指标",
    "数量 指标",
    "指标",
    "绩效",
    "绩效 指标",
    "质量指标",
    "效益指标",
    "社会效益指标",
    "满意度指标",
    "服务对象满意度",
    "成本指标",
    "甲",
    "乙率",
    "100%",
    "≥90",
    "90",
    "--",
    "填报人：",
    "项目名称",
    "年度总体目标",
    "一级指标",
    "(2023年度)",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(_CELLS), max_size=7), max_size=25))
def test_any_table_imports_or_reports_without_crashing(tmp_path, rows):
    source = _table(tmp_path, "".join("\t".join(r) + "\n" for r in rows), name="fuzz.txt")
    code, out, err = _run(source, "-")
    assert "Traceback" not in err
    if code == 0:
        docs = list(_yaml().load_all(out))
        total = sum(len(items) for d in docs for by_l2 in d["绩效指标"].values() for items in by_l2.values())
        assert total == sum(len(d.indicators) for d in load(str(source)).declarations)
    else:  # only a source with no declaration at all writes nothing
        assert code == 1 and "no declaration found" in err
