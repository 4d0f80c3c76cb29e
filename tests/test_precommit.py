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
    assert "declaration.yaml:6:14: TL201 [错误]" in output

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


def _commit(project: Path, env, message: str) -> subprocess.CompletedProcess:
    _git(project, "add", "-A", env=env)
    return _git(project, "commit", "-m", message, env=env)


def test_baseline_in_pre_commit_survives_a_rename_and_names_the_prune_command(tmp_path, hook_repo):
    repo, rev, _cache = hook_repo
    project, env = _project(tmp_path, hook_repo, "targetlint")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: targetlint\n"
        "        args: [--baseline, .targetlint-baseline.json]\n",
        encoding="utf-8",
    )
    targetlint = [sys.executable, "-m", "targetlint", "check", "--no-cache"]
    (project / "declaration.yaml").write_text(DEFECTIVE, encoding="utf-8")
    written = subprocess.run(
        [*targetlint, "--write-baseline", ".targetlint-baseline.json", "declaration.yaml"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert written.returncode == 0, written.stderr
    committed = _commit(project, env, "baselined")
    assert committed.returncode == 0, committed.stdout + committed.stderr

    # git mv: the file's entries go with it, nothing is reported as new.
    _git(project, "mv", "declaration.yaml", "renamed.yaml", env=env).check_returncode()
    renamed = _commit(project, env, "renamed")
    assert renamed.returncode == 0, renamed.stdout + renamed.stderr

    # Fixing the baselined defect: the commit stops and says how to prune.
    (project / "renamed.yaml").write_text(CLEAN, encoding="utf-8")
    refused = _commit(project, env, "fixed")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "未发现问题" not in output
    command = "targetlint check --baseline .targetlint-baseline.json --prune-baseline renamed.yaml"
    assert command in output, output
    pruned = subprocess.run([sys.executable, "-m", *command.split()], cwd=project, env=env, capture_output=True)
    assert pruned.returncode == 0, pruned.stderr
    accepted = _commit(project, env, "fixed and pruned")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_the_readme_local_hook_works_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- precommit-local:start -->")[1].split("<!-- precommit-local:end -->")[0]
    config = block.split("```yaml\n")[1].split("```")[0]
    project = tmp_path / "project"
    (project / ".venv" / "bin").mkdir(parents=True)
    # The quick start's virtual environment, as the snippet expects it.
    os.symlink(Path(sys.executable).parent / "targetlint", project / ".venv" / "bin" / "targetlint")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    env.pop("VIRTUAL_ENV", None)
    _git(project, "init", "-q", env=env).check_returncode()
    (project / ".gitignore").write_text(".venv/\n", encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env, check=True, timeout=120)
    for name, value in (("user.name", "t"), ("user.email", "t@t")):
        _git(project, "config", name, value, env=env)
    (project / "declaration.yaml").write_text(DEFECTIVE, encoding="utf-8")
    subprocess.run(
        [project / ".venv" / "bin" / "targetlint", "check", "--write-baseline", ".targetlint-baseline.json", "."],
        cwd=project,
        check=True,
        capture_output=True,
    )
    committed = _commit(project, env, "baselined")
    assert committed.returncode == 0, committed.stdout + committed.stderr
    (project / "new.yaml").write_text(DEFECTIVE.replace("培训项目", "新项目"), encoding="utf-8")
    refused = _commit(project, env, "a new defect")
    assert refused.returncode != 0 and "new.yaml:6:14: TL201" in refused.stdout + refused.stderr
