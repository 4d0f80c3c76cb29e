"""The indicator-value grammar, value by value.

SEED is every distinct 指标值 in the Shanghai HRSS 2023 declarations
(shanghai-hrss-2023-performance-targets.txt, the last non-empty cell of each
indicator row, in order of first appearance; the one indicator row with no
value at all, "就促养保-相关政策制定传达指导工作达标率", is left out). VARIANTS
are forms other departments, cities and years write. Each row states the
whole parse that matters to rules: any field a row does not name must hold
its default (no operator, no number, multiplier 1, no unit, not approximate,
no words …).
"""

from __future__ import annotations

import dataclasses

import pytest

from targetlint.values import IndicatorValue, Operator, UnitClass, ValueKind, parse_value
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary

NUMBER, RANGE, COMPOUND, DEADLINE = ValueKind.NUMBER, ValueKind.RANGE, ValueKind.COMPOUND, ValueKind.DEADLINE
RELATIVE, PLAN, QUAL, NARR, EMPTY = (
    ValueKind.RELATIVE,
    ValueKind.PLAN_REFERENCE,
    ValueKind.QUALITATIVE,
    ValueKind.NARRATIVE,
    ValueKind.EMPTY,
)
GE, LE, EQ, GT, LT = Operator.GE, Operator.LE, Operator.EQ, Operator.GT, Operator.LT
PERCENT, COUNT, MONEY, TIME, MEASURE, OTHER = (
    UnitClass.PERCENT,
    UnitClass.COUNT,
    UnitClass.MONEY,
    UnitClass.TIME,
    UnitClass.MEASURE,
    UnitClass.OTHER,
)

# Row keyword → (IndicatorValue field, value when the row does not name it).
FIELDS = {
    "op": ("operator", None),
    "number": ("number", None),
    "upper": ("upper", None),
    "multiplier": ("multiplier", 1),
    "unit": ("unit", None),
    "cls": ("unit_class", None),
    "approx": ("approximate", False),
    "qualifiers": ("qualifiers", ()),
    "subject": ("subject", None),
    "baseline": ("baseline", None),
    "words": ("words", ()),
    "bracketed": ("bracketed_unit", False),
    "markup": ("markup", None),
    "date": ("date", None),
    "date_start": ("date_start", None),
}


def P(raw: str, kind: ValueKind, **expected):
    """One expected parse (also used for the parts of a COMPOUND)."""
    unknown = set(expected) - set(FIELDS) - {"op_text", "parts"}
    assert not unknown, f"bad row keys {unknown}"
    return raw, kind, expected


def V(raw: str, kind: ValueKind, **expected):
    return pytest.param(*P(raw, kind, **expected), id=raw or "<empty>")


def check(value: IndicatorValue, raw: str, kind: ValueKind, expected: dict) -> None:
    assert value.raw == raw
    assert value.kind is kind, (raw, value)
    for key, (field, default) in FIELDS.items():
        assert getattr(value, field) == expected.get(key, default), (raw, field, value)
    op = expected.get("op")
    # A symbol operator is written as its canonical form unless the row says otherwise.
    assert value.operator_text == expected.get("op_text", op.value if op else None), (raw, value)
    parts = expected.get("parts", ())
    assert len(value.parts) == len(parts), (raw, value)
    for part, (part_raw, part_kind, part_expected) in zip(value.parts, parts):
        check(part, part_raw, part_kind, part_expected)


