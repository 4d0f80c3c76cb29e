"""Declarative rules end to end: rule files from the configuration and from an
installed YAML-only pack, validation errors at their line and column, and
start-up that never touches the engine when no rule file exists."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from targetlint.declarative import compile_rule_file

from .conftest import ROOT, run_targetlint

EXAMPLES = ROOT / "tests" / "declarative" / "example-rules.yaml"

DECLARATION = """\
申报年度: 2025
项目名称: 测试项目
项目类别: 特定目标类
绩效指标:
  产出指标:
    数量指标:
      - 三级指标: 培训计划完成率
        指标值: 100%
      - 三级指标: 培训人数
        指标值: ≥200场
  成本指标:
    经济成本指标:
      - 三级指标: 人均培训成本
        指标值: ≤300人
  满意度指标:
    服务对象满意度指标:
      - 三级指标: 学员满意度
        指标值: ≥80%
"""
# (code, line, column) the four example rules report on DECLARATION.
EXPECTED = [("TLX001", 8, 14), ("TLX003", 10, 14), ("TLX002", 12, 5), ("TLX004", 18, 14)]


@pytest.fixture
def project(write):
    write("rules/bureau.yaml", EXAMPLES.read_text(encoding="utf-8"))
    write(".targetlint.yaml", "rule-files: [rules/bureau.yaml]\nselect: [TLX]\n")
    return write("decl.yaml", DECLARATION)


def test_example_rules_in_text_output(cli, project, monkeypatch):
    monkeypatch.chdir(project.parent)
    result = cli("check", "--format", "concise", "decl.yaml")
    assert result.code == 1, result
    found = [line.split(" ")[:2] for line in result.out.splitlines() if line.startswith("decl.yaml:")]
    assert found == [[f"decl.yaml:{line}:{column}:", code] for code, line, column in EXPECTED]
    assert "数量指标“培训计划完成率”以完成率 100% 作为目标" in result.out


def test_example_rules_in_json_output_with_english(cli, project, monkeypatch):
    monkeypatch.chdir(project.parent)
    result = cli("check", "--format", "json", "--lang", "en", "decl.yaml")
    findings = json.loads(result.out)["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == EXPECTED
    first = findings[0]
    assert first["name"] == "no-completion-rate-as-quantity"
    assert (
        first["message"]
        == "quantity indicator '培训计划完成率' states a completion rate (100%): state the quantity delivered"
    )


def test_example_rules_in_sarif_output(cli, project, monkeypatch):
    monkeypatch.chdir(project.parent)
    result = cli("check", "--format", "sarif", "decl.yaml")
    run = json.loads(result.out)["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"TLX001", "TLX002", "TLX003", "TLX004"} <= rule_ids
    located = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in run["results"]
    ]
    assert located == EXPECTED


def test_declarative_rules_select_ignore_and_suppress_like_builtins(cli, project, monkeypatch):
    monkeypatch.chdir(project.parent)
    result = cli("check", "--format", "json", "--ignore", "satisfaction-floor,TLX001", "decl.yaml")
    assert [f["code"] for f in json.loads(result.out)["findings"]] == ["TLX003", "TLX002"]
    text = DECLARATION.replace("指标值: ≥200场", "指标值: ≥200场  # targetlint: disable=headcount-unit")
    project.write_text(text, encoding="utf-8")
    result = cli("check", "--format", "json", "decl.yaml")
    assert "TLX003" not in [f["code"] for f in json.loads(result.out)["findings"]]


def test_rules_listing_and_rule_doc(cli, project, monkeypatch):
    monkeypatch.chdir(project.parent)
    listing = cli("rules")
    assert "TLX004" in listing.out and "satisfaction-floor" in listing.out
    doc = cli("rule", "TLX004")
    assert doc.code == 0
    assert "check: range" in doc.out and "min: 85" in doc.out


def test_configured_rules_stay_out_of_other_configurations(cli, write, monkeypatch, tmp_path):
    # Rule files named by one configuration must not leak into a sibling directory.
    write("a/rules.yaml", EXAMPLES.read_text(encoding="utf-8"))
    write("a/.targetlint.yaml", "rule-files: [rules.yaml]\n")
    write("a/decl.yaml", DECLARATION)
    write("b/.targetlint.yaml", "select: [ALL]\n")
    write("b/decl.yaml", DECLARATION)
    monkeypatch.chdir(tmp_path)
    findings = json.loads(cli("check", "--format", "json", "a", "b").out)["findings"]
    assert {f["code"] for f in findings if f["file"].startswith("a")} >= {"TLX001", "TLX004"}
    assert not [f for f in findings if f["file"].startswith("b") and f["code"].startswith("TLX")]


# --- validation ---------------------------------------------------------------

BAD_RULES = """\
rules:
  - code: TLX001
    name: bad-placeholder
    message: 指标 {nam}
    check: forbid
    where: {name: {endswith: 率}}
  - code: TL201
    name: builtin-code
    message: m
    check: forbid
    where: {name: x}
  - code: TLX003
    name: no-message
    check: unit
    where: {name: x}
    units: 人
  - code: TLX004
    name: bad-type
    message: m
    check: forbidden
  - code: TLX005
    name: bad-regex
    message: m
    check: forbid
    where: {name: {regex: "(unclosed"}}
  - code: TLX006
    name: misspelt-selector
    message: m
    check: range
    where: {level1: 产出, valeu: {unit-class: percent}}
    min: 1
  - code: TLX007
    name: first
    message: m
    check: require
    fields: 项目类别
  - code: TLX007
    name: second
    message: m
    check: require
    fields: 项目类别
  - code: TLX008
    name: bad-category
    message: m
    check: require
    category: {level1: 产出x}
