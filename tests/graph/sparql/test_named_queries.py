"""Named queries: their headers, their parameters bound as RDF terms, and their answers checked against the
same counts made in Python from the stance table of a synthetic store."""

from __future__ import annotations

import re
from collections import defaultdict
from statistics import mean

import pytest
from click.testing import CliRunner
from rdflib import URIRef
from stancegraph.graph.sparql.named import named_queries, named_query, parse, run_named_query
from stancegraph.graph.readwrite.rows import stance_rows
from stancegraph.graph.store import open_store
from stancegraph.synthetic import synthetic_corpus
from stancegraph.graph.readwrite.writer import write_document
from support.stores import synthetic_store

from stancegraph.cli import cli, main
from stancegraph.errors import QueryError


@pytest.fixture(scope="module")
def store():
    with synthetic_store(600, actors=12, topics=40, years=5, per_document=15, seed=7) as opened:
        yield opened


@pytest.fixture(scope="module")
def rows(store):
    return list(stance_rows(store))


def answer(store, name: str, **params: str) -> list[dict]:
    result = run_named_query(store, named_query(name), params)
    assert not any(isinstance(v, URIRef) for row in result.rows for v in row.values()), "answers hold no IRIs"
    return [{k: (v.toPython() if hasattr(v, "toPython") else v) for k, v in row.items()} for row in result.rows]


def busiest(rows, key: str, n: int = 1):
    counts = defaultdict(int)
    for r in rows:
        counts[r[key]] += 1
    return sorted(counts, key=lambda k: (-counts[k], k))[:n]


def test_every_shipped_query_has_a_header_and_selects_its_parameters():
    queries = named_queries()
    assert len(queries) >= 8
    for name, q in queries.items():
        assert q.title and q.description, name
        projection = re.search(r"SELECT\s+(.*?)\s+WHERE", q.text, re.DOTALL | re.IGNORECASE).group(1)
        for p in q.parameters:
            assert re.search(rf"\?{p.variable}\b", projection), f"{name}: parameter {p.name} is not selected"
        if any(p.required for p in q.parameters):
            assert q.examples, f"{name}: a query with parameters needs an example"


def test_a_malformed_header_is_refused():
    with pytest.raises(ValueError, match="title"):
        parse("x", "# description: d\nSELECT * WHERE {}")
    with pytest.raises(ValueError, match="bad parameter"):
        parse("x", "# title: t\n# description: d\n# param a: colour, required. x\nSELECT ?a WHERE {}")


def test_bad_parameters_are_one_line_errors():
    q = named_query("edge-evidence")
    with pytest.raises(QueryError, match="needs -p topic"):
        q.bindings({"actor": "RUS"})
    with pytest.raises(QueryError, match="no parameter 'colour'"):
        q.bindings({"actor": "RUS", "topic": "x", "colour": "red"})
    with pytest.raises(QueryError, match="not a stance type"):
        q.bindings({"actor": "RUS", "topic": "x", "stance": "love"})
    with pytest.raises(QueryError, match="no named query 'nope'"):
        named_query("nope")


def test_actor_activity_matches_the_stance_table(store, rows):
    expected = defaultdict(lambda: [0, set(), set(), 0, 0, 0])
    for r in rows:
        e = expected[r["actor_id"]]
        e[0] += 1
        e[1].add(r["doc"])
        e[2].add(r["topic"])
        e[3 + (1 - r["polarity"])] += 1  # positive, neutral, negative
    got = answer(store, "actor-activity")
    assert {g["actor_id"]: (g["statements"], g["documents"], g["topics"], g["positive"], g["neutral"], g["negative"]) for g in got} == {
        k: (v[0], len(v[1]), len(v[2]), v[3], v[4], v[5]) for k, v in expected.items()
    }
    assert [g["statements"] for g in got] == sorted((g["statements"] for g in got), reverse=True)