SEED = [
    V("≥2200", NUMBER, op=GE, number=2200),
    V("≥2次", NUMBER, op=GE, number=2, unit="次", cls=COUNT),
    V("100%", NUMBER, number=100, unit="%", cls=PERCENT),
    V("≥250", NUMBER, op=GE, number=250),
    V("≥50%", NUMBER, op=GE, number=50, unit="%", cls=PERCENT),
    V("延期不超过2个月", DEADLINE, op=LE, op_text="不超过", number=2, unit="个月", cls=TIME, subject="延期"),
    V("≥60%", NUMBER, op=GE, number=60, unit="%", cls=PERCENT),
    V("≥80%", NUMBER, op=GE, number=80, unit="%", cls=PERCENT),
    V("≥92%", NUMBER, op=GE, number=92, unit="%", cls=PERCENT),
    V("健全", QUAL, words=("健全",)),
    V("≥90%", NUMBER, op=GE, number=90, unit="%", cls=PERCENT),
    V("=100(%)", NUMBER, op=EQ, number=100, unit="%", cls=PERCENT, bracketed=True),
    V("=2.00(场)", NUMBER, op=EQ, number=2, unit="场", cls=COUNT, bracketed=True),
    V("=7.00(人)", NUMBER, op=EQ, number=7, unit="人", cls=COUNT, bracketed=True),
    V("良好", QUAL, words=("良好",)),
    V("有效控制", QUAL, words=("有效控制",)),
    V("≥90(%)", NUMBER, op=GE, number=90, unit="%", cls=PERCENT, bracketed=True),
    V(">85(%)", NUMBER, op=GT, number=85, unit="%", cls=PERCENT, bracketed=True),
    V("人均3次以上", NUMBER, op=GE, op_text="以上", number=3, unit="次", cls=COUNT, qualifiers=("人均",)),
    V("=100.00(%)", NUMBER, op=EQ, number=100, unit="%", cls=PERCENT, bracketed=True),
    V(">200.00(人)", NUMBER, op=GT, number=200, unit="人", cls=COUNT, bracketed=True),
    V("每月200人次", NUMBER, number=200, unit="人次", cls=COUNT, qualifiers=("每月",)),
    V("≥90.00(%)", NUMBER, op=GE, number=90, unit="%", cls=PERCENT, bracketed=True),
    V("提升", QUAL, words=("提升",)),
    V("0", NUMBER, number=0),
    V("整洁", QUAL, words=("整洁",)),
    V("完整", QUAL, words=("完整",)),
    V("≥95%", NUMBER, op=GE, number=95, unit="%", cls=PERCENT),
    V("99%", NUMBER, number=99, unit="%", cls=PERCENT),
    V("200", NUMBER, number=200),
    V("按年度计划", PLAN, words=("按年度计划",)),
    V("=14.00(家)", NUMBER, op=EQ, number=14, unit="家", cls=COUNT, bracketed=True),
    V("100", NUMBER, number=100),
    V("=2.00(个)", NUMBER, op=EQ, number=2, unit="个", cls=COUNT, bracketed=True),
    V("=30.00(个)", NUMBER, op=EQ, number=30, unit="个", cls=COUNT, bracketed=True),
    V("较上届提升", RELATIVE, baseline="上届", words=("提升",)),
    V("较上届扩大", RELATIVE, baseline="上届", words=("扩大",)),
    V("3个", NUMBER, number=3, unit="个", cls=COUNT),
    V("12场", NUMBER, number=12, unit="场", cls=COUNT),
    V("约2.6万个", NUMBER, number=2.6, multiplier=10000, unit="个", cls=COUNT, approx=True),
    V("70学时", NUMBER, number=70, unit="学时", cls=COUNT),
    V("80学时", NUMBER, number=80, unit="学时", cls=COUNT),
    V("7个班次", NUMBER, number=7, unit="个班次", cls=COUNT),
    V("600人次", NUMBER, number=600, unit="人次", cls=COUNT),
    V("90%", NUMBER, number=90, unit="%", cls=PERCENT),
    V("≥85%", NUMBER, op=GE, number=85, unit="%", cls=PERCENT),
    V("95%", NUMBER, number=95, unit="%", cls=PERCENT),
    V("5", NUMBER, number=5),
    V("1", NUMBER, number=1),
    V("2", NUMBER, number=2),
    V("约400台", NUMBER, number=400, unit="台", cls=COUNT, approx=True),
    V("稳定", QUAL, words=("稳定",)),
    V("9", NUMBER, number=9),
    V("60个左右", NUMBER, number=60, unit="个", cls=COUNT, approx=True),
    V("20个左右", NUMBER, number=20, unit="个", cls=COUNT, approx=True),
    V("1700人左右超级博士后激励计划资助， 20个左右创新基地项目资助", NARR, approx=True),
    V("140个左右", NUMBER, number=140, unit="个", cls=COUNT, approx=True),
    V("110人左右", NUMBER, number=110, unit="人", cls=COUNT, approx=True),
    V(
        "2~3个/1~2个",
        COMPOUND,
        parts=(
            P("2~3个", RANGE, number=2, upper=3, unit="个", cls=COUNT, approx=True),
            P("1~2个", RANGE, number=1, upper=2, unit="个", cls=COUNT, approx=True),
        ),
    ),
    V("1~2个", RANGE, number=1, upper=2, unit="个", cls=COUNT, approx=True),
    V("10", NUMBER, number=10),
    V("2023年12月31日前完成使用", DEADLINE, op=LE, op_text="前", words=("完成使用",), date="2023-12-31"),
    V("专业技术人才队伍建设和事业单位管理", NARR),
    V("$\\geq 80\\%$", NUMBER, op=GE, op_text="\\geq", number=80, unit="%", cls=PERCENT, markup="latex"),
    V("≥45(次)", NUMBER, op=GE, number=45, unit="次", cls=COUNT, bracketed=True),
    V("安全", QUAL, words=("安全",)),
    V("≥200.00(项)", NUMBER, op=GE, number=200, unit="项", cls=COUNT, bracketed=True),
    V("200户左右", NUMBER, number=200, unit="户", cls=COUNT, approx=True),
    V("3500户左右", NUMBER, number=3500, unit="户", cls=COUNT, approx=True),
    V("=10.00(个)", NUMBER, op=EQ, number=10, unit="个", cls=COUNT, bracketed=True),
    V("符合人社部要求样本", PLAN, words=("符合人社部要求",)),
    V("覆盖9大行业", NUMBER, number=9, unit="大行业", cls=OTHER, subject="覆盖"),
    V("90", NUMBER, number=90),
    V("每月中旬及时报送局领导、各处室单位", NARR, words=("及时",)),
    V("提高", QUAL, words=("提高",)),
    V("提高、扩大", QUAL, words=("提高", "扩大")),
    V("规范", QUAL, words=("规范",)),
    V("做好各项筹办工作", NARR),
    V("≥85.00(%)", NUMBER, op=GE, number=85, unit="%", cls=PERCENT, bracketed=True),
    V("及时", QUAL, words=("及时",)),
    V("按规定处理", PLAN, words=("按规定处理",)),
    V("不少于两次", NUMBER, op=GE, op_text="不少于", number=2, unit="次", cls=COUNT),
    V("一次", NUMBER, number=1, unit="次", cls=COUNT),
    V("顺利建成上线", QUAL, words=("顺利", "建成", "上线")),
    V("落实到位", QUAL, words=("落实到位",)),
    V("正常进行", QUAL, words=("正常",)),
    V("及时协调完成", QUAL, words=("及时", "完成")),
    V("及时更新", QUAL, words=("及时",)),
    V("及时解决", QUAL, words=("及时",)),
    V("公共数据公开社会反映良好", NARR, words=("良好",)),
    V("人社服务质量得到提升", NARR, words=("得到提升",)),
    V("≥4次", NUMBER, op=GE, number=4, unit="次", cls=COUNT),
    V("3", NUMBER, number=3),
    V("2次", NUMBER, number=2, unit="次", cls=COUNT),
    V("≥3场", NUMBER, op=GE, number=3, unit="场", cls=COUNT),
    V("230人", NUMBER, number=230, unit="人", cls=COUNT),
    V("120", NUMBER, number=120),
    V("覆盖党支部100%", NUMBER, number=100, unit="%", cls=PERCENT, subject="覆盖党支部"),
    V("不高于市场价的中等水平", RELATIVE, op=LE, op_text="不高于", baseline="市场价的中等水平"),
    V("帮扶家庭不少于80户次", NUMBER, op=GE, op_text="不少于", number=80, unit="户次", cls=COUNT, subject="帮扶家庭"),
    V("处于全市领先水平", QUAL, words=("处于全市领先水平",)),
    V("较强", QUAL, words=("较强",)),
    V("持续", QUAL, words=("持续",)),
    V("年内不少于4篇", NUMBER, op=GE, op_text="不少于", number=4, unit="篇", cls=COUNT, qualifiers=("年内",)),
    V("1份", NUMBER, number=1, unit="份", cls=COUNT),
    V("50", NUMBER, number=50),
    V("25", NUMBER, number=25),
    V("申报年度课题的处室各一篇", NARR),
    V("=1(册)", NUMBER, op=EQ, number=1, unit="册", cls=COUNT, bracketed=True),
    V("=2.00(次)", NUMBER, op=EQ, number=2, unit="次", cls=COUNT, bracketed=True),
    V("合格", QUAL, words=("合格",)),
    V("有效支撑", QUAL, words=("有效支撑",)),
    V("≥50.00(%)", NUMBER, op=GE, number=50, unit="%", cls=PERCENT, bracketed=True),
    V("有效采用", QUAL, words=("有效采用",)),
    V("发放宣传材料≥2000册", NUMBER, op=GE, number=2000, unit="册", cls=COUNT, subject="发放宣传材料"),
    V("1万张", NUMBER, number=1, multiplier=10000, unit="张", cls=COUNT),
    V("80人次", NUMBER, number=80, unit="人次", cls=COUNT),
    V("95%以上", NUMBER, op=GE, op_text="以上", number=95, unit="%", cls=PERCENT),
    V("500", NUMBER, number=500),
    V("30", NUMBER, number=30),
    V("年底前", DEADLINE, op=LE, op_text="前", words=("年底",)),
    V("98%以上", NUMBER, op=GE, op_text="以上", number=98, unit="%", cls=PERCENT),
    V("较上年增长", RELATIVE, baseline="上年", words=("增长",)),
    V("较上年提高", RELATIVE, baseline="上年", words=("提高",)),
    V("全年稳定运行", QUAL, qualifiers=("全年",), words=("稳定",)),
    V("不高于前3年最高值", RELATIVE, op=LE, op_text="不高于", baseline="前3年最高值"),
    V("不低于前3年平均值", RELATIVE, op=GE, op_text="不低于", baseline="前3年平均值"),
    V("85%", NUMBER, number=85, unit="%", cls=PERCENT),
]

