"""The ``stancegraph`` command as a user runs it: the installed script in a process of its own, and the check
that a failure is one line on stderr with a non-zero exit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# The script installed beside the Python running the tests (the venv's, or the wheel venv's).
_BESIDE = Path(sys.executable).parent / "stancegraph"
STANCEGRAPH = str(_BESIDE) if _BESIDE.exists() else (shutil.which("stancegraph") or "stancegraph")


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [STANCEGRAPH, *args], capture_output=True, text=True, input=stdin, cwd=cwd, timeout=300
    )


def assert_one_line_error(out: subprocess.CompletedProcess, *needles: str) -> str:
    assert out.returncode != 0, out.stdout
    assert "Traceback" not in out.stderr
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, out.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]
