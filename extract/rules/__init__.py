"""stancegraph.extract.rules — the stance rules over the dependency parse of one sentence."""

from .sentence import ActorRef, Finding, accused_in, find_stances

__all__ = ["ActorRef", "Finding", "accused_in", "find_stances"]
