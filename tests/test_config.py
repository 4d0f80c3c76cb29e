"""Configuration: discovery, every setting, CLI precedence, and errors that name the file and key."""

from __future__ import annotations

import json
import os

import pytest

from targetlint import config

from .conftest import TRAINING_DECLARATION, run_targetlint

# One warning (TL207 on 提高), one error (TL201 on ≥250), a bare count (TL203 on 5).
DECLARATION = TRAINING_DECLARATION


def codes(result) -> list[str]:
    return [f["code"] for f in json.loads(result.out)["findings"]]


@pytest.fixture(autouse=True)
def fresh_caches():
    config.clear_caches()
    yield
    config.clear_caches()


def test_pyproject_in_a_parent_directory_applies(cli, write, tmp_path):
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.targetlint]\nselect = ["TL207"]\n')
    target = write("batches/2023/a.yaml", DECLARATION)
    assert codes(cli("check", "--format", "json", str(target))) == ["TL207"]


def test_nearest_configuration_wins_and_yaml_beats_pyproject(cli, write, tmp_path):
    write("pyproject.toml", '[tool.targetlint]\nselect = ["TL207"]\n')
    write("sub/pyproject.toml", '[tool.targetlint]\nselect = ["TL201"]\n')
    write("sub/.targetlint.yaml", "select: [TL203]\n")
    top = write("a.yaml", DECLARATION)
    nested = write("sub/deeper/b.yaml", DECLARATION)
    result = json.loads(cli("check", "--format", "json", str(top), str(nested)).out)
    by_file = {(os.path.basename(f["file"]), f["code"]) for f in result["findings"]}
    assert by_file == {("a.yaml", "TL207"), ("b.yaml", "TL203")}


def test_pyproject_without_a_targetlint_table_is_passed_over(write, tmp_path):
    write(".targetlint.yaml", "select: [TL207]\n")
    write("project/pyproject.toml", '[project]\nname = "declarations"\ndependencies = ["targetlint"]\n')
    (tmp_path / "project" / "src").mkdir()
    assert config.find_config(str(tmp_path / "project" / "src")) == str(tmp_path / ".targetlint.yaml")


