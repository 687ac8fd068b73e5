"""The package layers import only downwards, checked on the source itself (every ``import`` and
``from … import`` statement, including those inside functions).

Why: ``kg.rdf`` turns records into RDF and must run without a store; ``kg.store`` keeps quads and
must not know what a record is; ``kg.graph`` is where the two meet; ``kg.vocabulary`` is shared by
all. A cycle between them made every store import the mapping, and the mapping import the store."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> packages it must never import (prefix match on dotted module names)
FORBIDDEN = {
    "kg.vocabulary": ("kg.rdf", "kg.store", "kg.graph", "kg.extract", "kg.analytics", "kg.commands", "nlp", "web"),
    "kg.rdf": ("kg.store", "kg.graph", "kg.analytics", "kg.commands", "nlp", "web"),
    "kg.store": ("kg.rdf", "kg.graph", "kg.extract", "kg.analytics", "kg.commands", "nlp", "web"),
    "kg.graph": ("kg.analytics", "kg.commands", "nlp", "web"),
    "kg.extract": ("kg.rdf", "kg.store", "kg.graph", "kg.analytics", "kg.commands", "nlp", "web"),
}


def imported_modules(path: Path, package: str) -> list[tuple[int, str]]:
    """Every module a source file imports, absolute, with its line (relative imports resolved
    against ``package``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.append((node.lineno, base))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def modules_of(package: str) -> list[Path]:
    return sorted((ROOT / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_downwards(package: str) -> None:
    assert modules_of(package), f"{package} has no modules"
    offences = []
    for path in modules_of(package):
        for line, module in imported_modules(path, package):
            for banned in FORBIDDEN[package]:
                if module == banned or module.startswith(banned + "."):
                    offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offences == [], "\n".join(offences)


def test_checker_sees_an_offence(tmp_path: Path) -> None:
    """The checker is not blind: a file that imports a forbidden layer is caught, in either form."""
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from kg.store.base import Store\nimport kg.graph.load\n", encoding="utf-8")
    modules = [m for _, m in imported_modules(source, "kg.rdf")]
    assert "kg.store.base" in modules and "kg.graph.load" in modules