"""

EXPECTED_ERRORS = [
    (4, 14, "{nam}"),  # bad placeholder, at the message
    (7, 11, "TL201"),  # code outside the user range, at the code
    (12, 5, "message"),  # missing message, at the rule
    (20, 12, "forbidden"),  # unknown check type, at the check
    (25, 27, "regular expression"),  # bad regex, at the regex
    (30, 25, "valeu"),  # unknown key, at the key
    (37, 11, "TLX007"),  # duplicate code, at the second code
    (46, 24, "产出x"),  # unknown category
]


def test_every_mistake_is_located(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_RULES, encoding="utf-8")
    rules, errors = compile_rule_file(str(path))
    assert [r.code for r in rules] == ["TLX007"]
    got = [(e.line, e.column) for e in errors]
    assert got == [(line, column) for line, column, _ in EXPECTED_ERRORS], [str(e) for e in errors]
    for error, (_, _, fragment) in zip(errors, EXPECTED_ERRORS):
        assert fragment in str(error)
        assert error.path == str(path)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("rules: [\n", "YAML"),
        ("", "empty"),
        ("- a\n- b\n", "mapping"),
        ("rules:\n  - code: TLX001\n    name: x\n    message: m\n", "check"),
        ("rules: []\nextra: 1\n", "extra"),
        (
            "rules:\n  - code: TLX001\n    name: Not-Kebab\n    message: m\n    check: require\n    fields: [项目名称]\n",
            "kebab",
        ),
        (
            "rules:\n  - code: TLX001\n    name: x\n    message: m\n    check: range\n    where: {name: x}\n",
            "min or max",
        ),
        (
            "rules:\n  - code: TLX001\n    name: x\n    message: m\n    check: forbid\n    where: {value: {unit-class: percentage}}\n",
            "percent",
        ),
        (
            "rules:\n  - code: TLX001\n    name: x\n    message: {en: only english}\n    check: require\n    fields: [项目名称]\n",
            "zh",
        ),
    ],
)
def test_malformed_files_never_raise(tmp_path, text, fragment):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    rules, errors = compile_rule_file(str(path))
    assert not rules and errors
    assert fragment in str(errors[0]), [str(e) for e in errors]


def test_bad_rule_file_exits_2_with_location_and_no_traceback(tmp_path):
    (tmp_path / "rules.yaml").write_text(BAD_RULES, encoding="utf-8")
    (tmp_path / ".targetlint.yaml").write_text("rule-files: [rules.yaml]\n", encoding="utf-8")
    (tmp_path / "decl.yaml").write_text(DECLARATION, encoding="utf-8")
    result = run_targetlint("check", "decl.yaml", cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert "rules.yaml:4:14" in err and "rules.yaml:20:12" in err


def test_missing_rule_file_is_a_configuration_error(cli, write, monkeypatch):
    path = write(".targetlint.yaml", "rule-files: [nowhere.yaml]\n")
    write("decl.yaml", DECLARATION)
    monkeypatch.chdir(path.parent)
    result = cli("check", "decl.yaml")
    assert result.code == 2 and "nowhere.yaml" in result.err


def test_codes_pattern():
    from targetlint.declarative.schema import CODE_RE

    assert all(CODE_RE.match(c) for c in ("TLX001", "SHX001", "ZJJX120", "XX999"))
    assert not any(CODE_RE.match(c) for c in ("TL201", "TLX01", "TLX0001", "tlx001", "SHANX001", "X001"))


# --- start-up ------------------------------------------------------------------


def test_no_rule_files_means_no_declarative_engine(tmp_path):
    # pre-commit runs targetlint on every commit: without rule files the
    # engine, the schema and the rule-file loader are never imported.
    (tmp_path / "decl.yaml").write_text(DECLARATION, encoding="utf-8")
    code = (
        "import sys; from targetlint.cli import main\n"
        "main(['check', '--exit-zero', '--format', 'json', 'decl.yaml'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('targetlint.declarative.') and m != 'targetlint.declarative.plugin')\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, timeout=60)
    assert result.stderr.decode().strip().endswith("[]"), result.stderr.decode()


# --- a YAML-only pack, built and installed during the test -------------------------

PACK_PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "targetlint-pack-demo"
version = "0.1.0"

[project.entry-points."targetlint.rulefiles"]
demo = "targetlint_pack_demo"

[tool.setuptools]
packages = ["targetlint_pack_demo"]

[tool.setuptools.package-data]
targetlint_pack_demo = ["*.yaml"]
"""


