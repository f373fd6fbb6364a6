"""The ``stancegraph`` command: thin adapters over ``stancegraph.api``.

Data goes to stdout, messages to stderr. Errors are one line and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .choices import (
    ACTOR_TYPES,
    ANALYSES,
    ANALYSIS_ALIASES,
    CENTRALITIES,
    DEFAULT_MODEL,
    DEFAULT_STORE,
    DUPLICATES,
    ENGINES,
    MEMORY,
    NETWORK_FORMATS,
    NETWORK_KINDS,
    NETWORKS,
    NORMALIZATIONS,
    OUTPUT_FORMATS,
    PERIODS,
    RDF_FORMATS,
    STANCES,
    TABLE_FORMATS,
    is_remote,
)
from .errors import InputError, StancegraphError, StoreError, UsageError, no_room

STORE_HELP = "the graph store: a folder, :memory:, or a SPARQL endpoint URL (http://host:port/)"

_store_option = click.option(
    "--store", default=DEFAULT_STORE, show_default=True, help=STORE_HELP, metavar="PATH"
)
_model_option = click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    metavar="NAME",
    help="any installed spaCy pipeline (package name or path)",
)
_actors_option = click.option(
    "--actors",
    "actors_file",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="extra actors: a CSV with columns id,label,type,aliases (aliases separated by |)",
)
_force_option = click.option(
    "--force", is_flag=True, help="extract every document again, even those stored unchanged"
)
_topics_option = click.option(
    "--topics",
    "topics_file",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="canonical topics: a CSV with columns label,aliases (aliases separated by |)",
)


def _filter_options(command):
    """The options that choose which statements a network is built from (see ``stancegraph.api.Filters``)."""
    options = [
        click.option("--actor", "actors", multiple=True, metavar="ID", help="only these actors (repeatable)"),
        click.option(
            "--actor-type",
            "actor_types",
            multiple=True,
            type=click.Choice(ACTOR_TYPES),
            help="only actors of these types (repeatable)",
        ),
        click.option("--topic", "topics", multiple=True, metavar="LABEL", help="only these topics (repeatable)"),
        click.option(
            "--stance",
            "stances",
            multiple=True,
            type=click.Choice(STANCES),
            help="only these stance types (repeatable)",
        ),
        click.option("--from", "date_from", metavar="DATE", help="only documents dated on or after DATE (YYYY[-MM[-DD]])"),
        click.option("--to", "date_to", metavar="DATE", help="only documents dated on or before DATE"),
        click.option("--min-weight", type=float, default=0.0, show_default=True, help="drop lighter edges"),
        click.option("--all-topics", is_flag=True,
                     help="keep generic topics and those the codebook excludes (left out by default)"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(actors, actor_types, topics, stances, date_from, date_to, min_weight, all_topics=False):
    from .api import Filters

    return Filters(
        actors=tuple(actors),
        actor_types=tuple(actor_types),
        topics=tuple(topics),
        stances=tuple(stances),
        date_from=date_from,
        date_to=date_to,
        min_weight=min_weight,
        all_topics=all_topics,
    )


def _warn(message: str) -> None:
    click.echo(f"stancegraph: warning: {message}", err=True)


class _Progress:
    """The progress bar on stderr (documents, words/s, stances, ETA when the number of documents is known),
    shown when stderr is a terminal and --quiet was not given; ``on_document`` is None otherwise."""

    def __init__(self, quiet: bool, inputs):
        self.bar = None
        if quiet or not sys.stderr.isatty():
            return
        from tqdm import tqdm

        self.bar = tqdm(total=_count_documents(inputs), unit="doc", file=sys.stderr, dynamic_ncols=True, leave=True)
        self.words = 0
        self.stances = 0

    @property
    def on_document(self):
        return self._on_document if self.bar is not None else None

    def _on_document(self, doc, n_stances: int) -> None:
        self.words += len(doc.text.split())
        self.stances += n_stances
        rate = self.words / max(self.bar.format_dict["elapsed"], 1e-9)
        self.bar.set_postfix_str(f"{rate:,.0f} words/s, {self.stances} stances", refresh=False)
        self.bar.update(1)

    def __enter__(self) -> "_Progress":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


def _count_documents(inputs) -> int | None:
    """The number of documents when it is cheap to know (.txt files, lines of .jsonl files), else None."""
    total = 0
    for name in inputs:
        path = Path(name)
        if path.suffix.lower() == ".txt" and path.is_file():
            total += 1
        elif path.suffix.lower() == ".jsonl" and path.is_file():
            with path.open("rb") as f:
                total += sum(1 for line in f if line.strip())
        else:
            return None  # standard input, folders and CSV (a field may span lines): no total, no ETA
    return total


_parallel_options = [
    click.option(
        "--workers", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
        help="parse in N processes (the pipeline is loaded once in each); with --engine dask and no "
        "--scheduler, the size of the local Dask cluster",
    ),
    click.option(
        "--engine", type=click.Choice(ENGINES), default="local", show_default=True,
        help="local processes, or a Dask cluster (pip install 'stancegraph[dask]')",
    ),
    click.option(
        "--scheduler", default=None, metavar="tcp://HOST:PORT",
        help="the scheduler of a running Dask cluster (implies --engine dask)",
    ),
]


def _extract_options(model, actors_file, topics_file, force, workers, engine, scheduler, progress):
    """The ``ExtractOptions`` of ``build`` and ``extract``."""
    from .api import ExtractOptions

    return ExtractOptions(
        model=model,
        actors_file=actors_file,
        topics_file=topics_file,
        on_warning=_warn,
        on_document=progress.on_document,
        force=force,
        workers=workers,
        engine="dask" if scheduler else engine,
        scheduler=scheduler,
    )


def _parallel(command):
    for option in reversed(_parallel_options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stancegraph")
def cli() -> None:
    """Build a knowledge graph of diplomatic positions (actor - stance - topic) from text."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", default="out", show_default=True, help="folder for the outputs")
