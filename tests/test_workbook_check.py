"""`targetlint check` given a workbook: it is checked in place (imported in
memory, nothing written) and every finding lands at the cell of the value it
is about, in every output format; a workbook that cannot be read is a finding,
never a traceback; an old .xls is told to be saved as .xlsx."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections import Counter

import jsonschema
import openpyxl
import openpyxl.utils
import pytest

from targetlint.importer import run_import
from targetlint.loader import load as load_yaml
from targetlint.source import decode

from . import workbooks
from .test_formats import _schema

_CELL_SUFFIX = re.compile(r"（[^（）]*![A-Z]+[0-9]+）$")


def _check(cli, *args):
    result = cli("check", "--no-cache", "--format", "json", *args)
    assert "Traceback" not in result.err
    return result.code, json.loads(result.out)


def _yaml_check(cli, tmp_path, workbook):
    """The same table checked the old way: imported to YAML, then the YAML checked."""
    out, err = io.StringIO(), io.StringIO()
    run_import(str(workbook), "-", split=False, force=False, stdout=out, stderr=err)
    path = tmp_path / "imported.yaml"
    path.write_text(out.getvalue(), encoding="utf-8")
    _, document = _check(cli, str(path))
    return out.getvalue(), document["findings"]


def _field_at(declarations, line):
    """(document, "header", key) or (document, row number, form label) of the value written at ``line``."""
    header = {"name": "项目名称", "department_name": "部门名称", "department": "主管部门", "implementer": "实施单位"}
    header["goal"] = "年度总体目标"
    funds = {
        "total": "年度资金申请总额",
        "appropriation": "当年财政拨款",
        "carryover": "上年结转资金",
        "other": "其他资金",
    }
    labels = {"name": "三级指标", "value": "指标值", "unit": "计量单位", "operator": "运算符", "kind": "指标性质"}
    labels |= {
        "weight": "分值",
        "explanation": "指标解释",
        "scoring": "评分标准",
        "value_note": "指标值说明",
        "note": "备注",
    }
    for index, declaration in enumerate(declarations):
        for field, key in header.items():
            span = declaration.spans.get(field)
            if span is not None and span.line <= line <= span.end_line:
                return (index, "header", key)
        for field, key in funds.items():
            span = declaration.funds.spans.get(field) if declaration.funds else None
            if span is not None and span.line == line:
                return (index, "header", f"项目资金.{key}")
        for number, indicator in enumerate(declaration.indicators()):
            for field, label in labels.items():
                span = indicator.spans.get(field)
                if span is not None and span.line == line:
                    return (index, number, label)
    return None


@pytest.mark.parametrize("corpus", workbooks.corpus_files(), ids=lambda path: path.name[:2])
def test_corpus_tables_as_workbooks_have_their_findings_at_the_cells(cli, tmp_path, corpus):
    book, places = workbooks.from_corpus(corpus)
    workbook = tmp_path / "form.xlsx"
    book.save(workbook)
    code, document = _check(cli, str(workbook))
    direct = document["findings"]
    text, by_yaml = _yaml_check(cli, tmp_path, workbook)
    declarations = load_yaml(decode(text.encode("utf-8"), "imported.yaml")).declarations

    # The same findings as the YAML of the same table (import problems, TL002, are the workbook's own) …
    assert Counter((f["code"], _CELL_SUFFIX.sub("", f["message"])) for f in direct if f["code"] != "TL002") == Counter(
        (f["code"], f["message"]) for f in by_yaml if f["code"] != "TL002"
    )
    assert code == (1 if any(f["severity"] == "error" for f in direct) else 0)
    # … each at a cell, named in its message, its row the line and its column number the column …
    for finding in direct:
        assert finding["sheet"] and finding["cell"], finding
        assert finding["message"].endswith(f"（{finding['sheet']}!{finding['cell']}）")
        letters, row = re.fullmatch(r"([A-Z]+)([0-9]+)", finding["cell"]).groups()
        assert finding["line"] == int(row)
        assert finding["column"] == openpyxl.utils.column_index_from_string(letters)
    # … and a finding about a value is at the cell the value was written in.
    checked = 0
    for finding in by_yaml:
        field = _field_at(declarations, finding["line"])
        if field is None or field not in places:
            continue
        sheet, cell = places[field]
        twins = [
            f
            for f in direct
            if f["code"] == finding["code"] and _CELL_SUFFIX.sub("", f["message"]) == finding["message"]
        ]
        assert (sheet, cell) in {(f["sheet"], f["cell"]) for f in twins}, (finding, twins)
        checked += 1
    assert checked == sum(1 for f in by_yaml if _field_at(declarations, f["line"]) in places)


def _saved(tmp_path, build, name="form.xlsx"):
    path = tmp_path / name
    build().save(path)
    return path


def test_import_problems_are_findings_at_their_cells(cli, tmp_path):
    code, document = _check(cli, str(_saved(tmp_path, workbooks.signatures_and_formula)))
    placed = {(f["code"], f["cell"]) for f in document["findings"] if f["code"] == "TL002"}
    # The formula with no saved value (C2), and the approval, seal and note rows below the table.
    assert placed == {("TL002", "C2"), ("TL002", "A8"), ("TL002", "A9"), ("TL002", "A10")}
    formula = next(f for f in document["findings"] if f["cell"] == "C2")
    assert "公式" in formula["message"] and "=C3+C4" in formula["message"]
    assert code == 1  # its missing 一级 are errors
    assert document["summary"]["declarations"] == 1


def test_findings_of_several_sheets_come_under_their_own_projects(cli, tmp_path):
    book = workbooks.split_columns()
    other = workbooks.signatures_and_formula().active
    copy = book.create_sheet(other.title)
    for row in other.iter_rows(values_only=True):
        copy.append(row)
    path = tmp_path / "two.xlsx"
    book.save(path)
    text = cli("check", "--no-cache", str(path)).out
    first, second = text.index("── 项目：基层组织活动经费"), text.index("── 项目：果园路建设")
    assert "（基层组织活动经费!" in text[first:second] and "（申报表!" not in text[first:second]
    assert "（申报表!" in text[second:] and "（基层组织活动经费!" not in text[second:]
    assert "|" not in text.replace("| ", "")  # no YAML excerpt: the cell is in the message


def test_every_format_carries_the_cell(cli, tmp_path):
    path = str(_saved(tmp_path, workbooks.split_columns))
    _, document = _check(cli, path)
    finding = next(f for f in document["findings"] if f["code"] == "TL218")
    assert (finding["sheet"], finding["cell"], finding["line"], finding["column"]) == ("基层组织活动经费", "C8", 8, 3)
    assert finding["value"] == "95"  # the 指标值 cell as written (its ≥ is in the 指标性质 column)
    reference = "基层组织活动经费!C8"
    concise = cli("check", "--no-cache", "--format", "concise", path).out
    assert "form.xlsx:8:3: TL218" in concise and reference in concise
    for output_format in ("github", "gitlab", "junit", "text"):
        assert reference in cli("check", "--no-cache", "--format", output_format, path).out, output_format
    sarif = json.loads(cli("check", "--no-cache", "--format", "sarif", path).out)
    jsonschema.validate(sarif, _schema())
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TL218")
    location = result["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 8
    assert location["physicalLocation"]["region"]["startColumn"] == 3
    assert location["logicalLocations"][0]["fullyQualifiedName"] == reference
    assert location["properties"] == {"sheet": "基层组织活动经费", "cell": "C8"}


def test_a_workbook_without_a_declaration_is_skipped_and_counted(cli, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["姓名", "部门", "电话"])
    book.active.append(["张三", "财务科", "12345"])
    book.save(tmp_path / "names.xlsx")
    code, document = _check(cli, str(tmp_path / "names.xlsx"))
    assert code == 0 and document["findings"] == []
    assert (document["summary"]["files"], document["summary"]["skipped"]) == (1, 1)


def test_directories_walk_workbooks_and_exclude_applies(cli, tmp_path):
    (tmp_path / "forms").mkdir()
    _saved(tmp_path / "forms", workbooks.split_columns, "a.xlsx")
    _saved(tmp_path / "forms", workbooks.department, "b.xlsx")
    (tmp_path / "forms" / "~$a.xlsx").write_bytes(b"\x00lock")  # Excel's lock file: not a workbook
    listed = cli("check", "--show-files", str(tmp_path / "forms")).out.split()
    assert [os.path.basename(p) for p in listed] == ["a.xlsx", "b.xlsx"]
    (tmp_path / ".targetlint.yaml").write_text('exclude: ["b.xlsx"]\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    listed = cli("check", "--show-files", str(tmp_path / "forms")).out.split()
    assert [os.path.basename(p) for p in listed] == ["a.xlsx"]


def _zip(path, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _bad(cli, path, words):
    code, document = _check(cli, str(path))
    assert code == 1
    assert [f["code"] for f in document["findings"]] == ["TL001"]
    assert all(word in document["findings"][0]["message"] for word in words), document["findings"][0]["message"]


def test_a_corrupt_workbook_is_a_finding(cli, tmp_path):
    good = _saved(tmp_path, workbooks.split_columns, "good.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(good[: len(good) // 2])
    _bad(cli, tmp_path / "cut.xlsx", ["损坏"])
    (tmp_path / "text.xlsx").write_bytes("项目名称: 不是工作簿\n".encode())
    _bad(cli, tmp_path / "text.xlsx", ["损坏"])
    _zip(tmp_path / "garbage.xlsx", {"[Content_Types].xml": "<x", "xl/workbook.xml": "<not xml"})
    _bad(cli, tmp_path / "garbage.xlsx", ["无法读取"])


def test_a_password_protected_workbook_is_a_finding(cli, tmp_path):
    # Excel saves an encrypted .xlsx as an OLE2 compound file holding EncryptedInfo and EncryptedPackage streams.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(50) + "EncryptedPackage".encode("utf-16-le")
    (tmp_path / "secret.xlsx").write_bytes(header + directory + bytes(1024))
    _bad(cli, tmp_path / "secret.xlsx", ["密码"])


def test_a_50_mb_workbook_is_a_finding(cli, tmp_path):
    noise = os.urandom(1024 * 1024)
    _zip(
        tmp_path / "huge.xlsx",
        {"xl/workbook.xml": "<workbook/>", **{f"xl/media/{i}.bin": noise for i in range(50)}},
        zipfile.ZIP_STORED,
    )
    assert (tmp_path / "huge.xlsx").stat().st_size > 50 * 1024 * 1024
    _bad(cli, tmp_path / "huge.xlsx", ["过大"])


def test_a_zip_bomb_posing_as_a_workbook_is_a_finding(cli, tmp_path):
    zeros = bytes(64 * 1024 * 1024)
    _zip(
        tmp_path / "bomb.xlsx",
        {"xl/workbook.xml": "<workbook/>", **{f"xl/worksheets/sheet{i}.xml": zeros for i in range(4)}},
    )
    assert (tmp_path / "bomb.xlsx").stat().st_size < 2 * 1024 * 1024
    _bad(cli, tmp_path / "bomb.xlsx", ["解压后过大"])


def test_an_old_xls_workbook_is_told_to_be_saved_as_xlsx(cli, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    code, document = _check(cli, str(tmp_path / "old.xls"))
    assert code == 1
    (finding,) = document["findings"]
    assert finding["code"] == "TL001" and ".xls" in finding["message"] and ".xlsx" in finding["message"]


def test_other_zip_files_are_plain_binary_data(cli, tmp_path):
    _zip(tmp_path / "notes.yaml", {"notes.txt": "不是工作簿"})
    code, document = _check(cli, str(tmp_path / "notes.yaml"))
    assert code == 1
    assert [f["message"] for f in document["findings"]] == ["文件是二进制数据，不是 YAML 文本"]


def test_fix_refuses_a_workbook_and_leaves_it_unchanged(cli, tmp_path):
    path = _saved(tmp_path, workbooks.split_columns)
    before = path.read_bytes()
    result = cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(path))
    assert "Excel" in result.err and "未修复" in result.err
    assert path.read_bytes() == before
    assert "基层组织活动经费!C8" in result.out  # still checked


def test_checking_a_workbook_writes_nothing(cli, tmp_path):
    path = _saved(tmp_path, workbooks.areas)
    cli("check", "--no-cache", str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.xlsx"]


def test_a_workbook_on_standard_input_is_checked_in_place(cli, tmp_path):
    data = _saved(tmp_path, workbooks.split_columns).read_bytes()
    result = cli("check", "--no-cache", "--format", "json", "--stdin-filename", "form.xlsx", "-", stdin=data)
    findings = json.loads(result.out)["findings"]
    assert result.code == 0 or result.code == 1
    assert ("TL218", "基层组织活动经费", "C8") in {(f["code"], f["sheet"], f["cell"]) for f in findings}


def test_a_declaration_sheet_without_an_indicator_table_fails_clearly(cli, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["项目名称", "果园路建设"])
    book.active.append(["年度总体目标", "建设果园路2公里。"])
    book.save(tmp_path / "form.xlsx")
    code, document = _check(cli, str(tmp_path / "form.xlsx"))
    assert code == 1
    (said,) = [f for f in document["findings"] if f["code"] == "TL002"]
    assert "没有找到绩效指标表" in said["message"] and (said["sheet"], said["cell"]) == ("Sheet", "A1")
    assert any(f["code"] == "TL101" and f["severity"] == "error" for f in document["findings"])


def test_the_reports_locate_findings_at_their_cells(cli, tmp_path):
    path = str(_saved(tmp_path, workbooks.split_columns))
    cli("check", "--no-cache", "--format", "xlsx", "-o", str(tmp_path / "findings.xlsx"), path)
    rows = list(openpyxl.load_workbook(tmp_path / "findings.xlsx").worksheets[0].iter_rows(values_only=True))
    where = rows[0].index("位置")
    assert any(str(row[where]).endswith("form.xlsx 基层组织活动经费!C8") for row in rows[1:])
    cli("check", "--no-cache", "--format", "html", "-o", str(tmp_path / "report.html"), path)
    assert "基层组织活动经费!C8" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_projects_listed_on_one_sheet_each_hold_their_own_rows(cli, tmp_path):
    path = str(_saved(tmp_path, workbooks.several_projects))
    rows = json.loads(
        cli("check", "--no-cache", "--statistics", "--statistics-by", "project", "--format", "json", path).out
    )
    _, document = _check(cli, path)
    by_name = Counter(f["declaration"] for f in document["findings"])
    counted = {row["project"]: row["error"] + row["warning"] + row["info"] for row in rows}
    # Each project holds its own findings (and the sheet's notes on its rows), none the other's.
    assert set(counted) == {"村组干部报酬", "基层组织活动经费"}
    assert all(counted[name] >= by_name[name] > 0 for name in counted), (counted, by_name)
    assert sum(counted.values()) == len(document["findings"])
