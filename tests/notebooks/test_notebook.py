"""The quickstart notebook, executed end to end on every run: what a researcher following it sees.

The notebook runs in a real Jupyter kernel started from *this* Python (a kernel spec written by ipykernel for
``sys.executable``), with ``notebooks/`` as its working directory, as when it is opened in Jupyter.
"""

from __future__ import annotations

import html
import json
import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from support import REPO

NOTEBOOKS = REPO / "notebooks"
QUICKSTART = NOTEBOOKS / "01_quickstart.ipynb"
TIMEOUT = 300
PROBE_TAG = "test-probe"

pytestmark = pytest.mark.skipif(
    not QUICKSTART.is_file(),
    reason=(
        f"the notebooks folder is not beside the tests ({QUICKSTART} is absent): the tests run from a copy "
        "of tests/ against an installed wheel"
        + (" (STANCEGRAPH_WHEEL_TEST=1)" if os.environ.get("STANCEGRAPH_WHEEL_TEST") else "")
    ),
)

# Appended to the in-memory copy only: which Python ran the kernel, where, and whether the temporary
# output folder is gone after the notebook's last cell.
PROBE = """
import json as _json, os as _os, sys as _sys
print(_json.dumps({
    "executable": _sys.executable,
    "prefix": _sys.prefix,
    "cwd": _os.getcwd(),
    "workdir": workdir.name,
    "workdir_exists": _os.path.exists(workdir.name),
}))
"""


def _tagged(nb: Any, tag: str) -> Any:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected exactly one cell tagged {tag!r} in {QUICKSTART.name}, found {len(cells)}"
    return cells[0]


def _result_html(cell: Any) -> str:
    results = [o for o in cell.outputs if o.output_type == "execute_result" and "text/html" in o.get("data", {})]
    assert results, f"cell {cell.get('id')} shows no HTML result; its outputs: {cell.outputs!r}"
    return results[-1]["data"]["text/html"]


