"""stancegraph.extract.rules — the stance rules over the dependency parse of one sentence.

Each rule starts from one word and reads an actor, a stance, a topic and targets from the parse. The rules work
on any parsed ``Doc`` (tests build them by hand from words, heads and deps) and return plain ``Finding``
objects that point at tokens; ``stancegraph.extract.extractor`` turns them into ``StanceTriple``s.

- ``table``: the ordered rule table (which rule reads which word) and ``find_stances``;
- ``context``: what every rule works with, ``SentenceContext``, and how a reading becomes findings;
- ``actors``: who the words of a sentence stand for;
- ``stance_words``: rules that start from a stance verb, noun or evaluation of the lexicon;
- ``criticism``: hostile acts named or alleged, feelings and evaluations that condemn;
- ``diplomatic_forms``: modal demands, readiness, causatives, "there is no ...", "the best way is ...";
- ``findings``: what the rules return, and the small pieces they share.
"""

from .findings import ActorRef, Finding, accused_in
from .table import find_stances

__all__ = ["ActorRef", "Finding", "accused_in", "find_stances"]
