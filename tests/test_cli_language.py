"""The command line speaks the user's language (issue 16, point 10): every
help text, argparse's own words and usage errors, and the reasons the
operating system gives, in Chinese by default and in English with
``--lang en`` or an English locale."""

from __future__ import annotations

import argparse
import re

import pytest

from targetlint.cli import build_parser
from targetlint.cli_parser import translate_error
from targetlint.i18n import Lang, locale_lang, resolve_lang

from .conftest import TRAINING_DECLARATION

CJK = re.compile(r"[\u4e00-\u9fff]")


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:  # argparse keeps sub-parsers only here
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def _helps(lang: Lang):
    for parser in _parsers(build_parser(lang)):
        for action in parser._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                yield parser.prog, action.dest, action.help


def test_every_help_text_is_chinese_by_default():
    helps = list(_helps(Lang.ZH))
    assert len(helps) > 60
    english_only = [(prog, dest, text) for prog, dest, text in helps if not CJK.search(text)]
    assert english_only == []


def test_every_help_text_is_english_with_lang_en():
    helps = list(_helps(Lang.EN))
    chinese = [(prog, dest, text) for prog, dest, text in helps if CJK.search(text)]
    assert chinese == []


def test_help_page_in_chinese(cli):
    result = cli("check", "--help")
    assert result.code == 0
    assert result.out.startswith("用法：targetlint check")
    assert "显示本帮助并退出" in result.out and "选项" in result.out
    for english in ("usage:", "show this help message", "options:", "positional arguments"):
        assert english not in result.out


def test_help_page_in_english_with_lang_en(cli):
    result = cli("check", "--lang", "en", "--help")
    assert result.out.startswith("usage: targetlint check")
    assert "show this help message and exit" in result.out
    assert not CJK.search(result.out.replace("--lang {zh,en}", ""))


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, Lang.EN),
        ({"LANG": "zh_CN.UTF-8"}, Lang.ZH),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, Lang.EN),
        ({"LANGUAGE": "zh_TW:en", "LC_ALL": "en_US.UTF-8"}, Lang.ZH),
        ({"LC_MESSAGES": "en_US", "LANG": "zh_CN"}, Lang.EN),
        ({}, None),
    ],
)
def test_the_locale_names_a_language_only_when_it_is_chinese_or_english(environment, expected):
    assert locale_lang(environment) is expected


def test_flag_beats_configuration_beats_locale():
    english = {"LANG": "en_US.UTF-8"}
    assert resolve_lang("zh", "en", english) is Lang.ZH
    assert resolve_lang(None, "zh", english) is Lang.ZH
    assert resolve_lang(None, None, english) is Lang.EN
    assert resolve_lang(None, None, {"LANG": "C.UTF-8"}) is Lang.ZH


