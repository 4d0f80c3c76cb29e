"""Regular expressions that come from users (rule files, the
``placeholder-patterns`` vocabulary list) are checked when they load.

Python's regex engine backtracks: a pattern that repeats something which
itself repeats, such as ``(a+a+)+y``, takes exponential time on a near
miss, and 8 files of it took 240 s, each one's time budget blamed on the
rule that ran it. Such a pattern is refused where it is written, with the
file, line and pattern, before any file is checked. Atomic groups and
possessive repeats (``(?>a+)+``, ``(a++)+``), which never backtrack into
the inner repeat, are accepted.

A pattern can still be slow without nesting (``(a|a)*y``, ``a*a*a*a*b``),
so user patterns also run under limits: each search may take
:data:`SEARCH_LIMIT` seconds and all of them together :data:`RUN_LIMIT`
seconds per process (run-wide: once it is spent, every further search is
refused at once instead of each file paying its own budget). Past either,
:class:`TooSlow` names the pattern and the file it came from, and the
engine reports that instead of blaming the rule that ran it.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from targetlint import deadline
from targetlint.i18n import Message

# The stdlib parser is the one place that knows the pattern's structure as
# the engine will run it; it is stable across 3.11's patch releases (and
# typeshed does not describe it, hence the import by name).
parser = importlib.import_module("re._parser")
constants = importlib.import_module("re._constants")

T = TypeVar("T")

_REPEATS = (constants.MAX_REPEAT, constants.MIN_REPEAT)


def problem(pattern: str) -> tuple[str, str] | None:
    """Why ``pattern`` must not be used, as (zh, en); None when it may."""
    try:
        re.compile(pattern)
        tree = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as error:
        return f"不是有效的正则表达式：{error}", f"not a valid regular expression: {error}"
    if _nested(tree, inside_repeat=False):
        return (
            f"正则表达式 {pattern!r} 含有嵌套的重复（如 (a+)+），匹配失败时可能回溯数分钟；"
            "请改写，或用原子组 (?>…) / 占有量词 ++",
            f"the regular expression {pattern!r} nests a repeat inside a repeat (like (a+)+), which can backtrack "
            "for minutes on a near miss; rewrite it, or use an atomic group (?>…) or a possessive ++",
        )
    return None


def _nested(tree, inside_repeat: bool) -> bool:
    return any(_nested_in(op, argument, inside_repeat) for op, argument in tree)


def _nested_in(op, argument, inside_repeat: bool) -> bool:
    if op in _REPEATS:
        least, most, body = argument
        repeats = most > 1
        # A fixed count ({3}) matches one way; only a variable one inside
        # another repeat gives the engine choices to backtrack through.
        return (repeats and least != most and inside_repeat) or _nested(body, inside_repeat or repeats)
    if op is constants.SUBPATTERN:
        return _nested(argument[3], inside_repeat)
    if op is constants.BRANCH:
        return any(_nested(branch, inside_repeat) for branch in argument[1])
    if op in (constants.ASSERT, constants.ASSERT_NOT):
        return _nested(argument[1], inside_repeat)
    # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into their body.
    return False


# Seconds one search of users' patterns may take, and all of them in one process.
SEARCH_LIMIT = 1.0
RUN_LIMIT = 10.0

_spent = 0.0  # seconds spent in users' patterns by this process in this run
_in_run = False  # a check run is going on: RUN_LIMIT applies


def start_run() -> None:
    """A check run over many files begins (the runner): the run-wide limit
    applies from here, with nothing spent yet, until :func:`end_run`. Outside
    a run (an editor's session) each search has only its own limit."""
    global _spent, _in_run
    _spent, _in_run = 0.0, True


def end_run() -> None:
    global _in_run
    _in_run = False


_origins: dict[str, str] = {}  # pattern → where it was written (a file)


def remember(pattern: str, where: str) -> None:
    """Note the file ``pattern`` was written in, for :class:`TooSlow`'s message."""
    _origins[pattern] = where


class TooSlow(Exception):
    """A search with users' patterns ran past its limit or the run's."""

    def __init__(self, patterns: Iterable[str], run_wide: bool = False):
        self.patterns = tuple(patterns)
        self.run_wide = run_wide
        # Where they were written, when known (placeholder-patterns in a configuration file).
        self.where = "、".join(dict.fromkeys(_origins[p] for p in self.patterns if p in _origins))
        super().__init__(self.message("en"))

    def message(self, lang: str, where: str = "") -> str:
        """The finding's message; ``where``: the file the patterns came
        from, when the caller knows it (a declarative rule's rule file)."""
        where = where or self.where
        shown = ", ".join(repr(p) for p in self.patterns)
        where_en = f" (from {where})" if where else ""
        where_zh = f"（来自 {where}）" if where else ""
        if self.run_wide:
            return Message(
                f"正则表达式 {shown}{where_zh} 未运行：本次运行的用户正则表达式已耗时 {RUN_LIMIT:g} 秒；请改写该表达式",
                f"the regular expression {shown}{where_en} was not run: the user patterns of this run have taken "
                f"{RUN_LIMIT:g} s already; rewrite the pattern",
            ).text(lang)
        return Message(
            f"正则表达式 {shown}{where_zh} 匹配一段文字超过 {SEARCH_LIMIT:g} 秒（回溯过多）；请改写",
            f"the regular expression {shown}{where_en} took longer than {SEARCH_LIMIT:g} s on one text "
            "(it backtracks); rewrite it",
        ).text(lang)


def matches(compiled: re.Pattern[str], text: str, patterns: Iterable[str]) -> list[re.Match[str]]:
    """Every match of ``compiled`` (built from users' ``patterns``) in
    ``text``, within :data:`SEARCH_LIMIT` and what is left of :data:`RUN_LIMIT`."""
    return _limited(lambda: list(compiled.finditer(text)), patterns)


def search(compiled: re.Pattern[str], text: str, patterns: Iterable[str]) -> bool:
    """Whether ``compiled`` (a user's ``patterns``) matches in ``text``, within the same limits."""
    return _limited(lambda: compiled.search(text) is not None, patterns)


def _limited(run: Callable[[], T], patterns: Iterable[str]) -> T:
    global _spent
    left = RUN_LIMIT - _spent if _in_run else SEARCH_LIMIT
    if left <= 0:
        raise TooSlow(patterns, run_wide=True)
    started = time.monotonic()
    try:
        with deadline.bounded(min(SEARCH_LIMIT, left)):
            return run()
    except deadline.Overrun:
        raise TooSlow(patterns, run_wide=left < SEARCH_LIMIT) from None
    finally:
        _spent += time.monotonic() - started
