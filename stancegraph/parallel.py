"""Extraction spread over worker processes: a local process pool (``--workers N``) or a Dask cluster
(``--engine dask``).

Documents go out in chunks; each worker process loads the pipeline once (the first chunk it reads) and sends
back plain ``Extraction`` tuples; the parent stays the only writer of the store. Results come back in the
order they are ready, not in input order: each document is its own named graph, so the stored result is the
same.
"""

from __future__ import annotations

import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import InputError, StancegraphError
from .model import Document

__all__ = ["ExtractorSettings", "chunks", "extract_chunk", "parallel_extractions"]

# A task is up to 16 documents or about 20,000 characters (a few speeches): enough for nlp.pipe to batch,
# small enough that the last tasks of a run keep every worker busy.
CHUNK_DOCUMENTS = 16
CHUNK_CHARACTERS = 20_000
_IN_FLIGHT = 2  # chunks queued per worker, so that a worker never waits for the next one
_extractors: dict = {}  # one Extractor per process and settings


@dataclass(frozen=True)
class ExtractorSettings:
    """What a worker needs to build the same Extractor as the parent (plain values: sent to every worker)."""

    model: str
    actors_file: str | None = None
    topics_file: str | None = None

    def extractor(self):
        """This process's Extractor for these settings, loaded on first use."""
        from pathlib import Path

        from .extract.extractor import Extractor

        if self not in _extractors:
            _extractors[self] = Extractor(
                self.model,
                actors_file=Path(self.actors_file) if self.actors_file else None,
                topics_file=Path(self.topics_file) if self.topics_file else None,
            )
        return _extractors[self]


def extract_chunk(settings: ExtractorSettings, documents: list[Document]):
    """Extract a chunk of documents in this process: ``(extractions, error)``. An error (a document too long
    to parse) comes back after the extractions of the documents before it, so that they are stored first."""
    out = []
    try:
        for extraction in settings.extractor().extract(documents):
            out.append(extraction)
    except StancegraphError as err:
        return out, err
    return out, None


def chunks(
    documents: Iterable[Document], size: int = CHUNK_DOCUMENTS, characters: int = CHUNK_CHARACTERS
) -> Iterator[list[Document]]:
    """The documents in consecutive chunks of at most ``size`` documents, closed once they hold ``characters``."""
    chunk: list[Document] = []
    length = 0
    for doc in documents:
        chunk.append(doc)
        length += len(doc.text)
        if len(chunk) >= size or length >= characters:
            yield chunk
            chunk, length = [], 0
    if chunk:
        yield chunk


def parallel_extractions(
    documents: Iterable[Document],
    settings: ExtractorSettings,
    *,
    workers: int,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator:
    """``Extraction`` tuples of ``documents``, computed by ``workers`` processes (or the Dask cluster at
    ``scheduler``), in the order they are ready. Raises the first worker's error after the extractions of
    every chunk that finished before it."""
    if engine == "dask":
        results = _dask_results(documents, settings, workers=workers, scheduler=scheduler)
    else:
        results = _pool_results(documents, settings, workers=workers)
    for extractions, error in results:
        yield from extractions
        if error is not None:
            raise error


def _ignore_interrupt() -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it, and stops the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_results(documents: Iterable[Document], settings: ExtractorSettings, *, workers: int) -> Iterator:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # forkserver where there is one: no copy of the parent's threads and open store; spawn elsewhere
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_ignore_interrupt)
    pending: set = set()
    finished = False
    try:
        for chunk in chunks(documents):
            pending.add(pool.submit(extract_chunk, settings, chunk))
            while len(pending) >= workers * _IN_FLIGHT:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:  # an error or an interruption: drop the queued chunks and stop the workers now
            for process in list((pool._processes or {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)


def _dask_results(
    documents: Iterable[Document], settings: ExtractorSettings, *, workers: int, scheduler: str | None
) -> Iterator:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError(
            "--engine dask needs dask.distributed, which is not installed",
            fix="pip install 'stancegraph[dask]' (on this machine and on every worker of the cluster)",
        ) from None
    cluster = None
    try:
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except OSError as err:
        raise InputError(
            f"no Dask scheduler answers at {scheduler}: {' '.join(str(err).split())}",
            fix="start one with: dask scheduler, and workers with: dask worker tcp://HOST:8786",
        ) from None
    try:
        slots = max(1, sum(info.get("nthreads", 1) for info in client.scheduler_info()["workers"].values()))
        queue = as_completed()
        for chunk in chunks(documents):
            queue.add(client.submit(extract_chunk, settings, chunk, pure=False))
            if queue.count() >= slots * _IN_FLIGHT:
                future = next(queue)
                yield future.result()
                future.release()
        for future in queue:
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
