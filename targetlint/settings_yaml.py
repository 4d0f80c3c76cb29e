"""YAML settings (configuration, profiles, rule files) under the limits a
declaration gets: the same nesting bound (checked on the text, before a
parser that would overflow the C stack sees it) and the same node budget,
counting every node an alias stands for, so an alias bomb is refused
instead of expanded into gigabytes by whatever walks the data next."""

from __future__ import annotations

from targetlint.loader import MAX_NESTING, NODE_BUDGET, too_deep


class TooComplex(Exception):
    """Where and why a settings document is refused (line and column 1-based)."""

    def __init__(self, line: int, column: int, zh: str, en: str):
        super().__init__(en)
        self.line, self.column, self.zh, self.en = line, column, zh, en


def _too_deep_at(text: str, offset: int) -> TooComplex:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return TooComplex(line, column, f"嵌套超过 {MAX_NESTING} 层", f"nested deeper than {MAX_NESTING} levels")


def check(text: str, *, pure: bool = False):
    """Compose ``text`` and return its first document's root node (None
    when empty); raise :class:`TooComplex` when it nests too deep or holds
    more nodes than the budget, aliases expanded. YAML errors propagate."""
    from ruamel.yaml import YAML

    check_depth(text)
    try:
        root = YAML(typ="safe", pure=pure).compose(text)
    except RecursionError:
        raise _too_deep_at(text, 0) from None
    check_nodes(root)
    return root


def check_depth(text: str) -> None:
    """Raise :class:`TooComplex` where ``text`` may nest deeper than a declaration may."""
    offset = too_deep(text)
    if offset is not None:
        raise _too_deep_at(text, offset)


def check_nodes(root) -> None:
    """Count ``root``'s nodes as a reader of the data would meet them (an
    alias counts its whole subtree each time), iteratively."""
    budget = NODE_BUDGET
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        budget -= 1
        if budget < 0:
            mark = node.start_mark
            raise TooComplex(
                mark.line + 1,
                mark.column + 1,
                f"展开别名（*别名）后超过 {NODE_BUDGET} 个节点",
                f"more than {NODE_BUDGET} nodes once aliases (*name) are expanded",
            )
        if node.id == "mapping":
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif node.id == "sequence":
            stack.extend(node.value)
