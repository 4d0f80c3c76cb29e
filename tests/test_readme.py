"""The README's rule table and example output are generated, and current."""

import importlib.util

from .conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_generated_blocks_are_current():
    script = _script()
    current = (ROOT / "README.md").read_text(encoding="utf-8")
    assert script.render(current) == current, "README.md is stale: run python scripts/update_readme.py"


def test_rule_table_lists_every_registered_rule():
    from targetlint.plugins import load_catalogue

    table = _script().rules_table()
    for rule in load_catalogue().sorted_rules():
        default = "on" if getattr(rule, "default_enabled", True) else "off"
        assert f"| {rule.code} | `{rule.name}` | {rule.severity} |" in table
        assert f"| {default} | {rule.summary('zh')} |" in table
