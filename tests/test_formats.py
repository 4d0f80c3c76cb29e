"""Output formats: snapshots of each on a multi-declaration batch, SARIF schema
validation, GitHub annotation caps and escaping, GitLab, JUnit, --output-file,
colour, --statistics."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from targetlint.reporters import ReportContext
from targetlint.rule import Finding, Severity
from targetlint.span import Span

from .conftest import ROOT
from .snapshots import assert_snapshot

DATA = ROOT / "tests" / "data"
FORMATS = ["text", "concise", "json", "sarif", "github", "gitlab", "junit"]
EXTENSION = {
    "text": "txt",
    "concise": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "txt",
    "gitlab": "json",
    "junit": "xml",
}


@pytest.fixture
def in_data(monkeypatch):
    """Run from tests/data so reported paths are the same on every machine."""
    monkeypatch.chdir(DATA)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def _normalise(text: str) -> str:
    # The only machine-specific parts of a report: the checkout's location and the version.
    from targetlint import __version__

    text = text.replace(DATA.resolve().as_uri(), "file:///ROOT")
    return text.replace(f'"version": "{__version__}"', '"version": "VERSION"')


@pytest.mark.parametrize("output_format", FORMATS)
def test_format_snapshot(cli, in_data, output_format):
    result = cli("check", "--format", output_format, "batch")
    assert result.code == 1, result
    assert result.err == ""
    assert_snapshot(f"batch.{output_format}.{EXTENSION[output_format]}", _normalise(result.out))


def test_english_text_snapshot(cli, in_data):
    result = cli("check", "--lang", "en", "batch")
    assert_snapshot("batch.text.en.txt", _normalise(result.out))


def _schema():
    # CI clones the repository with shared/ beside it; the copy in tests/data
    # keeps the test running (never skipped) anywhere else.
    for candidate in (ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json", DATA / "sarif-schema-2.1.0.json"):
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    raise AssertionError("SARIF schema not found")


def test_sarif_validates_against_the_schema(cli, in_data):
    import jsonschema

    document = json.loads(cli("check", "--format", "sarif", "batch").out)
    jsonschema.validate(document, _schema())
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {"TL001", "TL002", "TL201", "TL207", "TL209", "TL301"}
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    levels = set()
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        levels.add(result["level"])
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("batch/")
    assert levels == {"error", "warning", "note"}  # TL002 is info in the batch's config
    placeholder = next(r for r in run["results"] if r["ruleId"] == "TL301")
    # "年度总体目标: 举办xx…": xx starts at code point 11 (a UTF-16 or byte count would differ only past non-BMP text; a byte count would say 27).
    assert placeholder["locations"][0]["physicalLocation"]["region"]["startColumn"] == 11


def test_fingerprints_survive_lines_inserted_above(cli, tmp_path, monkeypatch):
    text = (DATA / "batch" / "declarations.yaml").read_text(encoding="utf-8")
    (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def fingerprints(fmt):
        out = json.loads(cli("check", "--format", fmt, "d.yaml").out)
        if fmt == "sarif":
            return {
                (r["ruleId"], r["partialFingerprints"]["targetlint/v1"]): r["locations"][0]["physicalLocation"][
                    "region"
                ]["startLine"]
                for r in out["runs"][0]["results"]
            }
        return {(i["check_name"], i["fingerprint"]): i["location"]["lines"]["begin"] for i in out}

    for fmt in ("sarif", "gitlab"):
        (tmp_path / "d.yaml").write_text(text, encoding="utf-8")
        before = fingerprints(fmt)
        (tmp_path / "d.yaml").write_text("# 新增的说明\n# 第二行\n" + text, encoding="utf-8")
        after = fingerprints(fmt)
        assert set(before) == set(after)
        assert all(after[key] == before[key] + 2 for key in before)
        assert len({key[1] for key in before}) == len(before)  # unique


def _findings(count: int, severity: Severity, path: str = "a.yaml") -> list[Finding]:
    return [
        Finding(Span(i + 1, 1, i + 1, 3), f"问题 {i}", f"problem {i}", "TL201", "rate-with-count", severity, path)
        for i in range(count)
    ]


def test_github_caps_annotations_per_level_and_says_how_many_were_not_shown():
    from targetlint.reporters.github import render

    findings = _findings(25, Severity.ERROR) + _findings(3, Severity.WARNING)
    out = render(findings, ReportContext(files_checked=1)).splitlines()
    assert sum(line.startswith("::error ") for line in out) == 10
    assert sum(line.startswith("::warning ") for line in out) == 3
    assert sum(line.startswith("a.yaml:") for line in out) == 15  # the rest, as plain log lines
    notice = [line for line in out if line.startswith("::notice")]
    assert len(notice) == 1 and "15" in notice[0]


def test_github_overflow_notice_takes_one_of_the_ten_notices():
    from targetlint.reporters.github import render

    out = render(_findings(12, Severity.INFO), ReportContext(lang="en")).splitlines()
    notices = [line for line in out if line.startswith("::notice")]
    assert len(notices) == 10
    assert "3 more finding(s) not annotated" in notices[-1]


def test_github_escapes_messages_and_properties():
    from targetlint.reporters.github import annotation

    finding = Finding(
        Span(2, 3, 2, 9),
        "值为 100%，\n第二行",
        "100%\r\nnext",
        "TL203",
        "missing-unit",
        Severity.WARNING,
        "dir,x/a:b.yaml",
    )
    line = annotation(finding, ReportContext(lang="en"))
    # Line breaks in a message are folded to one line (Finding.message), before any escaping.
    assert (
        line
        == "::warning file=dir%2Cx/a%3Ab.yaml,line=2,endLine=2,col=3,endColumn=9,title=TL203 missing-unit::100%25 next"
    )


def test_github_step_summary_has_every_finding(tmp_path):
    from targetlint.reporters.github import render

    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    render(_findings(25, Severity.ERROR), ReportContext(step_summary=str(summary)))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, not replaced
    assert sum(1 for line in text.splitlines() if line.startswith("| a.yaml |")) == 25


def test_github_is_chosen_on_actions_when_no_format_given(cli, in_data, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    out = cli("check", "batch").out
    assert out.startswith("::error file=batch/broken.yaml,line=1")
    assert "| batch/declarations.yaml | 12 | 14 | TL201 rate-with-count | error |" in (
        tmp_path / "summary.md"
    ).read_text(encoding="utf-8")
    assert cli("check", "--format", "concise", "batch").out.startswith("batch/broken.yaml:1:7: TL001")


def test_gitlab_code_quality(cli, in_data):
    issues = json.loads(cli("check", "--format", "gitlab", "batch").out)
    assert len(issues) == 6
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"].startswith("batch/") and issue["location"]["lines"]["begin"] >= 1
    severities = {issue["check_name"].split()[0]: issue["severity"] for issue in issues}
    assert severities == {
        "TL001": "major",
        "TL301": "major",
        "TL201": "major",
        "TL209": "major",
        "TL207": "minor",
        "TL002": "info",
    }


def test_junit_has_one_testcase_per_file(cli, in_data):
    root = ET.fromstring(cli("check", "--format", "junit", "batch").out)
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"batch/broken.yaml", "batch/clean.yaml", "batch/declarations.yaml"}
    assert cases["batch/clean.yaml"].find("failure") is None
    failure = cases["batch/declarations.yaml"].find("failure")
    assert failure.get("message") == "5 个问题"
    assert "12:14: TL201 [error]" in failure.text
    assert root.get("failures") == "2" and root.get("tests") == "3"


def test_junit_survives_control_characters():
    from targetlint.reporters.junit import render

    finding = Finding(Span(1, 1, 1, 2), "坏\x01字符", "bad\x01char", "TL001", "yaml-syntax", Severity.ERROR, "a.yaml")
    ET.fromstring(render([finding], ReportContext(paths=["a.yaml"])))


def test_output_file_gets_the_report_and_the_terminal_the_summary(cli, in_data, tmp_path):
    target = tmp_path / "report.sarif"
    result = cli("check", "--format", "sarif", "--output-file", str(target), "batch")
    assert result.code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert result.out.splitlines() == [
        "发现 6 个问题（错误 4，警告 1，提示 1），检查了 3 个文件、4 份申报表。",
        f"报告已写入 {target}",
    ]


def test_colour_only_when_forced_or_on_a_tty(cli, in_data, monkeypatch):
    assert "\033[" not in cli("check", "batch").out  # captured output is not a TTY
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[31m" in cli("check", "batch").out
    assert "\033[" not in cli("check", "--no-color", "batch").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in cli("check", "batch").out


def test_statistics_quiet_and_exit_zero(cli, in_data):
    stats = cli("check", "--statistics", "batch")
    lines = stats.out.splitlines()
    assert re.match(r"1\s+TL001\s+yaml-syntax \[错误\]", lines[0])
    assert len([line for line in lines if re.match(r"\d+\s+TL\d{3}", line)]) == 6
    assert lines[-1].startswith("发现 6 个问题")
    quiet = cli("check", "--quiet", "--format", "concise", "batch")
    assert quiet.code == 1 and len(quiet.out.splitlines()) == 6 and "发现" not in quiet.out
    assert cli("check", "--exit-zero", "batch").code == 0


def test_text_shows_source_by_default_and_concise_does_not(cli, in_data):
    full = cli("check", "--select", "TL201", "batch").out.splitlines()
    index = next(i for i, line in enumerate(full) if "TL201" in line)
    assert full[index + 1] == "   12 |         指标值: ≥250"
    assert full[index + 2].endswith("^^^^")
    assert "targetlint rule TL201" in full[index + 3]
    concise = cli("check", "--format", "concise", "--select", "TL201", "batch").out.splitlines()
    assert len(concise) == 2 and concise[0].startswith("batch/declarations.yaml:12:14: TL201")
    shown = cli("check", "--format", "concise", "--show-source", "--select", "TL201", "batch").out
    assert "   12 |         指标值: ≥250" in shown
