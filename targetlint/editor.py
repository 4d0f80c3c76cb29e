"""A document in the editor: its findings, found exactly as ``targetlint check``
finds them, and the edits that apply their fixes.

This is the language server's view of targetlint, with no LSP in it
(:mod:`targetlint.server` speaks the protocol): positions here are the
findings' own (1-based lines, columns in code points) or offsets into the
document's text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from targetlint.config import PYPROJECT, YAML_NAMES, ConfigError, Overrides
from targetlint.lint import lint
from targetlint.rule import Finding, FixSafety
from targetlint.runner import YAML_SUFFIXES, FilePlan, check_path
from targetlint.source import MAX_FILE_SIZE, decode, read_limited

if TYPE_CHECKING:
    from targetlint.planner import Planner

CONFIG_NAMES = (*YAML_NAMES, PYPROJECT)


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """One check of a document's text: what the diagnostics, hovers and code
    actions of that text are made from."""

    path: str
    text: str  # the document's text as the editor holds it (the fixes' offsets refer to it)
    findings: tuple[Finding, ...] = ()
    plan: FilePlan | None = None  # None: excluded by its configuration, or not checked
    config_error: ConfigError | None = None


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace ``text[start:end]`` (offsets in code points) with ``new``."""

    start: int
    end: int
    new: str


def is_declaration_file(path: str) -> bool:
    return path.endswith(YAML_SUFFIXES) and os.path.basename(path) not in YAML_NAMES


class DocumentChecker:
    """Checks documents with the configuration ``check`` would use for their
    paths, rebuilding it when a configuration file on the way up changes."""

    def __init__(
        self,
        registry,
        overrides: Overrides | None = None,
        cache_directory: str | None = None,
        fallback_lang: str = "zh",
    ):
        self.registry = registry
        self.overrides = overrides or Overrides()
        # When neither --lang nor the file's configuration names a language: the locale's, else zh.
        self.fallback_lang = fallback_lang
        self.cache_directory = cache_directory
        self._planner: Planner | None = None
        self._seen: dict[str, tuple[int, int] | None] = {}  # configuration candidate → its stat when last looked at

    # -- configuration ---------------------------------------------------
    def planner(self, path: str) -> Planner:
        """The planner for ``path``: rebuilt (with fresh configuration) when a
        configuration file governing it appeared, changed or went away."""
        stamps = _config_stamps(path)
        if self._planner is None or any(self._seen.get(c, s) != s for c, s in stamps.items()):
            from targetlint.planner import Planner

            self._planner = Planner(self.registry, self.overrides)
            self._seen.clear()
        self._seen.update(stamps)
        return self._planner

    def forget_configuration(self) -> None:
        """Read every configuration again on the next check (a rule file or
        profile changed: those are not watched)."""
        self._planner = None

    def lang(self, path: str) -> str:
        try:
            return self.overrides.lang or self.planner(path).config_for(path).settings.lang or self.fallback_lang
        except ConfigError:
            return self.overrides.lang or self.fallback_lang

    def rule(self, code: str):
        # With the rules of the rule files the configurations read so far name.
        return (self._planner.run_catalogue if self._planner is not None else self.registry).lookup(code)

    # -- checking -------------------------------------------------------
    def check(self, path: str, text: str, *, saved: bool = False) -> CheckedDocument:
        """Check ``text``, the editor's content of ``path``. ``saved``: the
        editor says the file on disk holds this text (just opened or saved);
        then the file itself is checked, through the result cache, exactly
        as ``check`` does (its encoding decides TL005 too)."""
        try:
            planner = self.planner(path)
            if planner.excluded(path):
                return CheckedDocument(path, text)
            plan = planner.plan(path)
        except ConfigError as error:
            return CheckedDocument(path, text, config_error=error)
        findings = lint_document(path, text, plan, self._cache() if saved and _on_disk(path, text) else None)
        return CheckedDocument(path, text, tuple(sorted(findings, key=Finding.sort_key)), plan)

    def _cache(self):
        if self.cache_directory is None:
            return None
        from targetlint.cache import Cache

        return Cache(self.cache_directory)

    # -- fixes ------------------------------------------------------------
    def fix(self, checked: CheckedDocument, finding: Finding) -> Replacement | None:
        """The edit applying ``finding``'s fix alone, verified as ``check --fix``
        verifies its fixes; None when the fix cannot be applied safely."""
        from targetlint.fixer import fix_one

        if checked.plan is None or finding.fix is None:
            return None
        fixed = fix_one(checked.text, finding, checked.plan.engine.vocabulary)
        return replacement(checked.text, fixed) if fixed is not None else None

    def fix_all(self, checked: CheckedDocument) -> Replacement | None:
        """The edit applying every safe fix, as ``check --fix`` would."""
        from targetlint.fixer import fix_text

        if checked.plan is None or not any(f.fix and f.fix.safety == FixSafety.SAFE for f in checked.findings):
            return None
        outcome = fix_text(checked.text, checked.plan, checked.path)
        return replacement(checked.text, outcome.text) if outcome.changed else None


def lint_document(path: str, text: str, plan: FilePlan, cache=None) -> list[Finding]:
    """The check path for one document: the one place the server calls into
    the pipeline. With ``cache``, the file on disk is checked (the editor
    holds the same text) and its result is kept for the next ``check``."""
    if cache is not None:
        outcome = check_path(path, plan, cache=cache)
        if outcome.error is None:
            return outcome.findings
    return lint(text.encode("utf-8", "surrogatepass"), path, plan).findings


def _on_disk(path: str, text: str) -> bool:
    """Whether the file at ``path`` holds ``text`` (in any encoding ``check`` reads)."""
    try:
        data, _ = read_limited(path, MAX_FILE_SIZE)
    except OSError:
        return False
    return data is not None and decode(data, path).text == decode(text.encode("utf-8", "surrogatepass"), path).text


def _config_stamps(path: str) -> dict[str, tuple[int, int] | None]:
    """Every place a configuration for ``path`` could be, with its (mtime, size)
    or None: a superset of what discovery looks at."""
    stamps: dict[str, tuple[int, int] | None] = {}
    directory = os.path.dirname(os.path.abspath(path))
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            try:
                stat = os.stat(candidate)
            except OSError:
                stamps[candidate] = None
            else:
                stamps[candidate] = (stat.st_mtime_ns, stat.st_size)
        parent = os.path.dirname(directory)
        if parent == directory:
            return stamps
        directory = parent


def replacement(before: str, after: str) -> Replacement:
    """The one replacement turning ``before`` into ``after``: everything between
    their common start and common end."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return Replacement(start, len(before) - end, after[start : len(after) - end])
