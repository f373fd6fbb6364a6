"""The README is the user's manual: its SPARQL examples return what it shows, and every command is in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stancegraph.cli import cli
from support import REPO

README = REPO / "README.md"


@pytest.fixture(scope="module")
def readme() -> str:
    if not README.is_file():
        pytest.skip("README.md is not beside the tests (installed-wheel run)")
    return README.read_text(encoding="utf-8")


def sparql_examples(text: str) -> list[tuple[str, str]]:
    """Each ```sparql block with the ```text block that follows it."""
    pattern = re.compile(r"```sparql\n(.*?)```\s*```text\n(.*?)```", re.DOTALL)
    return [(m.group(1), m.group(2)) for m in pattern.finditer(text)]


def test_readme_has_three_sparql_examples(readme):
    assert len(sparql_examples(readme)) >= 3


@pytest.mark.model
def test_readme_sparql_examples_return_the_rows_shown(readme, seed_build):
    from stancegraph.graph.sparql.results import format_result
    from stancegraph.graph.sparql.run import run_query
    from stancegraph.graph.store import open_store

    with open_store(seed_build.store, create=False) as store:
        for query, shown in sparql_examples(readme):
            assert format_result(run_query(store, query), "table") == shown, query


def test_every_cli_command_is_documented(readme):
    for name, command in cli.commands.items():
        assert f"stancegraph {name}" in readme, f"'stancegraph {name}' is not in the README"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in readme or f"/{opt}`" in readme, f"option {opt} of '{name}' is not in the README"


def named_query_examples(text: str) -> list[tuple[list[str], str]]:
    """Each ```sh block running one named query on the demo store, with the ```text block after it."""
    import shlex

    pattern = re.compile(
        r"```sh\nstancegraph (query --name [^\n]*?) --store out/stancegraph\.db\n```\s*```text\n(.*?)```", re.DOTALL
    )
    return [(shlex.split(m.group(1)), m.group(2)) for m in pattern.finditer(text)]


def test_every_named_query_is_in_the_readme(readme):
    from stancegraph.graph.sparql.named import named_queries

    for name in named_queries():
        assert f"stancegraph query --name {name} " in readme, f"named query {name} has no example in the README"
        assert f"| `{name}` |" in readme, f"named query {name} is not in the README's table"


@pytest.mark.model
def test_readme_named_query_examples_print_the_rows_shown(readme, seed_build):
    from click.testing import CliRunner

    examples = named_query_examples(readme)
    assert len(examples) >= 5
    for args, shown in examples:
        result = CliRunner().invoke(cli, [*args, "--store", str(seed_build.store)])
        assert result.exit_code == 0, result.output
        assert result.stdout == shown, args


@pytest.mark.model
def test_readme_sparql_examples_return_the_same_rows_from_a_server(readme, seed_build, tmp_path):
    """The store folder served read-only with --union-default-graph, as the README says, answers the same."""
    from stancegraph.graph.sparql.results import format_result
    from stancegraph.graph.sparql.run import run_query
    from stancegraph.graph.store import open_store
    from support.stores import OxigraphServer, oxigraph_binary

    server = OxigraphServer(oxigraph_binary(), Path(seed_build.store), "--union-default-graph", read_only=True,
                            log=tmp_path / "oxigraph.log")
    try:
        with open_store(server.url) as store:
            for query, shown in sparql_examples(readme):
                assert format_result(run_query(store, query), "table") == shown, query
    finally:
        server.stop()
