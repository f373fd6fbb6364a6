"""What the page is made of besides its data: the template, its script and style files, vis-network's files
from the installed pyvis package, and the two things that keep document text inert in it: JSON that cannot close
its ``<script>`` element, and a Content-Security-Policy that runs only the page's own scripts (by hash)."""

from __future__ import annotations

import base64
import hashlib
import importlib.resources
import importlib.util
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["assets", "content_security_policy", "json_for_script"]

_VIS_DIR = ("lib", "vis-9.1.2")
_VIS_FILES = ("vis-network.min.js", "vis-network.css")
_TEMPLATE_FILES = ("view.html", "view.js", "guard.js", "view.css")


def json_for_script(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&`` or JS line terminators appear raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def content_security_policy(scripts: Iterable[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
        "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=1)
def assets() -> dict[str, str]:
    """The page template and script/style files, read once; line endings normalised so CSP hashes match."""
    spec = importlib.util.find_spec("pyvis")  # locates pyvis without importing it (and IPython with it)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the HTML view needs pyvis's bundled vis-network: pip install pyvis==0.3.2")
    vis_dir = Path(next(iter(spec.submodule_search_locations))).joinpath(*_VIS_DIR)
    templates = importlib.resources.files(__package__) / "templates"
    assets = {name: (vis_dir / name).read_text(encoding="utf-8") for name in _VIS_FILES}
    assets |= {name: (templates / name).read_text(encoding="utf-8") for name in _TEMPLATE_FILES}
    for name, text in assets.items():
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        closing = {".css": "</style", ".js": "</script"}.get(Path(name).suffix)
        if closing and closing in text.lower():
            raise ValueError(f"{name} contains {closing!r} and cannot be inlined")
        assets[name] = text
    return assets
