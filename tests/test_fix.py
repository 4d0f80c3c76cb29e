"""``check --fix`` / ``--diff``: each fix changes exactly what it should, and nothing else.

Every fixable rule has a case with the file before, the file after and the
exact unified diff; the splicing machinery is exercised through a test rule
that asks for arbitrary new values, so every scalar style is covered without
depending on any one rule's judgment.
"""

from __future__ import annotations

import os
import re
import shutil
import stat

import pytest

from targetlint import fixer
from targetlint.engine import Engine
from targetlint.rule import Fix, FixSafety, Rule, Severity
from targetlint.vocabulary import DEFAULT_VOCABULARY

from .conftest import FIXTURES

SEED = FIXTURES / "seed" / "shanghai-hrss-2023-performance-targets.yaml"


def _diff_body(diff: str) -> list[str]:
    # The hunk lines only: the header carries the temporary path.
    return [line for line in diff.splitlines() if not line.startswith(("---", "+++"))]


def assert_fix(cli, write, before: str, after: str, diff: list[str], *args: str):
    """--diff shows exactly ``diff`` and writes nothing; --fix then turns ``before``
    into ``after``; a second --fix changes nothing."""
    path = write("declaration.yaml", before)
    shown = cli("check", "--diff", *args, str(path))
    assert shown.code == 1, shown
    assert _diff_body(shown.out) == diff
    assert path.read_text(encoding="utf-8") == before
    fixed = cli("check", "--fix", *args, str(path))
    assert fixed.code in (0, 1), fixed
    assert path.read_text(encoding="utf-8") == after
    again = cli("check", "--diff", *args, str(path))
    assert (again.code, again.out) == (0, ""), again


# ---------------------------------------------------------------------------
# The rules' fixes


TL213_BEFORE = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 服务对象满意度
        指标值: ">=90%"   # 导出时的写法
      - 三级指标: 投诉率
        指标值: ≦5%
      - 三级指标: 合格率
        指标值: '＞＝95%'
      - 三级指标: 培训次数
        运算符: ">="
        指标值: 3
        计量单位: 次
      - 三级指标: 培训人数
        指标值: 不少于200人
"""
TL213_AFTER = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 服务对象满意度
        指标值: "≥90%"   # 导出时的写法
      - 三级指标: 投诉率
        指标值: ≤5%
      - 三级指标: 合格率
        指标值: '≥95%'
      - 三级指标: 培训次数
        运算符: "≥"
        指标值: 3
        计量单位: 次
      - 三级指标: 培训人数
        指标值: 不少于200人
"""
TL213_DIFF = [
    "@@ -3,13 +3,13 @@",
    "   产出指标:",
    "     质量指标:",
    "       - 三级指标: 服务对象满意度",
    '-        指标值: ">=90%"   # 导出时的写法',
    '+        指标值: "≥90%"   # 导出时的写法',
    "       - 三级指标: 投诉率",
    "-        指标值: ≦5%",
    "+        指标值: ≤5%",
    "       - 三级指标: 合格率",
    "-        指标值: '＞＝95%'",
    "+        指标值: '≥95%'",
    "       - 三级指标: 培训次数",
    '-        运算符: ">="',
    '+        运算符: "≥"',
    "         指标值: 3",
    "         计量单位: 次",
    "       - 三级指标: 培训人数",
]


def test_tl213_standardises_signs_and_keeps_quotes(cli, write):
    assert_fix(cli, write, TL213_BEFORE, TL213_AFTER, TL213_DIFF, "--select", "TL213")


def test_tl213_full_width_greater_than_is_quoted_when_plain_would_not_parse(cli, write):
    # A plain scalar cannot start with ">" (a folded block's indicator).
    before = (
        "项目名称: 测试\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训场次\n        指标值: ＞3场\n"
    )
    after = before.replace("＞3场", '">3场"')
    assert_fix(
        cli,
        write,
        before,
        after,
        [
            "@@ -3,4 +3,4 @@",
            "   产出指标:",
            "     数量指标:",
            "       - 三级指标: 培训场次",
            "-        指标值: ＞3场",
            '+        指标值: ">3场"',
        ],
        "--select",
        "TL213",
    )


