"""``stancegraph analyze``: every analysis in three formats that agree, filters, limits, files, one-line errors,
and the README's examples printing what it shows."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex

import pytest
from stancegraph.graph.analysis import measures as analysis
from stancegraph.graph import networks as network
from stancegraph.graph.analysis import tables as reports
from stancegraph.graph.store import open_store
from stancegraph.synthetic import synthetic_corpus
from stancegraph.graph.rdf.iris import actor_iri
from stancegraph.graph.readwrite.writer import write_document

from stancegraph import choices as choices_module
from stancegraph.cli import analyze as analyze_command
from stancegraph.cli import main
from support import REPO

README = REPO / "README.md"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("analyze") / "store.db"
    with open_store(path) as opened:
        for doc, triples in synthetic_corpus(300, actors=9, topics=10, years=3, per_document=10, seed=2):
            write_document(opened, doc, triples, extractor="test", pipeline="synthetic")
    return str(path)


def analyze(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_american_spelling_of_polarisation_runs_the_same_analysis(capsys, store):
    british = analyze(capsys, "polarisation", "--store", str(store), "--format", "json")
    american = analyze(capsys, "polarization", "--store", str(store), "--format", "json")
    assert british[0] == american[0] == 0 and json.loads(british[1]) == json.loads(american[1])


@pytest.mark.parametrize("what", reports.ANALYSES)
def test_each_analysis_prints_the_same_rows_as_table_csv_and_json(capsys, store, what):
    outputs = {}
    for fmt in ("table", "csv", "json"):
        code, out, err = analyze(capsys, what, "--store", store, "--format", fmt)
        assert code == 0, err
        assert err.strip(), "a note on what was analysed goes to stderr"
        outputs[fmt] = out
    rows = json.loads(outputs["json"])
    table = list(csv.DictReader(io.StringIO(outputs["csv"])))
    assert len(table) == len(rows)
    lines = outputs["table"].splitlines()
    assert lines[-1] == f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    header = lines[0].split()
    assert header == (list(table[0].keys()) if table else header)
    assert len(lines) == len(rows) + 3
    for row, line in zip(rows, lines[2:-1]):
        first = str(row[header[0]])
        assert line.startswith(first)
    if what != "change":
        assert rows, f"{what} found nothing in the synthetic corpus"


def test_coalitions_list_every_actor_of_the_network_once(capsys, store):
    _, out, _ = analyze(capsys, "coalitions", "--network", "conflict", "--store", store, "--format", "json")
    rows = json.loads(out)
    with open_store(store, create=False) as opened:
        G = network.actor_network(opened, "conflict")
    assert sorted(r["actor_id"] for r in rows) == sorted(G.nodes[n]["actor_id"] for n in G)
    groups = {}
    for r in rows:
        groups.setdefault(r["coalition"], set()).add(str(actor_iri(r["actor_id"])))
    assert list(groups.values()) == analysis.coalitions(G)
    assert all(r["inside"] >= 0 for r in rows), "a conflict tie inside a coalition"


def test_filters_limit_and_output_file(capsys, store, tmp_path):
    _, out, _ = analyze(capsys, "active", "--store", store, "--format", "json")
    everyone = json.loads(out)
    actor = everyone[0]["actor_id"]
    _, out, _ = analyze(capsys, "active", "--store", store, "--format", "json", "--actor", actor)
    assert [r["actor_id"] for r in json.loads(out)] == [actor]
    _, out, _ = analyze(capsys, "change", "--store", store, "--format", "json", "--actor", actor)
    changes = json.loads(out)
    assert changes and {r["actor_id"] for r in changes} == {actor}
    _, out, _ = analyze(capsys, "change", "--store", store, "--format", "json", "--actor", actor, "--from", "2002")
    assert all(r["period"] >= "2002" for r in json.loads(out))
    _, out, _ = analyze(capsys, "active", "--store", store, "--limit", "2", "--format", "json")
    assert json.loads(out) == everyone[:2]
    target = tmp_path / "central.csv"
    code, out, err = analyze(capsys, "central", "--store", store, "--measure", "degree", "--format", "csv",
                             "-o", str(target))
    assert code == 0 and out == "" and f"to {target}" in err
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [float(r["degree"]) for r in rows] == sorted((float(r["degree"]) for r in rows), reverse=True)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["contested", "--network", "conflict"], "use --network stance"),
        (["coalitions", "--network", "stance"], "congruence or conflict or subtract or actors"),
        (["change", "--network", "subtract"], "use --network stance"),
        (["active", "--from", "March"], "is not a date"),
        (["sideways"], "sideways"),
    ],
)
def test_bad_requests_are_one_line_errors(capsys, store, args, needle):
    code, out, err = analyze(capsys, *args, "--store", store)
    assert code != 0 and out == ""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], err


def test_a_missing_store_is_one_line(capsys, tmp_path):
    code, _, err = analyze(capsys, "active", "--store", str(tmp_path / "nothing.db"))
    assert code == 1 and "does not exist" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "nothing.db").exists()


def test_the_command_offers_what_the_library_knows():
    choices = {p.name: list(p.type.choices) for p in analyze_command.params if hasattr(p.type, "choices")}
    assert choices["what"] == [*reports.ANALYSES, *choices_module.ANALYSIS_ALIASES]
    assert list(reports.ANALYSES) == list(choices_module.ANALYSES)
    assert choices["network_name"] == list(choices_module.NETWORKS)
    assert choices["normalization"] == list(choices_module.NORMALIZATIONS)
    assert choices["duplicates"] == list(choices_module.DUPLICATES)
    assert sorted(choices["measure"]) == sorted(choices_module.CENTRALITIES)
    assert choices["by"] == list(choices_module.PERIODS)


def readme_examples() -> list[tuple[list[str], str]]:
    """Each ```sh block running one analysis on the demo store, with the ```text block after it."""
    if not README.is_file():
        return []
    pattern = re.compile(
        r"```sh\nstancegraph (analyze [^\n]*?) --store out/stancegraph\.db\n```\s*```text\n(.*?)```", re.DOTALL
    )
    return [(shlex.split(m.group(1)), m.group(2)) for m in pattern.finditer(README.read_text(encoding="utf-8"))]


@pytest.mark.model
def test_readme_analysis_examples_print_the_rows_shown(capsys, seed_build):
    examples = readme_examples()
    if not README.is_file():
        pytest.skip("README.md is not beside the tests (installed-wheel run)")
    assert len(examples) >= 3
    for args, shown in examples:
        code = main([*args, "--store", str(seed_build.store)])
        out = capsys.readouterr()
        assert code == 0, out.err
        assert out.out == shown, args
