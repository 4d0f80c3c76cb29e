"""Every rule's YAML cases in tests/rules/, run by one parametrised test."""

import pytest

from targetlint.testing import case_params, check_case

from .conftest import ROOT


@pytest.mark.parametrize("case", case_params(ROOT / "tests" / "rules"))
def test_rule_case(case):
    check_case(case)
