"""Reading and writing the store's data: documents in (``writer``), the stance table out (``rows``), RDF files
in and out (``importer``, ``export``), and the SHACL check of what is stored (``validate``)."""

from .export import export_rdf
from .rows import person_rows, stance_rows, statement_rows
from .writer import content_hash, document_quads, remove_document, stored_versions, write_document

__all__ = [
    "content_hash",
    "document_quads",
    "export_rdf",
    "person_rows",
    "remove_document",
    "stance_rows",
    "statement_rows",
    "stored_versions",
    "write_document",
]
