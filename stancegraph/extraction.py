"""Extraction orchestrated: read documents, skip those stored unchanged, parse (in this process, in worker
processes, or on a Dask cluster), and write each document's graph as soon as it is read.

:class:`ExtractOptions` holds every setting of a run once; ``stancegraph.api.extract`` and ``build`` take it
(or its fields as keywords).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .choices import DEFAULT_MODEL, ENGINES
from .codebook import CodebookEntry, read_codebook
from .errors import InputError, StancegraphError
from .inputs import read_documents
from .model import Document
from .values import plural

__all__ = ["ExtractOptions", "ExtractSummary", "ExtractionRun"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class ExtractOptions:
    """How a run extracts: the spaCy pipeline (``model``, any installed one), the user's actors and topics files,
    whether unchanged documents are extracted again (``force``), and where parsing runs: ``workers`` processes
    (``engine="local"``) or a Dask cluster (``engine="dask"``: the one at ``scheduler``, ``tcp://host:8786``,
    or a local one with ``workers`` processes). ``stdin`` is read for the input ``-``; ``on_warning`` gets each
    one-line warning and ``on_document`` each stored document with its number of stances."""

    model: str = DEFAULT_MODEL
    actors_file: PathLike | None = None
    topics_file: PathLike | None = None
    force: bool = False
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    stdin: IO[str] | None = None
    on_warning: Callable[[str], None] | None = None
    on_document: Callable[[Document, int], None] | None = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise InputError(f"unknown engine '{self.engine}'", fix="use one of " + ", ".join(ENGINES))

    @property
    def parallel(self) -> bool:
        """True when parsing runs outside this process."""
        return self.workers > 1 or self.engine != "local" or self.scheduler is not None


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
            f"{plural(self.documents, 'document', grouped=False)}, {plural(self.stances, 'stance', grouped=False)}, "
            f"{plural(self.quads, 'quad', grouped=False)} "
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


class ExtractionRun:
    """One run: made ready first (input paths checked, the pipeline loaded or, for parallel parsing, the user's
    files checked), so that a mistake ends the run before the store is opened; then :meth:`into` a store."""

    def __init__(self, inputs: Sequence[PathLike], options: ExtractOptions):
        from .extract.extractor import EXTRACTOR_VERSION, Extractor
        from .extract.pipeline import MAX_LENGTH, installed_version

        self.options = options
        self.summary = ExtractSummary()
        # a missing or unreadable input path fails here, before spaCy and the pipeline take seconds to load
        self.reader = _StopAtError(read_documents([str(p) for p in inputs], stdin=options.stdin, on_warning=self.warn))
        self.extractor: Extractor | None = None
        if options.parallel:
            # the workers parse; this process only checks the user's files and records the pipeline's version
            _check_user_files(options.actors_file, options.topics_file)
            self.version = installed_version(options.model)
            self.max_length = MAX_LENGTH
        else:
            self.extractor = Extractor(
                options.model,
                actors_file=Path(options.actors_file) if options.actors_file else None,
                topics_file=Path(options.topics_file) if options.topics_file else None,
            )
            self.version = self.extractor.pipeline_version
            self.max_length = self.extractor.nlp.max_length
        self.settings = _extractor_settings(EXTRACTOR_VERSION, options.actors_file, options.topics_file)

    def warn(self, message: str) -> None:
        self.summary.warnings.append(message)
        if self.options.on_warning is not None:
            self.options.on_warning(message)

    def into(self, store) -> ExtractSummary:  # type: ignore[no-untyped-def]
        """Extract the documents into the open ``store``, each written as soon as it is read; see
        ``stancegraph.api.extract``."""
        from .graph.readwrite.concepts import concepts_stale, refresh_concepts, store_codebook, stored_codebook
        from .graph.readwrite.writer import content_hash, prune_actors, stored_versions, write_document

        options, summary = self.options, self.summary
        start = time.perf_counter()
        summary.store = store.location
        stored = stored_versions(store)
        replaced = False
        wanted = (self.settings, self.version)

        def changed(documents: Iterable[Document]) -> Iterator[Document]:
            for doc in documents:
                if not options.force and stored.get(doc.id) == (content_hash(doc), *wanted):
                    summary.unchanged += 1
                    continue
                if not doc.text.strip():
                    self.warn(f"{doc.origin or doc.id}: document '{doc.id}' has no text; stored with no stances")
                yield doc

        documents = changed(_parseable(self.reader, self.max_length, summary, self.warn))
        try:
            for doc, triples, persons in self._extractions(documents):
                summary.quads += write_document(
                    store, doc, triples, extractor=self.settings, pipeline=self.version, persons=persons
                )
                summary.documents += 1
                summary.stances += len(triples)
                replaced = replaced or doc.id in stored
                if options.on_document is not None:
                    options.on_document(doc, len(triples))
                _test_pause()
            self.reader.raise_pending()
            if replaced:  # an actor that only the earlier version of a document named is no longer described
                prune_actors(store)
            # the store's topic phrases grouped again with the new documents' (or with those of a run stopped
            # before it grouped them: until then each of its phrases is a concept of its own)
            if self.options.topics_file:  # the user's topics join the codebook the concepts follow
                codebook = _with_topics_file(stored_codebook(store), self.options.topics_file)
                store_codebook(store, codebook)
                refresh_concepts(store, codebook)
            elif summary.documents or concepts_stale(store):
                refresh_concepts(store)
        finally:
            summary.seconds = time.perf_counter() - start
        return summary

    def _extractions(self, documents: Iterator[Document]):  # type: ignore[no-untyped-def]
        if self.extractor is not None:
            return self.extractor.extract(documents)
        from .parallel import ExtractorSettings, parallel_extractions

        options = self.options
        worker_settings = ExtractorSettings(
            options.model,
            str(options.actors_file) if options.actors_file else None,
            str(options.topics_file) if options.topics_file else None,
        )
        return parallel_extractions(
            documents, worker_settings, workers=options.workers, engine=options.engine, scheduler=options.scheduler
        )


def _check_user_files(actors_file: PathLike | None, topics_file: PathLike | None) -> None:
    """Read the actors and topics files once, for their one-line errors before any work starts."""
    from .extract.gazetteer import load_gazetteer
    from .extract.topics import load_topics

    if actors_file:
        load_gazetteer(Path(actors_file))
    if topics_file:
        load_topics(Path(topics_file))


def _with_topics_file(codebook: Sequence[CodebookEntry], topics_file: PathLike) -> list[CodebookEntry]:
    """The stored codebook with the rows of a ``--topics`` file (the file's row wins for a label in both)."""
    merged = {entry.label: entry for entry in codebook}
    merged.update((entry.label, entry) for entry in read_codebook(topics_file, option="--topics"))
    return sorted(merged.values(), key=lambda e: e.label)


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


def _extractor_settings(version: str, actors_file: PathLike | None, topics_file: PathLike | None) -> str:
    """The extractor version, with a digest of the user's actors and topics files: changing either one means
    the documents are extracted again."""
    parts = [version]
    for name, path in (("actors", actors_file), ("topics", topics_file)):
        if path:
            try:
                parts.append(f"{name} {hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]}")
            except OSError:
                pass  # the extractor reports a missing file with its own message
    return "; ".join(parts)


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
