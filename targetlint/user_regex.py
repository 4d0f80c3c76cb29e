"""Regular expressions that come from users (rule files, the
``placeholder-patterns`` vocabulary list) are checked when they load.

Python's regex engine backtracks: a pattern that repeats something which
itself repeats, such as ``(a+a+)+y``, takes exponential time on a near
miss, and 8 files of it took 240 s, each one's time budget blamed on the
rule that ran it. Such a pattern is refused where it is written, with the
file, line and pattern, before any file is checked. Atomic groups and
possessive repeats (``(?>a+)+``, ``(a++)+``), which never backtrack into
the inner repeat, are accepted.
"""

from __future__ import annotations

import importlib
import re

# The stdlib parser is the one place that knows the pattern's structure as
# the engine will run it; it is stable across 3.11's patch releases (and
# typeshed does not describe it, hence the import by name).
parser = importlib.import_module("re._parser")
constants = importlib.import_module("re._constants")

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
