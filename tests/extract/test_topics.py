"""One canonical topic per concept: variants merged within a document, and a user's topic file."""

from __future__ import annotations

import csv
import doctest
import io
import subprocess
import sys
from pathlib import Path

import pytest
from stancegraph.extract import topics
from stancegraph.extract.topics import (
    TopicForm,
    TopicIndex,
    load_topics,
    merge_variants,
    normal_form,
)

from stancegraph.errors import InputError

STANCEGRAPH = str(Path(sys.executable).with_name("stancegraph"))


def form(label: str, head: str, *modifiers: str) -> TopicForm:
    return TopicForm(label, head, frozenset(modifiers))


def test_the_doctests_of_the_topics_module_pass():
    assert doctest.testmod(topics).failed == 0


def test_a_variant_with_more_modifiers_takes_the_more_general_label():
    merged = merge_variants([
        form("European missile defense systems", "system", "european", "missile", "defense"),
        form("missile defense system", "system", "missile", "defense"),
        form("air defense system", "system", "air", "defense"),
        form("system", "system"),
    ])
    assert merged == {"European missile defense systems": "missile defense system"}


def test_the_closest_general_variant_wins_and_chains_are_followed():
    merged = merge_variants([
        form("illegal unilateral economic sanctions", "sanction", "illegal", "unilateral", "economic"),
        form("unilateral economic sanctions", "sanction", "unilateral", "economic"),
        form("unilateral sanctions", "sanction", "unilateral"),
    ])
    assert merged == {
        "illegal unilateral economic sanctions": "unilateral sanctions",
        "unilateral economic sanctions": "unilateral sanctions",
    }


def test_different_heads_never_merge():
    assert merge_variants([form("nuclear deal", "deal", "nuclear"), form("nuclear test", "test", "nuclear")]) == {}


def test_normal_form_ignores_case_hyphens_quotes_and_a_leading_determiner():
    assert normal_form("The anti-missile ‘shield’") == normal_form("anti missile shield")


def test_the_topic_index_maps_labels_and_aliases_to_the_label():
    index = TopicIndex([("ABM shield", ["missile defense system", "anti-missile shield"])])
    assert index.canonical("the Missile Defense System") == "ABM shield"
    assert index.canonical("nothing known", "anti missile shield") == "ABM shield"
    assert index.canonical("nuclear deal") is None
    assert len(index) == 1


def test_a_topic_file_is_read(tmp_path):
    path = tmp_path / "topics.csv"
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerows([["label", "aliases"], ["Iran nuclear deal", "JCPOA|Joint Comprehensive Plan of Action"], ["embargo on Cuba", ""]])
    path.write_text(buf.getvalue(), encoding="utf-8")
    index = load_topics(path)
    assert index.canonical("joint comprehensive plan of action") == "Iran nuclear deal"
    assert index.canonical("Embargo on Cuba") == "embargo on Cuba"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"name,aliases\nx,y\n", "has no 'label' column"),
        (b"label,aliases\nx,y\n,z\n", ":3: a topic has an empty label"),
        (b"label\n\xe9t\xe9\n", "not UTF-8"),
    ],
)
def test_a_bad_topic_file_is_one_clear_error(tmp_path, content, needle):
    path = tmp_path / "topics.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=needle) as err:
        load_topics(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_a_missing_topic_file_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such topic file"):
        load_topics(tmp_path / "none.csv")


@pytest.mark.model
def test_the_seed_with_a_topic_file_stores_the_users_label_and_the_words_as_written(tmp_path, seeds_dir):
    path = tmp_path / "topics.csv"
    path.write_text("label,aliases\nABM shield,missile defense system\n", encoding="utf-8")
    store = tmp_path / "store"
    out = subprocess.run(
        [STANCEGRAPH, "extract", str(seeds_dir), "--store", str(store), "--topics", str(path), "-q"],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    table = subprocess.run(
        [STANCEGRAPH, "export", "--store", str(store), "--format", "jsonl"], capture_output=True, text=True, timeout=300
    ).stdout
    import json

    rows = [json.loads(line) for line in table.splitlines()]
    # "a joint missile defense system proposed by the Kremlin": merged into the variant without "joint",
    # then named by the topic file
    joint = [r for r in rows if r["topic_text"] == "joint missile defense system"]
    assert joint and all(r["topic"] == "ABM shield" for r in joint)
    labels = subprocess.run(
        [STANCEGRAPH, "query", "--store", str(store), "--format", "csv",
         'SELECT ?alt WHERE { ?t skos:prefLabel "ABM shield" ; skos:altLabel ?alt }'],
        capture_output=True, text=True, timeout=300,
    ).stdout
    assert "joint missile defense system" in labels


@pytest.mark.model
def test_variants_in_one_document_share_the_general_label(seed_build):
    import json

    rows = [json.loads(line) for line in Path(seed_build.table_jsonl).read_text(encoding="utf-8").splitlines()]
    strike = [r for r in rows if r["topic_text"] == "pre-emptive strike on European missile defense systems"]
    assert strike and all(r["topic"] == "pre-emptive strike" for r in strike)


def test_the_topic_index_takes_a_variant_with_more_modifiers():
    index = TopicIndex([("ABM shield", ["missile defense systems"]), ("air defence", ["air defense system"])])
    assert index.canonical_form(form("joint missile defense system", "system", "joint", "missile", "defense")) == "ABM shield"
    assert index.canonical_form(form("defense system", "system", "defense")) is None
