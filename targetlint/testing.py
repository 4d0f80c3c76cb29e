"""Rule tests as data, reusable by any rule pack (sqlfluff's idea).

A case file is YAML: one rule code and a list of cases. Each case gives a
declaration, either as full YAML text (``yaml:``) or as indicator rows
(``indicators:``) that are expanded into a minimal declaration, and says
whether the rule ``pass``es or which findings it expects (``fail:``). A
failure is located either by ``line``/``column`` or by ``indicator`` (its
index in the case) and ``field`` (``value`` by default), which the harness
resolves through the model so cases don't hard-code layout::

    rule: TL201
    cases:
      - name: headcount in a rate
        indicators:
          - [产出指标, 质量指标, 培训人数达标率, "≥250"]
        fail:
          - indicator: 0
      - name: a percentage is fine
        indicators:
          - [产出指标, 质量指标, 培训合格率, "≥95%"]
        pass: true

A finding about a category or the declaration as a whole is located by
``category: [一级]`` or ``category: [一级, 二级]`` (the labels as written;
the key's position) or by ``declaration: <field>`` (a key of the model's
spans, such as ``indicators`` for the 绩效指标 key); ``document`` picks the
declaration for these (0 by default). A row ``[一级, 二级, null, null]``
publishes an empty 二级 and ``[一级, null, null, null]`` an empty 一级. When
any expected finding gives ``severity``, severities are compared too (the
rule's default for entries without one)::

    - name: a budget-execution rate under 成本 is a proxy
      indicators:
        - [产出指标, 成本指标, 培训班次预算执行率, "≥90%"]
      fail:
        - indicator: 0
          severity: info

A case may also say what ``check --fix`` makes of its text: ``fixed:`` (the
whole YAML after fixing) or ``fixed-indicators:`` (rows, like
``indicators:``), with ``unsafe-fixes: true`` for fixes that need
``--unsafe-fixes``. The harness runs the fixer's own loop with only the
case's rule and compares the text byte for byte::

    - name: --fix writes the standard sign
      indicators:
        - [满意度指标, 服务对象满意度指标, 服务对象满意度, ">=90%"]
      fail:
        - indicator: 0
      fixed-indicators:
        - [满意度指标, 服务对象满意度指标, 服务对象满意度, "≥90%"]

In a pack's tests::

    from targetlint.testing import case_params, check_case

    @pytest.mark.parametrize("case", case_params("tests/rules"))
    def test_rule_case(case):
        check_case(case)

A declarative rule pack tests its YAML rules the same way: the case file
names the rule file (``rule-file:``, relative to the case file, or a list of
them) and the harness compiles it before running the case; a mistake in the
rule file fails the case with the file's line and column::

    rule: SHX003
    rule-file: ../../mypack/targetlint_rules/shanghai.yaml
    cases:
      - name: a unit cost in 元/人 is money
        indicators:
          - [成本指标, 经济成本指标, 人均培训成本, "≤300元/人"]
        pass: true
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Case:
    rule: str
    name: str
    text: str
    expect: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    vocabulary: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""
    rule_files: list[str] = field(default_factory=list)  # declarative rule files the case needs
    fixed: str | None = None  # the text after `check --fix`, when the case gives it
    unsafe: bool = False  # with --unsafe-fixes

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.name}"


def declaration_text(rows: list, header: dict[str, Any] | None = None) -> str:
    """A minimal declaration holding ``rows`` of [一级, 二级, 三级指标, 指标值]."""
    lines = [f"{key}: {_scalar(value)}" for key, value in (header or {"项目名称": "测试项目"}).items()]
    lines.append("绩效指标:")
    tree: dict[str, dict[str, list]] = {}
    for row in rows:
        level1, level2, name, value = row
        level2s = tree.setdefault(level1, {})
        if level2 is not None:
            level2s.setdefault(level2, []).append((name, value))
    for level1, level2s in tree.items():
        lines.append(f"  {level1}:")
        for level2, items in level2s.items():
            if not items or items == [(None, None)]:
                lines.append(f"    {level2}:")
                continue
            lines.append(f"    {level2}:")
            for name, value in items:
                lines.append(f"      - 三级指标: {_scalar(name)}")
                lines.append(f"        指标值: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    # JSON strings are valid YAML double-quoted scalars, so any text survives.
    return json.dumps(str(value), ensure_ascii=False)


def load_cases(path: str | Path) -> list[Case]:
    from ruamel.yaml import YAML

    path = Path(path)
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    rule = data["rule"]
    named = data.get("rule-file") or []
    rule_files = [str((path.parent / f).resolve()) for f in ([named] if isinstance(named, str) else named)]
    cases = []
    for raw in data["cases"]:
        text = raw["yaml"] if "yaml" in raw else declaration_text(raw["indicators"], raw.get("header"))
        expect = [] if raw.get("pass") else [dict(item) for item in raw.get("fail", [])]
        if not raw.get("pass") and not expect:
            raise ValueError(f"{path}: case {raw.get('name')!r} has neither pass: true nor fail: entries")
        cases.append(
            Case(
                rule,
                str(raw["name"]),
                text,
                expect,
                raw.get("options") or {},
                raw.get("vocabulary") or {},
                str(path),
                rule_files,
                _fixed(raw),
                bool(raw.get("unsafe-fixes", False)),
            )
        )
    return cases


def _fixed(raw: dict[str, Any]) -> str | None:
    if "fixed" in raw:
        return str(raw["fixed"])
    if "fixed-indicators" in raw:
        return declaration_text(raw["fixed-indicators"], raw.get("header"))
    return None


def case_params(directory: str | Path) -> list:
    import pytest

    params = []
    for path in sorted(Path(directory).glob("*.yaml")):
        for case in load_cases(path):
            params.append(pytest.param(case, id=case.id))
    return params


_registry = None


def _rules():
    global _registry
    if _registry is None:
        from targetlint.plugins import load_catalogue

        _registry = load_catalogue()
    return _registry


def _catalogue_for(case: Case):
    """The installed rules, with those of the case's rule files (a new catalogue)."""
    if not case.rule_files:
        return _rules()
    from targetlint.declarative import with_rule_files

    catalogue, _, errors = with_rule_files(_rules(), case.rule_files, "rule-file", compiled=_compiled)
    if errors:
        raise AssertionError("invalid rule file:\n" + "\n".join(e.message("en") for e in errors))
    return catalogue


