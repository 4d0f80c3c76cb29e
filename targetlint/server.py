"""``targetlint server``: targetlint's findings in the editor, over the
Language Server Protocol on standard input and output (pygls).

Diagnostics are published when a document is opened or saved and, debounced,
while it is edited; hovering over one shows its rule's documentation; code
actions apply fixes (an unsafe fix is marked and never preferred, so no
editor applies it without the user choosing it). What is checked and how is
:mod:`targetlint.editor`'s; this module only speaks the protocol. Anything
that goes wrong inside is written to the client's log, never fatal.
"""

from __future__ import annotations

import asyncio
import os
import time
import traceback
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace.position_codec import PositionCodec

from targetlint import __version__
from targetlint.editor import CheckedDocument, DocumentChecker, Replacement, is_declaration_file
from targetlint.i18n import Message
from targetlint.rule import Finding, FixSafety, Severity
from targetlint.span import Span

DEFAULT_DEBOUNCE_MS = 200
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.targetlint"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class TargetlintServer(LanguageServer):
    def __init__(self, checker: DocumentChecker, debounce_ms: int = DEFAULT_DEBOUNCE_MS):
        super().__init__("targetlint", __version__)
        self.checker = checker
        self.debounce_ms = debounce_ms
        self.checked: dict[str, CheckedDocument] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.default_cache = False  # keep the result cache in the workspace's root folder, once it is known

    # -- the client's log ---------------------------------------------------
    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def report_server_error(self, error: Exception, source: Any) -> None:
        # pygls would pop up a message; an editor's user needs it in the log.
        self.log(f"targetlint: {type(error).__name__}: {error}", types.MessageType.Error)

    def guarded(self, what: str, work: Callable[[], Any], default: Any = None) -> Any:
        try:
            return work()
        except Exception:
            self.log(f"targetlint: {what} failed:\n{traceback.format_exc()}", types.MessageType.Error)
            return default

    # -- checking -------------------------------------------------------------
    def path_of(self, uri: str) -> str | None:
        document = self.workspace.text_documents.get(uri)
        if document is None or document.path is None or not is_declaration_file(document.path):
            return None
        return document.path

    def lang(self, path: str) -> str:
        return self.checker.lang(path)

    def check(self, uri: str, *, saved: bool = False) -> CheckedDocument | None:
        path = self.path_of(uri)
        if path is None:
            return None
        document = self.workspace.get_text_document(uri)
        checked = self.checker.check(path, document.source, saved=saved)
        self.checked[uri] = checked
        if checked.config_error is not None:
            self.log(checked.config_error.message(self.lang(path)), types.MessageType.Error)
        return checked

    def current(self, uri: str) -> CheckedDocument | None:
        """The findings of the document's current text, checking it now if an
        edit is still waiting for its debounce."""
        checked = self.checked.get(uri)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        if checked is None or checked.text != document.source:
            self.cancel(uri)
            checked = self.check(uri)
            if checked is not None:
                self.publish(uri, checked)
        return checked

    def publish(self, uri: str, checked: CheckedDocument | None) -> None:
        self.send(uri, [] if checked is None else self.diagnostics(checked))

    def send(self, uri: str, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=_version(self, uri))
        )

    def check_and_publish(self, uri: str, *, saved: bool = False, due: float | None = None) -> None:
        """Check and publish; ``due``: when the debounce delay ended (``time.monotonic``)."""
        self.pending.pop(uri, None)
        started, cpu = time.monotonic(), time.process_time()
        try:
            checked = self.check(uri, saved=saved)
            diagnostics = [] if checked is None else self.diagnostics(checked)
        except Exception:
            self.log(f"targetlint: checking {uri} failed:\n{traceback.format_exc()}", types.MessageType.Error)
            # Not a clean file: say the check failed, where the user looks (no false all-clear).
            self.checked.pop(uri, None)
            lang = self.checker.overrides.lang or self.checker.fallback_lang
            message = Message(
                "targetlint 无法检查此文件（内部错误，详见语言服务器日志）",
                "targetlint could not check this file (an internal error; see the language server's log)",
            ).text(lang)
            diagnostics = [_at_start(message)]
        self.send(uri, diagnostics)
        # For the log and the latency benchmark: how long after the debounce
        # ended (or the open or save arrived) the diagnostics went out.
        now = time.monotonic()
        self.log(
            f"targetlint: published {len(diagnostics)} diagnostic(s) for {uri} "
            f"{(now - (started if due is None else due)) * 1000:.1f} ms after "
            f"{'the debounce ended' if due is not None else 'the request'} "
            f"(check {(time.process_time() - cpu) * 1000:.1f} ms CPU)"
        )

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        delay = self.debounce_ms / 1000
        due = time.monotonic() + delay
        self.pending[uri] = asyncio.get_running_loop().call_later(delay, lambda: self.check_and_publish(uri, due=due))

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    # -- findings → LSP ---------------------------------------------------------
    def diagnostics(self, checked: CheckedDocument) -> list[types.Diagnostic]:
        lang = self.lang(checked.path)
        if checked.config_error is not None:
            return [_at_start(checked.config_error.message(lang))]
        lines = _Lines(checked.text, self.workspace.position_codec)
        return [self.diagnostic(finding, lines, lang) for finding in checked.findings]

    @staticmethod
    def diagnostic(finding: Finding, lines: _Lines, lang: str) -> types.Diagnostic:
        return types.Diagnostic(
            range=lines.range(finding.span),
            message=finding.message(lang),
            severity=_SEVERITY[finding.severity],
            code=finding.code,
            source="targetlint",
            data={"name": finding.name},
        )


