"""One store test suite, run against the three stores: in memory, in a folder, and on a real Oxigraph server.

The server is started without ``--union-default-graph``: everything stancegraph reads must name its graphs.
"""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Literal
from stancegraph.graph.readwrite.export import export_rdf
from stancegraph.graph.sparql.run import run_query
from stancegraph.graph.readwrite.rows import person_rows, stance_rows
from stancegraph.graph.rdf.iris import ACTORS_GRAPH, CONCEPTS_GRAPH, VOCAB_GRAPH
from stancegraph.graph.rdf.vocabulary import vocabulary
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import actor_iri, document_graph
from stancegraph.graph.readwrite.writer import remove_document, stored_versions, write_document
from support.stores import HOSTILE, KINDS, TEXT, opened, sample_documents, write_samples

from stancegraph import api


@pytest.fixture(params=KINDS)
def kind(request) -> str:
    return request.param


@pytest.fixture
def store(kind, tmp_path, request):
    server = request.getfixturevalue("oxigraph_server") if kind == "remote" else None
    with opened(kind, tmp_path / "store", server) as opened_store:
        yield opened_store


def vocabulary_quads(store) -> int:
    result = run_query(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{VOCAB_GRAPH}> {{ ?s ?p ?o }} }}")
    return result.rows[0]["n"].toPython()


def test_each_document_is_its_own_named_graph(store):
    write_samples(store)
    assert store.document_graphs() == sorted(str(document_graph(doc.id)) for doc, _, _ in sample_documents())


def test_writing_a_document_again_replaces_its_graph(store):
    write_samples(store)
    size = len(store)
    write_samples(store)
    assert len(store) == size
    doc, triples, persons = sample_documents()[0]
    write_document(store, doc, triples[1:], extractor="x", pipeline="p", persons=persons)
    assert [r["actor_id"] for r in stance_rows(store) if r["doc"] == "d1"] == ["NATO"]
    assert len(store) < size


def test_removing_a_document_removes_its_graph_and_nothing_else(store):
    empty = len(store)
    write_samples(store)
    assert remove_document(store, "d1") is True
    assert {r["doc"] for r in stance_rows(store)} == {"d2", "doc " + HOSTILE}
    assert remove_document(store, "d1") is False
    for doc, _, _ in sample_documents()[1:]:
        assert remove_document(store, doc.id) is True
    assert (list(stance_rows(store)), store.document_graphs(), len(store)) == ([], [], empty)


def test_rows_read_back_every_field(store):
    write_samples(store)
    rows = list(stance_rows(store))
    assert rows[0].to_dict() == {
        "doc": "d1", "date": "2012-05-04", "source": "RIA Novosti", "sentence": TEXT[0:26], "char_start": 0,
        "char_end": 26, "actor": "Russia", "actor_id": "RUS", "actor_type": "state", "actor_text": "Moscow",
        "speaker": "Jane Doe", "stance": "oppose", "polarity": -1, "topic": "shield", "topic_id": "shield", "topic_text": "the shield",
        "targets": ["NATO"], "negated": False, "hedged": False, "confidence": 0.9,
    }
    assert [(r["doc"], r["actor_id"], r["stance"], r["hedged"]) for r in rows[1:]] == [
        ("d1", "NATO", "reject", True), ("d2", "FRA", "demand", False), ("doc " + HOSTILE, HOSTILE, "support", False)
    ]
    assert (rows[3]["actor"], rows[3]["topic"], rows[3]["sentence"]) == (HOSTILE, HOSTILE, HOSTILE)
    assert list(person_rows(store)) == [
        {"doc": "d1", "person": "Jane Doe", "person_id": "jane-doe", "role": "Foreign Minister", "affiliation_id": "RUS"},
        {"doc": "d2", "person": "John Roe", "person_id": "john-roe", "role": "envoy", "affiliation_id": "FRA"},
    ]


def test_stored_versions_name_each_document_with_its_text_hash(store):
    write_samples(store)
    versions = stored_versions(store)
    assert sorted(versions) == sorted(doc.id for doc, _, _ in sample_documents())
    assert {v[1:] for v in versions.values()} == {("x", "p")}
    remove_document(store, "d2")
    assert "d2" not in stored_versions(store)


# What a value might hold to escape from its place in a query: quotes of every kind, braces, a newline before
# an escaped quote, a comment.
ESCAPES = ['x" } } ; DROP ALL ; #', "a\n\\\"", "'''\"\"\" }", "\\", "\r\n} #"]


