"""The interactive HTML view: one standalone, offline page per network (``page``), built from vis-network's node
and edge lists (``visdata``) and the template, scripts and security of the page (``assets``, ``templates/``)."""

from .page import MAX_EVIDENCE, network_html, view_html, write_network_view, write_view

__all__ = ["MAX_EVIDENCE", "network_html", "view_html", "write_network_view", "write_view"]
