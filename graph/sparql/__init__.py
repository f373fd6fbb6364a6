"""SPARQL against the store: running queries and updates (``run``) behind the guards that keep them to the
store (``guard``), rendering their results as tables, CSV or JSON (``results``), and the named queries shipped
in ``queries/`` (``named``)."""

from .named import NamedQuery, named_queries, named_query
from .results import format_result
from .run import QueryResult, run_query, run_update

__all__ = ["NamedQuery", "QueryResult", "format_result", "named_queries", "named_query", "run_query", "run_update"]
