"""Headless-chromium helpers for browser tests: screenshots, the DOM after scripts ran, console messages.

Every run uses a fresh profile and has all network access blocked (a dead proxy for every URL, loopback included,
and a resolver that finds no host), so a page that needs the network shows it by failing.

Pages can report to tests through ``data-*`` attributes of ``<html>``: :func:`load_page` returns them as
``Page.dataset`` (the stancegraph view sets ``sg-ready``, ``sg-nodes``, ``sg-edges`` and, on any script error,
failed load or CSP violation, ``sg-errors``).

Use ``@requires_chromium`` on a test, or ``pytestmark = list(BROWSER_MARKS)`` in a module.

:func:`without_csp` takes a page's Content-Security-Policy out and runs a probe script in it, such as
``TOOLTIP_PROBE``, to show what the page holds when nothing but its own escaping protects it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

import pytest

__all__ = [
    "BROWSER_MARKS",
    "CHROMIUM_FLAGS",
    "NO_NETWORK_FLAGS",
    "Page",
    "dump_dom",
    "find_chromium",
    "html_dataset",
    "load_page",
    "png_is_blank",
    "requires_chromium",
    "screenshot",
]

#: Flags for Debian's chromium run as root in a container, headless, quiet.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
#: Flags that block all network access: every request goes to a closed port and no host name resolves.
NO_NETWORK_FLAGS = (
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
_CONSOLE_LINE = re.compile(r":CONSOLE(?::\d+|\(\d+\))?\] \"(.*)\", source: ")

F = TypeVar("F", bound=Callable[..., object])


def find_chromium() -> str | None:
    """Return the chromium executable: ``$STANCEGRAPH_CHROMIUM`` if set, else ``chromium`` or ``chromium-browser``."""
    configured = os.environ.get("STANCEGRAPH_CHROMIUM")
    if configured:
        return shutil.which(configured)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


BROWSER_MARKS = (
    pytest.mark.browser,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="needs Debian's chromium: apt-get install chromium (or set STANCEGRAPH_CHROMIUM)",
    ),
)


def requires_chromium(test: F) -> F:
    """Mark ``test`` as a browser test, skipped when chromium is not installed."""
    for mark in BROWSER_MARKS:
        test = mark(test)
    return test


@dataclass(frozen=True)
class Page:
    """A page after its scripts ran: the serialised DOM, console messages, and ``data-*`` of ``<html>``."""

    dom: str
    console: list[str] = field(default_factory=list)
    dataset: dict[str, str] = field(default_factory=dict)


def load_page(html_path: str | os.PathLike[str], *, wait_ms: int = 10_000, timeout: float = 120) -> Page:
    """Open ``html_path`` in headless chromium, let ``wait_ms`` of virtual time pass, and return the :class:`Page`."""
    out, err = _run_chromium(
        html_path, ["--enable-logging=stderr", "--v=0", f"--virtual-time-budget={wait_ms}", "--dump-dom"], timeout
    )
    console = [m.group(1) for m in map(_CONSOLE_LINE.search, err.splitlines()) if m]
    return Page(dom=out, console=console, dataset=html_dataset(out))


def dump_dom(html_path: str | os.PathLike[str], *, wait_ms: int = 10_000, timeout: float = 120) -> str:
    """Return the DOM of ``html_path`` serialised after ``wait_ms`` of virtual time (so scripts have run)."""
    return load_page(html_path, wait_ms=wait_ms, timeout=timeout).dom


def screenshot(
    html_path: str | os.PathLike[str],
    png_path: str | os.PathLike[str],
    *,
    width: int = 1200,
    height: int = 800,
    wait_ms: int = 10_000,
    timeout: float = 120,
) -> Path:
    """Save a ``width`` x ``height`` PNG of ``html_path`` after ``wait_ms`` of virtual time; return its path."""
    png = Path(png_path).resolve()
    png.unlink(missing_ok=True)
    _run_chromium(
        html_path,
        [f"--window-size={width},{height}", f"--virtual-time-budget={wait_ms}", f"--screenshot={png}"],
        timeout,
    )
    if not png.is_file():
        raise RuntimeError(f"chromium wrote no screenshot of {html_path}")
    return png


def png_is_blank(
    png_path: str | os.PathLike[str], *, box: tuple[int, int, int, int] | None = None, share: float = 0.995
) -> bool:
    """True if at least ``share`` of the pixels (inside ``box`` = left, top, right, bottom) have one colour."""
    image_module = pytest.importorskip("PIL.Image", reason="png_is_blank needs pillow (the 'test' extra)")
    with image_module.open(png_path) as image:
        rgb = image.convert("RGB")
        if box is not None:
            rgb = rgb.crop(box)
        total = rgb.width * rgb.height
        colours = rgb.getcolors(maxcolors=total) or []
    return not colours or max(count for count, _ in colours) >= share * total


def html_dataset(dom: str) -> dict[str, str]:
    """Return the ``data-*`` attributes of the ``<html>`` element in ``dom``, without the ``data-`` prefix."""
    parser = _HtmlElementParser()
    parser.feed(dom)
    return parser.dataset


class _HtmlElementParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.dataset: dict[str, str] = {}
        self._seen = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html" and not self._seen:
            self._seen = True
            self.dataset = {k.removeprefix("data-"): v or "" for k, v in attrs if k.startswith("data-")}


def _run_chromium(html_path: str | os.PathLike[str], args: Sequence[str], timeout: float) -> tuple[str, str]:
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("chromium not found: apt-get install chromium (or set STANCEGRAPH_CHROMIUM)")
    url = Path(html_path).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="stancegraph-chromium-", ignore_cleanup_errors=True) as profile:
        command = [chromium, *CHROMIUM_FLAGS, *NO_NETWORK_FLAGS, f"--user-data-dir={profile}", *args, url]
        # A session of its own, so that on timeout the whole process group chromium started can be stopped.
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace", start_new_session=True
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            process.communicate()
            raise RuntimeError(f"chromium took more than {timeout:g}s on {url}") from None
        _kill_group(process.pid)  # helpers that outlive the browser would keep the profile folder busy
    if process.returncode != 0:
        tail = "\n".join(line for line in err.splitlines() if "dbus" not in line)[-2000:]
        raise RuntimeError(f"chromium exited with {process.returncode} on {url}:\n{tail}")
    return out, err


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# Attach every tooltip element to the document, as vis-network does on hover, then report what it holds.
TOOLTIP_PROBE = """<script>
var probe = setInterval(function () {
  var view = window.stancegraphView;
  if (!view) return;
  clearInterval(probe);
  var box = document.createElement("div");
  view.data.nodes.getIds().concat(view.data.edges.getIds()).forEach(function (id) {
    box.appendChild(view.tooltip(id).cloneNode(true));
  });
  document.body.appendChild(box);
  view.find("actor");
  var root = document.documentElement;
  root.setAttribute("data-probe-text", box.textContent);
  root.setAttribute("data-probe-panel", document.getElementById("stancegraph-panel").textContent);
  root.setAttribute("data-probe-elements", String(document.querySelectorAll("img, svg, iframe, object").length));
  root.setAttribute("data-probe-scripts", String(document.querySelectorAll("script").length));
}, 10);
</script>"""


def without_csp(page_html: str, probe: str) -> str:
    """The page without its Content-Security-Policy, with ``probe`` run at the end of the body."""
    page_html, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html)
    assert removed == 1
    head, end, tail = page_html.rpartition("</body>")
    return head + probe + end + tail
