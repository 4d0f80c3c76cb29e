"""The declarative engine as a targetlint plugin.

It finds YAML-only rule packs: installed distributions that declare an entry
point in the ``targetlint.rulefiles`` group whose value names a package (any
importable package holding ``*.yaml`` rule files, usually with an empty
``__init__.py``)::

    [project.entry-points."targetlint.rulefiles"]
    shanghai = "targetlint_shanghai"

Discovery reads only installed metadata and lists directories: no pack code
runs and no rule file is parsed here. The registry compiles the files this
hook returns, together with those other plugins ship, after every plugin has
answered (see :func:`targetlint.plugins.load_catalogue`).
"""

from __future__ import annotations

from targetlint.hookspecs import hookimpl

RULEFILES_GROUP = "targetlint.rulefiles"


def pack_rule_files() -> list[tuple[str, str]]:
    """(pack name, rule file path) for every installed YAML-only pack."""
    import importlib.util
    import os

    from targetlint.discovery import entry_points

    found: list[tuple[str, str]] = []
    for entry_point in sorted(entry_points(group=RULEFILES_GROUP), key=lambda ep: ep.name):
        # find_spec locates the package without executing it (its parent
        # packages aside), so a pack can hold no code at all.
        spec = importlib.util.find_spec(entry_point.module)
        locations = list(spec.submodule_search_locations or ()) if spec is not None else []
        if spec is None or not locations:
            found.append((entry_point.name, f"<{entry_point.name}: package {entry_point.module} not found>"))
            continue
        for directory in locations:
            for name in sorted(os.listdir(directory)):
                if name.endswith((".yaml", ".yml")):
                    found.append((entry_point.name, os.path.join(directory, name)))
    return found


@hookimpl
def targetlint_rule_files():
    # (pack, path): a pack's rules show the pack as their origin.
    return pack_rule_files()
