"""Chinese by default, everywhere (issue 16, point 10), and every mistake of a
configuration file in one run (point 9)."""

from __future__ import annotations

from .conftest import TRAINING_DECLARATION


def test_severity_labels_speak_the_language(cli, write):
    path = write("d.yaml", TRAINING_DECLARATION)
    chinese = cli("check", "--no-cache", "--format", "concise", str(path)).out
    assert "TL201 [错误]" in chinese and "TL203 [警告]" in chinese and "[error]" not in chinese
    english = cli("check", "--no-cache", "--format", "concise", "--lang", "en", str(path)).out
    assert "TL201 [error]" in english and "[错误]" not in english


def test_validation_messages_in_configuration_errors_are_chinese(cli, write):
    write(".targetlint.yaml", "fail-on: fatal\n")
    result = cli("check", "--no-cache", str(write("d.yaml", TRAINING_DECLARATION)))
    assert result.code == 2
    assert "应为 'error'、'warning' 或 'info'" in result.err, result.err
    assert "Input should" not in result.err
    english = cli("check", "--no-cache", "--lang", "en", str(write("d.yaml", TRAINING_DECLARATION)))
    assert "Input should be 'error', 'warning' or 'info'" in english.err


def test_every_error_of_a_configuration_file_in_one_run(cli, write):
    write(".targetlint.yaml", "fail-on: fatal\nselct: [ALL]\nlang: fr\n")
    result = cli("check", "--no-cache", str(write("d.yaml", TRAINING_DECLARATION)))
    assert result.code == 2
    assert ".targetlint.yaml:1:10:" in result.err, result.err
    assert ".targetlint.yaml:2:1:" in result.err and "是否应为“select”" in result.err
    assert ".targetlint.yaml:3:7:" in result.err


def test_every_unknown_rule_of_a_configuration_file_in_one_run(cli, write):
    write(".targetlint.yaml", "select: [TL2O1]\nignore: [unmesurable]\nseverity:\n  TL2O3: error\n")
    result = cli("check", "--no-cache", str(write("d.yaml", TRAINING_DECLARATION)))
    assert result.code == 2
    for where, suggestion in (("1:10", "TL201"), ("2:10", "unmeasurable"), ("4:3", "TL203")):
        assert f".targetlint.yaml:{where}:" in result.err and f"是否应为“{suggestion}”" in result.err, result.err
