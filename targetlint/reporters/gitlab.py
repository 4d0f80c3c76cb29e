"""GitLab Code Quality report (a JSON array of issues) for merge-request widgets.

Fingerprints are the SARIF ones: stable across line shifts, unique per finding.
"""

from __future__ import annotations

import json
import os

from targetlint.finding_identity import fingerprints, relative_path
from targetlint.reporters import ReportContext

# GitLab's scale is info, minor, major, critical, blocker; as ESLint's
# formatter does, errors are major and warnings minor.
SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(findings, context: ReportContext) -> str:
    base = context.base or os.getcwd()
    issues = [
        {
            "type": "issue",
            "description": f"{finding.code} {finding.message(context.lang)}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint,
            "severity": SEVERITY.get(str(finding.severity), "minor"),
            "location": {
                "path": relative_path(finding.path, base),
                "lines": {"begin": finding.line, "end": finding.span.end_line},
            },
        }
        for finding, fingerprint in zip(findings, fingerprints(findings, base))
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
