"""JSON and SARIF reports hold one file's findings in memory at a time: the
run spools them to disk and writes the document at the end, so memory
follows the largest file, not the run (a 200 MB SARIF run used to peak at
4.4 GB). Measured with tracemalloc, as growth between a run and a run four
times its size over copies of the same files."""

from __future__ import annotations

import json
import shutil
import tracemalloc
from pathlib import Path

import pytest

from .conftest import ROOT

CORPUS = sorted((ROOT / "fixtures" / "corpus").glob("*.yaml"))


def _batch(directory: Path, copies: int) -> Path:
    directory.mkdir()
    for copy in range(copies):
        for path in CORPUS:
            shutil.copy(path, directory / f"{copy:03d}_{path.name}")
    return directory


def _peak(cli, *args: str) -> int:
    tracemalloc.start()
    try:
        result = cli(*args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.code in (0, 1), result.err
    return peak


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_machine_formats_do_not_hold_the_run_in_memory(cli, tmp_path, output_format):
    small, large = _batch(tmp_path / "small", 2), _batch(tmp_path / "large", 8)
    # The report goes to a file: captured output would be memory of the test's.
    out = tmp_path / "report.json"
    common = ("check", "--no-cache", "-j", "1", "--format", output_format, "-o", str(out))
    cli(*common, str(small))  # imports and caches are not what is measured
    small_peak = _peak(cli, *common, str(small))
    small_count = _count(out, output_format)
    large_peak = _peak(cli, *common, str(large))
    assert _count(out, output_format) == 4 * small_count > 100
    # Four times the findings: kept in memory, the peak grew about fourfold.
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)


def _count(report: Path, output_format: str) -> int:
    document = json.loads(report.read_text(encoding="utf-8"))
    return len(document["findings"] if output_format == "json" else document["runs"][0]["results"])


def test_a_spooled_report_is_written_to_the_output_file_in_one_piece(cli, tmp_path):
    batch = _batch(tmp_path / "batch", 1)
    report = tmp_path / "report.sarif"
    result = cli("check", "--no-cache", "--format", "sarif", "-o", str(report), str(batch))
    assert result.code in (0, 1)
    assert json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert cli("check", "--no-cache", "--format", "sarif", str(batch)).out == report.read_text(encoding="utf-8")
