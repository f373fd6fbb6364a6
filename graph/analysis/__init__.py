"""Analyses of the stance networks: functions of a networkx graph that return plain data, in the manner of
NetworkX (``measures``: coalitions, polarisation, structural balance, contested topics, activity, centrality),
the signed reading of actor networks they share (``signed``), positions over time from the stance table
(``change``), and each analysis as the table ``stancegraph analyze`` prints (``tables``)."""

from .change import period_of, stance_change
from .measures import (
    coalitions,
    contested_topics,
    most_active,
    most_central,
    polarisation,
    structural_balance,
)
from .tables import ANALYSES, Table, analysis_table, format_table

__all__ = [
    "ANALYSES",
    "Table",
    "analysis_table",
    "coalitions",
    "contested_topics",
    "format_table",
    "most_active",
    "most_central",
    "period_of",
    "polarisation",
    "stance_change",
    "structural_balance",
]
