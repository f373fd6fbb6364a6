"""The RDF layer: namespaces, the IRIs stancegraph mints, RDF terms to and from Python and SPARQL, and the
vocabulary (``vocab.ttl``) with its SHACL shapes (``shapes.ttl``).

Everything above it (the store, SPARQL, reading and writing, networks, analyses, views) names a class, a
property, an actor or a topic through this package, so that each is defined once.
"""
