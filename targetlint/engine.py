"""Runs the selected rules over loaded files and contains their failures.

A rule that raises, yields something that is not a :class:`Finding`, or
points outside the file becomes one ``rule-crashed`` (TL009) finding naming
the rule and its plugin; every other rule still runs, and the run exits 2.

A rule that never returns (an endless loop in a plugin) would hang a
pre-commit hook or a CI job, so each file has a time budget: when it runs
out, the rule running then becomes a TL009 finding, the file's remaining
rules are skipped (the finding says so) and the run goes on with the next
file. The budget is kept with a POSIX interval timer, so it applies in a
process's main thread (the command line and its workers); elsewhere files
run without one. A loop that catches every exception inside itself (a bare
``except:``) swallows each interruption and cannot be stopped in-process.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

from targetlint import deadline, user_regex
from targetlint.loader import SourceFile, load
from targetlint.rule import Finding, Rule, Scope, Severity
from targetlint.source import SourceText
from targetlint.span import FILE_START, Span
from targetlint.vocabulary import DEFAULT_VOCABULARY, Vocabulary

RULE_CRASHED = ("TL009", "rule-crashed")

# The slowest honest file measured takes about 1.5 s (a 1 MB declaration file,
# the largest checked); forty times that is a hang, not a slow rule.
FILE_TIME_BUDGET = 60.0


class OutOfTime(BaseException):
    """Raised into the running code when a file's time budget is spent. A
    BaseException, so a rule's own ``except Exception`` cannot swallow it."""


# After the budget runs out the alarm goes on ticking (deadline.TICK), so a
# rule that swallows the first OutOfTime (a bare ``except:``) is interrupted
# again.


@contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True
    started = time.monotonic()
    ends = started + seconds

    def expire(signum, frame):
        # An alarm that lands while the budget is being taken down is late,
        # not a reason to abandon the file.
        if not armed:
            return
        if time.monotonic() >= ends:
            raise OutOfTime
        if deadline.overrun():  # one bounded step (a value, a goal) ran past its own limit
            raise deadline.Overrun

    previous_handler = signal.signal(signal.SIGALRM, expire)
    # The timer ticks (deadline.TICK) so that a bounded step is stopped on
    # time, and keeps ticking after the budget runs out.
    previous_timer = signal.setitimer(signal.ITIMER_REAL, min(seconds, deadline.TICK), deadline.TICK)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_timer[0]:  # an embedding program's own alarm keeps running
            signal.setitimer(
                signal.ITIMER_REAL, max(previous_timer[0] - (time.monotonic() - started), 1e-3), previous_timer[1]
            )


class _CtrlC:
    """Tells the user's Ctrl-C from a KeyboardInterrupt a rule raises itself:
    while a file is checked, SIGINT first notes that it was pressed. Where
    SIGINT is ignored (forked workers: the parent decides) or handled by an
    embedding program in its own way, nothing changes."""

    pressed = False

    def __enter__(self) -> None:
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            handler = signal.getsignal(signal.SIGINT)
            if handler is signal.default_int_handler:
                self.previous = signal.signal(signal.SIGINT, self._note)

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    @classmethod
    def _note(cls, signum, frame):
        cls.pressed = True
        raise KeyboardInterrupt


_ctrl_c = _CtrlC()


