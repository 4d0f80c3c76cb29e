"""Which rules run: select / ignore / extend-select over codes, names and prefixes."""

from __future__ import annotations

from collections.abc import Iterable

from targetlint.registry import Catalogue


class UnknownSelector(ValueError):
    def __init__(self, selector: str, hint: tuple[str, str] = ("", "")):
        super().__init__(selector)
        self.selector = selector
        self.hint = hint  # (zh, en) "did you mean", or empty


def known_words(registry: Catalogue) -> list[str]:
    """Every code and rule name a selector may spell, for "did you mean"."""
    return [*registry.rules, *registry.by_name]


def expand(registry: Catalogue, selectors: Iterable[str], *, strict: bool = True) -> set[str]:
    """Rule codes matched by codes ("TL201"), names ("rate-with-count"),
    prefixes ("TL2") or "ALL"; an unknown selector raises UnknownSelector
    (or, not ``strict``, matches nothing)."""
    codes: set[str] = set()
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        if selector.upper() == "ALL":
            codes.update(registry.rules)
            continue
        rule = registry.lookup(selector)
        if rule is not None:
            codes.add(rule.code)
            continue
        matched = {code for code in registry.rules if code.startswith(selector.upper())}
        if not matched and strict:
            from targetlint.suggest import hint

            raise UnknownSelector(selector, hint(selector, known_words(registry)))
        codes |= matched
    return codes


def resolve(
    registry: Catalogue,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
) -> set[str]:
    chosen = (
        expand(registry, select)
        if select is not None
        else {c for c, r in registry.rules.items() if getattr(r, "default_enabled", True)}
    )
    chosen |= expand(registry, extend_select)
    chosen -= expand(registry, ignore)
    return chosen