TL110_BEFORE = """\
项目名称: 测试项目
绩效指标:
  产出 指标:   # 从 PDF 复制
    数量 指标:
      - 三级指标: 培训场次
        指标值: 3场
  满意度指标:
    "服务对象满意度　指标":
      - 三级指标: 学员满意度
        指标值: ≥90%
"""
TL110_AFTER = """\
项目名称: 测试项目
绩效指标:
  产出指标:   # 从 PDF 复制
    数量指标:
      - 三级指标: 培训场次
        指标值: 3场
  满意度指标:
    "服务对象满意度指标":
      - 三级指标: 学员满意度
        指标值: ≥90%
"""
TL110_DIFF = [
    "@@ -1,10 +1,10 @@",
    " 项目名称: 测试项目",
    " 绩效指标:",
    "-  产出 指标:   # 从 PDF 复制",
    "-    数量 指标:",
    "+  产出指标:   # 从 PDF 复制",
    "+    数量指标:",
    "       - 三级指标: 培训场次",
    "         指标值: 3场",
    "   满意度指标:",
    '-    "服务对象满意度\u3000指标":',
    '+    "服务对象满意度指标":',
    "       - 三级指标: 学员满意度",
    "         指标值: ≥90%",
]


def test_tl110_removes_spaces_from_labels(cli, write):
    assert_fix(cli, write, TL110_BEFORE, TL110_AFTER, TL110_DIFF, "--select", "TL110")


def test_tl110_offers_no_fix_that_would_duplicate_a_sibling(cli, write):
    text = (
        "项目名称: 测试项目\n绩效指标:\n  产出指标:\n    数量 指标:\n      - 三级指标: 甲\n        指标值: 3场\n"
        "    数量指标:\n      - 三级指标: 乙\n        指标值: 4场\n"
    )
    path = write("declaration.yaml", text)
    result = cli("check", "--fix", "--select", "TL110", str(path))
    assert "TL110" in result.out  # still reported
    assert path.read_text(encoding="utf-8") == text


TL214_BEFORE = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 法治工作培训完成场数
        指标值: =2.00(场)
      - 三级指标: 老年节活动举办完成率
        指标值: '>85(%)'
      - 三级指标: 调研报告数量
        指标值: 约2.6(万个)
  满意度指标:
    服务对象满意度指标:
      - 三级指标: 学员满意度
        指标值: =100(%)
"""
TL214_AFTER = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 法治工作培训完成场数
        指标值: 2场
      - 三级指标: 老年节活动举办完成率
        指标值: '>85%'
      - 三级指标: 调研报告数量
        指标值: 约2.6(万个)
  满意度指标:
    服务对象满意度指标:
      - 三级指标: 学员满意度
        指标值: 100%
"""
TL214_DIFF = [
    "@@ -3,12 +3,12 @@",
    "   产出指标:",
    "     数量指标:",
    "       - 三级指标: 法治工作培训完成场数",
    "-        指标值: =2.00(场)",
    "+        指标值: 2场",
    "       - 三级指标: 老年节活动举办完成率",
    "-        指标值: '>85(%)'",
    "+        指标值: '>85%'",
    "       - 三级指标: 调研报告数量",
    "         指标值: 约2.6(万个)",
    "   满意度指标:",
    "     服务对象满意度指标:",
    "       - 三级指标: 学员满意度",
    "-        指标值: =100(%)",
    "+        指标值: 100%",
]


def test_tl214_is_off_by_default(cli, write):
    path = write("declaration.yaml", TL214_BEFORE)
    result = cli("check", "--diff", str(path))
    assert (result.code, result.out) == (0, "")