@dataclass
class RuleRun:
    """What the rules found in one file, before its policy (severities,
    ignores, suppressions) is applied: :func:`targetlint.policy.apply` does that."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    crashed: int = 0  # findings that are internal errors: the run exits 2
    declarations: int = 0
    # The loaded file, for suppressions' block ranges; None if loading failed.
    loaded: SourceFile | None = field(default=None, repr=False)


class Engine:
    def __init__(
        self,
        rules: Iterable[Rule],
        vocabulary: Vocabulary = DEFAULT_VOCABULARY,
        severities: dict[str, Severity] | None = None,
        time_budget: float | None = None,
    ):
        self.rules = list(rules)
        self.vocabulary = vocabulary
        self.severities = severities or {}  # the configuration's grades, applied by targetlint.policy
        # Seconds per file; None: FILE_TIME_BUDGET; 0: no budget.
        self.time_budget = FILE_TIME_BUDGET if time_budget is None else time_budget
        self.file_rules = [r for r in self.rules if r.scope == Scope.FILE]
        self.declaration_rules = [r for r in self.rules if r.scope == Scope.DECLARATION]

    def check(self, source: SourceText) -> RuleRun:
        """Load ``source`` and run the rules on it, within the file's time budget."""
        return self._within_budget(source.path, lambda result: self._check(source, result))

    def check_loaded(self, loaded: SourceFile) -> RuleRun:
        """Run the rules on a file loaded already, within the file's time budget."""
        return self._within_budget(loaded.path, lambda result: self._run_rules(loaded, result))

    def budget(self) -> AbstractContextManager[None]:
        """The file's time budget, for work on the file after its rules (the
        suppression-comment scan): :class:`OutOfTime` is raised into the
        block when it runs out."""
        return _time_budget(self.time_budget)

    def _within_budget(self, path: str, work) -> RuleRun:
        partial = RuleRun(path)
        try:
            with _time_budget(self.time_budget), _ctrl_c:
                return work(partial)
        except _Abandoned:
            partial.findings.sort(key=Finding.sort_key)
            return partial
        except OutOfTime:
            # Spent outside any rule (loading, or between two rules): what
            # was found so far stands, the rest of the file is not checked.
            partial.findings.append(_out_of_time(path, self.time_budget, "targetlint", None, "targetlint"))
            partial.crashed += 1
            partial.findings.sort(key=Finding.sort_key)
            return partial

    def _check(self, source: SourceText, result: RuleRun) -> RuleRun:
        try:
            loaded = load(source, self.vocabulary)
        except Exception as error:  # a loader bug must cost this file, not the run
            result = RuleRun(source.path, crashed=1)
            result.findings.append(
                _crashed(
                    FILE_START,
                    f"targetlint 读取 {source.path} 时出错（内部错误，请报告）：{type(error).__name__}: {error}",
                    f"targetlint failed to load {source.path} (internal error, please report): "
                    f"{type(error).__name__}: {error}",
                    source.path,
                    None,
                    "targetlint",
                )
            )
            return result
        return self._run_rules(loaded, result)

    def _run_rules(self, loaded: SourceFile, result: RuleRun) -> RuleRun:
        result.loaded = loaded
        result.declarations = len(loaded.declarations)
        line_count = loaded.source.text.count("\n") + 1
        for rule in self.file_rules:
            self._run(rule, loaded, loaded, None, result, line_count)
        for declaration in loaded.declarations:
            for rule in self.declaration_rules:
                self._run(rule, declaration, loaded, declaration, result, line_count)
        result.findings.sort(key=Finding.sort_key)
        return result

    def _run(self, rule: Rule, target, loaded: SourceFile, declaration, result: RuleRun, line_count: int) -> None:
        name = declaration.title if declaration is not None else None
        collected: list[Finding] = []
        try:
            for finding in rule.check(target, loaded):
                problem = _invalid(finding, line_count)
                if problem:
                    raise _GarbageFinding(problem)
                collected.append(finding)
        except OutOfTime:
            where = declaration.span() if declaration is not None else FILE_START
            result.findings.extend(collected)
            result.findings.append(
                _out_of_time(loaded.path, self.time_budget, f"{rule.code} ({rule.name})", name, rule.origin, where)
            )
            result.crashed += 1
            # Caught by check(): the file's remaining rules are not run.
            raise _Abandoned from None
        except user_regex.TooSlow as error:
            # The user's pattern is at fault, not the rule that ran it: name it and its file.
            where = declaration.span() if declaration is not None else FILE_START
            source = getattr(rule, "rule_file", "")  # a declarative rule's file
            result.findings.extend(collected)
            result.findings.append(
                _crashed(
                    where,
                    f"{rule.code}（{rule.name}）检查 {loaded.path} 时：{error.message('zh', source)}",
                    f"{rule.code} ({rule.name}) on {loaded.path}: {error.message('en', source)}",
                    loaded.path,
                    name,
                    rule.origin,
                )
            )
            result.crashed += 1
            return
        except KeyboardInterrupt:
            if _ctrl_c.pressed:
                raise  # the user's Ctrl-C ends the run (exit 130)
            self._crash(rule, loaded, declaration, result, "KeyboardInterrupt raised by the rule")
            return
        except BaseException as error:  # a broken rule must not take the run down, nor end it
            # sys.exit() or GeneratorExit from a rule would otherwise end the
            # run early, with the files after this one unchecked.
            detail = str(error) if isinstance(error, _GarbageFinding) else f"{type(error).__name__}: {error}"
            self._crash(rule, loaded, declaration, result, detail)
            return
        for finding in collected:
            finding.path = loaded.path
            finding.declaration = name
            finding.origin = rule.origin
        result.findings.extend(collected)

    @staticmethod
    def _crash(rule: Rule, loaded: SourceFile, declaration, result: RuleRun, detail: str) -> None:
        name = declaration.title if declaration is not None else None
        where = declaration.span() if declaration is not None else FILE_START
        result.findings.append(
            _crashed(
                where,
                f"规则 {rule.code} ({rule.name}，插件 {rule.origin or '?'}) 检查 {loaded.path} 时出错：{detail}",
                f"rule {rule.code} ({rule.name}, plugin {rule.origin or '?'}) failed on {loaded.path}: {detail}",
                loaded.path,
                name,
                rule.origin,
            )
        )
        result.crashed += 1


