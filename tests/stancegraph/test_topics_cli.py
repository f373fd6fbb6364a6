"""`stancegraph topics`, `topics draft` and `topics apply` on a store built from the seed article."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from support.cli import assert_one_line_error, run


@pytest.fixture
def store(tmp_path, seed_build):
    copy = tmp_path / "store"
    shutil.copytree(seed_build.store, copy)
    return copy


def table(store) -> list[dict]:
    out = run("export", "--store", str(store), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.mark.model
def test_topics_lists_the_concepts_with_their_counts(store):
    out = run("topics", "--store", str(store), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    stances = table(store)
    assert sum(r["statements"] for r in rows) == len(stances)
    assert {r["label"] for r in rows} == {s["topic"] for s in stances}
    assert rows == sorted(rows, key=lambda r: (-r["statements"], -r["actors"], r["label"]))
    assert "topic concepts for" in out.stderr


@pytest.mark.model
def test_applying_the_stores_own_draft_moves_nothing(store, tmp_path):
    draft = tmp_path / "codebook.csv"
    out = run("topics", "draft", "--store", str(store), "-o", str(draft))
    assert out.returncode == 0, out.stderr
    before = table(store)
    out = run("topics", "apply", str(draft), "--store", str(store))
    assert out.returncode == 0, out.stderr
    assert "0 phrases moved" in out.stderr
    assert table(store) == before


@pytest.mark.model
def test_a_codebook_renames_merges_and_reports_what_moved_without_parsing_again(store, tmp_path):
    before = table(store)
    first, second = sorted({r["topic"] for r in before})[:2]
    book = tmp_path / "codebook.csv"
    book.write_text(f"label,aliases,broader,exclude\nmy issue,{first}|{second},wider issue,\n", encoding="utf-8")
    moved = tmp_path / "moved.csv"
    out = run("topics", "apply", str(book), "--store", str(store), "--moved", str(moved))
    assert out.returncode == 0, out.stderr
    after = table(store)
    assert [r["topic_text"] for r in after] == [r["topic_text"] for r in before]  # the words as written stay
    assert {r["topic"] for r in after if r["topic_text"] in {b["topic_text"] for b in before if b["topic"] in (first, second)}} == {"my issue"}
    assert {r["topic_id"] for r in after if r["topic"] == "my issue"} == {"my-issue"}
    rows = list(csv.DictReader(io.StringIO(moved.read_text(encoding="utf-8"))))
    assert rows and {r["after"] for r in rows} == {"my issue"} and {r["before"] for r in rows} <= {first, second}
    assert f"-> 'my issue'" in out.stderr
    # kept in the store: a later extraction follows it
    assert run("topics", "--store", str(store), "--format", "csv").stdout.count("my issue") == 1


@pytest.mark.model
def test_an_excluded_concept_leaves_the_network_unless_all_topics(store, tmp_path):
    topic = table(store)[0]["topic"]
    book = tmp_path / "codebook.csv"
    book.write_text(f"label,exclude\n{topic},yes\n", encoding="utf-8")
    assert run("topics", "apply", str(book), "--store", str(store)).returncode == 0

    def labels(*extra: str) -> set[str]:
        out = run("network", "--store", str(store), "--format", "json", *extra)
        assert out.returncode == 0, out.stderr
        return {n.get("label") for n in json.loads(out.stdout)["nodes"]}

    assert topic not in labels() and topic in labels("--all-topics")
    assert topic in {r["topic"] for r in table(store)}  # the table keeps it


@pytest.mark.model
def test_a_bad_codebook_is_one_line_and_changes_nothing(store, tmp_path):
    before = table(store)
    book = tmp_path / "bad.csv"
    book.write_text(f"label,aliases\nmy issue,{before[0]['topic']}\n,z\n", encoding="utf-8")
    out = run("topics", "apply", str(book), "--store", str(store))
    assert_one_line_error(out, f"{book}:3", "empty label")
    assert table(store) == before


def test_topics_on_a_missing_store_is_one_line(tmp_path):
    assert_one_line_error(run("topics", "--store", str(tmp_path / "nope")), "does not exist")
    assert_one_line_error(run("topics", "draft", "--store", str(tmp_path / "nope")), "does not exist")


@pytest.mark.model
def test_show_lists_the_phrases_behind_a_concept(store):
    stances = table(store)
    topic = max({r["topic"] for r in stances}, key=lambda t: sum(r["topic"] == t for r in stances))
    out = run("topics", "show", topic.upper(), "--store", str(store), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert sum(r["statements"] for r in rows) == sum(r["topic"] == topic for r in stances)
    assert f"'{topic}'" in out.stderr
    assert_one_line_error(run("topics", "show", "no such topic at all", "--store", str(store)), "no topic")
