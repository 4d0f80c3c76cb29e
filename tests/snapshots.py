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


def assert_findings_snapshot(cli, declarations: Path, root: Path, review_note: str = "") -> None:
    """The concise findings on a reviewed fixture equal its ``.findings.txt`` beside it.

    ``cli`` is the conftest fixture that runs targetlint in-process; the check runs from
    ``root`` so that the snapshot's paths are the repository's. ``review_note`` says where
    a changed line needs its reviewer's verdict.
    """
    relative = declarations.relative_to(root).as_posix()
    result = cli("check", "--format", "concise", relative)
    assert result.code in (0, 1), result.err
    snapshot = declarations.with_suffix(".findings.txt")
    if os.environ.get("TARGETLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(result.out, encoding="utf-8")
    expected = snapshot.read_text(encoding="utf-8")
    assert result.out == expected, (
        f"findings on {relative} changed; review and regenerate with TARGETLINT_UPDATE_SNAPSHOTS=1{review_note}"
    )