class _Tables(HTMLParser):
    """The header and body rows of each ``<table>`` (a pandas DataFrame's HTML), cell texts unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[dict[str, list[list[str]]]] = []
        self._section = ""
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"thead": [], "tbody": []})
        elif tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables and self._section:
            self.tables[-1][self._section].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _dataframe(cell: Any) -> list[dict[str, str]]:
    """The rows of the DataFrame a cell displayed, as dicts column -> cell text."""
    parser = _Tables()
    parser.feed(_result_html(cell))
    assert len(parser.tables) == 1, f"cell {cell.get('id')} should show one table, shows {len(parser.tables)}"
    table = parser.tables[0]
    columns = table["thead"][0][1:]  # the first header cell is the index's
    return [dict(zip(columns, row[1:], strict=True)) for row in table["tbody"]]


class _Iframes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.iframes: list[dict[str, str | None]] = []
        self.other_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "iframe":
            self.iframes.append(dict(attrs))
        else:
            self.other_tags.append(tag)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The quickstart executed once in a fresh kernel; returns (notebook, probe facts)."""
    import nbformat
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    kernels = tmp_path_factory.mktemp("kernels")
    write_kernel_spec(kernels / "python3")  # argv: [sys.executable, "-m", "ipykernel_launcher", ...]
    spec_manager = KernelSpecManager(kernel_dirs=[str(kernels)])
    spec = spec_manager.get_kernel_spec("python3")
    assert spec.argv[0] == sys.executable, f"the kernel spec would run {spec.argv[0]}, not {sys.executable}"

    nb = nbformat.read(QUICKSTART, as_version=4)
    probe = nbformat.v4.new_code_cell(PROBE, metadata={"tags": [PROBE_TAG]})
    nb.cells.append(probe)

    before = set(os.listdir(NOTEBOOKS))
    client = NotebookClient(
        nb,
        km=KernelManager(kernel_name="python3", kernel_spec_manager=spec_manager),
        kernel_name="python3",
        timeout=TIMEOUT,
        allow_errors=True,  # the errors are asserted below, cell by cell, with their tracebacks
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    left = sorted(set(os.listdir(NOTEBOOKS)) - before - {".ipynb_checkpoints"})

    streams = [o for o in _tagged(nb, PROBE_TAG).outputs if o.output_type == "stream" and o.name == "stdout"]
    facts = json.loads(streams[-1]["text"].strip().splitlines()[-1]) if streams else {}
    facts["new_in_notebooks"] = [name for name in left if not name.endswith(".ipynb")]
    return nb, facts


def test_notebook_is_saved_without_outputs():
    import nbformat

    nb = nbformat.read(QUICKSTART, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    dirty = [c.get("id") for c in code if c.outputs or c.execution_count is not None]
    assert not dirty, f"cells saved with outputs (clear them before saving): {dirty}"


def test_runs_without_errors(executed):
    nb, _ = executed
    errors = [
        f"cell {c.get('id')}: {o.ename}: {o.evalue}\n" + "\n".join(o.traceback)
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert not errors, "\n\n".join(errors)


def test_shows_no_warnings(executed):
    """A quickstart a researcher follows should not greet them with warnings on stderr."""
    nb, _ = executed
    stderr = [
        f"cell {c.get('id')}: {o.text}"
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stderr"
    ]
    assert not stderr, "\n".join(stderr)


def test_kernel_is_the_tests_python_in_notebooks_and_leaves_nothing_behind(executed):
    _, facts = executed
    assert facts, "the probe cell printed nothing"
    assert facts["executable"] == sys.executable
    assert facts["prefix"] == sys.prefix
    assert Path(facts["cwd"]).resolve() == NOTEBOOKS
    assert not facts["workdir_exists"], f"the temporary output folder {facts['workdir']} was left behind"
    assert not facts["new_in_notebooks"], f"running the notebook wrote into notebooks/: {facts['new_in_notebooks']}"


def test_stance_table_shows_the_seed_stances(executed, seed_build):
    from stancegraph.api import stance_rows

    nb, _ = executed
    table = _dataframe(_tagged(nb, "stance-table"))
    expected = stance_rows(seed_build.store)
    assert table, "the stance table DataFrame has no rows"
    assert len(table) == len(expected)
    assert {"actor", "stance", "topic", "sentence"} <= set(table[0])
    assert {(r["actor"], r["stance"], r["topic"]) for r in table} == {
        (r["actor"], r["stance"], r["topic"]) for r in expected
    }
    # The seed's headline stance (DESIGN.md): Russia opposes the missile shield.
    assert any(r["actor"] == "Russia" and r["stance"] == "oppose" for r in table)


def test_sparql_answers_what_russia_opposes_or_rejects(executed, seed_build):
    from stancegraph.api import stance_rows

    nb, _ = executed
    answer = _dataframe(_tagged(nb, "sparql"))
    opposed = {
        r["topic"]
        for r in stance_rows(seed_build.store)
        if r["actor_id"] == "RUS" and r["stance"] in ("oppose", "reject")
    }
    assert opposed, "the seed build has no topic Russia opposes or rejects"
    assert answer, "the SPARQL DataFrame has no rows"
    assert {r["actor_id"] for r in answer} == {"RUS"}
    assert {r["actor"] for r in answer} == {"Russia"}
    assert {r["stance"] for r in answer} <= {"opposes", "rejects"}
    assert {r["topic"] for r in answer} == opposed


def test_view_is_an_isolated_iframe_of_the_page(executed):
    nb, _ = executed
    parser = _Iframes()
    parser.feed(_result_html(_tagged(nb, "view")))
    assert len(parser.iframes) == 1, "the view cell should show exactly one <iframe>"
    assert "script" not in parser.other_tags, "the view's scripts must run inside the iframe, not in the notebook"
    iframe = parser.iframes[0]
    page = iframe.get("srcdoc") or ""
    assert page.lstrip().lower().startswith(("<!doctype html", "<html")), page[:200]
    assert "<script" in page and "Russia" in html.unescape(page)
    sandbox = (iframe.get("sandbox") or "").split()
    assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox
    assert "height" in (iframe.get("style") or "") or iframe.get("height")


def _requirement_names(requirements: list[str]) -> set[str]:
    import re

    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def test_the_notebook_extra_installs_what_opens_and_runs_the_notebooks():
    """``pip install 'stancegraph[notebook]'`` brings Jupyter, a Python kernel and every library the notebooks
    import that stancegraph itself does not."""
    import ast
    import importlib.metadata
    import tomllib

    project = tomllib.loads((NOTEBOOKS.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = _requirement_names(project["optional-dependencies"]["notebook"])
    assert {"notebook", "ipykernel"} <= extra  # Jupyter Notebook to open them, a kernel to run them
    provided = extra | _requirement_names(project["dependencies"]) | {"stancegraph"}
    distributions = importlib.metadata.packages_distributions()
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        imported = set()
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
        for module in sorted(imported - set(sys.stdlib_module_names)):
            names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
            # IPython comes with ipykernel
            assert names & provided or (module == "IPython" and "ipykernel" in extra), (path.name, module)
