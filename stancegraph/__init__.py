"""stancegraph: a knowledge graph of diplomatic positions built from text."""

__version__ = "0.1.0"
