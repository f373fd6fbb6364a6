"""The IRIs stancegraph mints for its data, and the names of its graphs.

Any text gives a valid IRI: ids are percent-encoded as one path segment. Topic labels are slugged first
(lower case, spaces as hyphens), so that "ABM shield" and "ABM  Shield" are one topic.

>>> str(actor_iri("RUS")), str(topic_iri("ABM Shield"))
('https://w3id.org/stancegraph/id/actor/RUS', 'https://w3id.org/stancegraph/id/topic/abm-shield')
>>> str(document_graph("a b/c"))
'https://w3id.org/stancegraph/graph/doc/a%20b%2Fc'
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from stancegraph.model import StanceTriple

from .namespaces import GRAPH, ID

__all__ = [
    "ACTORS_GRAPH",
    "CODEBOOK_GRAPH",
    "CONCEPTS_GRAPH",
    "VOCAB_GRAPH",
    "actor_iri",
    "document_graph",
    "document_iri",
    "is_document_graph",
    "statement_iri",
    "topic_id",
    "topic_id_of",
    "topic_iri",
]

#: The named graph that holds the vocabulary (``vocab.ttl``).
VOCAB_GRAPH = GRAPH["vocab"]
#: The named graph that describes each actor once: its class, label and id (what a document says of an actor,
#: a person's role and affiliation, stays in the document's graph).
ACTORS_GRAPH = GRAPH["actors"]
#: The named graph that describes each topic concept once: its preferred label, the phrases it groups as
#: alternative labels, the concept it is a narrower form of, whether it is generic. Made again from the stored
#: statements and the codebook whenever documents change (``graph.readwrite.concepts``).
CONCEPTS_GRAPH = GRAPH["concepts"]
#: The named graph that holds the researcher's codebook as last applied: its labels, aliases, broader labels and
#: exclusions, so that the concepts made again after a new extraction keep following it.
CODEBOOK_GRAPH = GRAPH["codebook"]
_DOCUMENT_GRAPHS = str(GRAPH["doc/"])


def _segment(text: str) -> str:
    """A percent-encoded IRI path segment: any text gives a valid IRI."""
    return quote(text, safe="")


def _slug(label: str) -> str:
    return _segment(topic_id(label))


def actor_iri(actor_id: str) -> URIRef:
    return ID["actor/" + _segment(actor_id)]


def topic_iri(label: str) -> URIRef:
    return ID["topic/" + _slug(label)]


def topic_id(label: str) -> str:
    """A topic concept's id, as the stance table's ``topic_id`` gives it: its label slugged ("ABM shield" ->
    "abm-shield")."""
    return re.sub(r"\s+", "-", label.strip().lower())


def topic_id_of(iri: object) -> str:
    """The id of a topic concept from its IRI: ``topic_id_of(topic_iri(label)) == topic_id(label)``."""
    return unquote(str(iri).rsplit("/", 1)[-1])


def document_iri(doc_id: str) -> URIRef:
    return ID["doc/" + _segment(doc_id)]


def document_graph(doc_id: str) -> URIRef:
    """The named graph that holds one document and everything read from it."""
    return GRAPH["doc/" + _segment(doc_id)]


def is_document_graph(graph: object) -> bool:
    return str(graph).startswith(_DOCUMENT_GRAPHS)


def statement_iri(triple: StanceTriple) -> URIRef:
    """A statement's IRI: its document and a digest of what it says and where, so that extracting a document
    again mints the same IRIs."""
    key = "\x1f".join(
        str(x)
        for x in (
            triple.evidence.char_start,
            triple.evidence.char_end,
            triple.actor.id,
            triple.stance.value,
            triple.polarity,
            triple.topic.label,
            triple.topic.text,
        )
    )
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return ID[f"stance/{_segment(triple.evidence.doc)}/{digest}"]
