"""``lint --fix`` writes through symlinks, keeps owner, mode and encoding byte for byte,
and leaves hard-linked files alone, saying why (#12.12)."""
from __future__ import annotations

import os
import stat

BIB = ("% мои ссылки\n@book{a, author = {Газуль, С. М.}, title = {Бизнес и облака}, date = {2011}, "
       "pages = {12-15}, langid = {russian}}\n")
FIXED = BIB.replace("{12-15}", "{12--15}")


def test_fix_through_a_symlink_fixes_the_real_file_and_keeps_the_link(run_cli, tmp_path):
    real = tmp_path / "real.bib"
    real.write_text(BIB, encoding="utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    run_cli("lint", str(link), "--fix", "--select", "V003")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_mode_and_owner(run_cli, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    os.chmod(path, 0o604)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    run_cli("lint", str(path), "--fix", "--select", "V003")
    st = os.stat(path)
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(st.st_mode) == 0o604
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (65534, 65534)


def test_hard_linked_file_is_left_alone_and_the_reason_given(run_cli, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    other = tmp_path / "copy.bib"
    os.link(path, other)
    code, _, err = run_cli("lint", str(path), "--fix", "--select", "V003")
    assert os.stat(path).st_ino == os.stat(other).st_ino, "the hard link was split"
    assert path.read_text(encoding="utf-8") == BIB
    assert f"{path}: not fixed: it has 2 hard links" in err
    assert code == 1                       # the finding is still there


def test_cp1251_file_keeps_its_bytes_outside_the_fix(run_cli, tmp_path):
    path = tmp_path / "refs.bib"
    # 0x98 is undefined in cp1251: the file must still come back byte for byte
    original = BIB.encode("cp1251").replace("мои".encode("cp1251"), "мои".encode("cp1251") + b"\x98")
    path.write_bytes(original)
    run_cli("lint", str(path), "--fix", "--select", "V003")
    assert path.read_bytes() == original.replace(b"{12-15}", b"{12--15}")


def test_a_fix_the_encoding_cannot_hold_is_refused_with_the_reason(tmp_path):
    from polybib.formats.bibtex import read as read_bib
    from polybib.lint.findings import Edit
    from polybib.lint.fixer import _SourceBytes

    data = BIB.encode("cp1251") + b"\x98"
    library = read_bib(data, "refs.bib")
    document = library.documents[0]
    source = _SourceBytes(document)
    start = document.text.index("12-15")
    assert "cannot be written in cp1251" in source.cannot_hold([Edit(start, start + 5, "12–15 ✓")])
    assert source.cannot_hold([Edit(start, start + 5, "12--15")]) == ""
    source.apply([Edit(start, start + 5, "12--15")])
    assert source.data() == data.replace(b"12-15", b"12--15")
