"""Documents written into a store by hand, using every part of what the writer stores, for the tests that
check or move stored graphs without the trained pipeline."""

from __future__ import annotations

from stancegraph.graph.readwrite.writer import write_document

from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

TEXT = "Moscow opposes the shield. NATO may consider the plan, its envoy said. Russia did not reject talks."

RUS = Actor("RUS", "Russia", "state", "Moscow")
NATO = Actor("NATO", "NATO", "organization", "NATO")
ENVOY = Actor("jane-doe", "Jane Doe", "person", "Jane Doe", role="envoy", affiliation="NATO")
MINISTER = Actor("ivan-petrov", "Ivan Petrov", "person", "Ivan Petrov", role="minister", affiliation="UKR")  # UKR takes no stance here


def _evidence(doc_id: str, start: int, end: int) -> Evidence:
    return Evidence(doc_id, TEXT[start:end], start, end)


def write_sample(store, doc_id: str = "d1", *, topic: str = "shield") -> int:
    """Write one document with three stances: targets, a speaking person with role and affiliation, an
    official mentioned who utters nothing, hedged and negated stances, and all the document's metadata."""
    triples = [
        StanceTriple(RUS, Stance.OPPOSE, Topic(topic, f"the {topic}"), _evidence(doc_id, 0, 26), targets=(NATO,)),
        StanceTriple(
            NATO,
            Stance.CONSIDER,
            Topic("plan", "the plan"),
            _evidence(doc_id, 27, 70),
            speaker="Jane Doe",
            speaker_person=ENVOY,
            hedged=True,
            confidence=0.48,
        ),
        StanceTriple(RUS, Stance.CONSIDER, Topic("talks"), _evidence(doc_id, 71, 99), negated=True, confidence=0.7),
    ]
    doc = Document(
        doc_id,
        TEXT,
        date="2012-05-04",
        source="RIA Novosti",
        title="Missile defence",
        url="https://example.org/a",
        speaker="RUS",
    )
    return write_document(store, doc, triples, extractor="x 1", pipeline="p 1", persons=[MINISTER])
