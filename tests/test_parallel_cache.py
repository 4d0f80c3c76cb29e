"""The parallel and cached paths give exactly the serial, uncached findings."""

from __future__ import annotations

import json
import shutil

import pytest

from .conftest import FIXTURES

SEED = FIXTURES / "seed" / "shanghai-hrss-2023-performance-targets.yaml"


@pytest.fixture
def corpus(tmp_path):
    """Twelve files: the seed batch, the example and broken ones, in folders."""
    base = tmp_path / "corpus"
    for index in range(10):
        target = base / f"dept{index % 3}" / f"batch{index}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED if index % 2 else FIXTURES / "example.yaml", target)
    (base / "broken.yaml").write_text('项目名称: "未闭合\n绩效指标: {}\n', encoding="utf-8")
    (base / "gbk.yaml").write_bytes(
        "项目名称: 测试\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 人数\n        指标值: 200\n".encode(
            "gb18030"
        )
    )
    return base


def _findings(cli, *args):
    result = cli("check", "--format", "json", *args)
    assert result.code in (0, 1), result.err
    report = json.loads(result.out)
    return result.code, report["summary"], report["findings"]


def test_parallel_matches_serial(cli, corpus):
    serial = _findings(cli, "--jobs", "1", "--no-cache", str(corpus))
    parallel = _findings(cli, "--jobs", "2", "--no-cache", str(corpus))
    assert serial == parallel
    assert serial[1]["files"] == 12 and len(serial[2]) > 100


