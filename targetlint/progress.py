"""Progress on long runs: "检查中 1,234 / 5,000 个文件" on one rewritten line of stderr.

Shown only when stderr is a terminal, outside CI and for batches of at least
:data:`MIN_FILES` files, so CI logs, pipes and machine-readable output never
see it. A few lines of our own rather than a library: one counter on one line
is all it does, and a dependency would be imported by every run.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from targetlint.i18n import Message

MIN_FILES = 200  # a smaller batch finishes before progress would help
_INTERVAL = 0.1  # seconds between redraws: a terminal need not draw every file


class Progress:
    def __init__(self, total: int, lang: str, stream: TextIO):
        self.total = total
        self.lang = lang
        self.stream = stream
        self.done = 0
        self._drawn = 0.0
        self._width = 0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._drawn >= _INTERVAL or self.done == self.total:
            self._drawn = now
            self._draw()

    def _draw(self) -> None:
        text = Message(
            f"检查中 {self.done:,} / {self.total:,} 个文件", f"checking {self.done:,} / {self.total:,} files"
        ).text(self.lang)
        self._width = len(text) * 2  # wide enough to blank Chinese text
        self.stream.write("\r" + text)
        self.stream.flush()

    def clear(self) -> None:
        """Blank the line, before other output is printed to the same terminal."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


def progress_for(total: int, lang: str, stream: TextIO | None = None) -> Progress | None:
    """A progress line for ``total`` files, or None when it should not show."""
    stream = stream if stream is not None else sys.stderr
    if total < MIN_FILES or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return Progress(total, lang, stream)
