"""Rule options declared as pydantic models: the older form, still accepted.

New rules declare options with :func:`targetlint.options.rule_options`
(dataclasses that need no pydantic to run on defaults). A pack whose
``Options`` subclass :class:`RuleOptions` keeps working; pydantic is then
imported when the pack loads.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from targetlint.options import OPTIONS_CONFIG


class RuleOptions(BaseModel):
    """Unknown keys are errors, and configuration spells keys in kebab-case
    (``error-from-year``) while Python callers may use the field names.
    Validators are built only when a configuration sets options."""

    model_config = ConfigDict(**OPTIONS_CONFIG, defer_build=True)  # type: ignore[typeddict-item]
