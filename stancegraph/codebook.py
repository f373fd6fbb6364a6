"""The topic codebook: a CSV file researchers edit, one concept a row (label, aliases, broader, exclude).

The same file serves ``extract --topics`` (where only ``label`` and ``aliases`` count) and
``stancegraph topics apply``; ``stancegraph topics draft`` writes one from the store, ranked by use, with the
store's counts in columns the reader ignores.

>>> import io
>>> entries = parse_codebook(io.StringIO("label,aliases,broader,exclude\\nABM shield,anti-missile shield|ABM system,missile defence,\\nworld,,,yes\\n"), "c.csv")
>>> entries[0]
CodebookEntry(label='ABM shield', aliases=('anti-missile shield', 'ABM system'), broader='missile defence', exclude=False)
>>> entries[1].exclude
True
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError
from .inputs import read_user_file

__all__ = ["CODEBOOK_FIELDS", "CodebookEntry", "codebook_text", "parse_codebook", "read_codebook"]

#: The columns a codebook is read from; a draft adds the store's counts after them.
CODEBOOK_FIELDS = ("label", "aliases", "broader", "exclude")
_YES = {"yes", "y", "true", "1", "x", "exclude", "excluded"}
_NO = {"", "no", "n", "false", "0"}


@dataclass(frozen=True)
class CodebookEntry:
    """One concept of a codebook: its label, the phrases that name it, the label of the concept it is a narrower
    form of, and whether networks leave it out."""

    label: str
    aliases: tuple[str, ...] = ()
    broader: str | None = None
    exclude: bool = False


def read_codebook(path: str | Path, *, option: str = "the codebook") -> list[CodebookEntry]:
    """Read a codebook or topic file; every fault is one :class:`InputError` naming the file and line."""
    return parse_codebook(io.StringIO(read_user_file(path, "topic", option), newline=""), str(path))


def parse_codebook(f: TextIO, where: str) -> list[CodebookEntry]:
    try:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or "label" not in [n.strip() for n in reader.fieldnames]:
            raise InputError(
                "the topic file has no 'label' column",
                where=f"{where}:1",
                fix="start it with the header line: label,aliases,broader,exclude",
            )
        entries: dict[str, CodebookEntry] = {}
        for row in reader:
            cells = {(k or "").strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
            line = f"{where}:{reader.line_num}"
            label = cells.get("label", "")
            if not label:
                if not any(cells.values()):
                    continue  # a blank line
                raise InputError("a topic has an empty label", where=line, fix="give every row a label, or delete the row")
            if label in entries:
                raise InputError(
                    f"the label '{label}' is on two rows", where=line, fix="merge the two rows into one"
                )
            exclude = cells.get("exclude", "").lower()
            if exclude not in _YES | _NO:
                raise InputError(
                    f"exclude is '{cells.get('exclude')}'", where=line, fix="write yes to exclude the topic, or leave it empty"
                )
            aliases = tuple(dict.fromkeys(a.strip() for a in cells.get("aliases", "").split("|") if a.strip()))
            broader = cells.get("broader") or None
            if broader == label:
                raise InputError(f"'{label}' is its own broader topic", where=line, fix="empty its broader column")
            entries[label] = CodebookEntry(label, aliases, broader, exclude in _YES)
    except csv.Error as err:
        raise InputError(f"the topic file is not valid CSV ({err})", where=where, fix="save it as CSV") from None
    return list(entries.values())


def codebook_text(rows: Iterable[Mapping[str, Any]], counts: Iterable[str] = ()) -> str:
    """A codebook as CSV text: the codebook's columns, then ``counts`` (columns the reader ignores)."""
    out = io.StringIO()
    fields = [*CODEBOOK_FIELDS, *counts]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        flat["aliases"] = "|".join(row.get("aliases", ()))
        flat["exclude"] = "yes" if row.get("exclude") else ""
        flat["broader"] = row.get("broader") or ""
        writer.writerow(flat)
    return out.getvalue()
