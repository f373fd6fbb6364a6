"""Stance-table rows built by hand, for the tests of everything that reads the table."""

from __future__ import annotations

from typing import Any


def stance_row(
    actor: str, actor_id: str, stance: str, polarity: int, topic: str, sentence: str | None = None, **extra: Any
) -> dict[str, Any]:
    """One row with every stance-table field; ``extra`` overrides any of them."""
    row = {
        "doc": "d1",
        "date": "2012-05-03",
        "source": "RIA Novosti",
        "sentence": sentence if sentence is not None else f"{actor} {stance}s {topic}.",
        "actor": actor,
        "actor_id": actor_id,
        "actor_type": "state",
        "actor_text": actor,
        "speaker": None,
        "stance": stance,
        "polarity": polarity,
        "topic": topic,
        "topic_text": topic,
        "targets": [],
        "negated": False,
        "hedged": False,
        "confidence": 0.9,
    }
    row.update(extra)
    return row
