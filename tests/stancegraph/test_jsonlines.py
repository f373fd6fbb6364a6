"""The one JSON Lines reader that documents and gold files share."""

from __future__ import annotations

import doctest
import sys

import pytest

from stancegraph import jsonlines
from stancegraph.errors import InputError
from stancegraph.jsonlines import json_objects

FIX = "one object a line"


def test_doctests() -> None:
    result = doctest.testmod(jsonlines)
    assert result.failed == 0 and result.attempted > 0


def test_objects_are_named_by_line_and_blank_lines_skipped() -> None:
    lines = ['{"a": 1}\n', "  \n", '{"b": [2]}\r\n', "\n"]
    assert list(json_objects(lines, "f.jsonl", fix=FIX)) == [("f.jsonl:1", {"a": 1}), ("f.jsonl:3", {"b": [2]})]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"a": oops}', "malformed JSON: Expecting value at column 7"),
        ('{"a": ' + "1" * 5000 + "}", f"malformed JSON: a number of more than {sys.get_int_max_str_digits()} digits"),
        ("[" * 100_000 + "]" * 100_000, "malformed JSON: arrays or objects nested too deeply"),
        ('"text"', "expected a JSON object, found a string"),
        ("null", "expected a JSON object, found null"),
    ],
    ids=["malformed", "long-integer", "nested-100000-deep", "string", "null"],
)
def test_a_bad_line_is_a_one_line_error_after_the_objects_before_it(line: str, message: str) -> None:
    read = json_objects(['{"a": 1}\n', line + "\n", '{"c": 3}\n'], "f.jsonl", fix=FIX)
    assert next(read) == ("f.jsonl:1", {"a": 1})
    with pytest.raises(InputError) as info:
        next(read)
    assert str(info.value) == f"[E100] f.jsonl:2: {message} ({FIX})"
