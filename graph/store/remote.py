"""A SPARQL 1.1 server as the store, through rdflib's ``SPARQLUpdateStore``.

The HTTP requests are made here rather than in rdflib's connector, so that a server that is down, a URL that is
no SPARQL endpoint, and a refused query each end in one line that says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from http.client import HTTPException
from io import BytesIO
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from rdflib import BNode, Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from stancegraph.errors import QueryError, StoreError

from ..rdf.terms import sparql_term
from .base import StanceStore

__all__ = ["RemoteStore", "endpoints", "open_remote"]

# SELECT and ASK answers as JSON; CONSTRUCT and DESCRIBE as N-Triples.
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
# How long the first request may wait for the server to answer; later ones (long queries) wait as long as it takes.
_PROBE_SECONDS = 15.0
_URL_FIX = "give the server's base URL, such as http://127.0.0.1:7878/ (see Stores in the README)"


def endpoints(url: str) -> tuple[str, str]:
    """The query and update endpoints a ``--store`` URL names.

    A URL whose path ends in ``/`` (or has none), ``http://127.0.0.1:7878/``, is a server's base: queries go to
    ``.../query`` and updates to ``.../update``, as Oxigraph lays them out (and Fuseki, under a dataset's URL).
    A URL ending in ``/query`` has its update endpoint ``/update`` beside it. Any other URL
    (``http://host:8890/sparql``) is one endpoint for both.

    >>> endpoints("http://127.0.0.1:7878/")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
    >>> endpoints("http://localhost:3030/un/query")
    ('http://localhost:3030/un/query', 'http://localhost:3030/un/update')
    >>> endpoints("https://example.org/sparql")
    ('https://example.org/sparql', 'https://example.org/sparql')
    """
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.endswith("/"):
        return urlunsplit(parts._replace(path=path + "query")), urlunsplit(parts._replace(path=path + "update"))
    if path.endswith("/query"):
        return url, urlunsplit(parts._replace(path=path[: -len("query")] + "update"))
    return url, url


class _Endpoint(SPARQLUpdateStore):
    """rdflib's SPARQL 1.1 store, with requests whose every failure is a one-line error."""

    def __init__(self, url: str):
        query_endpoint, update_endpoint = endpoints(url)
        super().__init__(query_endpoint, update_endpoint, node_to_sparql=sparql_term)
        self.timeout: float | None = None

    def _inject_prefixes(self, query: str, extra_bindings: Mapping[str, Any]) -> str:
        """The prefixes on one line before the text: the server's line numbers are then the user's plus one."""
        prefixes = {**self.nsBindings, **extra_bindings}
        return " ".join(f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items()) + "\n" + query

    def _query(self, query: str, default_graph: str | None = None, named_graph: str | None = None) -> Result:
        self._queries += 1
        params = {} if default_graph is None or isinstance(default_graph, BNode) else {"default-graph-uri": default_graph}
        body, content_type = self._post(self.query_endpoint, params, query, "application/sparql-query", "query")
        try:
            return Result.parse(BytesIO(body), content_type=content_type)
        except Exception:  # whichever parser it was: the answer is no SPARQL result
            raise StoreError(
                f"{self.query_endpoint} is not a SPARQL endpoint: it answered a query with {content_type}",
                fix=_URL_FIX,
            ) from None

    def commit(self) -> None:
        """Send the pending updates in one request; a refused request is dropped, not sent again with the next."""
        edits, self._edits = self._edits, None
        if edits:
            self._update("\n;\n".join(edits))

    def _update(self, update: str) -> None:
        self._updates += 1
        self._post(self.update_endpoint, {}, update, "application/sparql-update; charset=UTF-8", "update")

    def _post(self, url: str, params: dict[str, str], text: str, content_type: str, what: str) -> tuple[bytes, str]:
        target = url + ("&" if "?" in url else "?") + urlencode(params) if params else url
        request = Request(target, data=text.encode("utf-8"), headers={"Content-Type": content_type, "Accept": _ACCEPT})
        try:
            with urlopen(request, timeout=self.timeout) as response:
                return response.read(), response.headers.get_content_type()
        except HTTPError as err:
            raise _refusal(url, err, what) from None
        except (OSError, HTTPException) as err:  # refused, unknown host, timeout, TLS, or no HTTP at all
            reason = str(getattr(err, "reason", None) or err) or type(err).__name__
            raise StoreError(
                f"cannot reach the SPARQL server at {url}: {reason}",
                fix="start the server, or check the --store URL",
            ) from None


def _refusal(url: str, err: HTTPError, what: str) -> Exception:
    """The error for an HTTP error status, with the first line the server gave as the reason."""
    try:
        detail = err.read().decode("utf-8", "replace").strip().splitlines()
    except (OSError, HTTPException):
        detail = []
    reason = f"HTTP {err.code} {err.reason}" + (f": {detail[0][:300]}" if detail else "")
    if err.code == 400:  # the position Oxigraph gives, in the text as the user wrote it
        reason = re.sub(r"error at (\d+):", lambda m: f"error at {int(m.group(1)) - 1}:", reason)
        return QueryError(f"the SPARQL server refused the {what}: {reason}", fix="check the SPARQL")
    if err.code in (404, 405, 406, 415, 501):
        return StoreError(f"{url} is not a SPARQL {what} endpoint ({reason})", fix=_URL_FIX)
    if err.code in (401, 403) and what == "update":
        return StoreError(
            f"the SPARQL server at {url} refused the update ({reason})",
            fix="stancegraph writes only to a read-write server (oxigraph serve, not serve-read-only)",
        )
    return StoreError(f"the SPARQL server at {url} failed ({reason})")


class RemoteStore(StanceStore):
    """The store on a SPARQL 1.1 server: ``location`` is the URL it was opened with. A graph is written in one
    update request (``StanceStore.replace_graph``), which the server applies whole or not at all."""


def open_remote(url: str) -> RemoteStore:
    """The store on the SPARQL server at ``url``; raises StoreError, in one line, when it does not answer."""
    endpoint = _Endpoint(url)
    store = RemoteStore(Dataset(store=endpoint, default_union=True), url)
    endpoint.timeout = _PROBE_SECONDS
    try:
        store.dataset.query("ASK { ?s ?p ?o }")
    finally:
        endpoint.timeout = None
    return store
