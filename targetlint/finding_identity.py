"""Identities of findings that survive edits above them.

Baselines, SARIF ``partialFingerprints`` and GitLab fingerprints key a finding
on its file, declaration, indicator path, rule and offending text — never on
its line — so inserting lines above a finding does not turn it into a new one.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter

from targetlint import escape

# Joins indicator path parts in keys; names may contain "/" (审计/评价发现问题整改率).
PATH_SEPARATOR = "\x1f"


def relative_path(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (default: the current directory), with
    forward slashes; absolute when it lies outside ``base``. Escaped
    (:func:`targetlint.escape.path`), so it is valid UTF-8 and one line
    in every report and baseline, whatever bytes the file's name holds."""
    if path in ("-", ""):
        return path
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.path.abspath(base or os.getcwd()))
    if relative.startswith(".." + os.sep) or relative == "..":
        return escape.path(absolute.replace(os.sep, "/"))
    return escape.path(relative.replace(os.sep, "/"))


def subject_hash(subject: str) -> str:
    return hashlib.sha256(subject.encode("utf-8")).hexdigest()[:16]


def identity(finding, base: str | None = None) -> tuple[str, str, str, str, str]:
    return (
        relative_path(finding.path, base),
        finding.declaration or "",
        PATH_SEPARATOR.join(finding.indicator_path),
        finding.code,
        subject_hash(finding.subject or ""),
    )


def fingerprints(findings, base: str | None = None) -> list[str]:
    """One stable fingerprint per finding; the n-th finding with the same
    identity in a run gets ``n`` mixed in, so fingerprints are unique."""
    seen: Counter = Counter()
    result = []
    for finding in findings:
        key = identity(finding, base)
        seen[key] += 1
        text = "\0".join(key) + f"\0{seen[key]}"
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])
    return result