VARIANTS = [
    # Operators in their ASCII, full-width and typographic spellings.
    V("≥ 90%", NUMBER, op=GE, number=90, unit="%", cls=PERCENT),
    V(">=90%", NUMBER, op=GE, op_text=">=", number=90, unit="%", cls=PERCENT),
    V("＞＝90％", NUMBER, op=GE, op_text="＞＝", number=90, unit="%", cls=PERCENT),
    V("≧90%", NUMBER, op=GE, op_text="≧", number=90, unit="%", cls=PERCENT),
    V("⩾95%", NUMBER, op=GE, op_text="⩾", number=95, unit="%", cls=PERCENT),
    V("≤5天", NUMBER, op=LE, number=5, unit="天", cls=TIME),
    V("<=10%", NUMBER, op=LE, op_text="<=", number=10, unit="%", cls=PERCENT),
    V("≦10%", NUMBER, op=LE, op_text="≦", number=10, unit="%", cls=PERCENT),
    V("⩽5天", NUMBER, op=LE, op_text="⩽", number=5, unit="天", cls=TIME),
    V("＜3次", NUMBER, op=LT, op_text="＜", number=3, unit="次", cls=COUNT),
    V("<90%", NUMBER, op=LT, number=90, unit="%", cls=PERCENT),
    V("＞3次", NUMBER, op=GT, op_text="＞", number=3, unit="次", cls=COUNT),
    V("＝100%", NUMBER, op=EQ, op_text="＝", number=100, unit="%", cls=PERCENT),
    V("９０％", NUMBER, number=90, unit="%", cls=PERCENT),
    # Textual operators, before and after the number.
    V("不超过30个工作日", NUMBER, op=LE, op_text="不超过", number=30, unit="个工作日", cls=TIME),
    V("不低于95%", NUMBER, op=GE, op_text="不低于", number=95, unit="%", cls=PERCENT),
    V("至少3次", NUMBER, op=GE, op_text="至少", number=3, unit="次", cls=COUNT),
    V("达到90%", NUMBER, op=GE, op_text="达到", number=90, unit="%", cls=PERCENT),
    V("90%及以上", NUMBER, op=GE, op_text="及以上", number=90, unit="%", cls=PERCENT),
    V("控制在5%以内", NUMBER, op=LE, op_text="控制在", number=5, unit="%", cls=PERCENT),
    V("30天内", NUMBER, op=LE, op_text="内", number=30, unit="天", cls=TIME),
    # Chinese numerals and magnitudes.
    V("十二次", NUMBER, number=12, unit="次", cls=COUNT),
    V("二十个", NUMBER, number=20, unit="个", cls=COUNT),
    V("一百五十人", NUMBER, number=150, unit="人", cls=COUNT),
    V("两万人次", NUMBER, number=2, multiplier=10000, unit="人次", cls=COUNT),
    V("≥1.5万元", NUMBER, op=GE, number=1.5, multiplier=10000, unit="元", cls=MONEY),
    V("约3亿元", NUMBER, number=3, multiplier=100000000, unit="元", cls=MONEY, approx=True),
    V("=1.5(万元)", NUMBER, op=EQ, number=1.5, multiplier=10000, unit="元", cls=MONEY, bracketed=True),
    V("1,000人", NUMBER, number=1000, unit="人", cls=COUNT),
    V("-5%", NUMBER, number=-5, unit="%", cls=PERCENT),
    V("2020.5万元", NUMBER, number=2020.5, multiplier=10000, unit="元", cls=MONEY),
    V("2020.05万元", NUMBER, number=2020.05, multiplier=10000, unit="元", cls=MONEY),
    # Units: per-unit money, composite, physical, magnitudes that are part of a unit.
    V("500元/人", NUMBER, number=500, unit="元/人", cls=MONEY),
    V("1.2万元/公里", NUMBER, number=1.2, multiplier=10000, unit="元/公里", cls=MONEY),
    V("5千克", NUMBER, number=5, unit="千克", cls=MEASURE),
    V("5千米", NUMBER, number=5, multiplier=1000, unit="米", cls=MEASURE),
    V("5个百分点", NUMBER, number=5, unit="个百分点", cls=PERCENT),
    V("3幅", NUMBER, number=3, unit="幅", cls=OTHER),
    # Approximations and ranges.
    V("100余人", NUMBER, number=100, unit="人", cls=COUNT, approx=True),
    V("100多个", NUMBER, number=100, unit="个", cls=COUNT, approx=True),
    V("近千人", NUMBER, number=1, multiplier=1000, unit="人", cls=COUNT, approx=True),
    V("20-30人", RANGE, number=20, upper=30, unit="人", cls=COUNT, approx=True),
    V("3至5场", RANGE, number=3, upper=5, unit="场", cls=COUNT, approx=True),
    V("2万-3万人", RANGE, number=2, upper=3, multiplier=10000, unit="人", cls=COUNT, approx=True),
    V("5千-1万元", RANGE, number=0.5, upper=1, multiplier=10000, unit="元", cls=MONEY, approx=True),
    # Scope words and what is counted.
    V("每班30人", NUMBER, number=30, unit="人", cls=COUNT, qualifiers=("每班",)),
    V("2000册宣传材料", NUMBER, number=2000, unit="册", cls=COUNT, subject="宣传材料"),
    V("2次（含线上）", NUMBER, number=2, unit="次", cls=COUNT, words=("含线上",)),
    # Deadlines.
    V("2023年", DEADLINE, date="2023"),
    V("2023-12-31", DEADLINE, date="2023-12-31"),
    V("2023.07", DEADLINE, date="2023-07"),
    V("2023.12前", DEADLINE, op=LE, op_text="前", date="2023-12"),
    V("2023年1-6月", DEADLINE, date="2023-06", date_start="2023-01"),
    V("6月底前", DEADLINE, op=LE, op_text="前", words=("底",), date="--06"),
    V("2023年底前", DEADLINE, op=LE, op_text="前", words=("底",), date="2023"),
    V("截至2023年12月", DEADLINE, op=LE, op_text="截至", date="2023-12"),
    V("年内完成", DEADLINE, op=LE, op_text="年内", words=("年内", "完成")),
    V("完成时间：2023年12月", DEADLINE, subject="完成时间", date="2023-12"),
    # After an explicit bound the task due may be as long as a sentence; without
    # one, a sentence that starts with a year stays a sentence.
    V(
        "2023年12月底前完成全部设备的采购与安装调试工作",
        DEADLINE,
        op=LE,
        op_text="前",
        words=("底", "完成全部设备的采购与安装调试工作"),
        date="2023-12",
    ),
    V("2023年全市就业形势保持总体稳定并持续向好发展", NARR, words=("稳定", "持续")),
    V("次年3月底前", DEADLINE, op=LE, op_text="前", words=("底",), date="--03"),
    V("每季度末前", DEADLINE, op=LE, op_text="前", words=("季度末",)),
    V("项目周期内完成", DEADLINE, op=LE, op_text="项目周期内", words=("项目周期内", "完成")),
    V("延迟不超过5个工作日", DEADLINE, op=LE, op_text="不超过", number=5, unit="个工作日", cls=TIME, subject="延迟"),
    # Comparisons with a baseline.
    V("同比增长5%", RELATIVE, number=5, unit="%", cls=PERCENT, baseline="同比", words=("增长",)),
    V("较上年同期增长10%", RELATIVE, number=10, unit="%", cls=PERCENT, baseline="上年同期", words=("增长",)),
    V("较2022年增长5%", RELATIVE, number=5, unit="%", cls=PERCENT, baseline="2022年", words=("增长",)),
    V("与上年相比持平", RELATIVE, baseline="上年", words=("持平",)),
    V("不低于上年水平", RELATIVE, op=GE, op_text="不低于", baseline="上年水平"),
    V("不低于前两年平均值", RELATIVE, op=GE, op_text="不低于", baseline="前两年平均值"),
    V("不超过预算", RELATIVE, op=LE, op_text="不超过", baseline="预算"),
    V("控制在预算以内", RELATIVE, op=LE, op_text="控制在", baseline="预算"),
    # Plan references.
    V("按计划完成", PLAN, words=("按计划",)),
    V("设备报废按规定处理", PLAN, subject="设备报废", words=("按规定处理",)),
    # Words, phrases and clauses; Chinese numerals inside words are no numbers.
    V("达到良好", QUAL, words=("达到", "良好")),
    V("=合格", QUAL, words=("合格",)),
    V("=是", QUAL, words=("是",)),
    V("良好（优/良/中/差）", QUAL, words=("良好", "优/良/中/差")),
    V("及时、准确、完整", QUAL, words=("及时", "准确", "完整")),
    V("按时足额发放", QUAL, words=("按时",)),
    V("完成年度工作任务并通过验收", NARR, words=("完成", "通过验收")),
    V("无", QUAL, words=("无",)),
    V("一网通办", QUAL, words=("一网通办",)),
    V("三支一扶", QUAL, words=("三支一扶",)),
    V("一次性", QUAL, words=("一次性",)),
    V("统一", QUAL, words=("统一",)),
    # Several values in one cell.
    V(
        "100%，良好",
        COMPOUND,
        words=("良好",),
        parts=(
            P("100%", NUMBER, number=100, unit="%", cls=PERCENT),
            P("良好", QUAL, words=("良好",)),
        ),
    ),
    V(
        "培训2次，参训1,000人",
        COMPOUND,
        parts=(
            P("培训2次", NUMBER, number=2, unit="次", cls=COUNT, subject="培训"),
            P("参训1,000人", NUMBER, number=1000, unit="人", cls=COUNT, subject="参训"),
        ),
    ),
    # Markup residue and nothing at all.
    V("<p>90%</p>", NUMBER, number=90, unit="%", cls=PERCENT, markup="html"),
    V("&ge;90%", NUMBER, op=GE, op_text="&ge;", number=90, unit="%", cls=PERCENT, markup="html"),
    V("<br>95%&nbsp;", NUMBER, number=95, unit="%", cls=PERCENT, markup="html"),
    V("&nbsp;", EMPTY, markup="html"),
    V("\\geq 90\\%", NUMBER, op=GE, op_text="\\geq", number=90, unit="%", cls=PERCENT, markup="latex"),
    V("$\\leq 5$天", NUMBER, op=LE, op_text="\\leq", number=5, unit="天", cls=TIME, markup="latex"),
    V("", EMPTY),
    V("   ", EMPTY),
    V("\u3000", EMPTY),
    V("—", EMPTY),
]


