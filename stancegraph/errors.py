"""Errors a user can act on: each renders as one line with what to do."""

from __future__ import annotations

import errno

__all__ = [
    "InputError",
    "ModelError",
    "OutputError",
    "QueryError",
    "StancegraphError",
    "StoreError",
    "UsageError",
    "no_room",
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


class UsageError(StancegraphError):
    """A command line that cannot be run: an unknown command or option, a missing argument, a bad value."""

    code = "E600"


class OutputError(StancegraphError, OSError):
    """An output file or folder that cannot be written (an OSError too, as it was before it had a message)."""

    code = "E500"


# What a write that ran out of room says, by errno and by the text RocksDB (under Oxigraph) puts in its
# message; what it means; and how to make room.
_NO_ROOM = {
    errno.ENOSPC: ("no space left on device", "the disk is full", "free space on its disk"),
    errno.EDQUOT: ("disk quota exceeded", "the disk quota is used up", "free space or raise the quota"),
    errno.EFBIG: ("file too large", "the file size limit is reached", "raise the file size limit (ulimit -f)"),
}


def no_room(err: BaseException) -> tuple[str, str] | None:
    """("the disk is full", "free space on its disk") and the like when ``err`` says a write ran out of room,
    else None."""
    if isinstance(err, OSError) and err.errno in _NO_ROOM:
        return _NO_ROOM[err.errno][1:]
    text = str(err).lower()
    return next(((what, remedy) for words, what, remedy in _NO_ROOM.values() if words in text), None)


def _rebuild(cls: type[StancegraphError], message: str, where: str | None, fix: str | None) -> StancegraphError:
    return cls(message, where=where, fix=fix)
