"""Writing documents and their stances into the store, one named graph per document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef

from stancegraph.model import Actor, Document, StanceTriple

from ..rdf.iris import actor_iri, document_graph, document_iri, statement_iri, topic_iri
from ..rdf.namespaces import DCTERMS, PREFIXES, PROV, RDF, RDFS, SG, SKOS, XSD
from ..rdf.vocabulary import ACTOR_CLASSES, edge_property, stance_concept
from ..store.base import Quad, StanceStore

__all__ = [
    "content_hash",
    "document_quads",
    "remove_document",
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
    iri = actor_iri(actor.id)
    yield iri, RDF.type, ACTOR_CLASSES[actor.type], g
    yield iri, RDF.type, SG.Actor, g
    yield iri, RDFS.label, Literal(actor.label), g
    yield iri, SG.actorId, Literal(actor.id), g
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
    """Every quad of a document's named graph: the document, the officials it names, its statements, their
    actors and topics."""
    g = document_graph(doc.id)
    d = document_iri(doc.id)
    yield d, RDF.type, SG.Document, g
    for person in persons:
        yield d, SG.mentions, actor_iri(person.id), g
        yield from _actor_quads(person, g)
        if person.affiliation:  # so that the affiliation's id reads back from this document alone
            yield actor_iri(person.affiliation), SG.actorId, Literal(person.affiliation), g
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
        yield topic, RDF.type, SG.Topic, g
        yield topic, SKOS.prefLabel, Literal(triple.topic.label), g
        if triple.topic.text and triple.topic.text != triple.topic.label:
            yield topic, SKOS.altLabel, Literal(triple.topic.text), g
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
    """Delete a document's named graph; True if it was there."""
    return remove_graph(store, document_graph(doc_id))


def remove_graph(store: StanceStore, g: URIRef) -> bool:
    """Delete a named graph; True if it was there."""
    present = store.has_graph(g)
    if present:
        store.dataset.remove_graph(g)
    return present


def write_document(
    store: StanceStore,
    doc: Document,
    triples: Iterable[StanceTriple],
    *,
    extractor: str,
    pipeline: str,
    persons: Iterable[Actor] = (),
) -> int:
    """Replace the document's named graph with its stances; return the number of quads written."""
    quads = list(document_quads(doc, triples, extractor=extractor, pipeline=pipeline, persons=persons))
    store.replace_graph(document_graph(doc.id), [(s, p, o) for s, p, o, _ in quads])
    return len(quads)
