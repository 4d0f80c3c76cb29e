"""argparse in the user's language.

argparse writes its own words in English: "usage:", the section headings,
"show this help message and exit" and the usage errors. Python translates
them only through a gettext catalogue chosen by the process's locale, which
cannot follow ``--lang``. So the parser here writes its headings and its
help option itself, and translates the usage errors argparse raises through
a table of their English forms. A form this table does not know (a newer
Python may word one differently) is shown as argparse wrote it: English, but
never wrong.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from targetlint.i18n import Lang, Message

# Usage errors exit 2 like every anchor's; the value is EXIT_ERROR in command.py,
# repeated so that building the parser imports nothing else.
_USAGE_ERROR = 2

_HEADINGS = {
    "positional arguments": Message("位置参数", "positional arguments"),
    "options": Message("选项", "options"),
    "optional arguments": Message("选项", "options"),  # before Python 3.10
}

# argparse's usage errors (Python 3.11's wording) and their Chinese. A field
# in braces is kept as argparse filled it; {message} is itself translated.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), chinese)
    for pattern, chinese in (
        (r"the following arguments are required: (?P<names>.*)", "缺少必需的参数：{names}"),
        (r"unrecognized arguments: (?P<words>.*)", "无法识别的参数：{words}"),
        (r"argument (?P<name>[^:]+): (?P<message>.*)", "参数 {name}：{message}"),
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", "无效的选择：{value}（可选：{choices}）"),
        (r"expected one argument", "需要一个值"),
        (r"expected at most one argument", "最多需要一个值"),
        (r"expected at least one argument", "至少需要一个值"),
        (r"expected (?P<count>\d+) arguments?", "需要 {count} 个值"),
        (r"invalid (?P<type>\S+) value: (?P<value>.*)", "无效的 {type} 值：{value}"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", "有歧义的选项：{option} 可以是 {matches}"),
        (r"not allowed with argument (?P<name>.*)", "不能与参数 {name} 同时使用"),
        (r"ignored explicit argument (?P<value>.*)", "多余的值：{value}"),
        (r"one of the arguments (?P<names>.*) is required", "需要以下参数之一：{names}"),
    )
)


def translate_error(message: str, lang: Lang) -> str:
    """argparse's English usage error in ``lang``."""
    if lang is Lang.EN:
        return message
    for pattern, chinese in _ERRORS:
        match = pattern.fullmatch(message)
        if match is not None:
            fields = match.groupdict()
            if "message" in fields:
                fields["message"] = translate_error(fields["message"], lang)
            return chinese.format(**fields)
    return message


class _Formatter(argparse.HelpFormatter):
    lang = Lang.ZH

    def add_usage(self, usage, actions, groups, prefix=None):
        if prefix is None:
            prefix = Message("用法：", "usage: ").text(self.lang)
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading):
        message = _HEADINGS.get(heading or "")
        super().start_section(message.text(self.lang) if message else heading)


def _formatter_for(lang: Lang) -> type[argparse.HelpFormatter]:
    return type(f"Formatter_{lang.value}", (_Formatter,), {"lang": lang})


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are in ``lang``; sub-parsers made by
    ``add_subparsers(parser_class=Parser)`` inherit it through ``add_parser(lang=…)``."""

    def __init__(self, *args, lang: Lang = Lang.ZH, **kwargs) -> None:
        kwargs["add_help"] = False
        kwargs["formatter_class"] = _formatter_for(lang)
        super().__init__(*args, **kwargs)
        self.lang = lang
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=Message("显示本帮助并退出", "show this help message and exit").text(lang),
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        label = Message("错误", "error").text(self.lang)
        separator = "：" if self.lang is Lang.ZH else ": "
        self.exit(_USAGE_ERROR, f"{self.prog}: {label}{separator}{translate_error(message, self.lang)}\n")
