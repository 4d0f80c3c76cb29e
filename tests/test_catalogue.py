"""The rule catalogue is built once and never changed: reading a configuration
makes a new catalogue holding its rule files' rules, so nothing registers
rules as a side effect and one configuration's rule files cannot clash with,
or leak into, another's."""

from __future__ import annotations

import dataclasses
import json

import pytest

from targetlint.config import Overrides
from targetlint.planner import Planner
from targetlint.plugins import load_catalogue

from .test_declarative import DECLARATION, EXAMPLES


def test_the_catalogue_is_immutable():
    catalogue = load_catalogue()
    with pytest.raises(TypeError):
        catalogue.rules["TLZ999"] = catalogue.rules["TL201"]  # type: ignore[index]
    with pytest.raises(TypeError):
        catalogue.by_name["x"] = catalogue.rules["TL201"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalogue.errors = ()  # type: ignore[misc]


def test_reading_a_configuration_registers_nothing(write):
    write("a/rules.yaml", EXAMPLES.read_text(encoding="utf-8"))
    write("a/.targetlint.yaml", "rule-files: [rules.yaml]\n")
    declaration = write("a/decl.yaml", DECLARATION)
    catalogue = load_catalogue()
    before = dict(catalogue.rules)
    planner = Planner(catalogue, Overrides())
    plan = planner.plan(str(declaration))
    assert dict(catalogue.rules) == before and catalogue.lookup("TLX001") is None
    configured = planner.catalogue_for(planner.config_for(str(declaration)))
    assert configured.lookup("TLX001") is not None and {"TLX001", "TLX004"} <= plan.enabled
    assert not planner.errors


def test_two_configurations_may_each_name_a_rule_file_defining_one_code(cli, write, monkeypatch, tmp_path):
    # Each configuration's rule files are its own: the same codes in two
    # sibling directories' files are no clash (they were, registered into one
    # shared registry), and each directory's findings come from its own file.
    for folder in ("a", "b"):
        write(f"{folder}/rules.yaml", EXAMPLES.read_text(encoding="utf-8"))
        write(f"{folder}/.targetlint.yaml", "rule-files: [rules.yaml]\n")
        write(f"{folder}/decl.yaml", DECLARATION)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "json", "a", "b")
    assert result.code == 1, result.err
    findings = json.loads(result.out)["findings"]
    for folder in ("a", "b"):
        codes = {f["code"] for f in findings if f["file"].startswith(folder)}
        assert {"TLX001", "TLX004"} <= codes


def test_rule_looks_a_configured_code_up_once(cli, write, monkeypatch, tmp_path):
    write("rules.yaml", EXAMPLES.read_text(encoding="utf-8"))
    write(".targetlint.yaml", "rule-files: [rules.yaml]\n")
    monkeypatch.chdir(tmp_path)
    assert cli("rule", "TLX004").code == 0
    # A built-in rule is described even where the configuration cannot be read.
    write(".targetlint.yaml", "rule-files: [missing.yaml]\n")
    assert cli("rule", "TL201").code == 0
    missing = cli("rule", "TLX004")
    assert missing.code == 2 and "missing.yaml" in missing.err
