"""An actor's position on a topic over time, read from stance-table rows: a network sums its edges over time,
so it cannot show a position that moves."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from stancegraph.choices import PERIODS
from stancegraph.errors import InputError

from ..rdf.iris import topic_iri

__all__ = ["period_of", "stance_change"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?")


def period_of(date: Any, by: str) -> str | None:
    """The year (``YYYY``) or month (``YYYY-MM``) of an ISO date, as the store keeps them."""
    match = _ISO.match(str(date or "").strip())
    if not match or (by == "month" and not match.group(2)):
        return None
    return match.group(1) if by == "year" else f"{match.group(1)}-{match.group(2)}"


def stance_change(
    rows: Iterable[Mapping[str, Any]],
    actor: str | None = None,
    topic: str | None = None,
    *,
    by: str = "year",
    changed_only: bool | None = None,
) -> list[dict[str, Any]]:
    """An actor's position on a topic per year or month, so that moves show.

    ``rows`` are stance-table rows (``stancegraph.api.stance_rows``, or ``stancegraph export``'s JSON lines):
    a network cannot serve, since its edges are summed over time. ``actor`` (an actor id or label) and
    ``topic`` (a label, any case) narrow the rows. Each result row is one actor, topic and period (``by``:
    ``year`` or ``month``): ``statements``, ``documents``, ``positive``, ``neutral``, ``negative`` (statements by
    polarity), ``net`` (the mean polarity, from -1 to 1) and ``change`` (``net`` minus that of the pair's
    previous period; ``None`` for its first). Statements without a date (or, by month, without a month)
    are left out.

    ``changed_only`` (by default: when neither ``actor`` nor ``topic`` is given) keeps only the pairs whose
    net polarity differs between periods.

    Examples
    --------
    >>> rows = [
    ...     {"actor_id": "USA", "actor": "United States", "topic": "ABM shield", "polarity": 1, "date": "2011-05-02", "doc": "a"},
    ...     {"actor_id": "USA", "actor": "United States", "topic": "ABM shield", "polarity": -1, "date": "2012-01-09", "doc": "b"},
    ...     {"actor_id": "USA", "actor": "United States", "topic": "ABM shield", "polarity": 0, "date": "2012-03-09", "doc": "c"},
    ...     {"actor_id": "RUS", "actor": "Russia", "topic": "ABM shield", "polarity": -1, "date": "2012-01-09", "doc": "b"},
    ... ]
    >>> [(r["actor_id"], r["period"], r["net"], r["change"]) for r in stance_change(rows)]
    [('USA', '2011', 1.0, None), ('USA', '2012', -0.5, -1.5)]
    >>> [(r["actor_id"], r["period"], r["negative"]) for r in stance_change(rows, "Russia", "abm shield")]
    [('RUS', '2012', 1)]
    """
    if by not in PERIODS:
        raise InputError(f"unknown period '{by}'", fix="use year or month")
    if changed_only is None:
        changed_only = actor is None and topic is None
    wanted_actor = actor.strip().casefold() if actor else None
    wanted_topic = topic_iri(topic) if topic else None
    cells: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rows:
        actor_id = str(row.get("actor_id") or "")
        if wanted_actor and wanted_actor not in (actor_id.casefold(), str(row.get("actor") or "").casefold()):
            continue
        key_topic = str(topic_iri(str(row.get("topic") or "")))
        if wanted_topic and key_topic != str(wanted_topic):
            continue
        period = period_of(row.get("date"), by)
        if period is None:
            continue
        cell = cells.setdefault((actor_id, key_topic, period), {
            "actor_id": actor_id, "actor": row.get("actor") or actor_id, "topic": row.get("topic"),
            "period": period, "statements": 0, "documents": set(), "positive": 0, "neutral": 0, "negative": 0,
        })
        polarity = int(row.get("polarity") or 0)
        cell["statements"] += 1
        cell["documents"].add(row.get("doc"))
        cell[{1: "positive", 0: "neutral", -1: "negative"}[(polarity > 0) - (polarity < 0)]] += 1
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (actor_id, key_topic, _), cell in sorted(cells.items()):
        cell["documents"] = len(cell["documents"])
        cell["net"] = (cell["positive"] - cell["negative"]) / cell["statements"]
        series = by_pair[(actor_id, key_topic)]
        cell["change"] = cell["net"] - series[-1]["net"] if series else None
        series.append(cell)
    out = []
    for series in by_pair.values():
        if not changed_only or any(c["change"] for c in series[1:]):
            out.extend(series)
    return out
