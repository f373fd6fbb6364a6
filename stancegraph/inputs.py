"""Read documents from ``.txt`` files, folders, ``.jsonl``, ``.csv`` and standard input.

:func:`read_documents` is lazy: a huge JSONL file streams one line at a time, and a bad line raises only when
the reader gets to it, after the documents before it have been yielded. Every problem is an
:class:`~stancegraph.errors.InputError` naming the file and line and saying how to fix it.

Examples
--------
>>> import io
>>> docs = read_documents(["-"], stdin=io.StringIO('{"id": "d1", "text": "NATO rejected it."}\\n'))
>>> [(doc.id, doc.text, doc.origin) for doc in docs]
[('d1', 'NATO rejected it.', 'stdin:1')]
"""

from __future__ import annotations

import csv
import datetime
import itertools
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .errors import InputError
from .jsonlines import describe_json, json_objects
from .model import Document

__all__ = ["METADATA_FIELDS", "SUPPORTED_SUFFIXES", "read_documents"]

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".csv")
METADATA_FIELDS = ("date", "source", "title", "url", "speaker")

_SNIFF_BYTES = 8192
_BOM = "\ufeff"
_SURROGATE = re.compile("[\ud800-\udfff]")
_CSV_FIELD_LIMIT = 2**31 - 1
_FIX_INPUTS = "give UTF-8 .txt, .jsonl or .csv files, or folders of them"
_FIX_JSONL = 'each line must hold one JSON object such as {"id": "d1", "text": "..."}'
_FIX_CSV = "the first row must name the columns, at least id and text; quote fields holding commas or line breaks"

Warn = Callable[[str], None]
PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class _Source:
    kind: str  # "stdin", "file" or "folder"
    path: Path | None = None
    files: tuple[Path, ...] = field(default=())


