"""File ▸ Backup / Restore with full backups (.kdbackup): keys and photos come back, progress
off the GUI thread, a bad backup refused with the data untouched."""

from __future__ import annotations

import io
import os
import stat
import zipfile

from PIL import Image

import desktop.ui.main_window as mw
from desktop.core.attachments import add_bytes, read_attachment
from desktop.core.certificates import keys
from desktop.core.certificates.jws import make_payload, sign
from desktop.core.certificates.verify import verify_text
from desktop.paths import files_dir
from desktop.ui.progress import TaskProgress
from desktop.ui.tasks import ThreadRunner

PAYLOAD = make_payload(
    v=1, no="UPAAM/2026/0000009", name_en="Sita Devi", name_hi="सीता देवी",
    programme="e-Office", hours=12, institute="UPAAM", issued="2026-11-20",
    **{"from": "2026-11-18", "to": "2026-11-19"},
)


def _photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (5, 90, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def _prepare(window):
    store = window.ctx.store
    kid = keys.rotate(store)  # a key file beside this copy of the demo database
    sha = add_bytes(store, _photo(), "visit.jpg").sha256
    _, private = keys.signing_key(store)
    return kid, sha, sign(PAYLOAD, kid, private)


def _dialogs(monkeypatch, save=None, open_=None, protection=None):
    """Stand-ins for the file, message and passphrase dialogs; `protection` is what the
    passphrase dialog answers (None: "Do not encrypt this backup" ticked)."""
    shown: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(mw.passphrase, "ask_new", lambda _p: mw.passphrase.Choice(protection))
    monkeypatch.setattr(mw.passphrase, "ask_existing", lambda _p, _name: protection)
    if save is not None:
        monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: save)
    if open_ is not None:
        monkeypatch.setattr(mw.QFileDialog, "getOpenFileName", lambda *a, **k: open_)
    monkeypatch.setattr(mw.QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(mw.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(mw, "ask_yes_no", lambda _p, _t, text: asked.append(text) or True)
    return shown, asked


def test_full_backup_and_restore_bring_back_keys_and_photos(window, tmp_path, monkeypatch):
    kid, sha, token = _prepare(window)
    db_path = window.ctx.store.path
    # a name without a suffix and the full-backup filter: .kdbackup is added
    full_filter = mw.translate("MainWindow", "Full backup: database, keys and files (*.kdbackup)")
    target = tmp_path / "centre.kdbackup"
    shown, asked = _dialogs(
        monkeypatch, save=(str(tmp_path / "centre"), full_filter), open_=(str(target), "")
    )
    window.action_backup.trigger()
    assert target.exists() and str(target) in shown[-1] and "signing keys" in shown[-1]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with zipfile.ZipFile(target) as zf:
        assert f"files/attachments/{sha[:2]}/{sha}" in zf.namelist()

    # the laptop "dies": key and photo gone, and later work to be undone
    key_file = db_path.parent / f"{db_path.stem}-keys" / (kid.replace(":", "-") + ".key")
    key_file.unlink()
    (files_dir(db_path) / "attachments" / sha[:2] / sha).unlink()
    old_store = window.ctx.store
    old_store.insert("participant", {"name_en": "After Backup"})
    shown_before = len(shown)
    window.action_restore.trigger()
    assert "signing keys" in asked[-1]
    assert len(shown) > shown_before and "restored" in shown[-1]
    assert ".pre-restore.kdbackup" in shown[-1]
    store = window.ctx.store
    assert store is not old_store
    assert store.conn.execute(
        "SELECT count(*) FROM participant WHERE name_en = 'After Backup'"
    ).fetchone()[0] == 0
    assert read_attachment(store, sha)
    assert key_file.exists() and keys.signing_key(store)[0] == kid
    assert verify_text(token, store=store).valid
    assert window.page("roster").model.rowCount() > 0


def test_backup_and_restore_run_off_the_gui_thread_with_progress(
    window, tmp_path, monkeypatch, qtbot
):
    _kid, sha, _token = _prepare(window)
    window.ctx.runner = ThreadRunner()
    values: list[int] = []
    real = TaskProgress.report

    def spy(self, done, total, what=""):
        assert self.is_open  # a progress dialog is up
        real(self, done, total, what)
        values.append(self.dialog.value())  # per mille of the bytes

    monkeypatch.setattr(TaskProgress, "report", spy)
    target = tmp_path / "threaded.kdbackup"
    shown, _asked = _dialogs(monkeypatch, save=(str(target), ""), open_=(str(target), ""))
    window.action_backup.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert target.exists() and values and values[-1] == 1000
    values.clear()
    window.action_restore.trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
    assert "restored" in shown[-1] and values[-1] == 1000
    assert read_attachment(window.ctx.store, sha)
    window.ctx.runner.wait()


def test_an_encrypted_backup_asks_for_its_passphrase_to_restore(window, tmp_path, monkeypatch):
    from desktop.core import backup_crypto
    from desktop.core.backup_crypto import Protection

    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)
    store = window.ctx.store
    store.insert("participant", {"name_en": "In The Backup"})
    target = tmp_path / "sealed.kdbackup"
    shown, _asked = _dialogs(monkeypatch, save=(str(target), ""), open_=(str(target), ""),
                             protection=Protection(passphrase="a long passphrase"))
    window.action_backup.trigger()
    assert backup_crypto.is_encrypted(target) and "encrypted" in shown[-1]
    window.ctx.store.insert("participant", {"name_en": "After The Backup"})
    monkeypatch.setattr(mw.passphrase, "ask_existing", lambda _p, _n: Protection(
        passphrase="not the passphrase"))
    window.action_restore.trigger()
    assert "does not open" in shown[-1] and "not the passphrase" not in shown[-1]
    assert window.ctx.store.conn.execute(
        "SELECT count(*) FROM participant WHERE name_en = 'After The Backup'").fetchone()[0] == 1
    monkeypatch.setattr(mw.passphrase, "ask_existing", lambda _p, _n: Protection(
        passphrase="a long passphrase"))
    window.action_restore.trigger()
    assert "restored" in shown[-1]
    assert window.ctx.store.conn.execute(
        "SELECT count(*) FROM participant WHERE name_en = 'After The Backup'").fetchone()[0] == 0


def test_a_damaged_backup_is_refused_and_the_desk_keeps_working(window, tmp_path, monkeypatch):
    _kid, sha, _token = _prepare(window)
    store = window.ctx.store
    store.insert("participant", {"name_en": "Keep Me"})
    bad = tmp_path / "bad.kdbackup"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("database.db", b"not a database")
    shown, _asked = _dialogs(monkeypatch, open_=(str(bad), ""))
    window.action_restore.trigger()
    assert "Nothing was changed" in shown[-1]
    count = window.ctx.store.conn.execute(
        "SELECT count(*) FROM participant WHERE name_en = 'Keep Me'"
    ).fetchone()[0]
    assert count == 1 and read_attachment(window.ctx.store, sha)
    assert not list(tmp_path.glob("*.pre-restore*"))


def test_every_main_window_message_is_in_shell_hi():
    """Every literal `translate("MainWindow", …)` of main_window.py has a Hindi entry."""
    import ast
    import xml.etree.ElementTree as ET

    from desktop.paths import resource_path

    tree = ast.parse(open(mw.__file__, encoding="utf-8").read())
    wanted = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "translate"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value == "MainWindow"
        and isinstance(node.args[1], ast.Constant)
    }
    root = ET.parse(resource_path("i18n", "shell_hi.ts")).getroot()
    known = {
        m.findtext("source")
        for c in root.iter("context")
        if c.findtext("name") == "MainWindow"
        for m in c.iter("message")
    }
    assert "Checking and restoring the backup…" in wanted
    assert sorted(wanted - known) == []


