"""What git ignores is not checked, as in ruff: a directory walk skips files
and folders matched by the ``.gitignore`` files of their repository (from its
root down to their folder, deeper files winning) and by ``.git/info/exclude``.

Patterns are matched by pathspec, which implements git's rules (negation,
anchoring, ``**``, directory-only patterns); outside a git repository
``.gitignore`` files mean nothing, as for git. Files named on the command
line are checked whatever git thinks of them (pre-commit names staged files).
"""

from __future__ import annotations

import os

from pathspec import GitIgnoreSpec


class GitIgnored:
    """``ignored(path, is_directory)``, reading each ``.gitignore`` once."""

    def __init__(self) -> None:
        self._specs: dict[str, GitIgnoreSpec | None] = {}
        self._chains: dict[str, tuple[str, ...]] = {}

    def __call__(self, path: str, is_directory: bool) -> bool:
        absolute = os.path.abspath(path)
        ignored = False
        for base in self._chain(os.path.dirname(absolute)):
            spec = self._spec(base)
            if spec is None:
                continue
            relative = os.path.relpath(absolute, base).replace(os.sep, "/") + ("/" if is_directory else "")
            verdict = spec.check_file(relative).include
            if verdict is not None:
                ignored = verdict
        return ignored

    def _chain(self, directory: str) -> tuple[str, ...]:
        """The folders from the repository's root down to ``directory``; empty outside a repository."""
        chain = self._chains.get(directory)
        if chain is None:
            if os.path.exists(os.path.join(directory, ".git")):
                chain = (directory,)
            else:
                parent = os.path.dirname(directory)
                chain = () if parent == directory else self._chain(parent)
                chain = (*chain, directory) if chain else ()
            self._chains[directory] = chain
        return chain

    def _spec(self, directory: str) -> GitIgnoreSpec | None:
        if directory not in self._specs:
            lines: list[str] = []
            sources = [os.path.join(directory, ".gitignore")]
            if os.path.isdir(os.path.join(directory, ".git")):  # the repository's root
                sources.insert(0, os.path.join(directory, ".git", "info", "exclude"))
            for source in sources:
                try:
                    with open(source, encoding="utf-8", errors="replace") as handle:
                        lines += handle.read().splitlines()
                except OSError:
                    continue
            self._specs[directory] = GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[directory]


def gitignored(respect: bool) -> GitIgnored | None:
    """What a directory walk consults: None with ``--no-respect-gitignore``."""
    return GitIgnored() if respect else None