def test_an_english_locale_gives_english_help_and_findings(cli, write, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli("--help").out.startswith("usage: targetlint")
    path = write("d.yaml", TRAINING_DECLARATION)
    result = cli("check", "--no-cache", "--format", "concise", str(path))
    assert "TL201 [error]" in result.out and "Found 3 problem(s)" in result.out, result.out
    # --lang and the configuration's lang still win over the locale.
    assert "TL201 [错误]" in cli("check", "--no-cache", "--format", "concise", "--lang", "zh", str(path)).out
    write(".targetlint.yaml", "lang: zh\n")
    assert "TL201 [错误]" in cli("check", "--no-cache", "--format", "concise", str(path)).out


@pytest.mark.parametrize(
    ("argv", "chinese"),
    [
        (["check", "--jobs", "0"], "参数 --jobs/-j：应为不小于 1 的整数，而不是 '0'"),
        (["check", "--format", "yaml"], "参数 --format/--output-format：无效的选择：'yaml'（可选："),
        (["check", "--max-file-size", "lots"], "应为正的大小，例如 500KB 或 5MB"),
        (["check", "--bogus"], "无法识别的参数：--bogus"),
        (["check", "--config"], "参数 --config：需要一个值"),
        (["import"], "缺少必需的参数：source"),
        (["report", "."], "缺少必需的参数：--output/-o"),
        (["lint"], "无效的选择：'lint'"),
        (["server", "--debounce", "-5"], "应为不小于 0 的毫秒数"),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(cli, argv, chinese):
    result = cli(*argv)
    assert result.code == 2
    assert chinese in result.err, result.err
    assert result.err.startswith("用法：")
    for english in ("usage:", "error:", "argument ", "invalid choice", "expected ", "unrecognized", "required"):
        assert english not in result.err, result.err


def test_usage_errors_are_english_with_lang_en(cli):
    result = cli("check", "--lang", "en", "--jobs", "0")
    assert result.code == 2
    assert "error: argument --jobs/-j: expected a whole number ≥ 1, got '0'" in result.err
    assert not CJK.search(result.err)


def test_every_usage_error_argparse_raises_has_a_translation():
    # Real argparse errors, as this Python words them: each must come out with
    # none of argparse's English left.
    parser = argparse.ArgumentParser(prog="x", exit_on_error=False)
    parser.add_argument("--one", type=int)
    parser.add_argument("--pair", nargs=2)
    parser.add_argument("--maybe", nargs="?")
    parser.add_argument("--many", nargs="+")
    parser.add_argument("--pick", choices=["a", "b"])
    parser.add_argument("--switch", action="store_true")
    parser.add_argument("--swatch", action="store_true")
    exclusive = parser.add_mutually_exclusive_group(required=False)
    exclusive.add_argument("--left", action="store_true")
    exclusive.add_argument("--right", action="store_true")
    needed = argparse.ArgumentParser(prog="y", exit_on_error=False)
    needed.add_argument("thing")
    required_group = argparse.ArgumentParser(prog="z", exit_on_error=False)
    group = required_group.add_mutually_exclusive_group(required=True)
    group.add_argument("--a", action="store_true")
    group.add_argument("--b", action="store_true")
    messages = []

    class Capture(Exception):
        pass

    def capture(message):
        messages.append(message)
        raise Capture

    for each in (parser, needed, required_group):
        each.error = capture  # type: ignore[method-assign]
    attempts = [
        (parser, ["--one", "x"]),
        (parser, ["--pair", "1"]),
        (parser, ["--many"]),
        (parser, ["--pick", "c"]),
        (parser, ["--sw"]),
        (parser, ["--left", "--right"]),
        (parser, ["--switch=1"]),
        (parser, ["--one"]),
        (parser, ["stray"]),
        (needed, []),
        (required_group, []),
    ]
    for each, argv in attempts:
        try:
            each.parse_args(argv)
        except (Capture, argparse.ArgumentError) as error:
            if isinstance(error, argparse.ArgumentError):
                messages.append(str(error))
    assert len(messages) == len(attempts)
    for message in messages:
        chinese = translate_error(message, Lang.ZH)
        assert CJK.search(chinese), message
        for english in ("argument ", "invalid", "expected", "unrecognized", "required", "ambiguous", "allowed"):
            assert english not in chinese, (message, chinese)


def test_reasons_from_the_operating_system_are_chinese(cli, write, tmp_path):
    path = write("d.yaml", TRAINING_DECLARATION)
    (tmp_path / "big.yaml").write_text("# " + "x" * (1024 * 1024 + 10) + "\n", encoding="utf-8")
    result = cli("check", "--no-cache", "--config", str(tmp_path / "big.yaml"), str(path))
    assert result.code == 2
    assert "文件过大，超过 1024 KB" in result.err and "larger than" not in result.err, result.err
    english = cli("check", "--no-cache", "--lang", "en", "--config", str(tmp_path / "big.yaml"), str(path))
    assert "larger than 1024 KB" in english.err
    missing = cli("check", "--no-cache", "--baseline", str(tmp_path / "nothing" / "b.json"), str(path))
    assert missing.code == 2 and "No such file" not in missing.err, missing.err
    (tmp_path / "dir.json").mkdir()
    unreadable = cli("check", "--no-cache", "--baseline", str(tmp_path / "dir.json"), str(path))
    assert unreadable.code == 2
    assert "是目录，不是文件" in unreadable.err and "Is a directory" not in unreadable.err, unreadable.err