def test_bound_values_are_terms_even_when_hostile(store):
    write_samples(store)
    size = len(store)
    labels = "SELECT DISTINCT ?actor ?label WHERE { GRAPH ?g { ?actor rdfs:label ?label } }"
    found = run_query(store, labels, bindings={"label": Literal(HOSTILE)})
    assert [(str(r["actor"]), str(r["label"])) for r in found.rows] == [(str(actor_iri(HOSTILE)), HOSTILE)]
    found = run_query(store, labels, bindings={"actor": actor_iri("RUS")})
    assert [str(r["label"]) for r in found.rows] == ["Russia"]
    for value in ESCAPES:
        assert run_query(store, labels, bindings={"label": Literal(value)}).rows == [], value
    assert len(store) == size


def test_updates_run_when_allowed(store):
    size = len(store)
    assert api.query(store, 'INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> "c\\n\\"d" } }', allow_update=True) is None
    assert len(store) == size + 1
    read = "SELECT ?o WHERE { GRAPH ?g { <urn:a> <urn:b> ?o } }"
    assert [str(r["o"]) for r in api.query(store, read).rows] == ['c\n"d']
    api.query(store, "DELETE WHERE { GRAPH <urn:g> { <urn:a> ?p ?o } }", allow_update=True)
    assert (api.query(store, read).rows, len(store)) == ([], size)


def by_value(quad):
    """A quad with its literal as value and datatype: TriG may write the decimal 1 as ``1.0``."""
    s, p, o, g = quad
    return s, p, (o.toPython(), o.datatype, o.language) if isinstance(o, Literal) else o, g


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_keeps_every_named_graph(store, fmt):
    write_samples(store)
    parsed = Dataset()
    parsed.parse(data=export_rdf(store, fmt), format=fmt)
    expected = {by_value(q) for q in store.quads() if q[3] != VOCAB_GRAPH}
    assert {by_value(q) for q in parsed.quads((None, None, None, None))} == expected
    assert sorted({str(q[3]) for q in expected}) == sorted(
        [*store.document_graphs(), str(ACTORS_GRAPH), str(CONCEPTS_GRAPH)]
    )
    with_vocabulary = Dataset()
    with_vocabulary.parse(data=export_rdf(store, fmt, include_vocabulary=True), format=fmt)
    assert len(with_vocabulary) == len(store)


