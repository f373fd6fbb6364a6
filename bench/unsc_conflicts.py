"""Score negative stances against the human-annotated conflicts of UN Security Council speeches.

    .venv/bin/python bench/unsc_conflicts.py [--speeches PATH] [--conflicts PATH] [--details]

Two measures, over ../shared/corpora/unsc-conflicts-dev:
1. per speech, the countries the speaker takes a negative stance against (its own stances with polarity -1,
   whose targets name the country) against the annotated target countries: precision and recall over
   (speech, country) pairs;
2. over the units typed Direct_NegEval with a country target: the share with a negative stance by the speaker
   in a sentence overlapping the unit whose target is that country.
The same numbers for a naive baseline ("every non-Russian speaker criticises Russia") are printed beside them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from stancegraph.extract.gazetteer import load_gazetteer
from stancegraph.graph.store import open_store

from stancegraph.api import extract, stance_rows

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "unsc-conflicts-dev"
NO_COUNTRY = {"", "_", "underdefined"}


def country_id(gazetteer, name: str) -> str | None:
    if name.strip().lower() in NO_COUNTRY:
        return None
    entry = gazetteer.lookup(name.replace("_", " "))
    return entry.id if entry else None


def prf(predicted: set, gold: set) -> tuple[float, float, float]:
    hit = len(predicted & gold)
    p = hit / len(predicted) if predicted else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speeches", type=Path, default=SHARED / "speeches.jsonl")
    parser.add_argument("--conflicts", type=Path, default=SHARED / "conflicts.jsonl")
    parser.add_argument("--details", action="store_true", help="list every missed and false (speech, country)")
    args = parser.parse_args()
    if not args.speeches.is_file():
        print(f"skipped: {args.speeches} is absent (the dev data lies beside the repository as ../shared)")
        return 0
    gazetteer = load_gazetteer()
    speeches = [json.loads(line) for line in args.speeches.read_text(encoding="utf-8").splitlines() if line.strip()]
    speaker_of = {s["id"]: country_id(gazetteer, s["speaker"]) for s in speeches}
    units = [json.loads(line) for line in args.conflicts.read_text(encoding="utf-8").splitlines() if line.strip()]

    gold_pairs: set[tuple[str, str]] = set()
    for unit in units:
        for key in ("target_country", "target_country_2"):
            country = country_id(gazetteer, unit.get(key) or "")
            if country and country != speaker_of.get(unit["id"]):
                gold_pairs.add((unit["id"], country))

    with open_store(None) as store:
        summary = extract([args.speeches], store)
        rows = stance_rows(store)
    negative = [r for r in rows if r["polarity"] == -1 and r["actor_id"] == speaker_of.get(r["doc"])]
    predicted = {(r["doc"], t) for r in negative for t in r["targets"] if t != r["actor_id"]}
    predicted = {(doc, t) for doc, t in predicted if gazetteer.get(t) and gazetteer.get(t).type == "state"}

    naive = {(s["id"], "RUS") for s in speeches if speaker_of.get(s["id"]) not in (None, "RUS")}

    by_doc = defaultdict(list)
    for r in negative:
        by_doc[r["doc"]].append(r)
    direct = [
        (u, country_id(gazetteer, u["target_country"]))
        for u in units
        if u["type"] == "Direct_NegEval" and country_id(gazetteer, u["target_country"] or "")
    ]
    found = sum(
        any(
            r["char_start"] < u["end"] and u["start"] < r["char_end"] and c in r["targets"]
            for r in by_doc[u["id"]]
        )
        for u, c in direct
    )

    p, r, f = prf(predicted, gold_pairs)
    np_, nr, nf = prf(naive, gold_pairs)
    print(f"{summary.documents} speeches, {summary.stances} stances, {len(negative)} negative stances by the speaker")
    print(f"(speech, country) pairs: {len(gold_pairs)} annotated, {len(predicted)} predicted")
    print(f"  stancegraph   P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  naive         P {np_:.3f}  R {nr:.3f}  F1 {nf:.3f}   (every non-Russian speaker criticises Russia)")
    print(f"Direct_NegEval units with a country target: {found}/{len(direct)} found, recall {found / len(direct):.3f}")
    if args.details:
        for doc, country in sorted(gold_pairs - predicted):
            print(f"  MISSED {doc} {country}")
        for doc, country in sorted(predicted - gold_pairs):
            print(f"  FALSE  {doc} {country}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
