"""Time limits inside a file's budget: one slow step costs only itself.

A file's time budget (:mod:`targetlint.engine`) keeps a POSIX interval timer
that ticks every :data:`TICK` seconds while the file is checked. A step that
must not take the file down with it (parsing one 指标值, analysing one goal,
one search of a user's regular expression) runs inside :func:`bounded`; when
a tick finds that step past its own limit, :class:`Overrun` is raised into
it, and its caller turns that into a finding about that step alone while
the rest of the file is checked as usual.

Entering and leaving :func:`bounded` only sets a number (no system call), so
it costs nothing on the hot path; where no file budget ticks (a thread other
than the main one, a program calling the grammar directly) it bounds nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

# How often the file budget's timer looks at the clock, in seconds.
TICK = 0.25

# Seconds one 指标值 or one goal may take to read: thousands of times what a
# real one takes (microseconds), so only a grammar bug ever reaches it.
STEP_LIMIT = 2.0

_until: float | None = None  # the innermost bounded step's deadline (monotonic clock)


class Overrun(BaseException):
    """Raised into a bounded step that ran past its limit. A BaseException,
    so the step's own ``except Exception`` cannot swallow it."""


@contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Run the block for about ``seconds`` at most (to within :data:`TICK`)."""
    global _until
    outer = _until
    limit = time.monotonic() + seconds
    _until = limit if outer is None else min(limit, outer)
    try:
        yield
    finally:
        _until = outer


def overrun() -> bool:
    """Whether the bounded step running now is past its limit (called by the
    file budget's timer on each tick)."""
    return _until is not None and time.monotonic() >= _until
