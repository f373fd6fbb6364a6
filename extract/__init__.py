"""stancegraph.extract — shipped from the top-level `extract/` folder."""

if __name__ != "stancegraph.extract":  # pragma: no cover - guards the mapped layout
    raise ImportError(
        f"this folder is the package 'stancegraph.extract', imported here as {__name__!r}: "
        "install the project (make test) and import 'stancegraph.extract', and run the 'pytest' script, "
        "not 'python -m pytest' from the repository root"
    )
