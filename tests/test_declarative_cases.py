"""Every declarative rule's YAML cases (tests/declarative/cases), run through
the same harness pack authors use: each case file names its rule file."""

import pytest

from targetlint.testing import case_params, check_case

from .conftest import ROOT


@pytest.mark.parametrize("case", case_params(ROOT / "tests" / "declarative" / "cases"))
def test_declarative_case(case):
    check_case(case)
