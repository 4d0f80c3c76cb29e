"""The package is flat, and its layers are this table.

Every module of ``targetlint`` is assigned to one layer; a module may import
modules of its own layer and of the layers below it, never above. The import
graph has no cycles, and no module imports another module's private
(``_underscore``) name. The graph is read from the source with ``ast``:
imports at module level and inside functions alike (a lazy import is still
a dependency). Imports under ``if TYPE_CHECKING:`` are left out: they never
run, so they neither order the layers nor close a cycle. Importing
``a.b.c`` also runs the packages ``a.b`` above it; those implicit edges are
not drawn, since a package's ``__init__`` may reach into its own modules.

A new module must be added to the table (the test says so), which is the
moment to decide where it stands.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "targetlint"

# Lowest first. The data flows upward: a file's bytes (source) are read into
# located YAML and the model (document), whose cells carry values parsed by
# the value grammar and judged against the vocabulary (facts sit below the
# document because the model holds parsed values); rules see the model; the
# engine runs rules and contains them; policy decides per file which rules,
# severities, ignores and baselines apply; output renders findings; the
# command line is the edge.
LAYERS: dict[str, list[str]] = {
    "source": [
        "targetlint",
        "i18n",
        "os_errors",
        "sizes",
        "span",
        "escape",
        "deadline",
        "user_regex",
        "source",
        "atomic",
        "yaml_locations",
        "validation",
    ],
    "facts": ["vocabulary", "suggest", "values", "names", "goal", "measurability", "text", "cleanup", "form_fields"],
    "document": ["model", "model_schema", "loader", "settings_yaml"],
    # The importer's readers sit with the document: a workbook checked in place
    # (workbook_source) is read by them; `targetlint import` (the package) is the edge.
    "import": [
        "importer.model",
        "importer.labels",
        "importer.indicators",
        "importer.form",
        "importer.text",
        "importer.excel",
        "importer.emit",
    ],
    "rules API": ["options", "pydantic_options", "rule", "hookspecs", "value_fixes", "finding_identity"],
    "engine": [
        "engine",
        "results",
        "policy",
        "lint",
        "workbook_source",
        "projects",
        "cache_stamps",
        "cache",
        "cache_pruning",
        "parallel",
        "suppressions",
        "runner",
        "gitignore",
        "fixer",
        "registry",
        "selection",
        "discovery",
        "plugins",
        "declarative",
        "declarative.schema",
        "declarative.selectors",
        "declarative.compile",
        "declarative.loader",
        "declarative.plugin",
        "testing",
    ],
    "policy": ["config", "profiles", "planner", "baseline"],
    "output": [
        "reporters",
        "reporters.text",
        "reporters.json",
        "reporters.sarif",
        "reporters.github",
        "reporters.gitlab",
        "reporters.junit",
        "reporters.prose",
        "reporters.html",
        "reporters.xlsx",
        "progress",
        "rule_tables",
        "schema",
    ],
    "cli": [
        "command",
        "fix_command",
        "show",
        "check",
        "cli_parser",
        "cli",
        "editor",
        "server",
        "__main__",
        "importer",
        "importer.__main__",
    ],
}


def _full(name: str) -> str:
    return "targetlint" if name == "targetlint" else f"targetlint.{name}"


LAYER_OF = {_full(module): rank for rank, modules in enumerate(LAYERS.values()) for module in modules}
LAYER_NAMES = list(LAYERS)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST):
    """Every import that can run: at module level and in function bodies."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for other in node.orelse:
                yield from _import_nodes(ast.Module(body=[other], type_ignores=[]))
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        yield from _import_nodes(node)


def _owner(dotted: str) -> str | None:
    """The targetlint module ``dotted`` names, or lies in (a name imported from it)."""
    while dotted:
        if dotted in MODULES:
            return dotted
        dotted = dotted.rpartition(".")[0]
    return None


def _imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, name taken from it or None, line) for every import in ``module``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, None, node.lineno) for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            parts = package.split(".")
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join([*parts, base] if base else parts)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in MODULES:
                found.append((submodule, None, node.lineno))
            else:
                found.append((base, alias.name, node.lineno))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for module in MODULES:
        for imported, _, _ in _imports(module):
            target = _owner(imported)
            if target is not None and target != module:
                graph[module].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_every_module_has_a_layer():
    assert sorted(set(MODULES) - set(LAYER_OF)) == [], "add the new modules to LAYERS"
    assert sorted(set(LAYER_OF) - set(MODULES)) == [], "LAYERS names modules that do not exist"


def test_the_import_graph_has_no_cycles():
    assert _cycles(_graph()) == []


def test_imports_only_go_down_the_layers():
    upward = [
        f"{module} ({LAYER_NAMES[LAYER_OF[module]]}) imports {target} ({LAYER_NAMES[LAYER_OF[target]]})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        # A module missing from the table fails test_every_module_has_a_layer instead.
        if module in LAYER_OF and target in LAYER_OF and LAYER_OF[target] > LAYER_OF[module]
    ]
    assert upward == []


def test_no_module_imports_another_modules_private_name():
    taken = []
    for module, path in MODULES.items():
        for imported, name, line in _imports(module):
            target = _owner(imported)
            if target is None or target == module:
                continue
            private_module = any(part.startswith("_") and not part.startswith("__") for part in imported.split("."))
            if private_module or (name and name.startswith("_") and not name.startswith("__")):
                taken.append(f"{path.relative_to(ROOT)}:{line}: {imported}{'.' + name if name else ''}")
    assert taken == []


def test_no_module_reads_another_modules_private_attribute():
    # `from targetlint import loader; loader._composer()` is the same import in disguise.
    read = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in _import_nodes(tree):
            for alias in node.names:
                if isinstance(node, ast.Import):
                    dotted, bound = alias.name, alias.asname
                else:
                    dotted, bound = f"{node.module}.{alias.name}" if node.module else alias.name, alias.asname
                    bound = bound or alias.name
                if bound and dotted in MODULES and dotted != module:
                    aliases[bound] = dotted
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                read.append(f"{path.relative_to(ROOT)}:{node.lineno}: {aliases[node.value.id]}.{node.attr}")
    assert read == []


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import targetlint.a\n", {"targetlint.a"}),
        ("def f():\n    from targetlint import b\n", {"targetlint.b"}),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from targetlint import c\n", set()),
    ],
)
def test_the_reader_sees_lazy_imports_and_skips_type_only_ones(source, expected):
    nodes = list(_import_nodes(ast.parse(source)))
    seen = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            seen.update(alias.name for alias in node.names)
        elif node.module and node.module.startswith("targetlint"):
            seen.update(f"{node.module}.{alias.name}" for alias in node.names)
    assert seen == expected


def test_the_reader_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
