"""Configuration: ``[tool.targetlint]`` in pyproject.toml or ``.targetlint.yaml``.

Discovery starts in the checked file's directory and walks up to the
filesystem root; the first directory holding ``.targetlint.yaml`` (or
``.targetlint.yml``), or a ``pyproject.toml`` with a ``[tool.targetlint]``
table, wins, in that order. The walk is cached per directory, and tomllib and
ruamel.yaml are imported only when a candidate file exists, so a pre-commit
run over a repository without configuration pays a few ``stat`` calls.

Globs (``exclude``, ``per-file-ignores``) are relative to the configuration
file's directory. A glob without ``/`` matches a file or directory name at any
depth (``drafts``, ``*.tmp.yaml``); a glob with ``/`` matches the relative path
or any of its parent directories (``archive/2022``, ``batches/**/old-*.yaml``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from targetlint.plugins import Registry

YAML_NAMES = (".targetlint.yaml", ".targetlint.yml")
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A configuration file that cannot be used; the CLI prints it and exits 2."""

    def __init__(self, path: str, key: str, zh: str, en: str):
        super().__init__(en)
        self.path, self.key, self.zh, self.en = path, key, zh, en

    def message(self, lang: str = "zh") -> str:
        from targetlint.fingerprint import relative_path

        shown = relative_path(self.path) if self.path else self.path
        if lang == "en":
            where = f" key '{self.key}':" if self.key else ""
            return f"configuration error in {shown}:{where} {self.en}"
        where = f"键“{self.key}”：" if self.key else ""
        return f"配置文件 {shown} 有误：{where}{self.zh}"


# --- discovery -----------------------------------------------------------

_found: dict[str, str | None] = {}      # absolute directory → config file governing it
_pyproject_tables: dict[str, dict | None] = {}


def find_config(directory: str) -> str | None:
    """The configuration file governing files in ``directory``, or None."""
    directory = os.path.abspath(directory or ".")
    walked: list[str] = []
    result: str | None = None
    current = directory
    while True:
        if current in _found:
            result = _found[current]
            break
        walked.append(current)
        result = _config_in(current)
        if result is not None:
            break
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    for seen in walked:
        _found[seen] = result
    return result


def _config_in(directory: str) -> str | None:
    for name in YAML_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    candidate = os.path.join(directory, PYPROJECT)
    if os.path.isfile(candidate) and _pyproject_table(candidate) is not None:
        return candidate
    return None


