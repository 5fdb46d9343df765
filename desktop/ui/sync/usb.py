"""No network: export and import bundles and receipts on a USB stick (an unknown signer is
confirmed by its key fingerprint first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
)

from desktop.core.sync import trust
from desktop.core.sync.bundle import UntrustedSigner as UntrustedBundleSigner
from desktop.core.sync.bundle import export_bundle, import_bundle
from desktop.core.sync.receipt import (
    export_receipt,
    import_receipt,
    relayed_devices,
)
from desktop.ui.sync.dialogs import TrustSignerDialog
from desktop.ui.sync.words import tr


class UsbMixin:
    """The USB buttons of the Sync page; part of SyncPage, which owns the widgets."""

    def export_bundle(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export bundle"), "karmayogi-desk.kdbundle", "*.kdbundle")
        if not name:
            return
        key, ok = QInputDialog.getText(
            self, tr("Export bundle"),
            tr("To encrypt, paste the receiving desk's bundle key (leave empty for none):"))
        if not ok:
            return
        self.ctx.run(
            lambda h: export_bundle(self.ctx.store, Path(name), recipient=key.strip() or None),
            on_done=lambda s: self._done_text(tr(
                "Bundle written: {0} record(s) in {1} batch(es) to {2}.").format(
                    s["records"], s["batches"], s["file"])),
            on_error=self._error)

    def import_bundle(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import bundle"), "", "*.kdbundle")
        if not name:
            return
        self._import_bundle(Path(name), None)

    def _import_bundle(self, path: Path, fingerprint: str | None) -> None:
        def done(s: dict[str, Any]) -> None:
            if s["already_imported"]:
                self._done_text(tr("This bundle was already imported; nothing changed."))
            else:
                self._done_text(tr(
                    "Bundle imported: {0} record(s) updated here; {1} batch(es) will be "
                    "passed on to the portal.").format(s["applied"], s["relayed"]))

        def failed(exc: BaseException, trace: str = "") -> None:
            if not isinstance(exc, UntrustedBundleSigner) or exc.given is not None:
                self._error(exc, trace)
            elif TrustSignerDialog(self, exc).confirmed():
                self._import_bundle(path, exc.fingerprint)
            else:
                self._done_text(tr("Bundle not imported; nothing changed."))

        self.ctx.run(
            lambda h: import_bundle(self.ctx.store, path, trust_fingerprint=fingerprint),
            on_done=done, on_error=failed, changes=("sync",))

    def export_receipt(self) -> None:
        devices = relayed_devices(self.ctx.store)
        if not devices:
            self._done_text(tr("No bundles from other desks have been passed on yet."))
            return
        labels = [tr("Desk {0}: {1} of {2} batch(es) at the portal").format(
            d["device_id"], d["acked"], d["batches"]) for d in devices]
        choice, ok = QInputDialog.getItem(self, tr("Write receipt"), tr("For which desk?"),
                                          labels, 0, False)
        if not ok:
            return
        device = devices[labels.index(choice)]["device_id"]
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Write receipt"), f"receipt-{device[:8]}.kdreceipt", "*.kdreceipt")
        if not name:
            return
        self.ctx.run(lambda h: export_receipt(self.ctx.store, Path(name), device),
                     on_done=lambda s: self._done_text(tr("Receipt written for {0} batch(es).")
                                                       .format(s["acked"])),
                     on_error=self._error)

    def import_receipt(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("Import receipt"), "", "*.kdreceipt")
        if not name:
            return
        self._import_receipt(Path(name), None)

    def _import_receipt(self, path: Path, fingerprint: str | None) -> None:
        def done(s: dict[str, Any]) -> None:
            self._done_text(
                tr("This receipt was already imported; nothing changed.")
                if s["already_imported"] else
                tr("{0} batch(es) confirmed as received by the portal.").format(s["acked"]))

        def failed(exc: BaseException, trace: str = "") -> None:
            if not isinstance(exc, trust.UntrustedSigner) or exc.given is not None:
                self._error(exc, trace)
            elif TrustSignerDialog(self, exc).confirmed():
                self._import_receipt(path, exc.fingerprint)
            else:
                self._done_text(tr("Receipt not imported; nothing changed."))

        self.ctx.run(
            lambda h: import_receipt(self.ctx.store, path, trust_fingerprint=fingerprint),
            on_done=done, on_error=failed, changes=("sync",))