def test_tl214_rewrites_bracketed_units_when_selected(cli, write):
    assert_fix(cli, write, TL214_BEFORE, TL214_AFTER, TL214_DIFF, "--select", "TL214")


def test_tl214_keep_equals_option():
    from targetlint.loader import load
    from targetlint.source import decode

    rule_class = __import__("targetlint_rules.tl214_value_style", fromlist=["RULES"]).RULES[0]
    engine = Engine([rule_class({"keep_equals": True})])
    outcome = fixer.fix_text(TL214_BEFORE, engine)
    assert "指标值: =100%\n" in outcome.text and "指标值: =2场\n" in outcome.text
    assert load(decode(outcome.text.encode(), "x")).declarations


# ---------------------------------------------------------------------------
# The splicing machinery, through a rule that asks for given values


class _Replace(Rule):
    """Test rule: replace values (or keys) found in ``self.table``."""

    code = "TL990"
    name = "test-replace"
    severity = Severity.INFO
    fixable = FixSafety.SAFE
    table: dict[str, str] = {}
    safety = FixSafety.SAFE

    def check(self, declaration, source):
        if declaration.goal in self.table:
            yield self.report(
                declaration.span("goal"),
                "g",
                "g",
                fix=Fix(declaration.span("goal"), self.table[declaration.goal], self.safety),
            )
        for level1 in declaration.level1s:
            for record in [level1, *level1.categories]:
                if record.label in self.table:
                    yield self.report(
                        record.span("key"), "k", "k", fix=Fix(record.span("key"), self.table[record.label], self.safety)
                    )
        for indicator in declaration.indicators():
            if indicator.value in self.table:
                yield self.report(
                    indicator.span("value"),
                    "v",
                    "v",
                    indicator=indicator,
                    fix=Fix(indicator.span("value"), self.table[indicator.value], self.safety),
                )


def _fix(text: str, table: dict[str, str], **kwargs) -> fixer.FixOutcome:
    rule = type("R", (_Replace,), {"table": table, **kwargs})()
    return fixer.fix_text(text, Engine([rule], DEFAULT_VOCABULARY))


def _indicators(*values: str) -> str:
    rows = "".join(f"      - 三级指标: 指标{i}\n        指标值: {v}\n" for i, v in enumerate(values))
    return f"项目名称: 测试\n绩效指标:\n  产出指标:\n    数量指标:\n{rows}"


@pytest.mark.parametrize(
    "written, new, expected",
    [
        ("≥90%", "≥95%", "≥95%"),  # plain stays plain
        ("'≥90%'", "≥95%", "'≥95%'"),  # single quotes kept
        ('"≥90%"', "≥95%", '"≥95%"'),  # double quotes kept
        ("'它''s 90%'", "它's 95%", "'它''s 95%'"),  # '' is one quote
        ('"a\\tb 90%"', "a\\tb 95%".replace("\\t", "\t"), '"a\\tb 95%"'),  # escapes untouched
        ('"\\u2265 90%"', "≥ 95%", '"\\u2265 95%"'),  # an escape outside the change stays
        ("100", "100%", "100%"),  # a bare number becomes text that reads as text
        ("≥90%", "100", '"100"'),  # text that would read as a number is quoted
        ("≥90%", "yes", '"yes"'),  # ... or as a boolean
        ("≥90%", "a: b", '"a: b"'),  # ... or as a mapping
        ("≥90%", "#1", '"#1"'),  # ... or as a comment
        ("≥90%", "", '""'),
        ("'≥90%'", "它's", "'它''s'"),
    ],
)
def test_scalar_styles(written, new, expected):
    before = _indicators(written) + "# end\n"
    outcome = _fix(before, {_value_of(written): new})
    assert outcome.text == before.replace(f"指标值: {written}\n", f"指标值: {expected}\n"), outcome.refused
    assert outcome.applied and not outcome.refused


def _value_of(written: str) -> str:
    from ruamel.yaml import YAML

    return str(YAML(typ="safe").load("k: " + written)["k"])