def read_documents(
    paths: Iterable[PathLike] | PathLike,
    *,
    stdin: TextIO | None = None,
    on_warning: Warn | None = None,
) -> Iterator[Document]:
    """Yield the documents in ``paths``, one at a time.

    A path may be a ``.txt`` file (its stem is the document id), a ``.jsonl`` file (one object per line with
    ``id``, ``text`` and optional ``date``, ``source``, ``title``, ``url``, ``speaker``), a ``.csv`` file with
    those columns, a folder (its ``.txt``, ``.jsonl`` and ``.csv`` files, recursively, in sorted order; hidden
    files skipped) or ``-`` for ``stdin`` (JSONL if it starts with ``{``, otherwise one document ``stdin``).

    Missing and unsupported paths raise at once; problems inside files raise when reading reaches them.
    ``on_warning`` receives one-line messages about skipped files (binary files, empty files); when every
    file was skipped as binary, nothing is left to read and that raises.

    Raises:
        InputError: with ``where`` naming the file (and line) and ``fix`` saying what to do.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    sources = [_plan(path) for path in paths]
    return _read_sources(sources, stdin, on_warning or _ignore)


def _ignore(message: str) -> None:
    pass


def _plan(given: PathLike) -> _Source:
    """Check that ``given`` can be read at all, before any document is read."""
    if os.fspath(given) == "-":
        return _Source("stdin")
    path = Path(given)
    if not path.exists():
        raise InputError("no such file or folder", where=str(path), fix=f"check the path; {_FIX_INPUTS}")
    if path.is_dir():
        files = tuple(_folder_files(path))
        if not files:
            raise InputError(
                "folder holds no .txt, .jsonl or .csv files",
                where=str(path),
                fix="convert the documents to UTF-8 text first (e.g. pdftotext for PDFs)",
            )
        return _Source("folder", path, files)
    suffix = path.suffix.lower()
    if path.is_file() and suffix in SUPPORTED_SUFFIXES:
        return _Source("file", path)
    if not path.is_file():
        raise InputError("is neither a file nor a folder", where=str(path), fix=_FIX_INPUTS)
    fixes = {
        ".json": "write one JSON object per line to a .jsonl file",
        ".pdf": f"convert it to text first, e.g. pdftotext {shlex.quote(str(path))}",
        ".tsv": "write it as .csv, or as .jsonl",
    }
    kind = f"{suffix} files" if suffix else "files without an extension"
    raise InputError(f"cannot read {kind}", where=str(path), fix=fixes.get(suffix, _FIX_INPUTS))


def _folder_files(folder: Path) -> Iterator[Path]:
    """The readable files under ``folder``, sorted, hidden files and folders left out."""
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                yield Path(root, name)


def _read_sources(sources: list[_Source], stdin: TextIO | None, warn: Warn) -> Iterator[Document]:
    first_seen: dict[str, str] = {}
    skipped: list[Path] = []  # binary files
    for source in sources:
        if source.kind == "stdin":
            documents = _read_stdin(stdin if stdin is not None else sys.stdin)
        elif source.kind == "folder":
            documents = _read_folder(source, warn, skipped)
        else:
            assert source.path is not None
            documents = _read_file(source.path, warn, skipped)
        for document in documents:
            if document.id in first_seen:
                raise InputError(
                    f"duplicate document id {document.id!r} (first seen at {first_seen[document.id]})",
                    where=document.origin,
                    fix="give every document its own id (.txt files need different names, even in other folders)",
                )
            first_seen[document.id] = document.origin
            yield document
    if not first_seen and skipped:
        names = ", ".join(map(str, skipped[:3])) + (", ..." if len(skipped) > 3 else "")
        raise InputError("no readable documents: binary files are skipped", where=names, fix=_FIX_INPUTS)


def _read_folder(source: _Source, warn: Warn, skipped: list[Path]) -> Iterator[Document]:
    count = 0
    for path in source.files:
        for document in _read_file(path, warn, skipped):
            count += 1
            yield document
    if count == 0:
        raise InputError("folder holds no readable documents", where=str(source.path), fix=_FIX_INPUTS)


def _read_file(path: Path, warn: Warn, skipped: list[Path]) -> Iterator[Document]:
    """The documents of one file; a binary file is skipped with a warning and added to ``skipped``."""
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(f"cannot open: {err.strerror}", where=str(path), fix="check the file's permissions") from None
    with handle:
        head = handle.read(_SNIFF_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError("is UTF-16 text, not UTF-8", where=str(path), fix=_conversion_fix(path, "UTF-16"))
        if b"\x00" in head:
            warn(f"{path}: binary file skipped")
            skipped.append(path)
            return
        handle.seek(0)
        suffix = path.suffix.lower()
        if suffix == ".txt":
            yield _read_txt(path, handle)
            return
        read = _read_jsonl if suffix == ".jsonl" else _read_csv
        count = 0
        for document in read(path, handle):
            count += 1
            yield document
        if count == 0:
            warn(f"{path}: no documents")


def _read_txt(path: Path, handle: BinaryIO) -> Document:
    # Decoding the bytes ourselves keeps \r\n as it is, like open(newline=""): offsets are the file's own.
    data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - data.rfind(b"\n", 0, err.start)
        raise _not_utf8(path, line, column, data[err.start]) from None
    return Document(id=path.stem, text=text.removeprefix(_BOM), origin=str(path))


def _decoded_lines(path: Path, handle: BinaryIO) -> Iterator[str]:
    """The file's lines as text, line ends kept, a leading byte-order mark dropped."""
    for number, raw in enumerate(handle, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _not_utf8(path, number, err.start + 1, raw[err.start]) from None
        yield line.removeprefix(_BOM) if number == 1 else line


def _not_utf8(path: Path, line: int, column: int, byte: int) -> InputError:
    return InputError(
        f"is not UTF-8 text (byte 0x{byte:02X} at column {column})",
        where=f"{path}:{line}",
        fix=_conversion_fix(path, "WINDOWS-1252"),
    )


def _conversion_fix(path: Path, encoding: str) -> str:
    name = shlex.quote(str(path))
    return (
        f"convert it to UTF-8, naming its real encoding after -f, e.g. "
        f"iconv -f {encoding} -t UTF-8 {name} > converted && mv converted {name}"
    )


def _read_jsonl(path: Path, handle: BinaryIO) -> Iterator[Document]:
    return _jsonl_documents(_decoded_lines(path, handle), str(path))


def _jsonl_documents(lines: Iterable[str], name: str) -> Iterator[Document]:
    for where, record in json_objects(lines, name, fix=_FIX_JSONL):
        yield _document(record, where, fix=_FIX_JSONL)


def _read_csv(path: Path, handle: BinaryIO) -> Iterator[Document]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))  # a speech can exceed the default
    reader = csv.reader(_decoded_lines(path, handle), strict=True)  # a stray quote is an error, not garbage
    rows = _csv_rows(reader, path)
    try:
        _, header = next(rows)
    except StopIteration:
        return
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(name.strip().lower(), index)
    missing = [name for name in ("id", "text") if name not in columns]
    if missing:
        found = ", ".join(repr(name) for name in header[:6]) + (", ..." if len(header) > 6 else "")
        raise InputError(
            f"CSV header has no {' or '.join(repr(name) for name in missing)} column (found {found})",
            where=f"{path}:1",
            fix=_FIX_CSV,
        )
    wanted = {name: columns[name] for name in ("id", "text", *METADATA_FIELDS) if name in columns}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        where = f"{path}:{line}"
        if len(row) <= max(columns["id"], columns["text"]) or any(cell.strip() for cell in row[len(header) :]):
            raise InputError(f"row has {len(row)} fields, the header {len(header)}", where=where, fix=_FIX_CSV)
        record = {name: row[index] for name, index in wanted.items() if index < len(row)}
        yield _document(record, where, fix=_FIX_CSV)


