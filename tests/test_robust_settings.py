"""Configuration files, profiles, rule files and baselines get the limits
declarations get: alias bombs, deep nesting, huge numbers and huge word
lists are a located error with exit 2, never a hang, a traceback or a crash."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from .conftest import ROOT, TRAINING_DECLARATION


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


def _run(tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "targetlint", "check", "--no-cache", *args],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        preexec_fn=_limited,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def _alias_bomb(key: str) -> str:
    lines = ['a0: &a0 ["TL201", "TL201", "TL201", "TL201", "TL201", "TL201", "TL201", "TL201", "TL201"]']
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 10)
    ]
    return "\n".join(lines) + f"\n{key}: *a9\n"


def _assert_located_error(result, name: str) -> None:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, (result.returncode, err, result.stdout[-500:])
    assert "Traceback" not in err, err
    assert name in err, err


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    return tmp_path


def test_an_alias_bomb_in_the_configuration(project):
    (project / ".targetlint.yaml").write_text(_alias_bomb("select"), encoding="utf-8")
    _assert_located_error(_run(project, "a.yaml"), ".targetlint.yaml")


@pytest.mark.parametrize("depth", [1_000, 50_000])
def test_deep_nesting_in_the_configuration(project, depth):
    (project / ".targetlint.yaml").write_text("select: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    _assert_located_error(_run(project, "a.yaml"), ".targetlint.yaml")


def test_deep_block_nesting_in_the_configuration(project):
    text = "select:\n" + "".join(" " * (2 * i) + "-\n" for i in range(1, 1200))
    (project / ".targetlint.yaml").write_text(text, encoding="utf-8")
    _assert_located_error(_run(project, "a.yaml"), ".targetlint.yaml")


def test_deep_nesting_in_pyproject(project):
    (project / "pyproject.toml").write_text(
        "[tool.targetlint]\nselect = " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8"
    )
    _assert_located_error(_run(project, "a.yaml"), "pyproject.toml")


def test_an_alias_bomb_and_deep_nesting_in_a_rule_file(project):
    (project / ".targetlint.yaml").write_text("rule-files: [rules.yaml]\n", encoding="utf-8")
    for text in (_alias_bomb("rules"), "rules: " + "[" * 50_000 + "]" * 50_000 + "\n"):
        (project / "rules.yaml").write_text(text, encoding="utf-8")
        _assert_located_error(_run(project, "a.yaml"), "rules.yaml")


def test_an_alias_bomb_in_a_profile(project):
    (project / "profile.yaml").write_text(_alias_bomb("select"), encoding="utf-8")
    _assert_located_error(_run(project, "--profile", "profile.yaml", "a.yaml"), "profile.yaml")


@pytest.mark.parametrize(
    "document",
    [
        '{"targetlint_baseline": 1, "entries": [{"file": "a.yaml", "code": "TL201", "subject_hash": "x", "count": 1e400}]}',
        '{"targetlint_baseline": 1, "entries": ' + "[" * 200_000 + "]" * 200_000 + "}",
    ],
)
def test_hostile_baselines(project, document):
    (project / "baseline.json").write_text(document, encoding="utf-8")
    _assert_located_error(_run(project, "--baseline", "baseline.json", "a.yaml"), "baseline.json")


def test_a_huge_vocabulary_is_refused(project):
    words = [f"词{i}" for i in range(20_000)]
    (project / ".targetlint.yaml").write_text(
        "vocabulary:\n  vague-words: " + json.dumps(words, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    result = _run(project, "a.yaml")
    _assert_located_error(result, ".targetlint.yaml")
    assert b"vague" in result.stderr