@pytest.mark.parametrize(("raw", "kind", "expected"), SEED)
def test_seed_value(raw, kind, expected):
    check(parse_value(raw), raw, kind, expected)


@pytest.mark.parametrize(("raw", "kind", "expected"), VARIANTS)
def test_variant(raw, kind, expected):
    check(parse_value(raw), raw, kind, expected)


def test_seed_table_has_no_duplicates():
    raws = [p.values[0] for p in SEED]
    assert len(raws) == len(set(raws)) == 128


@pytest.mark.parametrize(
    ("source", "number"), [("90", 90), ("1", 1), ("0", 0), ("0.9", 0.9), ("100.0", 100), ("1_000", 1000)]
)
def test_yaml_numbers_keep_their_flag(source, number):
    value = parse_value(source, from_yaml_number=True)
    assert (value.raw, value.kind, value.number, value.unit, value.from_yaml_number) == (
        source,
        NUMBER,
        number,
        None,
        True,
    )
    as_string = parse_value(source.replace("_", ""))
    assert as_string.number == number and as_string.from_yaml_number is False


@pytest.mark.parametrize(
    ("numeral", "number"),
    [
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百五十", 150),
        ("一百零五", 105),
        ("两千", 2000),
        ("三千五百", 3500),
        ("一千零二十", 1020),
        ("贰拾", 20),
    ],
)
def test_chinese_numerals(numeral, number):
    value = parse_value(f"不少于{numeral}次")
    assert (value.kind, value.operator, value.number, value.unit) == (NUMBER, GE, number, "次")


