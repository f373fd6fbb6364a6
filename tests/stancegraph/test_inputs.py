"""Reading documents from .txt, folders, .jsonl, .csv and stdin, and the errors bad input gets."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from stancegraph.errors import InputError
from stancegraph.inputs import read_documents
from stancegraph.model import Document


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def read_error(*args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        list(read_documents(*args, **kwargs))
    assert "\n" not in str(info.value)
    return info.value


# --- .txt ------------------------------------------------------------------------------------------------


def test_txt_file_is_one_document_named_after_its_stem(tmp_path):
    path = write(tmp_path / "rt-2012.02.17.txt", "NATO rejected it.\n")
    assert list(read_documents([path])) == [
        Document(id="rt-2012.02.17", text="NATO rejected it.\n", origin=str(path))
    ]


def test_txt_keeps_line_endings_as_the_file_has_them(tmp_path):
    text = "One.\r\nTwo.\rThree.\n"
    [document] = read_documents([write(tmp_path / "a.txt", text)])
    assert document.text == text


def test_txt_drops_a_byte_order_mark(tmp_path):
    [document] = read_documents([write(tmp_path / "a.txt", "\ufeffNATO rejected it.")])
    assert document.text == "NATO rejected it."


def test_empty_txt_is_a_document_with_empty_text(tmp_path):
    [document] = read_documents([write(tmp_path / "empty.txt", "")])
    assert (document.id, document.text) == ("empty", "")


def test_a_single_path_need_not_be_in_a_list(tmp_path):
    path = write(tmp_path / "a.txt", "x")
    assert [d.id for d in read_documents(str(path))] == ["a"]
    assert [d.id for d in read_documents(path)] == ["a"]


def test_non_utf8_txt_names_the_line_and_how_to_convert(tmp_path):
    path = write(tmp_path / "a.txt", "First line.\nMoscow\u2019s reply\n".encode("cp1252"))
    err = read_error([path])
    assert err.where == f"{path}:2"
    assert "not UTF-8" in str(err) and "0x92" in str(err)
    assert "iconv -f WINDOWS-1252 -t UTF-8" in err.fix


def test_utf16_file_is_named_as_such(tmp_path):
    path = write(tmp_path / "a.txt", "NATO rejected it.".encode("utf-16"))
    err = read_error([path])
    assert "UTF-16" in str(err) and err.where == str(path)
    assert "iconv -f UTF-16" in err.fix


def test_binary_file_named_directly_is_skipped_with_a_warning(tmp_path):
    path = write(tmp_path / "scan.txt", b"%PDF-1.4\x00\x01\x02")
    good = write(tmp_path / "b.txt", "NATO rejected it.")
    warnings: list[str] = []
    documents = list(read_documents([path, good], on_warning=warnings.append))
    assert [d.id for d in documents] == ["b"]
    assert warnings == [f"{path}: binary file skipped"]


def test_only_binary_files_named_is_an_error(tmp_path):
    paths = [write(tmp_path / "scan.txt", b"%PDF-1.4\x00\x01\x02"), write(tmp_path / "b.csv", b"\x00")]
    warnings: list[str] = []
    with pytest.raises(InputError) as info:
        list(read_documents(paths, on_warning=warnings.append))
    assert info.value.where == f"{paths[0]}, {paths[1]}" and "no readable documents" in str(info.value)
    assert warnings == [f"{path}: binary file skipped" for path in paths]


# --- paths and folders ------------------------------------------------------------------------------------


def test_missing_path_fails_before_any_document_is_read(tmp_path):
    good = write(tmp_path / "a.txt", "x")
    with pytest.raises(InputError) as info:
        read_documents([good, tmp_path / "nope.jsonl"])  # not even iterated
    assert info.value.where == str(tmp_path / "nope.jsonl")
    assert "no such file or folder" in str(info.value)


@pytest.mark.parametrize(("name", "hint"), [("a.pdf", "pdftotext"), ("a.json", ".jsonl"), ("README", ".txt")])
def test_unsupported_file_is_an_error_with_a_fix(tmp_path, name, hint):
    path = write(tmp_path / name, "x")
    with pytest.raises(InputError) as info:
        read_documents([path])
    assert info.value.where == str(path) and hint in info.value.fix


def test_path_that_is_neither_file_nor_folder_is_an_error():
    with pytest.raises(InputError) as info:
        read_documents(["/dev/null"])
    assert "neither a file nor a folder" in str(info.value)


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "sub" / "c.jsonl", jsonl({"id": "c1", "text": "c"}, {"id": "c2", "text": "c"}))
    write(tmp_path / "sub" / "deeper" / "d.csv", "id,text\nd1,d\n")
    write(tmp_path / "A.TXT", "upper-case suffix")
    write(tmp_path / "notes.md", "not a document")
    write(tmp_path / ".hidden.txt", "hidden")
    write(tmp_path / ".git" / "x.txt", "hidden folder")
    documents = list(read_documents([tmp_path]))
    assert [d.id for d in documents] == ["A", "a", "b", "c1", "c2", "d1"]
    assert documents[3].origin == str(tmp_path / "sub" / "c.jsonl") + ":1"


def test_binary_file_in_a_folder_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "a.txt", b"\x89PNG\x00\x00")
    write(tmp_path / "b.txt", "NATO rejected it.")
    warnings: list[str] = []
    documents = list(read_documents([tmp_path], on_warning=warnings.append))
    assert [d.id for d in documents] == ["b"]
    assert warnings == [f"{tmp_path / 'a.txt'}: binary file skipped"]


def test_folder_without_document_files_is_an_error(tmp_path):
    write(tmp_path / "report.pdf", b"%PDF")
    with pytest.raises(InputError) as info:
        read_documents([tmp_path])
    assert info.value.where == str(tmp_path) and "no .txt, .jsonl or .csv files" in str(info.value)


def test_folder_with_no_readable_documents_is_an_error(tmp_path):
    write(tmp_path / "a.txt", b"\x00\x01")
    write(tmp_path / "b.jsonl", "\n\n")
    err = read_error([tmp_path])
    assert err.where == str(tmp_path) and "no readable documents" in str(err)


def test_non_utf8_file_in_a_folder_is_an_error(tmp_path):
    write(tmp_path / "a.txt", "caf\xe9".encode("latin-1"))
    assert read_error([tmp_path]).where == f"{tmp_path / 'a.txt'}:1"


# --- .jsonl -----------------------------------------------------------------------------------------------


def test_jsonl_reads_every_field(tmp_path):
    path = write(
        tmp_path / "docs.jsonl",
        jsonl(
            {
                "id": "rt-1",
                "text": "NATO rejected it.",
                "date": "2012-02-17",
                "source": "RT",
                "title": "NATO chief",
                "url": "https://rt.com/1",
                "speaker": "Rasmussen",
                "extra": "ignored",
            }
        ),
    )
    assert list(read_documents([path])) == [
        Document(
            id="rt-1",
            text="NATO rejected it.",
            date="2012-02-17",
            source="RT",
            title="NATO chief",
            url="https://rt.com/1",
            speaker="Rasmussen",
            origin=f"{path}:1",
        )
    ]


def test_jsonl_skips_blank_lines_and_numbers_lines_as_in_the_file(tmp_path):
    path = write(tmp_path / "d.jsonl", '\n{"id": "a", "text": "x"}\n   \n{"id": "b", "text": "y"}\n')
    assert [d.origin for d in read_documents([path])] == [f"{path}:2", f"{path}:4"]


def test_jsonl_converts_scalars_and_treats_null_and_empty_as_missing(tmp_path):
    path = write(tmp_path / "d.jsonl", jsonl({"id": 17, "text": "", "date": 2012, "source": None, "title": ""}))
    [document] = read_documents([path])
    fields = (document.id, document.text, document.date, document.source, document.title)
    assert fields == ("17", "", "2012", None, None)


def test_jsonl_with_byte_order_mark_and_windows_line_endings(tmp_path):
    path = write(tmp_path / "d.jsonl", '\ufeff{"id": "a", "text": "x"}\r\n{"id": "b", "text": "y"}\r\n')
    assert [d.id for d in read_documents([path])] == ["a", "b"]


def test_jsonl_text_may_hold_unicode_line_separators(tmp_path):
    path = write(tmp_path / "d.jsonl", '{"id": "a", "text": "one\u2028two"}\n{"id": "b", "text": "y"}\n')
    assert [d.text for d in read_documents([path])] == ["one\u2028two", "y"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "b", "text": "unterminated}', "malformed JSON"),
        ('["b", "text"]', "expected a JSON object, found an array"),
        ('"just text"', "found a string"),
        ('{"id": "b"}', "missing 'text'"),
        ('{"id": "b", "text": 3}', "'text' must be a string, not a number"),
        ('{"id": "b", "text": null}', "'text' must be a string, not null"),
        ('{"text": "x"}', "missing or empty 'id'"),
        ('{"id": "", "text": "x"}', "missing or empty 'id'"),
        ('{"id": "  ", "text": "x"}', "missing or empty 'id'"),
        ('{"id": ["b"], "text": "x"}', "'id' must be a string or a number, not an array"),
        ('{"id": true, "text": "x"}', "'id' must be a string or a number, not a boolean"),
        ('{"id": "b", "text": "x", "date": {"y": 2012}}', "'date' must be a string, not an object"),
    ],
)
def test_bad_jsonl_line_is_named_after_earlier_documents_were_yielded(tmp_path, line, message):
    path = write(tmp_path / "d.jsonl", jsonl({"id": "a", "text": "x"}) + "\n" + line + "\n")
    documents = read_documents([path])
    assert next(documents).id == "a"  # lazy: the first document comes before the bad line is read
    with pytest.raises(InputError) as info:
        next(documents)
    assert info.value.where == f"{path}:3"
    assert message in str(info.value)
    assert str(info.value).startswith(f"[E100] {path}:3: ")
    assert "JSON object" in info.value.fix


def test_non_utf8_jsonl_line_is_named(tmp_path):
    path = write(tmp_path / "d.jsonl", jsonl({"id": "a", "text": "x"}).encode() + b'{"id": "b", "text": "caf\xe9"}\n')
    documents = read_documents([path])
    assert next(documents).id == "a"
    with pytest.raises(InputError) as info:
        next(documents)
    assert info.value.where == f"{path}:2" and "not UTF-8" in str(info.value)


def test_jsonl_streams_without_reading_the_whole_file(tmp_path):
    path = write(tmp_path / "d.jsonl", jsonl(*({"id": f"{i:06}", "text": "x"} for i in range(50_000))))
    documents = read_documents([path])
    assert next(documents).id == "000000"
    # spoil the last line in place: a reader that had read the file up front would never see it
    last_line = len(jsonl({"id": "000000", "text": "x"}))
    with path.open("r+b") as handle:
        handle.seek(-last_line, 2)
        handle.write(b"x" * (last_line - 1))
    with pytest.raises(InputError) as info:
        for _ in documents:
            pass
    assert info.value.where == f"{path}:50000"


def test_empty_jsonl_named_directly_warns(tmp_path):
    path = write(tmp_path / "d.jsonl", "")
    warnings: list[str] = []
    assert list(read_documents([path], on_warning=warnings.append)) == []
    assert warnings == [f"{path}: no documents"]


# --- .csv -------------------------------------------------------------------------------------------------


def test_csv_reads_columns_and_quoted_multiline_fields(tmp_path):
    path = write(
        tmp_path / "d.csv",
        'id,text,date,speaker,url\r\n'
        'a,"NATO rejected it,\r\nsaid Rasmussen.",2012-02-17,Rasmussen,\r\n'
        '\r\n'
        '7,"He said ""no"".",,,\r\n',
    )
    documents = list(read_documents([path]))
    assert [(d.id, d.text, d.date, d.speaker, d.url, d.origin) for d in documents] == [
        ("a", "NATO rejected it,\r\nsaid Rasmussen.", "2012-02-17", "Rasmussen", None, f"{path}:2"),
        ("7", 'He said "no".', None, None, None, f"{path}:5"),
    ]


def test_csv_header_tolerates_case_spaces_and_a_byte_order_mark(tmp_path):
    path = write(tmp_path / "d.csv", "\ufeffText , ID\nx,a\n")
    assert [(d.id, d.text) for d in read_documents([path])] == [("a", "x")]


def test_csv_field_longer_than_the_csv_default_limit(tmp_path):
    speech = "Mr. President, " * 20_000
    path = write(tmp_path / "d.csv", f'id,text\nun-1,"{speech}"\n')
    [document] = read_documents([path])
    assert document.text == speech


@pytest.mark.parametrize(("header", "missing"), [("id,body", "'text'"), ("name,text", "'id'"), ("x", "'id' or 'text'")])
def test_csv_without_id_or_text_column_names_the_header_line(tmp_path, header, missing):
    path = write(tmp_path / "d.csv", f"{header}\na,b\n")
    err = read_error([path])
    assert err.where == f"{path}:1"
    assert f"no {missing} column" in str(err)
    assert "at least id and text" in err.fix


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",text without id", "missing or empty 'id'"),
        ("b", "row has 1 fields, the header 2"),
        ("b,text, with an unquoted comma", "row has 3 fields, the header 2"),
    ],
)
def test_bad_csv_row_is_named_after_earlier_documents_were_yielded(tmp_path, row, message):
    path = write(tmp_path / "d.csv", f'id,text\na,"two\nlines"\n{row}\n')
    documents = read_documents([path])
    assert next(documents).id == "a"
    with pytest.raises(InputError) as info:
        next(documents)
    assert info.value.where == f"{path}:4" and message in str(info.value)


@pytest.mark.parametrize("content", ['id,text\na,x\nb,"never closed\n\n', 'id,text\na,x\nb,"no"t\n'])
def test_malformed_csv_names_the_line_the_bad_row_starts_on(tmp_path, content):
    path = write(tmp_path / "d.csv", content)
    err = read_error([path])
    assert err.where == f"{path}:3" and "malformed CSV" in str(err)


def test_non_utf8_csv_line_is_named(tmp_path):
    path = write(tmp_path / "d.csv", b"id,text\na,fine\nb,caf\xe9\n")
    assert read_error([path]).where == f"{path}:3"


# --- stdin ------------------------------------------------------------------------------------------------


def test_stdin_plain_text_is_one_document(tmp_path):
    [document] = read_documents(["-"], stdin=io.StringIO("\ufeff  NATO rejected it.\n\nMoscow objected.\n"))
    assert (document.id, document.origin) == ("stdin", "stdin")
    assert document.text == "  NATO rejected it.\n\nMoscow objected.\n"


def test_stdin_starting_with_a_brace_is_jsonl():
    stream = io.StringIO('\n  {"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n')
    assert [(d.id, d.origin) for d in read_documents(["-"], stdin=stream)] == [("a", "stdin:2"), ("b", "stdin:3")]


def test_stdin_jsonl_errors_name_the_line():
    stream = io.StringIO('{"id": "a", "text": "x"}\n{"id": "b"}\n')
    assert read_error(["-"], stdin=stream).where == "stdin:2"


def test_stdin_defaults_to_sys_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Moscow objected."))
    assert [d.text for d in read_documents(["-"])] == ["Moscow objected."]


def test_empty_stdin_is_an_empty_document():
    assert [(d.id, d.text) for d in read_documents(["-"], stdin=io.StringIO(""))] == [("stdin", "")]


@pytest.mark.parametrize(
    ("errors", "where", "detail"),
    [("strict", "stdin", ""), ("surrogateescape", "stdin:2", "byte 0x92 at column 7")],  # the latter: a C locale
)
def test_non_utf8_stdin_is_an_error(errors, where, detail):
    stream = io.TextIOWrapper(io.BytesIO(b"Moscow replied.\nMoscow\x92s reply"), encoding="utf-8", errors=errors)
    err = read_error(["-"], stdin=stream)
    assert err.where == where and "not UTF-8" in str(err) and detail in str(err)


# --- across inputs ----------------------------------------------------------------------------------------


def test_duplicate_id_across_inputs_names_both_places(tmp_path):
    first = write(tmp_path / "a.jsonl", jsonl({"id": "x0", "text": "."}, {"id": "x0", "text": "."}))
    err = read_error([first])
    assert str(err) == (
        f"[E100] {first}:2: duplicate document id 'x0' (first seen at {first}:1) "
        "(give every document its own id (.txt files need different names, even in other folders))"
    )
    second = write(tmp_path / "more" / "x.txt", "y")
    jsonl_file = write(tmp_path / "b.jsonl", jsonl({"id": "x", "text": "."}))
    documents = read_documents([jsonl_file, second])
    assert next(documents).id == "x"
    with pytest.raises(InputError) as info:
        next(documents)
    assert info.value.where == str(second)
    assert f"duplicate document id 'x' (first seen at {jsonl_file}:1)" in str(info.value)


def test_same_file_name_in_two_folders_is_a_duplicate(tmp_path):
    write(tmp_path / "2012" / "speech.txt", "a")
    write(tmp_path / "2013" / "speech.txt", "b")
    assert "duplicate document id 'speech'" in str(read_error([tmp_path]))


def test_inputs_of_all_kinds_in_one_call(tmp_path):
    txt = write(tmp_path / "t.txt", "t")
    jl = write(tmp_path / "j.jsonl", jsonl({"id": "j", "text": "j"}))
    table = write(tmp_path / "c.csv", "id,text\nc,c\n")
    documents = read_documents([txt, "-", jl, table], stdin=io.StringIO("s"))
    assert [(d.id, d.text) for d in documents] == [("t", "t"), ("stdin", "s"), ("j", "j"), ("c", "c")]


@pytest.mark.parametrize(
    "written, stored",
    [
        ("15 March 2014", "2014-03-15"),
        ("March 15, 2014", "2014-03-15"),
        ("15 Mar 2014", "2014-03-15"),
        ("2014-03-15T10:00:00Z", "2014-03-15"),
        ("2014-03", "2014-03"),
        ("2014", "2014"),
        ("15.03.2014", "2014-03-15"),
        ("in the spring of 2014", "in the spring of 2014"),
    ],
)
def test_dates_are_stored_as_iso_whatever_the_source_wrote(tmp_path, written, stored):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "d", "text": "x", "date": written}) + "\n", encoding="utf-8")
    [doc] = list(read_documents([path]))
    assert doc.date == stored
