"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Paths are relative to the current directory (run from the repository root)
under ``%SRCROOT%``; columns count Unicode code points (``columnKind``);
``partialFingerprints`` hash the path, declaration, indicator path, rule and
offending text, so an alert survives lines inserted above it. A finding in
a workbook checked in place has the cell's row and column number as its
region, and its sheet and cell as a logical location and as properties.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from targetlint import escape
from targetlint.finding_identity import fingerprints, relative_path
from targetlint.i18n import Message
from targetlint.reporters import ReportContext, Spool, render_spooled

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "targetlint/v1"


def _rule(info, lang: str) -> dict:
    explain = "targetlint rule " + info.code + Message("", " --lang en").text(lang)
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.doc},
        "help": {"text": f"{info.doc}\n\n{explain}", "markdown": f"{info.doc}\n\n`{explain}`"},
        "defaultConfiguration": {"level": LEVEL.get(info.severity, "warning")},
        "properties": {"tags": ["targetlint"] + ([info.origin] if info.origin else [])},
    }


def uri(path: str, base: str | None) -> str:
    return quote(relative_path(path, base), safe="/")


def _invocation(context: ReportContext) -> dict:
    invocation: dict = {"executionSuccessful": context.successful and not context.errors}
    if context.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": escape.text(message)}} for message in context.errors
        ]
    return invocation


class Report:
    """The SARIF log written as the run goes: results are added file by file
    and spooled to disk, and :meth:`finish` writes the log (the rules that
    apply, which only the whole run knows, before the results)."""

    def __init__(self, context: ReportContext):
        self.lang = context.lang
        self.base = context.base or os.getcwd()
        self.spool = Spool()

    def add(self, findings) -> None:
        # A fingerprint counts equal identities, which include the file: one
        # file's findings, added together, count as the whole run would.
        for finding, fingerprint in zip(findings, fingerprints(findings, self.base)):
            span = finding.span
            location: dict = {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(finding.path, self.base), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": span.line,
                        "startColumn": span.column,
                        "endLine": span.end_line,
                        "endColumn": max(span.end_column, 1),
                    },
                }
            }
            if finding.sheet is not None:
                # A workbook checked in place: the region is the cell's row and
                # column number; the sheet and cell name it as Excel does.
                reference = f"{finding.sheet}!{finding.cell}"
                location["logicalLocations"] = [
                    {"name": finding.cell, "fullyQualifiedName": reference, "kind": "element"}
                ]
                location["properties"] = {"sheet": finding.sheet, "cell": finding.cell}
            self.spool.add(
                {
                    "ruleId": finding.code,
                    "level": LEVEL.get(str(finding.severity), "warning"),
                    "message": {"text": finding.message(self.lang)},
                    "locations": [location],
                    "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
                }
            )

    def finish(self, context: ReportContext, write: Callable[[str], None]) -> None:
        rules = list(context.rules.values())
        index = {info.code: i for i, info in enumerate(rules)}

        def with_index(result: dict) -> dict:
            if result["ruleId"] in index:
                result["ruleIndex"] = index[result["ruleId"]]
            return result

        document = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "targetlint",
                            "version": context.tool_version,
                            "rules": [_rule(info, context.lang) for info in rules],
                        }
                    },
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(self.base).resolve().as_uri() + "/"}},
                    "invocations": [_invocation(context)],
                    "columnKind": "unicodeCodePoints",
                    "results": [],
                }
            ],
        }
        self.spool.write_into(document, ("runs", 0, "results"), write, with_index)


def render(findings, context: ReportContext) -> str:
    return render_spooled(Report, findings, context)
