"""Every grammar path is linear or bounded: values and goals of 50,000
characters, built to hit each super-linear path there was, finish well
inside a generous ceiling (these are not timing tests: quadratic behaviour
at this size takes minutes), and one hostile value costs nothing but itself.
The suppression-comment scan is linear too."""

from __future__ import annotations

import time

import pytest

from targetlint.goal import analyse_goal
from targetlint.values import ValueKind, parse_value

from .conftest import TRAINING_DECLARATION

CEILING = 5.0  # seconds; each case below takes well under one

VALUES = {
    "per-unit qualifiers (exponential)": "每月" * 25_000 + "1人x",
    "labels (unbounded recursion)": "完成：" * 16_000,
    "digits": "1" * 50_000,
    "numerals": "十四五" * 16_000,
    "operators": "≥" * 50_000 + "1",
    "ranges": "1~" * 25_000,
    "deadline": "2023年12月" * 6_000 + "前完成",
}

GOALS = {
    "digits (quadratic)": "1" * 50_000,
    "five-year plans (quadratic)": "十四五" * 16_000,
    "numbers with units": "完成培训100人次，" * 5_000,
    "decimals": "1." * 25_000,
    "labels": "完成：" * 16_000,
}


def _timed(function, argument):
    started = time.monotonic()
    result = function(argument)
    return result, time.monotonic() - started


@pytest.mark.parametrize("name", VALUES)
def test_long_values_parse_in_bounded_time(name):
    value, took = _timed(parse_value, VALUES[name])
    assert took < CEILING, (name, took)
    assert value.kind is not None


@pytest.mark.parametrize("name", GOALS)
def test_long_goals_are_analysed_in_bounded_time(name):
    _, took = _timed(analyse_goal, GOALS[name])
    assert took < CEILING, (name, took)


def test_the_short_exponential_value_from_the_report():
    _, took = _timed(parse_value, "每月" * 26 + "1人x")  # about 55 characters
    assert took < CEILING
    # Shorter ones still parse as they did: a scope word before a number.
    assert parse_value("每月10次").qualifiers == ("每月",)
    assert parse_value("每月10次").number == 10


def test_a_hostile_value_costs_nothing_but_itself(cli, write):
    hostile = TRAINING_DECLARATION.replace("指标值: 提高", '指标值: "' + "每月" * 26 + '1人x"')
    path = write("a.yaml", hostile)
    started = time.monotonic()
    result = cli("check", "--no-cache", str(path))
    assert time.monotonic() - started < 30
    assert "TL009" not in result.out, result.out
    # The file's other findings are all there.
    assert ": TL201 [错误]" in result.out and ": TL203 [警告]" in result.out


def test_prose_is_a_narrative_without_the_grammar():
    value = parse_value("本项目" * 200)
    assert value.kind is ValueKind.NARRATIVE


def test_the_suppression_scan_is_linear(cli, write):
    # About 1 MB of directives (the size limit): the scan used to look ahead
    # from each one to the next content line, quadratic in their number.
    directives = "        # targetlint: disable=TL201 -- reason\n" * 25_000
    text = TRAINING_DECLARATION.replace("        指标值: ≥250\n", directives + "        指标值: ≥250\n")
    path = write("a.yaml", text)
    started = time.monotonic()
    result = cli("check", "--no-cache", "--max-file-size", "2MB", str(path))
    assert time.monotonic() - started < 30
    assert "TL009" not in result.out
    assert ": TL201 [错误]" not in result.out  # the directive right above still works