def _pyproject_table(path: str) -> dict | None:
    """``[tool.targetlint]`` of a pyproject.toml, or None; the file is parsed
    only when it mentions targetlint at all."""
    if path not in _pyproject_tables:
        table = None
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise ConfigError(path, "", f"无法读取（{error.strerror or error}）", f"cannot be read ({error.strerror or error})") from None
        if b"targetlint" in data:
            import tomllib

            try:
                document = tomllib.loads(data.decode("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise ConfigError(path, "", f"不是有效的 TOML：{error}", f"not valid TOML: {error}") from None
            tool = document.get("tool")
            if isinstance(tool, dict) and "targetlint" in tool:
                table = tool["targetlint"]
                if not isinstance(table, dict):
                    raise ConfigError(path, "tool.targetlint", "应为表（table）", "must be a table")
        _pyproject_tables[path] = table
    return _pyproject_tables[path]


def clear_caches() -> None:
    """Forget discovered and loaded configurations (tests, long-lived processes)."""
    _found.clear()
    _pyproject_tables.clear()
    _read.cache_clear()


# --- reading and validating ------------------------------------------------

def _settings_model():
    # pydantic is already imported by the rules; the model is built on first use.
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, field_validator

    class Settings(BaseModel):
        # Built on first validation: a run without a configuration file never needs it.
        model_config = ConfigDict(extra="forbid", alias_generator=lambda name: name.replace("_", "-"), populate_by_name=True, defer_build=True)

        select: list[str] | None = None
        ignore: list[str] = []
        extend_select: list[str] = []
        per_file_ignores: dict[str, list[str]] = {}
        severity: dict[str, Literal["error", "warning", "info"]] = {}
        rules: dict[str, dict[str, Any]] = {}
        rule_options: dict[str, dict[str, Any]] = {}
        fail_on: Literal["error", "warning", "info"] | None = None
        lang: Literal["zh", "en"] | None = None
        vocabulary: dict[str, list[str]] = {}
        exclude: list[str] = []
        profile: str | None = None             # a policy profile (targetlint/profiles.py) this configuration builds on
        rule_files: list[str] = []             # declarative rule files, relative to this file

        # "select: TL2" and "select: TL2, TL3" read as lists, as on the command line.
        @field_validator("select", "ignore", "extend_select", "exclude", "rule_files", mode="before")
        @classmethod
        def _comma_list(cls, value):
            return _split_commas(value)

        @field_validator("per_file_ignores", mode="before")
        @classmethod
        def _comma_lists(cls, value):
            if isinstance(value, dict):
                return {key: _split_commas(codes) for key, codes in value.items()}
            return value

    return Settings


def _split_commas(value):
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


_SETTINGS_MODEL = None


def _model():
    global _SETTINGS_MODEL
    if _SETTINGS_MODEL is None:
        _SETTINGS_MODEL = _settings_model()
    return _SETTINGS_MODEL


@lru_cache(maxsize=None)
def _read(path: str) -> "Config":
    raw = _raw_table(path)
    from pydantic import ValidationError

    model = _model()
    try:
        settings = model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            known = [name.replace("_", "-") for name in model.model_fields]
            import difflib

            close = difflib.get_close_matches(str(first["loc"][-1]), known, n=1)
            hint_zh = f"（是否应为“{close[0]}”？）" if close else ""
            hint_en = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(path, key, f"未知的设置{hint_zh}", f"unknown setting{hint_en}") from None
        shown = _shown(first.get("input"))
        raise ConfigError(path, key, f"值{shown}无效：{first['msg']}", f"invalid value{shown}: {first['msg']}") from None
    return Config(path=path, base=os.path.dirname(os.path.abspath(path)), settings=settings)


def _raw_table(path: str) -> dict:
    if os.path.basename(path) == PYPROJECT:
        return _pyproject_table(path) or {}
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise ConfigError(path, "", f"无法读取（{error.strerror or error}）", f"cannot be read ({error.strerror or error})") from None
    if path.endswith(".toml"):
        import tomllib

        try:
            table = tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(path, "", f"不是有效的 TOML：{error}", f"not valid TOML: {error}") from None
    else:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        try:
            table = YAML(typ="safe").load(data)
        except (YAMLError, UnicodeDecodeError) as error:
            raise ConfigError(path, "", f"不是有效的 YAML：{error}", f"not valid YAML: {error}") from None
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise ConfigError(path, "", "顶层应为映射（键: 值）", "the top level must be a mapping")
    return table


def load_config(path: str) -> "Config":
    """The validated configuration in ``path`` (cached)."""
    return _read(os.path.abspath(path) if path else path)


@dataclass
class Config:
    path: str
    base: str                      # directory globs are relative to
    settings: Any                  # the validated Settings model

    def rule_options(self) -> dict[str, dict[str, Any]]:
        merged: dict[str, dict[str, Any]] = {}
        for table in (self.settings.rules, self.settings.rule_options):
            for key, options in table.items():
                merged.setdefault(key, {}).update(options)
        return merged

    def excluded(self, path: str) -> bool:
        return any(matches(pattern, path, self.base) for pattern in self.settings.exclude)

    def excluded_directory(self, path: str) -> bool:
        """Whether every file under the directory ``path`` is excluded.

        A file's path relative to the base then extends the directory's, so
        a glob matching the directory (a name in it, or it or a parent) also
        matches the file. Not so for the base itself or a directory above it:
        files under those are matched by paths the directory's is not a
        prefix of, so they are never wholly excluded here."""
        relative = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        if all(part in (".", "..") for part in relative.split("/")):
            return False
        return self.excluded(path)

    def per_file_selectors(self, path: str) -> list[str]:
        return [code for pattern, codes in self.settings.per_file_ignores.items() if matches(pattern, path, self.base) for code in codes]


EMPTY_CONFIG = None


def empty_config() -> Config:
    global EMPTY_CONFIG
    if EMPTY_CONFIG is None:
        EMPTY_CONFIG = Config(path="", base=os.getcwd(), settings=_model().model_construct())
    return EMPTY_CONFIG


# --- globs -------------------------------------------------------------------

@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z")


def matches(pattern: str, path: str, base: str) -> bool:
    """Whether ``path`` (a file) matches ``pattern`` relative to ``base``."""
    pattern = pattern.strip().replace("\\", "/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    if not pattern:
        return False
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, base).replace(os.sep, "/")
    if relative.startswith("../"):
        relative = absolute.replace(os.sep, "/")
    regex = _glob_regex(pattern)
    if "/" not in pattern:
        return any(regex.match(part) for part in relative.split("/"))
    parts = relative.split("/")
    return any(regex.match("/".join(parts[:n])) for n in range(len(parts), 0, -1))


# --- resolution against the registry -------------------------------------------

@dataclass
class Overrides:
    """Command-line flags, which beat every configuration file."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str | None = None
    lang: str | None = None
    profile: str | None = None


def validate_against(config: Config, registry: "Registry") -> None:
    """Check every rule reference, option and vocabulary name in ``config``; raise ConfigError."""
    from targetlint.selection import UnknownSelector, expand

    settings = config.settings

    def selectors(key: str, values) -> None:
        for index, value in enumerate(values):
            try:
                expand(registry, [value])
            except UnknownSelector:
                raise ConfigError(config.path, f"{key}[{index}]", f"未知的规则“{value}”（见 targetlint rules）", f"unknown rule '{value}' (see targetlint rules)") from None

    selectors("select", settings.select or ())
    selectors("ignore", settings.ignore)
    selectors("extend-select", settings.extend_select)
    for pattern, codes in settings.per_file_ignores.items():
        selectors(f"per-file-ignores.{pattern}", codes)
    for key in settings.severity:
        selectors(f"severity.{key}", [key])
    for table_name in ("rules", "rule-options"):
        table = settings.rules if table_name == "rules" else settings.rule_options
        for key, options in table.items():
            rule = registry.lookup(key)
            if rule is None:
                raise ConfigError(config.path, f"{table_name}.{key}", f"未知的规则“{key}”", f"unknown rule '{key}'")
            _validate_options(config.path, f"{table_name}.{key}", rule, options)
    from targetlint.vocabulary import Vocabulary

    names = Vocabulary.list_names()
    for name, words in settings.vocabulary.items():
        if name.replace("_", "-") not in names:
            import difflib

            close = difflib.get_close_matches(name, names, n=1)
            hint_zh = f"（是否应为“{close[0]}”？）" if close else ""
            hint_en = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(config.path, f"vocabulary.{name}", f"未知的词表{hint_zh}", f"unknown word list{hint_en}")
        if name.replace("_", "-") == "placeholder-patterns":
            for index, pattern in enumerate(words):
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise ConfigError(config.path, f"vocabulary.{name}[{index}]", f"不是有效的正则表达式：{error}", f"not a valid regular expression: {error}") from None


def _validate_options(path: str, key: str, rule, options: dict) -> None:
    from pydantic import ValidationError

    try:
        rule.Options.model_validate(options)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join([key, *(str(part) for part in first["loc"])])
        if first["type"] == "extra_forbidden":
            raise ConfigError(path, where, f"规则 {rule.code} 没有这个选项", f"rule {rule.code} has no such option") from None
        shown = _shown(first.get("input"))
        raise ConfigError(path, where, f"值{shown}无效：{first['msg']}", f"invalid value{shown}: {first['msg']}") from None


def _shown(value) -> str:
    text = repr(value)
    return f" {text}" if len(text) <= 60 else ""
