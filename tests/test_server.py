"""``targetlint server`` in a real LSP session: the server runs as a subprocess
and this side speaks raw JSON-RPC over its standard input and output, as an
editor does (tests/lsp_client.py)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, TRAINING_DECLARATION
from tests.lsp_client import LspClient

SEVERITY = {"error": 1, "warning": 2, "info": 3}  # LSP's DiagnosticSeverity

# TRAINING_DECLARATION's three defects (TL203 on a bare 5, TL201 ≥250 on a
# rate, TL207 提高), plus a safe fix (TL213 >=) and an unsafe one (TL203 on a rate).
DEFECTIVE = TRAINING_DECLARATION.replace("≥90%", '">=90%"').replace(
    "指标值: 提高\n", "指标值: 提高\n      - 三级指标: 问题整改率\n        指标值: 100\n"
)


EDITOR_CAPABILITIES = {"workspace": {"workspaceEdit": {"documentChanges": True}}}


def start(root: Path, *args: str, capabilities: dict | None = None) -> LspClient:
    client = LspClient([sys.executable, "-m", "targetlint", "server", *args], cwd=root)
    result = client.request(
        "initialize",
        {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities or EDITOR_CAPABILITIES},
    )
    assert result["serverInfo"]["name"] == "targetlint"
    client.notify("initialized", {})
    return client


@pytest.fixture
def session(tmp_path):
    clients: list[LspClient] = []

    def open_session(*args: str, capabilities: dict | None = None) -> LspClient:
        clients.append(start(tmp_path, *args, capabilities=capabilities))
        return clients[-1]

    yield open_session
    for client in clients:
        client.kill()


def open_document(client: LspClient, path: Path, text: str | None = None, version: int = 1) -> list[dict]:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8") if text is None else text
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": version, "text": text}}
    )
    return client.diagnostics(uri, version)


def change(client: LspClient, path: Path, text: str, version: int) -> list[dict]:
    uri = path.as_uri()
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
    )
    return client.diagnostics(uri, version)


def cli_findings(cli, path: Path) -> list[dict]:
    """What `targetlint check --format json` reports for ``path``."""
    done = cli("check", "--format", "json", "--no-cache", str(path))
    assert done.code in (0, 1), done.err
    return json.loads(done.out)["findings"]


def as_lsp(finding: dict) -> dict:
    """A CLI finding as the diagnostic the server should publish: 0-based
    lines, and columns in UTF-16 code units (these lines are in the BMP)."""
    return {
        "code": finding["code"],
        "range": {
            "start": {"line": finding["line"] - 1, "character": finding["column"] - 1},
            "end": {"line": finding["end_line"] - 1, "character": finding["end_column"] - 1},
        },
        "severity": SEVERITY[finding["severity"]],
        "message": finding["message"],
    }


def shown(diagnostics: list[dict]) -> list[dict]:
    return [{key: d[key] for key in ("code", "range", "severity", "message")} for d in diagnostics]


def offset(text: str, position: dict) -> int:
    """An LSP position (UTF-16 units) as an offset into ``text``."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position["line"]])
    units = 0
    column = 0
    line = lines[position["line"]] if position["line"] < len(lines) else ""
    while units < position["character"]:
        units += 2 if ord(line[column]) > 0xFFFF else 1
        column += 1
    return start + column


