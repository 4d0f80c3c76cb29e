"""Workbooks the fuzzer (scripts/fuzz.py) broke ``targetlint import`` with:
each is answered with YAML or a clean error, never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest

from targetlint.importer import run_import

from . import workbooks


def _import(path, tmp_path) -> tuple[int, str]:
    err = io.StringIO()
    code = run_import(
        str(path), str(tmp_path / "out.yaml"), split=False, force=True, stdout=io.StringIO(), stderr=err, lang="en"
    )
    return code, err.getvalue()


@pytest.mark.parametrize("builder", ["department", "areas", "split_columns"])
def test_a_stray_cell_beside_and_below_the_table_is_kept_not_a_crash(tmp_path, builder):
    # A total or page number right of the table's columns, on a row of its
    # own: the row's cells inside the table are all blank.
    book = getattr(workbooks, builder)()
    sheet = book.active
    sheet.cell(row=sheet.max_row + 2, column=sheet.max_column + 1).value = "100"
    book.save(tmp_path / "book.xlsx")
    code, err = _import(tmp_path / "book.xlsx", tmp_path)
    assert code in (0, 1), err
    assert (tmp_path / "out.yaml").exists()


def test_a_workbook_with_a_damaged_part_is_a_clean_error(tmp_path):
    book = workbooks.department()
    whole = tmp_path / "whole.xlsx"
    book.save(whole)
    damaged = tmp_path / "book.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<workbook><sheets" if item.filename == "xl/workbook.xml" else data)
    code, err = _import(damaged, tmp_path)
    assert code == 1
    assert "not a readable .xlsx workbook" in err and "Traceback" not in err