_compiled: dict = {}  # rule file → its compiled rules, for the cases sharing it


def run_case(case: Case):
    """Run only ``case.rule`` over the case's declaration; return (findings, loaded file)."""
    from targetlint.lint import lint

    # The check's own path: what a case expects is what `targetlint check` reports.
    result = lint(case.text.encode("utf-8"), "case.yaml", _engine(case))
    assert result.loaded is not None, "the loader failed on the case"
    return result.findings, result.loaded


def _engine(case: Case):
    """An engine holding only ``case.rule``, with the case's options and vocabulary."""
    from targetlint.engine import Engine
    from targetlint.vocabulary import DEFAULT_VOCABULARY

    catalogue = _catalogue_for(case)
    rule_class = catalogue.lookup(case.rule)
    if rule_class is None:
        raise LookupError(f"no rule {case.rule} is installed")
    vocabulary = DEFAULT_VOCABULARY.extended(case.vocabulary) if case.vocabulary else DEFAULT_VOCABULARY
    return Engine([rule_class(case.options, vocabulary)], vocabulary)


def check_case(case: Case) -> None:
    findings, loaded = run_case(case)
    crashed = [f for f in findings if f.code == "TL009"]
    assert not crashed, crashed[0].message_en
    indicators = [i for d in loaded.declarations for i in d.indicators()]
    expected: list[tuple[Any, ...]] = []  # (code, line, column), with the severity when a case names one
    for item in case.expect:
        code = item.get("code", case.rule)
        if "indicator" in item:
            span = indicators[item["indicator"]].span(item.get("field", "value"))
            line, column = span.line, span.column
        elif "category" in item or "declaration" in item:
            span = _locate(loaded.declarations[item.get("document", 0)], item)
            line, column = span.line, span.column
        else:
            line, column = item.get("line"), item.get("column")
        expected.append((code, line, column))
    got: list[tuple[Any, ...]] = [(f.code, f.line, f.column) for f in findings if f.code == case.rule]
    if any("severity" in item for item in case.expect):
        default = str(_catalogue_for(case).lookup(case.rule).severity)
        expected = [(*e, str(item.get("severity", default))) for e, item in zip(expected, case.expect)]
        got = [(f.code, f.line, f.column, str(f.severity)) for f in findings if f.code == case.rule]
    assert sorted(got) == sorted(expected), (
        f"{case.source} · {case.name}\nexpected {sorted(expected)}\n     got {sorted(got)}\n"
        + "".join(f"  {f.line}:{f.column} {f.code} {f.message_en}\n" for f in findings)
        + case.text
    )
    if case.fixed is not None:
        from targetlint.fixer import fix_text

        # The fixer's own loop: every pass re-checks through lint(), as --fix does.
        outcome = fix_text(case.text, _engine(case), "case.yaml", unsafe=case.unsafe)
        assert outcome.text == case.fixed, (
            f"{case.source} · {case.name}: after --fix\n{outcome.text}\nexpected\n{case.fixed}"
        )


def _locate(declaration, item: dict[str, Any]):
    """The span of a category key ([一级] or [一级, 二级], as written) or of a declaration field."""
    if "declaration" in item:
        return declaration.span(item["declaration"])
    labels = list(item["category"])
    for level1 in declaration.level1s:
        if level1.label != labels[0]:
            continue
        if len(labels) == 1:
            return level1.span()
        for level2 in level1.categories:
            if level2.label == labels[1]:
                return level2.span()
    raise LookupError(f"no category {labels} in the case's declaration")
