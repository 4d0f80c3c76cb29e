"""Source positions shared by the loader, the model, findings and reporters.

Lines and columns are 1-based. Columns count Unicode code points (SARIF's
``unicodeCodePoints``), the unit every output format uses, so a caret under
Chinese text lands where the text and JSON formats say it does.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column)

    def covers_line(self, line: int) -> bool:
        return self.line <= line <= self.end_line


FILE_START = Span(1, 1, 1, 1)
