"""Output files are written atomically and with the usual permissions."""

from __future__ import annotations

import os

import pytest

from stancegraph.files import write_text_atomically


def test_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "table.csv"
    write_text_atomically(target, "old")
    write_text_atomically(target, "new ü")
    assert target.read_text(encoding="utf-8") == "new ü"
    assert [p.name for p in target.parent.iterdir()] == ["table.csv"]


def test_new_files_get_the_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_text_atomically(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "view.html"
    write_text_atomically(target, "old page")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_text_atomically(target, "new page")
    assert target.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["view.html"]
