"""One pydantic-error → line:column locator (targetlint.yaml_locations) for
configuration files, rule files and profiles."""

from __future__ import annotations

import ast
from pathlib import Path

from ruamel.yaml import YAML

from targetlint.yaml_locations import locate, setting_position, walk

TEXT = """\
select: TL2, TL3
fail_on: warning
rule-options:
  TL214:
    words: [a, b]
rules:
  - code: TLX001
    where: {name: x}
"""


def _root():
    return YAML(typ="safe").compose(TEXT)


def test_a_complete_path_is_placed_at_its_value_or_key():
    root = _root()
    assert setting_position(root, ("rule-options", "TL214", "words", 1)) == (5, 16)
    assert setting_position(root, ("rule-options", "TL214"), at_key=True) == (4, 3)
    assert locate(root, ("rules", 0, "where", "name"), "string_type") == (8, 19)
    assert locate(root, ("rules", 0, "where"), "extra_forbidden") == (8, 5)


def test_a_setting_spelt_with_an_underscore_is_found():
    assert setting_position(_root(), ("fail-on",)) == (2, 10)


def test_a_path_going_further_than_the_file_stops_at_the_nearest_part():
    root = _root()
    # A list written as one comma-separated string: the string.
    assert setting_position(root, ("select", 1)) == (1, 9)
    # An entry a profile added: the setting it belongs to, at its key.
    assert setting_position(root, ("rule-options", "TL999", "x")) == (3, 1)
    assert setting_position(root, ("exclude",)) is None
    # pydantic's bookkeeping between keys is passed over.
    trail = walk(root, ("rules", 0, "where", "value", "name"))
    assert not trail.complete and trail.depth == 4 and trail.node.value == "x"


def test_every_settings_reader_uses_the_one_locator():
    package = Path(__file__).resolve().parent.parent / "targetlint"
    for name in ("config.py", "profiles.py", "declarative/loader.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "targetlint.yaml_locations"
            for alias in node.names
        }
        assert imported & {"locate", "setting_position"}, name
