"""stancegraph.graph — shipped from the top-level `graph/` folder."""

if __name__ != "stancegraph.graph":  # pragma: no cover - guards the mapped layout
    raise ImportError(
        f"this folder is the package 'stancegraph.graph', imported here as {__name__!r}: "
        "install the project (make test) and import 'stancegraph.graph', and run the 'pytest' script, "
        "not 'python -m pytest' from the repository root"
    )
