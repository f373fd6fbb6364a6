"""SHACL shapes: the data stancegraph writes conforms, and each kind of broken data gives its violation."""

from __future__ import annotations

import subprocess

import pytest
from rdflib import BNode, Literal
from rdflib.namespace import RDFS, SH
from stancegraph.graph.rdf.namespaces import RDF, SG, SKOS, STANCE
from stancegraph.graph.rdf.vocabulary import vocabulary
from stancegraph.graph.store import open_store
from stancegraph.graph.readwrite.validate import shapes, validate
from stancegraph.graph.rdf.iris import ACTORS_GRAPH, document_graph, document_iri
from support.storedocs import write_sample
from support.cli import STANCEGRAPH, run

from stancegraph.model import Stance

G1 = document_graph("d1")


def opposition(store):
    """The IRI of the sample's one oppose statement (Russia opposes the shield, aimed at NATO)."""
    [s] = set(store.dataset.subjects(SG.stance, STANCE.oppose))
    return s


def problems(report) -> set[tuple[str, str | None]]:
    return {(v.focus, v.path) for v in report.violations}


def test_what_the_writer_stores_conforms():
    with open_store(None) as store:
        write_sample(store, "d1")
        write_sample(store, "d2", topic="shield")  # the union repeats actors and topics across documents
        report = validate(store)
    assert report.conforms, report.format_text()
    assert report.violations == [] and report.triples > 100
    assert report.format_text().startswith("conforms")


def test_the_stance_types_allowed_are_those_of_the_scheme():
    graph = shapes()
    [allowed] = [set(graph.items(o)) for o in graph.objects(None, SH["in"]) if STANCE.support in set(graph.items(o))]
    assert allowed == {STANCE[s.value] for s in Stance}
    assert allowed == set(vocabulary().objects(STANCE.scheme, SKOS.hasTopConcept))


def report_after(change):
    """The report on the sample document after ``change(graph, statement)`` edits its named graph, where
    ``statement`` is its one oppose statement."""
    with open_store(None) as store:
        write_sample(store)
        change(store.dataset.graph(G1), opposition(store))
        return validate(store)


D1 = document_iri("d1")
# Each change, and the one violation it gives: the kind of node at fault, the property, the value shown.
BROKEN = {
    "a statement without actor": (lambda g, s: g.remove((s, SG.actor, None)), "sgid:stance", "sg:actor", None),
    "a polarity of 5": (lambda g, s: g.set((s, SG.polarity, Literal(5))), "sgid:stance", "sg:polarity", '"5"^^xsd:integer'),
    "a polarity as text": (lambda g, s: g.set((s, SG.polarity, Literal("1"))), "sgid:stance", "sg:polarity", '"1"'),
    "a stance outside the scheme": (lambda g, s: g.set((s, SG.stance, STANCE.like)), "sgid:stance", "sg:stance", "stance:like"),
    "evidence that ends before it starts": (
        lambda g, s: g.set((s, SG.charStart, Literal(500))), "sgid:stance", "sg:charStart", '"500"^^xsd:integer'
    ),
    "a document without hash": (lambda g, s: g.remove((D1, SG.contentHash, None)), "sgid:doc", "sg:contentHash", None),
    "a hash that is not SHA-256": (
        lambda g, s: g.set((D1, SG.contentHash, Literal("ABC123"))), "sgid:doc", "sg:contentHash", '"ABC123"'
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_data_gives_its_violation(case):
    change, focus, path, value = BROKEN[case]
    report = report_after(change)
    assert not report.conforms
    [violation] = report.violations
    assert (violation.focus.split("/")[0], violation.path, violation.value) == (focus, path, value)
    assert violation.message.startswith("a stance statement has exactly one " if focus == "sgid:stance" else "a document")


def test_a_blank_node():
    def add_blank_target(g, s):
        blank = BNode()
        g.add((s, SG.target, blank))
        for p, o in ((RDF.type, SG.State), (RDF.type, SG.Actor), (SG.actorId, Literal("UKR")), (RDFS.label, Literal("Ukraine"))):
            g.add((blank, p, o))

    report = report_after(add_blank_target)
    [blank_violation] = [v for v in report.violations if v.message == "a blank node: stancegraph names every node with an IRI"]
    assert blank_violation.focus.startswith("blank node _:") and "(object of sgid:stance/d1/" in blank_violation.focus
    # The statement's sg:target must be an IRI as well; nothing else is wrong.
    assert {(v.path, v.value is not None and v.value.startswith("_:")) for v in report.violations} == {
        (None, False),
        ("sg:target", True),
    }


def test_a_subclass_counts_as_its_class():
    """sg:State is an sg:Actor through the vocabulary: dropping the explicit sg:Actor type keeps the data valid,
    dropping every type does not."""
    with open_store(None) as store:
        write_sample(store)
        g = store.dataset.graph(ACTORS_GRAPH)  # where each actor is described
        rus = next(store.dataset.subjects(SG.actorId, Literal("RUS")))
        g.remove((rus, RDF.type, SG.Actor))
        assert validate(store).conforms
        g.remove((rus, RDF.type, None))
        report = validate(store)
    # Russia is the actor of two statements and the target of none; sg:opposes starts at it.
    assert {(f.split("/")[0], p) for f, p in problems(report)} == {
        ("sgid:stance", "sg:actor"),
        ("sgid:actor", None),
    }
    assert sum(1 for v in report.violations if v.path == "sg:actor") == 2


@pytest.mark.model
def test_the_seed_graph_conforms(seed_build):
    from stancegraph.api import validate as validate_store

    report = validate_store(seed_build.store)
    assert report.conforms, report.format_text()
    assert report.triples > 300


@pytest.mark.model
def test_validate_command_on_the_seed_graph(seed_build):
    out = run("validate", "--store", str(seed_build.store))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("conforms")


def test_validate_command_lists_violations_capped_and_exits_1(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as store:
        for i in range(12):
            write_sample(store, f"doc{i:02}")
            store.dataset.graph(document_graph(f"doc{i:02}")).remove((document_iri(f"doc{i:02}"), SG.contentHash, None))
    out = run("validate", "--store", str(path), "--limit", "5")
    assert out.returncode == 1, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "does not conform: 12 violations"
    assert len(lines) == 7 and lines[-1] == "  ... and 7 more"
    assert lines[1].startswith("  sgid:doc/doc00  sg:contentHash: a document has exactly one sg:contentHash")
    assert "Traceback" not in out.stderr


def test_validate_command_needs_a_store(tmp_path):
    out = subprocess.run([STANCEGRAPH, "validate", "--store", str(tmp_path / "none")], capture_output=True, text=True)
    assert out.returncode == 1 and "does not exist" in out.stderr and not (tmp_path / "none").exists()
