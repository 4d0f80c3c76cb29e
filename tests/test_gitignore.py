"""Files git ignores are not checked, as ruff does (issue 16, point 11)."""

from __future__ import annotations

import subprocess

from .conftest import TRAINING_DECLARATION


def _repo(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.draft.yaml\n", encoding="utf-8")
    for name in ("a.yaml", "build/generated.yaml", "notes.draft.yaml", "sub/b.yaml", "sub/local.yaml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TRAINING_DECLARATION.replace("培训项目", name), encoding="utf-8")
    # A .gitignore further down adds its own patterns, relative to its folder.
    (tmp_path / "sub" / ".gitignore").write_text("local.yaml\n", encoding="utf-8")
    return tmp_path


def _files(result) -> set[str]:
    return {line.split(":")[0].rsplit("/", 1)[-1] for line in result.out.splitlines() if ": TL" in line}


def test_ignored_files_are_not_checked(cli, tmp_path):
    repo = _repo(tmp_path)
    result = cli("check", "--no-cache", "--format", "concise", str(repo))
    assert _files(result) == {"a.yaml", "b.yaml"}, result.out


def test_no_respect_gitignore_checks_them(cli, tmp_path):
    repo = _repo(tmp_path)
    result = cli("check", "--no-cache", "--no-respect-gitignore", "--format", "concise", str(repo))
    assert _files(result) == {"a.yaml", "b.yaml", "generated.yaml", "notes.draft.yaml", "local.yaml"}


def test_a_file_named_explicitly_is_checked_even_if_ignored(cli, tmp_path):
    repo = _repo(tmp_path)
    result = cli("check", "--no-cache", "--format", "concise", str(repo / "notes.draft.yaml"))
    assert _files(result) == {"notes.draft.yaml"}


def test_outside_a_git_repository_gitignore_files_do_not_apply(cli, tmp_path):
    (tmp_path / ".gitignore").write_text("*.yaml\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "concise", str(tmp_path))
    assert _files(result) == {"a.yaml"}
