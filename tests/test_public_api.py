"""The hooks and the package use MkDocs and Material through their public names only: no
`_`-prefixed module, function or class (Python's own `__name__` and the like aside), which
either may change without notice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

ENGINES = ("mkdocs", "material")


def private_uses(source: str) -> list[str]:
    """Each `_`-prefixed name of MkDocs or Material that `source` imports or reaches through
    an imported module, as `line: dotted.name`."""
    found: list[str] = []
    modules: set[str] = set()  # local names bound to an engine's modules
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ENGINES:
                    found += _private(node.lineno, alias.name.split("."))
                    modules.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] in ENGINES and node.level == 0:
                for alias in node.names:
                    found += _private(node.lineno, [*parts, alias.name])
                    modules.add(alias.asname or alias.name)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in modules:
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return sorted(found, key=lambda use: int(use.split(":")[0]))


def _private(line: int, parts: list[str]) -> list[str]:
    return [f"{line}: {'.'.join(parts)}"] if any(_is_private(p) for p in parts) else []


def _is_private(name: str) -> bool:
    """`_x` is private; `__name__` and the like are Python's own."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "hooks").rglob("*.py")) + sorted((ROOT / "showcase").rglob("*.py")),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_no_private_name_of_mkdocs_or_material_is_used(path: Path) -> None:
    assert private_uses(path.read_text("utf-8")) == []


def test_the_check_finds_each_way_of_reaching_a_private_name() -> None:
    source = """
from mkdocs.commands.build import _build_page, build
from material.plugins.search._index import Index
import mkdocs.commands.build
import mkdocs
from mkdocs.structure import pages as mkdocs_pages
mkdocs.commands.build._populate_page(page)
mkdocs_pages._RelativePathTreeprocessor
from mkdocs.structure.files import File
File.generated
mkdocs.__name__
"""
    assert private_uses(source) == [
        "2: mkdocs.commands.build._build_page",
        "3: material.plugins.search._index.Index",
        "7: mkdocs.commands.build._populate_page",
        "8: mkdocs_pages._RelativePathTreeprocessor",
    ]
