"""An embedded store's memory does not grow with what is written to it: its write buffers go to disk every
``FLUSH_QUADS`` quads, so a long extraction holds a bounded amount of them."""

from __future__ import annotations

import subprocess
import sys

# Writes documents of 450 quads through StanceStore.replace_graph into a new folder store and prints the
# resident memory (MiB) after the first 40 documents and after the last.
_WRITE = """
import sys
from rdflib import Literal, URIRef
from stancegraph.graph.store import embedded as store_module
from stancegraph.graph.store import open_store
if sys.argv[2] == "never":
    store_module.FLUSH_QUADS = 10**12
def rss():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024
ex = "http://example.org/"
with open_store(sys.argv[1]) as store:
    for d in range(300):
        triples = [
            (URIRef(f"{ex}s/{d}/{i}"), URIRef(f"{ex}p/{i % 30}"), Literal(f"evidence sentence {i} of document {d}"))
            for i in range(450)
        ]
        store.replace_graph(URIRef(f"{ex}doc/{d}"), triples)
        if d == 39:
            start = rss()
    print(start, rss())
"""


def _growth(tmp_path, flush: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _WRITE, str(tmp_path / f"store-{flush}"), flush],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    start, end = map(float, out.stdout.split())
    return end - start


def test_writing_many_documents_keeps_the_store_memory_bounded(tmp_path):
    # 117,000 quads after the first 40 documents: unflushed, RocksDB's buffers hold ~100 MB of them
    flushed, unflushed = _growth(tmp_path, "flush"), _growth(tmp_path, "never")
    assert unflushed > 60, unflushed  # the case the flush is for: memory grows with what is written
    assert flushed < 30, flushed
