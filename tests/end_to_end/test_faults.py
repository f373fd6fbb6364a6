"""Faults: a run killed while it writes, a full disk, two processes on one store, and output files that are
replaced whole or not at all. Every document a store holds afterwards is whole, and every one reported
stored is there."""

from __future__ import annotations

import json
import os
import random
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest
from stancegraph.graph.store import open_store
from support.corpora import corpus

STANCEGRAPH = str(Path(sys.executable).with_name("stancegraph"))
STORED = "stancegraph: test: stored"
DOC_GRAPH = "https://w3id.org/stancegraph/graph/doc/"


def graphs(store) -> dict[str, frozenset]:
    """Each document's quads, by document id (the vocabulary graph left out)."""
    by_doc: dict[str, set] = defaultdict(set)
    with open_store(store, create=False) as opened:
        for s, p, o, g in opened.quads():
            if str(g).startswith(DOC_GRAPH):
                by_doc[str(g)[len(DOC_GRAPH):]].add((s, p, o))
    return {doc: frozenset(quads) for doc, quads in by_doc.items()}


def reference_graphs(source: Path) -> dict[str, frozenset]:
    """The graphs one uninterrupted run stores for ``source`` (a folder store, as the CLI writes)."""
    from stancegraph.api import extract

    store = source.with_name(source.stem + "-reference")
    extract([source], store)
    return graphs(store)


def assert_one_line_error(run: subprocess.CompletedProcess | tuple[int, str], *words: str) -> str:
    """Exit 1 and one error line, the last on stderr, naming all of ``words``; returns that line. (A line
    the command printed before the failure, such as an analysis note, may come first.)"""
    code, err = run if isinstance(run, tuple) else (run.returncode, run.stderr)
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert code == 1 and lines and lines[-1].startswith("stancegraph: error: ["), err
    assert sum("error" in line for line in lines) == 1, err
    for word in words:
        assert word in lines[-1], lines[-1]
    return lines[-1]


def assert_whole(stored: dict[str, frozenset], reference: dict[str, frozenset]) -> None:
    """Every stored document has exactly the quads an uninterrupted run gives it."""
    for doc, quads in stored.items():
        assert quads == reference[doc], f"document {doc} is not whole"


