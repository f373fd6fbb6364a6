"""Reading the stance table back out of the store with SPARQL, as :class:`~stancegraph.table.StanceRow`\\ s.

The same rows serve the stance table (every statement, or those some filters keep) and the evidence of a
network's edges (the statements with the given ids).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from rdflib import URIRef

from stancegraph.table import StanceRow

from ..rdf.iris import topic_id_of
from ..rdf.namespaces import PREFIXES
from ..rdf.terms import sparql_term, to_python
from ..rdf.vocabulary import actor_type_of
from ..sparql.filters import Filters
from ..store.base import StanceStore

__all__ = ["PERSONS_QUERY", "STANCE_ROWS_QUERY", "person_rows", "stance_rows", "statement_rows"]

# The stance table is read in a few flat queries joined by statement: Oxigraph answers each simple pattern
# over a whole corpus in seconds, where one query with OPTIONALs and GROUP BY took minutes.
STANCE_ROWS_QUERY = """
SELECT ?s ?doc ?sentence ?char_start ?char_end ?actor ?actor_id ?actor_text ?stance ?polarity ?t ?topic ?topic_text
       ?negated ?hedged ?confidence
WHERE {{
  {statements}
  GRAPH ?g {{
    ?s a sg:StanceStatement ;
       prov:wasDerivedFrom ?d ;
       sg:actor ?a ; sg:stance ?st ; sg:polarity ?polarity ; sg:topic ?t ;
       sg:sentence ?sentence ; sg:charStart ?char_start ; sg:charEnd ?char_end ;
       sg:actorText ?actor_text ; sg:topicText ?topic_text ;
       sg:negated ?negated ; sg:hedged ?hedged ; sg:confidence ?confidence .
    ?d sg:docId ?doc .{dated}
  }}
  GRAPH ?tg {{ ?t skos:prefLabel ?topic }}
  GRAPH ?ag {{ ?a sg:actorId ?actor_id ; rdfs:label ?actor }}
  GRAPH ?vocab {{ ?st skos:prefLabel ?stance }}
  {filters}
}}
"""
_DETAIL_QUERIES = {
    "targets": "SELECT ?s ?value WHERE {{ {statements} GRAPH ?g {{ ?s sg:target ?x }} GRAPH ?h {{ ?x sg:actorId ?value }} }}",
    "speaker": "SELECT ?s ?value WHERE {{ {statements} GRAPH ?g {{ ?s a sg:StanceStatement ; sg:speaker ?value }} }}",
    "date": "SELECT ?s ?value WHERE {{ {statements} GRAPH ?g {{ ?s prov:wasDerivedFrom ?d . ?d dcterms:date ?value }} }}",
    "source": "SELECT ?s ?value WHERE {{ {statements} GRAPH ?g {{ ?s prov:wasDerivedFrom ?d . ?d dcterms:source ?value }} }}",
    "actor_type": "SELECT ?s ?value WHERE {{ {statements} GRAPH ?g {{ ?s sg:actor ?a }} GRAPH ?h {{ ?a a ?value }} }}",
}
_BATCH = 500


def stance_rows(store: StanceStore, filters: Filters | None = None) -> Iterator[StanceRow]:
    """Every stored stance (or those ``filters`` keep: its ``min_weight`` plays no part) as a stance-table row,
    ordered by document and position."""
    rows = _rows(store, "", filters or Filters())
    yield from sorted(rows.values(), key=lambda r: (r.doc, r.char_start, r.actor_id, r.stance, r.topic))


def statement_rows(store: StanceStore, statements: Iterable[str], *, batch: int = _BATCH) -> dict[str, StanceRow]:
    """The stance-table row of each statement IRI, by IRI; ids not in the store are left out."""
    ids = sorted(set(statements))
    out: dict[str, StanceRow] = {}
    for start in range(0, len(ids), batch):
        chunk = " ".join(sparql_term(URIRef(i)) for i in ids[start : start + batch])
        out.update(_rows(store, f"VALUES ?s {{ {chunk} }}", Filters()))
    return out


def _rows(store: StanceStore, statements: str, filters: Filters) -> dict[str, StanceRow]:
    details: dict[str, dict[str, list[Any]]] = {}
    for field_name, query in _DETAIL_QUERIES.items():
        for s, value in store.dataset.query(query.format(statements=statements), initNs=PREFIXES):
            details.setdefault(str(s), {}).setdefault(field_name, []).append(to_python(value))
    text = STANCE_ROWS_QUERY.format(
        statements=statements,
        dated="\n    OPTIONAL { ?d dcterms:date ?date }" if filters.dated else "",
        filters=replace(filters, all_topics=True).clauses(),  # the table holds every stance
    )
    rows: dict[str, StanceRow] = {}
    for binding in store.dataset.query(text, initNs=PREFIXES):
        row = {str(k): to_python(v) for k, v in binding.asdict().items()}
        statement = str(row.pop("s"))
        if statement in rows:
            continue  # a topic with two labels (a store written before concepts): one row is enough
        row["topic_id"] = topic_id_of(row.pop("t"))
        extra = details.get(statement, {})
        row["actor_type"] = actor_type_of(extra.get("actor_type", []))
        row["targets"] = sorted(set(extra.get("targets", [])))
        for key in ("date", "source", "speaker"):
            values = extra.get(key)
            row[key] = values[0] if values else None
        rows[statement] = StanceRow.from_mapping(row)
    return rows


PERSONS_QUERY = """
SELECT DISTINCT ?doc ?person ?person_id ?role ?affiliation_id WHERE {
  GRAPH ?g {
    ?d a sg:Document ; sg:docId ?doc .
    { ?d sg:mentions ?p } UNION { ?s sg:spokenBy ?p } UNION { ?s sg:actor ?p } UNION { ?s sg:target ?p }
  }
  GRAPH ?h { ?p a sg:Person ; rdfs:label ?person ; sg:actorId ?person_id }
  OPTIONAL { GRAPH ?g { ?p sg:role ?role } }
  OPTIONAL { GRAPH ?g { ?p sg:affiliation ?a } GRAPH ?k { ?a sg:actorId ?affiliation_id } }
}
ORDER BY ?doc ?person
"""


def person_rows(store: StanceStore) -> Iterator[dict[str, Any]]:
    """Every official a stored document names or quotes, with role and affiliation (actor id)."""
    for binding in store.dataset.query(PERSONS_QUERY, initNs=PREFIXES):
        row = {str(k): to_python(v) for k, v in binding.asdict().items()}
        for key in ("role", "affiliation_id"):
            row.setdefault(key, None)
        yield row