@click.option("--store", default=None, metavar="PATH", help=f"{STORE_HELP} [default: OUTDIR/stancegraph.db]")
@_model_option
@_actors_option
@_topics_option
@_force_option
@click.option("-q", "--quiet", is_flag=True, help="no progress on stderr")
@_parallel
def build(inputs, outdir, store, model, actors_file, topics_file, force, quiet, workers, engine, scheduler):
    """Extract stances from INPUTS and write the HTML view, the stance table and the RDF file.

    INPUTS are .txt files, folders, .jsonl or .csv files (fields id, text, and optional date, source,
    title, url, speaker), or - for standard input.
    """
    from .api import build as run_build

    with _Progress(quiet, inputs) as progress:
        result = run_build(
            inputs,
            outdir,
            store=store,
            options=_extract_options(model, actors_file, topics_file, force, workers, engine, scheduler, progress),
        )
    click.echo(result.summary.line(), err=True)
    for label, path in result.paths().items():
        click.echo(f"{label + ':':24}{path}")
    _raise_refusal(result.summary)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@_store_option
@_model_option
@_actors_option
@_topics_option
@_force_option
@click.option("-q", "--quiet", is_flag=True, help="no progress on stderr")
@_parallel
def extract(inputs, store, model, actors_file, topics_file, force, quiet, workers, engine, scheduler):
    """Extract stances from INPUTS into the store (each document replaces its earlier version)."""
    from .api import extract as run_extract

    with _Progress(quiet, inputs) as progress:
        summary = run_extract(
            inputs,
            store,
            _extract_options(model, actors_file, topics_file, force, workers, engine, scheduler, progress),
        )
    click.echo(summary.line(), err=True)
    _raise_refusal(summary)


def _raise_refusal(summary) -> None:
    """Exit 1 when a document was too long to extract, after the others were stored and the summary printed."""
    error = summary.refusal()
    if error is not None:
        raise error


