"""`targetlint check`: finding lines, summary, exit codes, formats and languages."""

from __future__ import annotations

import json

from .conftest import FIXTURES, run_targetlint

EXAMPLE = str(FIXTURES / "example.yaml")


def test_example_reports_rate_with_count_and_unmeasurable_at_exact_lines(cli):
    result = cli("check", EXAMPLE)
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if line.startswith(EXAMPLE)]
    assert len(lines) == 5, result.out
    # The goal names no number or output: advice at info level, not a failure.
    assert lines[0].startswith(f"{EXAMPLE}:15:9: TL303 [提示] ")
    # A 2023 declaration without 成本指标: a warning by default (an error only
    # where a policy such as shanghai-2025 makes cost indicators mandatory).
    assert lines[1].startswith(f"{EXAMPLE}:16:1: TL102 [警告] ")
    # "≥2200" cases: a comparison does not say what is counted.
    assert lines[2].startswith(f"{EXAMPLE}:20:14: TL203 [警告] ")
    assert lines[3].startswith(f"{EXAMPLE}:23:14: TL201 [错误] ")
    assert "培训人数达标率" in lines[3]
    # A plausible grade on a 定性 indicator (a mechanism's 健全性): a note.
    assert lines[4].startswith(f"{EXAMPLE}:27:14: TL207 [提示] ")
    assert "健全" in lines[4]
    # Nothing on the correct indicator (line 31).
    assert result.out.splitlines()[-1].startswith("发现 5 个问题（错误 1，警告 2，提示 2）")


def test_english_messages(cli):
    result = cli("check", "--lang", "en", EXAMPLE)
    assert "rate indicator '培训人数达标率' has a count" in result.out
    assert result.out.splitlines()[-1].startswith("Found 5 problem(s)")


def test_json_format(cli):
    result = cli("check", "--format", "json", EXAMPLE)
    report = json.loads(result.out)
    assert report["summary"]["findings"] == 5
    first = report["findings"][3]
    assert (first["line"], first["column"], first["code"], first["name"]) == (23, 14, "TL201", "rate-with-count")
    assert first["declaration"] == "劳动人事争议仲裁工作专项"
    assert first["indicator_path"] == ["产出指标", "质量指标", "培训人数达标率"]


def test_exit_codes(cli, write):
    clean = write(
        "clean.yaml",
        "项目名称: 项目\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训场次\n        指标值: ≥2场\n  效益指标:\n    社会效益指标:\n      - 三级指标: 政策知晓率\n        指标值: ≥90%\n  满意度指标:\n    服务对象满意度指标:\n      - 三级指标: 参训学员满意度\n        指标值: ≥90%\n  成本指标:\n    经济成本指标:\n      - 三级指标: 人均培训成本\n        指标值: ≤500元/人\n",
    )
    assert cli("check", str(clean)).code == 0
    assert cli("check", "--fail-on", "warning", EXAMPLE).code == 1
    assert cli("check", "--exit-zero", EXAMPLE).code == 0
    assert cli("check", "--select", "TL207", EXAMPLE).code == 0  # only an info left, fail-on error
    assert cli("check", "--select", "TL207", "--fail-on", "warning", EXAMPLE).code == 0
    assert cli("check", "--select", "TL207", "--fail-on", "info", EXAMPLE).code == 1
    assert cli("check", str(clean.parent / "missing.yaml")).code == 2
    assert cli("check", "--select", "TL999", EXAMPLE).code == 2
    assert cli("check", "--bogus-flag").code == 2


def test_select_and_ignore_by_name_and_prefix(cli):
    assert "TL201" not in cli("check", "--ignore", "rate-with-count", EXAMPLE).out
    out = cli("check", "--select", "TL2", EXAMPLE).out
    assert "TL201" in out and "TL207" in out
    assert "TL207" not in cli("check", "--select", "ALL", "--ignore", "TL20", EXAMPLE).out


def test_directory_recursion_and_yaml_only(cli, write, tmp_path):
    write(
        "a/one.yaml",
        "项目名称: a\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 场次\n        指标值: 2场\n  效益指标:\n    社会效益指标:\n      - 三级指标: 政策知晓率\n        指标值: ≥90%\n  满意度指标:\n    服务对象满意度指标:\n      - 三级指标: 参训学员满意度\n        指标值: ≥90%\n  成本指标:\n    经济成本指标:\n      - 三级指标: 人均培训成本\n        指标值: ≤500元/人\n",
    )
    write("a/b/two.yml", "项目名称: b\n")
    write("a/notes.txt", "not yaml")
    result = cli("check", "--format", "json", str(tmp_path / "a"))
    report = json.loads(result.out)
    assert report["summary"]["files"] == 2
    assert {f["code"] for f in report["findings"]} == {"TL003"}


def test_stdin_with_filename():
    result = run_targetlint("check", "-", "--stdin-filename", "申报.yaml", stdin="项目名称: x\n".encode())
    assert result.returncode == 1
    # The finding comes under a line naming its declaration.
    assert result.stdout.decode().startswith("── 项目：x ──\n申报.yaml:1:1: TL003 [错误]")


def test_rule_doc_and_rules_list(cli):
    doc = cli("rule", "TL201")
    assert doc.code == 0 and "**作用**" in doc.out and "培训人数达标率" in doc.out
    assert "**What it does**" in cli("rule", "rate-with-count", "--lang", "en").out
    assert cli("rule", "TL999").code == 2
    listing = cli("rules").out
    assert "TL201" in listing and "rate-with-count" in listing


def test_version(cli):
    result = cli("--version")
    assert result.code == 0 and result.out.startswith("targetlint ")


def test_show_source_puts_a_caret_under_the_value(cli):
    out = cli("check", "--show-source", "--select", "TL201", EXAMPLE).out.splitlines()
    source_line = next(i for i, line in enumerate(out) if "指标值: ≥250" in line)
    caret = out[source_line + 1]
    assert caret.rstrip().endswith("^^^^")
