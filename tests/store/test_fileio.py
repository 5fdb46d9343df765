"""The one atomic file writer (desktop.fileio): whole or not at all, private when asked."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from desktop.fileio import AtomicFile, write_file_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")


def test_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "key.json"
    target.write_bytes(b"old")
    write_file_atomic(target, b"new" * 100_000)
    assert target.read_bytes() == b"new" * 100_000
    assert [p.name for p in tmp_path.iterdir()] == ["key.json"]


@posix_only
def test_private_files_are_0600_and_plain_ones_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write_file_atomic(tmp_path / "secret", b"s", private=True)
        write_file_atomic(tmp_path / "plain", b"p")
        with AtomicFile(tmp_path / "backup", private=True) as tmp:
            tmp.write_bytes(b"b")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "secret").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "backup").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "plain").stat().st_mode) == 0o644


def test_a_failed_writer_keeps_the_old_file_and_removes_its_temporary(tmp_path):
    target = tmp_path / "roster.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), AtomicFile(target) as tmp:
        tmp.write_text("half a file")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["roster.csv"]


def test_temporaries_are_unique_and_named_for_the_cleanups(tmp_path):
    """Two writers of the same file (two threads storing one photo) never share a temporary;
    the name ends in .part, which maintenance and the attachment clean-up remove after a crash."""
    first, second = AtomicFile(tmp_path / "a.pdf"), AtomicFile(tmp_path / "a.pdf")
    assert first.tmp != second.tmp
    assert first.tmp.name.startswith(".a.pdf.") and first.tmp.name.endswith(".part")
    first.abort()
    second.abort()
    assert list(tmp_path.iterdir()) == []
