"""--show-settings PATH and --show-files (issue 16, point 12)."""

from __future__ import annotations

import os

from .conftest import TRAINING_DECLARATION

CONFIG = """profile: central-2021
ignore: [TL209]
severity:
  TL203: error
rules:
  TL003:
    required: [项目名称, 年度总体目标]
exclude: ["*.draft.yaml"]
"""


def test_show_settings_for_a_file(cli, write):
    config = write("dept/.targetlint.yaml", CONFIG)
    path = write("dept/d.yaml", TRAINING_DECLARATION)
    result = cli("check", "--show-settings", str(path))
    assert result.code == 0, result
    out = result.out
    assert f"配置文件：{config}" in out
    assert "central-2021" in out
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith(("  TL", "  CNX"))}
    assert "TL209" not in rows and "TL102" not in rows  # ignored; off under central-2021 (CNX001 instead)
    assert "CNX001" in rows
    assert "error" in rows["TL203"]
    assert "年度总体目标" in rows["TL003"]
    english = cli("check", "--show-settings", str(path), "--lang", "en")
    assert f"configuration file: {config}" in english.out


def test_show_settings_without_configuration(cli, write):
    path = write("d.yaml", TRAINING_DECLARATION)
    result = cli("check", "--show-settings", str(path))
    assert result.code == 0 and "配置文件：无" in result.out
    assert "TL204" not in result.out.split("启用的规则")[1]  # off by default


def test_show_files(cli, write, tmp_path):
    write("dept/.targetlint.yaml", CONFIG)
    write("dept/d.yaml", TRAINING_DECLARATION)
    write("dept/old.draft.yaml", TRAINING_DECLARATION)
    write("dept/sub/e.yml", TRAINING_DECLARATION)
    result = cli("check", "--show-files", str(tmp_path / "dept"))
    assert result.code == 0, result
    assert result.out.splitlines() == [
        os.path.join(str(tmp_path), "dept", "d.yaml"),
        os.path.join(str(tmp_path), "dept", "sub", "e.yml"),
    ]