def test_text_output_streamed_in_parallel_is_identical(cli, corpus, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    serial = cli("check", "--jobs", "1", "--no-cache", str(corpus))
    parallel = cli("check", "--jobs", "2", "--no-cache", str(corpus))
    assert serial.out == parallel.out and serial.code == parallel.code == 1
    # Streaming prints the same lines as the kept-findings path (statistics off, summary the same).
    kept = cli("check", "--jobs", "1", "--no-cache", "--format", "json", str(corpus))
    assert f"发现 {len(json.loads(kept.out)['findings'])} 个问题" in serial.out


def test_cache_reuses_results_and_they_are_the_same(cli, corpus, tmp_path):
    cache = tmp_path / "cache"
    first = _findings(cli, "--cache-dir", str(cache), str(corpus))
    entries = list(cache.rglob("*.json"))
    assert entries, "the first run fills the cache"
    second = _findings(cli, "--cache-dir", str(cache), str(corpus))
    assert first == second
    # A changed file misses; the others still hit and nothing else changes.
    target = corpus / "dept0" / "batch0.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("≥250", "≥95%"), encoding="utf-8")
    third = _findings(cli, "--cache-dir", str(cache), str(corpus))
    fresh = _findings(cli, "--no-cache", str(corpus))
    assert third == fresh != first


# With several jobs the pre-pass finds the entries and the lookup trusts
# nothing it found; with one, the lookup finds them itself.
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_corrupt_cache_entries_are_not_trusted(cli, corpus, tmp_path, jobs):
    cache = tmp_path / "cache"
    first = _findings(cli, "--jobs", jobs, "--cache-dir", str(cache), str(corpus))
    for entry in cache.rglob("*.json"):
        entry.write_bytes(b'{"fingerprint": "x", "findings": []}')
    assert _findings(cli, "--jobs", jobs, "--cache-dir", str(cache), str(corpus)) == first
    shutil.rmtree(cache)  # safe to delete at any time
    assert _findings(cli, "--jobs", jobs, "--cache-dir", str(cache), str(corpus)) == first


def test_no_cache_writes_nothing(cli, corpus, tmp_path):
    cache = tmp_path / "cache"
    _findings(cli, "--no-cache", "--cache-dir", str(cache), str(corpus))
    assert not cache.exists()


def test_configuration_change_misses_the_cache(cli, corpus, tmp_path):
    cache = tmp_path / "cache"
    all_rules = _findings(cli, "--cache-dir", str(cache), str(corpus))
    (corpus / ".targetlint.yaml").write_text("ignore: [TL203]\n", encoding="utf-8")
    fewer = _findings(cli, "--cache-dir", str(cache), str(corpus))
    assert {f["code"] for f in all_rules[2]} - {f["code"] for f in fewer[2]} == {"TL203"}


def test_max_file_size(cli, corpus):
    _code, _summary, findings = _findings(cli, "--no-cache", "--max-file-size", "1KB", str(corpus / "dept0"))
    assert {f["code"] for f in findings} == {"TL001"}
    assert all("1024" in f["message"] for f in findings)


def test_bad_jobs_and_size_are_usage_errors(cli, corpus):
    assert cli("check", "--jobs", "0", str(corpus)).code == 2
    assert cli("check", "--max-file-size", "lots", str(corpus)).code == 2


def test_kept_renderings_reproduce_the_text_output(cli, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    cache = tmp_path / "cache"
    cold = cli("check", "--cache-dir", str(cache), str(corpus))
    assert list(cache.rglob("*.txt")), "the text run keeps its renderings"
    warm = cli("check", "--cache-dir", str(cache), str(corpus))
    uncached = cli("check", "--no-cache", str(corpus))
    assert cold.out == warm.out == uncached.out
    assert cold.code == warm.code == uncached.code == 1
    # Another language or format is rendered afresh, never served from the kept text.
    english = cli("check", "--cache-dir", str(cache), "--lang", "en", str(corpus))
    assert english.out == cli("check", "--no-cache", "--lang", "en", str(corpus)).out
    concise = cli("check", "--cache-dir", str(cache), "--format", "concise", str(corpus))
    assert concise.out == cli("check", "--no-cache", "--format", "concise", str(corpus)).out
    # A torn rendering is ignored, not printed.
    for kept in cache.rglob("*.txt"):
        kept.write_bytes(kept.read_bytes()[:-7])
    assert cli("check", "--cache-dir", str(cache), str(corpus)).out == uncached.out


def test_kept_renderings_keep_the_exit_code(cli, corpus, tmp_path):
    cache = tmp_path / "cache"
    example = corpus / "dept0" / "batch0.yaml"
    first = cli("check", "--cache-dir", str(cache), "--fail-on", "error", str(example))
    second = cli("check", "--cache-dir", str(cache), "--fail-on", "error", str(example))
    assert first.code == second.code == 1
    assert cli("check", "--cache-dir", str(cache), "--exit-zero", str(example)).code == 0
    (corpus / "dept0" / ".targetlint.yaml").write_text("ignore: [TL201]\nfail-on: error\n", encoding="utf-8")
    assert cli("check", "--cache-dir", str(cache), str(example)).code == 0


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_a_warm_hit_reads_and_hashes_each_file_once(cli, corpus, tmp_path, monkeypatch, output_format):
    # The pre-pass that keeps hits out of the workers used to read and hash
    # every file, and the lookup then did both again.
    import builtins
    import hashlib

    import targetlint.cache

    monkeypatch.setenv("NO_COLOR", "1")
    # Hashes are told apart by content, so no two files may share it.
    for number, path in enumerate(sorted(corpus.rglob("*.yaml"))):
        path.write_bytes(path.read_bytes() + f"\n# {number}\n".encode())
    cache = tmp_path / "cache"
    args = ("check", "--jobs", "2", "--format", output_format, "--cache-dir", str(cache), str(corpus))
    cold = cli(*args)
    files = {str(path): path.read_bytes() for path in corpus.rglob("*.yaml")}
    opened = dict.fromkeys(files, 0)
    hashed = dict.fromkeys(files, 0)
    real_open, real_sha256 = builtins.open, hashlib.sha256

    def counting_open(file, *rest, **kwargs):
        if str(file) in opened:
            opened[str(file)] += 1
        return real_open(file, *rest, **kwargs)

    def counting_sha256(data=b"", **kwargs):
        for path, content in files.items():
            if content and data.endswith(content):
                hashed[path] += 1
        return real_sha256(data, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(targetlint.cache, "hashlib", type("counted", (), {"sha256": staticmethod(counting_sha256)}))
    warm = cli(*args)
    assert (warm.out, warm.code) == (cold.out, cold.code)
    assert opened == dict.fromkeys(files, 1)
    assert hashed == dict.fromkeys(files, 1)
