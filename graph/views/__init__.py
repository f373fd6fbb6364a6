"""Renderers of the networks, each reading a networkx graph of ``stancegraph.graph.networks``: the interactive
HTML view (``html``), static figures for papers (``figure``), and files for other tools, GraphML, GEXF and
node-link JSON (``exchange``). They share one style (``style``): colours, shapes, sizes, legends, and the one
rule for an edge's sign."""
