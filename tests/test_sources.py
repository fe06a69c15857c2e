"""Tests for factcheck.sources: decoding documents and walking directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.sources import decode, iter_targets, read_document

TEXT = "Café society met in Minsk on 29 July 2020 — “quoted” words.\n"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_utf8(tmp_path):
    doc = read_document(str(write(tmp_path / "a.txt", TEXT.encode("utf-8"))))
    assert doc.text == TEXT
    assert doc.encoding == "utf-8"
    assert doc.warning is None


def test_utf8_bom_is_dropped(tmp_path):
    doc = read_document(str(write(tmp_path / "a.txt", b"\xef\xbb\xbf" + TEXT.encode("utf-8"))))
    assert doc.text == TEXT
    assert not doc.text.startswith("\ufeff")
    assert doc.warning is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    doc = read_document(str(write(tmp_path / "a.txt", bom + TEXT.encode(codec))))
    assert doc.text == TEXT
    assert doc.warning is None


def test_latin1_fallback_with_warning(tmp_path):
    text = "Café naïve déjà vu, 29 juillet 2020.\n"
    path = write(tmp_path / "old.txt", text.encode("latin-1"))
    doc = read_document(str(path))
    assert doc.text == text
    assert doc.encoding in ("cp1252", "latin-1")
    assert doc.warning and "old.txt" in doc.warning and "UTF-8" in doc.warning


def test_cp1252_quotes(tmp_path):
    text = "“Quoted” – a dash.\n"
    doc = read_document(str(write(tmp_path / "w.txt", text.encode("cp1252"))))
    assert doc.text == text
    assert doc.warning


@pytest.mark.parametrize("data", [b"abc\x00def", b"\x00" * 100, bytes(range(256)) * 4])
def test_binary_refused(tmp_path, data):
    path = write(tmp_path / "x.txt", data)
    with pytest.raises(InputError, match="x.txt"):
        read_document(str(path))


def test_mostly_control_characters_refused():
    with pytest.raises(InputError):
        decode(b"\x01\x02\x03\x04\x05\x06 abc" * 50, "ctrl.txt")


def test_empty_file(tmp_path):
    doc = read_document(str(write(tmp_path / "empty.txt", b"")))
    assert doc.text == ""
    assert doc.warning is None


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        read_document(str(tmp_path / "nope.txt"))


def test_directory_is_not_a_document(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_document(str(tmp_path))


def test_missing_target_is_an_error_target(tmp_path):
    (target,) = iter_targets([str(tmp_path / "nope.txt")])
    assert target.error and "nope.txt" in target.error


def test_stdin_target():
    (target,) = iter_targets(["-"])
    assert target.path == "-" and target.error is None


def make_tree(root: Path) -> None:
    for name in [
        "b.txt",
        "a.md",
        "c.markdown",
        "d.html",
        "e.htm",
        "f.pdf",
        "g.yaml",
        "noext",
        ".hidden.txt",
        ".hiddendir/inner.txt",
        "sub/y.txt",
        "sub/x.md",
        "sub/deeper/z.txt",
    ]:
        write(root / name, b"text\n")


def test_directory_walk(tmp_path):
    make_tree(tmp_path)
    paths = [os.path.relpath(t.path, tmp_path) for t in iter_targets([str(tmp_path)])]
    assert all(t.error is None for t in iter_targets([str(tmp_path)]))
    expected = {
        "a.md",
        "b.txt",
        "c.markdown",
        "d.html",
        "e.htm",
        "sub/x.md",
        "sub/y.txt",
        os.path.join("sub", "deeper", "z.txt"),
    }
    assert set(paths) == {p.replace("/", os.sep) for p in expected}
    assert len(paths) == len(set(paths))
    # Sorted: the top directory's files in name order, then each subdirectory's in order.
    top = [p for p in paths if os.sep not in p]
    assert top == sorted(top) == ["a.md", "b.txt", "c.markdown", "d.html", "e.htm"]
    sub = [p for p in paths if os.path.dirname(p) == "sub"]
    assert sub == [os.path.join("sub", "x.md"), os.path.join("sub", "y.txt")]
    assert paths.index(top[-1]) < paths.index(sub[0])
    # The same input gives the same order every time.
    assert paths == [os.path.relpath(t.path, tmp_path) for t in iter_targets([str(tmp_path)])]


def test_explicit_file_with_any_suffix_is_a_target(tmp_path):
    path = write(tmp_path / "notes.pdf", b"text")
    assert [t.path for t in iter_targets([str(path)])] == [str(path)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_terminates_and_each_file_once(tmp_path):
    root = tmp_path / "root"
    make_tree(root)
    os.symlink(root, root / "sub" / "loop")  # a link back to an ancestor
    os.symlink(root / "sub", root / "sub" / "deeper" / "up")  # and to its parent
    paths = [t.path for t in iter_targets([str(root)])]
    real = [os.path.realpath(p) for p in paths]
    assert len(real) == len(set(real)) == 8
    assert all(t.error is None for t in iter_targets([str(root)]))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_self_referencing_file_symlink(tmp_path):
    link = tmp_path / "self.txt"
    os.symlink("self.txt", link)
    write(tmp_path / "good.txt", b"fine\n")
    targets = list(iter_targets([str(tmp_path)]))
    assert [os.path.basename(t.path) for t in targets] == ["good.txt", "self.txt"]
    assert read_document(targets[0].path).text == "fine\n"
    assert_unreadable(targets[1])
    # Given directly, it is an error on read, not a crash.
    (target,) = iter_targets([str(link)])
    assert_unreadable(target)


def assert_unreadable(target) -> None:
    """A target that is an error found while walking, or raises InputError on read."""
    if target.error is not None:
        assert "self.txt" in target.error
        return
    with pytest.raises(InputError, match="self.txt"):
        read_document(target.path)
