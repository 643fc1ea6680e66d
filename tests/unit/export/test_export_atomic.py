"""Atomic writes: a failed or interrupted export never leaves a half file under the final name."""

from __future__ import annotations

import os
import stat

import pytest

from reader.atomicfile import atomic_path, atomic_write, write_text_atomic
from reader.errors import StorageError


def test_write_replaces_the_target_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "摘要.md"
    target.write_text("old", encoding="utf-8")
    write_text_atomic(target, "新内容\n")
    assert target.read_text(encoding="utf-8") == "新内容\n"
    assert [p.name for p in tmp_path.iterdir()] == ["摘要.md"]


def test_new_file_gets_ordinary_permissions_not_private_temp_ones(tmp_path):
    target = tmp_path / "out.md"
    write_text_atomic(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_exception_keeps_the_old_file_and_removes_the_temporary(tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"complete old file")
    with pytest.raises(RuntimeError):
        with atomic_write(target, "wb") as handle:
            handle.write(b"half of a new fi")
            raise RuntimeError("interrupted")
    assert target.read_bytes() == b"complete old file"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_keyboard_interrupt_leaves_nothing_under_the_final_name(tmp_path):
    target = tmp_path / "new.pdf"
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as temp:
            temp.write_bytes(b"%PDF-1.7 partial")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_gives_a_bilingual_storage_error_naming_the_path(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as caught:
            write_text_atomic(folder / "out.md", "x")
    finally:
        folder.chmod(0o700)
    assert "(permission denied" in caught.value.message
    assert str(folder / "out.md") in caught.value.message


def test_replace_refused_is_reported_as_file_in_use(tmp_path, monkeypatch):
    """On Windows a file open in Word refuses os.replace with PermissionError."""
    target = tmp_path / "open-in-word.docx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError) as caught:
        write_text_atomic(target, "new")
    assert "Word" in caught.value.message and str(target) in caught.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["open-in-word.docx"]


def test_missing_folder_and_folder_target_are_clear_errors(tmp_path):
    with pytest.raises(StorageError) as missing:
        write_text_atomic(tmp_path / "nope" / "out.md", "x")
    assert "folder does not exist" in missing.value.message
    with pytest.raises(StorageError) as folder:
        write_text_atomic(tmp_path, "x")
    assert "is a folder" in folder.value.message


def test_unwritable_folder_as_root_sees_it(tmp_path, monkeypatch):
    """The same path as above, for CI running as root: creating the temporary file is refused."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(StorageError) as caught:
        write_text_atomic(tmp_path / "out.md", "x")
    assert caught.value.message.startswith("没有写入权限 (permission denied")
    assert str(tmp_path / "out.md") in caught.value.message
