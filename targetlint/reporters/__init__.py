"""Output formats. Each is a module with ``render(findings, context) -> str``,
imported only when chosen, so a run pays for the one format it prints.

Reporters see findings and plain rule metadata (:class:`RuleInfo`), never a
rule object. Positions are 1-based and columns count Unicode code points in
every format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module

from targetlint.projects import Project

# name → "module" (its ``render``) or "module:function"
FORMATS = {
    "text": "targetlint.reporters.text",
    "concise": "targetlint.reporters.text:render_concise",
    "json": "targetlint.reporters.json",
    "sarif": "targetlint.reporters.sarif",
    "github": "targetlint.reporters.github",
    "gitlab": "targetlint.reporters.gitlab",
    "junit": "targetlint.reporters.junit",
    "html": "targetlint.reporters.html",
    "xlsx": "targetlint.reporters.xlsx",
}
# Formats whose renderer returns bytes, not text: written to a file only.
BINARY_FORMATS = frozenset({"xlsx"})
# Formats whose module also has ``Report(context)``: findings are added file
# by file as the run checks them and kept on disk, not in memory (a
# :class:`Spool`), and ``finish(context, write)`` writes the document, so
# memory follows the largest file, not the run. ``render`` is the same
# Report over one list, so both give the same bytes.
STREAMED_FORMATS = frozenset({"json", "sarif"})


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    fixable: str | None = None
    origin: str = ""
    how_to_fix: str = ""  # the docstring's "How to fix" paragraph, as written


@dataclass
class ReportContext:
    lang: str = "zh"
    color: bool = False
    files_checked: int = 0
    declarations_checked: int = 0
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # code → metadata, in display order
    sources: Callable[[str], list[str] | None] = lambda path: None  # path → source lines, for excerpts
    tool_version: str = ""
    show_source: bool = False
    paths: list[str] = field(default_factory=list)  # every file checked, in order
    base: str | None = None  # directory paths are made relative to (default: cwd)
    step_summary: str | None = None  # $GITHUB_STEP_SUMMARY, for the github format
    successful: bool = True  # False when the run had usage, I/O or internal errors
    projects: list[Project] = field(default_factory=list)  # every declaration checked, in file order
    fail_on: dict[str, str] = field(default_factory=dict)  # path → the lowest severity that fails it
    files_skipped: int = 0  # YAML files checked that are not declarations (other YAML)
    errors: list[str] = field(default_factory=list)  # the run's usage and I/O errors, in ``lang``
    stale: int = 0  # baseline entries that matched nothing (the run fails on them)


def get_renderer(name: str):
    module, _, function = FORMATS[name].partition(":")
    return getattr(import_module(module), function or "render")


class Spool:
    """Records kept on disk as they arrive, one line of JSON each, for a
    document that can only be written once the run is over (its summary or
    its rules come first): memory holds one record at a time."""

    def __init__(self) -> None:
        import tempfile

        # Closed by write_into once the records are written out.
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass")  # noqa: SIM115
        self.count = 0

    def add(self, record: dict) -> None:
        import json

        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def records(self) -> Iterator[dict]:
        import json

        self.file.seek(0)
        for line in self.file:
            yield json.loads(line)

    def write_into(self, document: dict, key_path: tuple, write: Callable[[str], None], edit=None) -> None:
        """Write ``document`` as ``json.dumps(document, ensure_ascii=False,
        indent=2)`` would with the spooled records as the list at
        ``key_path``, byte for byte, one record in memory at a time;
        ``edit(record)`` changes each on the way out."""
        import json

        marker = "\x00spooled records\x00"
        place = document
        for key in key_path[:-1]:
            place = place[key]
        place[key_path[-1]] = marker
        text = json.dumps(document, ensure_ascii=False, indent=2)
        quoted = json.dumps(marker)
        at = text.index(quoted)
        head, tail = text[:at], text[at + len(quoted) :]
        line = head[head.rfind("\n") + 1 :]  # the key's line, up to the list
        indent = len(line) - len(line.lstrip(" "))
        write(head)
        if not self.count:
            write("[]")
        else:
            inner = " " * (indent + 2)
            for number, record in enumerate(self.records()):
                if edit is not None:
                    record = edit(record)
                body = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n" + inner)
                write(("[\n" if number == 0 else ",\n") + inner + body)
            write("\n" + " " * indent + "]")
        write(tail + "\n")
        self.file.close()


def render_spooled(report_class, findings, context: ReportContext) -> str:
    """A spooled format's ``render``: its Report over one list of findings."""
    parts: list[str] = []
    report = report_class(context)
    report.add(findings)
    report.finish(context, parts.append)
    return "".join(parts)