def test_discovery_stops_at_the_root_and_is_cached_per_directory(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert config.find_config(str(tmp_path / "a" / "b")) is None  # walked to "/" and found nothing
    assert str(tmp_path / "a") in config._found and "/" in config._found
    calls = []
    monkeypatch.setattr(config, "_config_in", lambda directory: calls.append(directory))
    assert config.find_config(str(tmp_path / "a" / "b")) is None
    assert config.find_config(str(tmp_path / "a")) is None
    assert calls == []  # answered from the cache


def test_no_toml_parser_is_imported_without_a_configuration(tmp_path):
    (tmp_path / "a.yaml").write_text("项目名称: x\n绩效指标: {}\n", encoding="utf-8")
    code = "import sys; from targetlint.cli import main; main(['check', 'a.yaml']); print('tomllib' in sys.modules, file=sys.stderr)"
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().splitlines()[-1] == "False", result.stderr


def test_select_ignore_extend_select_and_cli_precedence(cli, write):
    write(".targetlint.yaml", "select: [TL2]\nignore: [unmeasurable]\n")
    target = str(write("a.yaml", DECLARATION))
    assert sorted(codes(cli("check", "--format", "json", target))) == ["TL201", "TL203"]
    assert codes(cli("check", "--format", "json", "--select", "TL207", target)) == ["TL207"]  # CLI select replaces
    assert sorted(codes(cli("check", "--format", "json", "--ignore", "TL203", target))) == ["TL201"]
    write(".targetlint.yaml", "extend-select: [TL207]\nignore: TL201, TL203\n")
    assert codes(cli("check", "--format", "json", target)) == ["TL207"]


def test_per_file_ignores_by_glob(cli, write):
    write(".targetlint.yaml", 'per-file-ignores:\n  "legacy/**": [TL201, unmeasurable]\n  "*.draft.yaml": [ALL]\n')
    legacy = str(write("legacy/2021/a.yaml", DECLARATION))
    current = str(write("current/a.yaml", DECLARATION))
    draft = str(write("current/b.draft.yaml", DECLARATION))
    result = json.loads(cli("check", "--format", "json", legacy, current, draft).out)
    found = {(f["file"].split("/")[-2] + "/" + f["file"].split("/")[-1], f["code"]) for f in result["findings"]}
    assert found == {
        ("2021/a.yaml", "TL203"),
        ("current/a.yaml", "TL201"),
        ("current/a.yaml", "TL203"),
        ("current/a.yaml", "TL207"),
    }


def test_severity_override_and_fail_on(cli, write):
    target = str(write("a.yaml", DECLARATION))
    write(".targetlint.yaml", "select: [TL203]\n")
    assert cli("check", target).code == 0  # a warning does not fail by default
    write(".targetlint.yaml", "select: [TL203]\nseverity: {TL203: error}\n")
    result = cli("check", "--format", "json", target)
    assert result.code == 1 and json.loads(result.out)["findings"][0]["severity"] == "error"
    write(".targetlint.yaml", "select: [TL203]\nfail-on: warning\n")
    assert cli("check", target).code == 1
    assert cli("check", "--fail-on", "error", target).code == 0  # the flag beats the file


def test_rule_options_are_passed_to_rules(cli, write):
    target = str(write("a.yaml", DECLARATION))
    write(
        "pyproject.toml",
        '[tool.targetlint]\nselect = ["TL003"]\n[tool.targetlint.rules.TL003]\nrequired = ["项目名称", "年度总体目标"]\n',
    )
    result = json.loads(cli("check", "--format", "json", target).out)
    assert [f["message"] for f in result["findings"]] == ["申报表缺少必填字段“年度总体目标”"]
    write(".targetlint.yaml", "select: [TL003]\nrule-options:\n  missing-field: {required: [项目名称]}\n")
    assert codes(cli("check", "--format", "json", target)) == []


def test_vocabulary_extras_and_lang(cli, write):
    target = str(write("a.yaml", DECLARATION.replace("提高", "尽量")))
    write(".targetlint.yaml", "select: [TL207]\n")
    assert codes(cli("check", "--format", "json", target)) == []
    write(".targetlint.yaml", "select: [TL207]\nlang: en\nvocabulary:\n  vague-words: [尽量]\n")
    result = cli("check", target)
    assert "is not measurable (尽量)" in result.out and result.out.splitlines()[-1].startswith("Found 1 problem")


def test_exclude_applies_to_explicit_files_too(cli, write):
    write(".targetlint.yaml", "exclude: [archive, '*.bak.yaml']\n")
    archived = str(write("archive/2019/a.yaml", DECLARATION))
    backup = str(write("b.bak.yaml", DECLARATION))
    checked = str(write("c.yaml", DECLARATION))
    result = json.loads(cli("check", "--format", "json", archived, backup, checked).out)
    assert result["summary"]["files"] == 1
    assert {f["file"] for f in result["findings"]} == {checked}


def test_explicit_config_overrides_discovery(cli, write, tmp_path):
    write(".targetlint.yaml", "select: [TL207]\n")
    other = write("ci/strict.yaml", "select: [TL201]\n")
    target = str(write("a.yaml", DECLARATION))
    assert codes(cli("check", "--format", "json", "--config", str(other), target)) == ["TL201"]


def test_stdin_filename_finds_configuration_and_per_file_ignores(write, tmp_path):
    write("project/.targetlint.yaml", "select: [TL201, TL207]\nper-file-ignores:\n  'old/*.yaml': [TL201]\n")
    result = run_targetlint(
        "check",
        "--format",
        "json",
        "-",
        "--stdin-filename",
        "project/old/x.yaml",
        cwd=tmp_path,
        stdin=DECLARATION.encode(),
    )
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["TL207"]


@pytest.mark.parametrize(
    "text, key, words",
    [
        ("selct: [TL201]\n", "selct", "select"),
        ("select: [TL999]\n", "select[0]", "TL999"),
        ("per-file-ignores:\n  'a/*': [nonsense-rule]\n", "per-file-ignores.a/*[0]", "nonsense-rule"),
        ("severity: {TL201: fatal}\n", "severity.TL201", "fatal"),
        ("rules:\n  TL003: {requird: [x]}\n", "rules.TL003.requird", "TL003"),
        ("rules:\n  TL003: {required: 7}\n", "rules.TL003.required", "list"),
        ("rules:\n  TL777: {}\n", "rules.TL777", "TL777"),
        ("vocabulary:\n  vage-words: [x]\n", "vocabulary.vage-words", "vague-words"),
        ("vocabulary:\n  placeholder-patterns: ['(']\n", "vocabulary.placeholder-patterns[0]", "regular expression"),
        ("fail-on: warnings\n", "fail-on", "warnings"),
    ],
)
def test_bad_configuration_names_file_and_key_and_exits_2(cli, write, text, key, words):
    write(".targetlint.yaml", text)
    target = str(write("a.yaml", DECLARATION))
    result = cli("check", "--lang", "en", target)
    assert result.code == 2
    assert ".targetlint.yaml" in result.err and f"key '{key}'" in result.err, result.err
    assert words in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_unparsable_configuration_files(cli, write):
    target = str(write("a.yaml", DECLARATION))
    write(".targetlint.yaml", "select: [TL201\n")
    result = cli("check", target)
    assert result.code == 2 and ".targetlint.yaml" in result.err and "不是有效的 YAML" in result.err
    # The parser's own "in '<byte string>', line …" lines name no file and repeat the location.
    assert "<byte string>" not in result.err and "did not find expected" in result.err
    assert len(result.err.strip().splitlines()) == 1
    os.remove(target.replace("a.yaml", ".targetlint.yaml"))
    write("pyproject.toml", "[tool.targetlint\nselect = 1\n")
    result = cli("check", "--lang", "en", target)
    assert result.code == 2 and "pyproject.toml" in result.err and "not valid TOML" in result.err
    write("pyproject.toml", "[tool.targetlint]\nselect = 1\n")
    result = cli("check", "--lang", "en", target)
    assert result.code == 2 and "key 'select'" in result.err


def test_config_in_a_subprocess_has_no_traceback(write, tmp_path):
    write(".targetlint.yaml", "- just\n- a list\n")
    write("a.yaml", DECLARATION)
    result = run_targetlint("check", "a.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and "顶层应为映射".encode() in result.stderr


def test_rules_listing_shows_what_the_configuration_enables(cli, write, tmp_path, monkeypatch):
    write(".targetlint.yaml", "select: [TL2]\nignore: [TL207]\n")
    monkeypatch.chdir(tmp_path)
    rows = {row["code"]: row["enabled"] for row in json.loads(cli("rules", "--format", "json").out)}
    assert rows["TL201"] and rows["TL203"]
    assert not rows["TL207"] and not rows["TL003"]
    text = cli("rules").out.splitlines()
    assert "enabled" in text[0]
    assert any(line.startswith("TL207") and " off " in line for line in text)


def test_glob_matching():
    base = "/repo"
    assert config.matches("drafts", "/repo/a/drafts/x.yaml", base)
    assert config.matches("*.bak.yaml", "/repo/a/b.bak.yaml", base)
    assert config.matches("archive/2022", "/repo/archive/2022/x.yaml", base)
    assert config.matches("batches/**/old-*.yaml", "/repo/batches/a/b/old-1.yaml", base)
    assert config.matches("batches/**/old-*.yaml", "/repo/batches/old-1.yaml", base)
    assert not config.matches("archive/2022", "/repo/x/archive/2022/x.yaml", base)
    assert not config.matches("*.bak.yaml", "/repo/a/b.yaml", base)


# --- where a configuration error is ------------------------------------------
#
# Each text marks with ‸ the character the error must point at; the expected
# line and column are counted from the text, not taken from targetlint.

CARET = "‸"


def _marked(text: str) -> tuple[str, int, int]:
    before = text[: text.index(CARET)]
    return text.replace(CARET, ""), before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


YAML_MISTAKES = [
    ("select: [TL201]\n‸selct: [TL2]\n", "selct", "did you mean 'select'"),
    ("fail-on: ‸warnings\n", "fail-on", "warnings"),
    ("fail_on: ‸warnings\n", "fail_on", "warnings"),
    ("select: [TL201, ‸TL999]\n", "select[1]", "TL999"),
    ("select: ‸TL201, TL999\n", "select[1]", "TL999"),  # a comma-separated string: the string
    ("ignore:\n  - TL201\n  - ‸nonsense\n", "ignore[1]", "nonsense"),
    (
        "per-file-ignores:\n  'legacy/**': [TL201]\n  '历史/*.yaml': [TL201, ‸nonsense-rule]\n",
        "per-file-ignores.历史/*.yaml[1]",
        "nonsense-rule",
    ),
    ("per_file_ignores:\n  'a/*': [‸nope]\n", "per-file-ignores.a/*[0]", "nope"),
    ("per-file-ignores:\n  'a/*': ‸7\n", "per-file-ignores.a/*", "list"),
    ("severity:\n  TL201: error\n  ‸TL999: info\n", "severity.TL999[0]", "TL999"),
    ("severity: {TL201: ‸fatal}\n", "severity.TL201", "fatal"),
    ("rules:\n  TL003:\n    ‸requird: [x]\n", "rules.TL003.requird", "has no such option"),
    ("rules:\n  TL003: {required: ‸7}\n", "rules.TL003.required", "list"),
    (
        "rule-options:\n  missing-field:\n    required: [项目名称, ‸{a: 1}]\n",
        "rule-options.missing-field.required.1",
        "string",
    ),
    ("rules:\n  ‸TL777: {}\n", "rules.TL777", "TL777"),
    ("vocabulary:\n  ‸vage-words: [x]\n", "vocabulary.vage-words", "did you mean 'vague-words'"),
    ("vocabulary:\n  placeholder-patterns: ['x+', ‸'(']\n", "vocabulary.placeholder-patterns[1]", "regular expression"),
]

TOML_MISTAKES = [
    ('[tool.targetlint]\nselect = ["TL201"]\n‸selct = ["TL2"]\n', "selct", "did you mean 'select'"),
    ('[tool.targetlint]\nfail-on = ‸"warnings"  # not a level\n', "fail-on", "warnings"),
    (
        '[tool.targetlint]\nselect = [\n  "TL201",  # [tool.targetlint] select = 1\n  ‸"TL999",\n]\n',
        "select[1]",
        "TL999",
    ),
    (
        '[tool.targetlint.per-file-ignores]\n"legacy/**" = ["TL201"]\n"*.draft.yaml" = ["TL201", ‸"nope"]\n',
        "per-file-ignores.*.draft.yaml[1]",
        "nope",
    ),
    ('[tool.targetlint]\nper-file-ignores = { "a/*" = ‸7 }\n', "per-file-ignores.a/*", "list"),
    ('[tool.targetlint.severity]\nTL201 = "error"\n‸TL999 = "info"\n', "severity.TL999[0]", "TL999"),
    ('[tool.targetlint]\nseverity = { TL203 = "info", TL201 = ‸"fatal" }\n', "severity.TL201", "fatal"),
    ('[tool.targetlint.rules.TL003]\n‸requird = ["x"]\n', "rules.TL003.requird", "has no such option"),
    ("[tool.targetlint]\nrules . TL003 . required = ‸7\n", "rules.TL003.required", "list"),
    ("[tool.targetlint.rules.‸TL777]\n", "rules.TL777", "TL777"),
    (
        '[tool.targetlint.vocabulary]\n"placeholder-patterns" = [\'x+\', ‸"("]\n',
        "vocabulary.placeholder-patterns[1]",
        "regular expression",
    ),
    # Text that only looks like the table, in a string of another table.
    (
        '[project]\ndescription = """\n[tool.targetlint]\nselect = 1\n"""\n\n[tool.targetlint]\n‸selct = 1\n',
        "selct",
        "select",
    ),
    ('[tool]\ntargetlint.select = ["TL201"]\ntargetlint.fail-on = ‸"fatal"\n', "fail-on", "fatal"),
]


@pytest.mark.parametrize("name, mistakes", [(".targetlint.yaml", YAML_MISTAKES), ("pyproject.toml", TOML_MISTAKES)])
def test_configuration_errors_name_line_and_column(cli, write, tmp_path, monkeypatch, name, mistakes):
    monkeypatch.chdir(tmp_path)
    target = str(write("a.yaml", DECLARATION))
    for text, key, words in mistakes:
        config.clear_caches()
        clean, line, column = _marked(text)
        write(name, clean)
        result = cli("check", "--lang", "en", target)
        assert result.code == 2 and result.out == "", (text, result)
        assert result.err.startswith(f"{name}:{line}:{column}: configuration error: key '{key}': "), (text, result.err)
        assert words in result.err and "Traceback" not in result.err


def test_chinese_messages_carry_the_position_too(cli, write, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    clean, line, column = _marked("select: [TL201]\n‸selct: [TL2]\n")
    write(".targetlint.yaml", clean)
    result = cli("check", str(write("a.yaml", DECLARATION)))
    assert result.code == 2
    assert result.err.startswith(
        f".targetlint.yaml:{line}:{column}: 配置文件有误：键“selct”：未知的设置（是否应为“select”？）"
    )


@pytest.mark.parametrize(
    "name, text",
    [
        (".targetlint.yaml", "select: ‸[TL201\nignore: []\n"),  # where the list was opened
        (".targetlint.yaml", "‸- just\n- a list\n"),
        ("pyproject.toml", "[tool.targetlint‸\nselect = 1\n"),
        ("pyproject.toml", "[tool]\ntargetlint = ‸5\n"),
        (".targetlint.yaml", "profile: ‸no-such-profile\n"),
        (".targetlint.yaml", "rule-files: ‸[missing.yaml]\n"),
    ],
)
def test_unusable_files_name_line_and_column(cli, write, tmp_path, monkeypatch, name, text):
    monkeypatch.chdir(tmp_path)
    clean, line, column = _marked(text)
    write(name, clean)
    result = cli("check", "--lang", "en", str(write("a.yaml", DECLARATION)))
    assert result.code == 2 and result.err.startswith(f"{name}:{line}:{column}: configuration error:"), result.err


def test_a_profile_flag_is_not_placed_in_the_file(cli, write, tmp_path, monkeypatch):
    # The mistake is the flag's; the file's own profile line is not it.
    monkeypatch.chdir(tmp_path)
    write(".targetlint.yaml", "profile: shanghai-2025\n")
    result = cli("check", "--lang", "en", "--profile", "no-such-profile", str(write("a.yaml", DECLARATION)))
    assert result.code == 2 and result.err.startswith(
        "targetlint: configuration error in .targetlint.yaml: key 'profile':"
    ), result.err


def test_with_a_profile_mistakes_are_placed_where_the_file_has_them(cli, write, tmp_path, monkeypatch):
    # The profile's own ignores come first in the merged list, and its rule
    # options absorb the file's rules table: neither may move the position.
    monkeypatch.chdir(tmp_path)
    target = str(write("a.yaml", DECLARATION))
    for text, key in [
        ("profile: shanghai-2025\nignore: [TL201, ‸TL999]\n", "ignore[1]"),
        ("profile: shanghai-2025\nrules:\n  TL003: {‸requird: 1}\n", "rules.TL003.requird"),
    ]:
        config.clear_caches()
        clean, line, column = _marked(text)
        write(".targetlint.yaml", clean)
        result = cli("check", "--lang", "en", target)
        assert result.code == 2 and result.err.startswith(
            f".targetlint.yaml:{line}:{column}: configuration error: key '{key}':"
        ), result.err


def test_a_setting_not_in_the_file_falls_back_to_the_table_header(tmp_path):
    # A key path the file does not hold (as one a profile merged in) is
    # placed no deeper than what the file shows: here only the table.
    path = tmp_path / "pyproject.toml"
    clean, line, column = _marked(
        '[project]\nname = "x"\n\n‸[tool.targetlint]\n[tool.targetlint.rules.TL003]\nrequired = []\n\n[tool.targetlint.rules.TL201]\n'
    )
    path.write_text(clean, encoding="utf-8")
    assert config.position(str(path), ("rule-options", "TL003", "x"), value=False) == (line, column)
    # Two tables name rules, so it stands in no one place: the header again.
    assert config.position(str(path), ("rules", "TL999")) == (line, column)


def test_a_scan_that_disagrees_with_tomllib_places_nothing(tmp_path, monkeypatch):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.targetlint]\nselect = ["TL201"]\n', encoding="utf-8")
    assert config.position(str(path), ("select", 0)) == (2, 11)
    monkeypatch.setattr(config._TomlScan, "paths", lambda self: set())
    assert config.position(str(path), ("select", 0)) is None


def test_toml_scan_finds_every_key_tomllib_finds():
    import tomllib

    text = (
        "# [tool.targetlint] only a comment\r\n"
        'title = "a \\"quoted\\" [x] \\u00e9"\r\n'
        "literal = 'C:\\path [y]'\r\n"
        'multi = """\nline "" with quotes\n[not.a.table]\nends with a quote""""\n'
        "raw = '''\n[neither]\n'''\n"
        "when = 1979-05-27 07:32:00Z\n"
        'nested = [[1, 2], ["a", { b = [3] }]]\n'
        '"quoted.key" . bare-part = true\n'
        "[[products]]\nname = 'x'\n[products.dims]\nw = 1\n[[products]]\nname = 'y'\n"
        '[ "tool" . targetlint ]\nselect = [ # trailing\n  "TL201", ]\n'
    )
    scan = config._TomlScan(text)
    assert scan.paths() == set(config._toml_paths(tomllib.loads(text)))
    assert scan.line_column(scan.places[("tool", "targetlint", "select", 0)][1]) == (
        text[: text.index('"TL201"')].count("\n") + 1,
        3,
    )
    assert scan.place(("products", 1, "name")) is not None and scan.place(("products",)) is None
