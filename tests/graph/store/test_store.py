"""The embedded store: its default graph is the union of the documents' graphs, a folder persists, and one
process writes it at a time. What every store does is in test_store_suite.py."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Literal
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import document_graph
from stancegraph.graph.readwrite.writer import write_document

from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

TEXT = "Moscow opposes the shield. NATO rejects the plan."


def triple(doc: str, actor: Actor, stance: Stance, topic: str, start: int, end: int, targets=()) -> StanceTriple:
    return StanceTriple(
        actor=actor,
        stance=stance,
        topic=Topic(topic, f"the {topic}"),
        evidence=Evidence(doc, TEXT[start:end], start, end),
        targets=tuple(targets),
    )


RUS = Actor("RUS", "Russia", "state", "Moscow")
NATO = Actor("NATO", "NATO", "organization", "NATO")


def write(store, doc_id: str, triples) -> int:
    return write_document(store, Document(doc_id, TEXT, date="2012-05-04"), triples, extractor="x", pipeline="p")


def test_each_document_is_its_own_named_graph_and_the_union_sees_all():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        write(store, "d2", [triple("d2", NATO, Stance.REJECT, "plan", 27, 49)])
        assert store.document_graphs() == sorted([str(document_graph("d1")), str(document_graph("d2"))])
        answer = store.dataset.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:StanceStatement }")
        assert next(iter(answer))[0].toPython() == 2


def test_direct_edge_and_vocabulary_are_queryable():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        q = """SELECT ?actor_id ?polarity WHERE {
                 ?a sg:actorId ?actor_id ; ?edge ?t . ?edge rdfs:subPropertyOf sg:takesStanceOn .
                 ?st sg:edgeProperty ?edge ; sg:polarity ?polarity }"""
        rows = list(store.dataset.query(q, initBindings={"actor_id": Literal("RUS")}))
        assert [(str(a), p.toPython()) for a, p in rows] == [("RUS", -1)]


def test_store_persists_across_openings(tmp_path):
    path = tmp_path / "db"
    with open_store(path) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
    with open_store(path, create=False) as store:
        assert [r["doc"] for r in stance_rows(store)] == ["d1"]


def test_a_second_writer_gets_a_clear_error_and_the_store_keeps_its_data(tmp_path):
    path = tmp_path / "db"
    with open_store(path) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        code = (
            "import sys\nfrom stancegraph.graph.store import open_store\nfrom stancegraph.errors import StoreError\n"
            f"try:\n    open_store({str(path)!r})\nexcept StoreError as e:\n    print(e); sys.exit(3)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
        assert out.returncode == 3, out.stderr
        assert "in use by another process" in out.stdout
    with open_store(path, create=False) as store:
        assert [r["doc"] for r in stance_rows(store)] == ["d1"]


def test_missing_store_without_create(tmp_path):
    from stancegraph.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "none", create=False)
