"""A rule created without options gets what validating {} would give; the
validator is skipped only when nothing would have run on the defaults.
Options declared the older way (pydantic models) keep working."""

from __future__ import annotations

import re
from dataclasses import field
from typing import Annotated, Literal

import pytest
from pydantic import Field, ValidationError, field_validator, model_validator

from targetlint.options import Check, Range, rule_options, validate_options
from targetlint.rule import Rule, RuleOptions, Severity, default_options


class Plain(RuleOptions):
    limit: int = 5
    words: list[str] = ["待定"]


class Compiles(RuleOptions):
    word: str = "待定"
    pattern: re.Pattern | None = Field(None, exclude=True)

    @model_validator(mode="after")
    def _compile(self):
        self.pattern = re.compile(self.word)
        return self


class ValidatesDefaults(RuleOptions):
    limit: int = Field("5", validate_default=True)


class Needs(RuleOptions):
    limit: int


def test_defaults_equal_validation_of_nothing():
    for options in (Plain, Compiles, ValidatesDefaults):
        built, validated = default_options(options), options.model_validate({})
        assert built.model_dump() == validated.model_dump()
    assert default_options(Compiles).pattern.pattern == "待定"
    assert default_options(ValidatesDefaults).limit == 5
    assert default_options(Plain).words is not default_options(Plain).words


def test_a_required_option_still_fails_without_options():
    class NeedsRule(Rule):
        """Needs an option."""

        code = "TLZ981"
        name = "needs"
        severity = Severity.INFO
        Options = Needs

    with pytest.raises(ValidationError, match="limit"):
        NeedsRule()


def test_older_validator_styles_still_run_on_defaults():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from pydantic import root_validator, validator

        class Root(RuleOptions):
            x: int = 1

            @root_validator(skip_on_failure=True)
            def _seven(cls, values):
                return {**values, "x": 7}

        class Always(RuleOptions):
            word: str = "A"

            @validator("word", always=True)
            def _lower(cls, value):
                return value.lower()

    assert default_options(Root).x == 7
    assert default_options(Always).word == "a"


# Options declared as dataclasses (what the built-in rules use): defaults need
# no pydantic, and a configuration's mistakes read exactly as a pydantic
# model's would.


def _level(labels: list[str]) -> list[str]:
    if "bad" in labels:
        raise ValueError("'bad' is no level")
    return [label.upper() for label in labels]


@rule_options
class Declared:
    share: Annotated[float, Range(gt=0.0, le=1.0)] = 0.6
    labels: Annotated[list[str], Check(_level)] = field(default_factory=lambda: ["a"])
    when: Literal["nature", "always"] = "nature"
    from_year: int | None = None


class Modelled(RuleOptions):
    share: float = Field(0.6, gt=0.0, le=1.0)
    labels: list[str] = ["a"]
    when: Literal["nature", "always"] = "nature"
    from_year: int | None = None

    @field_validator("labels")
    @classmethod
    def _labels(cls, labels):
        return _level(labels)


def _first_error(options_class, given):
    with pytest.raises(ValidationError) as caught:
        validate_options(options_class, given)
    first = caught.value.errors()[0]
    return first["loc"], first["msg"], first["input"]


@pytest.mark.parametrize(
    "given",
    [{"share": 2}, {"share": "abc"}, {"labels": ["bad"]}, {"labels": "a"}, {"when": "x"}, {"from-year": "soon"}],
)
def test_a_dataclass_option_error_reads_as_a_models(given):
    assert _first_error(Declared, given) == _first_error(Modelled, given)


def test_dataclass_options_read_kebab_keys_field_names_and_checks():
    assert validate_options(Declared, {"from-year": "2025", "labels": ["x"]}) == Declared(from_year=2025, labels=["X"])
    assert validate_options(Declared, {"from_year": 2025}).from_year == 2025
    loc, _, _ = _first_error(Declared, {"nope": 1})
    assert loc == ("nope",)


def test_dataclass_defaults_are_built_without_validation():
    assert default_options(Declared) == Declared()
    assert default_options(Declared).labels is not default_options(Declared).labels


@rule_options
class Required:
    limit: int


def test_a_required_dataclass_option_still_fails_without_options():
    with pytest.raises(ValidationError, match="limit"):
        default_options(Required)
