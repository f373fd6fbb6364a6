"""The analysis functions: planted coalitions recovered, measures against brute force and networkx, tables that
match the stance rows they were built from."""

from __future__ import annotations

import doctest
import itertools
import random
from collections import defaultdict

import networkx as nx
import pytest
from stancegraph.graph.analysis import measures as analysis
from stancegraph.graph.analysis import signed
from stancegraph.graph.analysis import (
    coalitions,
    contested_topics,
    most_active,
    most_central,
    polarisation,
    stance_change,
    structural_balance,
)
from stancegraph.graph.networks import actor_network, stance_network
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.analysis.signed import frustration, signed_modularity, signed_ties, two_camp_split
from stancegraph.graph.rdf.iris import topic_iri
from support.stores import synthetic_store

from stancegraph.errors import InputError


@pytest.mark.parametrize("module", [analysis, signed])
def test_the_doctests_pass(module):
    result = doctest.testmod(module)
    assert result.attempted >= 5 and result.failed == 0


def planted(camps: list[list[str]], *, p_in: float, p_out: float, seed: int, kind: str) -> nx.Graph:
    """Actors in camps: positive ties inside a camp with probability p_in, negative ties across with p_out
    (a conflict network keeps only the latter, with positive weights, as graph/networks/ties.py builds it)."""
    rng = random.Random(seed)
    camp = {a: i for i, members in enumerate(camps) for a in members}
    G = nx.Graph(network=kind)
    G.add_nodes_from(a for members in camps for a in members)
    for a, b in itertools.combinations(sorted(camp), 2):
        w = float(rng.randint(1, 4))
        if camp[a] == camp[b] and kind != "conflict" and rng.random() < p_in:
            G.add_edge(a, b, weight=w, kind=kind, sign=1)
        elif camp[a] != camp[b] and rng.random() < p_out:
            G.add_edge(a, b, weight=w if kind == "conflict" else -w, kind=kind, sign=1 if kind == "conflict" else -1)
    return G


CAMPS = [[f"W{i}" for i in range(7)], [f"E{i}" for i in range(5)]]


@pytest.mark.parametrize("seed", range(6))
def test_coalitions_of_a_conflict_network_are_the_two_camps(seed):
    G = planted(CAMPS, p_in=0, p_out=0.6, seed=seed, kind="conflict")
    assert nx.is_connected(G), "the planted graph should be one piece"
    assert coalitions(G) == [set(CAMPS[0]), set(CAMPS[1])]


@pytest.mark.parametrize("seed", range(6))
def test_coalitions_of_a_subtract_network_are_the_camps_despite_a_contrary_tie(seed):
    G = planted(CAMPS, p_in=0.6, p_out=0.4, seed=seed, kind="subtract")
    G.add_edge("W0", "E0", weight=1.0, kind="subtract", sign=1)  # one agreement across the divide
    assert coalitions(G) == [set(CAMPS[0]), set(CAMPS[1])]


def test_a_large_sparse_conflict_network_splits_into_its_two_camps():
    rng = random.Random(1)
    names = [f"n{i:03d}" for i in range(300)]
    camp = {a: rng.random() < 0.5 for a in names}  # the camps interleaved in the order of the names
    G = nx.Graph(network="conflict")
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if camp[a] != camp[b] and rng.random() < 0.03:
                G.add_edge(a, b, weight=1.0, kind="conflict")
    assert nx.is_connected(G)
    expected = sorted(({a for a in G if camp[a]}, {a for a in G if not camp[a]}), key=len, reverse=True)
    assert coalitions(G) == expected
    assert structural_balance(G)["frustration"] == 0.0


@pytest.mark.parametrize("seed", range(4))
def test_no_two_actors_in_conflict_share_a_coalition(seed):
    G = random_signed(14, 0.5, seed)
    for u, v in G.edges:
        G.edges[u, v].update(weight=abs(G.edges[u, v]["weight"]), kind="conflict")
    G.graph["network"] = "conflict"
    groups = coalitions(G)
    assert sorted(n for g in groups for n in g) == sorted(G)
    assert max(len(g) for g in groups) > 1
    for g in groups:
        assert not any(G.has_edge(u, v) for u, v in itertools.combinations(g, 2)), g


