"""Unknown rule codes and names get "did you mean" wherever they are written
(issue 16, point 8): --select / --ignore, configuration, suppressions, `rule`."""

from __future__ import annotations

from .conftest import TRAINING_DECLARATION


def test_command_line_selectors(cli, write):
    path = write("d.yaml", TRAINING_DECLARATION)
    result = cli("check", "--no-cache", "--select", "TL2O1", str(path))
    assert result.code == 2 and "是否应为“TL201”" in result.err
    result = cli("check", "--no-cache", "--lang", "en", "--ignore", "unmesurable", str(path))
    assert result.code == 2 and "did you mean 'unmeasurable'?" in result.err


def test_configuration(cli, write, tmp_path):
    write(".targetlint.yaml", "ignore: [unmesurable]\nseverity:\n  TL2O1: warning\n")
    path = write("d.yaml", TRAINING_DECLARATION)
    result = cli("check", "--no-cache", str(path))
    assert result.code == 2 and "是否应为“unmeasurable”" in result.err


def test_configuration_rule_options(cli, write):
    write(".targetlint.yaml", "rules:\n  TL0O3:\n    required: [项目名称]\n")
    result = cli("check", "--no-cache", str(write("d.yaml", TRAINING_DECLARATION)))
    assert result.code == 2 and "是否应为“TL003”" in result.err


def test_suppressions(cli, write):
    text = TRAINING_DECLARATION.replace("指标值: ≥250", "指标值: ≥250  # targetlint: disable=TL2O1")
    result = cli("check", "--no-cache", "--format", "concise", str(write("d.yaml", text)))
    assert "TL010" in result.out and "是否应为“TL201”" in result.out


def test_rule_command(cli):
    result = cli("rule", "rate-with-cont")
    assert result.code == 2 and "是否应为“rate-with-count”" in result.err
