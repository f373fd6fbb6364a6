"""stancegraph.graph: the RDF store and everything read from it, shipped from the top-level ``graph/`` folder.

The sub-packages follow the data, each importing only those before it:

- ``rdf``: namespaces, minted IRIs, terms, the vocabulary and its SHACL shapes;
- ``store``: the store behind one API, its backends (embedded Oxigraph, a SPARQL server) and bulk loading;
- ``sparql``: queries and updates with their guards, result rendering, filters, the named queries;
- ``readwrite``: documents in, the stance table out, RDF import and export, validation;
- ``networks``: the stance, actor and target networks built from the store;
- ``analysis``: coalitions, polarisation, balance, contested topics, activity, centrality, change;
- ``views``: renderers of the networks: the HTML view, figures, GraphML/GEXF/JSON.

The public names of these are importable from ``stancegraph.graph`` itself; each is loaded on first use, so
that importing one layer does not load the libraries of the others.
"""

from __future__ import annotations

import importlib
from typing import Any

if __name__ != "stancegraph.graph":  # pragma: no cover - guards the mapped layout
    raise ImportError(
        f"this folder is the package 'stancegraph.graph', imported here as {__name__!r}: "
        "install the project (make test) and import 'stancegraph.graph', and run the 'pytest' script, "
        "not 'python -m pytest' from the repository root"
    )

#: Each public name and the sub-package that defines it.
_PUBLIC = {
    "store": ("MEMORY", "StanceStore", "is_remote", "open_store"),
    "sparql": ("NamedQuery", "QueryResult", "format_result", "named_queries", "named_query", "run_query",
               "run_update"),
    "readwrite": ("content_hash", "export_rdf", "person_rows", "remove_document", "stance_rows", "statement_rows",
                  "stored_versions", "write_document"),
    "networks": ("Filters", "actor_network", "build_network", "edge_evidence", "rows_network", "stance_network",
                 "target_network"),
    "analysis": ("analysis_table", "coalitions", "contested_topics", "format_table", "most_active", "most_central",
                 "polarisation", "stance_change", "structural_balance"),
    "views.html": ("network_html", "view_html", "write_network_view", "write_view"),
    "views.figure": ("network_figure", "write_figure"),
    "views.exchange": ("network_text", "write_network"),
}
_WHERE = {name: package for package, names in _PUBLIC.items() for name in names}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    package = _WHERE.get(name)
    if package is None:
        raise AttributeError(f"module 'stancegraph.graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{package}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
