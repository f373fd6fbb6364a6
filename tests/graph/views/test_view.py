"""The HTML view without a browser: what the page holds, how it escapes, that it stands alone."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from stancegraph.graph.views.html import view_html, write_view
from stancegraph.graph.views.style import LAYOUT_SEED, POLARITY_COLOURS
from support.html import page_elements
from support.stancerows import stance_row

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- <script>",
    "\"quoted\" and 'single' & ampersand",
    "line\u2028separator\u2029paragraph",
]


_row = stance_row


ROWS = [
    _row("Russia", "RUS", "oppose", -1, "ABM shield", actor_text="Moscow"),
    _row("Russia", "RUS", "oppose", -1, "ABM shield", doc="d2", sentence="The Kremlin objects to the ABM shield."),
    _row("Russia", "RUS", "reject", -1, "ABM shield", doc="d3"),
    _row("NATO", "NATO", "reject", -1, "joint missile defense system", actor_type="organization"),
    _row("Russia", "RUS", "propose", 1, "joint missile defense system", actor_text="the Kremlin"),
    _row("Russia", "RUS", "demand", 1, "legally-binding guarantees", targets=["USA", "NATO"]),
    _row("United States", "USA", "consider", 0, "legally-binding guarantees", actor_text="Washington", hedged=True),
]


def _data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="stancegraph-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page() -> str:
    return view_html(ROWS, title="Missile defence")


ACTOR = "https://w3id.org/stancegraph/id/actor/"
TOPIC = "https://w3id.org/stancegraph/id/topic/"


def _by_iri(data: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str, int], dict[str, Any]]]:
    """The page's nodes by IRI, and its edges by (from IRI, to IRI, polarity)."""
    nodes = {n["iri"]: n for n in data["nodes"]}
    iri = {n["id"]: n["iri"] for n in data["nodes"]}
    edges = {(iri[e["from"]], iri[e["to"]], e["polarity"]): e for e in data["edges"]}
    return nodes, edges


def test_one_node_per_actor_and_per_topic(page: str) -> None:
    nodes, _ = _by_iri(_data(page))
    assert set(nodes) == {
        ACTOR + "RUS",
        ACTOR + "NATO",
        ACTOR + "USA",
        TOPIC + "abm-shield",
        TOPIC + "joint-missile-defense-system",
        TOPIC + "legally-binding-guarantees",
    }
    assert nodes[ACTOR + "RUS"]["label"] == "Russia"
    assert nodes[ACTOR + "NATO"]["shape"] != nodes[ACTOR + "RUS"]["shape"]  # organisation vs state
    assert {n["shape"] for i, n in nodes.items() if i.startswith(TOPIC)} == {"box"}
    assert not any(n["shape"] == "box" for i, n in nodes.items() if i.startswith(ACTOR))
    assert nodes[ACTOR + "RUS"]["value"] == 5
    assert "written as: Russia, Moscow, the Kremlin" in nodes[ACTOR + "RUS"]["tip"]["lines"]
    assert len({n["id"] for n in nodes.values()}) == len(nodes)


def test_one_edge_per_actor_topic_polarity(page: str) -> None:
    data = _data(page)
    _, by_key = _by_iri(data)
    assert len(data["edges"]) == 5
    shield = by_key[(ACTOR + "RUS", TOPIC + "abm-shield", -1)]
    assert shield["weight"] == shield["statements"] == 3
    assert shield["label"] == "oppose \u00d72, reject"
    assert shield["width"] > by_key[(ACTOR + "NATO", TOPIC + "joint-missile-defense-system", -1)]["width"]
    assert (ACTOR + "RUS", TOPIC + "joint-missile-defense-system", 1) in by_key
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])


def test_edge_tooltip_lists_every_evidence_sentence(page: str) -> None:
    _, by_key = _by_iri(_data(page))
    shield = by_key[(ACTOR + "RUS", TOPIC + "abm-shield", -1)]
    evidence = shield["tip"]["evidence"]
    assert len(evidence) == 3 and "more" not in shield["tip"]
    assert [meta.split(" \u00b7 ")[0] for meta, _ in evidence] == ["d1", "d2", "d3"]
    assert "The Kremlin objects to the ABM shield." in [sentence for _, sentence in evidence]
    meta = evidence[0][0]
    assert "2012-05-03" in meta and "RIA Novosti" in meta and "oppose" in meta
    edges = list(by_key.values())
    demand = next(e for e in edges if e["label"] == "demand")
    assert "targets USA, NATO" in demand["tip"]["evidence"][0][0]
    consider = next(e for e in edges if e["label"] == "consider")
    assert "hedged" in consider["tip"]["evidence"][0][0]


def test_polarity_colours(page: str) -> None:
    colours = {e["polarity"]: e["color"] for e in _data(page)["edges"]}
    assert colours == {1: POLARITY_COLOURS[1], 0: POLARITY_COLOURS[0], -1: POLARITY_COLOURS[-1]}
    assert len(set(POLARITY_COLOURS.values())) == 3


