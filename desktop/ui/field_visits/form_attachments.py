"""The visit form's photos and documents: stored by hash when attached (location stripped
unless kept), thumbnails, and discarding files a visit was left without."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QStyle,
)

from desktop.core import attachments as att
from desktop.ui.field_visits.common import (
    ID_ROLE,
    OVERDUE_FG,
    tr,
)
from desktop.ui.said import say


class AttachmentsMixin:
    """Attachments of the visit form; part of VisitForm, which owns the widgets."""

    def discard_unsaved(self) -> None:
        """Remove (in the background) the files this form stored that no saved visit names:
        attached and then left, or removed from the visit before saving. A file that some
        record names after all is kept; see `attachments.discard_unsaved`."""
        staged, self.staged = self.staged, {}
        if not staged:
            return
        store = self.ctx.store

        def task(_handle):
            return att.discard_unsaved(store, staged)

        self.ctx.run(task, None, lambda exc, trace: None)  # at worst removed a day later

    def _attach_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Attach photos or documents"),
            "",
            tr("Photos and documents (*.jpg *.jpeg *.heic *.heif *.png *.webp *.pdf *.docx *.xlsx)")
            + ";;"
            + tr("All files (*)"),
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str | Path]) -> None:
        """Store the files by hash now (stripping location unless kept); the visit names them
        when it is saved."""
        keep = self.keep_location.isChecked()

        def task(_handle):
            stored, errors = [], []
            for path in paths:
                try:
                    stored.append(att.add_attachment(self.ctx.store, path, keep_location=keep))
                except att.AttachmentError as exc:
                    errors.append(say(exc))
            return stored, errors

        def done(result):
            stored, errors = result
            known = {r["sha256"] for r in self.refs}
            notes = []
            for item in stored:
                if item.staged_at is not None:
                    self.staged[item.sha256] = item.staged_at
                if item.sha256 in known:
                    notes.append(tr("%1 is already attached.").replace("%1", item.filename))
                    continue
                self.refs.append(item.ref())
                known.add(item.sha256)
                if item.converted_from:
                    notes.append(
                        tr("%1 (HEIC) is stored as the JPEG %2, which every computer can show.")
                        .replace("%1", item.converted_from)
                        .replace("%2", item.filename)
                    )
                if item.location_removed:
                    notes.append(tr("Location data removed from %1.").replace("%1", item.filename))
            self._show_attachments(extra=errors + notes)

        self.ctx.run(task, done, self._failed)

    def _remove_attachment(self) -> None:
        for item in self.attach_list.selectedItems():
            sha = item.data(ID_ROLE)
            self.refs = [r for r in self.refs if r["sha256"] != sha]
        self._show_attachments()

    def _show_attachments(self, extra: list[str] | None = None) -> None:
        self.attach_list.clear()
        notes = list(extra or [])
        for ref in self.refs:
            item = QListWidgetItem(ref["filename"])
            item.setData(ID_ROLE, ref["sha256"])
            item.setToolTip(f"{ref['filename']}\n{ref['media_type']}, {ref['size']:,} B")
            try:
                png = att.thumbnail_png(self.ctx.store, ref["sha256"], size=160)
            except att.MissingAttachment as exc:
                notes.append(say(exc))
                item.setText(ref["filename"] + "\n(" + tr("missing") + ")")
                item.setForeground(QBrush(OVERDUE_FG))
                png = None
            if png:
                pixmap = QPixmap()
                pixmap.loadFromData(png, "PNG")
                item.setIcon(QIcon(pixmap))
            else:
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            self.attach_list.addItem(item)
        self.attach_note.setText("\n".join(notes))
        self.attach_note.setVisible(bool(notes))
