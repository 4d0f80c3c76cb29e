"""`targetlint check` given a spreadsheet: a clear finding that says what to do
(convert with `targetlint import`, or save an old .xls as .xlsx), never a
YAML parser's confusion over binary bytes."""

from __future__ import annotations

import json
import zipfile

import openpyxl


def _findings(cli, *args):
    result = cli("check", "--no-cache", "--format", "json", *args)
    return result.code, json.loads(result.out)["findings"]


def test_an_xlsx_workbook_is_named_and_import_suggested(cli, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "项目名称"
    workbook.save(tmp_path / "form.xlsx")
    code, findings = _findings(cli, str(tmp_path / "form.xlsx"))
    assert code == 1
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [("TL001", 1, 1)]
    assert "Excel 工作簿" in findings[0]["message"] and "targetlint import" in findings[0]["message"]
    english = cli("check", "--no-cache", "--lang", "en", str(tmp_path / "form.xlsx")).out
    assert "Excel workbook" in english and "targetlint import" in english


def test_an_old_xls_workbook_is_told_to_be_saved_as_xlsx(cli, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    code, findings = _findings(cli, str(tmp_path / "old.xls"))
    assert code == 1
    assert len(findings) == 1 and findings[0]["code"] == "TL001"
    assert ".xls" in findings[0]["message"] and ".xlsx" in findings[0]["message"]


def test_other_zip_files_are_plain_binary_data(cli, tmp_path):
    with zipfile.ZipFile(tmp_path / "notes.yaml", "w") as archive:
        archive.writestr("notes.txt", "不是工作簿")
    code, findings = _findings(cli, str(tmp_path / "notes.yaml"))
    assert code == 1
    assert [f["message"] for f in findings] == ["文件是二进制数据，不是 YAML 文本"]
