"""The 19 corpus tables (fixtures/corpus/, from 10 provinces, 2018–2025) in the extended format.

Each table's findings are a snapshot, read line by line against the published
source by a finance-bureau reviewer: fixtures/corpus/REVIEW.md gives the
verdict on every line (a defect of the published table, a fact of a truncated
copy, or a finding the reviewer disagrees with, and why). A change in what
targetlint reports on them shows up as a diff here and needs a verdict there.
Regenerate with TARGETLINT_UPDATE_SNAPSHOTS=1 and review the diff before committing.
"""

from __future__ import annotations

import re

import pytest

from targetlint.loader import load
from targetlint.source import decode

from .conftest import ROOT
from .snapshots import assert_findings_snapshot

CORPUS_DIR = ROOT / "fixtures" / "corpus"
TABLES = sorted(CORPUS_DIR.glob("*.yaml"))
REVIEW = CORPUS_DIR / "REVIEW.md"
_FINDING = re.compile(r"^fixtures/corpus/(?P<file>[^:]+)\.yaml:(?P<line>\d+):(?P<column>\d+): (?P<code>TL\d{3}) ")


def test_the_corpus_is_all_there():
    assert len(TABLES) == 19


@pytest.mark.parametrize("table", TABLES, ids=[p.stem[:2] for p in TABLES])
def test_every_column_has_a_field(table):
    """No key the format does not know (TL002), no value of the wrong type (TL004)."""
    loaded = load(decode(table.read_bytes(), table.name))
    assert [(p.kind, p.span.line, p.detail) for p in loaded.problems] == []
    (declaration,) = loaded.declarations
    assert declaration.has_indicators


@pytest.mark.parametrize("table", TABLES, ids=[p.stem[:2] for p in TABLES])
def test_corpus_findings_match_the_reviewed_snapshot(table, cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    assert_findings_snapshot(cli, table, ROOT, ", then give each new line its verdict in fixtures/corpus/REVIEW.md")


def test_every_snapshot_line_has_a_reviewers_verdict():
    review = REVIEW.read_text(encoding="utf-8")
    unreviewed = []
    for snapshot in sorted(CORPUS_DIR.glob("*.findings.txt")):
        for line in snapshot.read_text(encoding="utf-8").splitlines():
            match = _FINDING.match(line)
            if match is None:
                continue
            key = f"| {match['file'][:2]} | {match['line']}:{match['column']} | {match['code']} |"
            if key not in review:
                unreviewed.append(line)
    assert unreviewed == [], (
        "these findings have no verdict in fixtures/corpus/REVIEW.md (a row '| NN | line:column | TLnnn | verdict |'):\n"
        + "\n".join(unreviewed)
    )
