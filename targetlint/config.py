"""Configuration: ``[tool.targetlint]`` in pyproject.toml or ``.targetlint.yaml``.

Discovery starts in the checked file's directory and walks up to the
repository's root (the first directory holding ``.git``) or the filesystem
root; the first directory holding ``.targetlint.yaml`` (or
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
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from itertools import count
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from targetlint import os_errors
from targetlint.i18n import Message
from targetlint.source import read_settings
from targetlint.validation import KEBAB_KEYS, UNKNOWN_KEY, Before, validate

if TYPE_CHECKING:
    from collections.abc import Iterable

    from targetlint.registry import Catalogue

YAML_NAMES = (".targetlint.yaml", ".targetlint.yml")
# Words a configuration may add to one vocabulary list; the shipped lists
# hold at most a few hundred each.
MAX_VOCABULARY_WORDS = 5_000
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A configuration file that cannot be used; the CLI prints it and exits 2.

    ``line`` and ``column`` (1-based, code points) point at the offending key,
    or value, when the file shows where it is (see ``at``)."""

    def __init__(self, path: str, key: str, zh: str, en: str, line: int | None = None, column: int | None = None):
        super().__init__(en)
        self.path, self.key, self.zh, self.en = path, key, zh, en
        self.line, self.column = line, column
        # The file's other mistakes found with this one: all are reported in one run.
        self.more: list[ConfigError] = []

    def with_more(self, others: list[ConfigError]) -> ConfigError:
        self.more = others
        return self

    def at(self, loc: tuple, value: bool = True) -> ConfigError:
        """Place the error at ``loc``, a key path in the file's settings: at
        its value, or with ``value=False`` at its key (see ``position``)."""
        if self.path and self.line is None:
            found = position(self.path, loc, value)
            if found is not None:
                self.line, self.column = found
        return self

    def message(self, lang: str = "zh") -> str:
        """One line per mistake: this one, then the others found with it."""
        return "\n".join([self._line(lang), *(other._line(lang) for other in self.more)])

    def _line(self, lang: str) -> str:
        from targetlint.finding_identity import relative_path

        shown = relative_path(self.path) if self.path else self.path
        key_en = f" key '{self.key}':" if self.key else ""
        key_zh = f"键“{self.key}”：" if self.key else ""
        if self.line is not None:
            # path:line:col: first, as yamllint, ruff and editors' problem matchers expect.
            at = f"{shown}:{self.line}:{self.column}: "
            return Message(f"{at}配置文件有误：{key_zh}{self.zh}", f"{at}configuration error:{key_en} {self.en}").text(
                lang
            )
        return Message(
            f"配置文件 {shown} 有误：{key_zh}{self.zh}", f"configuration error in {shown}:{key_en} {self.en}"
        ).text(lang)


# --- discovery -----------------------------------------------------------

_found: dict[str, str | None] = {}  # absolute directory → config file governing it
_pyproject_tables: dict[str, dict | None] = {}


def find_config(directory: str) -> str | None:
    """The configuration file governing files in ``directory``, or None:
    the nearest one in it or above it, up to the repository's root (the
    first directory holding ``.git``)."""
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
        # Discovery stops at the repository's root, as ruff's does at the
        # project's: a configuration in $HOME or /tmp that excludes
        # everything must not silence a checkout.
        if parent == current or os.path.lexists(os.path.join(current, ".git")):
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
            data = read_settings(path)
        except OSError as error:
            raise ConfigError(
                path, "", f"无法读取（{os_errors.reason(error).zh}）", f"cannot be read ({os_errors.reason(error).en})"
            ) from None
        if b"targetlint" in data:
            document = _toml(path, data)
            tool = document.get("tool")
            if isinstance(tool, dict) and "targetlint" in tool:
                table = tool["targetlint"]
                if not isinstance(table, dict):
                    raise ConfigError(path, "tool.targetlint", "应为表（table）", "must be a table").at(())
        _pyproject_tables[path] = table
    return _pyproject_tables[path]


def _toml(path: str, data: bytes) -> dict:
    import tomllib

    from targetlint import settings_yaml

    try:
        text = data.decode("utf-8")
        settings_yaml.check_depth(text)  # tomllib recurses once per level
        return tomllib.loads(text)
    except settings_yaml.TooComplex as error:
        raise ConfigError(path, "", error.zh, error.en, error.line, error.column) from None
    except RecursionError:
        raise ConfigError(path, "", "嵌套过深", "nested too deeply", 1, 1) from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, "", f"不是有效的 TOML：{error}", f"not valid TOML: {error}") from None
    except tomllib.TOMLDecodeError as error:
        # tomllib names the place only in its message: "... (at line 3, column 7)".
        found = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        raise ConfigError(path, "", f"不是有效的 TOML：{error}", f"not valid TOML: {error}", line, column) from None


