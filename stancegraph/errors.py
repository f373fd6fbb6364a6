"""Errors a user can act on: each renders as one line with what to do."""

from __future__ import annotations

__all__ = [
    "InputError",
    "ModelError",
    "OutputError",
    "QueryError",
    "StancegraphError",
    "StoreError",
]


class StancegraphError(Exception):
    """Base class. ``str(err)`` is the one-line message shown to the user.

    ``where`` names the file (and line) at fault, ``fix`` says what to do.
    """

    code = "E000"

    def __init__(self, message: str, *, where: str | None = None, fix: str | None = None):
        self.message = message
        self.where = where
        self.fix = fix
        super().__init__(self.render())

    def __reduce__(self):
        # rebuilt from its parts, so that an error raised in a worker process reads the same in the parent
        return _rebuild, (type(self), self.message, self.where, self.fix)

    def render(self) -> str:
        parts = []
        if self.where:
            parts.append(f"{self.where}: ")
        parts.append(self.message)
        if self.fix:
            parts.append(f" ({self.fix})")
        line = "".join(parts)
        return f"[{self.code}] " + " ".join(line.split())


class InputError(StancegraphError):
    """A document source that cannot be read."""

    code = "E100"


class ModelError(StancegraphError):
    """The spaCy pipeline is missing or unusable."""

    code = "E200"


class StoreError(StancegraphError):
    """The graph store cannot be opened or written."""

    code = "E300"


class QueryError(StancegraphError):
    """A SPARQL query that cannot be run."""

    code = "E400"


class OutputError(StancegraphError, OSError):
    """An output file or folder that cannot be written (an OSError too, as it was before it had a message)."""

    code = "E500"


def _rebuild(cls: type[StancegraphError], message: str, where: str | None, fix: str | None) -> StancegraphError:
    return cls(message, where=where, fix=fix)