@cli.command()
@click.argument("sparql", required=False)
@_store_option
@click.option("-n", "--name", default=None, metavar="NAME", help="run a named query (see stancegraph queries)")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="a parameter of the named query, bound as an RDF term (repeatable)",
)
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
@click.option("--allow-update", is_flag=True, help="allow SPARQL updates (INSERT, DELETE ...) that change the store")
@click.option("--allow-service", is_flag=True, help="allow SERVICE, which sends the query to other servers")
@click.option("--allow-load", is_flag=True, help="allow LOAD in an update, which fetches data from the network")
def query(sparql, store, name, params, fmt, allow_update, allow_service, allow_load):
    """Run a SPARQL query (the text, or a .rq file) or a named query against the store.

    Read-only unless --allow-update. The prefixes sg:, stance:, sgid:, skos:, prov:, dcterms:, rdfs: and
    xsd: are predefined.
    """
    from .api import find_named_query, format_result, named_query, query_file
    from .api import query as run_query

    if (sparql is None) == (name is None):
        raise InputError("give either a SPARQL query (text or .rq file) or --name NAME", fix="see stancegraph queries")
    values = _params(params)
    if name is not None:
        named = find_named_query(name)
    else:
        text = _query_text(sparql)
        named = query_file("query", text) if values and text.lstrip().startswith("#") else None
        if values and (named is None or not named.parameters):
            raise InputError(
                "-p needs a named query, or a .rq file whose header declares its parameters",
                fix="see '# param' lines in stancegraph queries NAME",
            )
    if named is not None:
        named.bindings(values)  # a bad parameter is reported before the store is looked for
    _require_store(store)
    if named is not None:
        result = named_query(store, named, **values)
    else:
        result = run_query(
            store, text, allow_update=allow_update, allow_service=allow_service, allow_load=allow_load
        )
    if result is None:
        click.echo(f"update done in {store}", err=True)
    else:
        click.echo(format_result(result, fmt), nl=False, color=True)  # as _emit: data as it is


def _query_text(sparql: str) -> str:
    if sparql.endswith(".rq") or (len(sparql) < 4096 and "\n" not in sparql and os.path.isfile(sparql)):
        path = Path(sparql)
        if not path.is_file():
            raise InputError(f"query file {path} does not exist")
        return path.read_text(encoding="utf-8")
    return sparql


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InputError(f"-p '{pair}' is not KEY=VALUE", fix="for example: -p actor=RUS")
        values[key.strip()] = value
    return values


@cli.command()
@click.argument("name", required=False)
def queries(name):
    """List the named queries, or show one: what it answers, its parameters and its SPARQL."""
    from .api import find_named_query, named_queries

    if name is None:
        for q in named_queries().values():
            params = " ".join(f"-p {p.name}=..." if p.required else f"[-p {p.name}=...]" for p in q.parameters)
            click.echo(f"{q.name:18}{q.title}" + (f"  ({params})" if params else ""))
        click.echo("run one: stancegraph query --name NAME -p KEY=VALUE; see one: stancegraph queries NAME", err=True)
        return
    q = find_named_query(name)
    click.echo(f"{q.title}\n\n{q.description}\n")
    for p in q.parameters:
        click.echo(f"  -p {p.name}=VALUE  ({p.kind}, {'required' if p.required else 'optional'}) {p.description}")
    for example in q.examples:
        click.echo(f"\nexample: stancegraph query --name {q.name} {example}")
    click.echo("\n" + "\n".join(line for line in q.text.splitlines() if not line.startswith("#")).strip())


def _require_store(store: str) -> None:
    if store == MEMORY or is_remote(store):
        return  # nothing on disk to look for: a server's errors come when it is asked
    if not Path(store).exists():
        raise StoreError(
            f"store {store} does not exist", fix="build one first (stancegraph extract INPUT --store PATH)"
        )


@cli.command()
@_store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*TABLE_FORMATS, *RDF_FORMATS]),
    default="jsonl",
    show_default=True,
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="file to write [default: stdout]")
def export(store, fmt, output):
    """Export the stance table (jsonl, csv) or the graph as RDF (turtle, trig, nquads, jsonld)."""
    import io

    from .api import export_rdf_text, export_table

    _require_store(store)
    if fmt in TABLE_FORMATS:
        buf = io.StringIO()
        n = export_table(store, fmt, buf)
        text = buf.getvalue()
        what = f"{n} stances"
    else:
        text = export_rdf_text(store, fmt)
        what = f"the graph as {fmt}"
    _emit(text, output, what)


