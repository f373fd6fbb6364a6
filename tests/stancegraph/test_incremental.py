"""Re-running extraction on a stored corpus: unchanged documents are skipped, changed ones replaced,
removed ones gone, and nothing already stored is lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph.api import extract, remove
from support.corpora import SENTENCES

pytestmark = pytest.mark.model

STANCEGRAPH = str(Path(sys.executable).with_name("stancegraph"))


def corpus(path: Path, n: int = 100, changed: int | None = None) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f"{SENTENCES[i % len(SENTENCES)]} Talks number {i} ended on Friday."
            if i == changed:
                text = "Japan condemns the nuclear test. " + text
            f.write(json.dumps({"id": f"doc{i:03d}", "text": text}) + "\n")
    return path


def quads(store: Path) -> int:
    from stancegraph.graph.store import open_store

    with open_store(store, create=False) as opened:
        return len(opened)


def test_a_second_run_on_a_stored_corpus_adds_nothing_and_reads_nothing(tmp_path, pipeline_version):
    store, source = tmp_path / "store", corpus(tmp_path / "docs.jsonl")
    first = extract([source], store)
    assert (first.documents, first.unchanged) == (100, 0) and first.stances > 0
    before = quads(store)
    again = extract([source], store)
    assert (again.documents, again.unchanged, again.quads) == (0, 100, 0)
    assert quads(store) == before


def test_a_changed_document_replaces_its_graph_and_force_reads_all_again(tmp_path):
    store = tmp_path / "store"
    extract([corpus(tmp_path / "docs.jsonl")], store)
    changed = extract([corpus(tmp_path / "docs2.jsonl", changed=7)], store)
    assert (changed.documents, changed.unchanged) == (1, 99)
    from stancegraph.graph.store import open_store

    from stancegraph.api import stance_rows

    with open_store(store, create=False) as opened:
        rows = [r for r in stance_rows(opened) if r["doc"] == "doc007"]
    assert {r["actor_id"] for r in rows} == {"JPN", "DEU"}  # the new sentence, and the old one once
    assert len([r for r in rows if r["actor_id"] == "DEU"]) == 1
    forced = extract([tmp_path / "docs2.jsonl"], store, force=True)
    assert (forced.documents, forced.unchanged) == (100, 0)


def test_a_new_actors_file_means_reading_again(tmp_path):
    store, source = tmp_path / "store", corpus(tmp_path / "docs.jsonl", n=4)
    extract([source], store)
    actors = tmp_path / "actors.csv"
    actors.write_text("id,label,type,aliases\nTALKS,Talks,group,\n", encoding="utf-8")
    assert extract([source], store, actors_file=actors).documents == 4
    assert extract([source], store, actors_file=actors).documents == 0


def test_remove_deletes_documents_and_says_which_were_not_there(tmp_path):
    store = tmp_path / "store"
    extract([corpus(tmp_path / "docs.jsonl", n=4)], store)
    before = quads(store)
    assert remove(["doc001", "nope"], store) == (["doc001"], ["nope"])
    assert quads(store) < before
    out = subprocess.run([STANCEGRAPH, "remove", "doc002", "--store", str(store)], capture_output=True, text=True)
    assert out.returncode == 0 and "removed 1 documents" in out.stderr
    out = subprocess.run([STANCEGRAPH, "remove", "nope", "--store", str(store)], capture_output=True, text=True)
    assert out.returncode == 1 and "no document 'nope'" in out.stderr and "Traceback" not in out.stderr
    again = extract([tmp_path / "docs.jsonl"], store)
    assert (again.documents, again.unchanged) == (2, 2)  # the removed ones come back, the others stay


def test_a_corrected_date_means_reading_again_and_is_stored_as_iso(tmp_path):
    store, source = tmp_path / "store", tmp_path / "docs.jsonl"
    record = {"id": "d1", "text": SENTENCES[0], "date": "15 March 2014"}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    extract([source], store)
    record["date"] = "16 March 2014"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    again = extract([source], store)
    assert (again.documents, again.unchanged) == (1, 0)
    from stancegraph.api import stance_rows

    assert {r["date"] for r in stance_rows(store)} == {"2014-03-16"}
