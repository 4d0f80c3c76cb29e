"""A user's regular expression that nests repeats, and so can backtrack for
minutes, is refused when it loads, with its file, line and the pattern,
before any file is checked; a safe one, or an atomic one, is accepted. One
that is slow without nesting runs under a limit per search and one for the
whole run, and the finding names the pattern and its file, not the rule."""

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


# Slow without nested repeats: the alternation's two branches match the same
# text, so a near miss tries 2**n ways. The loader's check accepts it.
SLOW = "(x|x)*y"
NEAR_MISS = "x" * 40 + "z"


@pytest.fixture
def short_limits(monkeypatch):
    import targetlint.user_regex as user_regex

    monkeypatch.setattr(user_regex, "SEARCH_LIMIT", 0.5)
    monkeypatch.setattr(user_regex, "RUN_LIMIT", 1.5)


def test_a_slow_placeholder_pattern_is_named_with_its_file_and_the_run_has_a_deadline(
    cli, write, tmp_path, short_limits
):
    assert problem(SLOW) is None
    for index in range(8):
        write(f"d{index}.yaml", TRAINING_DECLARATION.replace("提高", NEAR_MISS))
    write(".targetlint.yaml", f'vocabulary:\n  placeholder-patterns: ["{SLOW}"]\n')
    started = time.monotonic()
    result = cli("check", "--no-cache", "-j", "1", "--lang", "en", "--format", "concise", str(tmp_path))
    # Each file used to spend its whole time budget (60 s) in the pattern.
    assert time.monotonic() - started < 20
    assert result.code == 2
    crashes = [line for line in result.out.splitlines() if ": TL009 " in line]
    assert len(crashes) == 8, result.out
    for line in crashes:
        assert repr(SLOW) in line and ".targetlint.yaml" in line and "failed" not in line, line
    # Once the run's limit is spent, the pattern is not run again.
    assert sum("was not run" in line for line in crashes) >= 5
    # The files' other findings are all there.
    assert len({line.split(":", 1)[0] for line in result.out.splitlines() if ": TL201 " in line}) == 8


def test_a_slow_rule_file_regex_is_named_with_its_rule_file(cli, write, tmp_path, short_limits):
    write("a.yaml", TRAINING_DECLARATION.replace("培训人数达标率", NEAR_MISS))
    write(".targetlint.yaml", "rule-files: [rules.yaml]\n")
    write(
        "rules.yaml",
        "pack: mine\nrules:\n  - code: TLX902\n    name: slow-pattern\n    message: m\n"
        f"    check: forbid\n    where: {{name: {{regex: '{SLOW}'}}}}\n",
    )
    started = time.monotonic()
    result = cli("check", "--no-cache", "--lang", "en", "--format", "concise", str(tmp_path / "a.yaml"))
    assert time.monotonic() - started < 20
    assert result.code == 2
    (crash,) = [line for line in result.out.splitlines() if ": TL009 " in line]
    assert repr(SLOW) in crash and "rules.yaml" in crash and "failed" not in crash, crash
