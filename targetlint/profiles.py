"""Policy profiles: named bundles of rule settings and declarative rules.

A profile encodes one policy regime (the 2021 central guidance, Shanghai's
2025 rules …) as a YAML file in ``targetlint/profiles/<name>.yaml`` with the
configuration's own vocabulary: ``select``, ``ignore``, ``extend-select``,
``severity``, ``rule-options`` (alias ``rules``), ``vocabulary`` and
``rule-files`` (declarative rule files, relative to the profile). It is chosen
with ``profile: shanghai-2025`` in the configuration or ``--profile`` on the
command line; a name containing ``/`` or ending in ``.yaml`` is read as a
path, so a bureau can keep its own profile next to its declarations.

The profile is the lowest layer: the configuration file's own settings, then
the command line, are applied on top of it (see :func:`apply_profile`).
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import Any, ClassVar

from targetlint.config import RuleSettings, merge_rule_options
from targetlint.i18n import Message
from targetlint.source import read_settings
from targetlint.validation import KEBAB_KEYS, UNKNOWN_KEY, validate

PROFILE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "profiles")


class ProfileError(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.text = Message(zh, en)
        self.zh, self.en = zh, en

    def message(self, lang: str = "zh") -> str:
        return self.text.text(lang)


@dataclass(frozen=True)
class ProfileSettings:
    """A profile's settings, in the configuration's vocabulary."""

    name: str
    path: str
    title_zh: str = ""
    title_en: str = ""
    basis: str = ""
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: dict[str, list[str]] = field(default_factory=dict)
    rule_files: list[str] = field(default_factory=list)  # absolute paths


def list_profiles() -> list[str]:
    """The names of the profiles shipped with targetlint."""
    return sorted(name[:-5] for name in os.listdir(PROFILE_DIR) if name.endswith(".yaml"))


def profile_path(name: str) -> str:
    if "/" in name or os.sep in name or name.endswith((".yaml", ".yml")):
        return os.path.abspath(name)
    path = os.path.join(PROFILE_DIR, f"{name}.yaml")
    if not os.path.isfile(path):
        known = "、".join(list_profiles())
        raise ProfileError(
            f"未知的配置方案（profile）“{name}”（可用：{known}）",
            f"unknown profile '{name}' (available: {', '.join(list_profiles())})",
        )
    return path


@dataclass(kw_only=True)
class ProfileTitle:
    __pydantic_config__: ClassVar[dict[str, Any]] = KEBAB_KEYS

    zh: str
    en: str | None = None


@dataclass(kw_only=True)
class ProfileFile(RuleSettings):
    """A profile's file: the rule settings a configuration file writes (one
    schema, config.RuleSettings), with the profile's name, title and basis."""

    profile: str
    title: ProfileTitle | str | None = None
    basis: str | None = None


_cache: dict[str, ProfileSettings] = {}


def load_profile(name: str) -> ProfileSettings:
    """The settings of profile ``name`` (a shipped name or a path); raises
    :class:`ProfileError` with the file, line and column of a mistake."""
    path = profile_path(name)
    if path in _cache:
        return _cache[path]
    from pydantic import ValidationError
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        text = read_settings(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"无法读取配置方案 {path}（{error}）", f"cannot read profile {path} ({error})") from None
    from targetlint import settings_yaml

    try:
        settings_yaml.check(text)  # a declaration's limits: no alias bomb, no deep nest
        data = YAML(typ="safe").load(text)
    except settings_yaml.TooComplex as error:
        where = f"{path}:{error.line}:{error.column}"
        raise ProfileError(f"配置方案 {where}：{error.zh}", f"profile {where}: {error.en}") from None
    except RecursionError:
        raise ProfileError(f"配置方案 {path}：嵌套过深", f"profile {path}: nested too deeply") from None
    except (ValueError, OverflowError) as error:  # a scalar YAML cannot build: a date 2023-00-00
        raise ProfileError(
            f"配置方案 {path} 含有无效的值：{error}", f"profile {path} holds an invalid value: {error}"
        ) from None
    except YAMLError as error:
        from targetlint.loader import yaml_error

        mark, detail = yaml_error(error)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else path
        raise ProfileError(
            f"配置方案 {where} 不是有效的 YAML：{detail}", f"profile {where} is not valid YAML: {detail}"
        ) from None
    if not isinstance(data, dict):
        raise ProfileError(f"配置方案 {path} 顶层应为映射", f"the top level of profile {path} must be a mapping")
    try:
        model = validate(ProfileFile, data)
    except ValidationError as error:
        from targetlint.yaml_locations import locate, plain_loc

        first = error.errors()[0]
        loc = plain_loc(tuple(first["loc"]))
        root = YAML(typ="safe").compose(text)
        line, column = locate(root, loc, first["type"])
        key = ".".join(str(p) for p in loc)
        from targetlint.config import validation_reason

        # Worded as the same mistake in a configuration file is.
        zh, en = ("未知的设置", "unknown setting") if first["type"] in UNKNOWN_KEY else validation_reason(first)
        raise ProfileError(f"{path}:{line}:{column}: {key}: {zh}", f"{path}:{line}:{column}: {key}: {en}") from None
    title = model.title
    base = os.path.dirname(path)
    options = model.merged_options()
    settings = ProfileSettings(
        name=model.profile,
        path=path,
        title_zh=(title if isinstance(title, str) else title.zh) if title else "",
        title_en=(title if isinstance(title, str) else (title.en or title.zh)) if title else "",
        basis=model.basis or "",
        select=model.select,
        ignore=list(model.ignore),
        extend_select=list(model.extend_select),
        severity=dict(model.severity),
        rule_options=options,
        vocabulary={k: list(v) for k, v in model.vocabulary.items()},
        rule_files=[os.path.normpath(os.path.join(base, f)) for f in model.rule_files],
    )
    _cache[path] = settings
    return settings


