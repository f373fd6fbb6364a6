"""The stance table: one row per stored stance, with field names that are a contract.

Benchmarks, evaluation and users' scripts read these names; keep them stable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

__all__ = ["STANCE_TABLE_FIELDS", "write_csv", "write_jsonl"]

STANCE_TABLE_FIELDS = (
    "doc",
    "date",
    "source",
    "sentence",
    "char_start",
    "char_end",
    "actor",
    "actor_id",
    "actor_type",
    "actor_text",
    "speaker",
    "stance",
    "polarity",
    "topic",
    "topic_text",
    "targets",
    "negated",
    "hedged",
    "confidence",
)


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write rows as JSON lines; return how many were written."""
    n = 0
    for row in rows:
        out.write(json.dumps({k: row.get(k) for k in STANCE_TABLE_FIELDS}, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write rows as CSV (``targets`` joined with ``;``); return how many were written."""
    writer = csv.DictWriter(out, fieldnames=STANCE_TABLE_FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        flat = {k: row.get(k) for k in STANCE_TABLE_FIELDS}
        flat["targets"] = ";".join(row.get("targets") or [])
        writer.writerow(flat)
        n += 1
    return n


def to_csv_text(rows: Iterable[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()
