"""Malformed YAML: one finding where a person would look, and the other
documents of the file still checked."""

from __future__ import annotations

import pytest

from targetlint.loader import load
from targetlint.source import decode


def _load(text: str):
    return load(decode(text.encode("utf-8"), "t.yaml"))


def _problems(loaded, kind=None):
    return [(p.kind, p.span.line, p.span.column) for p in loaded.problems if kind is None or p.kind == kind]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # An unclosed quote is found at the end of the stream; it is reported
        # at the quote (after the CJK key: columns count code points).
        ('项目名称: "劳动仲裁\n年度总体目标: x\n', (1, 7)),
        ("项目名称: '劳动仲裁\n", (1, 7)),
        # A flow collection left open: where it was opened.
        ("项目名称: a\n绩效指标: [产出指标, 效益指标\n年度总体目标: x\n", (2, 7)),
        ("项目资金: {年度资金申请总额: 1\n年度总体目标: x\n", (1, 7)),
        # An over-indented key: the parser rejects the colon of that line.
        ("项目名称: a\n  年度总体目标: x\n", (2, 9)),
        # A tab used for indentation: at the tab, named as a tab (tab-indent).
        ("项目名称: a\n\t年度总体目标: x\n", (2, 1)),
        ("项目资金:\n\t年度资金申请总额: 1\n", (2, 1)),
        # A key without its colon: at the key, not at the line after.
        ("项目名称: a\n年度总体目标 没有冒号\n项目性质: b\n", (2, 1)),
        # Dedented too far inside a mapping: at the offending line.
        ("项目资金:\n    年度资金申请总额: 1\n  当年财政拨款: 2\n", (3, 3)),
        # A list item where a mapping continues.
        ("项目名称: a\n- b\n", (2, 1)),
        ("项目名称: *missing\n", (1, 7)),
    ],
)
def test_syntax_error_is_one_finding_at_the_right_place(text, where):
    loaded = _load(text)
    kind = "tab-indent" if "\t" in text else "yaml-syntax"
    assert _problems(loaded) == [(kind, *where)], loaded.problems


def test_a_mapping_where_the_indicator_list_belongs():
    loaded = _load("项目名称: a\n绩效指标:\n  产出指标:\n    数量指标:\n      三级指标: x\n      指标值: 1\n")
    assert _problems(loaded) == [("invalid-type", 5, 7)]
    assert loaded.declarations[0].name == "a"


def test_duplicate_keys_at_every_level():
    text = (
        "项目名称: a\n"
        "项目资金:\n  当年财政拨款: 1\n  当年财政拨款: 2\n"
        "绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: x\n        指标值: 1个\n        指标值: 2个\n"
        "项目名称: b\n"
    )
    loaded = _load(text)
    assert _problems(loaded) == [("duplicate-key", 4, 3), ("duplicate-key", 10, 9), ("duplicate-key", 11, 1)]
    # The first occurrence wins; nothing else is lost.
    (declaration,) = loaded.declarations
    assert declaration.name == "a" and declaration.funds.appropriation == 1
    assert next(declaration.indicators()).value == "1个"


def _names(loaded):
    return [d.name for d in loaded.declarations]


def test_error_in_the_middle_document():
    loaded = _load('项目名称: a\n---\n项目名称: "b\n---\n项目名称: c\n')
    assert _names(loaded) == ["a", "c"]
    assert _problems(loaded) == [("yaml-syntax", 3, 7)]
    assert loaded.declarations[1].span("name").line == 5


def test_error_in_the_last_document():
    loaded = _load("项目名称: a\n---\n项目名称: b\n---\n项目名称: [c\n")
    assert _names(loaded) == ["a", "b"]
    assert _problems(loaded) == [("yaml-syntax", 5, 7)]


def test_error_in_the_first_document():
    loaded = _load("项目名称: a\n  x: 1\n---\n项目名称: b\n")
    assert _names(loaded) == ["b"]
    assert _problems(loaded) == [("yaml-syntax", 2, 4)]


def test_several_broken_documents():
    text = "".join(f'---\n项目名称: "d{i}\n' if i % 2 else f"---\n项目名称: d{i}\n" for i in range(10))
    loaded = _load(text)
    assert _names(loaded) == [f"d{i}" for i in range(0, 10, 2)]
    assert [line for _, line, _ in _problems(loaded)] == [2 * i + 2 for i in range(1, 10, 2)]


def test_document_end_markers():
    # After `...` a document needs no `---`; the C parser disagrees, so the
    # document after the broken one is reported, and the one after that read.
    loaded = _load("项目名称: a\n...\n---\n项目名称: [b\n...\n---\n项目名称: c\n...\n")
    assert _names(loaded) == ["a", "c"]
    assert _problems(loaded) == [("yaml-syntax", 4, 7)]
    loaded = _load('项目名称: a\n...\n项目名称: "b\n...\n项目名称: c\n')
    assert _names(loaded) == ["a", "c"]
    assert len(loaded.problems) == 1 and loaded.problems[0].span.line == 3


def test_error_on_a_document_marker_line():
    # Reported once, and the document after it still read.
    loaded = _load("项目名称: a\n--- x: [\n---\n项目名称: c\n")
    assert _names(loaded) == ["a", "c"]
    assert _problems(loaded) == [("yaml-syntax", 2, 6)]


def test_broken_directive_then_a_good_document():
    loaded = _load("%YAML 1.1\n%YAML 1.1\n---\n项目名称: c\n")
    assert _names(loaded) == ["c"] and _problems(loaded) == [("yaml-syntax", 2, 1)]


def test_forbidden_characters_are_located_and_the_rest_is_read():
    # One control character used to make the C reader reject the whole file.
    loaded = _load("项目名称: a\x07b\n---\n项目名称: c\n实施单位: d\x01\n")
    assert _problems(loaded) == [("yaml-syntax", 1, 8), ("yaml-syntax", 4, 8)]
    assert "U+0007" in loaded.problems[0].detail
    assert _names(loaded) == ["a\ufffdb", "c"]


def test_many_forbidden_characters_are_capped():
    loaded = _load("项目名称: " + "\x01" * 500 + "\n")
    assert len(loaded.problems) == 101
    assert "400 more" in loaded.problems[-1].detail


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\x85", "\u2028", "\u2029"])
def test_every_line_break_the_parser_knows_counts_as_a_line(newline):
    loaded = _load(newline.join(["项目名称: a", "项目名称: b", "年度总体目标: c", ""]))
    assert _problems(loaded) == [("duplicate-key", 2, 1)]
    assert loaded.declarations[0].span("goal").line == 3
    assert loaded.source.lines[2] == "年度总体目标: c"


def test_too_many_syntax_errors_stop_with_a_finding(monkeypatch):
    import targetlint.loader as loader

    monkeypatch.setattr(loader, "MAX_RESUMES", 5)
    loaded = _load("".join('---\n项目名称: "x\n' for _ in range(20)) + "---\n项目名称: last\n")
    kinds = [p.kind for p in loaded.problems]
    assert kinds.count("yaml-syntax") == 5 and kinds[-1] == "too-complex"
    assert "not read past" in loaded.problems[-1].detail
