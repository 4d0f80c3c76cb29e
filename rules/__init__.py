"""targetlint's built-in rule pack.

It registers through the ``targetlint`` entry point exactly as a third-party
pack does (see pyproject.toml); the core knows no rule by name.
"""

from __future__ import annotations

from importlib import import_module

from targetlint.hookspecs import hookimpl

# One module per rule; the registry reads code, name and severity from each class.
RULE_MODULES = (
    "tl001_yaml_syntax",
    "tl002_unknown_key",
    "tl003_missing_field",
    "tl004_invalid_type",
    "tl005_not_utf8",
    "tl009_rule_crashed",
    "tl201_rate_with_count",
    "tl203_missing_unit",
    "tl207_unmeasurable",
    "tl209_plan_reference",
    "tl301_placeholder",
)


def all_rules():
    rules = []
    for module_name in RULE_MODULES:
        module = import_module(f"{__name__}.{module_name}")
        rules.extend(module.RULES)
    return rules


@hookimpl
def targetlint_rules():
    return all_rules()