def _emit(text: str, output: str | None, what: str) -> None:
    """Write ``text`` to the file ``output`` (atomically, saying so on stderr), or to stdout."""
    from .files import write_text_atomically

    if output:
        write_text_atomically(Path(output), text)
        click.echo(f"wrote {what} to {output}", err=True)
    else:
        click.echo(text, nl=False, color=True)  # data as it is: click would strip escape sequences from a pipe


def _choice_option(flag: str, dest: str, choices: list[str], help: str, default: str | None = ""):
    """An option taking one of ``choices``; the default is the first unless given (None: none)."""
    default = choices[0] if default == "" else default
    return click.option(
        flag, dest, type=click.Choice(choices), default=default, show_default=default is not None, help=help
    )


NETWORK_HELP = "; ".join(f"{kind.name}: {kind.summary}" for kind in NETWORK_KINDS.values())
_network_option = _choice_option("--network", "network_name", list(NETWORKS), NETWORK_HELP)
_normalization_option = _choice_option(
    "--normalization", "normalization", list(NORMALIZATIONS),
    "congruence, conflict and subtract: scale each tie by the two actors' activity",
)
_duplicates_option = _choice_option(
    "--duplicates", "duplicates", list(DUPLICATES),
    "count an actor's stance on a topic once per document, month or year, or every statement",
)


def _network_options(command):
    """--store, --network, --normalization, --duplicates and the filters: what chooses a network."""
    for option in (_filter_options, _duplicates_option, _normalization_option, _network_option, _store_option):
        command = option(command)
    return command


def _network_args(network_name, normalization, duplicates, filters) -> dict:
    return {"name": network_name, "normalization": normalization, "duplicates": duplicates,
            "filters": _filters(**filters)}


@cli.command()
@_store_option
@click.option("-o", "--output", default="view.html", show_default=True, type=click.Path(dir_okay=False))
@click.option("--title", default="stancegraph", show_default=True)
@_network_option
@_normalization_option
@_duplicates_option
@_filter_options
def view(store, output, title, network_name, normalization, duplicates, **filter_options):
    """Write the interactive HTML view of a network of the store (works offline, one self-contained file)."""
    from .api import write_view

    _require_store(store)
    path = write_view(
        store,
        output,
        title=title,
        network=network_name,
        normalization=normalization,
        duplicates=duplicates,
        filters=_filters(**filter_options),
    )
    click.echo(str(path))


@cli.command()
@click.argument("doc_ids", nargs=-1, required=True, metavar="DOC...")
@_store_option
def remove(doc_ids, store):
    """Delete the documents with these ids, and everything read from them, from the store."""
    from .api import remove as run_remove

    _require_store(store)
    removed, missing = run_remove(doc_ids, store)
    for doc_id in missing:
        _warn(f"no document '{doc_id}' in {store}; nothing removed for it")
    click.echo(f"removed {len(removed)} documents from {store}", err=True)
    if missing and not removed:
        raise SystemExit(1)


@cli.group(invoke_without_command=True)
@_store_option
@click.option("--limit", type=int, default=None, metavar="N", help="at most N rows")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="file to write [default: stdout]")
@click.pass_context
def topics(ctx, store, limit, fmt, output):
    """List the store's topic concepts, most used first, with their stance, actor and document counts; or
    draft and apply a codebook (stancegraph topics draft --help, stancegraph topics apply --help)."""
    if ctx.invoked_subcommand is not None:
        return
    from .api import format_table
    from .api import topics as run_topics

    _require_store(store)
    table = run_topics(store, limit=limit)
    click.echo(table.note, err=True)
    _emit(format_table(table, fmt), output, f"{len(table.rows)} rows")


@topics.command(name="show")
@click.argument("label")
@_store_option
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
def topics_show(label, store, fmt):
    """The phrases the concept LABEL (or its id) groups, with their statements, actors and the words as written."""
    from .api import format_table, topic_variants

    _require_store(store)
    table = topic_variants(label, store)
    click.echo(table.note, err=True)
    _emit(format_table(table, fmt), None, "")


