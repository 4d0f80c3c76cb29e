"""Inline suppressions: lines, next lines, key blocks, files and documents,
names and ``all``, reasons, and TL010 for directives that suppress nothing."""

from __future__ import annotations

import json

from targetlint.suppressions import scan

from .conftest import TRAINING_DECLARATION

# Line numbers matter below: 6 → TL203 (bare 5), 9 → TL201 (≥250), 13 → TL207 (提高).
BASE = TRAINING_DECLARATION


def check(cli, write, text: str, *extra: str) -> list[tuple[int, str]]:
    path = write("a.yaml", text)
    result = cli("check", "--format", "json", *extra, str(path))
    assert result.code in (0, 1), result
    return [(f["line"], f["code"]) for f in json.loads(result.out)["findings"]]


def edit(line_number: int, suffix: str = "", before: str | None = None) -> str:
    lines = BASE.splitlines()
    if before is not None:
        lines.insert(line_number - 1, before)
    else:
        lines[line_number - 1] += suffix
    return "\n".join(lines) + "\n"


def test_baseline_fixture_has_three_findings(cli, write):
    assert check(cli, write, BASE) == [(6, "TL203"), (9, "TL201"), (13, "TL207")]


def test_trailing_directive_covers_its_line_only(cli, write):
    assert check(cli, write, edit(9, "  # targetlint: disable=TL201 -- 口径由主管部门确定")) == [
        (6, "TL203"),
        (13, "TL207"),
    ]


def test_rule_names_and_all_work(cli, write):
    assert check(cli, write, edit(9, "  # targetlint: disable=rate-with-count")) == [(6, "TL203"), (13, "TL207")]
    assert check(cli, write, edit(13, "  # targetlint: disable=all")) == [(6, "TL203"), (9, "TL201")]


def test_directive_alone_on_a_line_applies_to_the_next_line(cli, write):
    text = edit(9, before="        # targetlint: disable=TL201 -- 口径待定")
    assert check(cli, write, text) == [(6, "TL203"), (14, "TL207")]


def test_directive_on_a_category_key_covers_the_block(cli, write):
    text = BASE.replace("  产出指标:\n", "  产出指标:  # targetlint: disable=TL201,TL203\n")
    assert check(cli, write, text) == [(13, "TL207")]
    # A directive alone above a 二级 key covers that category and no other.
    text = BASE.replace("    质量指标:\n", "    # targetlint: disable=TL201,TL203\n    质量指标:\n")
    found = check(cli, write, text)
    assert (6, "TL203") in found and (14, "TL207") in found and not any(code == "TL201" for _, code in found)
    assert (7, "TL010") in found  # TL203 was not needed in that block


def test_directive_on_an_indicator_covers_the_whole_indicator(cli, write):
    text = BASE.replace(
        "      - 三级指标: 培训人数达标率\n", "      - 三级指标: 培训人数达标率  # targetlint: disable=TL201\n"
    )
    assert check(cli, write, text) == [(6, "TL203"), (13, "TL207")]


def test_disable_file_in_the_header_covers_every_document(cli, write):
    text = "# targetlint: disable-file=TL201 -- 旧格式\n" + BASE + "---\n" + BASE
    found = check(cli, write, text)
    assert not any(code == "TL201" for _, code in found)
    assert [code for _, code in found].count("TL207") == 2


def test_disable_file_inside_a_document_covers_that_document_only(cli, write):
    second = BASE.replace("项目名称: 培训项目\n", "项目名称: 第二个项目\n# targetlint: disable-file=TL201\n")
    found = check(cli, write, BASE + "---\n" + second)
    assert [line for line, code in found if code == "TL201"] == [9]  # the first document keeps its finding


def test_unused_and_unknown_codes_are_reported_as_TL010(cli, write):
    path = write("a.yaml", edit(6, "  # targetlint: disable=TL203,TL201,TL999 -- 说明"))
    result = json.loads(cli("check", "--format", "json", "--lang", "en", str(path)).out)
    unused = [f for f in result["findings"] if f["code"] == "TL010"]
    messages = sorted(f["message"] for f in unused)
    assert len(unused) == 2 and all(f["line"] == 6 and f["severity"] == "warning" for f in unused)
    assert "unknown rule 'TL999'" in messages[0]
    assert "unused suppression: TL201 suppressed nothing" in messages[1]
    assert unused[0]["column"] == len("        指标值: 5  ") + 1  # points at the comment


def test_malformed_directive_is_reported(cli, write):
    assert (6, "TL010") in check(cli, write, edit(6, "  # targetlint: disabel=TL203"))
    assert (6, "TL010") in check(cli, write, edit(6, "  # targetlint: disable="))


def test_suppressions_of_rules_not_running_are_not_judged(cli, write):
    text = edit(6, "  # targetlint: disable=TL203")
    assert check(cli, write, text, "--select", "TL201,TL010") == [(9, "TL201")]


def test_TL010_follows_configuration_not_directives(cli, write):
    text = edit(6, "  # targetlint: disable=TL201")
    assert (6, "TL010") in check(cli, write, text)
    assert (6, "TL010") not in check(cli, write, text, "--ignore", "unused-suppression")
    write(".targetlint.yaml", "severity: {TL010: error}\n")
    path = write("a.yaml", text)
    findings = json.loads(cli("check", "--format", "json", str(path)).out)["findings"]
    assert [f["severity"] for f in findings if f["code"] == "TL010"] == ["error"]


def test_a_redundant_wider_directive_is_reported(cli, write):
    text = "# targetlint: disable-file=TL201\n" + edit(9, "  # targetlint: disable=TL201")
    found = check(cli, write, text)
    assert (1, "TL010") in found and (10, "TL010") not in found


def test_scan_parses_codes_and_reason_and_ignores_hashes_in_text():
    directives = scan(
        "a: 1  # targetlint: disable=TL201, missing-unit -- 口径由主管部门确定 -- 见附件\nb: 'x#targetlint: disable=TL1'\n"
    )
    assert len(directives) == 1
    (directive,) = directives
    assert directive.action == "disable" and directive.tokens == ["TL201", "missing-unit"]
    assert directive.reason == "口径由主管部门确定 -- 见附件"
    assert scan("项目名称: 没有指令\n") == []


def test_directive_with_nothing_after_it_is_reported(cli, write):
    assert (len(BASE.splitlines()) + 1, "TL010") in check(cli, write, BASE + "# targetlint: disable=TL207\n")