def test_amount_applies_the_magnitude():
    assert parse_value("约2.6万个").amount == 26000
    assert parse_value("≥1.5万元").amount == 15000
    assert parse_value("健全").amount is None


def test_is_numeric_only_for_numbers_and_ranges():
    assert parse_value("≥90%").is_numeric and parse_value("1~2个").is_numeric
    assert not parse_value("较上年增长5%").is_numeric
    assert not parse_value("2023年12月31日前完成使用").is_numeric
    assert not parse_value("提高").is_numeric


def test_cache_returns_the_identical_object():
    first = parse_value("≥90%")
    assert parse_value("≥90%") is first
    assert parse_value("≥90%", from_yaml_number=False, vocabulary=DEFAULT_VOCABULARY) is first
    # An equal vocabulary is the same input.
    assert parse_value("≥90%", vocabulary=Vocabulary()) is first


def test_cache_keys_on_every_input():
    as_number, as_string = parse_value("90", from_yaml_number=True), parse_value("90")
    assert as_number is not as_string
    assert as_number.from_yaml_number and not as_string.from_yaml_number


def test_a_custom_unit_is_a_unit_of_its_list():
    default = parse_value("3幅")
    custom = DEFAULT_VOCABULARY.extended({"count-units": ["幅"]})
    value = parse_value("3幅", vocabulary=custom)
    assert (value.kind, value.number, value.unit, value.unit_class) == (NUMBER, 3, "幅", COUNT)
    # The default vocabulary's parse is cached apart and unchanged.
    assert default.unit_class is OTHER and parse_value("3幅") is default