def test_topic_activity_matches_the_stance_table(store, rows):
    expected = defaultdict(lambda: [0, set(), set(), []])
    for r in rows:
        e = expected[r["topic"]]
        e[0] += 1
        e[1].add(r["actor_id"])
        e[2].add(r["doc"])
        e[3].append(r["date"])
    got = answer(store, "topic-activity")
    assert {g["topic"]: (g["statements"], g["actors"], g["documents"], g["first"], g["last"]) for g in got} == {
        k: (v[0], len(v[1]), len(v[2]), min(v[3]), max(v[3])) for k, v in expected.items()
    }


def test_contested_topics_have_both_camps_and_are_ranked_by_the_smaller(store, rows):
    camps = defaultdict(lambda: (set(), set(), [0]))
    for r in rows:
        if r["polarity"]:
            supporters, opponents, n = camps[r["topic"]]
            (supporters if r["polarity"] > 0 else opponents).add(r["actor_id"])
            n[0] += 1
    expected = {t: (len(s), len(o), n[0]) for t, (s, o, n) in camps.items() if s and o}
    got = answer(store, "contested-topics")
    assert expected and {g["topic"]: (g["supporters"], g["opponents"], g["statements"]) for g in got} == expected
    smaller = [min(g["supporters"], g["opponents"]) for g in got]
    assert smaller == sorted(smaller, reverse=True)


def test_actor_positions_match_the_stance_table(store, rows):
    actor = busiest(rows, "actor_id")[0]
    expected = defaultdict(lambda: [0, set(), []])
    for r in rows:
        if r["actor_id"] == actor:
            e = expected[(r["topic"], r["stance"], r["polarity"])]
            e[0] += 1
            e[1].add(r["doc"])
            e[2].append(r["date"])
    got = answer(store, "actor-positions", actor=actor)
    assert {(g["topic"], g["stance"], g["polarity"]): (g["statements"], g["documents"], g["first"], g["last"]) for g in got} == {
        k: (v[0], len(v[1]), min(v[2]), max(v[2])) for k, v in expected.items()
    }
    assert {g["actor_id"] for g in got} == {actor}


def test_topic_positions_match_the_stance_table(store, rows):
    topic = busiest(rows, "topic")[0]
    expected = defaultdict(lambda: [0, set()])
    for r in rows:
        if r["topic"] == topic:
            position = {1: "supports", 0: "neutral", -1: "opposes"}[r["polarity"]]
            e = expected[(position, r["actor_id"], r["stance"])]
            e[0] += 1
            e[1].add(r["doc"])
    # The label as the user types it, in another case: it names the same topic.
    got = answer(store, "topic-positions", topic=topic.upper())
    assert {(g["position"], g["actor_id"], g["stance"]): (g["statements"], g["documents"]) for g in got} == {
        k: (v[0], len(v[1])) for k, v in expected.items()
    }
    order = {"supports": 0, "opposes": 1, "neutral": 2}
    assert [order[g["position"]] for g in got] == sorted(order[g["position"]] for g in got)


def test_actor_agreement_matches_the_stance_table(store, rows):
    first, second = busiest(rows, "actor_id", 2)
    polarities = defaultdict(list)
    for r in rows:
        polarities[(r["actor_id"], r["topic"])].append(r["polarity"])
    expected = {}
    for (actor, topic), ps in polarities.items():
        if actor == first and (second, topic) in polarities:
            a, b = mean(ps), mean(polarities[(second, topic)])
            relation = "agree" if a * b > 0 else "disagree" if a * b < 0 else "neutral"
            expected[topic] = (relation, round(a, 6), round(b, 6), len(ps), len(polarities[(second, topic)]))
    got = answer(store, "actor-agreement", actor=first, other=second)
    assert expected and {
        g["topic"]: (g["relation"], round(float(g["actor_position"]), 6), round(float(g["other_position"]), 6),
                     g["actor_statements"], g["other_statements"])
        for g in got
    } == expected