def test_coalitions_of_a_congruence_network_are_louvain_communities():
    karate = nx.karate_club_graph()
    G = nx.Graph(network="congruence")  # nodes and edges in the order of their names, as coalitions() reads them
    G.add_nodes_from(f"n{i:02d}" for i in sorted(karate))
    G.add_weighted_edges_from(sorted((f"n{min(u, v):02d}", f"n{max(u, v):02d}", w)
                                     for u, v, w in karate.edges(data="weight")))
    got = coalitions(G, seed=3)
    assert sorted(map(sorted, got)) == sorted(map(sorted, nx.community.louvain_communities(G, seed=3)))
    assert [len(c) for c in got] == sorted((len(c) for c in got), reverse=True)


def test_coalitions_do_not_depend_on_the_order_edges_were_added():
    G = planted(CAMPS + [["N0", "N1", "N2"]], p_in=0.5, p_out=0.3, seed=4, kind="subtract")
    edges = list(G.edges(data=True))
    random.Random(1).shuffle(edges)
    H = nx.Graph(network="subtract")
    H.add_nodes_from(sorted(G.nodes, reverse=True))
    H.add_edges_from(edges)
    assert coalitions(H, seed=7) == coalitions(G, seed=7)


def test_signed_modularity_without_negative_ties_is_newman_modularity():
    G = nx.les_miserables_graph()
    parts = nx.community.louvain_communities(G, seed=1)
    assert signed_modularity(signed_ties(G), parts) == pytest.approx(nx.community.modularity(G, parts))


def test_refinement_never_lowers_the_signed_modularity():
    for seed in range(5):
        G = planted(CAMPS, p_in=0.3, p_out=0.3, seed=seed, kind="subtract")
        rng = random.Random(seed)
        for a, b in itertools.combinations(sorted(G), 2):  # noise: ties of the 'wrong' sign
            if rng.random() < 0.1:
                G.add_edge(a, b, weight=rng.choice([-2.0, 2.0]), kind="subtract")
        ties = signed_ties(G)
        positive = nx.Graph([(u, v, {"weight": w}) for (u, v), w in ties.items() if w > 0])
        positive.add_nodes_from(G)
        start = nx.community.louvain_communities(positive, seed=0)
        assert signed_modularity(ties, coalitions(G)) >= signed_modularity(ties, start) - 1e-12


def test_a_stance_network_is_refused_where_an_actor_network_is_needed():
    S = nx.MultiDiGraph()
    S.add_node("t", kind="topic", label="t")
    S.add_node("a", kind="actor", label="a")
    S.add_edge("a", "t", key=1, polarity=1, weight=1)
    for function in (coalitions, polarisation, structural_balance):
        with pytest.raises(InputError, match="actor network"):
            function(S)


