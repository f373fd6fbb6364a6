"""User SPARQL is read-only unless allowed; SERVICE and LOAD, which reach the network, need their own flag."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from stancegraph.graph.store import open_store

from stancegraph.api import query
from stancegraph.errors import QueryError

STANCEGRAPH = str(Path(sys.executable).with_name("stancegraph"))
INSERT = 'INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> "c" } }'
READ = "SELECT ?o WHERE { <urn:a> <urn:b> ?o }"


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store"
    with open_store(path):
        pass
    return path


def test_updates_need_allow_update(store):
    with pytest.raises(QueryError, match="only reads"):
        query(store, INSERT)
    assert query(store, READ).rows == []
    assert query(store, INSERT, allow_update=True) is None
    assert [str(r["o"]) for r in query(store, READ).rows] == ["c"]


@pytest.mark.parametrize(
    ("text", "flags", "needle"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", {}, "uses SERVICE"),
        ("LOAD <http://example.org/data.ttl>", {"allow_update": True}, "uses LOAD"),
        ("INSERT { GRAPH <urn:g> { ?s ?p ?o } } WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }",
         {"allow_update": True}, "uses SERVICE"),
    ],
)
def test_what_reaches_the_network_is_refused_unless_allowed(store, text, flags, needle):
    with pytest.raises(QueryError, match=needle):
        query(store, text, **flags)


def test_the_words_service_and_load_inside_strings_iris_and_comments_are_no_keywords(store):
    text = 'SELECT ?x WHERE { ?x <urn:SERVICE> "LOAD SERVICE" } # SERVICE'
    assert query(store, text).rows == []


def test_the_cli_refuses_in_one_line_and_allows_with_the_flag(store):
    out = subprocess.run([STANCEGRAPH, "query", INSERT, "--store", str(store)], capture_output=True, text=True)
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1 and "--allow-update" in out.stderr
    out = subprocess.run([STANCEGRAPH, "query", INSERT, "--store", str(store), "--allow-update"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "update done" in out.stderr
    out = subprocess.run([STANCEGRAPH, "query", "SELEC ?x WHERE {", "--store", str(store)], capture_output=True,
                         text=True)
    assert out.returncode == 1 and "1:" in out.stderr and "Traceback" not in out.stderr
