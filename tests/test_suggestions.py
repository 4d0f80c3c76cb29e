"""Typed fix suggestions (issue 18, item 5): where a rule can, a finding says
what to write instead, built from the finding itself, and text, JSON, the
HTML report and the findings workbook show it; concise does not."""

from __future__ import annotations

import json

import openpyxl
import pytest

from .conftest import TRAINING_DECLARATION

VALUES = """项目名称: 培训项目
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训人数
        指标值: ≥90%
      - 三级指标: 培训场次
        指标值: 12场
      - 三级指标: 发放资料份数
        指标值: '>=300份'
    质量指标:
      - 三级指标: 合格率
        指标值: ≥95
"""


def _json(cli, tmp_path, text, *args):
    path = tmp_path / "declaration.yaml"
    path.write_text(text, encoding="utf-8")
    return json.loads(cli("check", "--no-cache", "--format", "json", *args, str(path)).out)["findings"]


def _by_code(findings):
    return {f["code"]: f for f in findings}


def test_a_rate_with_a_headcount_suggests_a_percentage_or_the_count(cli, tmp_path):
    found = _by_code(_json(cli, tmp_path, TRAINING_DECLARATION))
    assert found["TL201"]["suggestion"] == "写成百分比（≥N%），或改名为 培训人数 并写 ≥250人"
    assert found["TL201"]["value"] == "≥250"
    english = _by_code(_json(cli, tmp_path, TRAINING_DECLARATION, "--lang", "en"))
    assert english["TL201"]["suggestion"] == "write a percentage (≥N%), or rename it 培训人数 and write ≥250人"
    # 培训场次 5: a count with neither unit nor comparison, its unit from its name.
    assert found["TL203"]["suggestion"] == "写明比较符号和单位，如 ≥5场"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("TL202", "写成数量（≥N人），或改名为 培训人数占比 并写 ≥90%"),
        ("TL204", "写作 ≥12场（下限）、≤12场（上限）或 =12场（确切值）"),
        ("TL213", "写作 ≥300份"),
        ("TL203", "写作 ≥95%"),
    ],
)
def test_value_rules_suggest_what_to_write(cli, tmp_path, code, expected):
    findings = [f for f in _json(cli, tmp_path, VALUES, "--extend-select", "TL204") if f["code"] == code]
    assert [f["suggestion"] for f in findings] == [expected]


def test_findings_without_a_suggestion_say_null(cli, tmp_path):
    found = _by_code(_json(cli, tmp_path, TRAINING_DECLARATION))
    assert found["TL207"]["suggestion"] is None  # 提高: nothing concrete to offer beyond the rule's advice


def test_text_shows_the_suggestion_under_the_finding_and_concise_does_not(cli, tmp_path):
    path = tmp_path / "declaration.yaml"
    path.write_text(TRAINING_DECLARATION, encoding="utf-8")
    lines = cli("check", "--no-cache", str(path)).out.splitlines()
    headline = next(i for i, line in enumerate(lines) if "TL201" in line)
    below = lines[headline + 1 : headline + 5]
    assert "      → 建议：写成百分比（≥N%），或改名为 培训人数 并写 ≥250人" in below
    english = cli("check", "--no-cache", "--lang", "en", str(path)).out
    assert "      → suggestion: write a percentage (≥N%), or rename it 培训人数 and write ≥250人" in english
    concise = cli("check", "--no-cache", "--format", "concise", str(path)).out
    assert "TL201" in concise and "建议" not in concise


def test_the_report_and_the_findings_workbook_show_the_suggestion(cli, tmp_path):
    path = tmp_path / "declaration.yaml"
    path.write_text(TRAINING_DECLARATION, encoding="utf-8")
    cli("check", "--no-cache", "--format", "xlsx", "-o", str(tmp_path / "findings.xlsx"), str(path))
    sheet = openpyxl.load_workbook(tmp_path / "findings.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    row = next(r for r in rows[1:] if "TL201" in r)
    assert row[header.index("修改建议")] == "写成百分比（≥N%），或改名为 培训人数 并写 ≥250人"
    cli("check", "--no-cache", "--format", "html", "-o", str(tmp_path / "report.html"), str(path))
    assert "或改名为 培训人数 并写 ≥250人" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_cached_finding_keeps_its_suggestion(cli, tmp_path):
    path = tmp_path / "declaration.yaml"
    path.write_text(TRAINING_DECLARATION, encoding="utf-8")
    runs = [
        json.loads(cli("check", "--cache-dir", str(tmp_path / "cache"), "--format", "json", str(path)).out)
        for _ in range(2)
    ]
    cold, warm = ([f["suggestion"] for f in run["findings"]] for run in runs)
    assert warm == cold and "写成百分比（≥N%），或改名为 培训人数 并写 ≥250人" in warm