def test_len_counts_the_quads_of_every_graph(store):
    vocab = len(vocabulary())
    assert len(store) == vocab
    doc, triples, persons = sample_documents()[1]
    write_document(store, doc, triples, extractor="x", pipeline="p", persons=persons)
    counts = [run_query(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").rows[0]["n"].toPython()
              for g in (document_graph(doc.id), ACTORS_GRAPH, CONCEPTS_GRAPH)]
    assert min(counts) > 0 and len(store) == vocab + sum(counts)


def test_nothing_written_is_a_blank_node(store):
    write_samples(store)
    blank = "ASK { GRAPH ?g { ?s ?p ?o FILTER (isBlank(?s) || isBlank(?o)) } }"
    assert run_query(store, blank).ask is False
    assert run_query(store, blank.replace("FILTER (isBlank(?s) || isBlank(?o))", "")).ask is True


def test_the_vocabulary_is_one_graph_written_once(store, kind):
    size = len(vocabulary())
    assert vocabulary_quads(store) == size
    assert [g.identifier for g in store.dataset.graphs()].count(VOCAB_GRAPH) == 1
    if kind != "memory":  # opened again: found, not added again
        store.close()
        with open_store(store.location) as again:
            assert (vocabulary_quads(again), len(again)) == (size, size)


def test_the_same_documents_read_back_the_same_from_every_store(tmp_path, oxigraph_server):
    query = """SELECT ?actor ?stance ?topic ?confidence WHERE {
                 GRAPH ?g { ?s sg:actor ?a ; sg:stance ?st ; sg:topic ?t ; sg:confidence ?confidence }
                 GRAPH ?c { ?t skos:prefLabel ?topic }
                 GRAPH ?h { ?a rdfs:label ?actor }
                 GRAPH ?vocab { ?st skos:prefLabel ?stance } } ORDER BY ?actor ?topic"""
    results = {}
    for kind in KINDS:
        with opened(kind, tmp_path / kind, oxigraph_server) as store:
            write_samples(store)
            results[kind] = {
                "rows": list(stance_rows(store)),
                "persons": list(person_rows(store)),
                "versions": stored_versions(store),
                "graphs": store.document_graphs(),
                "len": len(store),
                "nquads": export_rdf(store, "nquads"),
                "query": run_query(store, query).rows,
            }
    assert len(results["memory"]["rows"]) == 4 and len(results["memory"]["query"]) == 4
    for kind in ("folder", "remote"):
        for key, value in results["memory"].items():
            assert results[kind][key] == value, (kind, key)


def corpus(path, changed: bool = False):
    texts = {
        "a": "Russia opposes the deployment of the missile shield in Poland.",
        "b": "NATO rejected a joint missile defense system proposed by the Kremlin.",
        "c": "Germany supports the new climate agreement.",
    }
    if changed:
        texts["b"] = "France called for an immediate ceasefire in the region."
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8")
    return path


@pytest.mark.model
def test_extraction_skips_unchanged_documents_and_replaces_changed_ones(store, tmp_path):
    first = api.extract([corpus(tmp_path / "docs.jsonl")], store)
    assert (first.documents, first.unchanged) == (3, 0) and first.stances >= 3
    assert sorted(stored_versions(store)) == ["a", "b", "c"]
    size = len(store)
    again = api.extract([corpus(tmp_path / "docs.jsonl", changed=True)], store)
    assert (again.documents, again.unchanged) == (1, 2)
    assert {r["actor_id"] for r in stance_rows(store) if r["doc"] == "b"} == {"FRA"}
    assert api.remove(["c", "nope"], store) == (["c"], ["nope"])
    assert sorted(stored_versions(store)) == ["a", "b"] and len(store) < size


@pytest.mark.model
def test_the_seed_article_reads_back_the_same_from_every_store(tmp_path, oxigraph_server, seeds_dir):
    results = {}
    for kind in KINDS:
        with opened(kind, tmp_path / kind, oxigraph_server) as store:
            assert api.extract([seeds_dir], store).stances > 10
            results[kind] = (list(stance_rows(store)), list(person_rows(store)), export_rdf(store, "nquads"))
    assert results["folder"] == results["memory"]
    assert results["remote"] == results["memory"]


def test_every_named_query_answers_the_same_on_every_store(tmp_path, oxigraph_server):
    from stancegraph.graph.sparql.named import named_queries
    from stancegraph.synthetic import synthetic_corpus

    docs = list(synthetic_corpus(200, actors=8, topics=12, seed=5))
    first = next(t for _, triples in docs for t in triples)
    values = {"actor": first.actor.id, "other": "NATO", "topic": first.topic.label, "stance": first.stance.value}
    answers = {}
    for kind in KINDS:
        with opened(kind, tmp_path / kind, oxigraph_server) as store:
            for doc, triples in docs:
                write_document(store, doc, triples, extractor="x", pipeline="p")
            answers[kind] = {}
            for name, q in named_queries().items():
                bindings = q.bindings({p.name: values[p.name] for p in q.parameters})
                answers[kind][name] = run_query(store, q.text, bindings=bindings).rows
    assert all(answers["memory"].values()), "every named query has an answer on this corpus"
    for kind in ("folder", "remote"):
        for name, rows in answers["memory"].items():
            assert [{k: str(v) for k, v in r.items()} for r in answers[kind][name]] == [
                {k: str(v) for k, v in r.items()} for r in rows
            ], (kind, name)


def test_import_and_validate_work_on_every_store(store, tmp_path):
    from stancegraph.graph.readwrite.importer import read_files, write_graphs
    from stancegraph.graph.readwrite.validate import validate

    with open_store(None) as source:
        write_samples(source)
        expected = list(stance_rows(source))
        (tmp_path / "export.trig").write_text(export_rdf(source, "trig"), encoding="utf-8")
    summary = write_graphs(store, read_files([tmp_path / "export.trig"]))
    assert summary.graphs == len(sample_documents())
    assert list(stance_rows(store)) == expected
    report = validate(store)
    assert report.conforms, report.format_text()


def test_every_network_is_the_same_on_every_store(tmp_path, oxigraph_server):
    import networkx as nx
    from stancegraph.graph.networks import actor_network, stance_network, target_network
    from stancegraph.synthetic import synthetic_corpus

    docs = list(synthetic_corpus(150, actors=6, topics=10, seed=9))
    graphs = {}
    for kind in KINDS:
        with opened(kind, tmp_path / kind, oxigraph_server) as store:
            for doc, triples in docs:
                write_document(store, doc, triples, extractor="x", pipeline="p")
            graphs[kind] = [stance_network(store), actor_network(store, "subtract", "cosine"), target_network(store)]
    assert graphs["memory"][0].number_of_edges() > 0 and graphs["memory"][2].number_of_edges() > 0
    for kind in ("folder", "remote"):
        for mine, theirs in zip(graphs[kind], graphs["memory"]):
            assert nx.utils.graphs_equal(mine, theirs), kind
