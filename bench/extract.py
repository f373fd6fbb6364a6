"""Whole-corpus extraction against its floor: bare ``nlp.pipe`` over the same texts with the same pipeline.

    .venv/bin/python bench/extract.py [--fraction 0.1] [--corpus PATH] [--memory-only]

Takes the first part of ../shared/corpora/ungdc-2015-2022 (``--fraction`` of its speeches, default all of it) and
prints, all measured in this one run, each in a process of its own:
- the floor: a process that loads the pipeline (``load_pipeline``, the same components) and runs ``nlp.pipe``
  over the cleaned texts with the extractor's batch size, and nothing else;
- ``stancegraph extract SLICE --store NEW -q`` with 1 worker: seconds, words/s, ratio to the floor;
- 2 workers (``--workers 2``) and a 2-worker Dask LocalCluster (``--engine dask``), when the CLI has them;
- CPU seconds beside wall seconds, as other work on the machine slows the wall clock of each run differently;
- the peak memory (max RSS) of ``stancegraph extract`` on the first 10% of the slice and on the whole slice,
  and their ratio (``--memory-only``: just these two runs).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "ungdc-2015-2022" / "speeches.jsonl"
BIN = Path(sys.executable).parent
STANCEGRAPH = str(BIN / "stancegraph")

# Runs a command and prints its wall time, its CPU time and the peak RSS (KiB) of it and its children: one such process per
# measurement, so that each peak is its own.
_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=sys.stderr).returncode
seconds = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(rc, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""

# The floor: the same pipeline, the same cleaned texts, the same batch size, and nothing else.
_FLOOR = """
import json, sys
from stancegraph.extract.cleanup import clean_text
from stancegraph.extract.extractor import Extractor
from stancegraph.extract.pipeline import load_pipeline
nlp = load_pipeline()
batch_size = Extractor.__init__.__kwdefaults__["batch_size"]
with open(sys.argv[1], encoding="utf-8") as f:
    texts = [clean_text(json.loads(line)["text"]).text for line in f if line.strip()]
for _ in nlp.pipe(texts, batch_size=batch_size):
    pass
"""


class Run:
    def __init__(self, seconds: float, cpu: float, peak_kib: int):
        self.seconds = seconds
        self.cpu = cpu  # user + system seconds of all its processes: steadier than wall time on a shared machine
        self.peak_mib = peak_kib / 1024


def measure(command: list[str]) -> Run:
    # run away from the source tree, whose stancegraph/ folder is not the installed package
    out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, cwd=tempfile.gettempdir())
    if out.returncode != 0 or out.stdout.split()[:1] != ["0"]:
        raise SystemExit(f"failed: {' '.join(command)}\n{out.stderr}")
    rc, seconds, cpu, peak = out.stdout.split()
    return Run(float(seconds), float(cpu), int(peak))


def write_slice(corpus: Path, fraction: float, target: Path) -> tuple[int, int]:
    """The first ``fraction`` of the corpus's lines into ``target``; return (documents, words)."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = lines[: max(1, round(len(lines) * fraction))]
    target.write_text("".join(line + "\n" for line in chosen), encoding="utf-8")
    return len(chosen), sum(len(json.loads(line)["text"].split()) for line in chosen)


def cli_options() -> str:
    return subprocess.run([STANCEGRAPH, "extract", "--help"], capture_output=True, text=True).stdout


def extract_run(source: Path, tmp: Path, name: str, *options: str) -> Run:
    return measure([STANCEGRAPH, "extract", str(source), "--store", str(tmp / name), "-q", *options])


# --- slot: 2 workers on this machine (``--workers``) -------------------------------------------------------
def two_workers(source: Path, tmp: Path, help_text: str) -> Run | None:
    if "--workers" not in help_text:
        return None
    return extract_run(source, tmp, "store-2-workers", "--workers", "2")


# --- slot: a Dask LocalCluster with 2 workers (``--engine dask``) ------------------------------------------
def dask_two_workers(source: Path, tmp: Path, help_text: str) -> Run | None:
    if "--engine" not in help_text or "--workers" not in help_text:
        return None
    return extract_run(source, tmp, "store-dask", "--engine", "dask", "--workers", "2")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fraction", type=float, default=1.0, help="the first part of the corpus to run on")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--memory-only", action="store_true", help="only the two peak-memory runs")
    args = parser.parse_args()
    if not 0 < args.fraction <= 1:
        parser.error("--fraction is between 0 (excluded) and 1")
    if not args.corpus.is_file():
        raise SystemExit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        source, tenth = tmp / "slice.jsonl", tmp / "tenth.jsonl"
        docs, words = write_slice(args.corpus, args.fraction, source)
        tenth_docs, tenth_words = write_slice(source, 0.1, tenth)
        print(f"{args.corpus.parent.name}, first {args.fraction:.1%}: {docs} documents, {words:,} words")
        sys.stdout.flush()

        if args.memory_only:
            one = extract_run(source, tmp, "store-1-worker")
        else:
            one = speed_runs(source, tmp, words)

        small = extract_run(tenth, tmp, "store-tenth")
        print(f"peak memory, first 10% ({tenth_docs} documents, {tenth_words:,} words): {small.peak_mib:8.0f} MiB")
        print(f"peak memory, whole slice ({docs} documents, {words:,} words): {one.peak_mib:8.0f} MiB"
              f"  {one.peak_mib / small.peak_mib:.2f}x the 10% peak")


def speed_runs(source: Path, tmp: Path, words: int) -> Run:
    """The floor, then extract with 1 worker, 2 workers and Dask, each printed against the floor; return the
    1-worker run."""
    floor = measure([sys.executable, "-c", _FLOOR, str(source)])
    report("bare nlp.pipe (floor)", floor, words, floor)
    one = extract_run(source, tmp, "store-1-worker")
    report("stancegraph extract, 1 worker", one, words, floor)
    help_text = cli_options()
    for label, slot in (("2 workers", two_workers), ("Dask LocalCluster, 2 workers", dask_two_workers)):
        run = slot(source, tmp, help_text)
        if run is None:
            print(f"{'stancegraph extract, ' + label:50}not available")
        else:
            report("stancegraph extract, " + label, run, words, floor, one)
    return one


def report(label: str, run: Run, words: int, floor: Run, one: Run | None = None) -> None:
    speedup = f"  {one.seconds / run.seconds:.2f}x faster than 1 worker" if one is not None else ""
    print(f"{label:50}{run.seconds:8.1f} s  {words / run.seconds:8,.0f} words/s  {run.seconds / floor.seconds:5.2f}x the floor"
          f"  (CPU {run.cpu:.1f} s, {run.cpu / floor.cpu:.2f}x the floor's){speedup}")
    sys.stdout.flush()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
