"""Scoring the officials found in documents against a persons gold file (``seed.persons.gold.jsonl``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .data import GoldPerson

__all__ = ["PersonsReport", "score_persons"]


@dataclass
class PersonsReport:
    """How many gold officials were found speaking for the right actor."""

    found: int
    total: int
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"found": self.found, "total": self.total, "recall": self.recall, "misses": self.misses}

    def format_text(self) -> str:
        lines = [f"persons with the right affiliation {self.recall:.3f} ({self.found}/{self.total})"]
        lines.extend(f"  MISSED {miss}" for miss in self.misses)
        return "\n".join(lines) + "\n"


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def score_persons(gold: Iterable[GoldPerson], rows: Iterable[Mapping[str, Any]]) -> PersonsReport:
    """A gold official is found when a person of the same document with the same surname speaks for the
    gold affiliation (names are matched by surname: "Rasmussen" is "Anders Fogh Rasmussen")."""
    found_by = {(r["doc"], _surname(str(r["person"]))): r.get("affiliation_id") for r in rows}
    gold = list(gold)
    misses = []
    for person in gold:
        affiliation = found_by.get((person.doc, _surname(person.person)))
        if affiliation != person.affiliation:
            seen = "not found" if (person.doc, _surname(person.person)) not in found_by else f"found for {affiliation}"
            misses.append(f"{person.doc}: {person.person} ({person.role}) speaks for {person.affiliation}, {seen}")
    return PersonsReport(found=len(gold) - len(misses), total=len(gold), misses=misses)