def clear_caches() -> None:
    """Forget discovered and loaded configurations (tests, long-lived processes)."""
    _found.clear()
    _pyproject_tables.clear()
    _read.cache_clear()


# --- reading and validating ------------------------------------------------


def _split_commas(value):
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _split_comma_lists(value):
    if isinstance(value, dict):
        return {key: _split_commas(codes) for key, codes in value.items()}
    return value


@dataclass(kw_only=True)
class RuleSettings:
    """Which rules run and how: the one schema of the settings a
    configuration file and a policy profile share (a profile's file adds its
    name, title and basis; see profiles.ProfileFile)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = KEBAB_KEYS

    # "select: TL2" and "select: TL2, TL3" read as lists, as on the command line.
    select: Annotated[list[str] | None, Before(_split_commas)] = None
    ignore: Annotated[list[str], Before(_split_commas)] = field(default_factory=list)
    extend_select: Annotated[list[str], Before(_split_commas)] = field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info"]] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule-options' other spelling
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: dict[str, list[str]] = field(default_factory=dict)
    rule_files: Annotated[list[str], Before(_split_commas)] = field(default_factory=list)  # relative to this file

    def merged_options(self) -> dict[str, dict[str, Any]]:
        """``rules`` and ``rule-options`` as one table (the later wins, key by key)."""
        return merge_rule_options(self.rules, self.rule_options)


def merge_rule_options(*tables: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The one merge of rule-options tables: each rule's options updated
    table by table, so a later table wins option by option."""
    merged: dict[str, dict[str, Any]] = {}
    for table in tables:
        for key, options in table.items():
            merged.setdefault(key, {}).update(options)
    return merged


@dataclass(kw_only=True)
class Settings(RuleSettings):
    """A configuration file's settings. Built directly for a run without a
    configuration file; pydantic validates a written one (see _read)."""

    per_file_ignores: Annotated[dict[str, list[str]], Before(_split_comma_lists)] = field(default_factory=dict)
    fail_on: Literal["error", "warning", "info"] | None = None
    lang: Literal["zh", "en"] | None = None
    exclude: Annotated[list[str], Before(_split_commas)] = field(default_factory=list)
    profile: str | None = None  # a policy profile (targetlint/profiles.py) this configuration builds on


@cache
def _read(path: str) -> Config:
    raw = _raw_table(path)
    from pydantic import ValidationError

    try:
        settings = validate(Settings, raw)
    except ValidationError as error:
        from targetlint.suggest import hint

        found = []
        for item in error.errors():  # every mistake of the file, not one per run
            loc = tuple(item["loc"])
            key = ".".join(str(part) for part in loc)
            if item["type"] in UNKNOWN_KEY:
                hint_zh, hint_en = hint(str(loc[-1]), [f.name.replace("_", "-") for f in fields(Settings)])
                found.append(
                    ConfigError(path, key, f"未知的设置{hint_zh}", f"unknown setting{hint_en}").at(loc, value=False)
                )
                continue
            shown = _shown(item.get("input"))
            reason_zh, reason_en = validation_reason(item)
            found.append(
                ConfigError(path, key, f"值{shown}无效：{reason_zh}", f"invalid value{shown}: {reason_en}").at(loc)
            )
        found.sort(key=lambda e: (e.line or 0, e.column or 0))
        raise found[0].with_more(found[1:]) from None
    return Config(path=path, base=os.path.dirname(os.path.abspath(path)), settings=settings)


