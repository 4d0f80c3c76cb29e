"""Rule options: frozen dataclasses, validated by pydantic only when given.

A rule declares its options with :func:`rule_options`::

    @rule_options
    class Options:
        tolerance: Annotated[float, Range(ge=0.0, lt=1.0)] = 0.0
        required: Annotated[list[str], Check(known_labels)] = field(default_factory=list)

A run on defaults builds ``Options()`` and never imports pydantic. When a
configuration sets options, pydantic validates them against the same class
(unknown keys are errors, keys are kebab-case, Python callers may use the
field names), so its errors carry the key path that configuration errors are
located by. ``Range`` and ``Check`` (from :mod:`targetlint.validation`) are
what pydantic's ``Field(ge=…)`` and ``field_validator`` were, as
``Annotated`` metadata pydantic reads without this module importing it.

Options declared the older way, as pydantic models (``RuleOptions``
subclasses, from :mod:`targetlint.pydantic_options`), are still accepted.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform

from targetlint.validation import KEBAB_KEYS, is_pydantic_model, validate
from targetlint.validation import Check as Check  # re-exported for rule packs
from targetlint.validation import Range as Range  # re-exported for rule packs

T = TypeVar("T")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
def rule_options(cls: type[T]) -> type[T]:
    """Make ``cls`` a rule's options: a frozen, keyword-only dataclass that
    pydantic validates with unknown keys forbidden and kebab-case keys."""
    options = dataclass(frozen=True, kw_only=True)(cls)
    options.__pydantic_config__ = KEBAB_KEYS  # type: ignore[attr-defined]
    return options


@rule_options
class NoOptions:
    """A rule without options."""


def validate_options(options_class: type, options: dict[str, Any]) -> Any:
    """``options`` as ``options_class``; raises pydantic's ValidationError."""
    return validate(options_class, options)


def default_options(options_class: type) -> Any:
    """``options_class`` with every field at its default: what validating
    ``{}`` gives, built without pydantic. A class with a required field is
    validated, so the error says which option is missing."""
    if is_pydantic_model(options_class):
        from targetlint.pydantic_options import pydantic_defaults

        return pydantic_defaults(options_class)
    if any(f.default is MISSING and f.default_factory is MISSING for f in fields(options_class) if f.init):
        return validate_options(options_class, {})
    return options_class()
