"""Whole corpora: a killed run resumes without losing or repeating a document, and worker processes or a Dask
cluster store exactly what one process stores."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.corpora import corpus

from stancegraph.errors import InputError

STANCEGRAPH = str(Path(sys.executable).with_name("stancegraph"))


def stored(store) -> tuple[list[str], set, int]:
    """The stance table (rows as sorted JSON lines), the quads and their number."""
    from stancegraph.graph.store import open_store

    from stancegraph.api import stance_rows

    with open_store(store, create=False) as opened:
        rows = sorted(json.dumps(row.to_dict(), sort_keys=True) for row in stance_rows(opened))
        quads = set(opened.quads())
        return rows, quads, len(opened)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """20 short documents and the store one uninterrupted single-process run leaves."""
    from stancegraph.api import extract

    folder = tmp_path_factory.mktemp("corpus")
    source = corpus(folder / "docs.jsonl", 20)
    summary = extract([source], folder / "reference")
    assert summary.documents == 20 and summary.stances >= 20
    return source, stored(folder / "reference")


@pytest.mark.model
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_killed_run_finishes_on_the_rerun_with_every_document_once(tmp_path, small_corpus, sig):
    source, reference = small_corpus
    store = tmp_path / "store"
    env = dict(os.environ, STANCEGRAPH_TEST_PAUSE="0.2")
    run = subprocess.Popen(
        [STANCEGRAPH, "extract", str(source), "--store", str(store)], env=env, stderr=subprocess.PIPE, text=True
    )
    seen = 0
    deadline = time.monotonic() + 120
    while seen < 6 and time.monotonic() < deadline:
        line = run.stderr.readline()
        assert line, f"the run ended before it was interrupted (exit {run.poll()})"
        seen += "stancegraph: test: stored" in line
    run.send_signal(sig)
    rest = run.stderr.read()
    code = run.wait(timeout=60)
    if sig == signal.SIGINT:
        assert code == 130 and "interrupted; documents stored so far are kept" in rest
        assert "Traceback" not in rest
    else:
        assert code == -signal.SIGKILL

    partial_rows, _, _ = stored(store)
    assert 0 < len(partial_rows) < len(reference[0])  # stopped in the middle
    again = subprocess.run(
        [STANCEGRAPH, "extract", str(source), "--store", str(store)], capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert "unchanged (skipped" in again.stderr  # the documents stored before the kill are not read again
    assert stored(store) == reference


@pytest.mark.model
def test_two_worker_processes_store_what_one_process_stores(tmp_path, small_corpus):
    from stancegraph.api import extract

    source, reference = small_corpus
    more = corpus(tmp_path / "more.jsonl", 36)
    summary = extract([more], tmp_path / "two", workers=2)
    assert summary.documents == 36
    extract([more], tmp_path / "one")
    assert stored(tmp_path / "two") == stored(tmp_path / "one")
    # and a second run with workers skips every document
    again = extract([more], tmp_path / "two", workers=2)
    assert (again.documents, again.unchanged) == (0, 36)
    # the pipeline version the parent reads without loading the pipeline is the one a loaded pipeline records
    single = extract([more], tmp_path / "two")
    assert (single.documents, single.unchanged) == (0, 36)


def test_with_workers_an_unknown_pipeline_or_a_missing_actors_file_fails_before_any_work(tmp_path):
    from stancegraph.api import extract
    from stancegraph.errors import ModelError

    source = corpus(tmp_path / "docs.jsonl", 2)
    with pytest.raises(ModelError, match="'no_such_pipeline' is not installed"):
        extract([source], tmp_path / "a", workers=2, model="no_such_pipeline")
    with pytest.raises(InputError, match="missing.csv"):
        extract([source], tmp_path / "b", workers=2, actors_file=tmp_path / "missing.csv")
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


@pytest.mark.model
def test_a_bad_document_in_a_worker_is_the_same_one_line_error(tmp_path):
    source = corpus(tmp_path / "docs.jsonl", 4)
    with source.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "huge", "text": "Peace. " * 150_000}) + "\n")
    results = {}
    for workers in ("1", "2"):
        run = subprocess.run(
            [STANCEGRAPH, "extract", str(source), "--store", str(tmp_path / workers), "--workers", workers],
            capture_output=True,
            text=True,
            timeout=300,
        )
        warning, summary, error = run.stderr.splitlines()
        assert summary.startswith("4 documents") and "1 refused" in summary  # the others are stored
        results[workers] = (run.returncode, warning, error)
    assert results["1"] == results["2"]
    code, warning, error = results["2"]
    assert code == 1 and "'huge'" in warning and "skipped" in warning and "[E100]" in error


def test_errors_cross_process_boundaries_unchanged():
    err = InputError("document 'x' is too long", where="docs.jsonl:3", fix="split it")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is InputError and str(back) == str(err) and back.fix == "split it"


@pytest.mark.model
def test_a_dask_cluster_stores_what_one_process_stores(tmp_path, seeds_dir):
    from stancegraph.api import extract

    inputs = [seeds_dir, corpus(tmp_path / "docs.jsonl", 12)]
    summary = extract(inputs, tmp_path / "dask", engine="dask", workers=2)
    extract(inputs, tmp_path / "one")
    assert summary.documents == 13
    assert stored(tmp_path / "dask") == stored(tmp_path / "one")


@pytest.mark.model
def test_the_progress_bar_shows_documents_stances_and_the_total_on_a_terminal(tmp_path, monkeypatch):
    import io

    from stancegraph.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    source = corpus(tmp_path / "docs.jsonl", 3)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(source), "--store", str(tmp_path / "s")]) == 0
    shown = terminal.getvalue()
    assert "3/3" in shown and "words/s" in shown and "stances" in shown
    assert shown.rstrip().splitlines()[-1].startswith("3 documents, ")  # the summary line stays last

    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["extract", str(source), "--store", str(tmp_path / "q"), "--quiet"]) == 0
    assert quiet.getvalue().startswith("3 documents, ")


def test_documents_go_to_the_workers_in_order_in_chunks_bounded_by_count_and_length():
    from stancegraph.model import Document
    from stancegraph.parallel import chunks

    docs = [Document(id=f"d{i}", text="x" * (9_000 if i in (3, 4) else 100)) for i in range(40)]
    sent = list(chunks(docs, size=16, characters=20_000))
    assert [doc.id for chunk in sent for doc in chunk] == [doc.id for doc in docs]
    assert [len(chunk) for chunk in sent] == [16, 16, 8]
    long_first = docs[3:5] + docs[3:5] + docs[:3]  # 9,000 characters each, then 100: the third passes 20,000
    assert [len(chunk) for chunk in chunks(long_first, size=16, characters=20_000)] == [3, 4]
