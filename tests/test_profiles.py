"""The shipped profiles judge the same declarations differently, as their
policy bases say they should."""

from __future__ import annotations

import json

import pytest

from targetlint.profiles import ProfileError, list_profiles, load_profile

COST_MISSING = """\
申报年度: 2025
项目名称: 培训项目
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训人数
        指标值: ≥200人
  效益指标:
    社会效益指标:
      - 三级指标: 持证上岗率
        指标值: ≥90%
  满意度指标:
    服务对象满意度指标:
      - 三级指标: 学员满意度
        指标值: ≥90%
"""
# The older layout: 成本 as a 二级 under 产出.
COST_UNDER_OUTPUT = COST_MISSING.replace(
    """  效益指标:""",
    """    成本指标:
      - 三级指标: 人均培训成本
        指标值: ≤300元/人
  效益指标:""",
)
# The newer layout: 成本 as a 一级, but 经济成本 counted in people.
COST_LEVEL1_WRONG_UNIT = (
    COST_MISSING
    + """\
  成本指标:
    经济成本指标:
      - 三级指标: 人均培训成本
        指标值: ≤300人
"""
)
COST_LEVEL1 = COST_LEVEL1_WRONG_UNIT.replace("≤300人", "≤300元/人")


def _codes(cli, write, text: str, *args: str) -> list[tuple[str, int, int, str]]:
    path = write("decl.yaml", text)
    result = cli("check", "--format", "json", "--exit-zero", *args, str(path))
    assert result.code == 0, result.err
    return [
        (f["code"], f["line"], f["column"], f["severity"])
        for f in json.loads(result.out)["findings"]
        if f["code"][2:3] == "X" or f["code"] == "TL102"
    ]


def test_shipped_profiles():
    assert {"default", "central-2021", "shanghai-2025"} <= set(list_profiles())
    for name in list_profiles():
        profile = load_profile(name)
        assert profile.name == name and profile.title_zh and profile.basis


