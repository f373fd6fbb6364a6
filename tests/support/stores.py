"""The three stores the store suite runs against, a real Oxigraph server for the remote one, and hand-built
documents to write into them."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

import pytest
from stancegraph.graph.store import MEMORY, StanceStore, open_store
from stancegraph.graph.readwrite.writer import write_document

from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

KINDS = ("memory", "folder", "remote")


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the ``oxigraph`` package, beside this Python first; skips the test without it."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        pytest.skip("the oxigraph command is not installed (it comes with the test extra: pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """``oxigraph serve`` (or ``serve-read-only``) on a folder, on a free local port, until ``stop()``;
    ``options`` such as ``--union-default-graph`` go on its command line, its output to ``log``."""

    def __init__(
        self,
        binary: str,
        folder: Path,
        *options: str,
        read_only: bool = False,
        log: Path | None = None,
        wait_seconds: float = 30.0,
    ):
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log or folder.with_name(folder.name + ".log")
        command = "serve-read-only" if read_only else "serve"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [binary, command, "--location", str(folder), "--bind", f"127.0.0.1:{self.port}", *options],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self._wait(wait_seconds)

    def _wait(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph exited with {self.process.returncode}: {self.log.read_text()}")
            try:
                self.sparql("query", "ASK {}")
                return
            except (URLError, OSError):
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"oxigraph did not answer on {self.url} within {seconds} s") from None
                time.sleep(0.05)

    def sparql(self, endpoint: str, text: str) -> bytes:
        """POST a query (``endpoint="query"``) or an update (``"update"``) straight to the server."""
        kind = "sparql-query" if endpoint == "query" else "sparql-update"
        request = Request(self.url + endpoint, data=text.encode(), headers={"Content-Type": f"application/{kind}"})
        with urlopen(request, timeout=10) as response:
            return response.read()

    def clear(self) -> None:
        self.sparql("update", "DROP ALL")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def opened(kind: str, folder: Path, server: OxigraphServer | None):
    """An open store of ``kind``: in memory, in ``folder``, or on ``server`` (emptied first)."""
    if kind == "remote":
        assert server is not None
        server.clear()
        location = server.url
    else:
        location = MEMORY if kind == "memory" else str(folder)
    with open_store(location) as store:
        yield store


TEXT = "Moscow opposes the shield. NATO rejects the plan. Paris calls for talks."
RUS = Actor("RUS", "Russia", "state", "Moscow")
NATO = Actor("NATO", "NATO", "organization", "NATO")
FRA = Actor("FRA", "France", "state", "Paris")
ENVOY = Actor("jane-doe", "Jane Doe", "person", "Jane Doe", role="Foreign Minister", affiliation="RUS")
QUIET = Actor("john-roe", "John Roe", "person", "John Roe", role="envoy", affiliation="FRA")
# Characters that break IRIs, SPARQL strings and N-Quads when they are not escaped.
HOSTILE = 'a b/<c>"d{e}|^`\\ \n\r\t} } ; DROP ALL ; # \'\'\' """ ü'


def stance(doc: str, actor: Actor, kind: Stance, topic: str, start: int, end: int, **extra) -> StanceTriple:
    return StanceTriple(actor, kind, Topic(topic, f"the {topic}"), Evidence(doc, TEXT[start:end], start, end), **extra)


def sample_documents() -> list[tuple[Document, list[StanceTriple], list[Actor]]]:
    """Three documents: stances with a target and a quoted official, an official who utters no stance, and
    ids and labels made of characters that need escaping everywhere."""
    hostile = Actor(HOSTILE, HOSTILE, "other", HOSTILE)
    return [
        (
            Document("d1", TEXT, date="2012-05-04", source="RIA Novosti"),
            [
                stance("d1", RUS, Stance.OPPOSE, "shield", 0, 26, targets=(NATO,), speaker="Jane Doe",
                       speaker_person=ENVOY, confidence=0.9),
                stance("d1", NATO, Stance.REJECT, "plan", 27, 49, hedged=True, confidence=0.5),
            ],
            [ENVOY],
        ),
        (Document("d2", TEXT, date="2012-05-05"), [stance("d2", FRA, Stance.DEMAND, "talks", 50, 72)], [QUIET]),
        (
            Document("doc " + HOSTILE, TEXT),
            [StanceTriple(hostile, Stance.SUPPORT, Topic(HOSTILE, HOSTILE), Evidence("doc " + HOSTILE, HOSTILE, 0, 1))],
            [],
        ),
    ]


def write_samples(store: StanceStore) -> int:
    """Write the sample documents; return the number of quads written."""
    return sum(
        write_document(store, doc, triples, extractor="x", pipeline="p", persons=persons)
        for doc, triples, persons in sample_documents()
    )


def synthetic_store(statements: int, **kwargs):
    """An in-memory store holding a synthetic corpus (``stancegraph.synthetic``) of ``statements``."""
    from stancegraph.synthetic import synthetic_corpus

    store = open_store(None)
    for doc, triples in synthetic_corpus(statements, **kwargs):
        write_document(store, doc, triples, extractor="test", pipeline="synthetic")
    return store
