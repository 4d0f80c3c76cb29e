"""A file's policy is applied in one place (targetlint.policy.apply, called
by lint()): severities, per-file ignores and inline suppressions."""

from __future__ import annotations

from targetlint.engine import Engine
from targetlint.lint import lint
from targetlint.results import FilePlan
from targetlint.rule import Rule, Severity

from .conftest import TRAINING_DECLARATION


class Reports(Rule):
    """Reports every declaration."""

    code = "TLZ961"
    name = "reports"
    severity = Severity.WARNING

    def check(self, declaration, source):
        yield self.report(declaration.span(), "z", "e")


class Explodes(Rule):
    """Raises on every declaration."""

    code = "TLZ962"
    name = "explodes"
    severity = Severity.ERROR

    def check(self, declaration, source):
        raise RuntimeError("boom")


def _codes(plan: FilePlan, text: str = TRAINING_DECLARATION) -> list[tuple[str, Severity]]:
    return sorted((f.code, f.severity) for f in lint(text.encode("utf-8"), "a.yaml", plan).findings)


def test_a_severity_regrades_a_rule_and_the_core_codes_alike():
    # The README says TL009 can be re-graded like any rule; the engine's own
    # crash findings were left at error when severities were the engine's.
    engine = Engine([Reports(), Explodes()], severities={"TLZ961": Severity.INFO, "TL009": Severity.WARNING})
    assert _codes(FilePlan(engine)) == [("TL009", Severity.WARNING), ("TLZ961", Severity.INFO)]


def test_per_file_ignores_and_suppressions_after_grading():
    engine = Engine([Reports()], severities={"TLZ961": Severity.ERROR})
    assert _codes(FilePlan(engine, ignored=frozenset({"TLZ961"}))) == []
    suppressed = "# targetlint: disable-file=TLZ961\n" + TRAINING_DECLARATION
    assert _codes(FilePlan(engine, lookup=lambda token: token.upper()), suppressed) == []
    assert _codes(FilePlan(engine)) == [("TLZ961", Severity.ERROR)]
