"""Configuration discovery stops at the repository's root: a configuration
above it ($HOME, /tmp) that excludes everything cannot silence a checkout."""

from __future__ import annotations

from .conftest import TRAINING_DECLARATION


def test_a_configuration_above_the_repository_is_not_used(cli, tmp_path, monkeypatch):
    (tmp_path / ".targetlint.yaml").write_text('exclude: ["**"]\n', encoding="utf-8")
    repository = tmp_path / "checkout"
    (repository / ".git").mkdir(parents=True)
    (repository / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    monkeypatch.chdir(repository)
    result = cli("check", "--no-cache", "a.yaml")
    assert result.code == 1, result
    assert ": TL201 [错误]" in result.out


def test_without_a_repository_the_nearest_configuration_above_still_applies(cli, tmp_path, monkeypatch):
    (tmp_path / ".targetlint.yaml").write_text("ignore: [TL201]\n", encoding="utf-8")
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("check", "--no-cache", "a.yaml")
    assert ": TL201 [错误]" not in result.out
