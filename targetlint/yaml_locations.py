"""Where a pydantic error's ``loc`` points in a composed YAML document: the
one walk from a key path to a line and column, shared by configuration
files, rule files and profiles."""

from __future__ import annotations

import re
from dataclasses import dataclass

# How pydantic names an unknown key: a model says extra_forbidden, a
# dataclass unexpected_keyword_argument. Such an error is placed at the key.
UNKNOWN_KEY = ("extra_forbidden", "unexpected_keyword_argument")


def child(node, key: str, value: bool = False):
    if node is None or node.id != "mapping":
        return None
    for key_node, value_node in node.value:
        if key_node.id == "scalar" and key_node.value == key:
            return value_node if value else (key_node, value_node)
    return None


def _entry(node, key: str):
    found = child(node, key)
    if found is None:
        # Settings are spelt fail-on or fail_on; errors name them the first way.
        loose = key.replace("_", "-")
        for key_node, value_node in node.value:
            written = key_node.value if key_node.id == "scalar" else None
            if isinstance(written, str) and written.replace("_", "-") == loose:
                return key_node, value_node
    return found


@dataclass(frozen=True, slots=True)
class Trail:
    """How far a key path got in a document."""

    node: object  # the deepest node reached
    key: object | None  # the key node of the last mapping entry reached (None after a list index)
    complete: bool  # every part of the path was found
    depth: int  # how many parts were found

    def mark(self, at_key: bool):
        return self.key.start_mark if at_key and self.key is not None else self.node.start_mark  # type: ignore[attr-defined]


def walk(node, loc: tuple) -> Trail:
    """Follow ``loc`` from ``node``: a part the document does not hold (a
    missing key, pydantic's bookkeeping) is passed over, and the walk goes
    on from where it stands."""
    current, key_node, found = node, None, 0
    for part in loc:
        if current.id == "mapping" and isinstance(part, str):
            entry = _entry(current, part)
            if entry is None:
                continue
            key_node, current = entry
        elif current.id == "sequence" and isinstance(part, int) and 0 <= part < len(current.value):
            key_node, current = None, current.value[part]
        else:
            continue
        found += 1
    return Trail(current, key_node, found == len(loc), found)


def locate(node, loc: tuple, error_type: str) -> tuple[int, int]:
    """(line, column) for an error: unknown keys at the key, others at the value."""
    mark = walk(node, loc).mark(at_key=error_type in UNKNOWN_KEY)
    return mark.line + 1, mark.column + 1


def setting_position(node, loc: tuple, at_key: bool = False) -> tuple[int, int] | None:
    """(line, column) of the setting at ``loc``: its value, or its key with
    ``at_key``. Where ``loc`` goes further than the document (a list written
    as one comma-separated string, an entry a profile added), the nearest
    part that is there: a scalar holding what ``loc`` points into, else the
    setting it belongs to at its key; None when not even the first part is."""
    trail = walk(node, loc)
    if not trail.complete:
        if trail.depth == 0:
            return None
        at_key = trail.node.id != "scalar"  # type: ignore[attr-defined]
    mark = trail.mark(at_key)
    return mark.line + 1, mark.column + 1


def plain_loc(loc: tuple) -> tuple:
    # Union members ("str", "list[str]", "TextOps") and validator wrappers
    # ("function-after[…]") are pydantic's bookkeeping, not keys the user wrote.
    return tuple(
        p
        for p in loc
        if not (isinstance(p, str) and (_CLASS_NAME.match(p) or "[" in p or p in ("str", "float", "int", "bool")))
    )


_CLASS_NAME = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")
