"""The vocabulary is defined once in code and once in RDF: ``Stance``, ``ACTOR_TYPES`` and the classes and
properties the code writes agree with ``vocab.ttl`` and with the SHACL shapes of ``shapes.ttl``."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS

from stancegraph.choices import STANCES
from stancegraph.graph.rdf.namespaces import SG, STANCE
from stancegraph.graph.rdf.vocabulary import ACTOR_CLASSES, edge_property, shapes, stance_concept, vocabulary
from stancegraph.model import ACTOR_TYPES, Stance
from stancegraph.synthetic import synthetic_corpus
from stancegraph.graph.readwrite.writer import document_quads


def _lists_in_shapes(values_of: URIRef) -> list[set]:
    """Every ``sh:in`` list of the shapes that holds ``values_of``."""
    graph = shapes()
    lists = [set(Collection(graph, head)) for head in graph.objects(None, SH["in"])]
    return [values for values in lists if values_of in values]


def test_the_stance_enum_is_the_vocabulary_s_scheme():
    vocab = vocabulary()
    concepts = set(vocab.subjects(SKOS.inScheme, STANCE.scheme))
    assert concepts == {stance_concept(s) for s in Stance}
    assert STANCES == tuple(s.value for s in Stance)
    for stance in Stance:
        concept = stance_concept(stance)
        assert vocab.value(concept, SKOS.prefLabel) == Literal(stance.value)
        assert vocab.value(concept, SG.polarity).toPython() == stance.polarity
        assert vocab.value(concept, SG.edgeProperty) == edge_property(stance)
        assert (edge_property(stance), RDFS.subPropertyOf, SG.takesStanceOn) in vocab


def test_the_shapes_allow_exactly_the_stance_types():
    [allowed] = _lists_in_shapes(STANCE.support)
    assert allowed == {stance_concept(s) for s in Stance}


def test_the_actor_types_are_the_vocabulary_s_actor_classes():
    vocab = vocabulary()
    assert tuple(ACTOR_CLASSES) == ACTOR_TYPES
    subclasses = set(vocab.subjects(RDFS.subClassOf, SG.Actor))
    assert subclasses == set(ACTOR_CLASSES.values())
    for name, cls in ACTOR_CLASSES.items():  # each class is labelled with its type's name
        assert str(vocab.value(cls, RDFS.label)).split()[0] == name
    [allowed] = _lists_in_shapes(SG.State)
    assert allowed == set(ACTOR_CLASSES.values())


def test_every_class_and_property_the_writer_uses_is_in_the_vocabulary():
    vocab = vocabulary()
    defined = set(vocab.subjects(RDF.type, RDF.Property)) | set(vocab.subjects(RDF.type, RDFS.Class))
    used = set()
    for doc, triples in synthetic_corpus(60, actors=20, topics=10, seed=3):
        for s, p, o, _ in document_quads(doc, triples, extractor="x", pipeline="p"):
            used.add(p)
            if p == RDF.type:
                used.add(o)
    ours = {term for term in used if str(term).startswith(str(SG))}
    assert ours and ours <= defined, sorted(ours - defined)
