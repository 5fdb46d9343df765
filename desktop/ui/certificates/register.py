"""The Register tab: search and filter issued certificates, preview, open, print, revoke and
export the register as XLSX."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QTableWidgetItem,
)

from desktop.core.certificates.issue import (
    list_certificates,
    reprint_bytes,
    revoke,
)
from desktop.core.certificates.numbering import suggest_numbers
from desktop.core.certificates.register import write_register_xlsx
from desktop.core.certificates.template import available_templates
from desktop.core.dates import format_date, format_range
from desktop.core.workshops import workshop_choices
from desktop.ui.certificates.common import (
    WORKSHOP_COLUMN,
    _show_scaled,
    _title,
    open_in_viewer,
    pdf_page_image,
    print_pdf,
    tr,
)
from desktop.ui.said import say


class RegisterMixin:
    """The Register tab's behaviour; part of CertificatesPage, which owns the widgets."""

    def load_workshops(self) -> None:
        rows = self._workshop_rows = workshop_choices(self.ctx.store)
        for combo, with_all in ((self.workshop_filter, True), (self.workshop_combo, False)):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            if with_all:
                combo.addItem(tr("All workshops"), None)
            for r in rows:
                combo.addItem(f"{format_range(r['start_date'], r['end_date'])}  {_title(r)}", r["id"])
            if current is not None:
                index = combo.findData(current)
                if index >= 0:
                    combo.setCurrentIndex(index)
            elif not with_all:
                # Certificates are for workshops that are over: start at the latest finished.
                today = date.today().isoformat()
                finished = [i for i, r in enumerate(rows) if (r["end_date"] or "") <= today]
                if finished:
                    combo.setCurrentIndex(finished[0])
            combo.blockSignals(False)
        self.template_combo.clear()
        for name in available_templates(self.ctx.db_path):
            self.template_combo.addItem(name, name)
        self.update_eligible()

    def filters(self) -> dict:
        status = self.status_combo.currentData()
        return {
            "search": self.search.text().strip() or None,
            "workshop_id": self.workshop_filter.currentData(),
            "status": status,
        }

    def refresh(self) -> None:
        filters = self.filters()

        def load(_handle) -> tuple[list[dict], list[str]]:
            rows = list_certificates(self.ctx.store, limit=5000, **filters)
            typed = filters["search"]
            # A number typed with 0 for O or 1 for I finds nothing: offer what it meant.
            hints = suggest_numbers(self.ctx.store, typed) if typed and not rows else []
            return rows, hints

        self.ctx.run(load, on_done=lambda found: self.show_rows(*found), on_error=self._error)

    def show_rows(self, rows: list[dict], suggestions: list[str] | None = None) -> None:
        self.rows = rows
        self.suggestions = suggestions or []
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            status = tr("Revoked") if r["revoked_at"] else tr("Valid")
            values = [r["number"], r["name_en"] or "", r["name_hi"] or "", r["employee_code"] or "",
                      _title(r, "workshop_en", "workshop_hi"), format_date(r["issued_at"]),
                      status]  # fmt: skip
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j == 0:
                    item.setData(Qt.ItemDataRole.UserRole, r["number"])
                if j == 6 and r["revoked_at"]:
                    item.setForeground(Qt.GlobalColor.red)
                if j == WORKSHOP_COLUMN:
                    item.setToolTip(value)
                self.table.setItem(i, j, item)
        self.register_columns.fit()
        self.register_status.setText(tr("{0} certificates").format(len(rows)))
        if self.suggestions:
            self.register_status.setText(
                tr("No certificate has this number. Did you mean {0}?").format(
                    tr(" or ").join(self.suggestions)
                )
            )
        if not self.selected_number():
            self._preview_hint()

    def _preview_hint(self) -> None:
        """The preview half says what it is for until a certificate is chosen."""
        self._preview_pix = None
        self.preview.clear()
        self.preview.setText(tr("Select a certificate to preview it"))

    def selected_number(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def select_number(self, number: str) -> None:
        for i in range(self.table.rowCount()):
            if self.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == number:
                self.table.selectRow(i)
                return

    def show_preview(self) -> None:
        number = self.selected_number()
        if not number:
            self._preview_hint()
            return
        try:
            image = pdf_page_image(reprint_bytes(self.ctx.store, number), width=720)
        except Exception as exc:  # noqa: BLE001 - shown in place, the register stays usable
            self.preview.setText(say(exc))
            return
        self._preview_pix = QPixmap.fromImage(image)
        self._fit_preview()

    def _fit_preview(self) -> None:
        _show_scaled(self.preview, getattr(self, "_preview_pix", None))

    def _reprint_file(self, number: str) -> Path:
        data = reprint_bytes(self.ctx.store, number)
        out = Path(tempfile.gettempdir()) / f"certificate-{number.replace('/', '-')}.pdf"
        out.write_bytes(data)
        return out

    def open_selected(self) -> Path | None:
        number = self.selected_number()
        if not number:
            return None
        try:
            path = self._reprint_file(number)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "")
            return None
        open_in_viewer(path)
        return path

    def print_selected(self, printer=None) -> int:
        number = self.selected_number()
        if not number:
            return 0
        return self._print(reprint_bytes(self.ctx.store, number), printer)

    def _print(self, data: bytes | Path, printer=None) -> int:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return print_pdf(data, printer)

    def revoke_selected(self, reason: str | None = None) -> bool:
        number = self.selected_number()
        if not number:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, tr("Revoke certificate"),
                tr("Why is certificate {0} revoked?").format(number),
            )  # fmt: skip
            if not ok:
                return False
        try:
            revoke(self.ctx.store, number, reason)
        except Exception as exc:  # noqa: BLE001
            self._error(exc, "")
            return False
        # By hand: revoke is a short synchronous write here, not a `ctx.run` operation.
        self.ctx.notify("certificate")
        self.refresh()
        self.select_number(number)
        self.register_status.setText(tr("Certificate {0} revoked.").format(number))
        return True

    def export_register(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, tr("Export register"), "certificates.xlsx", "*.xlsx"
            )
            if not name:
                return None
            path = Path(name)
        rows = list_certificates(self.ctx.store, **self.filters())
        write_register_xlsx(rows, path)
        self.register_status.setText(tr("Saved {0}").format(path))
        return path
