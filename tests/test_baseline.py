"""Baselines: written on a batch, they survive moved lines, report only new
defects, fail on stale entries until pruned, and only ever shrink."""

from __future__ import annotations

import json
import shutil

import pytest

from .conftest import ROOT

BATCH = ROOT / "tests" / "data" / "batch"


@pytest.fixture
def batch(tmp_path, monkeypatch):
    """A copy of the fixture batch, checked from its parent directory."""
    target = tmp_path / "repo" / "batch"
    shutil.copytree(BATCH, target)
    monkeypatch.chdir(tmp_path / "repo")
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return target


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_written_baseline_silences_the_batch(cli, batch):
    assert cli("check", "batch").code == 1
    written = cli("check", "--write-baseline", "baseline.json", "batch")
    assert written.code == 0 and "6" in written.err
    document = json.loads((batch.parent / "baseline.json").read_text(encoding="utf-8"))
    entry = next(e for e in document["entries"] if e["code"] == "TL201")
    assert entry == {
        "file": "batch/declarations.yaml",
        "declaration": "职业技能竞赛专项",
        "indicator_path": ["产出指标", "质量指标", "培训人数达标率"],
        "code": "TL201",
        "name": "rate-with-count",
        "subject_hash": entry["subject_hash"],
        "count": 1,
    }
    assert "line" not in entry
    result = cli("check", "--baseline", "baseline.json", "--format", "json", "batch")
    assert result.code == 0, result
    assert json.loads(result.out)["findings"] == []
    assert not [p for p in batch.parent.iterdir() if p.name.startswith(".baseline.json")]  # no temporary left behind


def test_lines_inserted_above_do_not_break_it(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    declarations = batch / "declarations.yaml"
    declarations.write_text("# 新增说明\n# 第二行\n\n" + declarations.read_text(encoding="utf-8"), encoding="utf-8")
    _edit(declarations, "    质量指标:\n", "    质量指标:\n      - 三级指标: 新增指标合格率\n        指标值: ≥95%\n")
    result = cli("check", "--baseline", "baseline.json", "batch")
    assert result.code == 0, result


def test_one_new_defect_is_the_only_one_reported(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    _edit(batch / "clean.yaml", "指标值: ≥90%", "指标值: ≥900")  # a satisfaction rate above 100
    result = cli("check", "--baseline", "baseline.json", "--format", "json", "batch")
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    assert [(f["file"], f["code"]) for f in findings] == [("batch/clean.yaml", "TL201")]


def test_a_second_identical_defect_is_new(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    # The same indicator written twice in the same category: one key, and the count keeps them apart.
    _edit(
        batch / "declarations.yaml",
        "        指标值: ≥250\n",
        "        指标值: ≥250\n      - 三级指标: 培训人数达标率\n        指标值: ≥250\n",
    )
    result = cli("check", "--baseline", "baseline.json", "--format", "json", "--select", "TL201", "batch")
    assert [f["code"] for f in json.loads(result.out)["findings"]] == ["TL201"]
    assert result.code == 1


def test_fixed_defect_makes_the_entry_stale_until_pruned(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    _edit(batch / "declarations.yaml", "指标值: ≥250", "指标值: ≥95%")
    stale = cli("check", "--baseline", "baseline.json", "--lang", "en", "batch")
    assert stale.code == 1
    assert (
        "no longer match" in stale.err
        and "batch/declarations.yaml: TL201 (职业技能竞赛专项 › 产出指标 › 质量指标 › 培训人数达标率)" in stale.err
    )
    assert "--prune-baseline" in stale.err
    pruned = cli("check", "--baseline", "baseline.json", "--prune-baseline", "batch")
    assert pruned.code == 0, pruned
    entries = json.loads((batch.parent / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == 5 and "TL201" not in {e["code"] for e in entries}
    assert cli("check", "--baseline", "baseline.json", "batch").code == 0
    # Shrinking only: the defect coming back is new, not baselined.
    _edit(batch / "declarations.yaml", "指标值: ≥95%", "指标值: ≥250")
    assert cli("check", "--baseline", "baseline.json", "batch").code == 1


def test_partial_runs_judge_only_the_files_and_rules_they_checked(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    # pre-commit passes just the staged file; the other files' entries are not stale.
    assert cli("check", "--baseline", "baseline.json", "batch/clean.yaml").code == 0
    assert cli("check", "--baseline", "baseline.json", "--select", "TL207", "batch").code == 0
    # A partial --write-baseline keeps what it did not check.
    cli("check", "--write-baseline", "baseline.json", "batch/clean.yaml")
    assert cli("check", "--baseline", "baseline.json", "batch").code == 0


def test_deleted_file_entries_are_stale(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    (batch / "broken.yaml").unlink()
    result = cli("check", "--baseline", "baseline.json", "batch")
    assert result.code == 1 and "batch/broken.yaml: TL001" in result.err


def test_paths_are_relative_to_the_baseline_not_the_working_directory(cli, batch, monkeypatch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    monkeypatch.chdir(batch)
    assert cli("check", "--baseline", "../baseline.json", ".").code == 0


def test_bad_baselines_and_flag_combinations_exit_2(cli, batch):
    (batch.parent / "bad.json").write_text("{not json", encoding="utf-8")
    bad = cli("check", "--baseline", "bad.json", "batch")
    assert bad.code == 2 and "bad.json" in bad.err and "Traceback" not in bad.err
    assert cli("check", "--baseline", "missing.json", "batch").code == 2
    (batch.parent / "wrong.json").write_text('{"targetlint_baseline": 1, "entries": [{"file": "x"}]}', encoding="utf-8")
    assert cli("check", "--baseline", "wrong.json", "batch").code == 2
    assert cli("check", "--prune-baseline", "batch").code == 2
    assert cli("check", "--baseline", "a.json", "--write-baseline", "b.json", "batch").code == 2


def test_stale_entries_give_the_exact_prune_command_and_no_all_clear(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    _edit(batch / "declarations.yaml", "指标值: ≥250", "指标值: ≥95%")
    stale = cli("check", "--baseline", "baseline.json", "batch/declarations.yaml")
    assert stale.code == 1
    assert "targetlint check --baseline baseline.json --prune-baseline batch/declarations.yaml" in stale.err
    assert "未发现问题" not in stale.out
    assert "基线中有 1 条记录已过期" in stale.out.splitlines()[-1]
    # The command given is the one that prunes them.
    command = next(line for line in stale.err.splitlines() if "--prune-baseline" in line).split("：", 1)[-1]
    arguments = command.strip().split()[1:]
    assert cli(*arguments).code == 0
    assert cli("check", "--baseline", "baseline.json", "batch").code == 0


def test_a_renamed_file_keeps_its_entries(cli, batch):
    cli("check", "--write-baseline", "baseline.json", "batch")
    (batch / "declarations.yaml").rename(batch / "renamed.yaml")
    result = cli("check", "--baseline", "baseline.json", "batch/renamed.yaml")
    assert result.code == 0, result
    assert "TL201" not in result.out
    # Pruning moves the entries to the new name, so the old one is forgotten.
    assert cli("check", "--baseline", "baseline.json", "--prune-baseline", "batch").code == 0
    files = {e["file"] for e in json.loads((batch.parent / "baseline.json").read_text(encoding="utf-8"))["entries"]}
    assert "batch/renamed.yaml" in files and "batch/declarations.yaml" not in files
    assert cli("check", "--baseline", "baseline.json", "batch").code == 0
