"""What a command was asked to do, as typed records, and how its run ends.

The command line (``cli``) turns argparse's Namespace into these records; no
Namespace goes further. Check and fix alike end through :func:`exit_code`, so
the two cannot disagree about what a failed plugin or a finding means.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"


def exit_code(*, errors: bool, failing: bool, exit_zero: bool = False) -> int:
    """The one rule for every run: 2 when anything could not be checked (an
    unreadable path, a plugin or rule that failed, a crashed rule), else 0
    with ``--exit-zero``, else 1 when something fails (a finding at or above
    its file's fail-on, a stale baseline entry, a change ``--diff`` shows)."""
    if errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if failing else EXIT_CLEAN


class StatisticsBy(StrEnum):
    """What ``--statistics`` counts per: rule (code) or project (declaration)."""

    RULE = "rule"
    PROJECT = "project"


@dataclass(frozen=True)
class RuleSelection:
    """The command line's rule selection; None for ``select``: not given."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None


@dataclass(frozen=True)
class CheckOptions:
    """``targetlint check``'s flags, after parsing."""

    paths: tuple[str, ...] = ()  # as given; see targets
    output_format: str | None = None  # None: text, or github under GitHub Actions
    output_file: str | None = None
    config: str | None = None
    lang: str | None = None  # None: the configuration's, else locale_lang, else zh
    locale_lang: str | None = None  # the language the user's locale names, if it names zh or en
    profile: str | None = None
    selection: RuleSelection = RuleSelection()
    fail_on: str | None = None
    exit_zero: bool = False
    quiet: bool = False
    statistics: bool = False
    statistics_by: StatisticsBy = StatisticsBy.RULE
    show_source: bool = False
    color: bool = False
    stdin_filename: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    prune_baseline: bool = False
    jobs: int | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    max_file_size: int | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    fix_read_only: bool = False  # --fix-read-only: fix files without write permission too
    diff: bool = False
    respect_gitignore: bool = True  # a directory walk skips what git ignores
    show_settings: str | None = None  # print the effective settings for this file instead of checking
    show_files: bool = False  # print the files that would be checked instead of checking them

    @property
    def targets(self) -> tuple[str, ...]:
        """What to check: the paths given, or the current directory."""
        return self.paths or (".",)

    @property
    def reading_stdin(self) -> bool:
        return self.targets == (STDIN,)

    @property
    def stdin_name(self) -> str:
        """The name standard input is reported under."""
        return self.stdin_filename or STDIN

    @property
    def first_path(self) -> str | None:
        """Where run-wide settings are looked for: standard input's name, or the first path."""
        return self.stdin_filename if self.reading_stdin else self.targets[0]