def _raw_table(path: str) -> dict:
    if os.path.basename(path) == PYPROJECT:
        return _pyproject_table(path) or {}
    try:
        data = read_settings(path)
    except OSError as error:
        raise ConfigError(
            path, "", f"无法读取（{os_errors.reason(error).zh}）", f"cannot be read ({os_errors.reason(error).en})"
        ) from None
    if path.endswith(".toml"):
        table = _toml(path, data)
    else:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        from targetlint import settings_yaml

        try:
            # Held to a declaration's limits first: an alias bomb or a deep
            # nest is refused before anything builds or walks the data.
            settings_yaml.check(data.decode("utf-8-sig"))
            table = YAML(typ="safe").load(data)
        except settings_yaml.TooComplex as error:
            raise ConfigError(path, "", error.zh, error.en, error.line, error.column) from None
        except RecursionError:
            raise ConfigError(path, "", "嵌套过深", "nested too deeply", 1, 1) from None
        except (ValueError, OverflowError) as error:
            if isinstance(error, UnicodeDecodeError):
                raise ConfigError(path, "", f"不是 UTF-8 文本：{error}", f"not UTF-8 text: {error}") from None
            # A scalar YAML reads as a value it cannot build: a date 2023-00-00.
            raise ConfigError(path, "", f"含有无效的值：{error}", f"holds an invalid value: {error}") from None
        except YAMLError as error:
            from targetlint.loader import yaml_error

            mark, detail = yaml_error(error)
            failed = ConfigError(path, "", f"不是有效的 YAML：{detail}", f"not valid YAML: {detail}")
            if mark is not None:
                failed.line, failed.column = mark.line + 1, mark.column + 1
            raise failed from None
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise ConfigError(path, "", "顶层应为映射（键: 值）", "the top level must be a mapping").at(())
    return table


def load_config(path: str) -> Config:
    """The validated configuration in ``path`` (cached)."""
    return _read(os.path.abspath(path) if path else path)


@dataclass
class Config:
    path: str
    base: str  # directory globs are relative to
    settings: Settings

    def rule_options(self) -> dict[str, dict[str, Any]]:
        return self.settings.merged_options()

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
        return [
            code
            for pattern, codes in self.settings.per_file_ignores.items()
            if matches(pattern, path, self.base)
            for code in codes
        ]


EMPTY_CONFIG = None


def empty_config() -> Config:
    global EMPTY_CONFIG
    if EMPTY_CONFIG is None:
        EMPTY_CONFIG = Config(path="", base=os.getcwd(), settings=Settings())
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
                body = pattern[i + 1 : end]
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


def validate_against(config: Config, registry: Catalogue, locate: bool = True) -> None:
    """Check every rule reference, option and vocabulary name in ``config``; raise ConfigError.

    ``locate=False`` when ``config`` is merged with a profile: its lists and
    tables are then no longer the file's, so a key path could lead to
    another entry of the file (the planner checks the file's own first)."""
    from targetlint.selection import UnknownSelector, expand

    settings = config.settings

    found: list[ConfigError] = []  # every mistake of the file, reported together

    def fail(key: str, loc: tuple, zh: str, en: str, value: bool = True) -> None:
        error = ConfigError(config.path, key, zh, en)
        found.append(error.at(loc, value) if locate else error)

    def selectors(key: str, loc: tuple, values, at_key: bool = False) -> None:
        for index, value in enumerate(values):
            try:
                expand(registry, [value])
            except UnknownSelector as error:
                where = loc if at_key else (*loc, index)
                fail(
                    f"{key}[{index}]",
                    where,
                    f"未知的规则“{value}”{error.hint[0]}（见 targetlint rules）",
                    f"unknown rule '{value}'{error.hint[1]} (see targetlint rules)",
                    not at_key,
                )

    selectors("select", ("select",), settings.select or ())
    selectors("ignore", ("ignore",), settings.ignore)
    selectors("extend-select", ("extend-select",), settings.extend_select)
    for pattern, codes in settings.per_file_ignores.items():
        selectors(f"per-file-ignores.{pattern}", ("per-file-ignores", pattern), codes)
    for key in settings.severity:
        selectors(f"severity.{key}", ("severity", key), [key], at_key=True)
    for table_name in ("rules", "rule-options"):
        table = settings.rules if table_name == "rules" else settings.rule_options
        for key, options in table.items():
            rule = registry.lookup(key)
            if rule is None:
                from targetlint.selection import known_words
                from targetlint.suggest import hint

                hint_zh, hint_en = hint(key, known_words(registry))
                fail(
                    f"{table_name}.{key}",
                    (table_name, key),
                    f"未知的规则“{key}”{hint_zh}",
                    f"unknown rule '{key}'{hint_en}",
                    value=False,
                )
                continue
            problem = _options_problem(rule, options)
            if problem is not None:
                loc, zh, en, value = problem
                fail(".".join([table_name, key, *map(str, loc)]), (table_name, key, *loc), zh, en, value)
    from targetlint.vocabulary import Vocabulary

    names = Vocabulary.list_names()
    for name, words in settings.vocabulary.items():
        if name.replace("_", "-") not in names:
            import difflib

            close = difflib.get_close_matches(name, names, n=1)
            hint_zh = f"（是否应为“{close[0]}”？）" if close else ""
            hint_en = f" (did you mean '{close[0]}'?)" if close else ""
            fail(
                f"vocabulary.{name}",
                ("vocabulary", name),
                f"未知的词表{hint_zh}",
                f"unknown word list{hint_en}",
                value=False,
            )
            continue
        if len(words) > MAX_VOCABULARY_WORDS:
            # Every word joins the grammar's alternations: 100,000 of them
            # cost 25 s per file, which is a denial of service, not a list.
            fail(
                f"vocabulary.{name}",
                ("vocabulary", name),
                f"词表过大：{len(words)} 个词，最多 {MAX_VOCABULARY_WORDS} 个",
                f"too many words: {len(words)}, at most {MAX_VOCABULARY_WORDS}",
            )
            continue
        if name.replace("_", "-") == "placeholder-patterns":
            from targetlint import user_regex

            for index, pattern in enumerate(words):
                # Compiled and checked for nested repeats here, where the
                # error can name the file, the line and the pattern.
                refused = user_regex.problem(pattern) if isinstance(pattern, str) else None
                if refused is None and isinstance(pattern, str):
                    user_regex.remember(pattern, f"placeholder-patterns, {config.path}")
                if refused is not None:
                    fail(f"vocabulary.{name}[{index}]", ("vocabulary", name, index), *refused)
    if found:
        found.sort(key=lambda e: (e.line or 0, e.column or 0))
        raise found[0].with_more(found[1:])


