"""Finding and loading plugins: every rule, built-in or not, comes through here.

Entry points in the ``targetlint`` group are loaded one at a time inside
try/except, so a pack that fails to import is named and skipped instead of
taking the run down. Loading happens only when a command needs rules, which
keeps ``targetlint --version`` and usage errors instant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from targetlint.registry import Catalogue, PluginError
from targetlint.rule import Rule, Scope, Severity

ENTRY_POINT_GROUP = "targetlint"


@dataclass
class _Collected:
    """What the plugins provide, while they are being asked: frozen into a Catalogue at the end."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)
    by_name: dict[str, type[Rule]] = field(default_factory=dict)
    vocabulary: dict[str, list[str]] = field(default_factory=dict)
    rule_files: list[str] = field(default_factory=list)
    rule_file_origins: dict[str, str] = field(default_factory=dict)  # rule file → the plugin that shipped it
    errors: list[PluginError] = field(default_factory=list)


def load_catalogue(extra_plugins: list[tuple[str, Any]] | None = None) -> Catalogue:
    """The one stage that loads rules: every plugin of the entry-point group
    (plus ``extra_plugins``, ``(name, module)`` pairs for tests), the rule
    files installed packs ship, frozen into a :class:`Catalogue` holding the
    errors met. A configuration's and profile's rule files are added by
    :func:`targetlint.profiles.with_profile`, as a new catalogue."""
    import pluggy

    from targetlint import hookspecs
    from targetlint.discovery import entry_points

    class Manager(pluggy.PluginManager):
        def parse_hookimpl_opts(self, plugin, name):
            # As pytest does for ``pytest_*``: a ``targetlint_*`` function is
            # an implementation even without @hookimpl, as it always was here.
            options = super().parse_hookimpl_opts(plugin, name)
            if options is None and name.startswith("targetlint_") and callable(getattr(plugin, name, None)):
                return {}
            return options

    manager = Manager("targetlint")
    manager.add_hookspecs(hookspecs.TargetlintSpec)
    registry = _Collected()
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name != "builtin", ep.name)):
        try:
            module = entry_point.load()
            manager.register(module, name=entry_point.name)
        except (Exception, SystemExit) as error:  # a broken pack must not take the others down
            registry.errors.append(PluginError(entry_point.name, f"{type(error).__name__}: {error}"))
    for name, module in extra_plugins or ():
        try:
            manager.register(module, name=name)
        except Exception as error:
            registry.errors.append(PluginError(name, f"{type(error).__name__}: {error}"))
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        registry.errors.append(
            PluginError((getattr(error, "plugin", "?") and manager.get_name(error.plugin)) or "?", str(error))
        )

    plugins = tuple(name for name, _ in manager.list_name_plugin())
    # Through pluggy's own hook machinery, one implementation at a time: a
    # plain ``manager.hook.x()`` stops at the first implementation that
    # raises, and one broken pack must cost only itself.
    for hook_name, sink in (
        ("targetlint_rules", _add_rules),
        ("targetlint_vocabulary", _add_vocabulary),
        ("targetlint_rule_files", _add_rule_files),
    ):
        for implementation in getattr(manager.hook, hook_name).get_hookimpls():
            plugin_name = implementation.plugin_name
            try:
                sink(registry, plugin_name, implementation.function())
            except (Exception, SystemExit) as error:
                registry.errors.append(PluginError(plugin_name, f"{hook_name}: {type(error).__name__}: {error}"))
    catalogue = Catalogue(
        registry.rules,
        registry.by_name,
        {name: tuple(words) for name, words in registry.vocabulary.items()},
        tuple(registry.rule_files),
        plugins,
        tuple(registry.errors),
    )
    if registry.rule_files:
        # Declarative rule files become rules once every plugin has named its
        # files; a run with none never imports the declarative engine.
        from targetlint.declarative import with_rule_files

        for path in registry.rule_files:
            catalogue, _, _ = with_rule_files(catalogue, [path], registry.rule_file_origins.get(path, "declarative"))
    return catalogue