def test_multiline_plain_goal_keeps_its_folding():
    before = (
        "项目名称: 测试\n年度总体目标: <p>第一段，完成培训\n  2场；</p> <p>第二段。</p>   # 导出残留\n绩效指标: {}\n"
    )
    outcome = _fix(before, {"<p>第一段，完成培训 2场；</p> <p>第二段。</p>": "第一段，完成培训 2场；第二段。"})
    assert outcome.text == (
        "项目名称: 测试\n年度总体目标: 第一段，完成培训\n  2场；第二段。   # 导出残留\n绩效指标: {}\n"
    )


def test_literal_block_goal():
    before = "项目名称: 测试\n年度总体目标: |\n  <p>第一段。</p>\n  第二段。\n绩效指标: {}\n"
    outcome = _fix(before, {"<p>第一段。</p>\n第二段。\n": "第一段。\n第二段。\n"})
    assert outcome.text == "项目名称: 测试\n年度总体目标: |\n  第一段。\n  第二段。\n绩效指标: {}\n"


def test_flow_mapping_value_is_quoted_when_a_comma_would_split_it():
    before = "项目名称: 测试\n绩效指标:\n  产出指标:\n    数量指标:\n      - {三级指标: 甲, 指标值: 3场}\n"
    outcome = _fix(before, {"3场": "3场,4场"})
    assert outcome.text == before.replace("指标值: 3场}", '指标值: "3场,4场"}')


def test_crlf_and_other_lines_stay_byte_identical():
    before = _indicators("≥90%", "≥80%").replace("\n", "\r\n")
    before = before.replace("指标1\r\n", "指标1\n")  # one LF line in a CRLF file
    outcome = _fix(before, {"≥90%": "≥95%"})
    assert outcome.text == before.replace("≥90%", "≥95%")


@pytest.mark.parametrize(
    "codec, bom",
    [("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-32-le", b"\xff\xfe\x00\x00")],
)
def test_encodings_are_kept(tmp_path, codec, bom):
    path = tmp_path / "d.yaml"
    path.write_bytes(bom + _indicators("≥90%").encode(codec))
    rule = type("R", (_Replace,), {"table": {"≥90%": "≥95%"}})()
    result = fixer.fix_file(str(path), Engine([rule]))
    assert result.codec is not None
    assert result.codec.encode(result.outcome.text) == bom + _indicators("≥95%").encode(codec)


def test_a_fix_that_would_collide_with_a_sibling_key_is_refused():
    before = "项目名称: 测试\n绩效指标:\n  产出指标:\n    甲:\n      - 三级指标: a\n        指标值: 1个\n    乙:\n      - 三级指标: b\n        指标值: 2个\n"
    outcome = _fix(before, {"甲": "乙"})
    assert outcome.text == before and not outcome.applied
    assert [f.code for f, _ in outcome.refused] == ["TL990"]


def test_two_fixes_on_one_value_apply_one_per_pass_and_converge():
    first = type("A", (_Replace,), {"code": "TL991", "table": {"≥90%": "≥95%"}})()
    second = type("B", (_Replace,), {"code": "TL992", "table": {"≥90%": "≥91%", "≥95%": "≥96%"}})()
    outcome = fixer.fix_text(_indicators("≥90%"), Engine([first, second]))
    # TL991 wins the first pass (same span, lower code); TL992 then fixes its result.
    assert outcome.text == _indicators("≥96%")
    assert [f.code for f in outcome.applied] == ["TL991", "TL992"]


def test_a_rule_that_never_settles_is_bounded():
    class Grow(_Replace):
        def check(self, declaration, source):
            for indicator in declaration.indicators():
                yield self.report(
                    indicator.span("value"),
                    "v",
                    "v",
                    indicator=indicator,
                    fix=Fix(indicator.span("value"), indicator.value + "!"),
                )

    outcome = fixer.fix_text(_indicators("a"), Engine([Grow()]))
    assert outcome.text == _indicators("a" + "!" * fixer.MAX_PASSES)


