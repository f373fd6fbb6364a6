"""The architecture's import rules and the mapped package layout."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import stancegraph

PACKAGE_ROOT = Path(stancegraph.__file__).resolve().parent


def _package_dir(sub: str) -> Path:
    return Path(resources.files(f"stancegraph.{sub}")).resolve()  # type: ignore[arg-type]


def _imported_modules(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def _fresh_modules(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    return {m.split(".")[0] for m in out.stdout.split()}


def test_extract_source_never_imports_rdflib():
    assert "rdflib" not in _imported_modules(_package_dir("extract"))
    assert "pyoxigraph" not in _imported_modules(_package_dir("extract"))


def test_graph_source_never_imports_spacy():
    assert "spacy" not in _imported_modules(_package_dir("graph"))


def test_importing_extract_loads_no_rdflib():
    assert "rdflib" not in _fresh_modules("import stancegraph.extract.extractor")


def test_importing_graph_loads_no_spacy():
    modules = _fresh_modules(
        "import stancegraph.graph.store, stancegraph.graph.writer, stancegraph.graph.rows, "
        "stancegraph.graph.query, stancegraph.graph.view"
    )
    assert "spacy" not in modules
    assert "rdflib" in modules  # the check itself works


def test_importing_stancegraph_loads_neither_pyvis_nor_the_heavy_libraries():
    modules = _fresh_modules("import stancegraph, stancegraph.cli, stancegraph.api")
    assert "pyvis" not in modules
    assert "spacy" not in modules


def test_mapped_packages_refuse_a_second_name(tmp_path):
    """Importing the graph/ folder as a top-level 'graph' module fails loudly instead of loading twice."""
    folder = _package_dir("graph")
    link = tmp_path / "graph"
    link.symlink_to(folder, target_is_directory=True)
    out = subprocess.run(
        [sys.executable, "-c", "import graph"], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode != 0
    assert "stancegraph.graph" in out.stderr


@pytest.mark.parametrize("sub,data", [("graph", "vocab.ttl"), ("extract", "data/states.csv")])
def test_package_data_is_installed(sub, data):
    assert (resources.files(f"stancegraph.{sub}") / data).is_file()


def test_wheel_run_imports_the_installed_wheel():
    """Under `make test-wheel` the code under test is the wheel's, not the working tree's."""
    import os

    if not os.environ.get("STANCEGRAPH_WHEEL_TEST"):
        pytest.skip("only meaningful in the installed-wheel run (make test-wheel)")
    assert "site-packages" in str(PACKAGE_ROOT)
    assert "site-packages" in str(_package_dir("graph")) and "site-packages" in str(_package_dir("extract"))
