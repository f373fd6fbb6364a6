"""The namespaces of the stancegraph vocabulary and data, defined once."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "BASE",
    "DCTERMS",
    "GRAPH",
    "ID",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SG",
    "SKOS",
    "STANCE",
    "XSD",
]

BASE = "https://w3id.org/stancegraph/"
SG = Namespace(BASE + "ns#")  # classes and properties
STANCE = Namespace(BASE + "stance/")  # the stance concepts: stance:oppose ...
ID = Namespace(BASE + "id/")  # minted data IRIs: actors, topics, documents, statements
GRAPH = Namespace(BASE + "graph/")  # the named graphs: one per document, the vocabulary's

# Bound in every query and every serialisation (as plain strings: that is what Oxigraph takes).
PREFIXES: dict[str, str] = {
    "sg": str(SG),
    "stance": str(STANCE),
    "sgid": str(ID),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "xsd": str(XSD),
}
