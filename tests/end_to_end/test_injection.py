"""Hostile strings in documents, ids, metadata, actor names and topic labels: stored and shown verbatim, never run.

The strings hold HTML and JavaScript that would mark the page if it ever ran, SPARQL that would end a literal or
an IRI early, characters no IRI may hold, and look-alike letters. A store is built from them through the
command line (`stancegraph build` with an `--actors` and a `--topics` file); the stance table, SPARQL and the
RDF exports give every string back exactly, the HTML views run none of it (headless Chromium), and properties
over generated strings check the minted IRIs, the stored literals and the named-query parameters.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from support.browser import TOOLTIP_PROBE, load_page, requires_chromium, without_csp
from support.fuzz import examples, hostile_text
from hypothesis import given
from hypothesis import strategies as st
from support.networkdocs import PAYLOADS
from pyoxigraph import Dataset as OxDataset
from pyoxigraph import NamedNode, RdfFormat, parse, serialize
from rdflib import Dataset, Literal
from stancegraph.graph.readwrite.importer import import_rdf
from stancegraph.graph.sparql.named import named_queries, named_query, run_named_query
from stancegraph.graph.rdf.namespaces import BASE, GRAPH, ID
from stancegraph.graph.sparql.run import run_query
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.rdf.iris import VOCAB_GRAPH
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import actor_iri, document_graph, document_iri, topic_iri
from stancegraph.graph.readwrite.writer import document_quads, write_document
from support.cli import run

from stancegraph.errors import QueryError
from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

SCRIPT, BREAKOUT, IMG, SVG = PAYLOADS
SPARQL = ('" } ; DROP ALL ; #', "> . <x> <y> <z", "'} ; DELETE WHERE { ?s ?p ?o } #", "\"\"\"^^<x> . } INSERT DATA {")
IRI_BREAKING = "a b<c>d\"e{f}g|h\\i^j`k#l?m%20n\t\x01\u00e9\u202e/../."
LOOKALIKE = "\u13a1ussia \u0410\u0422\u041e"  # Cherokee R, Cyrillic A, T, O: "Russia ATO" to the eye
# up a line, erase it, set the window title, a C1 control sequence start, a right-to-left override
TERMINAL = "\x1b[1A\x1b[2K\x1b]0;pwned\x07\x9b31m\u202e"

# id, label, type, the alias the documents use
ACTORS = (
    (f"Z{IMG}", f"{SCRIPT} Front", "group", "Zorgistan"),
    (SPARQL[0], f"{SPARQL[1]} {SVG}", "state", "Vardania"),
    (IRI_BREAKING, f"{LOOKALIKE} {BREAKOUT}", "organization", "Quellonia"),
)
# label, aliases
TOPICS = (
    (f"{BREAKOUT} shield", "ABM shield|missile shield"),
    (f"{SPARQL[2]} deal", "nuclear deal"),
    (f"{IRI_BREAKING}{IMG}", "sanctions"),
)
DOCUMENTS = (
    {
        "id": SCRIPT,
        "text": "Zorgistan strongly opposes the ABM shield. Vardania also opposes the ABM shield. "
        "Quellonia supports the missile shield.",
        "source": IMG, "title": SPARQL[0], "url": "javascript:" + SCRIPT, "speaker": BREAKOUT, "date": "2014-03-15",
    },
    {
        "id": IRI_BREAKING,
        "text": f"Quellonia condemned the sanctions, said {SCRIPT}. Zorgistan welcomed the nuclear deal. "
        "Zorgistan demanded legally-binding guarantees from Vardania.",
        "source": SPARQL[1], "title": IRI_BREAKING, "url": f"http://x/{IRI_BREAKING}", "speaker": LOOKALIKE,
    },
    {
        "id": SPARQL[3],
        "text": f"Vardania rejected the nuclear deal {SPARQL[0]}{TERMINAL}.\n{IMG} Quellonia rejected the missile "
        "shield.",
        "source": TERMINAL + SVG, "title": LOOKALIKE,
    },
)
TEXT_OF = {doc["id"]: doc["text"] for doc in DOCUMENTS}
KINDS = ("stance", "congruence", "conflict", "subtract", "actors")


def ok(out: subprocess.CompletedProcess) -> str:
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    """`stancegraph build` of the hostile documents with the hostile actors and topics files."""
    folder = tmp_path_factory.mktemp("hostile")
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("id", "label", "type", "aliases"), *ACTORS])
    with open(folder / "topics.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("label", "aliases"), *TOPICS])
    (folder / "docs.jsonl").write_text("".join(json.dumps(doc) + "\n" for doc in DOCUMENTS), encoding="utf-8")
    ok(run("build", str(folder / "docs.jsonl"), "-o", str(folder / "out"), "--actors", str(folder / "actors.csv"),
           "--topics", str(folder / "topics.csv"), "--quiet"))
    return folder / "out"


@pytest.fixture(scope="module")
def hostile_rows(hostile_build) -> list[dict]:
    table = ok(run("export", "--store", str(hostile_build / "stancegraph.db"), "--format", "jsonl"))
    return [json.loads(line) for line in table.splitlines()]


# --- stored verbatim, through the command line ------------------------------------------------------------


def test_the_stance_table_gives_back_every_hostile_string(hostile_rows):
    assert {row["doc"] for row in hostile_rows} == set(TEXT_OF)
    assert {(row["actor_id"], row["actor"]) for row in hostile_rows} == {(a[0], a[1]) for a in ACTORS}
    assert {row["topic"] for row in hostile_rows} >= {label for label, _ in TOPICS}
    source_of = {doc["id"]: doc["source"] for doc in DOCUMENTS}
    for row in hostile_rows:
        assert TEXT_OF[row["doc"]][row["char_start"] : row["char_end"]] == row["sentence"]
        assert row["source"] == source_of[row["doc"]]
    assert any(SCRIPT in row["sentence"] for row in hostile_rows)  # markup in the text stays in the evidence


def query_json(store: Path, sparql: str) -> list[dict]:
    return json.loads(ok(run("query", sparql, "--store", str(store), "--format", "json")))


def test_sparql_gives_back_every_hostile_string(hostile_build):
    rows = query_json(hostile_build / "stancegraph.db", """SELECT ?id ?title ?source ?url ?speaker WHERE {
      ?d a sg:Document ; sg:docId ?id .
      OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:source ?source }
      OPTIONAL { ?d dcterms:identifier ?url } OPTIONAL { ?d sg:speaker ?speaker }
    }""")
    got = {row["id"]: row for row in rows}
    assert set(got) == set(TEXT_OF)
    for doc in DOCUMENTS:
        for field in ("title", "source", "url", "speaker"):
            assert got[doc["id"]].get(field) == doc.get(field), (doc["id"], field)
    labels = query_json(hostile_build / "stancegraph.db", "SELECT ?id ?label WHERE { ?a sg:actorId ?id ; rdfs:label ?label }")
    pairs = {(row["id"], row["label"]) for row in labels}
    assert {(a[0], a[1]) for a in ACTORS} <= pairs


def test_a_query_table_shows_terminal_controls_escaped_and_files_keep_them(hostile_build):
    store = str(hostile_build / "stancegraph.db")
    sparql = "SELECT ?source ?sentence WHERE { ?s sg:sentence ?sentence ; prov:wasDerivedFrom/dcterms:source ?source }"
    table = ok(run("query", sparql, "--store", store))
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", table)  # nothing a terminal acts on
    assert "\\x1b[1A\\x1b[2K\\x1b]0;pwned\\x07\\x9b31m\\u202e" in table  # shown, as escapes
    rows = query_json(hostile_build / "stancegraph.db", sparql)
    assert any(row["source"] == TERMINAL + SVG for row in rows)
    assert TERMINAL in ok(run("query", sparql, "--store", store, "--format", "csv"))


def test_removing_a_hostile_id_removes_that_document_alone(hostile_build, tmp_path):
    store = shutil.copytree(hostile_build / "stancegraph.db", tmp_path / "copy.db")
    ok(run("remove", IRI_BREAKING, "--store", str(store)))
    left = query_json(store, "SELECT ?id WHERE { ?d sg:docId ?id }")
    assert sorted(row["id"] for row in left) == sorted(set(TEXT_OF) - {IRI_BREAKING})


def test_the_rdf_exports_parse_back_with_every_hostile_string(hostile_build):
    for fmt, ox_format in (("trig", RdfFormat.TRIG), ("nquads", RdfFormat.N_QUADS)):
        text = ok(run("export", "--store", str(hostile_build / "stancegraph.db"), "--format", fmt))
        rdflib_literals = {str(o) for _, _, o, _ in Dataset().parse(data=text, format=fmt).quads() if isinstance(o, Literal)}
        ox_quads = OxDataset(parse(text, format=ox_format))
        ox_literals = {q.object.value for q in ox_quads if type(q.object).__name__ == "Literal"}
        for value in (*TEXT_OF, *(a[1] for a in ACTORS), *(t[0] for t in TOPICS), IMG, SPARQL[1], LOOKALIKE,
                      TERMINAL + SVG):
            assert value in rdflib_literals and value in ox_literals, (fmt, value)


# --- minted IRIs --------------------------------------------------------------------------------------------

FORBIDDEN_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def check_iri(iri) -> None:
    text = str(iri)
    assert text.startswith(BASE) and not FORBIDDEN_IN_IRI.search(text), text
    assert NamedNode(text).value == text
    for minted in (str(ID), str(GRAPH)):
        if text.startswith(minted):  # no fragment or query: the whole text names the node
            assert "#" not in text and "?" not in text, text


hostile_strings = st.one_of(
    hostile_text(8),
    st.sampled_from([*PAYLOADS, *SPARQL, IRI_BREAKING, LOOKALIKE, ".", "..", "/", "%2F", "%", " "]),
)
nonblank = hostile_strings.filter(lambda s: s.strip())


@examples(300)
@given(value=hostile_strings, other=hostile_strings)
def test_minted_iris_are_valid_and_distinct_for_distinct_names(value, other):
    for mint in (actor_iri, document_iri, document_graph, topic_iri):
        check_iri(mint(value))
    if value != other:  # two documents never share a named graph, nor two actor ids an IRI
        for mint in (actor_iri, document_iri, document_graph):
            assert mint(value) != mint(other)


def hostile_document(doc_id, actor_id, label, topic, text, metadata):
    sentence = text or "x"
    actor = Actor(actor_id, label, "group", label)
    target = Actor(actor_id + "2", topic, "person", text)
    triple = StanceTriple(actor, Stance.OPPOSE, Topic(topic, label), Evidence(doc_id, sentence, 0, len(sentence)),
                          targets=(target,), speaker=metadata)
    return Document(doc_id, sentence, date=metadata, source=metadata, title=metadata, url=metadata,
                    speaker=metadata), [triple]


document_parts = st.tuples(nonblank, nonblank, nonblank, nonblank, hostile_strings, hostile_strings | st.none())


@examples(150)
@given(parts=document_parts)
def test_any_names_and_text_round_trip_through_nquads_and_trig(parts):
    doc, triples = hostile_document(*parts)
    quads = list(document_quads(doc, triples, extractor="fuzz", pipeline="fuzz"))
    for s, _, o, g in quads:
        check_iri(s), check_iri(g)
        if type(o).__name__ == "URIRef":
            check_iri(o)
    rdflib_dataset = Dataset()
    rdflib_dataset.addN((s, p, o, rdflib_dataset.graph(g)) for s, p, o, g in quads)
    expected = {(str(s), str(p), str(o), str(g)) for s, p, o, g in quads}
    for fmt, ox_format in (("nquads", RdfFormat.N_QUADS), ("trig", RdfFormat.TRIG)):
        text = rdflib_dataset.serialize(format=fmt)
        back = {(str(s), str(p), str(o), str(g.identifier if hasattr(g, "identifier") else g))
                for s, p, o, g in Dataset().parse(data=text, format=fmt).quads() if g is not None}
        assert back == expected, fmt
        ox = OxDataset(parse(text, format=ox_format))
        assert {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value) for q in ox} == expected
        again = serialize(ox, format=ox_format)  # and out of Oxigraph, into rdflib, unchanged
        back = {(str(s), str(p), str(o), str(g.identifier if hasattr(g, "identifier") else g))
                for s, p, o, g in Dataset().parse(data=again, format=fmt).quads() if g is not None}
        assert back == expected, fmt


@examples(150)
@given(parts=document_parts)
def test_any_names_and_text_are_stored_verbatim_and_inject_nothing(parts):
    doc, triples = hostile_document(*parts)
    with open_store(None) as store:
        vocabulary = len(store)
        written = write_document(store, doc, triples, extractor="fuzz", pipeline="fuzz")
        assert len(store) == vocabulary + written == vocabulary + len(set(document_quads(doc, triples, extractor="fuzz",
                                                                                          pipeline="fuzz")))
        assert {str(g) for g in store.document_graphs()} == {str(document_graph(doc.id))}
        assert store.has_graph(VOCAB_GRAPH)
        [row] = stance_rows(store)
    [triple] = triples
    assert (row["doc"], row["actor_id"], row["actor"], row["topic"], row["sentence"], row["source"]) == (
        doc.id, triple.actor.id, triple.actor.label, triple.topic.label, triple.evidence.sentence, doc.source or None
    )
    assert row["targets"] == (triple.targets[0].id,)


# --- named-query parameters ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_store(hostile_build):
    """The hostile store, imported into memory (the folder stays free for the view commands)."""
    store = open_store(None)
    import_rdf(store, [hostile_build / "graph.trig"])
    store.content = sorted(map(str, store.quads()))  # what every query must leave as it is
    yield store
    store.close()


def named_parameters():
    return [(q.name, p.name, p.kind) for q in named_queries().values() for p in q.parameters]


STORED_VALUES = [*(a[0] for a in ACTORS), *(t[0] for t in TOPICS), "oppose", "support", "reject", "RUS"]


@pytest.mark.parametrize("query, parameter, kind", named_parameters())
@examples(30)
@given(value=st.one_of(hostile_strings, st.sampled_from(STORED_VALUES)))
def test_a_parameter_value_cannot_change_the_named_query(hostile_store, query, parameter, kind, value):
    named = named_query(query)
    required = {p.name: next(v for v in STORED_VALUES) for p in named.parameters if p.required and p.name != parameter}
    try:
        bindings = named.bindings({**required, parameter: value})
    except QueryError as err:  # an empty value for a required parameter, or no stance type, number or IRI
        assert "\n" not in str(err) and (kind in ("stance", "integer", "iri") or not value)
        return
    variable = next(p.variable for p in named.parameters if p.name == parameter)
    result = run_query(hostile_store, named.text, bindings=bindings)
    for row in result.rows:  # every row is about the value given (an optional one left empty stays free)
        assert variable not in bindings or row[variable] == bindings[variable], (query, parameter, value, row)
    assert sorted(map(str, hostile_store.quads())) == hostile_store.content


def test_a_stored_hostile_id_finds_its_own_rows(hostile_store):
    for actor_id, *_ in ACTORS:
        named = named_query("actor-positions")
        rows = run_named_query(hostile_store, named, {"actor": actor_id}).rows
        assert rows and {str(row["actor_id"]) for row in rows} == {actor_id}
        assert "actor_iri" not in rows[0]  # the answer names actors by id, not by IRI
    named = named_query("topic-positions")
    rows = run_query(hostile_store, named.text, bindings=named.bindings({"topic": TOPICS[1][0]})).rows
    assert rows


# --- the views in a browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_views(hostile_build) -> dict[str, Path]:
    """`stancegraph view` of every network kind of the hostile store, titled with a payload."""
    pages = {"build": hostile_build / "view.html"}
    for kind in KINDS:
        pages[kind] = hostile_build / f"{kind}.html"
        ok(run("view", "--store", str(hostile_build / "stancegraph.db"), "--network", kind, "--title", BREAKOUT,
               "-o", str(pages[kind])))
    return pages


@requires_chromium
@pytest.mark.parametrize("page", ["build", *KINDS])
def test_the_views_of_hostile_names_run_nothing(hostile_views, page):
    loaded = load_page(hostile_views[page])
    assert "pwned" not in loaded.dataset
    assert loaded.dataset.get("sg-errors") is None, loaded.dataset.get("sg-errors")  # not even a blocked attempt
    assert loaded.dataset.get("sg-ready") == "1"
    assert int(loaded.dataset["sg-nodes"]) >= 2


@requires_chromium
@pytest.mark.parametrize("page", ["stance", "actors", "conflict"])
def test_the_hostile_names_are_shown_as_text_even_without_the_content_security_policy(
    hostile_views, page, tmp_path
):
    html = without_csp(hostile_views[page].read_text(encoding="utf-8"), TOOLTIP_PROBE)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    loaded = load_page(tmp_path / "page.html")
    assert "pwned" not in loaded.dataset
    assert loaded.dataset.get("sg-errors") is None, loaded.dataset.get("sg-errors")
    assert loaded.dataset["probe-elements"] == "0"  # no <img>, <svg>, <iframe> made from a name
    shown = loaded.dataset["probe-text"]
    for _, label, *_ in ACTORS[:2] if page == "actors" else ACTORS:  # only Zorgistan aims a stance at another
        assert label in shown
    if page == "stance":
        for label, _ in TOPICS[:2]:
            assert label in shown
        assert f"said {SCRIPT}" in shown  # an evidence sentence, markup and all, as text
