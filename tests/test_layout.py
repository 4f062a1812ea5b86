"""The engine boundary: Whoosh is imported by the modules of indexer/whoosh/ and by no other
module of the library, so the rest speaks only the backend protocol and Archivist's own types."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "indexer"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_only_the_whoosh_backend_imports_whoosh():
    outside = [path for path in PACKAGE.rglob("*.py") if "whoosh" not in path.relative_to(PACKAGE).parts[:-1]]
    assert len(outside) > 20  # the library's modules were found
    importing = sorted(str(path.relative_to(PACKAGE)) for path in outside
                       if any(name == "whoosh" or name.startswith("whoosh.") for name in imported_modules(path)))
    assert importing == []


def test_the_whoosh_backend_does_import_whoosh():
    inside = list((PACKAGE / "whoosh").glob("*.py"))
    assert any(name.startswith("whoosh") for path in inside for name in imported_modules(path))
