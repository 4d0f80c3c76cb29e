"""Excluded directories are not walked, and the files a check sees are exactly
those it saw when every directory was walked and excluded files were dropped
afterwards (one decision aside, below). Each test runs the two steps of
``check``: ``collect``, given the planner's ``excluded_directory``, then the
planner's per-file ``excluded``."""

from __future__ import annotations

import os

import pytest

from targetlint.config import Overrides, clear_caches
from targetlint.planner import Planner
from targetlint.plugins import load_catalogue
from targetlint.runner import collect

from .test_robust_paths import refuse_listing

TREE = [
    "a.yaml",
    "vendor/y.yaml",
    "vendor/pkg/deep/x.yaml",
    "archive/2019/old/z.yaml",
    "archive/2020/w.yaml",
    "d/one.yaml",
    "batches/b.draft.yaml",
    "batches/2023/c.yaml",
    "sub/own.yaml",
    "docs/readme.txt",
]


@pytest.fixture(autouse=True)
def fresh_caches():
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    for name in TREE:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("项目名称: x\n", encoding="utf-8")
    return root


def _planner(config_path=None) -> Planner:
    return Planner(load_catalogue(), Overrides(), str(config_path) if config_path else None)


def _checked(paths, planner, pruning: bool):
    """What ``check`` is handed: the collected files its planner does not exclude, and the errors."""
    files, errors = collect([str(p) for p in paths], planner.excluded_directory if pruning else None)
    return [f for f in files if not planner.excluded(f)], errors


def _same_as_unpruned(paths, planner):
    pruned = _checked(paths, planner, pruning=True)
    assert pruned == _checked(paths, planner, pruning=False)
    return pruned


