"""The networks notebook, executed end to end on the UN Security Council's Ukraine speeches of 2014: it runs
without an error, shows the contested topics, and puts Russia and the Western permanent members in different
coalitions."""

from __future__ import annotations

import json
import os
import sys

import pytest
from support import REPO

NOTEBOOK = REPO / "notebooks" / "02_networks.ipynb"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.model,
    pytest.mark.skipif(not NOTEBOOK.is_file(), reason="the notebooks folder is not beside the tests (wheel run)"),
]


@pytest.fixture(scope="module")
def executed(tmp_path_factory, shared_dir):
    import nbformat
    from ipykernel.kernelspec import write_kernel_spec
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    kernels = tmp_path_factory.mktemp("kernels")
    write_kernel_spec(kernels / "python3")
    spec_manager = KernelSpecManager(kernel_dirs=[str(kernels)])
    assert spec_manager.get_kernel_spec("python3").argv[0] == sys.executable
    nb = nbformat.read(NOTEBOOK, as_version=4)
    before = set(os.listdir(NOTEBOOK.parent))
    NotebookClient(
        nb,
        km=KernelManager(kernel_name="python3", kernel_spec_manager=spec_manager),
        kernel_name="python3",
        timeout=600,
        allow_errors=True,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    assert set(os.listdir(NOTEBOOK.parent)) == before, "the notebook left files in notebooks/"
    return nb


def _tagged(nb, tag: str):
    [cell] = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    return cell


def test_every_cell_runs_without_an_error(executed):
    for cell in executed.cells:
        if cell.cell_type == "code":
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            assert not errors, "\n".join(errors[0].get("traceback", [])) if errors else ""


def test_russia_and_the_western_permanent_members_are_in_different_coalitions(executed):
    [out] = [o for o in _tagged(executed, "coalition-check").outputs if o.get("output_type") == "stream"]
    where = json.loads(out["text"])
    assert where["russia"] is not None and len(set(where["west"])) == 1
    assert where["west"][0] is not None and where["west"][0] != where["russia"]
    table = _tagged(executed, "coalitions").outputs[-1]["data"]["text/plain"]
    assert "RUS" in table and "coalition" in table  # the shown table (a long row of actors is cut with "...")
