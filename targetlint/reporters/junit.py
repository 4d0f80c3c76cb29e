"""JUnit XML: one test case per checked file, failing with its findings listed."""

from __future__ import annotations

import re
from collections import defaultdict
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from targetlint.finding_identity import relative_path
from targetlint.i18n import Message
from targetlint.reporters import ReportContext

# Characters XML 1.0 forbids; YAML text may carry them and must not break the report.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    return _escape(_INVALID_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return _quoteattr(_INVALID_XML.sub("\ufffd", text))


def render(findings, context: ReportContext) -> str:
    by_path = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = list(dict.fromkeys([*context.paths, *by_path]))
    failures = sum(1 for path in paths if by_path[path])
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="targetlint" tests="{len(paths)}" failures="{failures}" errors="0">',
        f'  <testsuite name="targetlint" tests="{len(paths)}" failures="{failures}" errors="0" skipped="0">',
    ]
    for path in paths:
        name = quoteattr(relative_path(path, context.base))
        found = by_path[path]
        if not found:
            out.append(f'    <testcase classname="targetlint" name={name} file={name}/>')
            continue
        message = Message(f"{len(found)} 个问题", f"{len(found)} problem(s)").text(context.lang)
        body = "\n".join(f"{f.line}:{f.column}: {f.code} [{f.severity}] {f.message(context.lang)}" for f in found)
        kinds = ",".join(dict.fromkeys(f.code for f in found))
        out.append(f'    <testcase classname="targetlint" name={name} file={name}>')
        out.append(f"      <failure message={quoteattr(message)} type={quoteattr(kinds)}>{escape(body)}</failure>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"
