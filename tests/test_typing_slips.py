"""Errors people will make (issue 16, points 6 and 7): a full-width colon after
a key, a tab in the indentation, and values with their unit written in."""

from __future__ import annotations

from .conftest import TRAINING_DECLARATION


def _concise(cli, path, *extra):
    return cli("check", "--no-cache", "--format", "concise", *extra, str(path))


def test_a_full_width_colon_after_a_key_is_named_at_its_place(cli, write):
    # The slip is on line 8; the parser only notices on line 9, a correct line.
    text = TRAINING_DECLARATION.replace("      - 三级指标: 培训人数达标率", "      - 三级指标：培训人数达标率")
    result = _concise(cli, write("d.yaml", text))
    assert result.code == 1
    assert "d.yaml:8:13: TL001 [错误] 第 8 行的键后用了全角冒号“：”，YAML 需要半角冒号和空格“: ”" in result.out, (
        result.out
    )
    assert "while scanning" not in result.out and "mapping values" not in result.out
    english = _concise(cli, write("d.yaml", text), "--lang", "en")
    assert "line 8: full-width colon '：' after the key" in english.out


def test_a_full_width_colon_on_a_top_level_key(cli, write):
    text = TRAINING_DECLARATION.replace("项目名称: 培训项目", "项目名称：培训项目")
    result = _concise(cli, write("d.yaml", text))
    assert "d.yaml:1:5: TL001" in result.out and "全角冒号" in result.out, result.out


def test_the_full_width_colon_fix_is_safe_and_restores_the_file(cli, write):
    text = TRAINING_DECLARATION.replace("      - 三级指标: 培训人数达标率", "      - 三级指标：培训人数达标率")
    text = text.replace("项目名称: 培训项目", "项目名称：培训项目")
    path = write("d.yaml", text)
    result = cli("check", "--no-cache", "--fix", "--format", "concise", str(path))
    assert path.read_text(encoding="utf-8") == TRAINING_DECLARATION, result
    assert "TL001" not in result.out and "TL201" in result.out


def test_a_full_width_colon_inside_a_value_is_left_alone(cli, write):
    text = TRAINING_DECLARATION.replace("项目名称: 培训项目", "项目名称: 培训项目\n年度总体目标: 一是：完成培训")
    result = _concise(cli, write("d.yaml", text))
    assert "TL001" not in result.out


def test_a_tab_in_the_indentation_is_named_as_a_tab(cli, write):
    text = TRAINING_DECLARATION.replace("  效益指标:", "\t效益指标:")
    result = _concise(cli, write("d.yaml", text))
    assert result.code == 1
    assert "d.yaml:10:1: TL001 [错误] 第 10 行的缩进用了制表符（Tab），YAML 的缩进只能用空格" in result.out, result.out


def test_a_year_with_its_unit_suggests_the_number_with_a_safe_fix(cli, write):
    path = write("d.yaml", "申报年度: 2024年\n" + TRAINING_DECLARATION)
    result = _concise(cli, path)
    assert "d.yaml:1:7: TL004" in result.out and "是否应为 2024？" in result.out, result.out
    cli("check", "--no-cache", "--fix", str(path))
    assert path.read_text(encoding="utf-8").startswith("申报年度: 2024\n") or path.read_text(
        encoding="utf-8"
    ).startswith('申报年度: "2024"\n')
    assert "TL004" not in _concise(cli, path).out


FUNDS = "项目资金:\n  年度资金申请总额: {total}\n  当年财政拨款: 1500000\n"


def test_an_amount_in_wan_yuan_is_an_unsafe_fix(cli, write):
    path = write("d.yaml", FUNDS.format(total="150万元") + TRAINING_DECLARATION)
    result = _concise(cli, path)
    assert "d.yaml:2:13: TL004" in result.out and "是否应为 1500000？" in result.out, result.out
    cli("check", "--no-cache", "--fix", str(path))
    assert "150万元" in path.read_text(encoding="utf-8")  # unsafe: not applied by --fix alone
    cli("check", "--no-cache", "--fix", "--unsafe-fixes", str(path))
    assert "150万元" not in path.read_text(encoding="utf-8")
    assert "TL004" not in _concise(cli, path).out


def test_an_amount_with_thousands_separators_is_fixed(cli, write):
    path = write("d.yaml", FUNDS.format(total='"1,500,000.00"') + TRAINING_DECLARATION)
    result = _concise(cli, path)
    assert "是否应为 1500000.00？" in result.out, result.out
    cli("check", "--no-cache", "--fix", str(path))
    assert "1,500,000.00" not in path.read_text(encoding="utf-8")
    assert "TL004" not in _concise(cli, path).out