class StderrLines:
    """Reads a process's stderr in a thread, so that a test can count its "stored" lines while it waits."""

    def __init__(self, process: subprocess.Popen):
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process.stderr,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line)

    def stored(self) -> int:
        return sum(STORED in line for line in list(self.lines))

    def wait_for_stored(self, n: int, process: subprocess.Popen, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while self.stored() < n:
            assert process.poll() is None, f"the run ended first (exit {process.returncode}): {''.join(self.lines)}"
            assert time.monotonic() < deadline, "no documents stored in time"
            time.sleep(0.01)

    def finish(self) -> str:
        self._thread.join(timeout=30)
        return "".join(self.lines)


def start_extract(source: Path, store: Path, pause: str = "0") -> tuple[subprocess.Popen, StderrLines]:
    env = dict(os.environ, STANCEGRAPH_TEST_PAUSE=pause)
    process = subprocess.Popen(
        [STANCEGRAPH, "extract", str(source), "--store", str(store)], env=env, stderr=subprocess.PIPE, text=True
    )
    return process, StderrLines(process)


# --- SIGKILL ------------------------------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.slow
def test_sigkill_at_many_moments_keeps_every_reported_document_whole_and_a_rerun_completes(tmp_path):
    source = corpus(tmp_path / "docs.jsonl", 200)
    reference = reference_graphs(source)
    order = [f"doc{i:03d}" for i in range(200)]
    store = tmp_path / "store"
    rng = random.Random(20261128)
    # after a number of documents reported stored, or a random short time after the first one of the run
    moments = [("after", 1), ("delay", rng.uniform(0, 0.15)), ("after", 4), ("delay", rng.uniform(0, 0.15)),
               ("after", 9), ("delay", rng.uniform(0, 0.15))]
    reported_total = 0
    for kind, when in moments:
        # 10 ms after each stored document: however fast the machine, the six kills leave part of the corpus
        # (at most ~16 documents, one parsed batch, plus 15 a delay round) for the rerun
        process, err = start_extract(source, store, pause="0.01")
        if kind == "after":
            err.wait_for_stored(when, process)
        else:
            err.wait_for_stored(1, process)
            time.sleep(when)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
        reported_total += err.finish().count(STORED)
        stored = graphs(store)  # the store opens
        assert_whole(stored, reference)
        # one process writes in input order, skipping what is stored: the store holds a prefix of the corpus,
        # every reported document and at most the one whose line the kill cut off
        assert sorted(stored) == order[: len(stored)]
        assert reported_total <= len(stored) <= reported_total + 1, (kind, when)
        reported_total = len(stored)
    assert 0 < reported_total < len(order)

    again = subprocess.run(
        [STANCEGRAPH, "extract", str(source), "--store", str(store)], capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert again.stderr.startswith(f"{len(order) - reported_total} documents, ")
    assert f"{reported_total} unchanged (skipped" in again.stderr
    assert graphs(store) == reference  # each document once, each whole


_COMMIT_SCRIPT = """
import sys, time
from stancegraph.graph.store import open_store
from stancegraph.graph.readwrite.writer import write_document
from stancegraph.model import Actor, Document, Evidence, Stance, StanceTriple, Topic

def document(doc_id, n):
    text = "Moscow opposes the shield. " * n
    triples = [StanceTriple(Actor(f"A{i % 150}", f"Actor {i % 150}", "state", "Moscow"), Stance.OPPOSE,
                            Topic(f"topic {i}", f"the topic {i}"), Evidence(doc_id, text[27 * i:27 * i + 26],
                            27 * i, 27 * i + 26)) for i in range(n)]
    return Document(doc_id, text), triples

def write(store, doc_id, n):
    write_document(store, *document(doc_id, n), extractor="x", pipeline="p")

from stancegraph.graph.readwrite import writer

build = writer.document_update
built = []

def announced(doc, triples, **settings):  # notes when the update's text is built: the update itself runs next
    update = build(doc, triples, **settings)
    built.append(time.perf_counter())
    if doc.id == "big" and str(store.location) == sys.argv[1]:
        print("committing", flush=True)
    return update

writer.document_update = announced
big = int(sys.argv[2])
with open_store(sys.argv[1] + "-timing") as store:  # how long the big commit takes on this machine
    write(store, "big", big)
    print("timing", time.perf_counter() - built[-1], flush=True)
with open_store(sys.argv[1]) as store:
    for i in range(3):
        write(store, f"small{i}", 20)
    write(store, "big", big)
    print("committed", flush=True)
    time.sleep(60)  # killed before this ends
"""


@pytest.mark.slow
@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8])
def test_sigkill_inside_the_commit_of_a_document_leaves_it_absent_or_whole(tmp_path, fraction):
    script = tmp_path / "commit.py"
    script.write_text(_COMMIT_SCRIPT, encoding="utf-8")
    store = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, str(script), str(store), "1500"], stdout=subprocess.PIPE, text=True, cwd=tmp_path
    )
    timing = process.stdout.readline()
    assert timing.startswith("timing"), timing
    seconds = float(timing.split()[1])
    assert process.stdout.readline() == "committing\n"  # the three small documents are committed before
    time.sleep(seconds * fraction)
    process.send_signal(signal.SIGKILL)
    rest = process.stdout.read()
    assert process.wait(timeout=60) == -signal.SIGKILL
    reference = graphs(tmp_path / "store-timing")
    stored = graphs(store)
    assert {"small0", "small1", "small2"} <= set(stored) <= {"small0", "small1", "small2", "big"}
    if "big" in stored:
        assert stored["big"] == reference["big"]
    elif "committed" in rest:
        pytest.fail("the commit was reported done but the document is not there")
    assert seconds > 0.3, f"the commit took {seconds:.2f} s: too short to be interrupted on purpose"


# --- full disk ----------------------------------------------------------------------------------------------

_MOUNT_WAYS = (["unshare", "-m"], ["unshare", "-r", "-m"])