@topics.command(name="draft")
@_store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="file to write [default: stdout]")
def topics_draft(store, output):
    """Write an editable codebook of the store's concepts (label, aliases, broader, exclude), most used first."""
    from .api import topics_draft as run_draft

    _require_store(store)
    text = run_draft(store)
    _emit(text, output, f"{text.count(chr(10)) - 1} concepts")


@topics.command(name="apply")
@click.argument("codebook", type=click.Path(dir_okay=False))
@_store_option
@click.option("--moved", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="write the phrases that moved to another concept as CSV (phrase, before, after, statements)")
def topics_apply(codebook, store, moved):
    """Re-map the stored stances to the concepts of CODEBOOK without parsing again, and keep the codebook for
    later extractions. Prints which phrases moved to which label."""
    from .api import moved_text
    from .api import topics_apply as run_apply

    _require_store(store)
    result = run_apply(codebook, store)
    for change in result.changes[:20]:
        click.echo(f"  {change.phrase!r}: {change.before!r} -> {change.after!r} ({change.statements})", err=True)
    if len(result.changes) > 20:
        click.echo(f"  ... and {len(result.changes) - 20} more (--moved FILE lists them all)", err=True)
    if moved:
        _emit(moved_text(result.changes), moved, f"{len(result.changes)} moved phrases")
    click.echo(f"{result.concepts} concepts; {len(result.changes)} phrases moved to another concept -> {store}", err=True)


@cli.command(name="import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@_store_option
def import_(files, store):
    """Read TriG (.trig) or N-Quads (.nq, .nquads) files, such as an export, into the store.

    Each named graph replaces the stored graph of the same name; the other stored graphs are kept. Every file
    is read before anything is written, so a bad file changes nothing.
    """
    from .api import import_rdf

    summary = import_rdf(files, store)
    click.echo(summary.line(), err=True)


@cli.command()
@_store_option
@click.option("--limit", default=20, show_default=True, metavar="N", help="list at most N violations")
def validate(store, limit):
    """Check the stored data against the SHACL shapes of stancegraph's vocabulary.

    Prints "conforms", or the violations (node, property, what is wrong) and exits with status 1.
    """
    from .api import validate as run_validate

    _require_store(store)
    report = run_validate(store)
    click.echo(report.format_text(limit=limit), nl=False)
    if not report.conforms:
        raise SystemExit(1)


def _describe(graph) -> str:
    if graph.number_of_edges() == 0:
        _warn(f"the {graph.graph.get('network', '')} network has no edges; check the filters")
    return f"{graph.graph.get('network', '')} network ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)"


@cli.command(name="network")
@_network_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(NETWORK_FORMATS),
    default=None,
    help="graphml (Cytoscape, yEd, networkx), gexf (Gephi, with colours, sizes and dates), json (node-link) "
    "[default: the -o file's suffix, else graphml]",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="file to write [default: stdout]")
def network_(store, network_name, normalization, duplicates, fmt, output, **filters):
    """Export a network of the stored stances as GraphML, GEXF or node-link JSON."""
    from .api import network, network_format, network_text

    fmt = network_format(output, fmt) if output and fmt is None else (fmt or "graphml")
    _require_store(store)
    graph = network(store, **_network_args(network_name, normalization, duplicates, filters))
    _emit(network_text(graph, fmt), output, f"the {_describe(graph)} as {fmt}")


@cli.command()
@_network_options
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="the figure: a .png, .svg or .pdf file"
)
@click.option("--title", default=None, help="[default: the network's name, settings and filters]")
@click.option("--labels", default=20, show_default=True, metavar="N", type=click.IntRange(min=0),
              help="label the N nodes with the most statements")
def figure(store, network_name, normalization, duplicates, output, title, labels, **filters):
    """Draw a network of the stored stances as a static PNG, SVG or PDF figure (for papers)."""
    from .api import figure_format, network, write_figure

    figure_format(output)
    _require_store(store)
    graph = network(store, **_network_args(network_name, normalization, duplicates, filters))
    what = _describe(graph)
    write_figure(store, output, graph=graph, title=title, labels=labels)
    click.echo(f"drew the {what} in {output}", err=True)