def test_timeline_and_evidence_match_the_stance_table(store, rows):
    actor = busiest(rows, "actor_id")[0]
    topic = busiest([r for r in rows if r["actor_id"] == actor], "topic")[0]
    mine = [r for r in rows if r["actor_id"] == actor and r["topic"] == topic]
    timeline = answer(store, "stance-timeline", actor=actor, topic=topic)
    assert sum(g["statements"] for g in timeline) == len(mine)
    assert [g["date"] for g in timeline] == sorted(g["date"] for g in timeline)
    everything = answer(store, "stance-timeline", actor=actor)  # no topic: every topic of the actor
    assert sum(g["statements"] for g in everything) == sum(1 for r in rows if r["actor_id"] == actor)

    evidence = answer(store, "edge-evidence", actor=actor, topic=topic)
    assert sorted((g["doc"], g["char_start"], g["sentence"]) for g in evidence) == sorted(
        (r["doc"], r["char_start"], r["sentence"]) for r in mine
    )
    stance = mine[0]["stance"]
    one_edge = answer(store, "edge-evidence", actor=actor, topic=topic, stance=stance)
    assert len(one_edge) == sum(1 for r in mine if r["stance"] == stance)


def test_a_hostile_value_is_bound_as_a_term_not_pasted_into_the_query(store):
    before = len(store)
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } #'
    assert answer(store, "topic-positions", topic=hostile) == []
    assert answer(store, "actor-positions", actor=hostile) == []
    assert len(store) == before


def test_cli_lists_shows_and_runs_named_queries(tmp_path, store):
    runner = CliRunner()
    listed = runner.invoke(cli, ["queries"])
    assert listed.exit_code == 0
    for name in named_queries():
        assert name in listed.stdout
    shown = runner.invoke(cli, ["queries", "actor-agreement"])
    assert "-p other=VALUE" in shown.stdout and "SELECT" in shown.stdout


@pytest.fixture()
def folder_store(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as opened:
        for doc, triples in synthetic_corpus(60, actors=4, topics=5, seed=3):
            write_document(opened, doc, triples, extractor="test", pipeline="synthetic")
    return path


def test_cli_runs_a_named_query_with_parameters(folder_store):
    result = CliRunner().invoke(
        cli, ["query", "--name", "topic-positions", "-p", "topic=" + _first_topic(folder_store), "--store",
              str(folder_store), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "topic,position,actor_id,actor,stance,statements,documents"
    assert len(lines) > 1


def _first_topic(path) -> str:
    with open_store(path) as opened:
        return next(iter(stance_rows(opened)))["topic"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--name", "actor-positions"], "needs -p actor"),
        (["--name", "actor-positions", "-p", "actor"], "is not KEY=VALUE"),
        (["--name", "nope"], "no named query"),
        (["SELECT * WHERE { ?s ?p ?o }", "-p", "a=b"], "-p needs a named query"),
        (["SELECT * WHERE { ?s ?p ?o }", "--name", "actor-activity"], "either a SPARQL query"),
        ([], "either a SPARQL query"),
    ],
)
def test_cli_named_query_mistakes_are_one_line(folder_store, capsys, args, message):
    assert main(["query", *args, "--store", str(folder_store)]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_query_file_can_declare_its_own_parameters(folder_store, tmp_path, capsys):
    rq = tmp_path / "mine.rq"
    rq.write_text(
        "# title: Statements of an actor\n# description: how many.\n# param actor: actor, required. Its id.\n"
        "SELECT ?actor_iri (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s sg:actor ?actor_iri } } GROUP BY ?actor_iri\n",
        encoding="utf-8",
    )
    with open_store(folder_store) as opened:
        actor_id = next(iter(stance_rows(opened)))["actor_id"]
    assert main(["query", str(rq), "-p", f"actor={actor_id}", "--store", str(folder_store), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "n" and int(out[1]) > 0  # the parameter's variable is left out of the answer


def test_the_api_runs_a_named_query_on_a_store_path(folder_store):
    from stancegraph.api import named_query as run_named

    result = run_named(folder_store, "actor-activity")
    assert result.variables[0] == "actor_id"
    assert sum(int(row["statements"]) for row in result.rows) == 60