def apply(text: str, workspace_edit: dict, uri: str, version: int) -> str:
    """Apply a WorkspaceEdit as an editor does (edits are against the same text)."""
    (document_edit,) = workspace_edit["documentChanges"]
    assert document_edit["textDocument"] == {"uri": uri, "version": version}
    edits = sorted(document_edit["edits"], key=lambda e: offset(text, e["range"]["start"]), reverse=True)
    for edit in edits:
        start, end = offset(text, edit["range"]["start"]), offset(text, edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def test_session_diagnostics_fixes_change_and_shutdown(cli, session, tmp_path):
    path = tmp_path / "declaration.yaml"
    path.write_text(DEFECTIVE, encoding="utf-8")
    uri = path.as_uri()
    expected = [as_lsp(f) for f in cli_findings(cli, path)]
    assert {f["code"] for f in expected} >= {"TL201", "TL203", "TL207", "TL213"}

    client = session("--debounce", "50")
    # 1–2. open: diagnostics at the exact places, severities and messages the CLI reports.
    diagnostics = open_document(client, path)
    assert shown(diagnostics) == expected
    assert all(d["source"] == "targetlint" for d in diagnostics)

    # Hover over a diagnostic: the rule's documentation, as `targetlint rule` prints it.
    tl201 = next(d for d in diagnostics if d["code"] == "TL201")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": tl201["range"]["start"]})
    rule_doc = cli("rule", "TL201").out.split("\n\n", 1)[1].strip()
    assert hover["contents"]["kind"] == "markdown"
    assert rule_doc in hover["contents"]["value"]
    # Nothing to say where there is no finding (the first line's key).
    assert (
        client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        is None
    )

    # 3. code actions: the unsafe fix is offered, marked and not preferred...
    rate_line = DEFECTIVE.split("\n").index("        指标值: 100")
    tl203_rate = next(d for d in diagnostics if d["code"] == "TL203" and d["range"]["start"]["line"] == rate_line)
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": tl203_rate["range"], "context": {"diagnostics": [tl203_rate]}},
    )
    (unsafe,) = [a for a in actions if a["kind"] == "quickfix"]
    assert "不安全" in unsafe["title"] and unsafe["isPreferred"] is False
    assert unsafe["diagnostics"][0]["code"] == "TL203"
    # ...and the safe one is applied through its workspace edit.
    tl213 = next(d for d in diagnostics if d["code"] == "TL213")
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": tl213["range"], "context": {"diagnostics": [tl213]}},
    )
    (safe,) = [a for a in actions if a["kind"] == "quickfix"]
    assert safe["isPreferred"] is True and safe["diagnostics"][0]["code"] == "TL213"
    fixed = apply(DEFECTIVE, safe["edit"], uri, 1)
    assert fixed == DEFECTIVE.replace('">=90%"', '"≥90%"')
    after_fix = change(client, path, fixed, 2)
    assert [d["code"] for d in after_fix] == [d["code"] for d in diagnostics if d["code"] != "TL213"]

    # 4. change the value: TL201 disappears, the rest stay where they were.
    corrected = fixed.replace("≥250", "≥95%")
    after_change = change(client, path, corrected, 3)
    assert "TL201" not in {d["code"] for d in after_change}
    assert shown(after_change) == [d for d in shown(after_fix) if d["code"] != "TL201"]

    # 5. shutdown and exit: exit code 0, nothing on stderr but logging.
    assert client.close() == 0
    assert b"Traceback" not in client.process.stderr.read()


def test_a_seed_declaration_shows_what_check_reports(cli, session):
    # 26 real declarations: every finding `check` reports, at the same place, in the same words.
    (seed,) = (FIXTURES / "seed").glob("*.yaml")
    expected = [as_lsp(f) for f in cli_findings(cli, seed)]
    assert len(expected) > 100
    client = session()
    assert shown(open_document(client, seed)) == expected


def test_open_and_save_check_the_file_as_check_reads_it(cli, session, tmp_path):
    # A GB18030 file: the editor holds its text, check reads its bytes (TL005).
    path = tmp_path / "declaration.yaml"
    path.write_bytes(TRAINING_DECLARATION.encode("gb18030"))
    expected = [as_lsp(f) for f in cli_findings(cli, path)]
    assert "TL005" in {f["code"] for f in expected}
    client = session("--debounce", "5000")  # the save, not the typing, triggers the check below
    assert shown(open_document(client, path, TRAINING_DECLARATION)) == expected
    # Edited and saved (in the same encoding): checked from disk again, TL201 gone.
    fixed = TRAINING_DECLARATION.replace("≥250", "≥95%")
    uri = path.as_uri()
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}
    )
    path.write_bytes(fixed.encode("gb18030"))
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    saved = client.diagnostics(uri, 2)
    assert shown(saved) == [as_lsp(f) for f in cli_findings(cli, path)]
    assert "TL005" in {d["code"] for d in saved} and "TL201" not in {d["code"] for d in saved}


