"""Re-extracting a stored corpus against extracting it the first time, in one run.

    .venv/bin/python bench/incremental.py [--docs 100]

Extracts the first N speeches of ../shared/corpora/ungdc-2015-2022 (or copies of the seed article when that is
absent) into a fresh on-disk store, then runs the same extraction again, and prints both times, their ratio
and the quads in the store after each run (the second run must add none).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from stancegraph.graph.store import open_store

from stancegraph.api import extract

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "ungdc-2015-2022" / "speeches.jsonl"


def documents(n: int) -> list[dict]:
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as f:
            return [json.loads(line) for _, line in zip(range(n), f)]
    seed = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    return [{"id": f"seed{i:04d}", "text": seed} for i in range(n)]


def quads(store: Path) -> int:
    with open_store(store, create=False) as opened:
        return len(opened)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in documents(args.docs)), encoding="utf-8")
        store = Path(tmp) / "store"
        start = time.perf_counter()
        first = extract([source], store)
        first_s = time.perf_counter() - start
        first_quads = quads(store)
        start = time.perf_counter()
        again = extract([source], store)
        again_s = time.perf_counter() - start
        again_quads = quads(store)
    print(f"{args.docs} documents ({'UN speeches' if CORPUS.is_file() else 'seed copies'})")
    print(f"  first run   {first_s:7.2f} s   {first.documents} extracted, {first_quads} quads in the store")
    print(f"  second run  {again_s:7.2f} s   {again.documents} extracted, {again.unchanged} unchanged, "
          f"{again_quads} quads in the store")
    print(f"  ratio second/first {again_s / first_s:.3f}   quads added by the second run: {again_quads - first_quads}")


if __name__ == "__main__":
    main()