def _add_rules(registry: _Collected, plugin: str, rules: Any) -> None:
    for rule in rules or ():
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            registry.errors.append(PluginError(plugin, f"targetlint_rules returned {rule!r}, not a Rule subclass"))
            continue
        problem = _malformed(rule)
        if problem:
            registry.errors.append(PluginError(plugin, f"rule {rule.__name__} {problem}"))
            continue
        code = rule.code
        if code in registry.rules:
            other = registry.rules[code]
            registry.errors.append(PluginError(plugin, f"rule code {code} is already provided by {other.origin}"))
            continue
        if rule.name in registry.by_name:
            other = registry.by_name[rule.name]
            registry.errors.append(
                PluginError(plugin, f"rule name {rule.name} is already used by {other.code} ({other.origin})")
            )
            continue
        rule.origin = plugin
        registry.rules[code] = rule
        registry.by_name[rule.name] = rule


def _malformed(rule: type[Rule]) -> str | None:
    """Why ``rule`` cannot be registered: everything the CLI, the selection
    and the reporters read from a rule class without guarding."""
    code, name = getattr(rule, "code", None), getattr(rule, "name", None)
    if not isinstance(code, str) or not code or not code.isalnum() or not code.isascii():
        return f"has no valid code ({code!r})"
    if not isinstance(name, str) or not name or any(ch.isspace() for ch in name):
        return f"has no valid name ({name!r})"
    if not isinstance(getattr(rule, "severity", None), Severity):
        return f"has no valid severity ({getattr(rule, 'severity', None)!r})"
    if not isinstance(getattr(rule, "scope", None), Scope):
        return f"has no valid scope ({getattr(rule, 'scope', None)!r})"
    if not callable(getattr(rule, "check", None)):
        return "has no check method"
    return None


def _add_vocabulary(registry: _Collected, plugin: str, extra: Any) -> None:
    from targetlint.vocabulary import Vocabulary

    if extra is None:
        return
    if not isinstance(extra, dict):
        raise TypeError(f"returned {type(extra).__name__}, not a dict of word lists")
    known = Vocabulary.list_names()
    for name, words in extra.items():
        # Checked here so a bad list costs this plugin, not the run that
        # extends the vocabulary with it.
        if not isinstance(name, str) or name.replace("_", "-") not in known:
            registry.errors.append(PluginError(plugin, f"targetlint_vocabulary: unknown word list {name!r}"))
            continue
        if isinstance(words, str) or not all(isinstance(word, str) and word for word in words):
            registry.errors.append(PluginError(plugin, f"targetlint_vocabulary: {name} must be a list of words"))
            continue
        registry.vocabulary.setdefault(name, []).extend(words)


def _add_rule_files(registry: _Collected, plugin: str, paths: Any) -> None:
    # An entry is a path, or (pack, path) when the plugin ships the files of
    # named packs (the declarative plugin finds YAML-only packs): the pack is
    # then the rules' origin.
    for entry in paths or ():
        origin, path = (entry[0], entry[1]) if isinstance(entry, tuple) and len(entry) == 2 else (plugin, entry)
        registry.rule_files.append(str(path))
        registry.rule_file_origins.setdefault(str(path), str(origin))


def instantiate(
    registry: Catalogue, codes, vocabulary=None, options: dict[str, dict] | None = None
) -> tuple[list[Rule], list[PluginError]]:
    """Create the selected rules; a rule whose constructor raises (bad options,
    a plugin bug) is left out and reported by name instead of ending the run."""
    from targetlint.vocabulary import DEFAULT_VOCABULARY

    rules: list[Rule] = []
    errors: list[PluginError] = []
    for code in codes:
        cls = registry.rules[code]
        try:
            rules.append(cls((options or {}).get(code), vocabulary=vocabulary or DEFAULT_VOCABULARY))
        except (Exception, SystemExit) as error:
            detail = (
                error.errors()[0]["msg"]
                if hasattr(error, "errors") and callable(error.errors) and error.errors()
                else str(error)
            )
            errors.append(
                PluginError(
                    cls.origin or "?",
                    f"rule {code} ({cls.name}) could not be created: {type(error).__name__}: {detail}",
                )
            )
    return rules, errors
