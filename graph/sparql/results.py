"""SPARQL results as people and other programs read them: an aligned table, CSV or JSON.

Terminal control characters in a table are shown escaped; JSON gives numbers and booleans as such.
"""

from __future__ import annotations

import csv
import io
import json
import re

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from stancegraph.errors import QueryError

from ..rdf.namespaces import PREFIXES
from ..rdf.terms import to_python
from .run import QueryResult

__all__ = ["format_result"]


def _text(value: Identifier | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        return str(value)
    if isinstance(value, URIRef):
        return str(value)
    if isinstance(value, BNode):
        return f"_:{value}"
    return str(value)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table`` (aligned text), ``csv`` or ``json``."""
    if result.kind == "ASK":
        return json.dumps({"boolean": result.ask}) + "\n" if fmt == "json" else f"{str(result.ask).lower()}\n"
    if result.graph is not None:
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    if fmt == "json":
        return json.dumps([{k: to_python(v) for k, v in row.items()} for row in result.rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_text(row.get(v)) for v in result.variables])
        return buf.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format '{fmt}'", fix="use table, csv or json")
    return _table(result)


def _table(result: QueryResult, max_width: int = 60) -> str:
    cells = [[_short(_text(row.get(v)), max_width) for v in result.variables] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells)
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


# Shown escaped in a table: a terminal would act on them (move the cursor, erase lines, set the title) or
# reorder the text around them.
_TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    text = _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)):
            text = f"{prefix}:{text[len(str(ns)):]}"
            break
    return text if len(text) <= width else text[: width - 1] + "…"
