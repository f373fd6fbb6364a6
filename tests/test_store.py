"""The store: named graphs per document, replacement, removal, the vocabulary, and one writer at a time."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Literal
from stancegraph.graph.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.graph.writer import document_graph, remove_document, write_document

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


def test_rows_round_trip_through_the_store():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26, targets=[NATO])])
        rows = list(stance_rows(store))
    assert len(rows) == 1
    row = rows[0]
    assert (row["doc"], row["actor_id"], row["actor"], row["actor_type"]) == ("d1", "RUS", "Russia", "state")
    assert (row["stance"], row["polarity"], row["topic"], row["topic_text"]) == ("oppose", -1, "shield", "the shield")
    assert row["targets"] == ["NATO"] and row["date"] == "2012-05-04"
    assert TEXT[row["char_start"] : row["char_end"]] == row["sentence"]


def test_each_document_is_its_own_named_graph_and_the_union_sees_all():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        write(store, "d2", [triple("d2", NATO, Stance.REJECT, "plan", 27, 49)])
        assert store.document_graphs() == sorted([str(document_graph("d1")), str(document_graph("d2"))])
        answer = store.dataset.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:StanceStatement }")
        assert next(iter(answer))[0].toPython() == 2


def test_writing_a_document_again_replaces_it():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        size = len(store)
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        assert len(store) == size
        write(store, "d1", [triple("d1", NATO, Stance.REJECT, "plan", 27, 49)])
        assert [r["actor_id"] for r in stance_rows(store)] == ["NATO"]


def test_remove_document():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        assert remove_document(store, "d1") is True
        assert list(stance_rows(store)) == []
        assert remove_document(store, "d1") is False


def test_direct_edge_and_vocabulary_are_queryable():
    with open_store(None) as store:
        write(store, "d1", [triple("d1", RUS, Stance.OPPOSE, "shield", 0, 26)])
        q = """SELECT ?actor_id ?polarity WHERE {
                 ?a sg:actorId ?actor_id ; ?edge ?t . ?edge rdfs:subPropertyOf sg:takesStanceOn .
                 ?st sg:edgeProperty ?edge ; sg:polarity ?polarity }"""
        rows = list(store.dataset.query(q, initBindings={"actor_id": Literal("RUS")}))
        assert [(str(a), p.toPython()) for a, p in rows] == [("RUS", -1)]


def test_iris_stay_valid_for_hostile_ids_and_labels():
    hostile = 'a b/<c>"d{e}|^`\\ \n'
    with open_store(None) as store:
        actor = Actor(hostile, hostile, "other", hostile)
        evidence_doc = "doc " + hostile
        t = StanceTriple(actor, Stance.SUPPORT, Topic(hostile, hostile), Evidence(evidence_doc, "x", 0, 1))
        write_document(store, Document(evidence_doc, "x"), [t], extractor="x", pipeline="p")
        rows = list(stance_rows(store))
        assert rows[0]["actor_id"] == hostile and rows[0]["topic"] == hostile and rows[0]["doc"] == evidence_doc
        from rdflib import Dataset
        from stancegraph.graph.query import export_rdf

        Dataset().parse(data=export_rdf(store, "nquads"), format="nquads")


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


def test_a_speaking_person_is_stored_with_role_and_affiliation():
    from stancegraph.graph.rows import person_rows

    person = Actor("jane-doe", "Jane Doe", "person", "Jane Doe", role="Foreign Minister", affiliation="RUS")
    t = StanceTriple(
        RUS, Stance.OPPOSE, Topic("shield"), Evidence("d1", TEXT[0:26], 0, 26), speaker="Jane Doe", speaker_person=person
    )
    with open_store(None) as store:
        write(store, "d1", [t])
        assert list(person_rows(store)) == [
            {"doc": "d1", "person": "Jane Doe", "person_id": "jane-doe", "role": "Foreign Minister", "affiliation_id": "RUS"}
        ]
        [row] = stance_rows(store)
        assert (row["speaker"], row["actor_id"]) == ("Jane Doe", "RUS")


def test_an_official_who_utters_no_stance_is_still_stored():
    from stancegraph.graph.rows import person_rows
    from stancegraph.graph.writer import write_document

    person = Actor("jane-doe", "Jane Doe", "person", "Jane Doe", role="envoy", affiliation="RUS")
    with open_store(None) as store:
        write_document(store, Document("d1", TEXT), [], extractor="x", pipeline="y", persons=[person])
        assert list(person_rows(store)) == [
            {"doc": "d1", "person": "Jane Doe", "person_id": "jane-doe", "role": "envoy", "affiliation_id": "RUS"}
        ]
