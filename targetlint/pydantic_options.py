"""Rule options declared as pydantic models: the older form, still accepted.

New rules declare options with :func:`targetlint.options.rule_options`
(dataclasses that need no pydantic to run on defaults). A pack whose
``Options`` subclass :class:`RuleOptions` keeps working; pydantic is then
imported when the pack loads.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from targetlint.validation import KEBAB_KEYS


class RuleOptions(BaseModel):
    """Unknown keys are errors, and configuration spells keys in kebab-case
    (``error-from-year``) while Python callers may use the field names.
    Validators are built only when a configuration sets options."""

    model_config = ConfigDict(**KEBAB_KEYS, defer_build=True)  # type: ignore[typeddict-item]


def pydantic_defaults(options_class: type[BaseModel]) -> BaseModel:
    """``options_class`` with every field at its default: what validating ``{}``
    gives, without building the validator when nothing would run on defaults.
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