def test_backup_messages_in_hindi(start_window, demo_db, tmp_path, monkeypatch):
    window = start_window(demo_db, language="hi")
    shown, _asked = _dialogs(monkeypatch, save=(str(tmp_path / "b.kdbackup"), ""))
    window.action_backup.trigger()
    assert "बैकअप" in shown[-1] and "हस्ताक्षर कुंजियाँ" in shown[-1]


def test_restore_is_refused_while_another_process_has_the_database(
    window, tmp_path, monkeypatch
):
    """File ▸ Restore… with the same database open in another process (a second window, a
    command, the venue hub): refused in words, nothing replaced, and the desk works on."""
    from tests.store.other_process import HOLDER, Other

    store = window.ctx.store
    backup_path = tmp_path / "before.kdbackup"
    from desktop.core import maintenance

    maintenance.backup(store, backup_path)
    store.insert("participant", {"name_en": "Keep Me Too"})
    shown, _asked = _dialogs(monkeypatch, open_=(str(backup_path), ""))
    other = Other(HOLDER, store.path)
    try:
        window.action_restore.trigger()
        assert "open in another Karmayogi Desk" in shown[-1]
    finally:
        other.stop()
    assert window.ctx.store.conn.execute(
        "SELECT count(*) FROM participant WHERE name_en = 'Keep Me Too'"
    ).fetchone()[0] == 1
    assert not list(store.path.parent.glob("*.pre-restore*"))
    window.ctx.store.insert("participant", {"name_en": "Still Writable"})  # reopened
