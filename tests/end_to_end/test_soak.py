"""Soak: the same 200 documents extracted 20 times into one store through the incremental path. The store
keeps the same quads round after round (a few documents changed and changed back go through the replace
path), every named query answers the same at the end as after the first round, and memory does not creep."""

from __future__ import annotations

import gc
import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from stancegraph.api import extract

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Stance sentences of the kind the seed article and UN speeches have, with actors from the gazetteer.
SENTENCES = [
    "Russia opposes the deployment of the missile shield in Poland.",
    "NATO rejected a joint missile defense system proposed by the Kremlin.",
    "France called for an immediate ceasefire in the region.",
    "Germany supports the new climate agreement.",
    "China condemned the sanctions imposed by the United States.",
    "Iran rejected the proposal on its nuclear programme.",
    "Japan welcomed the agreement on maritime security.",
    "Brazil urged the lifting of the embargo on Cuba.",
]
ROUNDS = 20
DOCUMENTS = 200
# Rounds that change three documents, and the rounds that change them back.
CHANGES = {5: ("doc010", "doc077", "doc150"), 12: ("doc003", "doc099", "doc198")}
REVERTS = {6: CHANGES[5], 13: CHANGES[12]}
ADDED = "Japan condemns the nuclear test."
# Each round loads the spaCy pipeline again (about 45 MB resident when one is kept alive) and opens the store.
# From rounds 2-3 to the last rounds RSS may grow by a quarter of one pipeline (allocator fragmentation; 6 MB
# measured on a 2-core machine), and over the last ten rounds by 6 MB (1.6 MB measured): a pipeline, a store
# or their caches kept alive by each round would pass both bounds within a round or two.
RSS_BOUND = 12 * 2**20
LATE_BOUND = 6 * 2**20


def documents(changed: tuple[str, ...] = ()) -> list[dict]:
    docs = []
    for i in range(DOCUMENTS):
        text = (f"{SENTENCES[i % len(SENTENCES)]} Talks number {i} ended on Friday. "
                f"{SENTENCES[(i * 3 + 1) % len(SENTENCES)]}")
        doc_id = f"doc{i:03d}"
        if doc_id in changed:
            text = f"{ADDED} {text}"
        docs.append({"id": doc_id, "text": text, "date": f"201{i % 10}-0{i % 9 + 1}-15"})
    return docs


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(doc) + "\n" for doc in docs), encoding="utf-8")
    return path


def rss() -> int:
    """Resident memory of this process in bytes."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def per_graph(store) -> Counter:
    from stancegraph.graph.store import open_store

    with open_store(store, create=False) as opened:
        return Counter(str(q[3]) for q in opened.quads())


def named_answers(store) -> dict[str, list]:
    """Every named query's rows, with parameters taken from the stored stances."""
    from stancegraph.graph.sparql.named import named_queries

    from stancegraph.api import named_query, stance_rows

    rows = stance_rows(store)
    actors = Counter(r["actor_id"] for r in rows)
    actor = actors.most_common(1)[0][0]
    topics_of = {a: {r["topic"] for r in rows if r["actor_id"] == a} for a in actors}
    other = next(a for a, _ in actors.most_common() if a != actor and topics_of[a] & topics_of[actor])
    topic = Counter(r["topic"] for r in rows if r["actor_id"] == actor).most_common(1)[0][0]
    values = {"actor": actor, "other": other, "topic": topic}
    answers = {}
    for name, q in named_queries().items():
        params = {p.name: values[p.name] for p in q.parameters if p.required}
        result = named_query(store, name, **params)
        answers[name] = sorted(json.dumps([str(v) for v in row], ensure_ascii=False) for row in result.rows)
    return answers


def test_twenty_incremental_rounds_keep_the_store_stable_and_memory_flat(tmp_path, capsys):
    store = tmp_path / "store"
    source = tmp_path / "docs.jsonl"
    original = documents()
    counts, memory, summaries = [], [], []
    answers_first = None
    for round_ in range(1, ROUNDS + 1):
        changed = CHANGES.get(round_, ())
        write_jsonl(source, documents(changed) if changed else original)
        started = time.perf_counter()
        summary = extract([source], store)
        summaries.append((summary.documents, summary.unchanged, round(time.perf_counter() - started, 1)))
        graphs = per_graph(store)
        # the concepts graph follows the topics of all documents: a changed document may bring a new one
        counts.append(sum(n for g, n in graphs.items() if not g.endswith("/graph/concepts")))
        if round_ == 1:
            answers_first = named_answers(store)
            base = graphs
        if changed:
            alone = tmp_path / f"changed-{round_}"  # the changed documents extracted on their own
            extract([write_jsonl(tmp_path / f"changed-{round_}.jsonl",
                                 [d for d in documents(changed) if d["id"] in changed])], alone)
            expected = {g: n for g, n in per_graph(alone).items() if g.rsplit("/", 1)[1] in changed}
            assert {g: n for g, n in graphs.items() if g.rsplit("/", 1)[1] in changed} == expected
            old = sum(n for g, n in base.items() if g.rsplit("/", 1)[1] in changed)
            assert counts[-1] == counts[0] - old + sum(expected.values())
        else:
            assert counts[-1] == counts[0], f"round {round_}"
            assert graphs == base
        gc.collect()
        memory.append(rss())

    assert summaries[0][:2] == (DOCUMENTS, 0)
    for round_, (done, unchanged, _) in enumerate(summaries[1:], start=2):
        redone = len(CHANGES.get(round_, ()) or REVERTS.get(round_, ()))
        assert (done, unchanged) == (redone, DOCUMENTS - redone), f"round {round_}"

    assert named_answers(store) == answers_first
    assert all(answers_first.values()), [name for name, rows in answers_first.items() if not rows]

    early, late = max(memory[1:3]), max(memory[-5:])
    with capsys.disabled():
        print(f"\nsoak: {counts[0]} quads; RSS after each round (MB): "
              + " ".join(f"{m / 2**20:.1f}" for m in memory)
              + f"; last rounds - rounds 2-3: {(late - early) / 2**20:+.1f} MB; seconds per round: "
              + " ".join(str(s) for _, _, s in summaries))
    assert late - early <= RSS_BOUND
    assert memory[-1] - memory[-10] <= LATE_BOUND
