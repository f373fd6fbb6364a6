"""Networks from the store: aggregated edges that match the stance table, DNA-style actor ties with their
normalisations worked out by hand, targets, evidence, and filters."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest
from stancegraph.graph.networks import Filters, actor_network, evidence, stance_network, target_network
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import actor_iri, topic_iri
from stancegraph.graph.readwrite.writer import write_document
from support.stores import synthetic_store

from stancegraph.errors import InputError
from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic


@pytest.fixture(scope="module")
def store():
    with synthetic_store(500, actors=10, topics=25, years=4, per_document=12, seed=11) as opened:
        yield opened


@pytest.fixture(scope="module")
def rows(store):
    return list(stance_rows(store))


def test_one_edge_per_actor_topic_and_polarity_matching_the_stance_table(store, rows):
    expected = defaultdict(lambda: {"statements": 0, "docs": set(), "dates": [], "stances": set()})
    for r in rows:
        e = expected[(str(actor_iri(r["actor_id"])), str(topic_iri(r["topic"])), r["polarity"])]
        e["statements"] += 1
        e["docs"].add(r["doc"])
        e["dates"].append(r["date"])
        e["stances"].add(r["stance"])
    g = stance_network(store)
    got = {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}
    assert set(got) == set(expected)
    for key, e in expected.items():
        d = got[key]
        assert (d["statements"], d["documents"], d["weight"]) == (e["statements"], len(e["docs"]), len(e["docs"]))
        assert (d["first"], d["last"]) == (min(e["dates"]), max(e["dates"]))
        assert d["stances"] == ", ".join(sorted(e["stances"]))
        assert len(d["evidence"].split()) == e["statements"]
    assert sum(d["statements"] for _, d in g.nodes(data=True) if d["kind"] == "actor") == len(rows)


def test_duplicates_count_statements_documents_or_years(store, rows):
    by = {dup: {(u, v, k): d["weight"] for u, v, k, d in stance_network(store, duplicates=dup).edges(keys=True, data=True)}
          for dup in ("statement", "document", "year")}
    assert all(by["statement"][e] >= by["document"][e] >= by["year"][e] >= 1 for e in by["statement"])
    assert sum(by["statement"].values()) == len(rows)
    years = defaultdict(set)
    for r in rows:
        years[(str(actor_iri(r["actor_id"])), str(topic_iri(r["topic"])), r["polarity"])].add(r["date"][:4])
    assert by["year"] == {k: len(v) for k, v in years.items()}


def _store_of(statements):
    """A store from (doc, date, actor id, polarity, topic) tuples: one statement each."""
    store = open_store(None)
    docs = defaultdict(list)
    for doc, date, actor, polarity, topic in statements:
        docs[(doc, date)].append((actor, polarity, topic))
    for (doc_id, date), items in docs.items():
        triples = []
        text = ""
        for i, (actor, polarity, topic) in enumerate(items):
            sentence = f"{actor} {i} on {topic}."
            stance = Stance.SUPPORT if polarity > 0 else Stance.OPPOSE if polarity < 0 else Stance.CONSIDER
            triples.append(StanceTriple(Actor(actor, actor, "state"), stance, Topic(topic),
                                        Evidence(doc_id, sentence, len(text), len(text) + len(sentence))))
            text += sentence + " "
        write_document(store, Document(doc_id, text, date=date), triples, extractor="t", pipeline="p")
    return store


# Three actors on two topics, one document each statement:
# A: +x twice, -y; B: +x, +y; C: -x.
HAND = [
    ("d1", "2014-01-05", "AAA", 1, "x"), ("d2", "2014-02-05", "AAA", 1, "x"), ("d3", "2014-03-05", "AAA", -1, "y"),
    ("d4", "2014-01-09", "BBB", 1, "x"), ("d5", "2015-01-09", "BBB", 1, "y"),
    ("d6", "2015-06-01", "CCC", -1, "x"),
]


def _weights(g):
    return {tuple(sorted(g.nodes[n]["actor_id"] for n in (u, v))): d["weight"] for u, v, d in g.edges(data=True)}


def test_congruence_conflict_and_subtract_by_hand():
    with _store_of(HAND) as store:
        # Vectors: A = {x+: 2, y-: 1}, B = {x+: 1, y+: 1}, C = {x-: 1}.
        assert _weights(actor_network(store, "congruence")) == {("AAA", "BBB"): 2.0}
        assert _weights(actor_network(store, "conflict")) == {("AAA", "BBB"): 1.0, ("AAA", "CCC"): 2.0, ("BBB", "CCC"): 1.0}
        assert _weights(actor_network(store, "subtract")) == {("AAA", "BBB"): 1.0, ("AAA", "CCC"): -2.0, ("BBB", "CCC"): -1.0}
        g = actor_network(store, "subtract")
        assert {d["sign"] for _, _, d in g.edges(data=True)} == {1, -1}
        assert g.edges[str(actor_iri("AAA")), str(actor_iri("BBB"))]["topics"] == "x; y"


def test_normalisations_by_hand():
    with _store_of(HAND) as store:
        # A·B = 2, sums 3 and 2, squared norms 5 and 2.
        cases = {"average": 2 / 2.5, "jaccard": 2 / (5 + 2 - 2), "cosine": 2 / math.sqrt(5 * 2)}
        for how, value in cases.items():
            assert _weights(actor_network(store, "congruence", how)) == {("AAA", "BBB"): round(value, 6)}, how


def test_statements_counted_once_per_year_collapse_the_ties():
    with _store_of(HAND) as store:
        # Per year, A's two +x statements of 2014 are one: A·B on x+ is 1.
        assert _weights(actor_network(store, "congruence", duplicates="year")) == {("AAA", "BBB"): 1.0}


def test_filters_choose_statements_and_edges():
    with _store_of(HAND) as store:
        assert {d["actor_id"] for _, d in stance_network(store, Filters(actors=("AAA",))).nodes(data=True)
                if d["kind"] == "actor"} == {"AAA"}
        only_x = stance_network(store, Filters(topics=("X",)))  # any case
        assert {d["label"] for _, d in only_x.nodes(data=True) if d["kind"] == "topic"} == {"x"}
        assert {d["polarity"] for *_, d in stance_network(store, Filters(stances=("oppose",))).edges(data=True)} == {-1}
        dated = stance_network(store, Filters(date_from="2015", date_to="2015-01"))
        assert [(dated.nodes[u]["actor_id"], d["first"]) for u, _, d in dated.edges(data=True)] == [("BBB", "2015-01-09")]
        heavy = stance_network(store, Filters(min_weight=2))
        assert [(heavy.nodes[u]["actor_id"], d["weight"]) for u, _, d in heavy.edges(data=True)] == [("AAA", 2)]
        assert heavy.number_of_nodes() == 2
        assert actor_network(store, "conflict", filters=Filters(actor_types=("organization",))).number_of_nodes() == 0
        assert stance_network(store, Filters(date_from="2014")).graph["filters"] == "dates: 2014 to …"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"actor_types": ("country",)}, "unknown actor type"),
        ({"stances": ("love",)}, "unknown stance"),
        ({"date_from": "May 2014"}, "is not a date"),
    ],
)
def test_bad_filters_are_one_line_errors(kwargs, message):
    with pytest.raises(InputError, match=message):
        Filters(**kwargs)


def test_a_hostile_filter_value_is_a_term_not_query_text():
    with _store_of(HAND) as store:
        for value in ('x" } } DROP ALL #', "x> } } DROP ALL #", "x\\u003e"):
            assert stance_network(store, Filters(topics=(value,), actors=(value,))).number_of_edges() == 0
        assert stance_network(store).number_of_edges() == 5


def test_targets_and_evidence():
    with open_store(None) as store:
        rus, nato, usa = Actor("RUS", "Russia", "state"), Actor("NATO", "NATO", "organization"), Actor("USA", "United States", "state")
        text = "NATO rejects the plan of Russia. Russia asks the US and NATO for guarantees."
        triples = [
            StanceTriple(nato, Stance.REJECT, Topic("plan"), Evidence("d", text[:32], 0, 32), targets=(rus,)),
            StanceTriple(rus, Stance.DEMAND, Topic("guarantees"), Evidence("d", text[33:], 33, len(text)), targets=(usa, nato)),
        ]
        write_document(store, Document("d", text, date="2012-05-03", source="RIA"), triples, extractor="t", pipeline="p")
        g = target_network(store)
        edges = {(g.nodes[u]["actor_id"], g.nodes[v]["actor_id"]): d for u, v, d in g.edges(data=True)}
        assert set(edges) == {("NATO", "RUS"), ("RUS", "USA"), ("RUS", "NATO")}
        assert (edges[("NATO", "RUS")]["negative"], edges[("RUS", "USA")]["positive"]) == (1, 1)
        assert g.nodes[str(actor_iri("USA"))]["label"] == "United States"
        found = evidence(store, edges[("NATO", "RUS")]["evidence"].split())
        [(only,)] = [tuple(found.values())]
        assert only["sentence"] == text[:32] and only["date"] == "2012-05-03" and only["source"] == "RIA"
        assert (only["actor"], only["topic"], only["stance"], only["polarity"]) == ("NATO", "plan", "reject", -1)


def test_stances_aimed_at_an_actor_tie_it_and_its_critics():
    with open_store(None) as store:
        rus, nato, usa = Actor("RUS", "Russia", "state"), Actor("NATO", "NATO", "organization"), Actor("USA", "United States", "state")
        text = "NATO condemns the annexation. The US rejects the referendum."
        triples = [
            StanceTriple(nato, Stance.OPPOSE, Topic("annexation"), Evidence("d", text[:29], 0, 29), targets=(rus,)),
            StanceTriple(usa, Stance.REJECT, Topic("referendum"), Evidence("d", text[30:], 30, len(text)), targets=(rus,)),
        ]
        write_document(store, Document("d", text), triples, extractor="t", pipeline="p")
        assert _weights(actor_network(store, "conflict")) == {("NATO", "RUS"): 1.0, ("RUS", "USA"): 1.0}
        agree = actor_network(store, "congruence")
        assert _weights(agree) == {("NATO", "USA"): 1.0}
        assert agree.edges[str(actor_iri("NATO")), str(actor_iri("USA"))]["topics"] == "stances aimed at Russia"
        assert actor_network(store, "conflict", aimed=False).number_of_edges() == 0
