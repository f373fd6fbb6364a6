"""On the UN Security Council's Ukraine meetings of 2014 (the dev speeches in ../shared), Russia and the Western
permanent members land in different coalitions."""

from __future__ import annotations

import json

import pytest
from stancegraph.graph.analysis import coalitions
from stancegraph.graph.networks import actor_network, target_network
from stancegraph.graph.store import open_store
from stancegraph.graph.rdf.iris import actor_iri

from stancegraph.api import extract

WEST = ("USA", "GBR", "FRA")
RUS = str(actor_iri("RUS"))
MEETINGS = ("S/PV.7138", "S/PV.7154")  # Ukraine, March and April 2014

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def store(shared_dir, tmp_path_factory):
    speeches = shared_dir / "corpora" / "unsc-conflicts-dev" / "speeches.jsonl"
    lines = [line for line in speeches.read_text(encoding="utf-8").splitlines() if line.strip()]
    ukraine = [line for line in lines if json.loads(line)["source"].endswith(MEETINGS)]
    assert len(ukraine) > 30
    folder = tmp_path_factory.mktemp("unsc")
    (folder / "ukraine-2014.jsonl").write_text("\n".join(ukraine) + "\n", encoding="utf-8")
    with open_store(folder / "store.db") as opened:
        extract([folder / "ukraine-2014.jsonl"], opened)
        yield opened


def coalition_of(groups: list[set]) -> dict[str, int]:
    return {str(node): i for i, group in enumerate(groups) for node in group}


@pytest.mark.parametrize("kind", ["conflict", "subtract"])
def test_russia_is_in_another_coalition_than_the_western_permanent_members(store, kind):
    G = actor_network(store, kind)
    where = coalition_of(coalitions(G))
    west = [str(actor_iri(a)) for a in WEST]
    assert RUS in where and all(a in where for a in west)
    assert all(where[a] != where[RUS] for a in west)
    rivals = [a for a in west if G.has_edge(RUS, a) and (kind == "conflict" or G.edges[RUS, a]["weight"] < 0)]
    assert rivals, f"no {kind} tie between Russia and a Western member: the split would be mere isolation"


def test_stances_aimed_at_actors_put_the_west_together_and_russia_apart(store):
    where = coalition_of(coalitions(target_network(store)))
    assert len({where[str(actor_iri(a))] for a in WEST}) == 1
    assert where[RUS] != where[str(actor_iri("USA"))]


def test_the_conflict_network_puts_the_western_permanent_members_together(store):
    where = coalition_of(coalitions(actor_network(store, "conflict")))
    assert where[str(actor_iri("FRA"))] == where[str(actor_iri("USA"))] == where[str(actor_iri("GBR"))]