def test_fix_all_applies_only_safe_fixes(cli, session, tmp_path):
    path = tmp_path / "declaration.yaml"
    path.write_text(DEFECTIVE, encoding="utf-8")
    client = session()
    open_document(client, path)
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": path.as_uri()},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        },
    )
    (fix_all,) = actions
    assert fix_all["kind"] == "source.fixAll.targetlint"
    fixed = apply(DEFECTIVE, fix_all["edit"], path.as_uri(), 1)
    # What `targetlint check --fix` writes (safe fixes only: the bare 100 stays).
    assert cli("check", "--fix", "--no-cache", str(path)).code == 1
    assert fixed == path.read_text(encoding="utf-8") != DEFECTIVE
    assert "指标值: 100\n" in fixed


def test_fix_all_is_resolved_only_when_chosen(session, tmp_path):
    # Editors ask for code actions at every cursor move: a client that can
    # resolve gets the fix-all action without its edit, computed on resolve.
    path = tmp_path / "declaration.yaml"
    path.write_text(DEFECTIVE, encoding="utf-8")
    capabilities = {
        **EDITOR_CAPABILITIES,
        "textDocument": {"codeAction": {"resolveSupport": {"properties": ["edit"]}}},
    }
    client = session(capabilities=capabilities)
    open_document(client, path)
    start = {"line": 0, "character": 0}
    request = {"textDocument": {"uri": path.as_uri()}, "range": {"start": start, "end": start}}
    (offered,) = client.request("textDocument/codeAction", {**request, "context": {"diagnostics": []}})
    assert offered["kind"] == "source.fixAll.targetlint" and "edit" not in offered
    resolved = client.request("codeAction/resolve", offered)
    assert apply(DEFECTIVE, resolved["edit"], path.as_uri(), 1) == DEFECTIVE.replace('">=90%"', '"≥90%"')
    # A client that cannot resolve gets it only when it asks for that kind.
    plain = session()
    open_document(plain, path)
    assert plain.request("textDocument/codeAction", {**request, "context": {"diagnostics": []}}) == []


def test_positions_in_utf16_code_units(cli, session, tmp_path):
    # An astral character before the value: one code point, two UTF-16 units.
    text = TRAINING_DECLARATION.replace(
        "      - 三级指标: 培训人数达标率\n        指标值: ≥250\n",
        "      - {三级指标: 𠀀培训人数达标率, 指标值: ≥250}\n",
    )
    path = tmp_path / "declaration.yaml"
    path.write_text(text, encoding="utf-8")
    (tl201,) = [f for f in cli_findings(cli, path) if f["code"] == "TL201"]
    client = session()
    (diagnostic,) = [d for d in open_document(client, path) if d["code"] == "TL201"]
    assert diagnostic["range"]["start"] == {"line": tl201["line"] - 1, "character": tl201["column"]}
    assert diagnostic["range"]["end"] == {"line": tl201["end_line"] - 1, "character": tl201["end_column"]}


def test_configuration_is_discovered_per_file_and_reread(cli, session, tmp_path):
    strict, plain = tmp_path / "strict", tmp_path / "plain"
    for folder in (strict, plain):
        folder.mkdir()
        (folder / "declaration.yaml").write_text(TRAINING_DECLARATION, encoding="utf-8")
    (strict / ".targetlint.yaml").write_text("ignore: [TL201]\nseverity:\n  TL207: error\n", encoding="utf-8")
    client = session()
    for folder in (strict, plain):
        path = folder / "declaration.yaml"
        assert shown(open_document(client, path)) == [as_lsp(f) for f in cli_findings(cli, path)]
    # The configuration changes while the server runs: the next check uses it.
    (strict / ".targetlint.yaml").write_text("ignore: [TL207]\n", encoding="utf-8")
    path = strict / "declaration.yaml"
    diagnostics = change(client, path, TRAINING_DECLARATION + "\n", 2)
    assert {d["code"] for d in diagnostics} == {f["code"] for f in cli_findings(cli, path)}
    assert "TL201" in {d["code"] for d in diagnostics} and "TL207" not in {d["code"] for d in diagnostics}


def test_bad_configuration_is_shown_and_logged(session, tmp_path):
    (tmp_path / ".targetlint.yaml").write_text("selct: [ALL]\n", encoding="utf-8")
    path = tmp_path / "declaration.yaml"
    path.write_text(TRAINING_DECLARATION, encoding="utf-8")
    client = session()
    (diagnostic,) = open_document(client, path)
    assert "配置文件有误" in diagnostic["message"] and "selct" in diagnostic["message"]
    assert any("selct" in message for message in client.log_messages())


