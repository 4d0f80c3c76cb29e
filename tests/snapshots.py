"""Snapshot comparison: expected outputs live in tests/snapshots/.

Set TARGETLINT_UPDATE_SNAPSHOTS=1 to rewrite them from the current output;
review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("TARGETLINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path}; run with TARGETLINT_UPDATE_SNAPSHOTS=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"output differs from {path}; rerun with TARGETLINT_UPDATE_SNAPSHOTS=1 if the change is intended"
    )