def _options_problem(rule, options: dict) -> tuple[tuple, str, str, bool] | None:
    """The first problem with a rule's options: (key path within them, zh, en, whether it is the value's)."""
    from pydantic import ValidationError

    from targetlint.options import validate_options

    try:
        validate_options(rule.Options, options)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        if first["type"] in UNKNOWN_KEY:
            return loc, f"规则 {rule.code} 没有这个选项", f"rule {rule.code} has no such option", False
        shown = _shown(first.get("input"))
        reason_zh, reason_en = validation_reason(first)
        return loc, f"值{shown}无效：{reason_zh}", f"invalid value{shown}: {reason_en}", True
    return None


def validation_reason(item: Mapping[str, Any]) -> tuple[str, str]:
    """(zh, en) for one of pydantic's validation errors: its English message,
    and the Chinese for the kinds a configuration meets; a kind not listed
    keeps pydantic's English in both."""
    ctx, kind, message = item.get("ctx") or {}, item.get("type", ""), str(item.get("msg", ""))
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return f"应为 {expected.replace(', ', '、').replace(' or ', ' 或 ')}", message
    for number in ("ge", "gt", "le", "lt"):
        if number in ctx:
            words = {"ge": "不小于", "gt": "大于", "le": "不大于", "lt": "小于"}
            return f"应{words[number]} {ctx[number]}", message
    zh = _VALIDATION_ZH.get(kind)
    return (zh or message), message


# pydantic's error kinds → what the user is told in Chinese.
_VALIDATION_ZH = {
    "missing": "缺少此项",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "set_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "mapping_type": "应为映射（键: 值）",
    "none_required": "应为空",
    "too_short": "项数太少",
    "too_long": "项数太多",
    "string_too_short": "文本太短",
    "string_too_long": "文本太长",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
}


def _shown(value) -> str:
    text = repr(value)
    return f" {text}" if len(text) <= 60 else ""


# --- where a setting stands in its file ----------------------------------------
#
# Only an error needs a position, so the file is read again then, never on
# the way to a clean run.


def position(path: str, loc: tuple, value: bool = True) -> tuple[int, int] | None:
    """Line and column (1-based, code points) of the value at ``loc``, a key
    path in the settings of the configuration file ``path`` (``()`` is the
    settings table itself), or with ``value=False`` of its key; ``"[key]"``
    in ``loc`` (pydantic's mark for a mapping's key) means that key.

    Where ``loc`` goes further than the file (a list written as one
    comma-separated string, an entry a profile added), the nearest part of it
    that is there; in pyproject.toml at worst the ``[tool.targetlint]``
    header. None when nothing can be placed surely."""
    from ruamel.yaml.error import YAMLError

    if "[key]" in loc:
        loc, value = loc[: loc.index("[key]")], False
    try:
        data = read_settings(path)
        if path.endswith(".toml"):
            prefix = ("tool", "targetlint") if os.path.basename(path) == PYPROJECT else ()
            return _toml_position(data.decode("utf-8"), prefix, loc, value)
        return _yaml_position(data, loc, value)
    except (OSError, ValueError, LookupError, RecursionError, YAMLError):
        return None  # the file changed since it was read, or a scan failed: the error still names the key