def test_bad_input_never_stops_the_server(cli, session, tmp_path):
    path = tmp_path / "declaration.yaml"
    client = session("--debounce", "0")
    assert open_document(client, path, "") == []
    half_typed = "项目名称: 培训\n绩效指标:\n  产出指标:\n    数量指标:\n      - 三级指标: [培训场次\n"
    binary = "\x00\x01\x02 not text \x00" * 50
    huge = TRAINING_DECLARATION * 20_000  # ~8 MB: over the check's 1 MB limit
    for version, text in enumerate((half_typed, binary, huge, "\ud800 lone surrogate\n"), start=2):
        diagnostics = change(client, path, text, version)
        assert diagnostics and diagnostics[0]["code"] in ("TL001", "TL004", "TL005"), diagnostics
    # Still answering, and right, after all that.
    assert shown(change(client, path, TRAINING_DECLARATION, 10)) == [
        as_lsp(f) for f in cli_findings(cli, _written(tmp_path, TRAINING_DECLARATION))
    ]
    assert client.close() == 0


def _written(folder: Path, text: str) -> Path:
    path = folder / "again.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_internal_errors_go_to_the_clients_log(tmp_path):
    # A check that raises (here: made to, for text holding BOOM) must not stop
    # the server: the traceback goes to the client's log, the file says it was
    # not checked, and the next edit is checked as usual.
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import targetlint.editor as editor\n"
        "real = editor.lint_document\n"
        "def failing(path, text, plan, cache=None):\n"
        "    if 'BOOM' in text:\n"
        "        raise RuntimeError('BOOM inside the check')\n"
        "    return real(path, text, plan, cache)\n"
        "editor.lint_document = failing\n",
        encoding="utf-8",
    )
    client = LspClient(
        [sys.executable, "-m", "targetlint", "server", "--debounce", "0"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(hooks)},
    )
    try:
        client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        path = tmp_path / "declaration.yaml"
        (failed,) = open_document(client, path, TRAINING_DECLARATION + "# BOOM\n")
        assert failed["severity"] == 1 and "内部错误" in failed["message"]
        assert any("RuntimeError: BOOM inside the check" in m for m in client.log_messages())
        assert {d["code"] for d in change(client, path, TRAINING_DECLARATION, 2)} >= {"TL201", "TL207"}
        assert client.close() == 0
    finally:
        client.kill()


def test_typing_is_debounced(session, tmp_path):
    path = tmp_path / "declaration.yaml"
    path.write_text(TRAINING_DECLARATION, encoding="utf-8")
    client = session("--debounce", "400")
    open_document(client, path)
    uri = path.as_uri()
    for version in range(2, 7):  # five quick keystrokes
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": TRAINING_DECLARATION}]},
        )
    published = client.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics")
    assert published["params"]["version"] == 6  # one check, after the last


def test_server_without_pygls_says_how_to_install_it(cli, monkeypatch):
    # As if the `server` extra were not installed: importing pygls fails.
    for module in ("pygls", "pygls.lsp.server", "lsprotocol", "lsprotocol.types"):
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.delitem(sys.modules, "targetlint.server", raising=False)
    done = cli("server")
    assert done.code == 2
    assert "pip install 'targetlint[server]'" in done.err


def test_an_english_locale_gives_english_diagnostics_unless_configured(session, tmp_path, monkeypatch):
    path = tmp_path / "d.yaml"
    path.write_text(TRAINING_DECLARATION, encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    client = session()
    english = {d["code"]: d["message"] for d in open_document(client, path)}
    assert english["TL201"].startswith("rate indicator '培训人数达标率' has a count"), english["TL201"]
    (tmp_path / ".targetlint.yaml").write_text("lang: zh\n", encoding="utf-8")
    chinese = {d["code"]: d["message"] for d in change(client, path, TRAINING_DECLARATION + "\n", 2)}
    assert chinese["TL201"].startswith("比率指标“培训人数达标率”的值是数量"), chinese["TL201"]
