"""The layers of ARCHITECTURE.md, read from the source: no import cycle, no upward import.

Every ``import`` in ``app/`` is parsed with :mod:`ast`, including the ones inside functions (a
deferred import is still a dependency: it only hides a cycle until that function runs). Imports
under ``if TYPE_CHECKING:`` are left out, since they never run. A failure names the offending
module and what it imports, so the fix is obvious.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
QT = ("PySide6", "shiboken6", "pyqtgraph")
SQL = ("sqlalchemy", "alembic")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(APP.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(module: str) -> set[str]:
    """Every module ``module`` imports: ``app.*`` modules resolved, others as written."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            parent = package.split(".")
            parent = parent[: len(parent) - (node.level - 1)]
            base = ".".join([*parent, base] if base else parent)
        for alias in node.names:
            # ``from app.models import backup`` imports the module app.models.backup.
            candidate = f"{base}.{alias.name}"
            found.add(candidate if candidate in MODULES else base)
    return found


GRAPH: dict[str, set[str]] = {m: imports_of(m) for m in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _is(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        if _is(module, (layer,))
        for target in targets
        if _is(target, forbidden)
    )


def test_the_parser_sees_the_imports_it_must_judge():
    # Guards the checks below against passing because they read nothing.
    assert len(MODULES) > 60
    assert "app.services.csv_import" in GRAPH["app.cli"]  # deferred, inside a function
    assert "app.models.backup" in GRAPH["app.services.backups"]  # ``from app.models import backup``
    assert "sqlalchemy" in GRAPH["app.models.db"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle():
    assert cycles(GRAPH) == []


RULES = {
    "app.domain": ("PySide6", "shiboken6", "pyqtgraph", *SQL, "app.models", "app.services",
                   "app.views", "app.reports", "app.cli", "app.gui"),
    "app.models": (*QT, "app.services", "app.views", "app.reports", "app.cli", "app.gui"),
    "app.services": (*QT, "app.views", "app.cli", "app.gui"),
    "app.reports": ("app.services", "app.views", "app.models", "app.cli", "app.gui", *QT),
    "app.cli": ("app.views", "app.gui"),
    "app.errors": ("app",),  # the leaf every layer may import
    "app.folders": ("app",),  # a leaf too: every layer creates folders the same way
}  # fmt: skip


@pytest.mark.parametrize("layer", sorted(RULES))
def test_no_upward_import(layer):
    assert violations(layer, RULES[layer]) == []


def test_views_reach_the_database_through_services_only():
    assert violations("app.views", ("app.models",)) == []
