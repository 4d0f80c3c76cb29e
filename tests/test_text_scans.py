"""The vocabulary-driven text scans: placeholders joined into fragments, and the
one-search shortcut that must never hide a placeholder a field search finds."""

from __future__ import annotations

import pytest

from targetlint.text import may_hold_placeholders, placeholders
from targetlint.vocabulary import DEFAULT_VOCABULARY


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**月**日", [(0, "**月**")]),
        ("2024年xx月xx日前", [(5, "xx月xx")]),
        ("xx台、xx套", [(0, "xx"), (4, "xx")]),
        ("购置xx个专用设备，待定", [(2, "xx"), (10, "待定")]),
        ("≥95%", []),
    ],
)
def test_placeholder_fragments(text, expected):
    assert placeholders(text, DEFAULT_VOCABULARY) == expected


def test_one_search_finds_what_field_searches_find():
    fields = ["培训项目", "≥95%", "xx台", ""]
    assert may_hold_placeholders(fields, DEFAULT_VOCABULARY)
    assert not may_hold_placeholders(["培训项目", "≥95%", "100人次"], DEFAULT_VOCABULARY)


def test_an_anchored_pattern_is_searched_field_by_field():
    # "^待议$" matches the field "待议" but not the joined text of all fields.
    vocabulary = DEFAULT_VOCABULARY.extended({"placeholder-patterns": ["^待议$"]})
    fields = ["培训项目", "待议"]
    assert placeholders("待议", vocabulary) == [(0, "待议")]
    assert may_hold_placeholders(fields, vocabulary)


def test_marks_on_two_lines_are_two_placeholders():
    # A block-scalar goal: joining across the break would put a newline in one message.
    assert placeholders("完成xx\n  xx个项目", DEFAULT_VOCABULARY) == [(2, "xx"), (7, "xx")]


def test_a_user_pattern_with_lookarounds_is_searched_field_by_field():
    # (?<!\W) fails after the joining newline but holds at a field's start.
    vocabulary = DEFAULT_VOCABULARY.extended({"placeholder-patterns": [r"(?<!\W)NA(?!\W)"]})
    assert placeholders("NA", vocabulary) == [(0, "NA")]
    assert may_hold_placeholders(["NA", "项目名称"], vocabulary)
