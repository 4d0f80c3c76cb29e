"""The hooks a targetlint plugin implements.

A plugin is a module (or object) exposed under the ``targetlint`` entry-point
group; the built-in rule pack is one such plugin and uses nothing a
third-party pack cannot. Every hook name carries the ``targetlint_`` prefix
so unrelated pluggy users never collide, and an unknown hook name in a
plugin fails loudly (``check_pending``).
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("targetlint")
hookimpl = pluggy.HookimplMarker("targetlint")


class TargetlintSpec:
    @hookspec
    def targetlint_rules(self):
        """Return a list of :class:`targetlint.rule.Rule` subclasses this plugin provides."""

    @hookspec
    def targetlint_vocabulary(self):
        """Return ``{list-name: [words]}`` to extend the shared vocabulary
        (see :class:`targetlint.vocabulary.Vocabulary` for the list names)."""

    @hookspec
    def targetlint_rule_files(self):
        """Return paths of declarative YAML rule files this plugin ships (or
        ``(pack name, path)`` pairs, when it ships files on behalf of named
        packs: their rules then name that pack as their origin)."""