def test_unsafe_fixes_need_the_flag():
    text = _indicators("≥90%")
    assert _fix(text, {"≥90%": "≥95%"}, safety=FixSafety.UNSAFE).text == text
    rule = type("R", (_Replace,), {"table": {"≥90%": "≥95%"}, "safety": FixSafety.UNSAFE})()
    assert fixer.fix_text(text, Engine([rule]), unsafe=True).text == _indicators("≥95%")


def test_a_file_that_does_not_parse_is_not_fixed():
    text = _indicators("≥90%") + "  bad: [\n"
    outcome = _fix(text, {"≥90%": "≥95%"})
    assert outcome.text == text and outcome.skipped


# ---------------------------------------------------------------------------
# Comments, the seed, the command line


def test_a_comment_on_every_line_survives(cli, write):
    lines = TL213_BEFORE.replace("   # 导出时的写法", "").splitlines()
    commented = "# 文件头\n" + "".join(f"{line}   # 注释{n}\n# 整行注释{n}\n" for n, line in enumerate(lines))
    path = write("declaration.yaml", commented)
    result = cli("check", "--fix", "--select", "TL213,TL110", str(path))
    assert result.code == 0, result
    after = path.read_text(encoding="utf-8")
    before_lines, after_lines = commented.splitlines(), after.splitlines()
    assert len(before_lines) == len(after_lines)
    changed = 0
    for old, new in zip(before_lines, after_lines):
        # Everything from the comment marker on is untouched on every line.
        assert old[old.index("#") :] == new[new.index("#") :]
        changed += old != new
    assert changed == 4


