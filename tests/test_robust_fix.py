"""--fix never loses an edit nor bypasses a protection: a file changed while
it was being fixed is not overwritten, a read-only file is refused unless
--fix-read-only says otherwise, hard links and ownership are kept or the
file is refused, and temporary files a killed run left behind are removed."""

from __future__ import annotations

import os
import stat
import time

import pytest

from targetlint import fixer

from .conftest import TRAINING_DECLARATION

FIXABLE = TRAINING_DECLARATION.replace("≥90%", "≧90%")  # TL213 rewrites ≧ as ≥


@pytest.fixture
def fixable(write):
    return write("a.yaml", FIXABLE)


def test_an_edit_saved_while_fixing_is_not_overwritten(cli, fixable, monkeypatch):
    edited = FIXABLE.replace("培训项目", "培训项目（编辑器保存）")
    real = fixer.fix_bytes

    def slow_fix(data, plan, path, **kwargs):
        fixed = real(data, plan, path, **kwargs)
        fixable.write_text(edited, encoding="utf-8")  # an editor saves meanwhile
        return fixed

    monkeypatch.setattr(fixer, "fix_bytes", slow_fix)
    result = cli("check", "--no-cache", "--fix", str(fixable))
    assert fixable.read_text(encoding="utf-8") == edited
    assert "changed" in result.err or "改动" in result.err, result.err
    assert result.code == 2


def test_a_read_only_file_is_refused_unless_asked(cli, fixable):
    fixable.chmod(0o444)
    result = cli("check", "--no-cache", "--fix", str(fixable))
    assert fixable.read_text(encoding="utf-8") == FIXABLE
    assert "只读" in result.err, result.err
    result = cli("check", "--no-cache", "--fix", "--fix-read-only", str(fixable))
    assert "≧" not in fixable.read_text(encoding="utf-8")
    assert stat.S_IMODE(fixable.stat().st_mode) == 0o444


def test_a_hard_linked_file_is_refused(cli, fixable, tmp_path):
    os.link(fixable, tmp_path / "twin.yaml")
    result = cli("check", "--no-cache", "--fix", str(fixable))
    assert fixable.read_text(encoding="utf-8") == FIXABLE
    assert os.stat(fixable).st_ino == os.stat(tmp_path / "twin.yaml").st_ino
    assert "硬链接" in result.err, result.err


def test_ownership_is_kept(cli, fixable):
    if os.geteuid() != 0:
        pytest.skip("changing a file's owner needs root")
    os.chown(fixable, 12345, 12345)
    cli("check", "--no-cache", "--fix", str(fixable))
    assert "≧" not in fixable.read_text(encoding="utf-8")
    assert (fixable.stat().st_uid, fixable.stat().st_gid) == (12345, 12345)


def test_stale_temporary_files_are_removed(cli, fixable, tmp_path):
    stale = tmp_path / ".a.yaml.k3j9x_2q.tmp"
    stale.write_text("half a file", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".a.yaml.abcdefgh.tmp"  # another run's, still being written
    fresh.write_text("in progress", encoding="utf-8")
    unrelated = tmp_path / ".notes.tmp"
    unrelated.write_text("mine", encoding="utf-8")
    os.utime(unrelated, (old, old))
    cli("check", "--no-cache", "--fix", str(fixable))
    assert not stale.exists()
    assert fresh.exists() and unrelated.exists()
