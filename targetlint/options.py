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
located by. ``Range`` and ``Check`` are what pydantic's ``Field(ge=…)`` and
``field_validator`` were, as ``Annotated`` metadata pydantic reads without
this module importing it.

Options declared the older way, as pydantic models (``RuleOptions``
subclasses, from :mod:`targetlint.pydantic_options`), are still accepted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# How pydantic reads an options dataclass; a plain dict (ConfigDict is a
# TypedDict), so declaring options needs no pydantic import.
OPTIONS_CONFIG = {
    "extra": "forbid",
    "alias_generator": _kebab,
    "validate_by_alias": True,
    "validate_by_name": True,
}


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field,))
def rule_options(cls: type[T]) -> type[T]:
    """Make ``cls`` a rule's options: a frozen, keyword-only dataclass that
    pydantic validates with unknown keys forbidden and kebab-case keys."""
    options = dataclass(frozen=True, kw_only=True)(cls)
    options.__pydantic_config__ = OPTIONS_CONFIG  # type: ignore[attr-defined]
    return options


@dataclass(frozen=True, slots=True)
class Range:
    """``Annotated`` bounds of a number, checked as pydantic's ``Field(ge=…)`` would."""

    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from annotated_types import Interval

        return handler(_annotated(source, Interval(gt=self.gt, ge=self.ge, lt=self.lt, le=self.le)))


@dataclass(frozen=True, slots=True)
class Check:
    """``Annotated`` check of a value once its type is validated: ``function``
    returns the value (possibly normalised) or raises ValueError with the
    reason, which is reported at the option's key."""

    function: Callable[[Any], Any]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


def _annotated(source: Any, metadata: Any) -> Any:
    from typing import Annotated

    return Annotated[source, metadata]


@rule_options
class NoOptions:
    """A rule without options."""


def _is_pydantic_model(options_class: type) -> bool:
    # A pydantic model's class exists only once pydantic is imported.
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(options_class, type) and issubclass(options_class, pydantic.BaseModel)


_ADAPTERS: dict[type, Any] = {}


def validate_options(options_class: type, options: dict[str, Any]) -> Any:
    """``options`` as ``options_class``; raises pydantic's ValidationError."""
    if _is_pydantic_model(options_class):
        return options_class.model_validate(options)  # type: ignore[attr-defined]
    adapter = _ADAPTERS.get(options_class)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[options_class] = TypeAdapter(options_class)
    return adapter.validate_python(options)


def default_options(options_class: type) -> Any:
    """``options_class`` with every field at its default: what validating
    ``{}`` gives, built without pydantic. A class with a required field is
    validated, so the error says which option is missing."""
    if _is_pydantic_model(options_class):
        return _pydantic_defaults(options_class)
    if any(f.default is MISSING and f.default_factory is MISSING for f in fields(options_class) if f.init):
        return validate_options(options_class, {})
    return options_class()


def _pydantic_defaults(options_class: Any) -> Any:
    """``options_class`` with every field at its default: what validating ``{}``
    gives, without building the validator when nothing would run on defaults.
    It reads only the class, so pydantic_options (which imports this module
    for OPTIONS_CONFIG) is not imported back.
    A class with a required field, a model validator or defaults that are
    validated (``validate_default``) is validated, so it behaves as before."""
    fields = options_class.model_fields.values()
    decorators = options_class.__pydantic_decorators__
    if (
        any(info.is_required() or info.validate_default for info in fields)
        or options_class.model_config.get("validate_default")
        or decorators.model_validators
        or decorators.root_validators  # pydantic v1 style
        or any(getattr(v.info, "always", False) for v in decorators.validators.values())
    ):
        return options_class.model_validate({})
    return options_class.model_construct()
