"""pydantic's reading of plain dataclasses, imported only to validate.

Rule options and configuration settings are dataclasses: a run on defaults
builds them directly. When a user writes them, pydantic validates the same
class through a TypeAdapter built on first use, so its errors carry the key
path that error messages are located by. The ``Annotated`` metadata here is
what pydantic's ``Field(ge=…)`` and ``field_validator`` were, read by pydantic
through ``__get_pydantic_core_schema__`` without this module importing it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from targetlint.yaml_locations import UNKNOWN_KEY

__all__ = ["KEBAB_KEYS", "UNKNOWN_KEY", "Before", "Check", "Range", "is_pydantic_model", "validate"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# For a dataclass's ``__pydantic_config__``: unknown keys are errors, keys are
# spelt in kebab-case (``error-from-year``) and Python callers may use the
# field names. A plain dict: pydantic's ConfigDict is a TypedDict.
KEBAB_KEYS: dict[str, Any] = {
    "extra": "forbid",
    "alias_generator": _kebab,
    "validate_by_alias": True,
    "validate_by_name": True,
}


@dataclass(frozen=True, slots=True)
class Range:
    """``Annotated`` bounds of a number, checked as pydantic's ``Field(ge=…)`` would."""

    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from typing import Annotated

        from annotated_types import Interval

        return handler(Annotated[source, Interval(gt=self.gt, ge=self.ge, lt=self.lt, le=self.le)])


@dataclass(frozen=True, slots=True)
class Check:
    """``Annotated`` check of a value once its type is validated: ``function``
    returns the value (possibly normalised) or raises ValueError with the
    reason, which is reported at the value's key."""

    function: Callable[[Any], Any]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


@dataclass(frozen=True, slots=True)
class Before:
    """``Annotated`` rewriting of a written value before its type is validated
    (``"TL2, TL3"`` → ``["TL2", "TL3"]``)."""

    function: Callable[[Any], Any]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))


def is_pydantic_model(cls: type) -> bool:
    # A pydantic model's class exists only once pydantic is imported.
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(cls, type) and issubclass(cls, pydantic.BaseModel)


_ADAPTERS: dict[type, Any] = {}


def validate(cls: type, data: Any) -> Any:
    """``data`` as ``cls`` (a dataclass or a pydantic model); raises pydantic's ValidationError."""
    if is_pydantic_model(cls):
        return cls.model_validate(data)  # type: ignore[attr-defined]
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter.validate_python(data)