def _yaml_position(data: bytes, loc: tuple, value: bool) -> tuple[int, int] | None:
    from ruamel.yaml import YAML

    from targetlint.yaml_locations import setting_position

    node = YAML(typ="safe").compose(data)
    return None if node is None else setting_position(node, loc, at_key=not value)


def _toml_position(text: str, prefix: tuple, loc: tuple, value: bool) -> tuple[int, int] | None:
    """``position`` in TOML text, whose settings table is at ``prefix``.

    tomllib gives no positions, so the text is scanned; the scan is trusted
    only when it finds exactly the keys, tables and list items tomllib found
    under ``prefix``, so a wrong line is never given."""
    import tomllib

    scan = _TomlScan(text)
    wanted = {p for p in _toml_paths(tomllib.loads(text)) if p[: len(prefix)] == prefix}
    if wanted != {p for p in scan.paths() if p[: len(prefix)] == prefix}:
        return None
    full = prefix + tuple(loc)
    place = scan.place(full)
    if place is not None:
        key, start, _ = place
        return scan.line_column(start if value else key)
    # Stopped short: a scalar holds what ``loc`` points into; otherwise the
    # setting it belongs to is named at its key; at worst, the table itself.
    for depth in range(len(full) - 1, len(prefix), -1):
        place = scan.place(full[:depth])
        if place is not None:
            key, start, container = place
            return scan.line_column(key if container else start)
    place = scan.place(prefix)
    return None if place is None else scan.line_column(place[1])