def test_the_grammar_reads_its_words_from_the_vocabulary():
    assert parse_value("每学期2次").qualifiers == ()
    custom = DEFAULT_VOCABULARY.extended({"value-qualifiers": ["每学期"], "ge-operators": ["起码"]})
    value = parse_value("每学期起码2次", vocabulary=custom)
    assert (value.qualifiers, value.operator, value.operator_text, value.number) == (("每学期",), GE, "起码", 2)
    without_baseline = dataclasses.replace(DEFAULT_VOCABULARY, baseline_words=())
    assert parse_value("较上年增长", vocabulary=without_baseline).kind is not RELATIVE
    assert parse_value("较上年增长").kind is RELATIVE


def test_an_uncached_parse_equals_the_cached_one():
    from targetlint.values import _parse

    for param in SEED + VARIANTS:
        raw = param.values[0]
        assert _parse.__wrapped__(raw, False, DEFAULT_VOCABULARY) == parse_value(raw)


@pytest.mark.parametrize(
    ("raw", "percent", "upper"),
    [
        ("≥90%", 90, None),
        ("=100(%)", 100, None),
        ("９０％", 90, None),
        ("950‰", 95, None),
        ("95%~105%", 95, 105),
        ("5个百分点", None, None),
        ("90", None, None),
        ("3个", None, None),
        ("健全", None, None),
    ],
)
def test_percent_is_a_share_of_a_whole(raw, percent, upper):
    value = parse_value(raw)
    assert (value.percent, value.percent_upper) == (percent, upper)


