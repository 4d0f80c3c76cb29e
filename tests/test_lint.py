"""lint(): one file through the whole check, the one path every caller takes."""

from __future__ import annotations

from targetlint.engine import Engine
from targetlint.lint import FileResult, ParseStatus, lint
from targetlint.plugins import load_catalogue
from targetlint.results import FilePlan
from targetlint.runner import check_text
from targetlint.source import decode
from targetlint.testing import declaration_text

from .conftest import FIXTURES, TRAINING_DECLARATION

REGISTRY = load_catalogue()
DEFAULT_CODES = [rule.code for rule in REGISTRY.sorted_rules() if getattr(rule, "default_enabled", True)]


def _engine(codes=None) -> Engine:
    return Engine([REGISTRY.rules[code]() for code in (codes or DEFAULT_CODES)])


def test_a_declaration_is_parsed_and_its_findings_carry_the_path():
    result = lint(TRAINING_DECLARATION.encode("utf-8"), "train.yaml", _engine())
    assert isinstance(result, FileResult)
    assert result.status == ParseStatus.PARSED
    assert result.declarations == 1 and result.crashed == 0
    assert {"TL201", "TL203", "TL207"} <= {f.code for f in result.findings}
    assert {f.path for f in result.findings} == {"train.yaml"}
    assert [p.name for p in result.projects] == ["培训项目"]


def test_the_runner_reports_what_lint_finds():
    data = (FIXTURES / "example.yaml").read_bytes()
    plan = FilePlan(_engine())
    direct = lint(data, "example.yaml", plan)
    via_runner = check_text(decode(data, "example.yaml"), plan)
    assert direct.findings and [f.sort_key() for f in direct.findings] == [f.sort_key() for f in via_runner.findings]


def test_per_file_ignores_and_suppressions_are_applied():
    data = TRAINING_DECLARATION.encode("utf-8")
    ignored = lint(data, "a.yaml", FilePlan(_engine(), ignored=frozenset({"TL201"})))
    assert "TL201" not in {f.code for f in ignored.findings}
    suppressed_text = TRAINING_DECLARATION.replace("指标值: ≥250", "指标值: ≥250  # targetlint: disable=TL201")
    suppressed = lint(suppressed_text.encode("utf-8"), "a.yaml", _engine())
    assert "TL201" not in {f.code for f in suppressed.findings}
    assert "TL203" in {f.code for f in suppressed.findings}


def test_fixes_are_the_findings_that_offer_one():
    text = declaration_text([["产出指标", "质量指标", "培训合格率", ">=95%"]])
    result = lint(text.encode("utf-8"), "a.yaml", _engine())
    assert result.fixes, [f.code for f in result.findings]
    assert all(f.fix is not None for f in result.fixes)
    assert {id(f) for f in result.fixes} <= {id(f) for f in result.findings}


def test_parse_status_says_what_became_of_the_text():
    engine = _engine()
    assert lint(b"\x00\x01binary", "a.yaml", engine).status == ParseStatus.NOT_TEXT
    assert lint("项目名称: [未闭合\n".encode(), "a.yaml", engine).status == ParseStatus.SYNTAX_ERROR
    workflow = b"name: ci\non:\n  push: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
    assert lint(workflow, "ci.yaml", engine).status == ParseStatus.FOREIGN


def test_decoded_text_is_renamed_to_the_path_given():
    source = decode(TRAINING_DECLARATION.encode("utf-8"), "-")
    result = lint(source, "named.yaml", _engine(["TL201"]))
    assert [f.path for f in result.findings] == ["named.yaml"]
