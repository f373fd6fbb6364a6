"""Importing TriG and N-Quads: a lossless round trip, all-or-nothing on a bad file, and a merge into a store
that holds other documents."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import to_isomorphic
from stancegraph.graph.readwrite.export import export_rdf
from stancegraph.graph.rdf.iris import CONCEPTS_GRAPH, VOCAB_GRAPH
from stancegraph.graph.readwrite.concepts import refresh_concepts
from stancegraph.graph.rdf.vocabulary import vocabulary
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import document_graph
from support.storedocs import write_sample
from support.cli import assert_one_line_error, run

from stancegraph.api import export_rdf_text, import_rdf, stance_rows
from stancegraph.errors import InputError

PARSER = {"trig": "trig", "nquads": "nquads"}
SUFFIX = {"trig": ".trig", "nquads": ".nq"}


def named_graphs(text: str, fmt: str) -> dict[str, Graph]:
    """The named graphs of an export, by name, in canonical form (blank nodes relabelled)."""
    dataset = Dataset()
    dataset.parse(data=text, format=PARSER[fmt])
    return {str(g.identifier): to_isomorphic(g) for g in dataset.graphs() if len(g)}


def assert_same_graphs(before: str, after: str, fmt: str) -> None:
    old, new = named_graphs(before, fmt), named_graphs(after, fmt)
    assert sorted(old) == sorted(new)
    for name in old:
        assert old[name] == new[name], name  # IsomorphicGraph equality is isomorphism


def sample_store(path, *doc_ids: str):
    """A store holding the sample documents, with their topics grouped as an extraction leaves them."""
    store = open_store(path)
    for doc_id in doc_ids:
        write_sample(store, doc_id)
    refresh_concepts(store)
    return store


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_round_trip_is_lossless(tmp_path, fmt):
    with sample_store(None, "d1", "d2") as store:
        exported = export_rdf(store, fmt)
        rows = stance_rows(store)
    file = tmp_path / f"export{SUFFIX[fmt]}"
    file.write_text(exported, encoding="utf-8")
    with open_store(None) as fresh:
        summary = import_rdf([file], fresh)
        assert (summary.graphs, summary.replaced, summary.skipped_vocabulary) == (2, 0, False)
        # the concepts graph is not imported but made again from the statements: the same one
        assert summary.quads == sum(len(g) for name, g in named_graphs(exported, fmt).items() if name != str(CONCEPTS_GRAPH))
        again = export_rdf(fresh, fmt)
        assert stance_rows(fresh) == rows
        assert fresh.document_graphs() == sorted(str(document_graph(d)) for d in ("d1", "d2"))
        assert len(fresh.dataset.graph(VOCAB_GRAPH)) == len(vocabulary())
    assert_same_graphs(exported, again, fmt)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_seed_graph_round_trip_through_the_command_line(seed_build, tmp_path, fmt):
    file = tmp_path / f"seed{SUFFIX[fmt]}"
    out = run("export", "--store", str(seed_build.store), "--format", fmt, "-o", str(file))
    assert out.returncode == 0, out.stderr
    store = tmp_path / "imported.db"
    out = run("import", str(file), "--store", str(store))
    assert out.returncode == 0, out.stderr
    assert out.stderr.startswith("imported 1 graph, ") and "quads from 1 file" in out.stderr
    again = run("export", "--store", str(store), "--format", fmt).stdout
    assert_same_graphs(file.read_text(encoding="utf-8"), again, fmt)
    table = [run("export", "--store", str(s), "--format", "jsonl").stdout for s in (seed_build.store, store)]
    assert table[0] == table[1] and len(table[0].splitlines()) > 10
    assert [json.loads(line) for line in table[1].splitlines()] == [row.to_dict() for row in stance_rows(store)]


def test_import_merges_into_a_store_that_holds_other_documents(tmp_path):
    with sample_store(None, "d2", "d3") as other:
        write_sample(other, "d2", topic="embargo")  # d2 changed: a new topic
        file = tmp_path / "d2-d3.trig"
        file.write_text(export_rdf(other, "trig"), encoding="utf-8")
        expected_d2 = to_isomorphic(other.dataset.graph(document_graph("d2")))
    with sample_store(tmp_path / "store", "d1", "d2") as store:
        d1_before = to_isomorphic(store.dataset.graph(document_graph("d1")))
        summary = import_rdf([file], store)
        assert (summary.graphs, summary.replaced) == (2, 1)
        assert store.document_graphs() == sorted(str(document_graph(d)) for d in ("d1", "d2", "d3"))
        assert to_isomorphic(store.dataset.graph(document_graph("d1"))) == d1_before
        # d2 is replaced, not merged with its earlier version
        assert to_isomorphic(store.dataset.graph(document_graph("d2"))) == expected_d2
        topics = {(r["doc"], r["topic"]) for r in stance_rows(store) if r["stance"] == "oppose"}
    assert topics == {("d1", "shield"), ("d2", "embargo"), ("d3", "shield")}


def test_a_bad_file_changes_nothing(tmp_path):
    with sample_store(None, "d9") as other:
        good = tmp_path / "good.trig"
        good.write_text(export_rdf(other, "trig"), encoding="utf-8")
    bad = tmp_path / "bad.nq"
    bad.write_text('<urn:a> <urn:p> <urn:b> <urn:g> .\n<urn:a> <urn:p> "no end <urn:g> .\n', encoding="utf-8")
    path = tmp_path / "store"
    with sample_store(path, "d1"):
        pass
    before = export_rdf_text(path, "nquads")
    line = assert_one_line_error(run("import", str(good), str(bad), "--store", str(path)), f"{bad}:2")
    assert "N-Quads" in line and "nothing was imported" in line
    assert export_rdf_text(path, "nquads") == before  # not even good.trig, read before the bad file


def test_a_bad_file_does_not_create_a_store(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<urn:g> { <urn:a> <urn:p> foo:bar . }\n", encoding="utf-8")
    line = assert_one_line_error(run("import", str(bad), "--store", str(tmp_path / "new")), f"{bad}:1")
    assert "prefix foo:" in line and "TriG" in line
    assert not (tmp_path / "new").exists()


def test_triples_outside_a_named_graph_are_refused(tmp_path):
    file = tmp_path / "mixed.trig"
    file.write_text("<urn:a> <urn:p> <urn:b> .\n<urn:g> { <urn:a> <urn:p> <urn:c> }\n", encoding="utf-8")
    with open_store(None) as store:
        size = len(store)
        with pytest.raises(InputError, match="1 triple is outside any named graph"):
            import_rdf([file], store)
        assert len(store) == size


@pytest.mark.parametrize("fmt,suffix,name", [("turtle", ".ttl", "Turtle"), ("jsonld", ".jsonld", "JSON-LD")])
def test_formats_without_named_graphs_are_refused(tmp_path, fmt, suffix, name):
    with sample_store(None, "d1") as store:
        file = tmp_path / f"export{suffix}"
        file.write_text(export_rdf(store, fmt), encoding="utf-8")
    line = assert_one_line_error(run("import", str(file), "--store", str(tmp_path / "s")), str(file), name)
    assert "--format trig" in line


def test_the_vocabulary_graph_in_a_file_is_skipped(tmp_path):
    with sample_store(None, "d1") as store:
        file = tmp_path / "with-vocab.trig"
        file.write_text(export_rdf(store, "trig", include_vocabulary=True), encoding="utf-8")
    with open_store(None) as fresh:
        fresh.dataset.graph(VOCAB_GRAPH).remove((None, None, None))
        fresh.dataset.graph(VOCAB_GRAPH).add((URIRef("urn:x"), URIRef("urn:y"), URIRef("urn:z")))
        summary = import_rdf([file], fresh)
        assert (summary.graphs, summary.skipped_vocabulary) == (1, True)
        assert "vocabulary graph in the file was skipped" in summary.line()
        assert len(fresh.dataset.graph(VOCAB_GRAPH)) == 1  # the store's own, untouched


def test_blank_nodes_of_two_files_stay_apart(tmp_path):
    files = []
    for i in (1, 2):
        file = tmp_path / f"f{i}.trig"
        file.write_text(f"<urn:g{i}> {{ <urn:a> <urn:p> _:b . _:b <urn:q> {i} . }}\n", encoding="utf-8")
        files.append(file)
    with open_store(None) as store:
        import_rdf(files, store)
        objects = set(store.dataset.objects(URIRef("urn:a"), URIRef("urn:p")))
    assert len(objects) == 2


def test_an_unknown_extension(tmp_path):
    file = tmp_path / "graph.txt"
    file.write_text("<urn:a> <urn:p> <urn:b> <urn:g> .\n", encoding="utf-8")
    assert_one_line_error(run("import", str(file), "--store", str(tmp_path / "s")), "graph.txt", ".trig")


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_round_trip_keeps_page_breaks_and_line_separators_in_text(tmp_path, fmt):
    """Text from PDFs has form feeds, and any text may hold the other characters Python counts as line breaks:
    an N-Quads line must not be cut at them."""
    from stancegraph.graph.readwrite.writer import write_document

    from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

    sentence = "Russia opposes\x0c the plan\u2028 of\x85 the\r\n West\x1c\x1d\x1e."
    triple = StanceTriple(Actor("RUS", "Russia", "state"), Stance.OPPOSE, Topic("plan"), Evidence("p", sentence, 0, len(sentence)))
    with open_store(None) as store:
        write_document(store, Document("p", sentence), [triple], extractor="x", pipeline="p")
        refresh_concepts(store)
        exported = export_rdf(store, fmt)
    file = tmp_path / f"p{SUFFIX[fmt]}"
    file.write_text(exported, encoding="utf-8")
    with open_store(None) as fresh:
        import_rdf([file], fresh)
        [row] = stance_rows(fresh)
        assert row["sentence"] == sentence
        assert_same_graphs(exported, export_rdf(fresh, fmt), fmt)
