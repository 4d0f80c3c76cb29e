"""Wrong pass/fail decisions (issue 16, points 1–3): a declaration under
wrong keys is not skipped, other YAML in a mixed repository is, and no
all-clear is ever printed next to an error."""

from __future__ import annotations

import json
import shutil

from .conftest import ROOT

WRONG_KEYS = """项目: 培训项目
年度: 2024
绩效指标表:
  产出指标:
    数量指标:
      - 指标名称: 培训人数
        指标值: 约20个
"""

CI_WORKFLOW = """name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pytest
"""

DOCKER_COMPOSE = """services:
  web:
    image: nginx
    ports: ["80:80"]
volumes:
  data: {}
"""

# Chinese keys, but not the declaration's: minutes of a meeting.
MEETING_MINUTES = """会议名称: 第三次办公会议
会议时间: 2024-03-01
主持人: 张三
参会单位: [办公室, 财务处]
议题:
  - 审议年度工作要点
决定事项: 同意
"""

MEETING_LIST = """- 会议名称: 第三次办公会议
  会议时间: 2024-03-01
- 会议名称: 第四次办公会议
  会议时间: 2024-04-01
"""

ANSIBLE = """- hosts: all
  tasks:
    - name: ping
      ping:
"""


def test_a_declaration_under_wrong_keys_is_not_a_false_green(cli, write):
    path = write("d.yaml", WRONG_KEYS)
    result = cli("check", "--no-cache", "--format", "concise", str(path))
    assert result.code == 1, result
    assert "未发现问题" not in result.out
    # Each wrong key is named at its place, with the key it probably means.
    assert "d.yaml:1:1: TL002" in result.out and "是否应为“项目名称”" in result.out
    assert "d.yaml:2:1: TL002" in result.out and "是否应为“申报年度”" in result.out
    assert "d.yaml:3:1: TL002" in result.out and "是否应为“绩效指标”" in result.out
    assert "TL003" in result.out  # 项目名称 and 绩效指标 are missing


def test_near_keys_count_in_english_too(cli, write):
    path = write("d.yaml", WRONG_KEYS)
    result = cli("check", "--no-cache", "--lang", "en", "--format", "concise", str(path))
    assert "did you mean '项目名称'?" in result.out


def test_unknown_keys_inside_a_declaration_get_a_suggestion(cli, write):
    text = (
        "项目名称: 培训\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 培训人数\n        指标数值: ≥20人\n"
    )
    result = cli("check", "--no-cache", "--format", "concise", str(write("d.yaml", text)))
    assert "d.yaml:6:9: TL002" in result.out and "是否应为“指标值”" in result.out


def test_other_yaml_in_a_mixed_repository_is_skipped_and_counted(cli, write, tmp_path):
    for name, text in {
        "ci.yaml": CI_WORKFLOW,
        "docker-compose.yml": DOCKER_COMPOSE,
        "minutes.yaml": MEETING_MINUTES,
        "minutes-list.yaml": MEETING_LIST,
        "playbook.yaml": ANSIBLE,
    }.items():
        write(name, text)
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", tmp_path / ".pre-commit-hooks.yaml")
    result = cli("check", "--no-cache", str(tmp_path))
    assert result.code == 0, result
    assert "TL0" not in result.out
    # Nothing here is a declaration: that is said, and it is not an all-clear.
    assert "未发现问题" not in result.out
    assert "6 个 YAML 文件不是申报表，已跳过" in result.out, result.out
    # The hook file, named explicitly (pre-commit passes it when it is staged), is skipped too.
    result = cli("check", "--no-cache", str(tmp_path / ".pre-commit-hooks.yaml"))
    assert result.code == 0, result
    assert "1 个 YAML 文件不是申报表，已跳过" in result.out


def test_skipped_files_are_counted_beside_declarations(cli, write, tmp_path):
    write("ci.yaml", CI_WORKFLOW)
    write("example.yaml", (ROOT / "fixtures" / "example.yaml").read_text(encoding="utf-8"))
    result = cli("check", "--no-cache", "--format", "concise", "--lang", "en", str(tmp_path))
    assert result.code == 1
    assert "1 YAML file(s) skipped as not declarations" in result.out.splitlines()[-1]
    result = cli("check", "--no-cache", "--format", "json", str(tmp_path))
    assert json.loads(result.out)["summary"]["skipped"] == 1


def test_a_list_of_declarations_is_still_an_error(cli, write):
    text = "- 项目名称: 培训\n  绩效指标: {}\n- 项目名称: 调解\n  绩效指标: {}\n"
    result = cli("check", "--no-cache", "--format", "concise", str(write("d.yaml", text)))
    assert result.code == 1
    assert "d.yaml:1:1: TL004" in result.out and "---" in result.out


def test_a_missing_path_prints_no_all_clear(cli, tmp_path):
    result = cli("check", "--no-cache", str(tmp_path / "missing.yaml"))
    assert result.code == 2
    assert "路径不存在" in result.err
    assert "未发现问题" not in result.out + result.err
    assert "检查未完成" in result.out


def test_an_empty_directory_is_a_notice_not_an_all_clear(cli, tmp_path):
    result = cli("check", "--no-cache", str(tmp_path))
    assert result.code == 0, result
    assert "未发现问题" not in result.out + result.err
    assert "没有找到申报表" in result.out
    assert "没有 YAML 文件" in result.err


def test_machine_formats_carry_the_error(cli, tmp_path):
    missing = str(tmp_path / "missing.yaml")
    result = cli("check", "--no-cache", "--format", "json", missing)
    assert result.code == 2
    document = json.loads(result.out)
    assert [e["message"] for e in document["errors"]] == [f"{missing}：路径不存在"]

    report = tmp_path / "report.sarif"
    result = cli("check", "--no-cache", "--format", "sarif", "-o", str(report), missing)
    assert result.code == 2
    assert "未发现问题" not in result.out
    invocation = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [f"{missing}：路径不存在"]
    assert invocation["toolExecutionNotifications"][0]["level"] == "error"


def test_a_clean_json_report_has_an_empty_errors_list(cli, write):
    path = write("d.yaml", CI_WORKFLOW)
    document = json.loads(cli("check", "--no-cache", "--format", "json", str(path)).out)
    assert document["errors"] == []
