"""The check pipeline for a set of paths: files → sources → engine → findings
→ per-file ignores → inline suppressions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from targetlint.engine import Engine
from targetlint.rule import Finding, Severity
from targetlint.source import MAX_FILE_SIZE, SourceText, read_source

YAML_SUFFIXES = (".yaml", ".yml")
DIRECTIVE_MARKER = "targetlint:"      # targetlint.suppressions.MARKER, without importing it
# Folders a recursive walk never enters: tool state, not declarations.
SKIPPED_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".targetlint_cache", ".tox", ".mypy_cache", ".pytest_cache"}


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    declarations: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)   # (zh, en) messages for usage and I/O errors
    crashed: int = 0
    sources: dict[str, list[str]] = field(default_factory=dict)
    checked: dict[str, "FilePlan"] = field(default_factory=dict)   # path → the plan it was checked with


@dataclass
class FilePlan:
    """How one file is checked: the engine for its configuration, the codes
    its per-file-ignores drop, and the severity at which it fails the run."""

    engine: Engine
    ignored: frozenset[str] = frozenset()
    fail_on: Severity = Severity.ERROR
    lookup: Callable[[str], str | None] | None = None     # code or rule name → code, for directives
    unused_severity: Severity = Severity.WARNING          # TL010's, after severity overrides

    @property
    def enabled(self) -> set[str]:
        return {rule.code for rule in self.engine.rules} - self.ignored

    def resolve(self, token: str) -> str | None:
        if self.lookup is not None:
            return self.lookup(token)
        for rule in self.engine.rules:
            if token.upper() == rule.code or token.lower() == rule.name:
                return rule.code
        return None


def collect(paths: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """YAML files under ``paths`` (sorted, de-duplicated) and errors for paths that are not there."""
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            visited: set[tuple[int, int]] = set()
            unreadable: list[OSError] = []
            for root, dirs, names in os.walk(path, followlinks=True, onerror=unreadable.append):
                stat = os.stat(root)
                if (stat.st_dev, stat.st_ino) in visited:   # a symlink loop
                    dirs[:] = []
                    continue
                visited.add((stat.st_dev, stat.st_ino))
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
                found.extend(os.path.join(root, n) for n in names if n.endswith(YAML_SUFFIXES))
            for error in unreadable:   # os.walk skips these silently
                reason = error.strerror or type(error).__name__
                errors.append((f"{error.filename}：无法读取（{reason}）", f"{error.filename}: cannot be read ({reason})"))
            if not found and not unreadable:
                errors.append((f"{path}：目录中没有 YAML 文件（*.yaml、*.yml）", f"{path}: no YAML files (*.yaml, *.yml) in this directory"))
            files.extend(sorted(found))
        elif os.path.exists(path):
            files.append(path)
        else:
            errors.append((f"{path}：路径不存在", f"{path}: no such file or directory"))
    unique = list(dict.fromkeys(os.path.normpath(f) for f in files))
    return unique, errors


def check_files(engine: Engine | None, files: list[str], keep_sources: bool = False, plans: Callable[[str], FilePlan] | None = None, max_file_size: int | None = MAX_FILE_SIZE) -> RunResult:
    """Check ``files`` with ``engine``, or with the plan ``plans(path)`` gives each file."""
    result = RunResult()
    for path in files:
        try:
            source = read_source(path, max_size=max_file_size)
        except OSError as error:
            # A file we were asked to check and cannot read is an error
            # (exit 2), like a path that does not exist: CI must not pass
            # without having looked.
            reason = error.strerror or type(error).__name__
            result.errors.append((f"{path}：无法读取（{reason}）", f"{path}: cannot be read ({reason})"))
            continue
        check_source(engine, source, result, keep_sources, plans(path) if plans else None)
    return result


def check_source(engine: Engine | None, source: SourceText, result: RunResult, keep_sources: bool = False, plan: FilePlan | None = None) -> None:
    plan = plan or FilePlan(engine)
    engine = plan.engine
    # Only files that mention the directive marker pay for the comment scan.
    has_directives = DIRECTIVE_MARKER in source.text
    declarations: list = []
    if has_directives:
        # Directives on key lines need the model's block ranges, so load here
        # and hand the loaded file to the engine instead of loading twice.
        from targetlint.loader import load

        loaded = load(source, engine.vocabulary)
        file_result = engine.check_loaded(loaded)
        declarations = loaded.declarations
    else:
        file_result = engine.check(source)
    findings = [f for f in file_result.findings if f.code not in plan.ignored]
    if has_directives:
        from targetlint import suppressions

        findings, unused = suppressions.apply(
            findings, source.text, declarations, plan.enabled, plan.resolve, source.path, plan.unused_severity
        )
        findings.extend(f for f in unused if f.code not in plan.ignored)
    result.files += 1
    result.declarations += file_result.declarations
    result.findings.extend(findings)
    result.crashed += file_result.crashed
    result.checked[source.path] = plan
    if keep_sources:
        result.sources[source.path] = source.lines
