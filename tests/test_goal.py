"""Goal analysis on every seed goal and on the shapes the seed lacks."""

import pytest

from targetlint.goal import agrees, analyse_goal, compatible, relatedness
from targetlint.loader import load
from targetlint.source import decode
from targetlint.values import parse_value
from targetlint.vocabulary import DEFAULT_VOCABULARY

from .conftest import ROOT

SEED = ROOT / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.yaml"

# Project → (targets as (fragment, amount, unit), plan periods cited, generic?).
# Reviewed by hand: years (2022年, 2018-2022年), "第24期", list numbers, "三年行动
# 方案", "一次富有新意的…大赛" and the words 统一/三支一扶 yield no target.
EXPECTED = [
    ("劳动人事争议仲裁工作专项", [], [], True),
    (
        "法律法规专项经费",
        [
            ("2场", 2, "场"),
            ("达到150人", 150, "人"),
            ("达到90%及以上", 90, "%"),
            ("7人", 7, "人"),
            ("达到100%", 100, "%"),
        ],
        [],
        False,
    ),
    ("老干部工作经费", [], [], False),
    # "全部到位", "全部合格": all of them, read as 100% (issue 15 kind H).
    (
        "机关事业单位运行保障经费",
        [("达到90%及以上", 90, "%"), ("达到90%及以上", 90, "%"), ("全部到位", 100, "%")],
        [],
        False,
    ),
    ("职业培训管理工作经费", [], [], False),
    ("人才开发工作专项", [("达到100%", 100, "%"), ("达到100%", 100, "%"), ("达到95%及以上", 95, "%")], [], False),
    ("高技能人才工作专项", [], [], False),
    ("审计、评审、评估、绩效管理等工作经费", [], [], False),
    ("职业技能竞赛", [("达到100%", 100, "%"), ("达到90%及以上", 90, "%")], [], False),
    ("宣传工作经费", [("达到90%及以上", 90, "%"), ("达到90%及以上", 90, "%")], [], False),
    ("组织人事专项", [], [(2018, 2022), (2018, 2022)], False),
    ("农民工工作专项", [], [], True),
    (
        "重点及保密工作",
        [
            ("400台", 400, "台"),
            ("两场", 2, "场"),
            ("达到90%", 90, "%"),
            ("达到90%及以上", 90, "%"),
            ("全部合格", 100, "%"),
        ],
        [],
        False,
    ),
    (
        "海外联络处专项经费",
        [
            ("9个", 9, "个"),
            ("达到90%及以上", 90, "%"),
            ("达到90%及以上", 90, "%"),
            ("达到100%", 100, "%"),
            ("达到90%及以上", 90, "%"),
        ],
        [],
        False,
    ),
    ("专业技术人员及事业单位管理工作经费", [], [], True),
    ("市社会稳定办专项工作经费", [("达到45次以上", 45, "次"), ("达到90%及以上", 90, "%")], [], False),
    ("劳动力市场工资管理", [], [], False),
    ("2023年度上海世赛筹办工作经费", [], [], False),
    ("专用设备购置及维护管理经费", [("达到90%及以上", 90, "%"), ("达到90%及以上", 90, "%")], [], False),
    ("信息化管理工作经费", [], [], False),
    ("队伍建设专项", [], [], False),
    ("统一人力资源市场建设", [("1份", 1, "份"), ("达到80%以上", 80, "%"), ("达到90%以上", 90, "%")], [], False),
    ("三支一扶及大学生就业", [], [], True),
    (
        "人力资源和社会保障政策研究专项",
        [("一篇", 1, "篇"), ("达到50%及以上", 50, "%"), ("达到90%及以上", 90, "%")],
        [],
        False,
    ),
    (
        "劳动保障工作经费",
        [
            ("达到100%", 100, "%"),
            ("达到100%", 100, "%"),
            ("达到90%及以上", 90, "%"),
            ("不少于2次", 2, "次"),
            ("达到90%及以上", 90, "%"),
        ],
        [],
        False,
    ),
    ("社会保障基金监管专项工作经费", [], [], False),
]


@pytest.fixture(scope="module")
def seed_goals():
    loaded = load(decode(SEED.read_bytes(), str(SEED)))
    return {d.name: d for d in loaded.declarations}


def test_every_seed_declaration_is_in_the_table(seed_goals):
    assert sorted(seed_goals) == sorted(name for name, *_ in EXPECTED)