def _at_start(message: str) -> types.Diagnostic:
    """An error about the whole file (its configuration, a failed check), on its first line."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source="targetlint",
    )


class _Lines:
    """Findings' positions (1-based, code points, lines of the normalised
    text) as LSP positions (0-based, the client's code units)."""

    def __init__(self, text: str, codec: PositionCodec):
        from targetlint.source import decode

        self.lines = decode(text.encode("utf-8", "surrogatepass"), "-", max_size=None).lines
        self.codec = codec

    def position(self, line: int, column: int) -> types.Position:
        if line > len(self.lines):
            return types.Position(len(self.lines) - 1, self.codec.client_num_units(self.lines[-1]))
        text = self.lines[line - 1]
        return types.Position(line - 1, self.codec.client_num_units(text[: max(column - 1, 0)]))

    def range(self, span: Span) -> types.Range:
        return types.Range(self.position(span.line, span.column), self.position(span.end_line, span.end_column))

    def column(self, position: types.Position) -> tuple[int, int]:
        """An LSP position as (line, column), 1-based in code points."""
        if position.line >= len(self.lines):
            return position.line + 1, 1
        units, column = 0, 0
        for character in self.lines[position.line]:
            if units >= position.character:
                break
            units += self.codec.client_num_units(character)
            column += 1
        return position.line + 1, column + 1


def _offset_position(text: str, offset: int, codec: PositionCodec) -> types.Position:
    """The LSP position of ``text[offset]``: lines end at \\n, \\r\\n or \\r."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n")
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return types.Position(line, codec.client_num_units(before[start:]))


def text_edit(text: str, change: Replacement, codec: PositionCodec) -> types.TextEdit:
    return types.TextEdit(
        range=types.Range(_offset_position(text, change.start, codec), _offset_position(text, change.end, codec)),
        new_text=change.new,
    )


def _covers(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)


def _overlaps(span: Span, start: tuple[int, int], end: tuple[int, int]) -> bool:
    return (span.line, span.column) <= end and start <= (span.end_line, span.end_column)


def _kind_wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


def hover(server: TargetlintServer, params: types.HoverParams) -> types.Hover | None:
    checked = server.current(params.text_document.uri)
    if checked is None:
        return None
    lines = _Lines(checked.text, server.workspace.position_codec)
    line, column = lines.column(params.position)
    lang = server.lang(checked.path)
    sections = []
    for code in dict.fromkeys(f.code for f in checked.findings if _covers(f.span, line, column)):
        rule = server.checker.rule(code)
        if rule is not None:
            sections.append(f"**{rule.code}** `{rule.name}` ({rule.severity})\n\n{rule.doc(lang)}")
    if not sections:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(sections)))


def code_actions(server: TargetlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    checked = server.current(uri)
    if checked is None:
        return None
    codec = server.workspace.position_codec
    lines = _Lines(checked.text, codec)
    lang = server.lang(checked.path)
    start, end = lines.column(params.range.start), lines.column(params.range.end)
    only = list(params.context.only) if params.context.only else None
    actions = []
    if _kind_wanted(types.CodeActionKind.QuickFix.value, only):
        for finding in checked.findings:
            if finding.fix is None or not _overlaps(finding.span, start, end):
                continue
            change = server.checker.fix(checked, finding)
            if change is None:
                server.log(f"targetlint: {finding.code} at {finding.line}:{finding.column}: the fix cannot be applied")
                continue
            safe = finding.fix.safety == FixSafety.SAFE
            actions.append(
                types.CodeAction(
                    title=_fix_title(finding, safe, lang),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[server.diagnostic(finding, lines, lang)],
                    is_preferred=safe,
                    edit=_workspace_edit(server, uri, text_edit(checked.text, change, codec)),
                )
            )
    safe_fixes = any(f.fix is not None and f.fix.safety == FixSafety.SAFE for f in checked.findings)
    if safe_fixes and _kind_wanted(FIX_ALL, only):
        # Editors ask for code actions whenever the cursor moves; fixing the
        # whole file (up to ten checks) waits until this one is chosen, where
        # the client can resolve it, or is asked for by kind.
        fix_all = types.CodeAction(
            title=Message("targetlint：应用全部安全修复", "targetlint: apply all safe fixes").text(lang),
            kind=FIX_ALL,
            data={"uri": uri, "version": _version(server, uri)},
        )
        if _resolves_edits(server):
            actions.append(fix_all)
        elif only and (resolved := resolve_fix_all(server, fix_all)).edit is not None:
            actions.append(resolved)
    return actions


def _version(server: TargetlintServer, uri: str) -> int | None:
    document = server.workspace.text_documents.get(uri)
    return document.version if document is not None else None


def _resolves_edits(server: TargetlintServer) -> bool:
    text_document = server.client_capabilities.text_document
    support = text_document.code_action.resolve_support if text_document and text_document.code_action else None
    return support is not None and "edit" in support.properties


def resolve_fix_all(server: TargetlintServer, action: types.CodeAction) -> types.CodeAction:
    """The fix-all action with its edit, if the document is still the text it was offered for."""
    data = action.data if isinstance(action.data, dict) else {}
    uri = str(data.get("uri", ""))
    if data.get("version") != _version(server, uri) or (checked := server.current(uri)) is None:
        return action  # the document changed since: no edit, the client asks again
    change = server.checker.fix_all(checked)
    if change is not None:
        action.edit = _workspace_edit(server, uri, text_edit(checked.text, change, server.workspace.position_codec))
    return action


def _fix_title(finding: Finding, safe: bool, lang: str) -> str:
    fix = finding.fix
    assert fix is not None
    what_zh = fix.description_zh or f"改为“{fix.replacement}”"
    what_en = fix.description_en or f"replace with “{fix.replacement}”"
    if safe:
        return Message(f"修复 {finding.code}：{what_zh}", f"Fix {finding.code}: {what_en}").text(lang)
    return Message(
        f"修复 {finding.code}（不安全修复，请确认）：{what_zh}",
        f"Fix {finding.code} (unsafe, check the result): {what_en}",
    ).text(lang)


def _workspace_edit(server: TargetlintServer, uri: str, edit: types.TextEdit) -> types.WorkspaceEdit:
    document = server.workspace.text_documents.get(uri)
    capabilities = server.client_capabilities.workspace
    versioned = bool(capabilities and capabilities.workspace_edit and capabilities.workspace_edit.document_changes)
    if versioned and document is not None:
        # The client refuses the edit if the document changed since: no fix lands on other text.
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=document.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=[edit])])
    return types.WorkspaceEdit(changes={uri: [edit]})


def build_server(checker: DocumentChecker, debounce_ms: int = DEFAULT_DEBOUNCE_MS) -> TargetlintServer:
    server = TargetlintServer(checker, debounce_ms)

    @server.feature(types.INITIALIZE)
    def initialize(ls: TargetlintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce_ms = max(0, int(options["debounce"]))
        root = ls.workspace.root_path
        if ls.default_cache and root:
            # Where `targetlint check` run in the workspace keeps it, so each reuses the other's results.
            from targetlint.cache import DEFAULT_DIRECTORY

            ls.checker.cache_directory = os.path.join(root, DEFAULT_DIRECTORY)

    @server.feature(types.INITIALIZED)
    def initialized(ls: TargetlintServer, params: types.InitializedParams) -> None:
        for error in ls.checker.registry.errors:
            ls.log(f"targetlint: plugin {error.plugin} failed to load: {error.error}", types.MessageType.Error)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: TargetlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check_and_publish(params.text_document.uri, saved=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: TargetlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: TargetlintServer, params: types.DidSaveTextDocumentParams) -> None:
        # A saved rule file or profile is not watched: read the configuration again.
        ls.checker.forget_configuration()
        ls.cancel(params.text_document.uri)
        ls.check_and_publish(params.text_document.uri, saved=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: TargetlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.checked.pop(uri, None)
        ls.publish(uri, None)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: TargetlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.guarded("hover", lambda: hover(ls, params))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True),
    )
    def on_code_action(ls: TargetlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        return ls.guarded("code actions", lambda: code_actions(ls, params))

    @server.feature(types.CODE_ACTION_RESOLVE)
    def on_code_action_resolve(ls: TargetlintServer, action: types.CodeAction) -> types.CodeAction:
        return ls.guarded("resolving a code action", lambda: resolve_fix_all(ls, action), action)

    return server


def serve(*, debounce_ms: int | None, lang: str | None, cache_dir: str | None, use_cache: bool = True) -> int:
    """Run the server on standard input and output until the client says exit."""
    from targetlint.config import Overrides
    from targetlint.plugins import load_catalogue

    cache_dir = cache_dir or os.environ.get("TARGETLINT_CACHE_DIR") or None
    from targetlint.i18n import locale_lang

    checker = DocumentChecker(
        load_catalogue(),
        Overrides(lang=lang),
        cache_dir if use_cache else None,
        fallback_lang=locale_lang(os.environ) or "zh",
    )
    server = build_server(checker, DEFAULT_DEBOUNCE_MS if debounce_ms is None else debounce_ms)
    server.default_cache = use_cache and cache_dir is None
    server.start_io()
    return 0