def test_a_2025_declaration_without_cost(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    # The catalog: a missing cost indicator is a warning.
    assert _codes(cli, write, COST_MISSING, "--profile", "default") == [("TL102", 3, 1, "warning")]
    # 财预〔2021〕101号 asks for a cost-control requirement: a warning that cites it, once.
    assert _codes(cli, write, COST_MISSING, "--profile", "central-2021") == [("CNX001", 3, 1, "warning")]
    # Shanghai from 2025: no cost indicator at all is an error.
    assert _codes(cli, write, COST_MISSING, "--profile", "shanghai-2025") == [("TL102", 3, 1, "error")]


def test_cost_under_output_is_the_older_layout(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert _codes(cli, write, COST_UNDER_OUTPUT, "--profile", "default") == []
    assert _codes(cli, write, COST_UNDER_OUTPUT, "--profile", "central-2021") == []
    # Cost only as a 二级 under 产出 does not meet Shanghai's 2025 layout.
    assert _codes(cli, write, COST_UNDER_OUTPUT, "--profile", "shanghai-2025") == [("SHX001", 3, 1, "error")]


def test_economic_cost_must_be_money_in_shanghai(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert _codes(cli, write, COST_LEVEL1_WRONG_UNIT, "--profile", "central-2021") == []
    assert _codes(cli, write, COST_LEVEL1_WRONG_UNIT, "--profile", "shanghai-2025") == [
        ("SHX004", 17, 5, "error"),  # 经济成本 holds no money indicator: at its key
        ("SHX003", 19, 14, "error"),  # the value counted in people
    ]
    assert _codes(cli, write, COST_LEVEL1, "--profile", "shanghai-2025") == []


def test_shanghai_rules_start_in_2025(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    # Before 2025 the catalog's warning stands and the Shanghai rules stay quiet.
    assert _codes(
        cli, write, COST_MISSING.replace("申报年度: 2025", "申报年度: 2024"), "--profile", "shanghai-2025"
    ) == [("TL102", 3, 1, "warning")]
    assert (
        _codes(cli, write, COST_UNDER_OUTPUT.replace("申报年度: 2025", "申报年度: 2024"), "--profile", "shanghai-2025")
        == []
    )


def test_profile_from_configuration_and_layering(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write(".targetlint.yaml", "profile: shanghai-2025\nseverity:\n  SHX001: warning\n")
    assert _codes(cli, write, COST_UNDER_OUTPUT) == [("SHX001", 3, 1, "warning")]
    # The command line's profile beats the configuration's.
    write(".targetlint.yaml", "profile: shanghai-2025\n")
    assert _codes(cli, write, COST_MISSING, "--profile", "central-2021") == [("CNX001", 3, 1, "warning")]
    write(".targetlint.yaml", "profile: shanghai-2025\nignore: [cost-level1-required]\n")
    assert _codes(cli, write, COST_UNDER_OUTPUT) == []


def test_bureau_profile_file_with_rule_options(cli, write, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    write(
        "policy/bureau.yaml",
        "profile: bureau\nbasis: 本局内部要求\nseverity: {SHX001: info}\nrule-files: [../rules.yaml]\n",
    )
    write(
        "rules.yaml",
        "rules:\n  - code: SHX001\n    name: needs-cost\n    message: 缺少成本指标\n    check: require\n    category: {level1: 成本}\n",
    )
    assert _codes(cli, write, COST_MISSING, "--profile", "policy/bureau.yaml") == [
        ("SHX001", 3, 1, "info"),
        ("TL102", 3, 1, "warning"),
    ]


def test_unknown_profile(cli, write, monkeypatch, tmp_path):
    with pytest.raises(ProfileError) as error:
        load_profile("beijing-2030")
    assert "shanghai-2025" in error.value.en
    monkeypatch.chdir(tmp_path)
    path = write("decl.yaml", COST_MISSING)
    result = cli("check", "--profile", "beijing-2030", str(path))
    assert result.code == 2 and "beijing-2030" in result.err


def test_bad_profile_file_is_located(cli, write, monkeypatch, tmp_path):
    path = write("p.yaml", "profile: p\nseverity:\n  TL201: fatal\n")
    with pytest.raises(ProfileError) as error:
        load_profile(str(path))
    assert "p.yaml:3:10" in error.value.en


def test_profile_rules_listed(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    listing = cli("rules", "--profile", "shanghai-2025")
    assert "SHX001" in listing.out and "cost-level1-required" in listing.out
    assert "SHX001" not in cli("rules").out


def test_profiles_and_configuration_files_share_one_settings_schema_and_one_merge():
    from dataclasses import fields

    from targetlint.config import RuleSettings, Settings, merge_rule_options
    from targetlint.profiles import ProfileFile

    shared = {f.name for f in fields(RuleSettings)}
    assert issubclass(Settings, RuleSettings) and issubclass(ProfileFile, RuleSettings)
    assert shared <= {f.name for f in fields(ProfileFile)} and shared <= {f.name for f in fields(Settings)}
    # Later tables win option by option; earlier options of the same rule stay.
    assert merge_rule_options({"TL214": {"a": 1, "b": 1}}, {"TL214": {"b": 2}}, {"TL201": {"c": 3}}) == {
        "TL214": {"a": 1, "b": 2},
        "TL201": {"c": 3},
    }


def test_a_profile_reads_what_a_configuration_reads(write):
    # The configuration's own readings hold in a profile: an unknown key is
    # placed at the key, rules and rule-options are one table.
    path = write("p.yaml", "profile: p\nselect: TL2, TL3\nrules: {TL214: {a: 1}}\nrule-options: {TL214: {b: 2}}\n")
    settings = load_profile(str(path))
    assert settings.select == ["TL2", "TL3"] and settings.rule_options == {"TL214": {"a": 1, "b": 2}}
    bad = write("q.yaml", "profile: q\nseverity: {}\n  \nfail-on: error\n")
    with pytest.raises(ProfileError) as error:
        load_profile(str(bad))
    assert "q.yaml:4:1" in error.value.en