def _csv_rows(reader: Any, path: Path) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on."""
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise InputError(f"malformed CSV: {err}", where=f"{path}:{line}", fix=_FIX_CSV) from None
        yield line, row
        line = reader.line_num + 1


def _read_stdin(stream: TextIO) -> Iterator[Document]:
    lines = _stdin_lines(stream)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip().removeprefix(_BOM).strip():
            break
    if head:
        head[0] = head[0].removeprefix(_BOM)
    if "".join(head).lstrip().startswith("{"):
        yield from _jsonl_documents(itertools.chain(head, lines), "stdin")
    else:
        yield Document(id="stdin", text="".join(itertools.chain(head, lines)), origin="stdin")


def _stdin_lines(stream: TextIO) -> Iterator[str]:
    for number in itertools.count(1):
        try:
            line = stream.readline()
        except UnicodeDecodeError:  # a strict decoder reads ahead: the line is not known
            raise _stdin_not_utf8("stdin", "") from None
        # Python's own stdin, in a C or POSIX locale, lets the bytes that are no UTF-8 through as surrogates
        bad = _SURROGATE.search(line)
        if bad is not None:
            code = ord(bad.group())
            what = f"byte 0x{code - 0xDC00:02X}" if 0xDC80 <= code <= 0xDCFF else f"lone surrogate \\u{code:04x}"
            raise _stdin_not_utf8(f"stdin:{number}", f" ({what} at column {bad.start() + 1})")
        if not line:
            return
        yield line


def _stdin_not_utf8(where: str, detail: str) -> InputError:
    return InputError(
        f"standard input is not UTF-8 text{detail}",
        where=where,
        fix="convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE | stancegraph ...",
    )


def _document(record: Mapping[str, Any], where: str, *, fix: str) -> Document:
    if "text" not in record:
        raise InputError("missing 'text'", where=where, fix=fix)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, not {describe_json(text)}", where=where, fix=fix)
    for name in ("id", "text", *METADATA_FIELDS):
        value = record.get(name)
        surrogate = _SURROGATE.search(value) if isinstance(value, str) else None
        if surrogate:  # a JSON escape such as \ud800 alone: no character, and no RDF store can hold it
            raise InputError(
                f"{name!r} holds a lone surrogate \\u{ord(surrogate.group()):04x}, which is no Unicode character",
                where=where,
                fix="escape characters outside the Basic Multilingual Plane as a pair (\\ud83d\\ude00), or write them as UTF-8",
            )
    metadata = {name: _metadata(record.get(name), name, where, fix) for name in METADATA_FIELDS}
    metadata["date"] = iso_date(metadata["date"])
    return Document(id=_document_id(record.get("id"), where, fix), text=text, origin=where, **metadata)


_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y")
_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ])")


def iso_date(value: str | None) -> str | None:
    """A document's date as ISO 8601 (``2014-03-15``, or ``2014-03`` and ``2014`` when that is all it says), so
    that dates sort, filter and reach Gephi's timeline the same way whatever the source wrote. A date in no
    known form is kept as written.

    >>> iso_date("15 March 2014"), iso_date("March 15, 2014"), iso_date("2014-03-15T10:00:00Z"), iso_date("2014")
    ('2014-03-15', '2014-03-15', '2014-03-15', '2014')
    >>> iso_date("the spring of 2014")
    'the spring of 2014'
    """
    if value is None:
        return None
    text = " ".join(value.split())
    iso = _ISO_PREFIX.match(text)
    if iso:
        return "-".join(part for part in iso.groups() if part)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return value


def _document_id(value: Any, where: str, fix: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("missing or empty 'id'", where=where, fix=fix)
    if not isinstance(value, str):
        raise InputError(f"'id' must be a string or a number, not {describe_json(value)}", where=where, fix=fix)
    return value


def _metadata(value: Any, name: str, where: str, fix: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (str, int, float, bool)):
        return str(value)
    raise InputError(f"{name!r} must be a string, not {describe_json(value)}", where=where, fix=fix)


def read_user_file(path: str | os.PathLike[str], kind: str, option: str) -> str:
    """The text of a file of the user's own given with ``option`` (``--actors``, ``--topics``, a codebook): a
    missing file, a folder or text that is not UTF-8 is one :class:`InputError` naming the ``kind`` of file."""
    where = str(path)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(f"no such {kind} file", where=where, fix=f"check the path given to {option}") from None
    except IsADirectoryError:
        raise InputError(f"a folder where a {kind} file was expected", where=where,
                         fix="give the path of a CSV file") from None
    except UnicodeDecodeError as err:
        raise InputError(
            f"the {kind} file is not UTF-8 text ({err.reason})",
            where=where,
            fix=f"convert it: iconv -f LATIN1 -t UTF-8 {where} > {kind.rstrip('s')}s-utf8.csv",
        ) from None
