"""Plain values read from untyped data: table cells, graph attributes, rows read back from CSV or JSON.

Each function takes whatever a field holds and gives the value of one type, never raising: what cannot be read
gives the type's empty value. The stance table's row type, the networks and the views read fields through them.

>>> text("  Russia "), integer("3"), integer("three"), number("nan"), sign("\\u22121"), sign("0.5")
('Russia', 3, 0, 0.0, -1, 1)
>>> truthy("yes"), truthy(0), names("RUS; USA"), names(["NATO", ""])
(True, False, ['RUS', 'USA'], ['NATO'])
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["integer", "names", "number", "plural", "sign", "text", "truthy"]


def text(value: Any) -> str:
    """The value as stripped text; None is empty."""
    return "" if value is None else str(value).strip()


def integer(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def number(value: Any) -> float:
    """A finite float; anything else is 0.0."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        return 0.0
    return result if math.isfinite(result) else 0.0


def sign(value: Any) -> int:
    """+1, 0 or -1: the sign of a number or of its text (a minus sign U+2212 counts as "-"); 0 if unreadable."""
    try:
        result = float(str(value).replace("\u2212", "-"))
    except (TypeError, ValueError):
        return 0
    return 1 if result > 0 else -1 if result < 0 else 0


def truthy(value: Any) -> bool:
    """A boolean field: true for True, non-zero numbers and the text 1, true or yes."""
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes"}
    return bool(value)


def names(value: Any) -> list[str]:
    """A list field: a list's entries as they are, or text split at ``;`` (as the stance table's CSV writes
    ``targets``) and stripped; empty entries left out."""
    if isinstance(value, str):
        return [t.strip() for t in value.split(";") if t.strip()]
    return [str(t) for t in value or () if text(t)]


def plural(n: int, noun: str, *, grouped: bool = True) -> str:
    """``1 document``, ``2 documents``, ``1,500 stances`` (``1500 stances`` unless ``grouped``)."""
    return (f"{n:,}" if grouped else str(n)) + f" {noun}" + ("" if n == 1 else "s")
