"""targetlint's built-in rule pack.

It registers through the ``targetlint`` entry point exactly as a third-party
pack does (see pyproject.toml); the core knows no rule by name.
"""

from __future__ import annotations

import pkgutil
import re
from importlib import import_module

from targetlint.hookspecs import hookimpl

# One module per rule, named tlNNN_<name>.py; each exposes RULES. Discovery by
# file name means adding a rule never edits a shared list.
_RULE_MODULE = re.compile(r"^tl\d{3}_[a-z0-9_]+$")


def rule_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if _RULE_MODULE.match(m.name))


def all_rules():
    rules = []
    for module_name in rule_modules():
        module = import_module(f"{__name__}.{module_name}")
        rules.extend(module.RULES)
    return rules


@hookimpl
def targetlint_rules():
    return all_rules()