def test_seed_fix_is_idempotent(cli, tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    args = ("--extend-select", "TL214", "--unsafe-fixes")
    first = cli("check", "--fix", *args, str(path))
    assert first.code in (0, 1), first
    once = path.read_bytes()
    assert once != SEED.read_bytes()
    assert "已修复" in first.err
    second = cli("check", "--fix", *args, str(path))
    assert path.read_bytes() == once
    assert "已修复" not in second.err
    diff = cli("check", "--diff", *args, str(path))
    assert (diff.code, diff.out) == (0, "")


def test_seed_fix_changes_only_fixed_lines(cli, tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    cli("check", "--fix", str(path))
    before = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    kinds = {"label": 0, "html": 0, "latex": 0}
    for old, new in changed:
        # Every changed line is one of the default rules' safe fixes, and nothing more.
        if ":" in old and old.replace(" ", "") == new.replace(" ", "") and old.rstrip().endswith("指标:"):
            kinds["label"] += 1
        elif re.sub(r"</?p>", "", old) == new:
            kinds["html"] += 1
        elif old.replace("$\\geq 80\\%$", "≥80%") == new:
            kinds["latex"] += 1
        else:
            pytest.fail(f"unexpected change: {old!r} → {new!r}")
    assert kinds == {"label": 12, "html": 10, "latex": 1}


def test_diff_writes_nothing_and_fix_keeps_mode(cli, write):
    path = write("declaration.yaml", TL213_BEFORE)
    os.chmod(path, 0o640)
    untouched = write("other.yaml", TL213_BEFORE)
    assert cli("check", "--diff", "--select", "TL213", str(path)).code == 1
    assert path.read_text(encoding="utf-8") == TL213_BEFORE
    cli("check", "--fix", "--select", "TL213", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert untouched.read_text(encoding="utf-8") == TL213_BEFORE
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_fix_reports_what_remains(cli, write):
    text = TL213_BEFORE.replace("≦5%", "≦5%").replace("不少于200人", "健全")
    path = write("declaration.yaml", text + "      - 三级指标: 培训人数达标率\n        指标值: ≥250\n")
    result = cli("check", "--fix", str(path))
    assert result.code == 1  # TL201 remains, an error
    assert "TL201" in result.out and "TL213" not in result.out
    assert "已修复 4 处" in result.err


def test_stdin_fix_prints_the_fixed_text(cli):
    result = cli("check", "--fix", "--select", "TL213", "-", stdin=TL213_BEFORE.encode("utf-8"))
    assert result.out == TL213_AFTER
    assert result.code == 0


def test_stdin_diff(cli):
    result = cli(
        "check", "--diff", "--select", "TL213", "--stdin-filename", "d.yaml", "-", stdin=TL213_BEFORE.encode("utf-8")
    )
    assert result.code == 1
    assert _diff_body(result.out) == TL213_DIFF
    assert result.out.startswith("--- d.yaml\n+++ d.yaml\n")


def test_rules_listing_shows_fixability(cli):
    listing = cli("rules").out
    rows = {line.split()[0]: line.split()[3] for line in listing.splitlines() if line.startswith("TL")}
    assert rows["TL110"] == rows["TL213"] == rows["TL214"] == "safe"
    assert rows["TL201"] == "-"


# ---------------------------------------------------------------------------
# Fixes offered by rules written on other branches


TL302_BEFORE = """\
项目名称: 队伍建设专项
年度总体目标: <p>切实履行监督执纪问责的主体责任，</p> <p>推动基层党建
  全面进步。</p>   # 从网页复制
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 培训合格率
        指标值: $\\geq 80\\%$
      - 三级指标: 考核合格率
        指标值: '$\\frac{9}{10}$'
"""
TL302_AFTER = """\
项目名称: 队伍建设专项
年度总体目标: 切实履行监督执纪问责的主体责任， 推动基层党建
  全面进步。   # 从网页复制
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 培训合格率
        指标值: ≥80%
      - 三级指标: 考核合格率
        指标值: '$\\frac{9}{10}$'
"""
TL302_DIFF = [
    "@@ -1,10 +1,10 @@",
    " 项目名称: 队伍建设专项",
    "-年度总体目标: <p>切实履行监督执纪问责的主体责任，</p> <p>推动基层党建",
    "-  全面进步。</p>   # 从网页复制",
    "+年度总体目标: 切实履行监督执纪问责的主体责任， 推动基层党建",
    "+  全面进步。   # 从网页复制",
    " 绩效指标:",
    "   产出指标:",
    "     质量指标:",
    "       - 三级指标: 培训合格率",
    "-        指标值: $\\geq 80\\%$",
    "+        指标值: ≥80%",
    "       - 三级指标: 考核合格率",
    "         指标值: '$\\frac{9}{10}$'",
]


def test_tl302_strips_html_and_rewrites_latex_keeping_the_folded_lines(cli, write):
    # A formula with no plain equivalent (\frac) has no fix.
    assert_fix(cli, write, TL302_BEFORE, TL302_AFTER, TL302_DIFF, "--select", "TL302")


@pytest.mark.parametrize(
    "text, plain",
    [
        ("$\\geq 80\\%$", "≥80%"),
        ("做好&nbsp;工作", "做好 工作"),
        ("&lt;p&gt;", None),  # unescaped, it would be a tag to delete next
        ("$\\frac{1}{2}$", None),
        ("a$b", None),
        ("人数<5", None),
    ],
)
def test_without_markup(text, plain):
    from targetlint.cleanup import without_markup

    assert without_markup(text) == plain


TL203_BEFORE = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 审计发现问题整改率
        指标值: 100
      - 三级指标: 上报及时率
        指标值: '≥90'   # 系统导出
      - 三级指标: 申报人数
        指标值: 200
"""
TL203_AFTER = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 审计发现问题整改率
        指标值: 100%
      - 三级指标: 上报及时率
        指标值: '≥90%'   # 系统导出
      - 三级指标: 申报人数
        指标值: 200
"""
TL203_DIFF = [
    "@@ -3,8 +3,8 @@",
    "   产出指标:",
    "     质量指标:",
    "       - 三级指标: 审计发现问题整改率",
    "-        指标值: 100",
    "+        指标值: 100%",
    "       - 三级指标: 上报及时率",
    "-        指标值: '≥90'   # 系统导出",
    "+        指标值: '≥90%'   # 系统导出",
    "       - 三级指标: 申报人数",
    "         指标值: 200",
]


def test_tl203_percent_is_an_unsafe_fix(cli, write):
    # Which unit a count needs ("申报人数 200") is not guessed: no fix.
    path = write("declaration.yaml", TL203_BEFORE)
    assert (cli("check", "--diff", "--select", "TL203", str(path)).out) == ""
    assert_fix(cli, write, TL203_BEFORE, TL203_AFTER, TL203_DIFF, "--select", "TL203", "--unsafe-fixes")


TL206_BEFORE = """\
项目名称: 测试项目
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 培训工作完成率
        指标值: 1
      - 三级指标: 培训合格率
        指标值: "≥0.95"   # 导出
"""
TL206_AFTER = TL206_BEFORE.replace("指标值: 1\n", "指标值: 100%\n").replace('"≥0.95"', '"≥95%"')
TL206_DIFF = [
    "@@ -3,6 +3,6 @@",
    "   产出指标:",
    "     质量指标:",
    "       - 三级指标: 培训工作完成率",
    "-        指标值: 1",
    "+        指标值: 100%",
    "       - 三级指标: 培训合格率",
    '-        指标值: "≥0.95"   # 导出',
    '+        指标值: "≥95%"   # 导出',
]


def test_tl206_fraction_to_percent_is_an_unsafe_fix(cli, write):
    path = write("declaration.yaml", TL206_BEFORE)
    assert cli("check", "--diff", "--select", "TL206", str(path)).out == ""
    assert_fix(cli, write, TL206_BEFORE, TL206_AFTER, TL206_DIFF, "--select", "TL206", "--unsafe-fixes")


@pytest.mark.parametrize(
    "written, expected",
    [
        ("1", "100%"),
        ("0.95", "95%"),
        ("'≥0.9'", "≥90%"),
        ("'不低于0.9'", "不低于90%"),
        ("0", None),
        ("1.5", None),
        ("每月0.9", None),
        ("约0.9", None),
    ],
)
def test_fraction_as_percent_offer(written, expected):
    from targetlint.loader import load
    from targetlint.source import decode
    from targetlint.value_fixes import fraction_as_percent_fix

    loaded = load(decode(_indicators(written).encode("utf-8"), "x.yaml"))
    indicator = next(loaded.declarations[0].indicators())
    fix = fraction_as_percent_fix(indicator, DEFAULT_VOCABULARY)
    assert (fix.replacement if fix else None) == expected
    if fix:
        assert fix.safety == FixSafety.UNSAFE and fix.span == indicator.span("value")


def test_a_suppressed_finding_offers_no_fix(cli, write):
    text = TL213_BEFORE.replace('">=90%"   # 导出时的写法', '">=90%"   # targetlint: disable=TL213')
    path = write("declaration.yaml", text)
    cli("check", "--fix", "--select", "TL213", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert '">=90%"   # targetlint: disable=TL213' in fixed
    assert "≤5%" in fixed


def test_deep_nesting_is_skipped_not_a_traceback():
    text = _indicators("≥90%") + "备注: " + "[" * 3000 + "]" * 3000 + "\n"
    outcome = _fix(text, {"≥90%": "≥95%"})
    assert outcome.text == text


def test_fix_on_standard_input_shows_what_remains_on_stderr(cli):
    from .conftest import TRAINING_DECLARATION

    text = TRAINING_DECLARATION.replace("指标值: ≥90%", "指标值: ≧90%")
    result = cli("check", "--fix", "--format", "concise", "-", stdin=text.encode("utf-8"))
    assert result.code == 1
    assert "指标值: ≥90%" in result.out and "TL201" not in result.out  # stdout: only the fixed text
    assert "-:9:14: TL201" in result.err  # what is left, where the author sees it
    assert "TL213" not in result.err  # fixed, so not left
