"""Reading the stance table back out of the store with SPARQL."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from rdflib import Literal

from .namespaces import PREFIXES
from .store import StanceStore

__all__ = ["PERSONS_QUERY", "STANCE_ROWS_QUERY", "person_rows", "stance_rows"]

# One row per statement; targets folded into one value. Everything a row needs is in the statement's
# own document graph, so the query stays inside one GRAPH per statement.
STANCE_ROWS_QUERY = """
SELECT ?doc ?date ?source ?sentence ?char_start ?char_end ?actor ?actor_id ?actor_class ?actor_text
       ?speaker ?stance ?polarity ?topic ?topic_text ?negated ?hedged ?confidence
       (GROUP_CONCAT(DISTINCT ?target_id; separator=" ") AS ?targets)
WHERE {
  GRAPH ?g {
    ?s a sg:StanceStatement ;
       prov:wasDerivedFrom ?d ;
       sg:actor ?a ; sg:stance ?st ; sg:polarity ?polarity ; sg:topic ?t ;
       sg:sentence ?sentence ; sg:charStart ?char_start ; sg:charEnd ?char_end ;
       sg:actorText ?actor_text ; sg:topicText ?topic_text ;
       sg:negated ?negated ; sg:hedged ?hedged ; sg:confidence ?confidence .
    ?d sg:docId ?doc .
    OPTIONAL { ?d dcterms:date ?date }
    OPTIONAL { ?d dcterms:source ?source }
    OPTIONAL { ?s sg:speaker ?speaker }
    OPTIONAL { ?s sg:target/sg:actorId ?target_id }
    ?a sg:actorId ?actor_id ; rdfs:label ?actor ; a ?actor_class .
    FILTER (?actor_class != sg:Actor)
    ?t skos:prefLabel ?topic .
  }
  ?st skos:prefLabel ?stance .
}
GROUP BY ?doc ?date ?source ?sentence ?char_start ?char_end ?actor ?actor_id ?actor_class ?actor_text
         ?speaker ?stance ?polarity ?topic ?topic_text ?negated ?hedged ?confidence
ORDER BY ?doc ?char_start ?actor_id ?stance ?topic
"""

_TYPE_OF_CLASS = {
    "State": "state",
    "Organization": "organization",
    "Person": "person",
    "Group": "group",
    "OtherActor": "other",
}


def stance_rows(store: StanceStore) -> Iterator[dict[str, Any]]:
    """Every stored stance as a stance-table row (see ``stancegraph.table.STANCE_TABLE_FIELDS``)."""
    result = store.dataset.query(STANCE_ROWS_QUERY, initNs=PREFIXES)
    for binding in result:
        row = {str(k): _python(v) for k, v in binding.asdict().items()}
        actor_class = str(row.pop("actor_class", ""))
        row["actor_type"] = _TYPE_OF_CLASS.get(actor_class.rsplit("#", 1)[-1], "other")
        row["targets"] = sorted(str(row.get("targets") or "").split())
        for key in ("date", "source", "speaker"):
            row.setdefault(key, None)
        yield row


def _python(value: Any) -> Any:
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, Decimal):
            return float(py)
        return py if isinstance(py, (bool, int, float, str)) else str(value)
    return str(value)


PERSONS_QUERY = """
SELECT DISTINCT ?doc ?person ?person_id ?role ?affiliation_id WHERE {
  GRAPH ?g {
    ?p a sg:Person ; rdfs:label ?person ; sg:actorId ?person_id .
    OPTIONAL { ?p sg:role ?role }
    OPTIONAL { ?p sg:affiliation ?a . ?a sg:actorId ?affiliation_id }
    ?d a sg:Document ; sg:docId ?doc .
  }
}
ORDER BY ?doc ?person
"""


def person_rows(store: StanceStore) -> Iterator[dict[str, Any]]:
    """Every person who utters a stored stance, per document, with role and affiliation (actor id)."""
    for binding in store.dataset.query(PERSONS_QUERY, initNs=PREFIXES):
        row = {str(k): _python(v) for k, v in binding.asdict().items()}
        for key in ("role", "affiliation_id"):
            row.setdefault(key, None)
        yield row
