"""Where a pydantic error's ``loc`` points in a composed YAML document: the
one walk from a key path to a line and column, shared by rule files and
profiles."""

from __future__ import annotations

import re


def child(node, key: str, value: bool = False):
    if node is None or node.id != "mapping":
        return None
    for key_node, value_node in node.value:
        if key_node.id == "scalar" and key_node.value == key:
            return value_node if value else (key_node, value_node)
    return None


def locate(node, loc: tuple, error_type: str):
    """(line, column) for an error: unknown keys at the key, others at the value."""
    current = node
    key_node = None
    for part in loc:
        if current.id == "mapping" and isinstance(part, str):
            found = child(current, part)
            if found is None:
                continue
            key_node, current = found
        elif current.id == "sequence" and isinstance(part, int) and 0 <= part < len(current.value):
            key_node, current = None, current.value[part]
    target = key_node if error_type == "extra_forbidden" and key_node is not None else current
    return target.start_mark.line + 1, target.start_mark.column + 1


def plain_loc(loc: tuple) -> tuple:
    # Union members ("str", "list[str]", "TextOps") and validator wrappers
    # ("function-after[…]") are pydantic's bookkeeping, not keys the user wrote.
    return tuple(
        p
        for p in loc
        if not (isinstance(p, str) and (_CLASS_NAME.match(p) or "[" in p or p in ("str", "float", "int", "bool")))
    )


_CLASS_NAME = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")
