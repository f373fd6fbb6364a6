"""The codebook file: the format `topics draft` writes, `topics apply` and `extract --topics` read."""

from __future__ import annotations

import doctest
import io

import pytest

from stancegraph import codebook
from stancegraph.codebook import CodebookEntry, codebook_text, parse_codebook, read_codebook
from stancegraph.errors import InputError


def test_the_doctests_pass():
    assert doctest.testmod(codebook).failed == 0


def test_a_draft_reads_back_as_the_same_entries_and_its_counts_are_ignored():
    rows = [
        {"label": "ABM shield", "aliases": ["missile shield", "anti-missile shield"], "broader": "missile defence",
         "exclude": False, "statements": 12, "actors": 4},
        {"label": "world", "aliases": [], "broader": None, "exclude": True, "statements": 9, "actors": 7},
    ]
    text = codebook_text(rows, ("statements", "actors"))
    assert text.splitlines()[0] == "label,aliases,broader,exclude,statements,actors"
    assert parse_codebook(io.StringIO(text), "c.csv") == [
        CodebookEntry("ABM shield", ("missile shield", "anti-missile shield"), "missile defence", False),
        CodebookEntry("world", (), None, True),
    ]


def test_a_topic_file_of_labels_and_aliases_only_is_a_codebook():
    assert parse_codebook(io.StringIO("label,aliases\nABM shield,missile shield\n"), "t.csv") == [
        CodebookEntry("ABM shield", ("missile shield",))
    ]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("name,aliases\nx,y\n", "c.csv:1", "no 'label' column"),
        ("label,aliases\nx,y\n,z\n", "c.csv:3", "empty label"),
        ("label,aliases\nx,y\nx,z\n", "c.csv:3", "on two rows"),
        ("label,exclude\nx,maybe\n", "c.csv:2", "exclude is 'maybe'"),
        ("label,broader\nx,x\n", "c.csv:2", "its own broader"),
    ],
)
def test_a_bad_row_is_one_error_naming_the_file_and_line(text, line, words):
    with pytest.raises(InputError) as caught:
        parse_codebook(io.StringIO(text), "c.csv")
    assert caught.value.where == line and words in caught.value.message and caught.value.fix


def test_blank_rows_are_skipped():
    assert [e.label for e in parse_codebook(io.StringIO("label,aliases\n\nx,\n,\n"), "c.csv")] == ["x"]


def test_a_missing_or_non_utf8_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such topic file"):
        read_codebook(tmp_path / "missing.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("label\nCôte\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8") as caught:
        read_codebook(latin)
    assert "iconv" in caught.value.fix
