"""Score extracted stances against a hand-coded gold file (see ``docs/gold-format.md``).

Two gold formats are read, and told apart line by line:

- **document-level** lines (they have ``actor``): one stance a reader finds in a document, counted once per
  document. ``required`` ones count for recall; optional ones are correct if found but never missing.
- **sentence-level** lines (they have ``gold`` and ``start``/``end``): one sentence of a document with every
  stance in it, or none. Only extracted stances whose evidence lies in a gold sentence are scored.

A third kind, the persons gold (lines with ``person``), is read by :func:`load_persons`.

An extracted stance (a stance-table row) **matches** a gold stance when the actor ids are equal, its polarity is
one of the gold polarities, and one of the gold ``topic_terms`` occurs at the start of a word of its topic label
(document-level gold: or of its ``topic_text``). Case, accents, hyphens and punctuation are ignored, see
:func:`term_matches`. Matching is many-to-many: an extracted stance may match several gold stances (it counts
once for precision) and a gold stance may be matched by several extracted ones (it counts once for recall).

Extracted rows are deduplicated before precision is counted: per document by (actor id, polarity, topic label)
for document-level gold, per gold sentence for sentence-level gold; topic labels compare case- and
space-insensitively. Rows of documents that are not in the gold file, and (sentence-level) rows whose evidence
lies outside every gold sentence, are ignored and counted as such in the report.

Stance-type agreement is computed over matched pairs, one per gold stance found (required or not): the pair
agrees when an extracted stance matching that gold stance has its type (``stance`` of any row merged into it).

Ratios with a zero denominator are 0.0 (no extracted stances: precision 0.0, shown as ``(0/0)``; no required
gold stances: recall 0.0; no matched pairs: type agreement 0.0), and F1 is 0.0 when precision and recall are.
"""

from .data import ExtractedStance, Gold, GoldPerson, GoldSentence, GoldStance, Match
from .loading import load_gold, load_persons
from .matching import term_matches
from .persons import PersonsReport, score_persons
from .report import Report
from .scoring import score

__all__ = [
    "ExtractedStance",
    "Gold",
    "GoldPerson",
    "GoldSentence",
    "GoldStance",
    "Match",
    "PersonsReport",
    "Report",
    "load_gold",
    "load_persons",
    "score",
    "score_persons",
    "term_matches",
]
