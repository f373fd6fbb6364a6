"""Output files written atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError, no_room

__all__ = ["write_bytes_atomically", "write_text_atomically"]


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    A failure leaves any earlier file in place and no temporary file behind, and raises OutputError (an
    ``OSError``) in one line. The new file gets the usual permissions (0666 less the umask), not the private
    ones of a temporary file.
    """
    target = Path(path)
    try:
        _write_and_rename(target, data)
    except OSError as err:
        what, remedy = no_room(err) or (err.strerror or str(err), "check the folder and its permissions")
        raise OutputError(
            f"cannot write {target}: {what}",
            fix=f"{remedy}, or write elsewhere; an earlier file of that name is left unchanged",
        ) from None
    return target


def _write_and_rename(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`write_bytes_atomically` for text, as UTF-8 (lone surrogates become "?")."""
    return write_bytes_atomically(path, text.encode("utf-8", errors="replace"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
