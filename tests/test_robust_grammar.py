"""Every grammar path is linear or bounded: values and goals of 50,000
characters, built to hit each super-linear path there was, finish well
inside a generous ceiling (these are not timing tests: quadratic behaviour
at this size takes minutes), and one hostile value costs nothing but itself.
The suppression-comment scan is linear too."""

from __future__ import annotations

import re
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


# A grammar bug that never returns, on the one value or goal holding this word.
HANGS = "卡住"


def _hanging(real):
    def parse(raw, *args, **kwargs):
        while HANGS in str(raw):  # a Python loop, as a backtracking grammar would be
            pass
        return real(raw, *args, **kwargs)

    return parse


@pytest.fixture
def short_budget(monkeypatch):
    # Before each step had its own limit, a hanging value spent the whole
    # file's budget and the file reported only "possible endless loop".
    import targetlint.engine as engine_module

    monkeypatch.setattr(engine_module, "FILE_TIME_BUDGET", 20.0)


def test_a_value_that_never_parses_costs_only_its_own_finding(cli, write, monkeypatch, short_budget):
    import targetlint.loader as loader

    monkeypatch.setattr(loader, "parse_value", _hanging(loader.parse_value))
    text = TRAINING_DECLARATION.replace("指标值: 提高", f"指标值: {HANGS}")
    path = write("a.yaml", text)
    line = next(number for number, row in enumerate(text.splitlines(), 1) if HANGS in row)
    started = time.monotonic()
    result = cli("check", "--no-cache", "--lang", "en", str(path))
    assert time.monotonic() - started < 15
    assert "TL009" not in result.out, result.out
    (slow,) = [row for row in result.out.splitlines() if ": TL001 " in row]
    assert slow.startswith(f"{path}:{line}:") and "指标值" in slow, slow
    # Every finding on the other lines is there, as in the same file without the bug.
    monkeypatch.undo()
    plain = cli("check", "--no-cache", "--lang", "en", str(path))
    assert _elsewhere(result.out, line) == _elsewhere(plain.out, line) != set()


def test_a_goal_that_never_finishes_costs_only_its_own_finding(cli, write, monkeypatch, short_budget):
    import targetlint.loader as loader

    monkeypatch.setattr(loader, "analyse_goal", _hanging(loader.analyse_goal))
    text = f"年度总体目标: {HANGS}完成培训\n" + TRAINING_DECLARATION
    started = time.monotonic()
    result = cli("check", "--no-cache", "--lang", "en", str(write("a.yaml", text)))
    assert time.monotonic() - started < 15
    assert "TL009" not in result.out, result.out
    (slow,) = [row for row in result.out.splitlines() if ": TL001 " in row]
    assert ":1:" in slow and "年度总体目标" in slow
    assert {"TL201", "TL203"} <= _codes(result.out)


def test_the_suppression_scan_is_inside_the_time_budget(cli, write, monkeypatch):
    import targetlint.engine as engine_module
    import targetlint.suppressions as suppressions

    monkeypatch.setattr(engine_module, "FILE_TIME_BUDGET", 1.0)
    real = suppressions.apply

    def slow(*args, **kwargs):
        ends = time.monotonic() + 10
        while time.monotonic() < ends:  # a scan that takes far longer than the budget
            pass
        return real(*args, **kwargs)

    monkeypatch.setattr(suppressions, "apply", slow)
    text = "# targetlint: disable-file=TL203\n" + TRAINING_DECLARATION
    result = cli("check", "--no-cache", "--lang", "en", str(write("a.yaml", text)))
    assert result.code == 2
    (crash,) = [row for row in result.out.splitlines() if ": TL009 " in row]
    assert "suppression comments" in crash and "time budget" in crash
    # Nothing was suppressed: every finding is reported.
    assert {"TL201", "TL203"} <= _codes(result.out)


def _elsewhere(out: str, line: int) -> set[tuple[int, str]]:
    """(line, code) of the findings in ``out`` on lines other than ``line``."""
    found = {(int(row), code) for row, code in re.findall(r":(\d+):\d+: (TL\d+) \[", out)}
    return {(row, code) for row, code in found if row != line}


def _codes(out: str) -> set[str]:
    return set(re.findall(r":\d+:\d+: (TL\d+) \[", out))
