"""A user's regular expression that nests repeats, and so can backtrack for
minutes, is refused when it loads, with its file, line and the pattern,
before any file is checked; a safe one, or an atomic one, is accepted."""

from __future__ import annotations

import time

import pytest

from targetlint.user_regex import problem

from .conftest import TRAINING_DECLARATION


@pytest.mark.parametrize("pattern", ["(a+a+)+y", "(x+)+$", "(?:[0-9]*,)*z", "(?=(a+)+)b"])
def test_nested_repeats_are_refused(pattern):
    assert problem(pattern) is not None


@pytest.mark.parametrize("pattern", ["^待定$", "X{3,}", "[0-9]+(,[0-9]{3})*", "(?>a+)+", "(a++)+", "(a|b)+"])
def test_safe_patterns_are_accepted(pattern):
    assert problem(pattern) is None


def test_a_backtracking_placeholder_pattern_is_a_located_configuration_error(cli, write, tmp_path):
    write("a.yaml", TRAINING_DECLARATION.replace("提高", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
    write(".targetlint.yaml", 'vocabulary:\n  placeholder-patterns: ["(a+a+)+y"]\n')
    started = time.monotonic()
    result = cli("check", "--no-cache", str(tmp_path / "a.yaml"))
    assert time.monotonic() - started < 30
    assert result.code == 2
    assert ".targetlint.yaml:2:" in result.err and "(a+a+)+y" in result.err, result.err


def test_a_backtracking_rule_file_regex_is_a_located_error(cli, write, tmp_path):
    write("a.yaml", TRAINING_DECLARATION)
    write(".targetlint.yaml", "rule-files: [rules.yaml]\n")
    write(
        "rules.yaml",
        "pack: mine\nrules:\n  - code: TLX901\n    name: no-backtracking\n    message: m\n"
        "    check: forbid\n    where: {name: {regex: '(a+a+)+y'}}\n",
    )
    result = cli("check", "--no-cache", str(tmp_path / "a.yaml"))
    assert result.code == 2
    assert "rules.yaml:7:" in result.err and "(a+a+)+y" in result.err, result.err