class _Abandoned(OutOfTime):
    """The budget ran out inside a rule, which is already reported."""


def _out_of_time(
    path: str, budget: float | None, who: str, declaration: str | None, origin: str, where: Span = FILE_START
) -> Finding:
    return _crashed(
        where,
        f"{who} 检查 {path} 超过了每个文件 {budget:g} 秒的时限（可能陷入死循环）：该文件其余的规则未运行",
        f"{who} exceeded the {budget:g} s time budget per file on {path} (an endless loop?); the file's remaining "
        "rules were not run",
        path,
        declaration,
        origin,
    )


def file_crashed(path: str, zh: str, en: str) -> Finding:
    """A TL009 finding at the start of ``path``, for failures around the
    engine (a worker process that died while checking the file)."""
    return _crashed(FILE_START, zh, en, path, None, "targetlint")


def _crashed(span: Span, zh: str, en: str, path: str, declaration: str | None, origin: str) -> Finding:
    """A TL009 finding: an internal error that makes the run exit 2."""
    return Finding(
        span=span,
        message_zh=zh,
        message_en=en,
        code=RULE_CRASHED[0],
        name=RULE_CRASHED[1],
        severity=Severity.ERROR,
        path=path,
        declaration=declaration,
        origin=origin,
    )


class _GarbageFinding(Exception):
    pass


def _invalid(finding: object, line_count: int) -> str | None:
    # Everything a reporter relies on is checked here, so a bad plugin shows
    # up as its own TL009 and never as a reporter's traceback.
    if not isinstance(finding, Finding):
        return f"yielded {type(finding).__name__}, not a Finding"
    span = finding.span
    if not isinstance(span, Span) or not all(type(v) is int for v in span):
        return f"yielded a finding without a valid span: {span!r}"
    line, column, end_line, end_column = span
    if not (1 <= line <= line_count and column >= 1 and line <= end_line <= line_count and end_column >= 1):
        return (
            f"yielded a finding outside the file: {line}:{column}-{end_line}:{end_column} (the file has {line_count} "
            "lines)"
        )
    if end_line == line and end_column < column:
        return f"yielded a finding that ends before it starts: {line}:{column}-{end_line}:{end_column}"
    if not isinstance(finding.message_zh, str) or not isinstance(finding.message_en, str):
        return "yielded a finding without a message"
    if not isinstance(finding.severity, Severity):
        return f"yielded a finding with severity {finding.severity!r}"
    if not isinstance(finding.code, str) or not isinstance(finding.name, str) or not isinstance(finding.subject, str):
        return "yielded a finding whose code, name or subject is not text"
    if finding.value is not None and not isinstance(finding.value, str):
        return "yielded a finding whose value is not text"
    if not isinstance(finding.indicator_path, tuple) or not all(isinstance(p, str) for p in finding.indicator_path):
        return "yielded a finding with an invalid indicator path"
    return None