def _mount_prefix() -> list[str] | None:
    """The command that runs a shell in a mount namespace of its own where a tmpfs can be mounted: as root,
    or in a user namespace without privileges; None when neither works."""
    if shutil.which("unshare") is None:
        return None
    for way in _MOUNT_WAYS:
        probe = subprocess.run(
            [*way, "sh", "-c", 'd=$(mktemp -d) && mount -t tmpfs -o size=1M tmpfs "$d" && umount "$d"; e=$?; '
             'rmdir "$d"; exit $e'],
            capture_output=True,
        )
        if probe.returncode == 0:
            return way
    return None


@pytest.fixture(scope="module")
def small_disk():
    """Runs a shell script with ``$DISK`` a fresh tmpfs of the given size: the mount lives only as long as the
    script, in a mount namespace of its own."""
    prefix = _mount_prefix()
    if prefix is None:
        pytest.skip("cannot mount a small tmpfs: not root, and no user namespaces (unshare -rm) on this machine")

    def run(script: str, size: str, folder: Path, **env: str) -> None:
        disk = folder / "disk"
        disk.mkdir()
        full = f'set -u\nmount -t tmpfs -o size={size} tmpfs "$DISK" || exit 97\n' + textwrap.dedent(script)
        environment = dict(os.environ, DISK=str(disk), SG=STANCEGRAPH, **env)
        done = subprocess.run([*prefix, "sh", "-c", full], env=environment, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr

    return run


# The CLI commands of a step in a scenario: their exit code and stderr go to $OUT/NAME.rc and $OUT/NAME.err.
_STEP = """
step() { name=$1; shift; "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.rc"; }
fill() { cat /dev/zero >"$DISK/filler" 2>/dev/null; true; }
"""


def step(out: Path, name: str) -> tuple[int, str]:
    return int((out / f"{name}.rc").read_text()), (out / f"{name}.err").read_text()


@pytest.mark.model
@pytest.mark.slow
def test_a_full_disk_stops_extraction_in_one_line_and_loses_nothing_stored(tmp_path, small_disk):
    first = corpus(tmp_path / "first.jsonl", 12)
    big = renamed_corpus(tmp_path / "big.jsonl", 400, "big-", repeat=6)  # many stances: the disk fills fast
    out = tmp_path / "out"
    out.mkdir()
    small_disk(
        _STEP + """
        step first "$SG" extract "$FIRST" --store "$DISK/store"
        avail=$(df -k --output=avail "$DISK" | tail -n 1)
        head -c $(( (avail - 1536) * 1024 )) /dev/zero >"$DISK/filler"   # leave 1.5 MB
        step big "$SG" extract "$BIG" --store "$DISK/store"
        step full_query "$SG" query --store "$DISK/store" "ASK {}"
        cp -a "$DISK/store" "$OUT/copied"
        rm "$DISK/filler"
        step freed_query "$SG" query --store "$DISK/store" --format csv "SELECT (COUNT(*) AS ?n) WHERE { ?d a sg:Document }"
        step rerun "$SG" extract "$FIRST" --store "$DISK/store"
        cp -a "$DISK/store" "$OUT/freed"
        """,
        "8M",
        tmp_path,
        FIRST=str(first),
        BIG=str(big),
        OUT=str(out),
    )
    assert step(out, "first")[0] == 0, step(out, "first")
    assert_one_line_error(step(out, "big"), "[E300]", "cannot be written: the disk is full", "free space")
    # RocksDB needs room to open a store whose last write failed: a clear error until there is some
    assert_one_line_error(step(out, "full_query"), "[E300]", "cannot be opened: the disk is full", "copy the folder")

    first_reference = reference_graphs(first)
    copied = graphs(out / "copied")  # a copy on a disk with room opens
    assert set(first_reference) <= set(copied)
    assert_whole({doc: copied[doc] for doc in first_reference}, first_reference)
    from_big = sorted(set(copied) - set(first_reference))
    assert 0 < len(from_big) < 400  # the second run stored some documents before the disk filled
    assert_whole({doc: copied[doc] for doc in from_big}, reference_of(big, set(from_big), tmp_path))

    # with room again, the store opens where it is and a rerun skips what it holds
    assert step(out, "freed_query")[0] == 0
    assert step(out, "freed_query")[1] == "" and int(
        (out / "freed_query.out").read_text().split()[1]) == len(copied)
    code, err = step(out, "rerun")
    assert code == 0 and "12 unchanged (skipped" in err, err
    assert graphs(out / "freed") == copied


# Each command that writes a file, with the file (or folder) it writes under $DISK.
OUTPUT_COMMANDS = {
    "export-csv": (["export", "--format", "csv", "-o", "{d}/stances.csv"], ["stances.csv"]),
    "export-trig": (["export", "--format", "trig", "-o", "{d}/graph.trig"], ["graph.trig"]),
    "view": (["view", "-o", "{d}/view.html"], ["view.html"]),
    "network": (["network", "--network", "conflict", "-o", "{d}/conflict.graphml"], ["conflict.graphml"]),
    "figure": (["figure", "-o", "{d}/figure.png"], ["figure.png"]),
    "analyze": (["analyze", "contested", "--format", "csv", "-o", "{d}/contested.csv"], ["contested.csv"]),
    "build": (
        ["build", "{source}", "-o", "{d}/out", "--quiet"],
        ["out/stances.csv", "out/stances.jsonl", "out/graph.trig", "out/view.html"],
    ),
}


def earlier_versions(folder: Path) -> dict[str, bytes]:
    """An earlier version of every output file, written in ``folder``: what a failed write must leave."""
    versions = {}
    for _, files in OUTPUT_COMMANDS.values():
        for name in files:
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            versions[name] = f"earlier version of {name}\n".encode()
            path.write_bytes(versions[name])
    return versions


def command_line(name: str, folder: Path, store: Path, source: Path) -> list[str]:
    args, _ = OUTPUT_COMMANDS[name]
    line = [arg.format(d=folder, source=source) for arg in args]
    return [*line, "--store", str(store)]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """A store of a few documents, and the corpus it was extracted from."""
    from stancegraph.api import extract

    folder = tmp_path_factory.mktemp("small-store")
    source = corpus(folder / "docs.jsonl", 6)
    extract([source], folder / "store")
    return folder / "store", source


@pytest.mark.model
@pytest.mark.slow
def test_output_files_on_a_full_disk_keep_their_earlier_version(tmp_path, small_disk, small_store):
    store, source = small_store
    out, disk = tmp_path / "out", tmp_path / "disk"  # the tmpfs is mounted on disk/ inside the script
    out.mkdir()
    expected = earlier_versions(tmp_path / "expected")
    commands = "\n".join(
        f"step {name} {shlex.join([STANCEGRAPH, *command_line(name, disk, store, source)])}"
        for name in OUTPUT_COMMANDS
    )
    small_disk(
        _STEP + 'cp -a "$EXPECTED/." "$DISK/"\nfill\n' + commands + '\nrm "$DISK/filler"\ncp -a "$DISK" "$OUT/disk"\n',
        "2M",
        tmp_path,
        OUT=str(out),
        EXPECTED=str(tmp_path / "expected"),
    )
    for name, (_, files) in OUTPUT_COMMANDS.items():
        assert_one_line_error(step(out, name), "[E500]", "the disk is full", "left unchanged")
        for file in files:
            assert (out / "disk" / file).read_bytes() == expected[file], (name, file)
    assert listing(out / "disk") == listing(tmp_path / "expected")  # no temporary file left behind


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def reference_of(source: Path, ids: set[str], folder: Path) -> dict[str, frozenset]:
    """The reference graphs of the documents ``ids`` of the JSONL file ``source``."""
    subset = folder / f"{source.stem}-subset.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()
    subset.write_text("".join(line + "\n" for line in lines if json.loads(line)["id"] in ids), encoding="utf-8")
    return reference_graphs(subset)


def renamed_corpus(path: Path, n: int, prefix: str, repeat: int = 1) -> Path:
    """``corpus`` with ids that start with ``prefix``, each text ``repeat`` times over."""
    lines = corpus(path, n).read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as f:
        for line in lines:
            doc = json.loads(line)
            f.write(json.dumps({**doc, "id": prefix + doc["id"], "text": " ".join([doc["text"]] * repeat)}) + "\n")
    return path


@pytest.mark.model
@pytest.mark.slow
def test_a_file_size_limit_stops_extraction_in_one_line_and_keeps_the_store(tmp_path):
    """The full disk without a mount: RLIMIT_FSIZE makes RocksDB's log writes fail as a full disk does."""
    first = corpus(tmp_path / "first.jsonl", 8)
    big = renamed_corpus(tmp_path / "big.jsonl", 3000, "big-")
    store = tmp_path / "store"
    limit = 1_000_000
    ok = subprocess.run([STANCEGRAPH, "extract", str(first), "--store", str(store)], capture_output=True,
                        text=True, preexec_fn=_file_size_limit(limit))
    assert ok.returncode == 0, ok.stderr
    failed = subprocess.run([STANCEGRAPH, "extract", str(big), "--store", str(store)], capture_output=True,
                            text=True, preexec_fn=_file_size_limit(limit))
    assert_one_line_error(failed, "[E300]", "the file size limit is reached", "ulimit -f")
    reference = reference_graphs(first)
    stored = graphs(store)
    assert_whole({doc: stored[doc] for doc in reference}, reference)
    from_big = set(stored) - set(reference)
    assert 0 < len(from_big) < 3000
    assert_whole({doc: stored[doc] for doc in from_big}, reference_of(big, from_big, tmp_path))


# --- two processes on one store -----------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.slow
def test_two_writers_started_together_one_stores_and_the_other_gets_a_clear_error(tmp_path):
    sources = [renamed_corpus(tmp_path / "a.jsonl", 12, "a-"), renamed_corpus(tmp_path / "b.jsonl", 12, "b-")]
    store = tmp_path / "store"
    # each holds the store for 12 x 0.5 s once it has it: longer than the two take to load their pipelines
    runs = [start_extract(source, store, pause="0.5") for source in sources]
    results = []
    for process, err in runs:
        code = process.wait(timeout=300)
        results.append((code, err.finish()))
    winners = [i for i, (code, _) in enumerate(results) if code == 0]
    assert len(winners) == 1, results
    loser = results[1 - winners[0]]
    assert_one_line_error(loser, "[E300]", f"store {store} is in use by another process", "wait for the other")
    stored = graphs(store)
    winner_reference = reference_graphs(sources[winners[0]])
    assert stored == winner_reference  # exactly the first writer's documents, each whole


_READER = """
import sys
from stancegraph.graph.store import open_store
with open_store(sys.argv[1], create=False) as store:
    print(len(store), flush=True)
    sys.stdin.read()  # holds the store open, as a long query does, until the test closes stdin
"""


@pytest.mark.model
@pytest.mark.slow
def test_a_query_during_extraction_and_an_extraction_during_a_read_get_a_clear_error(tmp_path):
    source = corpus(tmp_path / "docs.jsonl", 12)
    store = tmp_path / "store"
    writer, err = start_extract(source, store, pause="0.5")
    err.wait_for_stored(2, writer)
    reader = subprocess.run(
        [STANCEGRAPH, "query", "--store", str(store), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
        capture_output=True, text=True, timeout=120,
    )
    assert_one_line_error(reader, "[E300]", "is in use by another process")
    assert writer.wait(timeout=300) == 0, err.finish()
    err.finish()
    reference = reference_graphs(source)
    assert graphs(store) == reference

    holder = subprocess.Popen([sys.executable, "-c", _READER, str(store)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    quads = int(holder.stdout.readline())
    second = renamed_corpus(tmp_path / "second.jsonl", 3, "new-")
    blocked = subprocess.run([STANCEGRAPH, "extract", str(second), "--store", str(store)],
                             capture_output=True, text=True, timeout=300)
    holder.stdin.close()
    assert holder.wait(timeout=60) == 0
    assert_one_line_error(blocked, "[E300]", "is in use by another process")
    assert graphs(store) == reference
    with open_store(store, create=False) as opened:
        assert len(opened) == quads


# --- output files are replaced atomically --------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("name", sorted(OUTPUT_COMMANDS))
def test_a_write_that_fails_midway_leaves_the_earlier_file_and_no_temporary(tmp_path, small_store, name,
                                                                           monkeypatch, capsys):
    """The failure comes after the new content is written to the temporary file, at the flush to disk."""
    from stancegraph.cli import main

    store, source = small_store
    expected = earlier_versions(tmp_path / "expected")
    earlier_versions(tmp_path / "disk")
    written = []
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        written.append(os.fstat(fd).st_size)
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    code = main(command_line(name, tmp_path / "disk", store, source))
    assert_one_line_error((code, capsys.readouterr().err), "[E500]", "the disk is full", "left unchanged")
    assert written and written[0] > 0  # it failed with the new content written, not before
    for file in OUTPUT_COMMANDS[name][1]:
        assert (tmp_path / "disk" / file).read_bytes() == expected[file]
    assert listing(tmp_path / "disk") == listing(tmp_path / "expected")


_HOLDER = """
import sys
from stancegraph.graph.store import open_store
with open_store(sys.argv[1]) as store:
    print("open", flush=True)
    sys.stdin.read()
"""


def test_a_store_another_process_is_creating_is_in_use_not_a_foreign_folder(tmp_path):
    """RocksDB takes the LOCK file of a new store a moment before it writes CURRENT and IDENTITY: a second
    process that looks in between must say that the store is in use, not that the folder is no store."""
    from stancegraph.errors import StoreError

    store = tmp_path / "store"
    creator = subprocess.Popen([sys.executable, "-c", _HOLDER, str(store)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert creator.stdout.readline() == "open\n"
        markers = [store / "CURRENT", store / "IDENTITY"]
        for marker in markers:  # the folder as it is while the store is being created
            marker.rename(marker.with_name(marker.name + ".aside"))
        threading.Timer(0.2, lambda: [m.with_name(m.name + ".aside").rename(m) for m in markers]).start()
        with pytest.raises(StoreError, match="is in use by another process"):
            open_store(store)
    finally:
        creator.stdin.close()
        creator.wait(timeout=60)
    with open_store(store, create=False) as opened:  # and it is a whole store
        assert len(opened) > 0


def test_a_folder_with_a_stray_lock_file_is_still_no_store(tmp_path):
    from stancegraph.errors import StoreError

    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "LOCK").write_text("not rocksdb")
    with pytest.raises(StoreError, match="is a folder that is not a stancegraph store"):
        open_store(tmp_path / "mine")
    assert os.listdir(tmp_path / "mine") == ["LOCK"]


@pytest.mark.parametrize("command", [["remove", "d1"], ["query", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", "--allow-update"]])
def test_a_disk_that_fills_under_any_command_is_one_line(tmp_path, monkeypatch, capsys, command):
    """Commands without a message of their own for it (a remove, an update) still say the disk is full."""
    import errno

    import rdflib
    from stancegraph.graph.rdf.iris import document_graph

    from stancegraph.cli import main

    with open_store(tmp_path / "store") as store:
        graph = document_graph("d1")
        store.replace_graph(graph, [(graph, rdflib.RDFS.label, rdflib.Literal("d1"))])

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(rdflib.Dataset, "remove_graph", full)
    monkeypatch.setattr(rdflib.Dataset, "update", full)
    code = main([*command, "--store", str(tmp_path / "store")])
    assert_one_line_error((code, capsys.readouterr().err), "[E300]", "the disk is full", "run the command again")


def test_a_store_whose_log_is_written_before_its_lock_is_in_use_not_a_foreign_folder(tmp_path):
    """RocksDB writes its LOG even before it takes the LOCK: a second process that sees only the log of a store
    being created waits for the store, and one that sees a log that never becomes a store says it is none."""
    from stancegraph.graph.store.embedded import _being_created

    creating = tmp_path / "creating"
    creating.mkdir()
    (creating / "LOG").write_text("")
    threading.Timer(0.2, lambda: [(creating / m).write_text("") for m in ("LOCK", "CURRENT", "IDENTITY")]).start()
    assert _being_created(creating, ["LOG"])
    stray = tmp_path / "stray"
    stray.mkdir()
    (stray / "LOG").write_text("")
    assert not _being_created(stray, ["LOG"])
    assert not _being_created(stray, ["LOG", "notes.txt"])
