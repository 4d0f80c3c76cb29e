"""Entry-point discovery remembered between runs: a hit skips importlib.metadata,
and any change to what is installed is seen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from targetlint import discovery

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A directory on sys.path holding one distribution with a targetlint entry point."""
    packages = tmp_path / "site"
    info = packages / "fakepack-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakepack\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[targetlint]\nfake = fakepack.rules\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(packages))
    monkeypatch.setattr(discovery, "cache_directory", tmp_path / "cache")
    return packages


def names(group: str = "targetlint") -> set[tuple[str, str]]:
    return {(ep.name, ep.value) for ep in discovery.entry_points(group)}


def kept_file(cache: Path) -> Path:
    (path,) = cache.glob("entry-points-*.json")
    return path


def test_discovery_is_written_and_read_back(site, tmp_path, monkeypatch):
    assert ("fake", "fakepack.rules") in names()
    kept = json.loads(kept_file(tmp_path / "cache").read_text(encoding="utf-8"))
    assert ["fake", "fakepack.rules"] in kept["groups"]["targetlint"]
    assert (tmp_path / "cache" / "CACHEDIR.TAG").exists()
    # A hit answers from the file: metadata is not read again.
    monkeypatch.setattr(discovery, "_read_metadata", lambda: pytest.fail("metadata read on a hit"))
    assert ("fake", "fakepack.rules") in names()


def test_a_changed_entry_point_file_is_seen(site):
    assert ("fake", "fakepack.rules") in names()
    entry_points = site / "fakepack-1.0.dist-info" / "entry_points.txt"
    entry_points.write_text("[targetlint]\nfake = fakepack.other_rules\n", encoding="utf-8")
    os.utime(entry_points, ns=(1, 1))  # even with an older time: the stamp is not "newer than"
    assert ("fake", "fakepack.other_rules") in names()


def test_an_installed_and_a_removed_distribution_are_seen(site):
    assert {name for name, _ in names()} >= {"fake"}
    info = site / "second-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: second\nVersion: 2.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[targetlint.rulefiles]\nsecond = second_pack\n", encoding="utf-8")
    assert ("second", "second_pack") in names("targetlint.rulefiles")
    for child in info.iterdir():
        child.unlink()
    info.rmdir()
    assert ("second", "second_pack") not in names("targetlint.rulefiles")


@pytest.mark.parametrize(
    "garbage", [b"", b"\xff\xfe not json", b"[]", b'{"stamp": 1}', b'{"stamp": null, "groups": 5}', b"[" * 200_000]
)
def test_a_corrupt_cache_is_ignored_and_replaced(site, tmp_path, garbage):
    names()
    path = kept_file(tmp_path / "cache")
    path.write_bytes(garbage)
    assert ("fake", "fakepack.rules") in names()
    assert json.loads(path.read_text(encoding="utf-8"))["groups"]


def test_a_forged_entry_with_the_right_stamp_is_only_names(site, tmp_path):
    # The file holds module names, never code: a forged one can name a module
    # to import, which any installed distribution can do as well.
    names()
    path = kept_file(tmp_path / "cache")
    kept = json.loads(path.read_text(encoding="utf-8"))
    kept["groups"]["targetlint"] = [["x", 42]]
    path.write_text(json.dumps(kept), encoding="utf-8")
    assert names() == {("x", "42")}


def test_an_unwritable_cache_costs_only_speed(site, tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(discovery, "cache_directory", blocker / "cache")
    assert ("fake", "fakepack.rules") in names()


def test_entry_point_load_follows_module_and_attributes():
    assert discovery.EntryPoint("x", "targetlint.discovery:EntryPoint.load").load() is discovery.EntryPoint.load
    assert discovery.EntryPoint("x", "targetlint.discovery").load() is discovery
    assert discovery.EntryPoint("x", "targetlint.discovery : EntryPoint").module == "targetlint.discovery"
    # Extras name optional dependencies; they do not change what is loaded.
    assert discovery.EntryPoint("x", "targetlint.discovery:EntryPoint [fast, cli]").load() is discovery.EntryPoint
    assert discovery.EntryPoint("x", "targetlint.discovery [fast]").module == "targetlint.discovery"


def test_two_environments_keep_separate_files(site, tmp_path, monkeypatch):
    names()
    monkeypatch.setattr(discovery.sys, "prefix", "/elsewhere/venv")
    names()
    assert len(list((tmp_path / "cache").glob("entry-points-*.json"))) == 2


def test_a_directory_named_in_a_legacy_encoding_on_sys_path(site, tmp_path, monkeypatch):
    # A GB18030-named folder reaches Python as surrogate escapes.
    odd = os.fsencode(str(tmp_path)) + b"/\xd4\xa4\xcb\xe3"
    os.mkdir(odd)
    monkeypatch.syspath_prepend(os.fsdecode(odd))
    assert ("fake", "fakepack.rules") in names()


def _run_check(tmp_path, *flags):
    code = (
        "import sys\n"
        "from targetlint.cli import main\n"
        f"code = main(['check', *{list(flags)!r}, {str(ROOT / 'fixtures' / 'example.yaml')!r}])\n"
        "print('metadata-imported' if 'importlib.metadata' in sys.modules else 'metadata-not-imported', file=sys.stderr)\n"
    )
    env = {**os.environ, "TARGETLINT_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)


def test_a_second_check_finds_plugins_without_reading_metadata(tmp_path):
    first = _run_check(tmp_path)
    assert "metadata-imported" in first.stderr.splitlines()
    second = _run_check(tmp_path)
    assert "metadata-not-imported" in second.stderr.splitlines()
    assert first.stdout == second.stdout and "TL201" in second.stdout


def test_no_cache_reads_metadata_and_writes_nothing(tmp_path):
    result = _run_check(tmp_path, "--no-cache")
    assert "metadata-imported" in result.stderr.splitlines() and "TL201" in result.stdout
    assert not (tmp_path / "cache").exists()
