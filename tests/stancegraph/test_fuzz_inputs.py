"""Property-based tests of the input readers and the text clean-up, on arbitrary Unicode and arbitrary bytes.

Readers: whatever a file holds, reading it raises nothing but an InputError of one line, and a file that is
valid gives back exactly the text written (a .txt file less a leading byte-order mark). Clean-up: whatever the
text, every character of the cleaned text maps back to a span inside the original, in order, and a character
the clean-up keeps maps to that same character.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support.fuzz import HOSTILE_PIECES, examples, hostile_text
from hypothesis import assume, given
from hypothesis import strategies as st
from support.cli import STANCEGRAPH, assert_one_line_error, run

from stancegraph.errors import InputError
from stancegraph.extract.cleanup import clean_text
from stancegraph.inputs import METADATA_FIELDS, iso_date, read_documents

SNIFF_BYTES = 8192  # the head of a file the readers look at for NUL bytes (binary files)


@contextmanager
def folder() -> Iterator[Path]:
    # a folder per example: pytest's tmp_path is one per test, shared by all of a property's examples
    with tempfile.TemporaryDirectory(prefix="stancegraph-fuzz-") as name:
        yield Path(name)


def read(paths, **kwargs):
    """The documents and warnings, or the InputError (checked to be one line)."""
    warnings: list[str] = []
    try:
        documents = list(read_documents(paths, on_warning=warnings.append, **kwargs))
    except InputError as err:
        assert "\n" not in str(err) and "\r" not in str(err), str(err)
        return err, warnings
    return documents, warnings


def binary_head(data: bytes) -> bool:
    return b"\x00" in data[:SNIFF_BYTES]


# --- .txt -------------------------------------------------------------------------------------------------


@examples(200)
@given(text=hostile_text(), bom=st.booleans())
def test_txt_gives_back_the_text_written(text, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    with folder() as tmp:
        path = tmp / "doc.txt"
        path.write_bytes(data)
        result, _ = read([path])
    if binary_head(data):
        assert isinstance(result, InputError) and "binary" in str(result)
        return
    assert not isinstance(result, InputError), result
    [document] = result
    assert document.id == "doc"
    assert document.text == (text if bom else text.removeprefix("\ufeff"))  # only the leading mark is dropped


def huge_file(folder: Path, suffix: str, text: str) -> Path:
    """``text`` as the one document of a .txt, .jsonl or .csv file."""
    path = folder / f"huge{suffix}"
    if suffix == ".txt":
        path.write_bytes(text.encode("utf-8"))
    elif suffix == ".jsonl":
        path.write_text(json.dumps({"id": "huge", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([("id", "text"), ("huge", text)])
    return path


@examples(2)
@given(line=hostile_text(10).filter(lambda t: t and "\x00" not in t), megabytes=st.sampled_from([5, 1, 3]))
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_one_huge_line(suffix, line, megabytes):
    text = (line * (megabytes * 1_000_000 // len(line) + 1))[: megabytes * 1_000_000]
    with folder() as tmp:
        [document], _ = read([huge_file(tmp, suffix, text)])
    assert document.text == (text.removeprefix("\ufeff") if suffix == ".txt" else text)


# --- .jsonl -----------------------------------------------------------------------------------------------

metadata = st.fixed_dictionaries({}, optional={name: hostile_text(8) for name in METADATA_FIELDS})


@examples(200)
@given(
    records=st.lists(st.tuples(hostile_text(6), hostile_text(), metadata), max_size=5),
    ensure_ascii=st.booleans(),
    line_end=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_jsonl_gives_back_every_field_written(records, ensure_ascii, line_end, bom):
    lines = [
        json.dumps({"id": f"d{i}{suffix}", "text": text, **meta}, ensure_ascii=ensure_ascii)
        for i, (suffix, text, meta) in enumerate(records)
    ]
    data = ("\ufeff" if bom else "") + "".join(line + line_end for line in lines)
    with folder() as tmp:
        path = tmp / "docs.jsonl"
        path.write_bytes(data.encode("utf-8"))
        result, warnings = read([path])
    if any(f"d{i}{suffix}" in {f"d{j}{other}" for j, (other, *_) in enumerate(records) if j < i}
           for i, (suffix, *_) in enumerate(records)):
        assert isinstance(result, InputError) and "duplicate document id" in str(result)
        return
    assert not isinstance(result, InputError), result
    assert [(d.id, d.text) for d in result] == [(f"d{i}{s}", text) for i, (s, text, _) in enumerate(records)]
    for document, (_, _, meta) in zip(result, records):
        for name in METADATA_FIELDS:
            value = meta.get(name) or None
            assert getattr(document, name) == (iso_date(value) if name == "date" else value)
    assert warnings == ([] if records else [f"{path}: no documents"])


# JSON can escape what no file can hold: lone surrogates (\ud800)
surrogates = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=2)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text(6) | surrogates,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text(4), inner, max_size=3),
    max_leaves=8,
)


@examples(200)
@given(
    record=st.fixed_dictionaries(
        {"id": json_values, "text": hostile_text(6) | surrogates | json_values},
        optional={name: hostile_text(6) | surrogates | json_values for name in (*METADATA_FIELDS, "x")},
    )
)
def test_jsonl_with_any_json_values_reads_or_names_the_line(record):
    with folder() as tmp:
        path = tmp / "any.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        result, _ = read([path])
    if isinstance(result, InputError):
        assert str(result).startswith(f"[E100] {path}:1: ")
        return
    [document] = result
    assert document.text == record["text"]
    assert document.id == str(record["id"]).strip() or document.id == str(record["id"])
    for value in (document.id, document.text, document.source, document.title, document.url, document.speaker):
        if value is not None:
            value.encode("utf-8")  # raises on a lone surrogate, which no store can hold


# --- .csv -------------------------------------------------------------------------------------------------


@examples(200)
@given(
    rows=st.lists(st.tuples(hostile_text(6), hostile_text(), hostile_text(6)), max_size=5),
    bom=st.booleans(),
    line_end=st.sampled_from(["\r\n", "\n"]),
    quote_all=st.booleans(),
)
def test_csv_gives_back_every_field_written(rows, bom, line_end, quote_all):
    out = io.StringIO()
    # with "\n" as line end, csv leaves a field's "\r" unquoted unless told to quote every field
    quoting = csv.QUOTE_ALL if quote_all or line_end == "\n" else csv.QUOTE_MINIMAL
    writer = csv.writer(out, lineterminator=line_end, quoting=quoting)
    writer.writerow(["id", "text", "source"])
    for i, (suffix, text, source) in enumerate(rows):
        writer.writerow([f"d{i}{suffix}", text, source])
    data = (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")
    with folder() as tmp:
        path = tmp / "docs.csv"
        path.write_bytes(data)
        result, _ = read([path])
    if b"\x00" in data:
        # refused as a binary file when the NUL is in the head the reader looks at; read as text after it
        assert isinstance(result, InputError) or not binary_head(data)
        assume(not isinstance(result, InputError))
    assert not isinstance(result, InputError), result
    ids = [f"d{i}{suffix}" for i, (suffix, *_) in enumerate(rows)]
    assume(len(set(ids)) == len(ids))
    assert [(d.id, d.text, d.source) for d in result] == [
        (ident, text, source or None) for ident, (_, text, source) in zip(ids, rows)
    ]


# --- arbitrary bytes --------------------------------------------------------------------------------------

# bytes that look like the start of a document file, so that the readers get past their first checks
PREFIXES = [b"", b'{"id": "a", "text": "', b"id,text\r\na,", b"\xef\xbb\xbf", b'{"id": 1, "text": "x"}\n']
some_bytes = st.builds(
    lambda prefix, body, pieces: prefix + body + b"".join(pieces),
    st.sampled_from(PREFIXES),
    st.binary(max_size=300),
    st.lists(st.sampled_from(HOSTILE_PIECES).map(lambda p: p.encode("utf-8")), max_size=10),
)


@examples(300)
@given(data=some_bytes, suffix=st.sampled_from([".txt", ".jsonl", ".csv"]), in_folder=st.booleans())
def test_any_bytes_give_documents_a_warning_or_one_input_error(data, suffix, in_folder):
    with folder() as tmp:
        path = tmp / f"bytes{suffix}"
        path.write_bytes(data)
        result, warnings = read([tmp if in_folder else path])
    if binary_head(data) and in_folder:
        assert warnings == [f"{path}: binary file skipped"]
    if isinstance(result, InputError):
        return
    for document in result:
        assert isinstance(document.text, str) and isinstance(document.id, str) and document.id
        document.text.encode("utf-8")  # never a lone surrogate: every store can hold it


@examples(200)
@given(data=some_bytes)
def test_any_bytes_on_standard_input_give_documents_or_one_input_error(data):
    # how Python decodes standard input in a C.UTF-8 locale: bad bytes become lone surrogates
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape", newline=None)
    result, _ = read(["-"], stdin=stream)
    if isinstance(result, InputError):
        return
    for document in result:
        document.text.encode("utf-8")
        document.id.encode("utf-8")


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": ' + "1" * 5000 + ', "text": "x"}', "malformed JSON: a number of more than"),
        ('{"id": "a", "text": "x", "source": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"id": "a\\ud800", "text": "x"}', "'id' holds a lone surrogate \\ud800"),
        ('{"id": "a", "text": "x\\udc00y"}', "'text' holds a lone surrogate \\udc00"),
        ('{"id": "a", "text": "x", "title": "\\udbff"}', "'title' holds a lone surrogate"),
    ],
)
def test_jsonl_lines_json_accepts_but_no_document_can_hold(tmp_path, line, message):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "ok", "text": "fine"}\n' + line + "\n", encoding="utf-8")
    result, _ = read([path])
    assert isinstance(result, InputError)
    assert str(result).startswith(f"[E100] {path}:2: ") and message in str(result)


def test_the_command_line_refuses_them_in_one_line_and_keeps_what_was_stored(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "ok", "text": "NATO rejected it."}\n{"id": "a", "text": "x\\udc00"}\n', encoding="utf-8")
    store = str(tmp_path / "store")
    assert_one_line_error(run("extract", str(path), "--store", store, "--quiet"), "[E100]", "odd.jsonl:2", "surrogate")
    stored = run("query", "SELECT ?id WHERE { ?d sg:docId ?id }", "--store", store, "--format", "json").stdout
    assert json.loads(stored) == [{"id": "ok"}]


def test_bad_bytes_on_standard_input_are_one_line(tmp_path):
    out = subprocess.run([STANCEGRAPH, "extract", "-", "--store", str(tmp_path / "store"), "--quiet"],
                         input=b"NATO rejected the \xff shield.", capture_output=True, timeout=300)
    out = subprocess.CompletedProcess(out.args, out.returncode, out.stdout.decode(), out.stderr.decode())
    assert out.returncode == 1
    assert_one_line_error(out, "[E100] stdin:1: standard input is not UTF-8 text (byte 0xFF at column 19)")


def test_a_surrogate_pair_escape_is_one_character(tmp_path):
    path = tmp_path / "pair.jsonl"
    path.write_text('{"id": "a", "text": "\\ud83d\\ude00"}\n', encoding="utf-8")
    [document], _ = read([path])
    assert document.text == "\U0001f600"


# --- clean-up ---------------------------------------------------------------------------------------------

# What a character of the cleaned text may stand for when it is not the same character.
QUOTES = {"'": "'\u2018\u2019\u201a\u201b\u2032", '"': '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb'}
LINE_END_CHARACTERS = set("\r\n\x85\u2028\u2029\f")


def spacing(char: str) -> bool:
    """A character the clean-up turns into a space or drops: white space, controls, format characters."""
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def check_map(original: str) -> None:
    cleaned = clean_text(original)
    text, n = cleaned.text, len(cleaned.text)
    assert cleaned.original == original
    previous = (0, 0)
    for i, char in enumerate(text):
        a, b = cleaned.original_span(i, i + 1)
        assert 0 <= a <= b <= len(original)
        assert a >= previous[0] and b >= previous[1]  # in order: no character maps before the one before it
        previous = (a, b)
        source = original[a:b]
        if char in QUOTES:
            assert len(source) == 1 and source in QUOTES[char], (i, char, source)
        elif char == " ":
            assert all(spacing(c) for c in source), (i, source)  # empty for a space put after a glued quote
        elif char == "\n":
            assert source == "\n" or LINE_END_CHARACTERS & set(source), (i, source)
        else:
            assert source == char, (i, char, source)  # every other character is kept as it was
    for i in range(n + 1):  # the empty span at each position lies between its neighbours
        a, b = cleaned.original_span(i, i)
        assert a == b and (i == 0 or a >= cleaned.original_span(i - 1, i)[0])
        assert i == n or a <= cleaned.original_span(i, i + 1)[0]
    whole = cleaned.original_span(0, n)
    assert 0 <= whole[0] <= whole[1] <= len(original)


@examples(500)
@given(original=hostile_text(60))
def test_clean_up_maps_every_character_back_to_where_it_came_from(original):
    check_map(original)


@examples(200)
@given(original=st.text(st.characters(codec="utf-8"), max_size=200))
def test_clean_up_of_any_unicode_text(original):
    check_map(original)


@examples(2)
@given(line=hostile_text(10).filter(bool), megabytes=st.sampled_from([2, 1]))
def test_clean_up_of_a_huge_line(line, megabytes):
    original = (line * (megabytes * 1_000_000 // len(line) + 1))[: megabytes * 1_000_000]
    cleaned = clean_text(original)
    for i in range(0, len(cleaned.text), max(1, len(cleaned.text) // 1000)):
        a, b = cleaned.original_span(i, i + 1)
        assert 0 <= a <= b <= len(original)
    assert cleaned.original_span(0, len(cleaned.text))[1] <= len(original)
