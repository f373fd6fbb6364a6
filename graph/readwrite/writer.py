"""Writing documents and their stances into the store, one named graph per document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef

from stancegraph.model import Actor, Document, StanceTriple

from ..rdf.iris import ACTORS_GRAPH, CONCEPTS_GRAPH, actor_iri, document_graph, document_iri, statement_iri, topic_iri
from ..rdf.namespaces import DCTERMS, PREFIXES, PROV, RDF, RDFS, SG, SKOS, XSD
from ..rdf.vocabulary import ACTOR_CLASSES, edge_property, stance_concept
from ..rdf.terms import sparql_term
from ..store.base import Quad, StanceStore, Triple, insert_data, replace_graph_update
from .concepts import refresh_concepts

__all__ = [
    "content_hash",
    "document_quads",
    "document_update",
    "prune_actors",
    "remove_document",
    "remove_documents",
    "remove_graph",
    "stored_versions",
    "write_document",
]


def content_hash(doc: Document) -> str:
    """SHA-256 of a document's text and metadata (date, source, title, url, speaker): a corrected date is a
    changed document too."""
    metadata = "\x1f".join(value or "" for value in (doc.date, doc.source, doc.title, doc.url, doc.speaker))
    return hashlib.sha256(f"{doc.text}\x1e{metadata}".encode("utf-8", "surrogatepass")).hexdigest()


def _actor_quads(actor: Actor, g: URIRef) -> Iterator[Quad]:
    """An actor's description (class, label, id) in the actors graph, and what the document ``g`` says of it:
    a person's role and the actor it speaks for."""
    iri = actor_iri(actor.id)
    yield iri, RDF.type, ACTOR_CLASSES[actor.type], ACTORS_GRAPH
    yield iri, RDF.type, SG.Actor, ACTORS_GRAPH
    yield iri, RDFS.label, Literal(actor.label), ACTORS_GRAPH
    yield iri, SG.actorId, Literal(actor.id), ACTORS_GRAPH
    if actor.role:
        yield iri, SG.role, Literal(actor.role), g
    if actor.affiliation:
        yield iri, SG.affiliation, actor_iri(actor.affiliation), g


def document_quads(
    doc: Document,
    triples: Iterable[StanceTriple],
    *,
    extractor: str,
    pipeline: str,
    persons: Iterable[Actor] = (),
) -> Iterator[Quad]:
    """Every quad of a document's named graph (the document, the officials it names, its statements), of the
    actors it names, in the actors graph (``ACTORS_GRAPH``), and of its topics, in the concepts graph
    (``CONCEPTS_GRAPH``: each phrase its own concept until the concepts are made again, see
    ``graph.readwrite.concepts``). A statement keeps its topic phrase as extraction read it (``sg:topicPhrase``)
    and the words as written (``sg:topicText``)."""
    g = document_graph(doc.id)
    d = document_iri(doc.id)
    yield d, RDF.type, SG.Document, g
    for person in persons:
        yield d, SG.mentions, actor_iri(person.id), g
        yield from _actor_quads(person, g)
        if person.affiliation:  # an actor named only as an affiliation: its id, if nothing describes it yet
            yield actor_iri(person.affiliation), SG.actorId, Literal(person.affiliation), ACTORS_GRAPH
    yield d, SG.docId, Literal(doc.id), g
    yield d, SG.contentHash, Literal(content_hash(doc)), g
    yield d, SG.extractor, Literal(extractor), g
    yield d, SG.pipeline, Literal(pipeline), g
    for prop, value in (
        (DCTERMS.date, doc.date),
        (DCTERMS.source, doc.source),
        (DCTERMS.title, doc.title),
        (DCTERMS.identifier, doc.url),
        (SG.speaker, doc.speaker),
    ):
        if value:
            yield d, prop, Literal(value), g
    for triple in triples:
        s = statement_iri(triple)
        topic = topic_iri(triple.topic.label)
        actor = actor_iri(triple.actor.id)
        yield s, RDF.type, SG.StanceStatement, g
        yield s, SG.actor, actor, g
        yield s, SG.stance, stance_concept(triple.stance), g
        yield s, SG.polarity, Literal(triple.polarity, datatype=XSD.integer), g
        yield s, SG.topic, topic, g
        yield s, SG.confidence, Literal(f"{triple.confidence:.3f}", datatype=XSD.decimal), g
        yield s, SG.negated, Literal(triple.negated), g
        yield s, SG.hedged, Literal(triple.hedged), g
        yield s, SG.actorText, Literal(triple.actor.text or triple.actor.label), g
        yield s, SG.topicText, Literal(triple.topic.text or triple.topic.label), g
        yield s, SG.topicPhrase, Literal(triple.topic.label), g
        if not triple.topic.issue:
            yield s, SG.topicGeneric, Literal(True), g
        yield s, SG.sentence, Literal(triple.evidence.sentence), g
        yield s, SG.charStart, Literal(triple.evidence.char_start, datatype=XSD.integer), g
        yield s, SG.charEnd, Literal(triple.evidence.char_end, datatype=XSD.integer), g
        yield s, PROV.wasDerivedFrom, d, g
        if triple.speaker:
            yield s, SG.speaker, Literal(triple.speaker), g
        if triple.speaker_person is not None:
            yield s, SG.spokenBy, actor_iri(triple.speaker_person.id), g
            yield from _actor_quads(triple.speaker_person, g)
        for target in triple.targets:
            yield s, SG.target, actor_iri(target.id), g
            yield from _actor_quads(target, g)
        yield from _actor_quads(triple.actor, g)
        yield topic, RDF.type, SG.Topic, CONCEPTS_GRAPH
        yield topic, SKOS.prefLabel, Literal(triple.topic.label), CONCEPTS_GRAPH
        yield actor, edge_property(triple.stance), topic, g


