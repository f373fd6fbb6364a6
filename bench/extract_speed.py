"""Extraction speed against its floor: bare ``nlp.pipe`` over the same texts with the same pipeline.

    .venv/bin/python bench/extract_speed.py [--docs 100]

Reads the first N speeches of ../shared/corpora/ungdc-2015-2022 (or the seeds when that is absent) and prints
seconds, words/s and ratios against the floor, all measured in this one run.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from stancegraph.extract.extractor import Extractor

from stancegraph.api import extract
from stancegraph.extract.cleanup import clean_text
from stancegraph.inputs import read_documents

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "ungdc-2015-2022" / "speeches.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs.jsonl"
        if CORPUS.is_file():
            with CORPUS.open(encoding="utf-8") as f, source.open("w", encoding="utf-8") as out:
                for i, line in zip(range(args.docs), f):
                    out.write(line)
        else:
            docs = list(read_documents([REPO / "seeds"]))
            source.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
        docs = list(read_documents([source]))
        words = sum(len(d.text.split()) for d in docs)
        extractor = Extractor()
        texts = [clean_text(d.text).text for d in docs]

        t = time.perf_counter()
        for _ in extractor.nlp.pipe(texts, batch_size=extractor.batch_size):
            pass
        floor = time.perf_counter() - t

        t = time.perf_counter()
        n = sum(len(found.stances) for found in extractor.extract(docs))
        rules = time.perf_counter() - t

        t = time.perf_counter()
        summary = extract([source], Path(tmp) / "store")
        stored = time.perf_counter() - t

    print(f"{len(docs)} documents, {words:,} words, {n} stances")
    print(f"{'bare nlp.pipe (floor)':34}{floor:8.2f} s  {words / floor:10,.0f} words/s  1.00x")
    print(f"{'extract, no store':34}{rules:8.2f} s  {words / rules:10,.0f} words/s  {rules / floor:.2f}x")
    print(f"{'stancegraph extract into a store':34}{stored:8.2f} s  {words / stored:10,.0f} words/s  {stored / floor:.2f}x"
          f"  (includes loading the pipeline; {summary.quads:,} quads)")


if __name__ == "__main__":
    main()
