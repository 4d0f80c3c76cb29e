"""pydantic's reading of the declaration model, built on first use.

The model (:mod:`targetlint.model`) is plain dataclasses, so checking a file
imports no pydantic. pydantic reads the same classes here, at the edges:
coercing a value written as another type ('2024' as 申报年度), validating a
record from plain data, and the JSON Schema of the form, keyed by the
Chinese labels. Fields the loader fills in (``init=False``) are neither
validated nor in the schema.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core.core_schema import DataclassArgsSchema

from targetlint.model import INDICATORS_KEYS, Declaration, Indicator, Record, written_types


@cache
def record_adapter(model: type[Record]) -> TypeAdapter[Any]:
    """A validator of ``model`` from plain data (keys as the user writes them)."""
    return TypeAdapter(model)


@cache
def field_adapter(model: type[Record], name: str) -> TypeAdapter[Any]:
    """A validator of one written field's value, as in ``record_adapter(model)``."""
    return TypeAdapter(written_types(model)[name])


class _WrittenFields(GenerateJsonSchema):
    """JSON Schema of what the user writes: derived fields (``init=False``) left out."""

    def dataclass_args_schema(self, schema: DataclassArgsSchema) -> JsonSchemaValue:
        written = schema.copy()
        written["fields"] = [f for f in schema["fields"] if f.get("init", True) is not False]
        return super().dataclass_args_schema(written)


def declaration_schema() -> dict[str, Any]:
    """JSON Schema of one declaration (one YAML document), keyed by the form's
    Chinese labels, with the 绩效指标 table: 一级 → 二级 → list of 三级 rows."""
    schema = record_adapter(Declaration).json_schema(schema_generator=_WrittenFields)
    definitions = schema.setdefault("$defs", {})
    definitions["Indicator"] = record_adapter(Indicator).json_schema(schema_generator=_WrittenFields)
    table = {
        "type": "object",
        "title": INDICATORS_KEYS[0],
        "additionalProperties": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/Indicator"}},
        },
    }
    schema["properties"][INDICATORS_KEYS[0]] = table
    return schema