def test_grades_are_words_of_the_grammar_but_neither_acceptable_nor_vague():
    assert parse_value("良好").words == ("良好",)
    assert "良好" not in DEFAULT_VOCABULARY.acceptable_qualitative
    assert "良好" not in DEFAULT_VOCABULARY.vague_words
    assert "良好" in DEFAULT_VOCABULARY.grade_words


def test_grammar_patterns_compile_on_first_use_and_name_their_groups():
    from targetlint.values import _NUMBER_GROUPS, _Grammar, _Pattern

    grammar = _Grammar(DEFAULT_VOCABULARY)
    names = [name for name, attr in vars(_Grammar).items() if isinstance(attr, _Pattern)]
    assert sorted(names) == sorted(grammar.sources)
    assert not any(name in vars(grammar) for name in names)  # nothing compiled yet
    number = grammar.number_re
    assert vars(grammar)["number_re"] is number is grammar.number_re
    assert tuple(number.groupindex) == _NUMBER_GROUPS and number.groups == len(_NUMBER_GROUPS)
    for name in names:
        assert getattr(grammar, name).pattern == grammar.sources[name]


@pytest.mark.parametrize(
    ("raw", "covered"),
    [
        ("及时", True),
        ("按期完成", True),
        ("顺利建成上线", True),
        ("及时推送", False),
        ("正常办理", False),
        ("全年", False),
    ],
)
def test_covered_says_whether_known_words_make_the_whole_phrase(raw, covered):
    value = parse_value(raw)
    assert value.kind is QUAL
    assert value.covered is covered


