"""The result cache's key must not depend on what a process happened to import:
a first run imports modules a second run does not (it writes the plugin cache
the second one reads), and the second run must still hit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_installation_fingerprint_ignores_which_modules_are_loaded():
    code = (
        "from targetlint.cache import installation_fingerprint\n"
        "before = installation_fingerprint()\n"
        "import targetlint.baseline, targetlint.fixer, targetlint.importer, targetlint.atomic\n"
        "print(before == installation_fingerprint())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_a_second_run_in_a_new_process_reuses_every_entry(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(3):
        (corpus / f"d{index}.yaml").write_text(
            (ROOT / "fixtures" / "example.yaml").read_text(encoding="utf-8") + f"# {index}\n", encoding="utf-8"
        )
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "targetlint", "check", "--cache-dir", str(cache), str(corpus)]
    env = {key: value for key, value in os.environ.items() if key != "TARGETLINT_CACHE_DIR"}
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    # An entry is written atomically (a new inode); a hit only refreshes its time (see cache_pruning).
    entries = {path: path.stat().st_ino for path in cache.rglob("*") if path.is_file() and path.parent != cache}
    assert len(entries) >= 3
    second = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    after = {path: path.stat().st_ino for path in cache.rglob("*") if path.is_file() and path.parent != cache}
    assert second.stdout == first.stdout and "TL201" in second.stdout
    assert after == entries, "the second run wrote new entries: its key differed from the first run's"


PACK_RULES = '''
from targetlint.hookspecs import hookimpl
from targetlint.rule import Rule, Severity

from .wording import MESSAGE


class Says(Rule):
    """Reports every declaration with the pack's wording."""

    code = "TLZ971"
    name = "says"
    severity = Severity.WARNING

    def check(self, declaration, source):
        yield self.report(declaration.span(), MESSAGE, MESSAGE)


@hookimpl
def targetlint_rules():
    return [Says]
'''


def test_editing_a_packs_helper_module_misses_the_cache(tmp_path):
    site = tmp_path / "site"
    package = site / "wordpack"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(PACK_RULES, encoding="utf-8")
    wording = package / "wording.py"
    wording.write_text('MESSAGE = "first wording"\n', encoding="utf-8")
    info = site / "wordpack-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: wordpack\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[targetlint]\nwords = wordpack\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text((ROOT / "fixtures" / "example.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("TARGETLINT_CACHE_DIR", None)
    command = [
        sys.executable,
        "-m",
        "targetlint",
        "check",
        "--select",
        "TLZ971",
        "--cache-dir",
        str(tmp_path / "cache"),
        "a.yaml",
    ]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "first wording" in first.stdout, first.stderr
    wording.write_text('MESSAGE = "second wording"\n', encoding="utf-8")
    stat = wording.stat()
    os.utime(wording, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "second wording" in second.stdout and "first wording" not in second.stdout


def test_editing_an_anchor_a_declarative_rule_uses_misses_the_cache(tmp_path):
    rules = tmp_path / "bureau.yaml"
    rules.write_text(
        "rules:\n  - code: TLX001\n    name: ends-with\n    severity: warning\n    check: forbid\n"
        '    description: &suffix 健全性\n    where:\n      name: {endswith: *suffix}\n    message: "命中：{name}"\n',
        encoding="utf-8",
    )
    (tmp_path / ".targetlint.yaml").write_text("rule-files: [bureau.yaml]\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text((ROOT / "fixtures" / "example.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "TARGETLINT_CACHE_DIR"}
    command = [
        sys.executable,
        "-m",
        "targetlint",
        "check",
        "--select",
        "TLX001",
        "--cache-dir",
        str(tmp_path / "cache"),
        "a.yaml",
    ]
    first = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "健全性" in first.stdout, first.stderr
    rules.write_text(rules.read_text(encoding="utf-8").replace("&suffix 健全性", "&suffix 达标率"), encoding="utf-8")
    second = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "培训人数达标率" in second.stdout and "健全性" not in second.stdout
