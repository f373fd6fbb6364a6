"""Named queries: the ``.rq`` files shipped in ``queries/``, each with a header saying what it answers.

A header is the comment block at the top of the file::

    # title: Positions of an actor
    # description: Every topic one actor took a stance on ...
    # param actor: actor, required. The actor's id ...
    # example: -p actor=RUS

A parameter has a kind that says how the value a user types becomes an RDF term (an actor id becomes the
actor's IRI, a topic label the topic's IRI ...). Values are bound to a variable of the query, never formatted
into the query text: a parameter ``NAME`` of a kind that names something stored (``actor``, ``topic``,
``stance``, ``iri``) binds ``?NAME_iri``, a ``string`` or ``integer`` parameter binds ``?NAME``. A parameter left
out leaves its variable free. The query selects its parameters' variables (the embedded store binds only
selected ones), and :func:`run_named_query` leaves them out of the answer: it answers with ids and labels, as
the stance table gives them, not with IRIs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from stancegraph.errors import QueryError
from stancegraph.model import Stance

from ..rdf.iris import actor_iri, topic_iri
from ..store.base import StanceStore
from .run import QueryResult, run_query
from ..rdf.namespaces import XSD
from ..rdf.vocabulary import stance_concept

__all__ = ["KINDS", "NamedQuery", "Parameter", "named_queries", "named_query", "run_named_query"]


def _stance(value: str) -> Identifier:
    try:
        return stance_concept(value.strip().lower())
    except ValueError:
        raise ValueError("a stance type: " + ", ".join(s.value for s in Stance)) from None


def _integer(value: str) -> Identifier:
    try:
        return Literal(int(value), datatype=XSD.integer)
    except ValueError:
        raise ValueError("a whole number") from None


def _iri(value: str) -> Identifier:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", value):
        raise ValueError("an absolute IRI such as https://example.org/x")
    return URIRef(value)


# How a typed value becomes an RDF term, by parameter kind.
KINDS = {
    "actor": lambda v: actor_iri(v.strip()),
    "topic": lambda v: topic_iri(v),
    "stance": _stance,
    "integer": _integer,
    "string": Literal,
    "iri": _iri,
}


# The kinds whose value becomes an IRI: their variable is NAME_iri.
_IRI_KINDS = frozenset({"actor", "topic", "stance", "iri"})


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    required: bool
    description: str

    @property
    def variable(self) -> str:
        """The query variable the value is bound to (without ``?``)."""
        return f"{self.name}_iri" if self.kind in _IRI_KINDS else self.name


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    examples: tuple[str, ...]
    text: str

    def bindings(self, values: Mapping[str, str]) -> dict[str, Identifier]:
        """The RDF terms for the values a user gave, by query variable, checked against the parameters.

        Raises QueryError for an unknown parameter, a missing required one, or a value of the wrong kind.
        """
        known = {p.name: p for p in self.parameters}
        for name in values:
            if name not in known:
                raise QueryError(
                    f"query '{self.name}' has no parameter '{name}'",
                    fix="its parameters: " + (", ".join(known) or "none"),
                )
        out: dict[str, Identifier] = {}
        for param in self.parameters:
            value = values.get(param.name)
            if value is None or value == "":
                if param.required:
                    raise QueryError(
                        f"query '{self.name}' needs -p {param.name}=VALUE",
                        fix=f"{param.name}: {param.description}",
                    )
                continue
            try:
                out[param.variable] = KINDS[param.kind](value)
            except ValueError as err:
                raise QueryError(f"-p {param.name}={value!r} is not {err}") from None
        return out


_HEADER = re.compile(r"#\s*(title|description|example|param\s+(\w+))\s*:\s*(.*)")
_PARAM = re.compile(r"(\w+)\s*(?:,\s*(required|optional))?\s*\.\s*(.*)")


def parse(name: str, text: str) -> NamedQuery:
    """A named query from the text of its ``.rq`` file; raises ValueError if the header is malformed."""
    fields: dict[str, str] = {}
    params: list[Parameter] = []
    examples: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.fullmatch(line.strip())
        if m is None:
            continue
        key, param_name, value = m.groups()
        if param_name:
            p = _PARAM.fullmatch(value)
            if p is None or p.group(1) not in KINDS:
                raise ValueError(f"{name}.rq: bad parameter line '{line}' (want: # param NAME: KIND[, required]. TEXT)")
            params.append(Parameter(param_name, p.group(1), p.group(2) == "required", p.group(3)))
        elif key == "example":
            examples.append(value)
        else:
            fields[key] = value
    for key in ("title", "description"):
        if key not in fields:
            raise ValueError(f"{name}.rq: the header has no '# {key}:' line")
    return NamedQuery(name, fields["title"], fields["description"], tuple(params), tuple(examples), text)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with stancegraph, by name (the file name without ``.rq``)."""
    folder = resources.files(__package__) / "queries"
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out[name] = parse(name, entry.read_text(encoding="utf-8"))
    return out


def named_query(name: str) -> NamedQuery:
    """The named query called ``name``; raises QueryError naming the others if there is none."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"there is no named query '{name}'", fix="known: " + ", ".join(queries) + " (see stancegraph queries)")
    return queries[name]


def run_named_query(store: StanceStore, query: NamedQuery, values: Mapping[str, str]) -> QueryResult:
    """Run a named query with the values a user gave; its answer leaves out the parameters' variables."""
    result = run_query(store, query.text, bindings=query.bindings(values))
    hidden = {p.variable for p in query.parameters}
    if result.kind != "SELECT" or not hidden & set(result.variables):
        return result
    variables = [v for v in result.variables if v not in hidden]
    rows = [{v: row.get(v) for v in variables} for row in result.rows]
    return QueryResult(result.kind, variables, rows)