@cli.command()
@click.argument("what", type=click.Choice([*ANALYSES, *ANALYSIS_ALIASES]), metavar="WHAT")
@_store_option
@_choice_option(
    "--network",
    "network_name",
    list(NETWORKS),
    NETWORK_HELP + " [default: congruence for coalitions and central, subtract for polarisation and balance, "
    "stance for contested, active and change]",
    default=None,
)
@_normalization_option
@_duplicates_option
@click.option("--seed", type=int, default=0, show_default=True, help="seed of the Louvain method")
@click.option(
    "--measure",
    type=click.Choice(CENTRALITIES),
    default="eigenvector",
    show_default=True,
    help="the centrality of 'central'",
)
@click.option("--by", type=click.Choice(PERIODS), default="year", show_default=True,
              help="the period of 'change'")
@click.option("--limit", type=int, default=None, metavar="N", help="at most N rows")
@_filter_options
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="file to write [default: stdout]")
def analyze(what, store, network_name, normalization, duplicates, seed, measure, by, limit, fmt, output, **filter_args):
    """Analyse a network of the store: WHAT is coalitions, polarisation, balance, contested, active, central
    or change (see the README's "Analysis" for the methods)."""
    from .api import analyze as run_analyze
    from .api import format_table

    _require_store(store)
    table = run_analyze(
        store,
        what,
        network=network_name,
        normalization=normalization,
        duplicates=duplicates,
        filters=_filters(**filter_args),
        seed=seed,
        measure=measure,
        by=by,
        limit=limit,
    )
    click.echo(table.note, err=True)
    _emit(format_table(table, fmt), output, f"{len(table.rows)} rows")


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@_model_option
@_actors_option
@_topics_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--brief", is_flag=True, help="only the summary lines, not every miss and false stance")
@click.option(
    "--persons",
    "persons_file",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="also score officials and whom they speak for against a persons gold file",
)
def eval_(gold, inputs, model, actors_file, topics_file, fmt, brief, persons_file):
    """Score extraction from INPUTS against a GOLD file (see the README for its format)."""
    from .api import evaluate

    result = evaluate(
        gold, inputs, model=model, actors_file=actors_file, topics_file=topics_file, persons_path=persons_file
    )
    report, persons = result.stances, result.persons
    if fmt == "json":
        out = report.to_dict()
        if persons is not None:
            out["persons"] = persons.to_dict()
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        if persons is not None:
            click.echo(persons.format_text(), nl=False)
        click.echo(report.format_text(verbose=not brief), nl=False)


@cli.command()
def info():
    """Versions of stancegraph, spaCy, the pipeline, rdflib, Oxigraph and networkx."""
    from .api import versions

    for name, version in versions().items():
        click.echo(f"{name + ':':34}{version}")


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning every failure into one line on stderr."""
    try:
        cli.main(args=argv, prog_name="stancegraph", standalone_mode=False)
        return 0
    except StancegraphError as err:
        click.echo(f"stancegraph: error: {err}", err=True)
        return 1
    except click.exceptions.Exit as err:
        return err.exit_code
    except click.exceptions.Abort as err:
        # click turns Ctrl-C inside a command into Abort
        interrupted = isinstance(err.__context__, KeyboardInterrupt)
        click.echo("stancegraph: interrupted; documents stored so far are kept" if interrupted else "stancegraph: aborted", err=True)
        return 130
    except click.ClickException as err:
        context = getattr(err, "ctx", None)
        command = context.command_path if context is not None else "stancegraph"
        usage = UsageError(err.format_message(), fix=f"see {command} --help")
        click.echo(f"stancegraph: error: {usage}", err=True)
        return err.exit_code
    except KeyboardInterrupt:
        click.echo("stancegraph: interrupted; documents stored so far are kept", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # the last line of defence: one line, and how to get the details
        room = no_room(err)
        if room is not None:  # a disk that fills under a command with no message of its own for it
            click.echo(f"stancegraph: error: {StoreError(room[0], fix=f'{room[1]} and run the command again')}", err=True)
            return 1
        if os.environ.get("STANCEGRAPH_DEBUG"):
            raise
        click.echo(
            f"stancegraph: internal error: {type(err).__name__}: {' '.join(str(err).split())} "
            "(set STANCEGRAPH_DEBUG=1 to see the traceback, and please report it)",
            err=True,
        )
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
