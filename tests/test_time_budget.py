"""A rule that never returns costs its file a TL009 finding, not the run."""

from __future__ import annotations

import contextlib
import signal
import time

import pytest

import targetlint.engine as engine_module
from targetlint.engine import Engine
from targetlint.rule import Rule, Severity
from targetlint.source import decode

from .conftest import TRAINING_DECLARATION


def _reporting(rule_code: str, rule_name: str) -> type[Rule]:
    class Reports(Rule):
        """Reports every declaration."""

        code = rule_code
        name = rule_name
        severity = Severity.WARNING

        def check(self, declaration, source):
            yield self.report(declaration.span(), rule_name, rule_name)

    return Reports


Early = _reporting("TLZ951", "early")


class Loops(Rule):
    """Never returns, and swallows ordinary exceptions on the way."""

    code = "TLZ952"
    name = "loops"
    severity = Severity.ERROR

    def check(self, declaration, source):
        while True:
            with contextlib.suppress(Exception):
                sum(range(1000))
        yield  # pragma: no cover


Late = _reporting("TLZ953", "late")  # would report every declaration, if it ran


# Long enough for the honest work on a slow CI machine (the grammar is
# compiled before any budget starts, below), short enough to keep the tests quick.
BUDGET = 0.5


@pytest.fixture(autouse=True, scope="module")
def _grammar_compiled():
    Engine([Early()], time_budget=0).check(_source())


def _source(name="x.yaml"):
    return decode(TRAINING_DECLARATION.encode("utf-8"), name)


def test_an_endless_rule_becomes_tl009_and_the_file_ends():
    started = time.monotonic()
    result = Engine([Early(), Loops(), Late()], time_budget=BUDGET).check(_source())
    assert time.monotonic() - started < 5
    codes = sorted(finding.code for finding in result.findings)
    assert codes == ["TL009", "TLZ951"]  # TLZ953 never ran
    (crash,) = [f for f in result.findings if f.code == "TL009"]
    assert "TLZ952" in crash.message_en and "time budget" in crash.message_en and crash.line == 1
    assert result.crashed == 1


def test_the_next_file_gets_a_full_budget_and_the_timer_is_disarmed():
    engine = Engine([Early(), Loops()], time_budget=BUDGET)
    first, second = engine.check(_source("a.yaml")), engine.check(_source("b.yaml"))
    assert sorted(f.code for f in first.findings) == sorted(f.code for f in second.findings) == ["TL009", "TLZ951"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


def test_a_hang_while_loading_is_contained(monkeypatch):
    def hangs(source, vocabulary):
        while True:
            pass

    monkeypatch.setattr(engine_module, "load", hangs)
    result = Engine([Early()], time_budget=BUDGET).check(_source())
    (finding,) = result.findings
    assert finding.code == "TL009" and "time budget" in finding.message_en and result.crashed == 1


def test_an_embedding_programs_alarm_survives():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        Engine([Early()], time_budget=10).check(_source())
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 0.5
        time.sleep(0.7)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_command_line_reports_the_hang_and_exits_2(cli, tmp_path, looping_pack):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(TRAINING_DECLARATION, encoding="utf-8")
    result = cli("check", "--no-cache", "--select", "TLZ952,TL201", str(tmp_path))
    assert result.code == 2
    crashes = [line for line in result.out.splitlines() if ": TL009 [错误] TLZ952" in line]
    assert len(crashes) == 2 and "TL201" in result.out  # both files, and the other rule's finding


class _Pack:
    @staticmethod
    def targetlint_rules():
        return [Loops]


@pytest.fixture
def looping_pack(monkeypatch):
    """The command line with a pack whose rule never returns, and a short budget."""
    import targetlint.plugins as plugins

    monkeypatch.setattr(engine_module, "FILE_TIME_BUDGET", BUDGET)
    real = plugins.load_catalogue
    monkeypatch.setattr(plugins, "load_catalogue", lambda extra_plugins=None: real([("looping-pack", _Pack)]))


@pytest.fixture(autouse=True)
def _no_stray_alarm():
    yield
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_forked_workers_keep_the_budget(cli, tmp_path, looping_pack):
    for index in range(8):
        (tmp_path / f"d{index}.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    result = cli("check", "--no-cache", "--jobs", "2", "--select", "TLZ952", str(tmp_path))
    assert result.code == 2
    assert len([line for line in result.out.splitlines() if ": TL009 [错误] TLZ952" in line]) == 8


class SwallowsEverything(Rule):
    """Catches even the budget's first interruption and goes on looping."""

    code = "TLZ954"
    name = "swallows-everything"
    severity = Severity.ERROR

    def check(self, declaration, source):
        swallowed = 0
        while swallowed < 1:
            try:
                while True:
                    pass
            except BaseException:
                swallowed += 1
        while True:
            pass
        yield  # pragma: no cover


def test_a_rule_that_swallows_the_interruption_is_interrupted_again():
    started = time.monotonic()
    result = Engine([SwallowsEverything()], time_budget=BUDGET).check(_source())
    assert time.monotonic() - started < BUDGET + 5
    assert [f.code for f in result.findings] == ["TL009"] and "TLZ954" in result.findings[0].message_en


def test_a_file_with_suppression_comments_keeps_the_budget(cli, tmp_path, looping_pack):
    (tmp_path / "a.yaml").write_text("# targetlint: disable=TL201\n" + TRAINING_DECLARATION, encoding="utf-8")
    result = cli("check", "--no-cache", "--select", "TLZ952", str(tmp_path))
    assert result.code == 2
    assert len([line for line in result.out.splitlines() if ": TL009 [错误] TLZ952" in line]) == 1


def test_the_runner_and_the_rule_test_harness_go_through_the_budget():
    from targetlint.loader import load

    result = Engine([Early(), Loops()], time_budget=BUDGET).check_loaded(load(_source()))
    assert sorted(f.code for f in result.findings) == ["TL009", "TLZ951"]


def test_loading_a_file_with_suppression_comments_is_budgeted_and_contained(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "FILE_TIME_BUDGET", BUDGET)
    (tmp_path / "a.yaml").write_text("# targetlint: disable=TL201\n" + TRAINING_DECLARATION, encoding="utf-8")

    def hangs(source, vocabulary):
        while True:
            pass

    monkeypatch.setattr(engine_module, "load", hangs)
    hung = cli("check", "--no-cache", str(tmp_path))
    assert hung.code == 2 and "time budget" in cli("check", "--no-cache", "--lang", "en", str(tmp_path)).out

    def breaks(source, vocabulary):
        raise ValueError("loader bug")

    monkeypatch.setattr(engine_module, "load", breaks)
    broken = cli("check", "--no-cache", "--lang", "en", str(tmp_path))
    assert broken.code == 2 and "ValueError: loader bug" in broken.out and "Traceback" not in broken.out + broken.err
