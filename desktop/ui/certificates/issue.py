"""The Issue tab: who completed a workshop, issuing (or re-issuing) their certificates in the
background with progress and cancel, the print file, and a specimen of the template."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox

from desktop.core.certificates.issue import (
    current_certificate,
    issue_certificates,
)
from desktop.core.certificates.preview import preview_pdf
from desktop.core.enrolment import enrolled
from desktop.ui.certificates.common import _show_scaled, open_in_viewer, pdf_page_image, tr
from desktop.ui.said import say


class IssueMixin:
    """The Issue tab's behaviour; part of CertificatesPage, which owns the widgets."""

    def update_eligible(self) -> None:
        workshop_id = self.workshop_combo.currentData()
        if not workshop_id:
            self.eligible_label.setText("")
            return
        from desktop.core.completion import evaluate_workshop

        try:
            results = evaluate_workshop(self.ctx.store, workshop_id)
        except Exception as exc:  # noqa: BLE001
            self.eligible_label.setText(say(exc))
            return
        eligible = [r.participant_id for r in results if r.eligible]
        holding = sum(
            1 for p in eligible if current_certificate(self.ctx.store, p, workshop_id) is not None
        )
        self.holding = holding
        self.participant_combo.clear()
        self.participant_combo.addItem(tr("Everyone who completed the workshop"), None)
        people = {
            r["id"]: r for r in enrolled(self.ctx.store, workshop_id, include_withdrawn=True)
        }
        for pid in sorted(eligible, key=lambda p: (people.get(p) or {"name_en": ""})["name_en"]):
            r = people.get(pid)
            if r is not None:
                label = " / ".join(v for v in (r["name_en"], r["name_hi"]) if v)
                if r["employee_code"]:
                    label += f" ({r['employee_code']})"
                self.participant_combo.addItem(label, pid)
        self.eligible_label.setText(
            tr("{0} enrolled, {1} completed the workshop, {2} already hold a certificate.").format(
                len(results), len(eligible), holding
            )
        )

    def issue(self) -> None:
        workshop_id = self.workshop_combo.currentData()
        if not workshop_id:
            return
        reason = self.reason.text().strip() if self.reissue.isChecked() else None
        if self.reissue.isChecked() and not reason:
            self.issue_status.setText(tr("A re-issue needs a reason."))
            return
        template = self.template_combo.currentData()
        chosen = self.participant_combo.currentData()
        participant_ids = [chosen] if chosen else None
        if reason and chosen is None and getattr(self, "holding", 0) > 1:
            # Bulk re-issue by accident is what users of other tools complain about: every
            # holder would get a new number and lose the old one. Ask first.
            if not self.confirm_bulk_reissue(self.holding):
                self.issue_status.setText(tr("Nothing was re-issued."))
                return
        self.issue_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.issue_status.setText(tr("Issuing…"))

        def task(handle):
            return issue_certificates(
                self.ctx.store, workshop_id, participant_ids=participant_ids,
                reissue_reason=reason, template=template,
                progress=handle.progress, cancelled=lambda: handle.cancelled,
            )  # fmt: skip

        self.handle = self.ctx.run(
            task, on_done=self.issue_done, on_error=self.issue_failed, progress=self.issue_progress,
            changes=("certificate",),
        )

    def confirm_bulk_reissue(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Re-issue certificates"),
            tr(
                "Re-issue all {0} certificates of this workshop? Each holder gets a new number "
                "and the old certificate is revoked."
            ).format(count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def issue_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.issue_status.setText(tr("{0} of {1} certificates issued").format(done, total))

    def cancel_issue(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.issue_status.setText(tr("Stopping after the current group…"))

    def issue_done(self, result) -> None:
        self.issue_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.handle = None
        self.last_batch = result.batch_pdf
        text = tr("{0} issued, {1} skipped.").format(len(result.issued), len(result.skipped))
        if result.cancelled:
            text += " " + tr("Cancelled: the rest were not issued.")
        if result.skipped:
            text += "\n" + "\n".join(say(reason) for _, reason in result.skipped[:5])
        self.issue_status.setText(text)
        self.refresh()
        self.update_eligible()

    def issue_failed(self, exc: BaseException, trace: str) -> None:
        self.issue_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.handle = None
        self.issue_status.setText(say(exc))

    def open_batch(self) -> None:
        if self.last_batch:
            open_in_viewer(self.last_batch)

    def print_batch(self, printer=None) -> int:
        if not self.last_batch:
            return 0
        return self._print(self.last_batch, printer)

    def preview_template(self) -> None:
        """A specimen page of the chosen template with this workshop's details and the chosen
        (or first eligible) participant: nothing is numbered, signed or stored."""
        template = self.template_combo.currentData()
        workshop_id = self.workshop_combo.currentData()
        participant_id = self.participant_combo.currentData()
        self.template_preview.setText(tr("Preparing the preview…"))

        def task(_handle):
            return preview_pdf(
                self.ctx.store, template, workshop_id=workshop_id, participant_id=participant_id
            )

        self.ctx.run(task, on_done=self._show_template_preview, on_error=self._preview_failed)

    def _show_template_preview(self, data: bytes) -> None:
        self.last_template_preview = data
        self._template_pix = QPixmap.fromImage(pdf_page_image(data, width=900))
        self._fit_template_preview()

    def _preview_failed(self, exc: BaseException, _trace: str = "") -> None:
        self.last_template_preview = None
        self._template_pix = None
        self.template_preview.clear()
        self.template_preview.setText(tr("This template cannot be used: {0}").format(exc))

    def _fit_template_preview(self) -> None:
        _show_scaled(self.template_preview, getattr(self, "_template_pix", None))