@pytest.mark.parametrize(
    ("raw", "number", "multiplier", "unit", "unit_class"),
    [
        ("≤180万", 180, 10_000, None, None),  # 万 is a magnitude, not the unit
        ("≤45万/月", 45, 10_000, "/月", UnitClass.OTHER),
        ("≤85.5/批次", 85.5, 1, "/批次", UnitClass.OTHER),  # a per-unit amount with no head unit
        ("≥97百分比", 97, 1, "百分比", UnitClass.PERCENT),  # 百分比 as a unit word is %
        ("3万株", 3, 10_000, "株", UnitClass.COUNT),
    ],
)
def test_magnitudes_and_per_units_without_a_head(raw, number, multiplier, unit, unit_class):
    value = parse_value(raw)
    assert value.kind is ValueKind.NUMBER
    assert (value.number, value.multiplier, value.unit, value.unit_class) == (number, multiplier, unit, unit_class)


def test_percent_word_is_a_percentage():
    assert parse_value("≥97百分比").percent == 97


@pytest.mark.parametrize("raw", ["平方米", "万元", "≤ %", "(人次)", "≤**万元"])
def test_a_unit_or_sign_with_no_number_is_a_blank_template(raw):
    assert parse_value(raw).kind is ValueKind.UNIT_ONLY


@pytest.mark.parametrize("raw", ["达到", "合格", "1200平方米", "≥", "否"])
def test_words_numbers_and_bare_signs_are_not_unit_only(raw):
    assert parse_value(raw).kind is not ValueKind.UNIT_ONLY


@pytest.mark.parametrize("raw", ["2024年3月--2024年12月", "2024年1月——2024年6月"])
def test_a_double_dash_separates_a_period(raw):
    value = parse_value(raw)
    assert value.kind is ValueKind.DEADLINE
    assert value.date_start is not None


@pytest.mark.parametrize(
    ("raw", "date", "share"),
    [
        ("8月底前完成60%", "--08", 60),
        ("2024年9月30日前支付≥75%", "2024-09-30", 75),
        ("年底前完成全部工程量的90%", None, 90),
    ],
)
def test_a_deadline_with_the_share_due_by_then(raw, date, share):
    value = parse_value(raw)
    assert (value.kind, value.date, value.percent) == (DEADLINE, date, share)


def test_a_share_after_a_bare_year_is_no_deadline():
    assert parse_value("2024年完成60%").kind is not DEADLINE


@pytest.mark.parametrize(
    ("raw", "cells"), [("96100", ("96", "100")), ("7373", ("73", "73")), ("100100", ("100", "100"))]
)
def test_two_cells_run_together_are_read_as_such(raw, cells):
    assert parse_value(raw).joined == cells
    assert parse_value(f"{raw}…").joined == cells  # a copy cut off after them


@pytest.mark.parametrize("raw", ["5100", "1111", "0990", "101100", "9595人", "≥9595", "96.5100"])
def test_numbers_that_are_not_two_cells(raw):
    assert parse_value(raw).joined is None


def test_a_date_serial_is_read_whether_typed_as_text_or_a_number():
    assert parse_value("45565").serial_date == "2024-09-30"
    assert parse_value(45565, from_yaml_number=True).serial_date == "2024-09-30"
    assert parse_value("45565份").serial_date is None
    assert parse_value("12000").serial_date is None  # 1932: outside the years a serial is read in


@pytest.mark.parametrize("raw", ["15.6万元%", "3公里%"])
def test_two_units_of_different_classes_are_no_unit(raw):
    value = parse_value(raw)
    assert value.unit_conflict and value.percent is None and value.unit_class is UnitClass.OTHER


@pytest.mark.parametrize("raw", ["≥4个班次", "6台套", "3万元", "200元/人"])
def test_units_of_one_class_together_do_not_conflict(raw):
    assert not parse_value(raw).unit_conflict