def test_yaml_only_pack_installed_from_a_distribution(tmp_path):
    source = tmp_path / "pack"
    (source / "targetlint_pack_demo").mkdir(parents=True)
    (source / "pyproject.toml").write_text(PACK_PYPROJECT, encoding="utf-8")
    (source / "targetlint_pack_demo" / "__init__.py").write_text("", encoding="utf-8")
    (source / "targetlint_pack_demo" / "demo.yaml").write_text(EXAMPLES.read_text(encoding="utf-8"), encoding="utf-8")
    site = tmp_path / "site"
    started = time.monotonic()
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(site),
            str(source),
        ],
        capture_output=True,
        timeout=120,
    )
    if install.returncode != 0 and b"bdist_wheel" in install.stderr:
        # setuptools older than 70.1 without the wheel package cannot build a
        # wheel offline; its own install command builds the same files (the
        # package, its YAML data and the entry-point metadata) into the target.
        install = subprocess.run(
            [
                sys.executable,
                "-c",
                "import setuptools; setuptools.setup()",
                "-q",
                "install",
                "--single-version-externally-managed",
                "--record",
                str(tmp_path / "record.txt"),
                "--install-lib",
                str(site),
                "--install-scripts",
                str(tmp_path / "bin"),
                "--install-data",
                str(tmp_path / "data"),
                "--install-headers",
                str(tmp_path / "headers"),
            ],
            cwd=source,
            capture_output=True,
            timeout=120,
        )
    assert install.returncode == 0, install.stderr.decode()
    assert (site / "targetlint_pack_demo" / "demo.yaml").is_file()
    assert time.monotonic() - started < 60
    (tmp_path / "decl.yaml").write_text(DECLARATION, encoding="utf-8")
    env = {"PYTHONPATH": str(site)}

    listing = run_targetlint("rules", "--format", "json", cwd=tmp_path, env=env)
    assert listing.returncode == 0, listing.stderr.decode()
    rows = {row["code"]: row for row in json.loads(listing.stdout)}
    assert rows["TLX004"]["origin"] == "demo"

    result = run_targetlint("check", "--format", "json", "--select", "TLX", "decl.yaml", cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr.decode()
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == EXPECTED

    # A broken pack is reported with its file and line, and the run exits 2.
    (site / "targetlint_pack_demo" / "demo.yaml").write_text(
        "rules:\n  - code: TL999\n    name: x\n    message: m\n    check: require\n    fields: [项目名称]\n",
        encoding="utf-8",
    )
    broken = run_targetlint("check", "decl.yaml", cwd=tmp_path, env=env)
    assert broken.returncode == 2
    assert "demo.yaml:2:11" in broken.stderr.decode() and b"Traceback" not in broken.stderr
