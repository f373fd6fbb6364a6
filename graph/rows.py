"""Reading the stance table back out of the store with SPARQL."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from rdflib import Literal

from .namespaces import PREFIXES
from .store import StanceStore

__all__ = ["PERSONS_QUERY", "STANCE_ROWS_QUERY", "person_rows", "stance_rows"]

# The stance table is read in a few flat queries joined by statement: Oxigraph answers each simple pattern
# over a whole corpus in seconds, where one query with OPTIONALs and GROUP BY took minutes.
STANCE_ROWS_QUERY = """
SELECT ?s ?doc ?sentence ?char_start ?char_end ?actor ?actor_id ?actor_text ?stance ?polarity ?topic ?topic_text
       ?negated ?hedged ?confidence
WHERE {
  GRAPH ?g {
    ?s a sg:StanceStatement ;
       prov:wasDerivedFrom ?d ;
       sg:actor ?a ; sg:stance ?st ; sg:polarity ?polarity ; sg:topic ?t ;
       sg:sentence ?sentence ; sg:charStart ?char_start ; sg:charEnd ?char_end ;
       sg:actorText ?actor_text ; sg:topicText ?topic_text ;
       sg:negated ?negated ; sg:hedged ?hedged ; sg:confidence ?confidence .
    ?d sg:docId ?doc .
    ?a sg:actorId ?actor_id ; rdfs:label ?actor .
    ?t skos:prefLabel ?topic .
  }
  GRAPH ?vocab { ?st skos:prefLabel ?stance }
}
"""
_DETAIL_QUERIES = {
    "targets": "SELECT ?s ?value WHERE { GRAPH ?g { ?s sg:target ?x . ?x sg:actorId ?value } }",
    "speaker": "SELECT ?s ?value WHERE { GRAPH ?g { ?s a sg:StanceStatement ; sg:speaker ?value } }",
    "date": "SELECT ?s ?value WHERE { GRAPH ?g { ?s prov:wasDerivedFrom ?d . ?d dcterms:date ?value } }",
    "source": "SELECT ?s ?value WHERE { GRAPH ?g { ?s prov:wasDerivedFrom ?d . ?d dcterms:source ?value } }",
    "actor_type": "SELECT ?s ?value WHERE { GRAPH ?g { ?s sg:actor ?a . ?a a ?value } }",
}

_TYPE_OF_CLASS = {
    "State": "state",
    "Organization": "organization",
    "Person": "person",
    "Group": "group",
    "OtherActor": "other",
}


def stance_rows(store: StanceStore) -> Iterator[dict[str, Any]]:
    """Every stored stance as a stance-table row (see ``stancegraph.table.STANCE_TABLE_FIELDS``),
    ordered by document and position."""
    details: dict[str, dict[str, list[Any]]] = {}
    for field_name, query in _DETAIL_QUERIES.items():
        for s, value in store.dataset.query(query, initNs=PREFIXES):
            details.setdefault(str(s), {}).setdefault(field_name, []).append(_python(value))
    rows = []
    seen: set[str] = set()
    for binding in store.dataset.query(STANCE_ROWS_QUERY, initNs=PREFIXES):
        row = {str(k): _python(v) for k, v in binding.asdict().items()}
        statement = str(row.pop("s"))
        if statement in seen:
            continue  # a topic written in two cases in one document has two labels: one row is enough
        seen.add(statement)
        extra = details.get(statement, {})
        classes = [str(c).rsplit("#", 1)[-1] for c in extra.get("actor_type", [])]
        row["actor_type"] = next((_TYPE_OF_CLASS[c] for c in classes if c in _TYPE_OF_CLASS), "other")
        row["targets"] = sorted(set(extra.get("targets", [])))
        for key in ("date", "source", "speaker"):
            values = extra.get(key)
            row[key] = values[0] if values else None
        rows.append(row)
    rows.sort(key=lambda r: (r["doc"], r["char_start"], r["actor_id"], r["stance"], r["topic"]))
    yield from rows


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
    """Every official a stored document names or quotes, with role and affiliation (actor id)."""
    for binding in store.dataset.query(PERSONS_QUERY, initNs=PREFIXES):
        row = {str(k): _python(v) for k, v in binding.asdict().items()}
        for key in ("role", "affiliation_id"):
            row.setdefault(key, None)
        yield row
