"""The real pre-commit tool, with this checkout as the hook repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is required")

DEFECTIVE = """项目名称: 培训项目
绩效指标:
  产出指标:
    质量指标:
      - 三级指标: 培训人数达标率
        指标值: ≥250
"""
CLEAN = """项目名称: 培训项目
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训人数
        指标值: ≥250人
  效益指标:
    社会效益指标:
      - 三级指标: 政策知晓率
        指标值: ≥90%
  满意度指标:
    服务对象满意度指标:
      - 三级指标: 参训学员满意度
        指标值: ≥90%
  成本指标:
    经济成本指标:
      - 三级指标: 人均培训成本
        指标值: ≤500元/人
"""


def _git(cwd: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _snapshot_checkout(destination: Path) -> str:
    """Copy the working tree (tracked and untracked, not ignored) into a fresh
    repository, so the hook under test is the code being tested, committed or not."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True
    )
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for args in (
        ("init", "-q"),
        ("add", "-A"),
        ("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot"),
    ):
        _git(destination, *args).check_returncode()
    return _git(destination, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This checkout as a hook repository, and one pre-commit cache for the
    module, so the hook environment is built once."""
    root = tmp_path_factory.mktemp("hooks")
    repo = root / "hook-repo"
    repo.mkdir()
    rev = _snapshot_checkout(repo)
    return repo, rev, root / "cache"


def _project(tmp_path: Path, hook_repo, hook_id: str):
    repo, rev, cache = hook_repo
    project = tmp_path / "project"
    project.mkdir()
    env = dict(
        os.environ,
        PRE_COMMIT_HOME=str(cache),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@t",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@t",
    )
    env.pop("VIRTUAL_ENV", None)
    _git(project, "init", "-q", env=env).check_returncode()
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n", encoding="utf-8"
    )
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=project, env=env, check=True, capture_output=True, timeout=120)
    return project, env


def test_commit_is_refused_on_findings_and_passes_when_clean(tmp_path, hook_repo):
    project, env = _project(tmp_path, hook_repo, "targetlint")

    (project / "declaration.yaml").write_text(DEFECTIVE, encoding="utf-8")
    _git(project, "add", "-A", env=env)
    refused = _git(project, "commit", "-m", "defective", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "declaration.yaml:6:14: TL201 [error]" in output

    (project / "declaration.yaml").write_text(CLEAN, encoding="utf-8")
    _git(project, "add", "-A", env=env)
    accepted = _git(project, "commit", "-m", "clean", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


FIXABLE = CLEAN.replace("  产出指标:", "  产出 指标:   # 从 PDF 复制")


def test_fix_hook_fixes_refuses_the_commit_and_passes_once_staged(tmp_path, hook_repo):
    project, env = _project(tmp_path, hook_repo, "targetlint-fix")
    declaration = project / "declaration.yaml"
    declaration.write_text(FIXABLE, encoding="utf-8")
    _git(project, "add", "-A", env=env)
    refused = _git(project, "commit", "-m", "fixable", env=env)
    # The author must see the change before it is committed.
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert declaration.read_text(encoding="utf-8") == CLEAN.replace("  产出指标:", "  产出指标:   # 从 PDF 复制")

    _git(project, "add", "-A", env=env)
    accepted = _git(project, "commit", "-m", "fixed", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
