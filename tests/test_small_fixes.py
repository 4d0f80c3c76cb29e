"""Small fixes a newcomer trips over (issue 16, points 13 and 14)."""

from __future__ import annotations

import json

from .conftest import TRAINING_DECLARATION

MULTI_LINE_GOAL = """项目名称: 培训
年度总体目标: |
  确保工作正常有序开展，
  促进和谐稳定
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训人数
        指标值: ≥20人
"""


def test_a_multi_line_goal_is_one_line_in_the_message(cli, write):
    result = cli("check", "--no-cache", "--format", "concise", str(write("g.yaml", MULTI_LINE_GOAL)))
    lines = result.out.splitlines()
    assert all("g.yaml:" in line or line.startswith("发现") for line in lines), result.out
    assert "确保工作正常有序开展， 促进和谐稳定”空泛" in result.out
    document = json.loads(cli("check", "--no-cache", "--format", "json", str(write("g.yaml", MULTI_LINE_GOAL))).out)
    assert not any("\n" in finding["message"] for finding in document["findings"])


def test_statistics_as_json(cli, write):
    path = write("d.yaml", TRAINING_DECLARATION)
    result = cli("check", "--no-cache", "--statistics", "--format", "json", str(path))
    assert result.code == 1
    rows = json.loads(result.out)
    assert {row["code"]: row["count"] for row in rows} == {"TL201": 1, "TL203": 1, "TL207": 1}
    assert set(rows[0]) == {"code", "name", "count", "severities"}


def test_statistics_count_a_code_once_when_its_severity_varies(cli, write):
    # TL102's severity depends on the year (error-from-year), so one code, two severities.
    write(".targetlint.yaml", "rules:\n  TL102:\n    error-from-year: 2025\n")
    no_cost = TRAINING_DECLARATION.split("  成本指标:")[0]
    write("a.yaml", "申报年度: 2024\n" + no_cost)
    write("b.yaml", "申报年度: 2025\n" + no_cost.replace("培训项目", "另一项目"))
    result = cli("check", "--no-cache", "--statistics", str(write("a.yaml", "申报年度: 2024\n" + no_cost).parent))
    rows = [line for line in result.out.splitlines() if "TL102" in line]
    assert len(rows) == 1 and rows[0].split()[0] == "2", result.out
    assert "[错误/警告]" in rows[0]


def test_import_creates_the_output_directory(cli, tmp_path):
    from .conftest import ROOT

    source = ROOT / "fixtures" / "seed" / "shanghai-hrss-2023-performance-targets.txt"
    for target in (tmp_path / "new" / "dir", tmp_path / "other/"):
        output = str(target) + ("/" if target.name == "other" else "")
        result = cli("import", str(source), "-o", output)
        assert result.code == 0, result
        assert (target / "shanghai-hrss-2023-performance-targets.yaml").is_file()
    # A name with a .yaml suffix is still a file.
    result = cli("import", str(source), "-o", str(tmp_path / "out" / "batch.yaml"))
    assert result.code == 0 and (tmp_path / "out" / "batch.yaml").is_file()
