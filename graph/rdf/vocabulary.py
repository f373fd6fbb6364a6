"""The stancegraph vocabulary in code: actor types as classes, stance types as concepts and direct edges, and the
vocabulary and shapes files as graphs.

``vocab.ttl`` is the vocabulary published with the data and ``shapes.ttl`` its SHACL shapes; this module is
what the code uses of them, and a test checks that the three agree with ``stancegraph.model.Stance``.

>>> ACTOR_CLASSES["state"] == SG.State, actor_type_of([SG.Actor, SG.Organization])
(True, 'organization')
>>> stance_concept(Stance.OPPOSE) == STANCE.oppose, edge_property(Stance.OPPOSE) == SG.opposes
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from rdflib import Graph, URIRef

from stancegraph.model import ACTOR_TYPES, Stance

from .namespaces import SG, STANCE

__all__ = [
    "ACTOR_CLASSES",
    "actor_type_of",
    "edge_property",
    "shapes",
    "stance_concept",
    "stance_of_concept",
    "vocabulary",
]

#: The class of each actor type.
ACTOR_CLASSES: dict[str, URIRef] = {
    "state": SG.State,
    "organization": SG.Organization,
    "person": SG.Person,
    "group": SG.Group,
    "other": SG.OtherActor,
}
_TYPE_OF_CLASS = {str(cls): name for name, cls in ACTOR_CLASSES.items()}

_EDGE_NAMES = {
    Stance.SUPPORT: "supports",
    Stance.PROPOSE: "proposes",
    Stance.DEMAND: "demands",
    Stance.THREATEN: "threatens",
    Stance.CONSIDER: "considers",
    Stance.OPPOSE: "opposes",
    Stance.REJECT: "rejects",
}


def actor_type_of(classes: Iterable[object]) -> str:
    """The actor type of a node with these classes (IRIs or their strings): the first of ``ACTOR_TYPES`` whose
    class is among them, ``other`` when none is."""
    present = {_TYPE_OF_CLASS.get(str(cls)) for cls in classes}
    return next((name for name in ACTOR_TYPES if name in present), "other")


def stance_concept(stance: Stance | str) -> URIRef:
    """The concept of a stance type: ``stance:oppose`` for oppose."""
    return STANCE[Stance(stance).value]


def stance_of_concept(concept: object) -> str:
    """The stance type a concept IRI names (``oppose`` for ``stance:oppose``), or the IRI itself."""
    text = str(concept)
    return text[len(str(STANCE)):] if text.startswith(str(STANCE)) else text


def edge_property(stance: Stance) -> URIRef:
    """The direct actor-to-topic property of a stance: ``sg:opposes`` for oppose."""
    return SG[_EDGE_NAMES[stance]]


def _turtle(name: str) -> Graph:
    graph = Graph()
    graph.parse(source=str(resources.files(__package__) / name), format="turtle")
    return graph


def vocabulary() -> Graph:
    """The stancegraph vocabulary (``vocab.ttl``) as a graph."""
    return _turtle("vocab.ttl")


def shapes() -> Graph:
    """The SHACL shapes of the stancegraph data (``shapes.ttl``) as a graph."""
    return _turtle("shapes.ttl")
