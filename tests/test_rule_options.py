"""A rule created without options gets what validating {} would give; the
validator is skipped only when nothing would have run on the defaults."""

from __future__ import annotations

import re

import pytest
from pydantic import Field, ValidationError, model_validator

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
