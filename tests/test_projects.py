"""Projects: each checked declaration is recorded with its name, department and
lines, survives the cache, and findings are filed under the project that holds them."""

from __future__ import annotations

from targetlint.cache import Cache, fingerprint
from targetlint.engine import Engine
from targetlint.plugins import load_catalogue
from targetlint.projects import group
from targetlint.rule import Severity
from targetlint.runner import FilePlan, check_text
from targetlint.source import decode

from .conftest import TRAINING_DECLARATION

TWO = (
    "主管部门: 甲局\n"
    + TRAINING_DECLARATION
    + "---\n项目名称: 第二个项目\n主管部门: 乙局\n绩效指标:\n  产出指标:\n    数量指标:\n"
    + "      - 三级指标: 培训场次\n        指标值: 5\n"
)


def _plan():
    return FilePlan(Engine([rule() for rule in load_catalogue().sorted_rules()]))


def test_each_declaration_is_a_project_with_its_lines():
    outcome = check_text(decode(TWO.encode(), "two.yaml"), _plan())
    first, second = outcome.projects
    assert (first.name, first.department, first.index, first.line) == ("培训项目", "甲局", 0, 1)
    assert (second.name, second.department, second.index) == ("第二个项目", "乙局", 1)
    assert first.end_line < second.line <= second.end_line == TWO.count("\n")


def test_findings_are_grouped_under_their_project_and_decide_pass_or_fail():
    outcome = check_text(decode(TWO.encode(), "two.yaml"), _plan())
    broken = check_text(decode(b"a: [\n", "broken.yaml"), _plan())
    groups = group(outcome.findings + broken.findings, outcome.projects + broken.projects, lambda path: Severity.ERROR)
    assert [(entry.project.path, entry.project.name) for entry in groups] == [
        ("broken.yaml", None),  # a file that is not YAML: its finding stands for the whole file
        ("two.yaml", "培训项目"),
        ("two.yaml", "第二个项目"),
    ]
    whole, training, second = groups
    assert whole.project.whole_file and [f.code for f in whole.findings] == ["TL001"]
    assert {f.code for f in training.findings} >= {"TL201", "TL203", "TL207"}
    assert all(training.project.line <= f.line <= training.project.end_line for f in training.findings)
    assert training.failed  # TL201 is an error
    ranks = [f.severity.rank for f in training.findings]
    assert ranks == sorted(ranks, reverse=True)  # most severe first
    assert {f.code for f in second.findings} == {"TL101", "TL102", "TL203"} and second.failed
    warnings = [f for f in second.findings if f.severity is Severity.WARNING]
    assert not group(warnings, [second.project], lambda path: Severity.ERROR)[0].failed
    assert group(warnings, [second.project], lambda path: Severity.WARNING)[0].failed


def test_projects_survive_the_cache(tmp_path):
    data = TWO.encode()
    fresh = check_text(decode(data, "two.yaml"), _plan())
    Cache(tmp_path, fingerprint("config")).put(data, fresh)
    cached = Cache(tmp_path, fingerprint("config")).get(data, "moved/two.yaml")
    assert cached is not None
    assert [(p.index, p.name, p.department, p.line, p.end_line) for p in cached.projects] == [
        (p.index, p.name, p.department, p.line, p.end_line) for p in fresh.projects
    ]
    assert all(p.path == "moved/two.yaml" for p in cached.projects)


def test_text_output_names_each_project_and_concise_stays_one_line(cli, write):
    path = write("two.yaml", TWO)
    text = cli("check", "--no-cache", str(path)).out
    assert "── 项目：培训项目 · 主管部门：甲局 ──\n" in text
    assert "── 项目：第二个项目 · 主管部门：乙局 ──\n" in text
    assert text.index("培训项目 ·") < text.index("TL201") < text.index("第二个项目 ·") < text.index(":30:14: TL203")
    english = cli("check", "--no-cache", "--lang", "en", str(path)).out
    assert "── project: 培训项目 · department: 甲局 ──\n" in english
    concise = cli("check", "--no-cache", "--format", "concise", str(path)).out.splitlines()
    assert all(line.startswith(str(path)) for line in concise[:-1]) and "项目：" not in concise[-1]


def test_statistics_per_project(cli, write):
    import json

    path = write("two.yaml", TWO)
    write("broken.yaml", "a: [\n")
    folder = str(path.parent)
    rows = json.loads(cli("check", "--no-cache", "--statistics-by", "project", "--format", "json", folder).out)
    assert [(row["project"], row["department"], row["whole_file"], row["failed"]) for row in rows] == [
        (None, None, True, True),
        ("培训项目", "甲局", False, True),
        ("第二个项目", "乙局", False, True),
    ]
    assert rows[2]["error"] == 2 and rows[2]["warning"] == 2
    text = cli("check", "--no-cache", "--statistics-by", "project", folder).out.splitlines()
    assert text[0].split() == ["错误", "警告", "提示", "结果", "项目"]
    assert text[3].split()[:5] == ["2", "2", "0", "未通过", "第二个项目"]
    passing = cli(
        "check", "--no-cache", "--statistics-by", "project", "--fail-on", "error", "--ignore", "TL101,TL201", folder
    )
    assert any("通过" in line and "第二个项目" in line and "未通过" not in line for line in passing.out.splitlines())
