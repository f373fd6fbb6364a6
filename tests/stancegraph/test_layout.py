"""The architecture's import rules and the mapped package layout.

``graph/`` is cut into sub-packages along the data's direction; each imports only its own modules and those of
the layers before it, and no module imports another that imports it back.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import stancegraph
from support import REPO

# Where the package is imported from (not where its files link to: an editable install links each file).
PACKAGE_ROOT = Path(stancegraph.__file__).parent

# The layers of stancegraph.graph, in the data's direction: a module may import its own layer and the lower ones.
GRAPH_LAYERS = {"rdf": 0, "store": 1, "sparql": 2, "readwrite": 3, "networks": 4, "analysis": 5, "views": 5}


def _package_dir(sub: str) -> Path:
    return Path(resources.files(f"stancegraph.{sub}"))  # type: ignore[arg-type]


def _module_name(path: Path) -> str:
    """The dotted name of an installed source file of stancegraph."""
    parts = list(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE_ROOT.rglob("*.py")}


def _imports(module: str, path: Path) -> set[str]:
    """Every module ``module`` imports, at the top or inside a function, with relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)  # "from . import measures"
    return names


def _internal_graph() -> dict[str, set[str]]:
    """stancegraph's modules and the stancegraph modules each imports."""
    sources = _sources()
    return {module: {name for name in _imports(module, path) if name in sources and name != module}
            for module, path in sources.items()}


def _top_level_imports(folder: Path) -> set[str]:
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


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["stancegraph", "graph"] else None


def test_extract_source_never_imports_rdflib():
    assert "rdflib" not in _top_level_imports(_package_dir("extract"))
    assert "pyoxigraph" not in _top_level_imports(_package_dir("extract"))


def test_graph_source_never_imports_spacy():
    assert "spacy" not in _top_level_imports(_package_dir("graph"))


def test_the_graph_layers_import_only_their_own_and_lower_layers():
    upward = []
    for module, imported in _internal_graph().items():
        layer = _layer(module)
        if layer is None:
            continue
        for name in imported:
            other = _layer(name)
            if other is not None and other != layer and GRAPH_LAYERS[other] >= GRAPH_LAYERS[layer]:
                upward.append(f"{module} imports {name}")
    assert not upward


def test_every_graph_module_lies_in_a_layer():
    loose = [m for m in _sources() if m.startswith("stancegraph.graph.") and _layer(m) not in GRAPH_LAYERS]
    assert not loose, "a graph module outside the layers: add it to one (and to GRAPH_LAYERS if a new one)"


def test_no_module_imports_itself_through_others():
    graph = _internal_graph()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for name in sorted(graph[module]):
            # a package's __init__ re-exporting its own modules is not a circle of the code
            if module.startswith(name + ".") or name.startswith(module + "."):
                continue
            if state.get(name) == 1:
                cycles.append(" -> ".join([*path[path.index(name):], name]))
            elif name not in state:
                visit(name, [*path, name])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles


def test_the_command_line_calls_only_the_api():
    imported = _internal_graph()["stancegraph.cli"]
    assert not [m for m in imported if m.startswith(("stancegraph.graph", "stancegraph.extract"))]
    assert "stancegraph.api" in imported


@pytest.mark.parametrize("folder", sorted({p.parent for p in PACKAGE_ROOT.rglob("__init__.py")}),
                         ids=lambda p: _module_name(p / "__init__.py"))
def test_every_package_says_what_it_holds(folder):
    docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring) > 40


def test_pyproject_lists_every_package():
    """The wheel ships the packages pyproject.toml names: a folder missing there is missing from the wheel. A
    listed folder without ``__init__.py`` holds data only, and pyproject says which files."""
    if not (REPO / "pyproject.toml").is_file() or not (REPO / "graph").is_dir():
        pytest.skip("needs the source tree")
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    roots = {"stancegraph": REPO / "stancegraph", "stancegraph.extract": REPO / "extract",
             "stancegraph.graph": REPO / "graph"}

    def folder(package: str) -> Path:
        root = max((r for r in roots if package == r or package.startswith(r + ".")), key=len)
        return roots[root].joinpath(*package[len(root):].split(".")[1:])

    code = set()
    for package, root in roots.items():
        for init in root.rglob("__init__.py"):
            if "__pycache__" not in init.parts:
                code.add(".".join((package, *init.parent.relative_to(root).parts)))
    listed = set(setuptools["packages"])
    assert code <= listed
    for data in listed - code:
        assert folder(data).is_dir() and not list(folder(data).glob("*.py")), data
        assert data in setuptools["package-data"], data


def test_importing_extract_loads_no_rdflib():
    assert "rdflib" not in _fresh_modules("import stancegraph.extract.extractor")


def test_importing_graph_loads_no_spacy():
    modules = _fresh_modules(
        "import stancegraph.graph.store, stancegraph.graph.readwrite, stancegraph.graph.sparql, "
        "stancegraph.graph.networks, stancegraph.graph.analysis, stancegraph.graph.views.html"
    )
    assert "spacy" not in modules
    assert "rdflib" in modules  # the check itself works


def test_importing_stancegraph_loads_neither_pyvis_nor_the_heavy_libraries():
    modules = _fresh_modules("import stancegraph, stancegraph.cli, stancegraph.api, stancegraph.graph")
    assert not modules & {"pyvis", "spacy", "rdflib", "networkx"}


def test_the_graph_package_gives_its_public_names_on_first_use():
    import stancegraph.graph as graph

    assert all(getattr(graph, name) is not None for name in graph.__all__)
    with pytest.raises(AttributeError):
        graph.no_such_name  # noqa: B018


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


@pytest.mark.parametrize(
    "package,data",
    [
        ("graph.rdf", "vocab.ttl"),
        ("graph.rdf", "shapes.ttl"),
        ("graph.sparql", "queries/actor-positions.rq"),
        ("graph.views.html", "templates/view.html"),
        ("extract", "data/states.csv"),
    ],
)
def test_package_data_is_installed(package, data):
    assert (resources.files(f"stancegraph.{package}") / data).is_file()


def test_wheel_run_imports_the_installed_wheel():
    """Under `make test-wheel` the code under test is the wheel's, not the working tree's."""
    import os

    if not os.environ.get("STANCEGRAPH_WHEEL_TEST"):
        pytest.skip("only meaningful in the installed-wheel run (make test-wheel)")
    assert "site-packages" in str(PACKAGE_ROOT)
    assert "site-packages" in str(_package_dir("graph")) and "site-packages" in str(_package_dir("extract"))
