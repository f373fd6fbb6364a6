"""Which statements a network, an analysis or a table is built from: :class:`Filters`, written into SPARQL.

The values a user gives become minted IRIs, stance concepts and checked dates, each written as an RDF term, so
none can change the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Literal

from stancegraph.choices import ACTOR_TYPES, STANCES
from stancegraph.errors import InputError

from ..rdf.iris import CONCEPTS_GRAPH, actor_iri, topic_iri
from ..rdf.namespaces import SG
from ..rdf.terms import sparql_term
from ..rdf.vocabulary import ACTOR_CLASSES, stance_concept

__all__ = ["Filters"]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Filters:
    """Which statements a network is built from, and which edges it keeps.

    ``actors`` are actor ids (``"RUS"``), ``actor_types`` among state, organization, person, group, other,
    ``topics`` topic labels (any case), ``stances`` stance types; ``date_from`` and ``date_to`` are ISO dates
    (``2014``, ``2014-03`` or ``2014-03-01``, both ends included) on the document's date, and keep only
    documents that have one. ``min_weight`` drops lighter edges (by absolute weight), then the nodes left alone.
    Topics that are generic ("the world") or that the codebook excludes are left out unless ``all_topics`` or
    ``topics`` names them; the stance table always holds every stance.
    """

    actors: tuple[str, ...] = ()
    actor_types: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    min_weight: float = 0.0
    all_topics: bool = False

    def __post_init__(self) -> None:
        for t in self.actor_types:
            if t not in ACTOR_TYPES:
                raise InputError(f"unknown actor type '{t}'", fix="use one of " + ", ".join(ACTOR_TYPES))
        for s in self.stances:
            if s.strip().lower() not in STANCES:
                raise InputError(f"unknown stance '{s}'", fix="use one of " + ", ".join(STANCES))
        for d in (self.date_from, self.date_to):
            if d is not None and not _DATE.fullmatch(d):
                raise InputError(f"'{d}' is not a date", fix="write YYYY, YYYY-MM or YYYY-MM-DD")

    @property
    def dated(self) -> bool:
        """True when the filters need the document's date."""
        return bool(self.date_from or self.date_to)

    def describe(self) -> str:
        """The filters in one line, for a graph's attributes and a view's heading."""
        parts = []
        for name, values in (("actors", self.actors), ("actor types", self.actor_types),
                             ("topics", self.topics), ("stances", self.stances)):
            if values:
                parts.append(f"{name}: {', '.join(values)}")
        if self.date_from or self.date_to:
            parts.append(f"dates: {self.date_from or '…'} to {self.date_to or '…'}")
        if self.min_weight:
            parts.append(f"minimum weight: {self.min_weight:g}")
        if self.all_topics:
            parts.append("generic and excluded topics included")
        return "; ".join(parts) or "none"

    def clauses(self) -> str:
        """SPARQL restricting ``?a`` (actor), ``?t`` (topic), ``?st`` (stance) and ``?date``."""
        out = []
        if self.actors:
            out.append("VALUES ?a { " + " ".join(sparql_term(actor_iri(a.strip())) for a in self.actors) + " }")
        if self.actor_types:
            classes = " ".join(sparql_term(ACTOR_CLASSES[t]) for t in self.actor_types)
            out.append(f"{{ SELECT DISTINCT ?a WHERE {{ VALUES ?cls {{ {classes} }} GRAPH ?tg {{ ?a a ?cls }} }} }}")
        if self.topics:
            out.append("VALUES ?t { " + " ".join(sparql_term(topic_iri(t)) for t in self.topics) + " }")
        elif not self.all_topics:
            concepts, generic, excluded = (sparql_term(x) for x in (CONCEPTS_GRAPH, SG.generic, SG.excluded))
            out.append(f"FILTER NOT EXISTS {{ GRAPH {concepts} {{ ?t {generic}|{excluded} true }} }}")
        if self.stances:
            out.append("VALUES ?st { " + " ".join(sparql_term(stance_concept(s.strip().lower()))
                                                  for s in self.stances) + " }")
        if self.date_from:
            out.append(f"FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, {len(self.date_from)}) >= "
                       f"{sparql_term(Literal(self.date_from))})")
        if self.date_to:
            out.append(f"FILTER(BOUND(?date) && SUBSTR(STR(?date), 1, {len(self.date_to)}) <= "
                       f"{sparql_term(Literal(self.date_to))})")
        return "\n  ".join(out)
