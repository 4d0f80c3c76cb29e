"""The findings on the 26 seed declarations are a reviewed snapshot.

Every line of fixtures/seed/*.findings.txt was read against the published
source; a change in what targetlint reports on real declarations therefore
shows up as a diff of that file in review. Regenerate with
TARGETLINT_UPDATE_SNAPSHOTS=1 and review the diff before committing.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT
from .snapshots import assert_findings_snapshot

SEED_DIR = ROOT / "fixtures" / "seed"
SEEDS = sorted(SEED_DIR.glob("*.yaml"))


@pytest.mark.parametrize("fixture", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_findings_match_the_reviewed_snapshot(fixture, cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    assert_findings_snapshot(cli, fixture, ROOT)
