"""The HTML view in headless chromium with the network blocked: it draws, reports its nodes, runs no payload."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from browserutil import BROWSER_MARKS, load_page, png_is_blank, screenshot
from stancegraph.graph.view import view_html, write_view
from stancerows import stance_row

pytestmark = list(BROWSER_MARKS)

# Pixels of the network canvas in a 1200x800 screenshot: below the header, left of the evidence panel.
NETWORK_BOX = (10, 160, 800, 790)


def _row(actor: str, actor_id: str, stance: str, polarity: int, topic: str, sentence: str, **extra: Any):
    return stance_row(actor, actor_id, stance, polarity, topic, sentence, **{"doc": "seed", **extra})


ROWS = [
    _row("Russia", "RUS", "oppose", -1, "ABM shield", "Moscow staunchly opposes the deployment of an ABM shield."),
    _row("NATO", "NATO", "reject", -1, "joint missile defense system", "NATO rejected a joint missile defense system.",
         actor_type="organization"),
    _row("Russia", "RUS", "propose", 1, "joint missile defense system", "... proposed by the Kremlin."),
    _row("Russia", "RUS", "demand", 1, "legally-binding guarantees", "Moscow has long sought guarantees.",
         targets=["USA", "NATO"]),
    _row("United States", "USA", "consider", 0, "legally-binding guarantees", "Washington has not ruled them out."),
]

MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
PAYLOADS = [
    f"<script>{MARK.format('script')}</script>",
    f"</script><script>{MARK.format('breakout')}</script>",
    f"<img src=x onerror=\"{MARK.format('img')}\">",
    f"<svg onload=\"{MARK.format('svg')}\"></svg>",
]
HOSTILE_ROWS = [
    _row(f"Actor {payload}", f"X{i}", "oppose", -1, f"Topic {payload}", f"Sentence {payload}",
         actor_text=payload, topic_text=payload, source=payload, doc=payload)
    for i, payload in enumerate(PAYLOADS)
]
# Attach every tooltip element to the document, as vis-network does on hover, then report what it holds.
PROBE = """<script>
var probe = setInterval(function () {
  var view = window.stancegraphView;
  if (!view) return;
  clearInterval(probe);
  var box = document.createElement("div");
  view.data.nodes.get().concat(view.data.edges.get()).forEach(function (item) { box.appendChild(item.title); });
  document.body.appendChild(box);
  document.documentElement.setAttribute("data-probe-text", box.textContent);
  document.documentElement.setAttribute("data-probe-elements", String(box.querySelectorAll("img, script, svg").length));
}, 10);
</script>"""


def test_view_draws_every_node_without_errors(tmp_path: Path) -> None:
    html_path = write_view(ROWS, tmp_path / "view.html", title="Missile defence")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.dataset.get("sg-ready") == "1"
    assert page.dataset["sg-nodes"] == "6"  # Russia, NATO, United States and three topics
    assert page.dataset["sg-edges"] == "5"
    assert page.console == []


def test_screenshot_shows_the_network(tmp_path: Path) -> None:
    html_path = write_view(ROWS, tmp_path / "view.html")
    png = screenshot(html_path, tmp_path / "view.png", width=1200, height=800)
    assert not png_is_blank(png)
    assert not png_is_blank(png, box=NETWORK_BOX)


def test_empty_view_says_no_stances(tmp_path: Path) -> None:
    html_path = write_view([], tmp_path / "empty.html")
    page = load_page(html_path)
    assert page.dataset.get("sg-errors") is None
    assert page.dataset["sg-ready"] == "1" and page.dataset["sg-nodes"] == "0"
    assert "no stances" in page.dom
    png = screenshot(html_path, tmp_path / "empty.png")
    assert png_is_blank(png, box=(10, 220, 800, 790))  # below the message: no network drawn


def test_hostile_rows_run_nothing(tmp_path: Path) -> None:
    html_path = write_view(HOSTILE_ROWS, tmp_path / "hostile.html", title=PAYLOADS[1])
    page = load_page(html_path)
    assert "pwned" not in page.dataset
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")  # not even a blocked attempt
    assert page.dataset["sg-nodes"] == str(2 * len(PAYLOADS))
    title = re.search(r"<title>(.*?)</title>", page.dom, re.S)
    assert title and "&lt;script&gt;" in title.group(1)


def test_hostile_rows_run_nothing_even_without_the_content_security_policy(tmp_path: Path) -> None:
    page_html = view_html(HOSTILE_ROWS, title=PAYLOADS[1])
    page_html, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html)
    assert removed == 1
    html_path = tmp_path / "no-csp.html"
    head, end, tail = page_html.rpartition("</body>")
    html_path.write_text(head + PROBE + end + tail, encoding="utf-8")
    page = load_page(html_path)
    assert "pwned" not in page.dataset
    assert page.dataset.get("sg-errors") is None, page.dataset.get("sg-errors")
    assert page.dataset["probe-elements"] == "0"
    for payload in PAYLOADS:
        assert f"Sentence {payload}" in page.dataset["probe-text"]
        assert f"Topic {payload}" in page.dataset["probe-text"]


@pytest.mark.parametrize("blocked", ["https://example.org/x.js", "http://127.0.0.1:1/x.js"])
def test_the_network_is_blocked(tmp_path: Path, blocked: str) -> None:
    html_path = tmp_path / "fetch.html"
    html_path.write_text(
        "<!DOCTYPE html><html><body><script>"
        f"fetch({blocked!r}).then(function () {{ document.documentElement.setAttribute('data-net', 'open'); }},"
        " function () { document.documentElement.setAttribute('data-net', 'blocked'); });"
        "</script></body></html>",
        encoding="utf-8",
    )
    assert load_page(html_path, wait_ms=3000).dataset.get("net") == "blocked"