def apply_profile(settings, profile: ProfileSettings, rule_file_base: str):
    """``settings`` (a configuration's Settings model) layered on ``profile``:
    the configuration's ``select`` replaces the profile's, its ignores and
    extensions add to the profile's, its severities and options win. Rule
    files from both are returned as absolute paths, the profile's first."""
    select = settings.select if settings.select is not None else profile.select
    # A rule the configuration asks for by name beats the profile ignoring it.
    asked = set(settings.extend_select) | set(settings.select or ())
    ignore = [item for item in profile.ignore if item not in asked] + list(settings.ignore)
    options = merge_rule_options(profile.rule_options, settings.rules, settings.rule_options)
    vocabulary = {k: list(v) for k, v in profile.vocabulary.items()}
    for key, words in settings.vocabulary.items():
        vocabulary.setdefault(key, []).extend(words)
    rule_files = list(profile.rule_files) + [
        os.path.normpath(os.path.join(rule_file_base, f)) for f in getattr(settings, "rule_files", [])
    ]
    return dataclasses.replace(
        settings,
        select=select,
        ignore=ignore,
        extend_select=list(profile.extend_select) + list(settings.extend_select),
        severity={**profile.severity, **settings.severity},
        rules={},
        rule_options=options,
        vocabulary=vocabulary,
        rule_files=rule_files,
    )


def with_profile(config, catalogue, profile_override: str | None = None, compiled: dict | None = None):
    """``(effective, catalogue)``: ``config`` with its profile (or
    ``profile_override``, the command line's) applied, and ``catalogue`` with
    the declarative rule files of both added (a new catalogue: the one given
    is not changed). The codes those files define are added to
    ``extend-select``, because rule files named by a configuration run only
    where that configuration applies. Mistakes raise the configuration's
    ConfigError, naming the rule file, line and column. ``compiled``: see
    :func:`targetlint.declarative.with_rule_files`."""
    from targetlint.config import ConfigError

    settings = config.settings
    name = profile_override or settings.profile
    groups: list[tuple[str, list[str]]] = []
    if name:
        try:
            profile = load_profile(name)
        except ProfileError as error:
            raise ConfigError(config.path, "profile", error.zh, error.en) from None
        own = [os.path.normpath(os.path.join(config.base, f)) for f in settings.rule_files]
        settings = apply_profile(settings, profile, config.base)
        groups = [(f"profile:{profile.name}", profile.rule_files), ("config", own)]
    elif settings.rule_files:
        own = [os.path.normpath(os.path.join(config.base, f)) for f in settings.rule_files]
        settings = dataclasses.replace(settings, rule_files=own)
        groups = [("config", own)]
    codes: list[str] = []
    for origin, paths in groups:
        if not paths:
            continue
        from targetlint.declarative import with_rule_files

        catalogue, found, errors = with_rule_files(catalogue, paths, origin, default_enabled=False, compiled=compiled)
        if errors:
            shown = errors[:10]
            raise ConfigError(
                config.path,
                "rule-files",
                "规则文件有误：\n  " + "\n  ".join(e.message("zh") for e in shown),
                "invalid rule file:\n  " + "\n  ".join(e.message("en") for e in shown),
            )
        codes.extend(found)
    if codes:
        settings = dataclasses.replace(
            settings,
            extend_select=list(settings.extend_select) + [c for c in codes if c not in settings.extend_select],
        )
    if settings is config.settings:
        return config, catalogue
    return dataclasses.replace(config, settings=settings), catalogue
