"""The stance table: one row per stored stance, with field names that are a contract.

Benchmarks, evaluation and users' scripts read these names; keep them stable. :class:`StanceRow` is the row as
the code reads it, with each field of one type; it also reads as a mapping of the table's fields, so
``row["actor_id"]``, ``dict(row)`` and ``pandas.DataFrame(rows)`` work.

>>> row = StanceRow.from_mapping({"doc": "d1", "actor_id": "RUS", "polarity": "-1", "targets": "NATO;USA",
...                               "negated": "false", "char_start": "4"})
>>> row.polarity, row.targets, row.negated, row.char_start, row["actor_id"], row.confidence
(-1, ('NATO', 'USA'), False, 4, 'RUS', None)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from .values import integer, names, number, sign, truthy

__all__ = ["STANCE_TABLE_FIELDS", "StanceRow", "write_csv", "write_jsonl"]

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
    "topic_id",
    "topic_text",
    "targets",
    "negated",
    "hedged",
    "confidence",
)


@dataclass(frozen=True)
class StanceRow(Mapping[str, Any]):
    """One row of the stance table. ``date``, ``source`` and ``speaker`` are None when the document gives none;
    ``confidence`` is None only in a row built from data that has none."""

    doc: str = ""
    date: str | None = None
    source: str | None = None
    sentence: str = ""
    char_start: int = 0
    char_end: int = 0
    actor: str = ""
    actor_id: str = ""
    actor_type: str = "other"
    actor_text: str = ""
    speaker: str | None = None
    stance: str = ""
    polarity: int = 0
    topic: str = ""
    topic_id: str = ""
    topic_text: str = ""
    targets: tuple[str, ...] = ()
    negated: bool = False
    hedged: bool = False
    confidence: float | None = None

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "StanceRow":
        """A row from any mapping of the table's fields (a JSON line, a CSV row, a hand-made dict): numbers and
        booleans read from their text, ``targets`` from a list or ``;``-separated text, a missing field its
        default, an unreadable one its type's empty value. A ``StanceRow`` is returned as it is."""
        if isinstance(values, StanceRow):
            return values

        def optional(name: str) -> str | None:
            value = values.get(name)
            return None if value is None or value == "" else str(value)

        def string(name: str, default: str = "") -> str:
            value = values.get(name)
            return default if value is None else str(value)

        confidence = values.get("confidence")
        return cls(
            doc=string("doc"),
            date=optional("date"),
            source=optional("source"),
            sentence=string("sentence"),
            char_start=integer(values.get("char_start")),
            char_end=integer(values.get("char_end")),
            actor=string("actor"),
            actor_id=string("actor_id"),
            actor_type=string("actor_type") or "other",
            actor_text=string("actor_text"),
            speaker=optional("speaker"),
            stance=string("stance"),
            polarity=sign(values.get("polarity")),
            topic=string("topic"),
            topic_id=string("topic_id"),
            topic_text=string("topic_text"),
            targets=tuple(names(values.get("targets"))),
            negated=truthy(values.get("negated")),
            hedged=truthy(values.get("hedged")),
            confidence=None if confidence is None or confidence == "" else number(confidence),
        )

    def __getitem__(self, name: str) -> Any:
        if name not in _FIELDS:
            raise KeyError(name)
        return getattr(self, name)

    def __iter__(self) -> Iterator[str]:
        return iter(STANCE_TABLE_FIELDS)

    def __len__(self) -> int:
        return len(STANCE_TABLE_FIELDS)

    def to_dict(self) -> dict[str, Any]:
        """The row as the JSON lines of the stance table hold it: ``targets`` a list."""
        out = {name: getattr(self, name) for name in STANCE_TABLE_FIELDS}
        out["targets"] = list(self.targets)
        return out


_FIELDS = frozenset(STANCE_TABLE_FIELDS)


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write rows as JSON lines; return how many were written."""
    n = 0
    for row in rows:
        out.write(json.dumps(StanceRow.from_mapping(row).to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write rows as CSV (``targets`` joined with ``;``); return how many were written."""
    writer = csv.DictWriter(out, fieldnames=STANCE_TABLE_FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        flat = StanceRow.from_mapping(row).to_dict()
        flat["targets"] = ";".join(flat["targets"])
        writer.writerow(flat)
        n += 1
    return n