STORED_VERSIONS_QUERY = """
SELECT ?id ?hash ?extractor ?pipeline WHERE {
  GRAPH ?g { ?d a sg:Document ; sg:docId ?id ; sg:contentHash ?hash ; sg:extractor ?extractor ; sg:pipeline ?pipeline }
}
"""


def stored_versions(store: StanceStore) -> dict[str, tuple[str, str, str]]:
    """For each stored document id: the hash of its text, and the extractor and pipeline that read it."""
    return {
        str(row.id): (str(row.hash), str(row.extractor), str(row.pipeline))  # type: ignore[union-attr]
        for row in store.dataset.query(STORED_VERSIONS_QUERY, initNs=PREFIXES)
    }


def remove_document(store: StanceStore, doc_id: str) -> bool:
    """Delete a document's named graph, and the description of the actors only it named; True if it was
    there."""
    return bool(remove_documents(store, [doc_id]))


def remove_documents(store: StanceStore, doc_ids: Iterable[str]) -> list[str]:
    """Delete the named graphs of these documents and the description of the actors no other document names,
    and group the topics of the documents left again (``refresh_concepts``); return the ids of those that were
    there."""
    removed = [doc_id for doc_id in doc_ids if remove_graph(store, document_graph(doc_id))]
    if removed:
        prune_actors(store)
        refresh_concepts(store)
    return removed


def remove_graph(store: StanceStore, g: URIRef) -> bool:
    """Delete a named graph; True if it was there."""
    present = store.has_graph(g)
    if present:
        store.dataset.remove_graph(g)
    return present


_PRUNE_ACTORS = """
DELETE {{ GRAPH {actors} {{ ?a ?p ?o }} }}
WHERE {{
  GRAPH {actors} {{ ?a ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?a }} FILTER(?g != {actors}) }}
}}
"""


def prune_actors(store: StanceStore) -> None:
    """Drop the description of every actor that no document names any more."""
    store.update(_PRUNE_ACTORS.format(actors=sparql_term(ACTORS_GRAPH)))


def document_update(
    doc: Document,
    triples: Iterable[StanceTriple],
    *,
    extractor: str,
    pipeline: str,
    persons: Iterable[Actor] = (),
) -> tuple[str, int]:
    """The SPARQL update that writes a document, and its number of quads: its graph replaced whole; the actors
    it names described anew in the actors graph (class and label replaced, so that a relabelled actor has one
    label); the ids of actors it names only as affiliations added."""
    g = document_graph(doc.id)
    own: list[Triple] = []
    described: list[Triple] = []
    topics: dict[URIRef, Literal] = {}
    for s, p, o, graph in dict.fromkeys(
        document_quads(doc, triples, extractor=extractor, pipeline=pipeline, persons=persons)
    ):
        if graph == g:
            own.append((s, p, o))
        elif graph == CONCEPTS_GRAPH:
            if p == SKOS.prefLabel:
                topics.setdefault(s, o)  # type: ignore[arg-type]
        else:
            described.append((s, p, o))
    relabelled = " ".join(sorted({sparql_term(s) for s, p, _ in described if p == RDFS.label}))
    actors = sparql_term(ACTORS_GRAPH)
    parts = [replace_graph_update(g, own)]
    if relabelled:
        for prop in ("rdfs:label", "rdf:type"):
            parts.append(f"DELETE {{ GRAPH {actors} {{ ?a {prop} ?v }} }} WHERE {{ VALUES ?a {{ {relabelled} }} "
                         f"GRAPH {actors} {{ ?a {prop} ?v }} }}")
    if described:
        parts.append(insert_data(ACTORS_GRAPH, described))
    if topics:
        parts.append(_new_topics_update(topics))
    prefixes = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items() if name in ("rdf", "rdfs"))
    return prefixes + " ;\n".join(parts), len(own) + len(described) + 2 * len(topics)


def _new_topics_update(topics: dict[URIRef, Literal]) -> str:
    """Describe each topic the concepts graph does not know yet as a concept of its own; one it knows (a concept
    made from the whole store, or a phrase another document wrote first) keeps its description."""
    concepts = sparql_term(CONCEPTS_GRAPH)
    rows = " ".join(f"({sparql_term(t)} {sparql_term(label)})" for t, label in topics.items())
    topic_class, pref = sparql_term(SG.Topic), sparql_term(SKOS.prefLabel)
    return (
        f"INSERT {{ GRAPH {concepts} {{ ?t a {topic_class} ; {pref} ?label }} }} "
        f"WHERE {{ VALUES (?t ?label) {{ {rows} }} FILTER NOT EXISTS {{ GRAPH {concepts} {{ ?t {pref} ?any }} }} }}"
    )


def write_document(
    store: StanceStore,
    doc: Document,
    triples: Iterable[StanceTriple],
    *,
    extractor: str,
    pipeline: str,
    persons: Iterable[Actor] = (),
) -> int:
    """Write a document and its stances (:func:`document_update`) in one transaction; return the number of
    quads written."""
    text, quads = document_update(doc, triples, extractor=extractor, pipeline=pipeline, persons=persons)
    store.update(text, quads=quads)
    return quads