def test_pairs_with_two_polarities_get_curved_apart(page: str) -> None:
    _, by_key = _by_iri(_data(page))
    joint = [e for k, e in by_key.items() if k[:2] == (ACTOR + "RUS", TOPIC + "joint-missile-defense-system")]
    other = [e for k, e in by_key.items() if k[1] == TOPIC + "abm-shield"]
    assert len(joint) == 1 and "smooth" not in joint[0]  # RUS only proposes it; NATO rejects it
    assert "smooth" not in other[0]
    both = view_html([*ROWS, _row("Russia", "RUS", "reject", -1, "joint missile defense system")])
    _, by_key = _by_iri(_data(both))
    bent = [e for k, e in by_key.items() if k[:2] == (ACTOR + "RUS", TOPIC + "joint-missile-defense-system")]
    assert len(bent) == 2 and bent[0]["smooth"]["roundness"] != bent[1]["smooth"]["roundness"]


def test_header_counts_title_and_legend(page: str) -> None:
    assert "<title>Missile defence</title>" in page
    assert "<h1>Missile defence</h1>" in page
    assert "3 actors \u00b7 3 topics \u00b7 7 stances in 5 edges \u00b7 3 documents" in page
    for text in ("(+1)", "considers (0)", "(\u22121)", "actor: state", "actor: organization", ">topic</li>"):
        assert text in page


def test_layout_seed_and_stabilisation(page: str) -> None:
    options = _data(page)["options"]
    assert options["layout"]["randomSeed"] == LAYOUT_SEED
    assert options["physics"]["stabilization"]["enabled"] is True
    assert "physics: { enabled: false }" in page  # switched off once stabilised


def _hostile_rows() -> list[dict[str, Any]]:
    rows = []
    for i, text in enumerate(HOSTILE):
        rows.append(
            _row(
                f"Actor {text}",
                f"X{i}",
                "oppose",
                -1,
                f"topic {text}",
                sentence=f"sentence {text}",
                actor_text=text,
                topic_text=text,
                source=text,
                doc=text,
                speaker=text,
                actor_type=text,
            )
        )
    return rows


def test_hostile_strings_are_escaped() -> None:
    page = view_html(_hostile_rows(), title=HOSTILE[0])
    assert "alert(1)</script>" not in page
    assert "<img" not in page
    assert "\u2028" not in page and "\u2029" not in page
    elements = page_elements(page)
    assert [tag for tag, _ in elements.tags].count("script") == 4  # guard, data, vis-network, view
    assert not any(name.startswith("on") for _, attrs in elements.tags for name in attrs)
    assert {tag for tag, _ in elements.tags} <= {"html", "head", "meta", "title", "script", "style", "body", "header",
                                                "h1", "p", "ul", "li", "span", "main", "div", "aside", "input",
                                                "button", "datalist", "label"}
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_hostile_strings_survive_the_round_trip() -> None:
    data = _data(view_html(_hostile_rows()))
    labels = {n["label"] for n in data["nodes"]}
    sentences = {s for e in data["edges"] for _, s in e["tip"]["evidence"]}
    for text in HOSTILE:
        assert f"Actor {text}" in labels
        assert f"topic {text}" in labels
        assert f"sentence {text}" in sentences


def test_scripts_are_allowed_by_hash_and_nothing_else() -> None:
    page = view_html(ROWS)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    executable = [text for attrs, text in page_elements(page).scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 3
    for text in executable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in csp


def test_standalone_page_has_no_external_urls(page: str) -> None:
    for tag, attrs in page_elements(page).tags:
        for name in ("src", "href", "action", "data", "poster"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value), (tag, name, value)
    assert "<link" not in page
    assert not re.search(r"(url\(|@import)\s*['\"]?\s*(https?:)?//", page)
    assert "vis.Network" in page and "vis-tooltip" in page  # vis-network's JS and CSS are inlined


def test_output_is_deterministic_and_independent_of_row_order() -> None:
    first = view_html(ROWS)
    assert view_html(ROWS) == first
    assert view_html(list(reversed(ROWS))) == first


def test_empty_rows_say_no_stances() -> None:
    page = view_html([])
    data = _data(page)
    assert data["nodes"] == [] and data["edges"] == []
    assert "no stances" in page
    assert "0 actors \u00b7 0 topics \u00b7 0 stances in 0 edges \u00b7 0 documents" in page


def test_rows_with_missing_or_odd_fields_do_not_crash() -> None:
    rows = [
        {"actor": "Cuba", "topic": "embargo", "polarity": "-1", "targets": "USA;EU", "negated": "true"},
        {"actor_id": "EU", "stance": "support", "polarity": None},
        {},
    ]
    data = _data(view_html(rows))
    by_label = {n["label"]: n for n in data["nodes"]}
    assert {"Cuba", "embargo", "EU", "?", "(no topic)"} <= set(by_label)
    _, by_key = _by_iri(data)
    cuba = next(e for k, e in by_key.items() if k[0] == ACTOR + "Cuba")
    assert cuba["polarity"] == -1 and "targets USA, EU" in cuba["tip"]["evidence"][0][0]


def test_write_view_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out" / "view.html"
    assert write_view(ROWS, target, title="t") == target
    assert target.read_text(encoding="utf-8") == view_html(ROWS, title="t")
    write_view([], target)
    assert "no stances" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["view.html"]


def test_failed_write_keeps_the_old_page_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_view(ROWS, tmp_path / "view.html")
    before = target.read_bytes()

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_view([], target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]


def test_importing_stancegraph_does_not_import_pyvis(tmp_path: Path) -> None:
    code = "import sys, stancegraph, stancegraph.graph.views.html; sys.exit('pyvis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=tmp_path).returncode == 0