def _toml_paths(value, path: tuple = ()):
    items: Iterable[tuple[Any, Any]]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for name, item in items:
        yield (*path, name)
        yield from _toml_paths(item, (*path, name))


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_SCALAR = re.compile(r"[^,\]}#\r\n]*")
_TOML_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class _TomlScan:
    """Where each key and value of a TOML document stands. Meant for text
    tomllib accepted: it follows the grammar without checking it, and raises
    ValueError or LookupError at anything it did not expect.

    ``places``: key path → (offset of its key, offset of its value, whether
    the value is a table or array); a table header's value offset is its
    ``[``. ``implicit``: tables only named on the way to a deeper key (the
    ``a`` of ``a.b = 1`` or ``[a.b]``) → the offsets where they are named.
    """

    def __init__(self, text: str):
        self.text, self.i = text, 0
        self.places: dict[tuple, tuple[int, int, bool]] = {}
        self.implicit: dict[tuple, list[int]] = {}
        self.repeated: set[tuple] = set()
        arrays: dict[tuple, int] = {}
        table: tuple = ()
        while True:
            self._skip(newlines=True)
            if self.i >= len(text):
                break
            if text[self.i] == "[":
                start = self.i
                double = text.startswith("[[", start)
                self.i += 2 if double else 1
                keys = self._key()
                self._expect("]]" if double else "]")
                # Inside an array of tables a header continues its last item.
                path: tuple = ()
                for depth, (name, _) in enumerate(keys):
                    path += (name,)
                    if path in arrays and not (double and depth == len(keys) - 1):
                        path += (arrays[path],)
                    if depth < len(keys) - 1:
                        self.implicit.setdefault(path, []).append(keys[depth][1])
                if double:
                    self.implicit.setdefault(path, []).append(keys[-1][1])
                    arrays[path] = arrays.get(path, -1) + 1
                    path += (arrays[path],)
                table = path
                self._put(table, (keys[-1][1], start, True))
            else:
                self._pair(table)
            self._skip(newlines=False)
            if self.i < len(text) and text[self.i] == "#":
                self.i = _line_end(text, self.i)
            if self.i < len(text) and text[self.i] not in "\r\n":
                raise ValueError(f"unexpected {text[self.i]!r} at {self.i}")

    def paths(self) -> set[tuple]:
        return set(self.places) | set(self.implicit)

    def place(self, path: tuple) -> tuple[int, int, bool] | None:
        """Where ``path`` stands, if in exactly one place."""
        if path in self.repeated:
            return None
        if path in self.places:
            return self.places[path]
        named = self.implicit.get(path, [])
        return (named[0], named[0], True) if len(named) == 1 else None

    def line_column(self, offset: int) -> tuple[int, int]:
        return self.text.count("\n", 0, offset) + 1, offset - self.text.rfind("\n", 0, offset)

    def _put(self, path: tuple, place: tuple[int, int, bool]) -> None:
        if path in self.places:
            self.repeated.add(path)
        self.places[path] = place

    def _skip(self, newlines: bool) -> None:
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char in " \t" or (newlines and char in "\r\n"):
                self.i += 1
            elif newlines and char == "#":
                self.i = _line_end(text, self.i)
            else:
                break

    def _expect(self, token: str) -> None:
        self._skip(newlines=False)
        if not self.text.startswith(token, self.i):
            raise ValueError(f"expected {token!r} at {self.i}")
        self.i += len(token)

    def _key(self) -> list[tuple[str, int]]:
        """A dotted key: each part with its offset."""
        keys = []
        while True:
            self._skip(newlines=False)
            start, char = self.i, self.text[self.i]
            if char == '"':
                name = self._basic_string()
            elif char == "'":
                end = self.text.index("'", start + 1)
                name, self.i = self.text[start + 1 : end], end + 1
            else:
                bare = _BARE_KEY.match(self.text, start)
                if bare is None:
                    raise ValueError(f"no key at {start}")
                name, self.i = bare.group(), bare.end()
            keys.append((name, start))
            self._skip(newlines=False)
            if not self.text.startswith(".", self.i):
                return keys
            self.i += 1

    def _pair(self, table: tuple) -> None:
        keys = self._key()
        self._expect("=")
        path = table
        for name, offset in keys[:-1]:
            path += (name,)
            self.implicit.setdefault(path, []).append(offset)
        path += (keys[-1][0],)
        self._put(path, (keys[-1][1], *self._value(path)))

    def _value(self, path: tuple) -> tuple[int, bool]:
        """Scan the value at ``path``: (its offset, whether it is a table or array)."""
        self._skip(newlines=False)
        text, start = self.text, self.i
        char = text[start]
        if text.startswith(('"""', "'''"), start):
            self._multiline_string(char)
        elif char == '"':
            self._basic_string()
        elif char == "'":
            self.i = text.index("'", start + 1) + 1
        elif char == "[":
            indexes = count()

            def element() -> None:
                item = (*path, next(indexes))
                offset, container = self._value(item)
                self._put(item, (offset, offset, container))

            self._items("]", element)
            return start, True
        elif char == "{":
            self._items("}", lambda: self._pair(path))
            return start, True
        else:
            # Numbers, booleans and dates (a date may hold a space) run to
            # whatever ends a value.
            scalar_match = _TOML_SCALAR.match(text, start)
            assert scalar_match is not None  # the pattern matches the empty string too
            scalar = scalar_match.group().rstrip(" \t")
            if not scalar:
                raise ValueError(f"no value at {start}")
            self.i = start + len(scalar)
        return start, False

    def _items(self, close: str, item) -> None:
        """Comma-separated ``item``s from the opening bracket to ``close``."""
        self.i += 1
        while True:
            self._skip(newlines=True)
            if self.text[self.i] == close:
                break
            item()
            self._skip(newlines=True)
            if self.text[self.i] != ",":
                break
            self.i += 1
        self._expect(close)

    def _basic_string(self) -> str:
        text, i, out = self.text, self.i + 1, []
        while text[i] != '"':
            if text[i] == "\\":
                escape = text[i + 1]
                if escape in "uU":
                    width = 4 if escape == "u" else 8
                    out.append(chr(int(text[i + 2 : i + 2 + width], 16)))
                    i += 2 + width
                    continue
                out.append(_TOML_ESCAPES[escape])
                i += 2
                continue
            out.append(text[i])
            i += 1
        self.i = i + 1
        return "".join(out)

    def _multiline_string(self, quote: str) -> None:
        text, i = self.text, self.i + 3
        while True:
            if quote == '"' and text[i] == "\\":
                i += 2
            elif text.startswith(quote * 3, i):
                # Up to two quotes before the closing three belong to the string.
                end = i + 3
                while end < len(text) and text[end] == quote and end - i < 5:
                    end += 1
                self.i = end
                return
            else:
                i += 1


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
