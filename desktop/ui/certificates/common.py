"""What the certificate tabs share: the translation context, workshop titles in the GUI's
language, and showing, opening and printing PDF pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel

from desktop.ui.i18n import current_language

CONTEXT = "CertificatesPage"
CODE_COLUMN, WORKSHOP_COLUMN, ISSUED_COLUMN = 3, 4, 5  # in the register


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _title(row, en: str = "title_en", hi: str = "title_hi") -> str:
    """A workshop's title in the language the GUI shows (English when there is no Hindi)."""
    if current_language() == "hi" and row[hi]:
        return row[hi]
    return row[en] or ""


def open_in_viewer(path: Path) -> bool:
    """The system's default PDF viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def pdf_page_image(data: bytes | Path, page: int = 0, width: int = 900) -> QImage:
    """Render one PDF page (pdfium) as a QImage `width` pixels wide."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
    try:
        p = doc[page]
        scale = width / p.get_width()
        pil = p.render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()
    raw = pil.tobytes("raw", "RGB")
    return QImage(raw, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy()


def print_pdf(data: bytes | Path, printer) -> int:
    """Paint every page of a PDF on a QPrinter at its resolution; returns pages printed."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data if isinstance(data, bytes) else str(data))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("The printer could not be started.")
    try:
        for i in range(len(doc)):
            if i:
                printer.newPage()
            rect = painter.viewport()
            page = doc[i]
            scale = max(rect.width() / page.get_width(), rect.height() / page.get_height())
            pil = page.render(scale=min(scale, 300 / 72)).to_pil().convert("RGB")
            img = QImage(
                pil.tobytes("raw", "RGB"), pil.width, pil.height, 3 * pil.width,
                QImage.Format.Format_RGB888,
            )  # fmt: skip
            size = img.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                rect.x() + (rect.width() - size.width()) // 2,
                rect.y() + (rect.height() - size.height()) // 2,
                img.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation),
            )  # fmt: skip
        return len(doc)
    finally:
        painter.end()
        doc.close()


def _show_scaled(label: QLabel, pix: QPixmap | None) -> None:
    """A page image fitted to its label (kept as is while the label is still tiny)."""
    if pix is None:
        return
    target = label.size()
    if target.width() > 50:
        pix = pix.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    label.setPixmap(pix)
