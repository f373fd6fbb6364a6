"""RDF terms to and from Python values and SPARQL syntax.

>>> from rdflib import Literal, URIRef
>>> sparql_term(Literal('say "no"\\n'))
'"say \\\\"no\\\\"\\\\n"'
>>> to_python(Literal("0.800", datatype=XSD.decimal)), to_python(URIRef("https://example.org/x")), to_python(None)
(0.8, 'https://example.org/x', None)
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from .namespaces import XSD

__all__ = ["from_oxigraph", "oxigraph_quad", "plain", "sparql_term", "to_oxigraph", "to_python"]

# Characters an IRI may not hold (RFC 3987, and SPARQL's IRIREF).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def sparql_term(node: Node) -> str:
    """An IRI or literal in SPARQL syntax, escaped so that no value can end it early: for the data of an update
    and for the bindings of a query, which rdflib sends as a VALUES clause."""
    if isinstance(node, URIRef):
        if _NOT_IN_IRI.search(node):
            raise ValueError(f"{str(node)!r} is not a valid IRI")
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if node.language:
            return f'"{text}"@{node.language}'
        return f'"{text}"^^{sparql_term(node.datatype)}' if node.datatype else f'"{text}"'
    raise ValueError(f"a SPARQL server takes no {type(node).__name__} here (stancegraph mints IRIs): {node!r}")


def plain(term: Node) -> Node:
    """The term as every store gives it back: a string literal without the explicit ``xsd:string`` datatype
    (the same literal in RDF 1.1, which Oxigraph embedded spells out and a SPARQL server leaves implicit)."""
    if isinstance(term, Literal) and term.datatype == XSD.string and term.language is None:
        return Literal(str(term))
    return term


def to_python(term: Node | None) -> Any:
    """A plain Python value of an RDF term: booleans, integers and strings as themselves, decimals and doubles
    as floats, any other literal as its lexical form, an IRI as its string; None (an unbound variable) stays
    None."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        return value if isinstance(value, (bool, int, float, str)) else str(term)
    return str(term)


def to_oxigraph(term: Node) -> Any:
    """The term as a ``pyoxigraph`` term."""
    from oxrdflib._converter import to_ox

    return to_ox(term)


def from_oxigraph(term: Any) -> Node:
    """A ``pyoxigraph`` term as an rdflib term; a string literal without the explicit ``xsd:string``, as
    :func:`plain` gives it."""
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox

    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return from_ox(term)


def oxigraph_quad(quad: tuple[Node, Node, Node, Node]) -> Any:
    """An (s, p, o, graph) quad of rdflib terms as a ``pyoxigraph.Quad``."""
    import pyoxigraph as ox

    return ox.Quad(*(to_oxigraph(term) for term in quad))


_XSD_STRING = str(XSD.string)