@pytest.mark.parametrize("name, targets, plans, generic", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_seed_goal(seed_goals, name, targets, plans, generic):
    declaration = seed_goals[name]
    facts = declaration.goal_facts
    assert [(t.fragment, t.value.amount, t.value.unit) for t in facts.targets] == targets
    assert [(p.first_year, p.last_year) for p in facts.plans] == plans
    assert facts.generic is generic
    for target in facts.targets:
        # Offsets point into the goal as loaded, for locating findings.
        assert declaration.goal[target.start : target.end] == target.fragment
        assert target.fragment in target.clause
    for plan in facts.plans:
        assert declaration.goal[plan.start : plan.end] == plan.text


@pytest.mark.parametrize(
    "goal, expected",
    [
        ("培训人次达到150人", [("达到150人", "≥", 150, "人", "培训人次")]),
        ("满意度达到90%及以上", [("达到90%及以上", "≥", 90, "%", "满意度")]),
        ("完成两场保密工作宣传", [("两场", None, 2, "场", "完成")]),
        (
            "召开不少于2次会议，印制宣传资料1万张",
            [("不少于2次", "≥", 2, "次", "召开"), ("1万张", None, 10000, "张", "印制宣传资料")],
        ),
        ("接待约100余人次", [("约100余人次", None, 100, "人次", "接待")]),
        (
            "知晓率达到90%及以上、运行保障率达到100%",
            [("达到90%及以上", "≥", 90, "%", "知晓率"), ("达到100%", "≥", 100, "%", "运行保障率")],
        ),
    ],
)
def test_targets(goal, expected):
    facts = analyse_goal(goal)
    got = [(t.fragment, t.value.operator, t.value.amount, t.value.unit, t.subject) for t in facts.targets]
    assert got == [(f, o, a, u, s) for f, o, a, u, s in expected]


@pytest.mark.parametrize(
    "goal",
    [
        "结合2022年推进落实情况，2023年将继续开展工作",  # years
        "举办第24期高技能人才研修班",  # an ordinal
        "1. 数字化转型三年行动方案实施到位；2. 局系统工作顺利推进",  # list numbers, a plan's length
        "建设统一人力资源市场，深入实施“三支一扶”计划",  # numerals inside words
        "实现一次性告知",  # 一次性 is an adjective
        "成功举办一次富有新意、影响广泛的大赛",  # the indefinite article
    ],
)
def test_no_targets(goal):
    assert analyse_goal(goal).targets == ()


def test_plans():
    facts = analyse_goal("按照2018-2022年干部教育培训规划和“十三五”规划及2021-25年发展纲要，总结2016-2020年工作")
    assert [(p.text, p.first_year, p.last_year) for p in facts.plans] == [
        ("2018-2022年干部教育培训规划", 2018, 2022),
        ("2021-25年发展纲要", 2021, 2025),
        ("“十三五”规划", 2016, 2020),
    ]


def test_no_goal_no_facts():
    assert analyse_goal(None) is None
    assert analyse_goal("") is None


def test_analysis_is_cached():
    goal = "完成1份调研报告，满意度达到90%以上"
    assert analyse_goal(goal) is analyse_goal(goal)


def test_vocabulary_extends_outputs():
    goal = "本部门农民工工作年度工作任务顺利完成。"
    assert analyse_goal(goal).generic
    extended = DEFAULT_VOCABULARY.extended({"goal-output-words": ["农民工"]})
    assert not analyse_goal(goal, extended).generic


@pytest.mark.parametrize(
    "goal, indicator, rate, agree",
    [
        ("达到90%及以上", "≥90%", True, True),
        ("达到90%及以上", "=100(%)", True, True),  # stricter meets the floor
        ("达到95%及以上", "≥90%", True, False),  # looser does not
        ("达到100%", "99%", True, False),
        ("400台", "约400台", False, True),
        ("达到45次以上", "≥45(次)", False, True),
        ("2场", "2~3场", False, True),
    ],
)
def test_agrees(goal, indicator, rate, agree):
    g, i = parse_value(goal), parse_value(indicator)
    assert compatible(g, i, rate)
    assert agrees(g, i) is agree


@pytest.mark.parametrize(
    "goal, indicator, rate, expected",
    [
        ("达到90%", "90", True, True),  # a unitless value on a rate is a percentage
        ("达到90%", "90", False, False),
        ("2次", "2", False, True),  # and a count elsewhere
        ("2次", "2", True, False),
        ("9个", "100%", False, False),
        ("5公里", "5千米", False, False),  # measures must share their unit
    ],
)
def test_compatible(goal, indicator, rate, expected):
    assert compatible(parse_value(goal), parse_value(indicator), rate) is expected


def test_relatedness():
    target = analyse_goal("确保人才调查数据的认可度达到100%").targets[0]
    shared, share = relatedness(target, "人才调查数据认可度")
    assert (shared, share) == (7, 7 / 8)
    assert relatedness(target, "参加培训人员满意度")[0] <= 1
