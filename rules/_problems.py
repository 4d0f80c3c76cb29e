"""Shared shape of the file and schema rules: each turns the loader's
problems of some kinds into findings, so their messages, severities and
selection behave like any other rule's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from targetlint.rule import Finding, Fix, Rule, Scope
from targetlint.source import ProblemKind


class ProblemRule(Rule):
    scope = Scope.FILE
    kinds: ClassVar[tuple[ProblemKind, ...]] = ()

    def check(self, target, source) -> Iterator[Finding]:
        for problem in source.problems:
            if problem.kind in self.kinds:
                zh, en = self.describe(problem)
                yield self.report(problem.span, zh, en, subject=problem.detail, fix=self.fix(problem))

    def describe(self, problem) -> tuple[str, str]:
        raise NotImplementedError

    def fix(self, problem) -> Fix | None:
        """The fix a problem of this kind offers, if any."""
        return None