def random_signed(n: int, p: float, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.Graph(network="subtract")
    G.add_nodes_from(f"n{i}" for i in range(n))
    for a, b in itertools.combinations(sorted(G), 2):
        if rng.random() < p:
            G.add_edge(a, b, weight=rng.choice([-3.0, -1.0, 1.0, 2.0]), kind="subtract")
    return G


@pytest.mark.parametrize("seed", range(5))
def test_triangle_counts_match_brute_force(seed):
    G = random_signed(10, 0.5, seed)
    negatives = [0, 0, 0, 0]
    for trio in itertools.combinations(G, 3):
        pairs = list(itertools.combinations(trio, 2))
        if all(G.has_edge(*p) for p in pairs):
            negatives[sum(G.edges[p]["weight"] < 0 for p in pairs)] += 1
    got = structural_balance(G)
    assert [got["all_positive"], got["one_negative"], got["two_negative"], got["all_negative"]] == negatives
    assert got["balanced"] == negatives[0] + negatives[2]
    assert got["share_weakly_balanced"] == pytest.approx((negatives[0] + negatives[2] + negatives[3]) / sum(negatives))


@pytest.mark.parametrize("seed", range(5))
def test_frustration_of_two_camps_is_the_brute_force_minimum(seed):
    G = random_signed(9, 0.5, seed)
    ties = signed_ties(G)
    nodes = sorted(G)
    best = min(
        frustration(ties, [{n for n, s in zip(nodes, sides) if s}, {n for n, s in zip(nodes, sides) if not s}])[0]
        for sides in itertools.product([0, 1], repeat=len(nodes))
    )
    got = structural_balance(G)
    assert got["frustration"] == pytest.approx(best)
    camps = [set(c) for c in got["camps"]]
    assert frustration(ties, camps)[0] == pytest.approx(got["frustration"])
    assert got["frustration_share"] == pytest.approx(best / sum(abs(w) for w in ties.values()))


def test_a_balanced_network_has_no_frustration_and_splits_into_its_camps():
    G = planted(CAMPS, p_in=0.7, p_out=0.5, seed=2, kind="subtract")
    got = structural_balance(G)
    assert (got["frustration"], got["frustrated_ties"], got["share_balanced"]) == (0.0, 0, 1.0)
    assert sorted(map(sorted, got["camps"])) == sorted(map(sorted, CAMPS))


def test_two_camp_split_puts_mutual_enemies_apart():
    ties = signed_ties(planted(CAMPS, p_in=0, p_out=0.6, seed=5, kind="conflict"))
    camps = two_camp_split(ties, sorted(c for camp in CAMPS for c in camp), [{n} for camp in CAMPS for n in camp])
    assert sorted(map(sorted, camps)) == sorted(map(sorted, CAMPS))


def test_polarisation_is_the_e_i_index_of_the_negative_weight():
    G = random_signed(12, 0.4, 8)
    groups = [{f"n{i}" for i in range(6)}, {f"n{i}" for i in range(6, 12)}]
    between = within = 0.0
    for u, v, w in G.edges(data="weight"):
        if w < 0:
            if (u in groups[0]) == (v in groups[0]):
                within -= w
            else:
                between -= w
    got = polarisation(G, partition=groups)
    assert got["polarisation"] == pytest.approx((between - within) / (between + within))
    assert (got["negative_between"], got["negative_within"]) == (pytest.approx(between), pytest.approx(within))
    assert polarisation(planted(CAMPS, p_in=0.5, p_out=0.5, seed=1, kind="subtract"))["polarisation"] == 1.0


def test_a_congruence_network_has_no_polarisation_index():
    G = planted(CAMPS, p_in=1.0, p_out=0, seed=1, kind="congruence")
    got = polarisation(G)
    assert got["polarisation"] is None and got["ei_positive"] == -1.0


@pytest.fixture(scope="module")
def store():
    with synthetic_store(400, actors=8, topics=12, years=3, per_document=10, seed=5) as opened:
        yield opened


@pytest.fixture(scope="module")
def rows(store):
    return list(stance_rows(store))


def test_contested_topics_count_the_actors_on_each_side(store, rows):
    sides = defaultdict(lambda: {1: set(), 0: set(), -1: set()})
    for r in rows:
        sides[str(topic_iri(r["topic"]))][r["polarity"]].add(r["actor_id"])
    expected = {t: s for t, s in sides.items() if s[1] and s[-1]}
    got = contested_topics(stance_network(store))
    assert {r["node"] for r in got} == set(expected)
    for r in got:
        s = expected[r["node"]]
        assert (r["support"], r["oppose"], r["neutral"]) == (sorted(s[1]), sorted(s[-1]), len(s[0]))
    keys = [(min(r["supporters"], r["opponents"]), r["supporters"] + r["opponents"]) for r in got]
    assert keys == sorted(keys, reverse=True)


def test_most_active_ranks_actors_by_their_statements(store, rows):
    counts = defaultdict(int)
    for r in rows:
        counts[r["actor_id"]] += 1
    got = most_active(stance_network(store))
    assert {r["actor_id"]: r["statements"] for r in got} == counts
    assert [r["statements"] for r in got] == sorted(counts.values(), reverse=True)


def test_most_central_by_degree_is_the_sum_of_absolute_tie_weights(store):
    G = actor_network(store, "subtract")
    got = most_central(G, measure="degree")
    for r in got:
        assert r["centrality"] == pytest.approx(sum(abs(w) for _, _, w in G.edges(r["node"], data="weight")))
    assert [r["centrality"] for r in got] == sorted((r["centrality"] for r in got), reverse=True)


def test_eigenvector_centrality_is_networkx_s_on_the_tie_strengths(store):
    G = actor_network(store, "congruence")
    expected = nx.eigenvector_centrality(G, max_iter=10_000, weight="weight")
    for r in most_central(G, measure="eigenvector"):
        assert r["centrality"] == pytest.approx(expected[r["node"]], abs=1e-4)


def test_betweenness_reads_strong_ties_as_short():
    G = nx.Graph()
    G.add_weighted_edges_from([("a", "b", 1.0), ("a", "c", 4.0), ("c", "b", 4.0)])  # a-c-b is shorter than a-b
    got = {r["actor_id"]: r["centrality"] for r in most_central(G, measure="betweenness")}
    assert got["c"] > 0 and got["a"] == got["b"] == 0


def test_betweenness_takes_a_tie_of_strength_zero_as_no_path():
    """A subtract tie whose agreement and disagreement cancel weighs 0: no path runs along it (it was a division
    by zero)."""
    G = nx.Graph(network="subtract")
    G.add_weighted_edges_from([("a", "b", 0.0), ("a", "c", 1.0), ("c", "b", -1.0), ("d", "a", 2.0)])
    got = {r["actor_id"]: r["centrality"] for r in most_central(G, measure="betweenness")}
    assert got["c"] > 0 and got["a"] > 0 and got["b"] == got["d"] == 0


def test_an_unknown_centrality_is_one_line_with_the_choices():
    with pytest.raises(InputError, match="eigenvector, degree, betweenness"):
        most_central(nx.Graph(), measure="pagerank")


def test_stance_change_per_year_matches_the_rows(rows):
    cells = defaultdict(lambda: [0, 0])
    for r in rows:
        cell = cells[(r["actor_id"], str(topic_iri(r["topic"])), r["date"][:4])]
        cell[0] += r["polarity"]
        cell[1] += 1
    got = stance_change(rows, changed_only=False)
    assert len(got) == len(cells)
    previous = {}
    for r in got:
        total, n = cells[(r["actor_id"], str(topic_iri(r["topic"])), r["period"])]
        assert r["net"] == pytest.approx(total / n) and r["statements"] == n
        pair = (r["actor_id"], r["topic"].lower())
        assert r["change"] == (None if pair not in previous else pytest.approx(r["net"] - previous[pair]))
        previous[pair] = r["net"]
    changed = stance_change(rows)
    assert changed and all(any(c["change"] for c in got if (c["actor_id"], c["topic"]) == (r["actor_id"], r["topic"]))
                           for r in changed)
    assert len(changed) < len(got)


def test_stance_change_by_month_leaves_out_what_has_no_month():
    rows = [
        {"actor_id": "RUS", "actor": "Russia", "topic": "Referendum", "polarity": 1, "date": "2014-03-15", "doc": "a"},
        {"actor_id": "RUS", "actor": "Russia", "topic": "referendum", "polarity": -1, "date": "2014-04-13", "doc": "b"},
        {"actor_id": "RUS", "actor": "Russia", "topic": "referendum", "polarity": -1, "date": "2014-04-20", "doc": "c"},
        {"actor_id": "RUS", "actor": "Russia", "topic": "referendum", "polarity": 1, "date": "2014", "doc": "e"},
        {"actor_id": "RUS", "actor": "Russia", "topic": "referendum", "polarity": 1, "date": None, "doc": "d"},
    ]
    got = stance_change(rows, "rus", "REFERENDUM", by="month")
    assert [(r["period"], r["statements"], r["documents"], r["net"]) for r in got] == [
        ("2014-03", 1, 1, 1.0), ("2014-04", 2, 2, -1.0)]
    assert got[1]["change"] == -2.0
    with pytest.raises(InputError, match="year or month"):
        stance_change(rows, by="week")
