"""Who can be an actor: states and organisations, with the names, capitals and seats that stand for them.

The tables live in ``data/`` (``states.csv``: ISO 3166-1 alpha-3 id, short name, aliases such as capitals
and seats of government used as metonyms; ``organizations.csv``: short id, label, type, aliases).
Aliases are matched case-sensitively, so "Turkey" the state is not "turkey" the bird.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

__all__ = ["Gazetteer", "GazetteerEntry", "load_gazetteer"]


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    label: str
    type: str  # state | organization | group
    aliases: tuple[str, ...] = field(default=())

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
        """Find an entry by id (``RUS``) or by any of its names (``Moscow``, ``the Kremlin``)."""
        name_or_id = name_or_id.strip()
        return self._by_id.get(name_or_id.upper()) or self._by_name.get(_key(name_or_id))

    def patterns(self) -> list[dict]:
        """EntityRuler phrase patterns: one per name, labelled GPE for states and ORG otherwise."""
        out = []
        for entry in self:
            label = "GPE" if entry.type == "state" else "ORG"
            for name in entry.names:
                out.append({"label": label, "pattern": name, "id": entry.id})
        return out


def _key(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return " ".join(name.replace("’", "'").split()).lower()


def _read_table(lines: Iterable[str], default_type: str) -> Iterator[GazetteerEntry]:
    for row in csv.DictReader(lines):
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        yield GazetteerEntry(
            id=row["id"].strip(),
            label=row["label"].strip(),
            type=(row.get("type") or default_type).strip(),
            aliases=aliases,
        )


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The shipped states and organisations, plus ``extra`` (a CSV with the same columns) if given."""
    data = resources.files(__package__) / "data"
    entries: list[GazetteerEntry] = []
    with (data / "states.csv").open(encoding="utf-8") as f:
        entries.extend(_read_table(f, "state"))
    with (data / "organizations.csv").open(encoding="utf-8") as f:
        entries.extend(_read_table(f, "organization"))
    if extra is not None:
        with open(extra, encoding="utf-8", newline="") as f:
            entries.extend(_read_table(f, "other"))
    return Gazetteer(entries)
