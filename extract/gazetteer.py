"""Who can be an actor: states and organisations, with the names, capitals and seats that stand for them.

The tables live in ``data/`` (``states.csv``: ISO 3166-1 alpha-3 id, short name, aliases such as capitals
and seats of government used as metonyms; ``demonyms.csv``: "Russian", "Russians"; ``organizations.csv``:
short id, label, type, aliases). Speaker names are also looked up in ISO 3166 through pycountry.
Aliases are matched case-sensitively, so "Turkey" the state is not "turkey" the bird.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import pycountry

from stancegraph.errors import InputError
from stancegraph.inputs import read_user_file
from stancegraph.model import ACTOR_TYPES

__all__ = ["Gazetteer", "GazetteerEntry", "load_gazetteer"]


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    label: str
    type: str  # state | organization | group
    aliases: tuple[str, ...] = field(default=())
    demonyms: tuple[str, ...] = field(default=())  # "Russian", "Russians": adjectives and plural nouns

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


class Gazetteer:
    """A lookup from names to actor entries."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        self._by_id: dict[str, GazetteerEntry] = {}
        self._by_name: dict[str, GazetteerEntry] = {}
        for entry in entries:
            self._by_id[entry.id] = entry
            for name in entry.names:
                self._by_name.setdefault(_key(name), entry)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._by_id.values())

    def get(self, actor_id: str) -> GazetteerEntry | None:
        return self._by_id.get(actor_id)

    def lookup(self, name_or_id: str) -> GazetteerEntry | None:
        """Find an entry by id (``RUS``), by any of its names (``Moscow``, ``the Kremlin``), or by a state's
        ISO 3166 name in any of its forms ("Venezuela (Bolivarian Republic Of)")."""
        name_or_id = name_or_id.strip()
        found = self._by_id.get(name_or_id.upper()) or self._by_name.get(_key(name_or_id))
        if found is not None:
            return found
        inverted = re.sub(r"^(.*?)\s*\((.*)\)$", r"\2 \1", name_or_id)  # "Venezuela (Bolivarian Republic Of)"
        found = self._by_name.get(_key(inverted))
        if found is not None:
            return found
        return self._iso_lookup(name_or_id) or self._iso_lookup(inverted)

    def _iso_lookup(self, name: str) -> GazetteerEntry | None:
        try:
            country = pycountry.countries.lookup(name)
        except LookupError:
            return None
        return self._by_id.get(country.alpha_3)

    def patterns(self) -> list[dict]:
        """EntityRuler phrase patterns: one per name, labelled GPE for states and ORG otherwise."""
        out = []
        for entry in self:
            label = "GPE" if entry.type == "state" else "ORG"
            for name in entry.names:
                out.append({"label": label, "pattern": name, "id": entry.id})
            for demonym in entry.demonyms:
                out.append({"label": "NORP", "pattern": demonym, "id": entry.id})
        return out


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return " ".join(name.replace("’", "'").split()).lower()


def _read_table(lines: Iterable[str], default_type: str) -> Iterator[GazetteerEntry]:
    for row in csv.DictReader(lines):
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        demonyms = tuple(d.strip() for d in (row.get("demonyms") or "").split("|") if d.strip())
        yield GazetteerEntry(
            id=(row.get("id") or "").strip(),
            label=(row.get("label") or "").strip(),
            type=(row.get("type") or default_type).strip(),
            aliases=aliases,
            demonyms=demonyms,
        )




def _read_user_table(path: Path) -> list[GazetteerEntry]:
    """A user's actors file, every fault one line naming the file and line."""
    where = str(path)
    fix = "an actors file is a CSV with the columns id,label,type,aliases"
    lines = io.StringIO(read_user_file(path, "actors", "--actors"), newline="").readlines()
    header = next(csv.reader(lines[:1]), [])
    missing = [c for c in ("id", "label") if c not in [h.strip() for h in header]]
    if missing:
        raise InputError(f"the actors file has no {' or '.join(repr(m) for m in missing)} column", where=f"{where}:1",
                         fix=fix)
    out = []
    for number, entry in enumerate(_read_table(lines, "other"), start=2):
        if not entry.id or not entry.label:
            raise InputError("an actor has an empty id or label", where=f"{where}:{number}", fix=fix)
        if entry.type not in ACTOR_TYPES:
            raise InputError(f"unknown actor type {entry.type!r}", where=f"{where}:{number}",
                             fix=f"use one of {', '.join(sorted(ACTOR_TYPES))}")
        out.append(entry)
    return out


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The shipped states and organisations, plus ``extra`` (a CSV with the same columns) if given."""
    data = resources.files(__package__) / "data"
    entries: list[GazetteerEntry] = []
    with (data / "states.csv").open(encoding="utf-8") as f:
        entries.extend(_read_table(f, "state"))
    with (data / "organizations.csv").open(encoding="utf-8") as f:
        entries.extend(_read_table(f, "organization"))
    if extra is not None:
        entries.extend(_read_user_table(extra))
    with (data / "demonyms.csv").open(encoding="utf-8") as f:
        demonyms = {row["id"]: tuple(d for d in row["demonyms"].split("|") if d) for row in csv.DictReader(f)}
    entries = [replace(e, demonyms=e.demonyms or demonyms.get(e.id, ())) for e in entries]
    return Gazetteer(entries)
