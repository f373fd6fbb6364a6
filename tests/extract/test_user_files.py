"""The user's own actors file: read, and every fault one clear line naming the file and line."""

from __future__ import annotations

import pytest
from stancegraph.extract.gazetteer import load_gazetteer

from stancegraph.errors import InputError


def test_a_users_actors_extend_the_gazetteer(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("id,label,type,aliases\nHTS,Hayat Tahrir al-Sham,group,HTS|Tahrir al-Sham\n", encoding="utf-8")
    gazetteer = load_gazetteer(path)
    entry = gazetteer.lookup("Tahrir al-Sham")
    assert (entry.id, entry.type) == ("HTS", "group")
    assert gazetteer.lookup("Russia").id == "RUS"  # the shipped ones stay


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"name,label\nx,y\n", ":1: the actors file has no 'id' column"),
        (b"id,label,type\nHTS,Hayat,group\n,x,group\n", ":3: an actor has an empty id or label"),
        (b"id,label,type\nHTS,Hayat,militia\n", ":2: unknown actor type 'militia'"),
        (b"id,label\nX,\xe9t\xe9\n", "not UTF-8"),
    ],
)
def test_a_bad_actors_file_is_one_clear_error(tmp_path, content, needle):
    path = tmp_path / "actors.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=needle) as err:
        load_gazetteer(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_a_missing_actors_file_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such actors file"):
        load_gazetteer(tmp_path / "none.csv")
