"""A plain check imports no pydantic: the model is dataclasses, rule options
and settings are built from their defaults, and pydantic is imported only
to validate what a user wrote (configuration, options, rule files) or a
value written as another type. Start-up time is most of a pre-commit run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

CHILD = """
import json, sys
from targetlint.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
loaded = sorted({name.partition(".")[0] for name in sys.modules} & {"pydantic", "pydantic_core", "annotated_types"})
print(json.dumps({"code": code, "loaded": loaded}))
"""


def _check(tmp_path: Path, *args: str) -> tuple[dict, str]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "check", *args], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    *output, last = result.stdout.strip().splitlines()
    return json.loads(last), "\n".join(output)


def test_a_plain_check_imports_no_pydantic(tmp_path):
    shutil.copy(FIXTURES / "example.yaml", tmp_path / "example.yaml")
    outcome, output = _check(tmp_path, "example.yaml")
    assert outcome["code"] == 1 and "TL201" in output  # the check ran and found the fixture's error
    assert outcome["loaded"] == []


def test_pydantic_is_imported_to_validate_what_a_user_wrote(tmp_path):
    shutil.copy(FIXTURES / "example.yaml", tmp_path / "example.yaml")
    (tmp_path / ".targetlint.yaml").write_text("rules:\n  TL404: {tolerance: 0.05}\n", encoding="utf-8")
    outcome, _ = _check(tmp_path, "example.yaml")
    assert outcome["code"] == 1 and "pydantic" in outcome["loaded"]
