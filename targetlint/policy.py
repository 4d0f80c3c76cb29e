"""A file's policy, applied in one place: what its configuration says about
the findings the rules made, after they made them.

:func:`apply` is the one function :func:`targetlint.lint.lint` (and so the
runner, the cache, ``--fix`` and the language server) calls on what the
engine found in one file:

1. severities: the grade the configuration gives a code (``severity:``),
   TL009 and TL010 included;
2. per-file ignores: the codes ``per-file-ignores`` drops for this file;
3. inline suppressions: ``# targetlint: disable=…`` comments, within the
   file's time budget, and the unused-suppression findings (TL010) they
   leave, themselves subject to the per-file ignores.

The baseline is the run's policy, not a file's: it matches findings across
files by fingerprint and count, so ``check`` applies it once to the whole
run's findings (``targetlint/baseline.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targetlint.rule import Finding

if TYPE_CHECKING:
    from targetlint.engine import RuleRun
    from targetlint.results import FilePlan
    from targetlint.source import SourceText

DIRECTIVE_MARKER = "targetlint:"  # targetlint.suppressions.MARKER, without importing it


def apply(checked: RuleRun, source: SourceText, plan: FilePlan) -> list[Finding]:
    """The findings of ``checked`` (what the engine found in ``source``)
    that ``plan``'s policy keeps, graded as it says. A suppression scan that
    runs out of the file's time budget counts in ``checked.crashed``."""
    severities = plan.engine.severities
    findings = [_graded(f, severities) for f in checked.findings if f.code not in plan.ignored]
    # Only files that mention the directive marker pay for the comment scan.
    if DIRECTIVE_MARKER not in source.text:
        return findings
    from targetlint import suppressions
    from targetlint.engine import OutOfTime, file_crashed

    path = source.path
    # Directives on key lines need the model's block ranges.
    declarations = checked.loaded.declarations if checked.loaded is not None else []
    try:
        # The scan is inside the file's time budget too: a file of
        # hostile comments costs a finding, not the run.
        with plan.engine.budget():
            findings, unused = suppressions.apply(
                findings,
                source.text,
                declarations,
                plan.enabled,
                plan.resolve,
                path,
                plan.unused_severity,
                known=[word for rule in plan.engine.rules for word in (rule.code, rule.name)],
            )
    except OutOfTime:
        unused = []
        checked.crashed += 1
        findings.append(
            file_crashed(
                path,
                f"读取 {path} 中的抑制注释超过了每个文件 {plan.engine.time_budget:g} 秒的时限：这些注释未生效，"
                "所有问题照常报告",
                f"reading the suppression comments of {path} exceeded the {plan.engine.time_budget:g} s time "
                "budget per file: they were not applied, and every finding is reported",
            )
        )
    findings.extend(f for f in unused if f.code not in plan.ignored)
    return findings


def _graded(finding: Finding, severities) -> Finding:
    severity = severities.get(finding.code)
    if severity is not None:
        finding.severity = severity
    return finding
