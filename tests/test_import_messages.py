"""Every ``targetlint import`` message speaks the user's language: Chinese by
default, English with ``--lang en``, with a configuration's ``lang: en`` (found
the way ``check`` finds its own) or under an English locale. The locale is
neutral (``LANG=C.UTF-8``) unless a test sets one (tests/conftest.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("openpyxl")

from . import workbooks

_LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def workbook(tmp_path, monkeypatch):
    """A workbook whose import says something of every kind: a row kept in
    其他, a footer, a formula with no saved value, a sheet skipped, the summary."""
    monkeypatch.chdir(tmp_path)  # no configuration of the repository governs it
    book = workbooks.signatures_and_formula()
    book.create_sheet("说明")["A1"] = "填表说明"
    path = tmp_path / "form.xlsx"
    book.save(path)
    return path


def _import(cli, *args):
    result = cli("import", *args)
    assert "Traceback" not in result.err
    return result


def test_chinese_by_default(cli, workbook):
    result = _import(cli, str(workbook), "-o", "-")
    assert result.code == 0
    err = result.err
    assert (
        f"{workbook}:申报表!A8: 无法归位的行（表格下方的审核、签章、日期或说明，不是指标）：主管部门审核意见 | 同意"
        in err
    )
    assert "（保留在 其他 中）" in err
    assert f"{workbook}:申报表!C2: 警告：公式 =C3+C4 没有保存的计算结果" in err
    assert f"targetlint import: 提示：{workbook}:说明: 没有“项目名称”行，已跳过该工作表" in err
    assert "targetlint import: 1 份申报表，1 个指标 → 标准输出；3 行保留在 其他 中" in err
    # Not one English sentence among them.
    for english in ("could not", "kept in 其他)", "warning:", "note:", "declaration(s)", "standard output"):
        assert english not in err


def test_english_with_lang_en(cli, workbook):
    err = _import(cli, str(workbook), "-o", "-", "--lang", "en").err
    assert f"{workbook}:申报表!A8: could not place row (a footer, not an indicator)" in err
    assert f"{workbook}:申报表!C2: warning: the formula =C3+C4 has no saved value" in err
    assert f"targetlint import: note: {workbook}:说明: no 项目名称 row; sheet skipped" in err
    assert "targetlint import: 1 declaration(s), 1 indicator(s) → standard output; 3 row(s) kept in 其他" in err
    assert "无法归位" not in err and "份申报表" not in err


@pytest.mark.parametrize("variable", _LOCALE)
def test_english_under_an_english_locale(cli, workbook, monkeypatch, variable):
    monkeypatch.setenv(variable, "en_US.UTF-8")
    if variable != "LANG":
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the more specific variable wins
    assert "1 declaration(s), 1 indicator(s)" in _import(cli, str(workbook), "-o", "-").err
    # --lang beats the locale.
    assert "1 份申报表，1 个指标" in _import(cli, str(workbook), "-o", "-", "--lang", "zh").err


def test_the_configuration_lang_as_check_reads_it(cli, workbook, tmp_path):
    (tmp_path / ".targetlint.yaml").write_text("lang: en\n", encoding="utf-8")
    assert "1 declaration(s), 1 indicator(s)" in _import(cli, str(workbook), "-o", "-").err


def test_errors_in_both_languages(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "none.xlsx"
    assert _import(cli, str(missing)).err == f"targetlint import: {missing}：文件不存在\n"
    assert _import(cli, str(missing), "--lang", "en").err == f"targetlint import: {missing}: no such file\n"
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert "文件为空" in _import(cli, str(empty)).err
    source = tmp_path / "form.xlsx"
    workbooks.split_columns().save(source)
    zh = _import(cli, str(source), "--split", "-o", "-")
    en = _import(cli, str(source), "--split", "-o", "-", "--lang", "en")
    assert (zh.code, en.code) == (2, 2)
    assert "--split 为每份申报表写一个文件" in zh.err and "--split writes one file per declaration" in en.err
    assert _import(cli, str(source), "-o", str(tmp_path / "out.yaml")).code == 0
    again = _import(cli, str(source), "-o", str(tmp_path / "out.yaml"))
    assert again.code == 2 and "已存在，不覆盖（覆盖请加 --force）" in again.err


def test_the_import_subcommand_help_in_both_languages(cli):
    zh, en = cli("import", "--help"), cli("import", "--help", "--lang", "en")
    assert "输出文件或目录" in zh.out and "output file or directory" not in zh.out
    assert "output file or directory" in en.out
    assert "--lang {zh,en}" in zh.out


def test_python_m_targetlint_importer_is_the_same_command(tmp_path, capsys, monkeypatch):
    from targetlint.importer.__main__ import main

    monkeypatch.chdir(tmp_path)
    assert main([str(tmp_path / "none.xlsx")]) == 1
    assert "文件不存在" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help", "--lang", "en"])
    assert "output file or directory" in capsys.readouterr().out
