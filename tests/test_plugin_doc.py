"""docs/plugins.md stays true: its example pack, installed the way pip would,
loads, documents itself, reports, and passes its own YAML cases."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_documented_pack_works(tmp_path):
    blocks = re.findall(r"```(\w+)\n(.*?)```", (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8"), re.S)
    hooks, rule, test = [text for language, text in blocks if language == "python"]
    (case,) = [text for language, text in blocks if language == "yaml"]
    package = tmp_path / "site" / "targetlint_bureau"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(hooks, encoding="utf-8")
    (package / "rules.py").write_text(rule, encoding="utf-8")
    info = tmp_path / "site" / "targetlint_bureau-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: targetlint-bureau\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[targetlint]\nbureau = targetlint_bureau\n", encoding="utf-8")
    (tmp_path / "tests" / "rules").mkdir(parents=True)
    (tmp_path / "tests" / "rules" / "BUR001.yaml").write_text(case, encoding="utf-8")
    (tmp_path / "tests" / "test_rules.py").write_text(test, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "项目名称: 内部审计项目\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: 审计报告数\n        指标值: ≥3份\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path)

    documented = run("-m", "targetlint", "rule", "BUR001", "--lang", "en")
    assert documented.returncode == 0 and "(not fixable; bureau)" in documented.stdout
    assert "Missing audit plan" in documented.stdout
    checked = run("-m", "targetlint", "check", "--no-cache", "--select", "BUR", "a.yaml")
    assert checked.returncode == 0 and "a.yaml:1:7: BUR001 [警告]" in checked.stdout, checked.stdout + checked.stderr
    cases = run("-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_rules.py")
    assert cases.returncode == 0 and "2 passed" in cases.stdout, cases.stdout + cases.stderr
