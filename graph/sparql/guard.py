"""What a SPARQL text may do: an update changes the store, SERVICE and LOAD reach beyond it.

The command line reads unless an update is allowed, and runs SERVICE and LOAD only when the user says so.
"""

from __future__ import annotations

import re

from stancegraph.errors import QueryError

__all__ = ["check_allowed", "is_update", "strip_comments"]

_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


def strip_comments(text: str) -> str:
    return re.sub(r"(?m)#[^\n<>\"']*$", "", text)


def _keywords(text: str) -> set[str]:
    """The upper-case words of a SPARQL text outside comments, strings and IRIs."""
    bare = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', " ", text)
    bare = re.sub(r"<[^<>\s]*>", " ", bare)
    bare = re.sub(r"#[^\n]*", " ", bare)
    return {w.upper() for w in re.findall(r"[A-Za-z]+", bare)}


def is_update(text: str) -> bool:
    return bool(_UPDATE.match(strip_comments(text)))


def check_allowed(text: str, *, allow_service: bool = False, allow_load: bool = False) -> None:
    """Refuse what reaches the network unless the user allowed it: SERVICE (federated queries) and LOAD."""
    words = _keywords(text)
    if "SERVICE" in words and not allow_service:
        raise QueryError(
            "the query uses SERVICE, which sends it to other servers over the network",
            fix="add --allow-service if that is what you want",
        )
    if "LOAD" in words and not allow_load:
        raise QueryError("the update uses LOAD, which fetches data from the network or disk",
                         fix="add --allow-load if that is what you want")
