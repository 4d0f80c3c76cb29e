"""When no file is checked, the run says which configuration decided that
(issue 17, case 10): a configuration above the repository that excludes
everything must not pass for a clean run, and discovery stops at the
repository's root."""

from __future__ import annotations

import subprocess

from .conftest import TRAINING_DECLARATION


def _project_under_an_excluding_configuration(tmp_path):
    """home/.targetlint.yaml excludes everything; home/project holds one declaration."""
    outer = tmp_path / "home"
    project = outer / "project"
    project.mkdir(parents=True)
    (outer / ".targetlint.yaml").write_text('exclude: ["*"]\n', encoding="utf-8")
    (project / "d.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    return outer, project


def test_everything_excluded_names_the_configuration(cli, tmp_path, monkeypatch):
    outer, project = _project_under_an_excluding_configuration(tmp_path)
    monkeypatch.chdir(project)
    result = cli("check", "--no-cache", ".")
    assert result.code == 0
    assert "没有检查任何文件：1 个文件被配置的 exclude 排除" in result.err, result.err
    assert str(outer / ".targetlint.yaml") in result.err
    assert "未发现问题" not in result.out
    english = cli("check", "--no-cache", "--lang", "en", ".")
    assert "no file was checked: 1 file(s) excluded" in english.err, english.err


def test_no_yaml_and_no_configuration_says_defaults_apply(cli, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    subprocess.run(["git", "init", "-q", str(empty)], check=True)
    monkeypatch.chdir(empty)
    result = cli("check", "--no-cache", ".")
    assert result.code == 0
    assert "没有检查任何文件（所用配置：未找到配置文件，使用默认设置）" in result.err, result.err


def test_discovery_stops_at_the_repository_root(cli, tmp_path, monkeypatch):
    _, project = _project_under_an_excluding_configuration(tmp_path)
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    monkeypatch.chdir(project)
    result = cli("check", "--no-cache", "--format", "concise", ".")
    assert result.code == 1
    assert "TL201" in result.out and "没有检查任何文件" not in result.err