@pytest.fixture
def listed(monkeypatch):
    """Every directory the walk lists."""
    seen: list[str] = []
    real_scandir = os.scandir

    def recording(path="."):
        seen.append(os.path.abspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", recording)
    return seen


def test_an_excluded_directory_is_never_listed(repo, listed):
    (repo / ".targetlint.yaml").write_text("exclude: [vendor, archive/2019]\n", encoding="utf-8")
    planner = _planner()
    files, errors = _same_as_unpruned([repo], planner)
    listed.clear()  # the unpruned walk above listed everything
    assert _checked([repo], planner, pruning=True) == (files, errors)
    assert not [p for p in listed if "vendor" in p or "2019" in p], listed
    assert str(repo / "archive") in listed and str(repo / "archive" / "2020") in listed
    assert {os.path.relpath(f, repo) for f in files} == {
        "a.yaml",
        "archive/2020/w.yaml",
        "d/one.yaml",
        "batches/b.draft.yaml",
        "batches/2023/c.yaml",
        "sub/own.yaml",
    }
    assert errors == []


def test_an_unreadable_excluded_directory_is_not_an_error(repo, monkeypatch):
    (repo / ".targetlint.yaml").write_text("exclude: [vendor]\n", encoding="utf-8")
    refuse_listing(monkeypatch, "vendor")
    planner = _planner()
    unpruned_files, unpruned_errors = _checked([repo], planner, pruning=False)
    assert [error.en for error in unpruned_errors] == [f"{repo / 'vendor'}: cannot be read (Permission denied)"]
    files, errors = _checked([repo], planner, pruning=True)
    assert errors == [] and files == unpruned_files


@pytest.mark.parametrize(
    "exclude",
    [
        ["vendor"],
        ["archive/2019"],
        ["archive/**"],
        ["archive/*/old"],
        ["*.draft.yaml"],
        ["d*"],
        ["?"],
        [".*"],
        ["*"],
        ["**"],
        ["batches/**/c.yaml"],
        ["sub"],
        ["./vendor/"],
        ["[sv]*"],
        [],
    ],
)
def test_pruning_changes_no_result(repo, exclude):
    (repo / ".targetlint.yaml").write_text(f"exclude: {exclude!r}\n", encoding="utf-8")
    # A folder with its own configuration is governed by it, not by the
    # exclusion above it, and its globs see the folder itself as "." (which
    # "?" and ".*" match, its files' names not); a broken one in a folder
    # without declarations is never read by the check, so the walk must not
    # fail on it either.
    (repo / "sub" / ".targetlint.yaml").write_text("select: [TL201]\nexclude: ['?', '.*']\n", encoding="utf-8")
    (repo / "docs" / ".targetlint.yaml").write_text("selct: [TL201]\n", encoding="utf-8")
    planner = _planner()
    _same_as_unpruned([repo], planner)
    _same_as_unpruned([repo / "archive", repo / "batches", repo / "a.yaml"], planner)


@pytest.mark.parametrize("exclude", [["vendor"], ["repo"], ["../repo/archive"], ["*"], [".*"], [".."]])
def test_pruning_changes_no_result_with_an_explicit_configuration_elsewhere(repo, tmp_path, exclude):
    # The configuration's folder is beside or below the walked one, so paths
    # outside it are matched from outside, and the walk passes above its base.
    strict = tmp_path / "ci" / "strict.yaml"
    strict.parent.mkdir()
    strict.write_text(f"exclude: {exclude!r}\n", encoding="utf-8")
    (repo / "ci").mkdir()
    (repo / "ci" / "strict.yaml").write_text(f"exclude: {exclude!r}\n", encoding="utf-8")
    (repo / "ci" / "gate.yaml").write_text("项目名称: x\n", encoding="utf-8")
    for config in (strict, repo / "ci" / "strict.yaml"):
        _same_as_unpruned([repo], _planner(config))
        _same_as_unpruned([tmp_path], _planner(config))


def test_an_excluded_directory_given_explicitly_is_walked_as_before(repo):
    (repo / ".targetlint.yaml").write_text("exclude: [archive]\n", encoding="utf-8")
    planner = _planner()
    # Its files, all in subfolders, are all excluded; finding them is what
    # keeps "no YAML files" away.
    assert _same_as_unpruned([repo / "archive"], planner) == ([], [])
    # A configuration further down still governs its folder there, as before.
    (repo / "archive" / "2019" / "old" / ".targetlint.yaml").write_text("select: [TL201]\n", encoding="utf-8")
    planner = _planner()
    assert _same_as_unpruned([repo / "archive"], planner) == ([str(repo / "archive" / "2019" / "old" / "z.yaml")], [])


def test_a_configuration_inside_an_excluded_directory_is_not_looked_for(repo):
    # Decision: an excluded folder is not entered, so a configuration inside
    # it is never found and cannot take its files back. Before, the walk
    # found archive/2019/.targetlint.yaml and checked z.yaml under it (and
    # still does when the file or that folder is named explicitly).
    (repo / ".targetlint.yaml").write_text("exclude: [archive]\n", encoding="utf-8")
    (repo / "archive" / "2019" / ".targetlint.yaml").write_text("select: [TL201]\n", encoding="utf-8")
    planner = _planner()
    z = str(repo / "archive" / "2019" / "old" / "z.yaml")
    assert z in _checked([repo], planner, pruning=False)[0]
    assert z not in _checked([repo], planner, pruning=True)[0]
    assert _checked([z], planner, pruning=True)[0] == [z]


def test_no_yaml_files_counts_the_excluded_ones_as_before(tmp_path):
    root = tmp_path / "repo"
    (root / "vendor" / "pkg").mkdir(parents=True)
    # Above the walked folder: a configuration file is YAML, so one inside would count.
    (tmp_path / ".targetlint.yaml").write_text("exclude: [vendor]\n", encoding="utf-8")
    planner = _planner()
    # Nothing but an excluded folder without YAML: the directory has no YAML files.
    assert [error.en for error in _same_as_unpruned([root], planner)[1]] == [
        f"{root}: no YAML files (*.yaml, *.yml) in this directory"
    ]
    # With YAML inside the excluded folder it has some, all excluded: no error, nothing checked.
    (root / "vendor" / "pkg" / "x.yaml").write_text("项目名称: x\n", encoding="utf-8")
    assert _same_as_unpruned([root], planner) == ([], [])
