"""What only a store on a SPARQL server has: the URL convention, one-line errors for a server that is down or is
no SPARQL endpoint, one request per document, a read-only server, and the command line pointed at a server."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from stancegraph.graph.sparql.run import run_query, run_update
from stancegraph.graph.rdf.terms import sparql_term
from stancegraph.graph.store.remote import endpoints
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import document_graph
from support.stores import (
    OxigraphServer,
    free_port,
    oxigraph_binary,
    sample_documents,
    write_samples,
)

from stancegraph.errors import QueryError, StoreError

STANCEGRAPH = str(Path(sys.executable).with_name("stancegraph"))


def stancegraph(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([STANCEGRAPH, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def one_line_error(out: subprocess.CompletedProcess) -> str:
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 1 and len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("url", "query", "update"),
    [
        ("http://127.0.0.1:7878/", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update"),
        ("http://127.0.0.1:7878", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update"),
        ("https://host/fuseki/un/", "https://host/fuseki/un/query", "https://host/fuseki/un/update"),
        ("http://host:3030/un/query", "http://host:3030/un/query", "http://host:3030/un/update"),
        ("http://host:8890/sparql", "http://host:8890/sparql", "http://host:8890/sparql"),
    ],
)
def test_the_url_names_the_query_and_update_endpoints(url, query, update):
    assert endpoints(url) == (query, update)


def test_terms_sent_to_a_server_are_escaped_or_refused():
    assert sparql_term(Literal('a\n\\"')) == '"a\\n\\\\\\""'
    assert sparql_term(Literal("x", lang="en")) == '"x"@en'
    assert sparql_term(Literal(3)) == '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    for bad in (BNode(), URIRef("urn:x> } ; DROP ALL ; #")):
        with pytest.raises(ValueError):
            sparql_term(bad)


def test_a_server_that_is_down_is_a_one_line_error():
    url = f"http://127.0.0.1:{free_port()}/"
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        open_store(url)
    line = one_line_error(stancegraph("export", "--store", url))
    assert "cannot reach the SPARQL server at" in line and "start the server" in line


class _NotSparql(BaseHTTPRequestHandler):
    """A web server that is no SPARQL endpoint: a page at its root, nothing anywhere else."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<html><body>a blog</body></html>"
        self.send_response(200 if self.path.startswith("/page") else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def web_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotSparql)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("path", "needle"), [("/page", "answered a query with text/html"), ("/", "HTTP 404")])
def test_a_url_that_is_no_sparql_endpoint_is_a_one_line_error(web_server, path, needle):
    with pytest.raises(StoreError, match="is not a SPARQL"):
        open_store(web_server + path)
    line = one_line_error(stancegraph("query", "ASK {}", "--store", web_server + path))
    assert needle in line and "base URL" in line


def test_invalid_sparql_is_the_servers_one_line_answer(oxigraph_server):
    oxigraph_server.clear()
    with open_store(oxigraph_server.url) as store:
        with pytest.raises(QueryError, match="refused the query.*error at 1:"):
            run_query(store, "SELEC ?x WHERE { ?x ?y ?z }")
        with pytest.raises(QueryError, match="refused the update.*error at 2:"):
            run_update(store, "INSERT DATA {\n <urn:a> <urn:b> }")
        write_samples(store)  # the refused update is not sent again with the next one
        assert len(list(stance_rows(store))) == 4
    line = one_line_error(stancegraph("query", "SELECT ?x WHERE {\n  ?x ?y", "--store", oxigraph_server.url))
    assert "HTTP 400" in line and "error at 2:" in line


def test_a_document_is_written_in_one_request_or_not_at_all(oxigraph_server):
    oxigraph_server.clear()
    with open_store(oxigraph_server.url) as store:
        endpoint = store.dataset.store
        before = endpoint._updates
        write_samples(store)
        assert endpoint._updates - before == len(sample_documents())
        rows = list(stance_rows(store))
        with pytest.raises(ValueError, match="BNode"):  # refused before anything is sent
            store.replace_graph(document_graph("d1"), [(URIRef("urn:a"), URIRef("urn:b"), BNode())])
        assert list(stance_rows(store)) == rows


def test_the_default_graph_of_the_test_server_is_not_the_union(oxigraph_server):
    """What the suite relies on to show that stancegraph names every graph it reads."""
    oxigraph_server.clear()
    with open_store(oxigraph_server.url) as store:
        write_samples(store)
        assert run_query(store, "ASK { ?s ?p ?o }").ask is False
        assert run_query(store, "ASK { GRAPH ?g { ?s ?p ?o } }").ask is True


def test_a_store_folder_served_read_only_is_read_and_refuses_writes(tmp_path):
    folder = tmp_path / "store"
    with open_store(folder) as store:
        write_samples(store)
        rows = list(stance_rows(store))
    server = OxigraphServer(oxigraph_binary(), folder, read_only=True)
    try:
        with open_store(server.url) as remote:
            assert list(stance_rows(remote)) == rows
            with pytest.raises(StoreError, match="refused the update.*read-only"):
                remote.replace_graph(document_graph("d2"), [])
        line = one_line_error(stancegraph("remove", "d1", "--store", server.url))
        assert "HTTP 403" in line and "serve-read-only" in line
    finally:
        server.stop()


@pytest.mark.model
def test_every_command_works_on_a_server(oxigraph_server, seed_build, seeds_dir, tmp_path):
    oxigraph_server.clear()
    url = oxigraph_server.url
    out = stancegraph("extract", str(seeds_dir), "--store", url, "-q")
    assert out.returncode == 0 and f"-> {url}" in out.stderr, out.stderr
    table = stancegraph("export", "--store", url, "--format", "jsonl").stdout
    assert table == stancegraph("export", "--store", str(seed_build.store), "--format", "jsonl").stdout
    count = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a sg:StanceStatement } }"
    assert stancegraph("query", count, "--store", url, "--format", "json").stdout == json.dumps(
        [{"n": len(table.splitlines())}], indent=1) + "\n"
    assert stancegraph("query", 'INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> "c" } }', "--store", url,
                       "--allow-update").returncode == 0
    assert "<urn:a>" in stancegraph("export", "--store", url, "--format", "nquads").stdout
    assert stancegraph("view", "--store", url, "-o", str(tmp_path / "view.html")).returncode == 0
    assert "Moscow staunchly opposes" in (tmp_path / "view.html").read_text(encoding="utf-8")
    out = stancegraph("remove", next(seeds_dir.glob("*.txt")).stem, "--store", url)
    assert "removed 1 documents" in out.stderr, out.stderr
    assert stancegraph("export", "--store", url, "--format", "jsonl").stdout == ""
    out = stancegraph("build", str(seeds_dir), "-o", str(tmp_path / "out"), "--store", url, "-q")
    assert out.returncode == 0 and f"store:                  {url}" in out.stdout, out.stderr
    assert (tmp_path / "out" / "stances.jsonl").read_text(encoding="utf-8") == table
