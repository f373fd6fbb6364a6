"""Small corpora of one-line stance sentences, for the tests that extract whole corpora with the trained
pipeline: re-runs, worker processes, killed runs and faults."""

from __future__ import annotations

import json
from pathlib import Path

SENTENCES = [
    "Russia opposes the deployment of the missile shield in Poland.",
    "NATO rejected a joint missile defense system proposed by the Kremlin.",
    "France called for an immediate ceasefire in the region.",
    "Germany supports the new climate agreement.",
]
# The documents of corpus(): one sentence more.
CORPUS_SENTENCES = [*SENTENCES, "China condemned the sanctions imposed by the United States."]


def corpus(path: Path, n: int) -> Path:
    """A JSON Lines file of ``n`` dated documents, ``doc000`` on, each with two of ``CORPUS_SENTENCES``."""
    sentences = CORPUS_SENTENCES
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f"{sentences[i % len(sentences)]} Talks number {i} ended on Friday. {sentences[(i * 3) % 5]}"
            f.write(json.dumps({"id": f"doc{i:03d}", "text": text, "date": f"2015-01-{i % 28 + 1:02d}"}) + "\n")
    return path
