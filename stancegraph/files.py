"""Output files written atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError, no_room

__all__ = ["ensure_folder", "write_bytes_atomically", "write_text_atomically"]

_FIX = "name a path whose folder can be created and written, or make room on its disk"


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    A failure leaves any earlier file in place and no temporary file behind. The new file gets the usual
    permissions (0666 less the umask), not the private ones of a temporary file. A file that cannot be written
    raises OutputError naming it.
    """
    target = Path(path)
    ensure_folder(target.parent)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise _output_error("cannot write", err, target) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _output_error("cannot write", err, target) from None
        raise
    return target


def ensure_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` and its parents if needed; OutputError, naming it, if that cannot be done."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _output_error("cannot create the folder", err, folder) from None
    return folder


def _output_error(doing: str, err: OSError, where: Path) -> OutputError:
    room = no_room(err)
    if room is not None:
        what, remedy = room
        return OutputError(
            f"{doing}: {what}", where=str(where),
            fix=f"{remedy}, or write elsewhere; an earlier file of that name is left unchanged",
        )
    if isinstance(err, (FileExistsError, NotADirectoryError)):
        return OutputError(f"{doing}: a file stands where a folder is needed", where=str(where), fix=_FIX)
    return OutputError(f"{doing}: {err.strerror or err}", where=str(where), fix=_FIX)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`write_bytes_atomically` for text, as UTF-8 (lone surrogates become "?")."""
    return write_bytes_atomically(path, text.encode("utf-8", errors="replace"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
