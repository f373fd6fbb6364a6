"""JSON Lines: one JSON object per line, and a one-line error naming ``file:line`` for a line that is not one.

Documents (:mod:`stancegraph.inputs`) and gold files (:mod:`stancegraph.evaluate`) are read with it; each opens
and decodes its files its own way and passes the lines in.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputError

__all__ = ["describe_json", "json_objects"]


def json_objects(lines: Iterable[str], name: str, *, fix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield (``name:line``, object) for each non-blank line of ``lines``, reading one line at a time.

    A line that JSON cannot parse (malformed, a number too long to convert, arrays or objects nested too deeply),
    or that holds anything but an object, raises :class:`~stancegraph.errors.InputError` naming ``name:line``,
    with ``fix`` saying what to do; the objects before it have been yielded by then.

    Examples
    --------
    >>> list(json_objects(['{"id": "d1"}\\n', "\\n", '{"id": "d2"}\\n'], "docs.jsonl", fix="one object a line"))
    [('docs.jsonl:1', {'id': 'd1'}), ('docs.jsonl:3', {'id': 'd2'})]
    >>> list(json_objects(["[1, 2]"], "docs.jsonl", fix="one object a line"))
    Traceback (most recent call last):
    ...
    stancegraph.errors.InputError: [E100] docs.jsonl:1: expected a JSON object, found an array (one object a line)
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"malformed JSON: {err.msg} at column {err.colno}", where=where, fix=fix) from None
        except ValueError:  # the one other ValueError json raises: an integer too long to convert
            digits = sys.get_int_max_str_digits()
            raise InputError(f"malformed JSON: a number of more than {digits} digits", where=where, fix=fix) from None
        except RecursionError:
            raise InputError("malformed JSON: arrays or objects nested too deeply", where=where, fix=fix) from None
        if not isinstance(value, dict):
            raise InputError(f"expected a JSON object, found {describe_json(value)}", where=where, fix=fix)
        yield where, value


def describe_json(value: Any) -> str:
    """Name a JSON value's type the way JSON does: "an array", "a number", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__
