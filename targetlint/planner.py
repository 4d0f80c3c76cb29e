"""From configuration to a plan per file: which rules, options, vocabulary,
severities, per-file ignores and fail-on threshold apply to it.

Rule selection is layered as in ruff: the defaults, then the file's
configuration (``select`` replaces the set, ``extend-select`` adds, ``ignore``
removes), then the command line in the same way. Files governed by the same
configuration share one engine.

The planner registers nothing: each configuration's rules are the run's
catalogue plus the rule files that configuration and its profile name, a
catalogue of its own built once (:func:`targetlint.profiles.with_profile`).
Rules that cannot be created are collected in :attr:`Planner.errors`.
"""

from __future__ import annotations

import os

from targetlint.config import (
    YAML_NAMES,
    Config,
    ConfigError,
    Overrides,
    empty_config,
    find_config,
    load_config,
    validate_against,
)
from targetlint.engine import Engine
from targetlint.registry import Catalogue, PluginError
from targetlint.rule import Severity
from targetlint.runner import FilePlan
from targetlint.selection import expand, resolve
from targetlint.vocabulary import DEFAULT_VOCABULARY

UNUSED_SUPPRESSION = "TL010"


class Planner:
    def __init__(self, catalogue: Catalogue, overrides: Overrides | None = None, config_path: str | None = None):
        from targetlint.config import clear_caches

        clear_caches()  # discovery is cached within a run, never across runs of a long-lived process
        self.catalogue = catalogue  # plugins and installed packs: what every configuration starts from
        self.overrides = overrides or Overrides()
        self.errors: list[PluginError] = []  # rules that could not be created (see plugins.instantiate)
        self._effective: dict[str, Config] = {}  # config path → the config with its profile and rule files applied
        self._catalogues: dict[str, Catalogue] = {}  # config path → its rules (the catalogue and its rule files)
        self._compiled: dict = {}  # rule file → its compiled rules, shared by the configurations naming it
        self.explicit = self._validated(load_config(config_path)) if config_path else None
        self._engines: dict[str, Engine] = {}
        self._plans: dict[tuple[str, frozenset[str]], FilePlan] = {}

    # -- configuration ---------------------------------------------------
    def _validated(self, config: Config) -> Config:
        from targetlint.profiles import with_profile

        if config.path not in self._effective:
            try:
                effective, catalogue = with_profile(config, self.catalogue, self.overrides.profile, self._compiled)
            except ConfigError as error:
                # At the key in the file, when the mistake is the file's: not
                # a --profile flag's, nor in a profile's own rule files.
                if error.key == "profile" and not self.overrides.profile:
                    error.at(("profile",))
                elif error.key == "rule-files" and not (self.overrides.profile or config.settings.profile):
                    error.at(("rule-files",))
                raise
            if effective is not config:
                # The file's own settings first, so a mistake is placed at the
                # key and index written in the file; merging with a profile
                # renumbers lists and moves rules into rule-options.
                validate_against(config, catalogue)
            validate_against(effective, catalogue, locate=effective is config)
            self._effective[config.path] = effective
            self._catalogues[config.path] = catalogue
        return self._effective[config.path]

    def catalogue_for(self, config: Config) -> Catalogue:
        """The rules ``config`` (a configuration this planner returned) may name."""
        return self._catalogues.get(config.path, self.catalogue)

    @property
    def run_catalogue(self) -> Catalogue:
        """Every rule of the configurations read so far: what a report describes."""
        catalogue = self.catalogue
        for other in self._catalogues.values():
            catalogue = catalogue.merged(other)
        return catalogue

    def config_for(self, path: str) -> Config:
        """The configuration governing ``path`` (``--config`` beats discovery)."""
        if self.explicit is not None:
            return self.explicit
        found = find_config(os.path.dirname(os.path.abspath(path)))
        return self._validated(load_config(found) if found is not None else empty_config())

    def global_config(self, near: str | None = None) -> Config:
        """The configuration for run-wide settings (``lang``): ``--config``, or
        the one governing ``near`` (the first path given, or standard input's
        name), or the current directory's."""
        if near and os.path.isdir(near):
            near = os.path.join(near, "-")
        return self.config_for(near or os.path.join(os.getcwd(), "-"))

    def excluded(self, path: str) -> bool:
        # Our own configuration is YAML too, and pre-commit passes it with the rest.
        if os.path.basename(path) in YAML_NAMES:
            return True
        return self.config_for(path).excluded(path)

    def excluded_directory(self, path: str) -> bool:
        """Whether a walk may skip the directory ``path``: the configuration
        governing the files in it excludes every file under it.

        Exclusion does not depend on the profile or the rules, so the plain
        configuration is read, not validated against the registry: a walk
        passing a folder must not load rule files nobody checks. A
        configuration that cannot be read does not prune; it is reported, as
        before, if a file under it is checked. A configuration nested deeper
        inside an excluded directory is not looked for: finding it would mean
        walking the directory (ruff's walk skips it the same way)."""
        try:
            if self.explicit is not None:
                config = self.explicit
            else:
                found = find_config(path)
                if found is None:
                    return False
                config = load_config(found)
        except ConfigError:
            return False
        return config.excluded_directory(path)

    # -- rules -----------------------------------------------------------
    def enabled_codes(self, config: Config) -> set[str]:
        settings, cli, catalogue = config.settings, self.overrides, self.catalogue_for(config)
        codes = resolve(catalogue, settings.select, settings.ignore, settings.extend_select)
        # The command line's selectors were checked against the run's first
        # configuration; one naming a rule file's code matches nothing where
        # that file is not named.
        if cli.select is not None:
            codes = expand(catalogue, cli.select, strict=False)
        codes |= expand(catalogue, cli.extend_select, strict=False)
        codes -= expand(catalogue, cli.ignore, strict=False)
        return codes

    def engine_for(self, config: Config) -> Engine:
        key = config.path
        if key not in self._engines:
            registry, settings = self.catalogue_for(config), config.settings
            vocabulary = DEFAULT_VOCABULARY.extended(registry.vocabulary) if registry.vocabulary else DEFAULT_VOCABULARY
            if settings.vocabulary:
                vocabulary = vocabulary.extended(settings.vocabulary)
            # Every name was checked against the catalogue when the configuration was read.
            options = {
                rule.code: values
                for name, values in config.rule_options().items()
                if (rule := registry.lookup(name)) is not None
            }
            from targetlint.plugins import instantiate

            # A rule whose constructor raises is left out and named (exit 2), not a traceback.
            rules, errors = instantiate(registry, sorted(self.enabled_codes(config)), vocabulary, options)
            for error in errors:
                if error not in self.errors:
                    self.errors.append(error)
            self._engines[key] = Engine(rules, vocabulary, self.severities(config))
        return self._engines[key]

    def severities(self, config: Config) -> dict[str, Severity]:
        return {
            code: Severity(level)
            for selector, level in config.settings.severity.items()
            for code in expand(self.catalogue_for(config), [selector])
        }

    def plan(self, path: str) -> FilePlan:
        config = self.config_for(path)
        catalogue = self.catalogue_for(config)
        ignored = frozenset(expand(catalogue, config.per_file_selectors(path)))
        key = (config.path, ignored)
        if key not in self._plans:
            rule = catalogue.rules.get(UNUSED_SUPPRESSION)
            default = rule.severity if rule is not None else Severity.WARNING
            self._plans[key] = FilePlan(
                engine=self.engine_for(config),
                ignored=ignored,
                fail_on=Severity(self.overrides.fail_on or config.settings.fail_on or "error"),
                lookup=catalogue.code_of,
                unused_severity=self.severities(config).get(UNUSED_SUPPRESSION, default),
            )
        return self._plans[key]


__all__ = ["ConfigError", "Overrides", "Planner"]
