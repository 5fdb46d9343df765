"""Bar charts drawn with QPainter, with their numbers written beside the bars.

PySide6-Essentials has no QtCharts (that module is in PySide6-Addons, which would enlarge the
bundle a great deal for three charts). Bars painted here use the application's fonts, so Hindi
labels are shaped by Qt like every other text, and need nothing beyond QtGui."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

COLOURS = ("#1F4E79", "#2E75B6", "#70AD47", "#ED7D31", "#7030A0")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the number written beside the bar
    colour: str = COLOURS[0]


class HorizontalBars(QWidget):
    """One bar per row: the label on the left, the bar, its number after it."""

    ROW = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[Bar], empty_text: str = "") -> None:
        self.bars, self.empty_text = bars, empty_text
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(360, max(1, len(self.bars)) * self.ROW + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(240, max(1, len(self.bars)) * self.ROW + 8)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        if not self.bars:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        label_w = min(
            self.width() * 0.4, max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12
        )
        number_w = max(metrics.horizontalAdvance(b.text) for b in self.bars) + 12
        room = max(10.0, self.width() - label_w - number_w - 4)
        top = max((b.value for b in self.bars), default=0) or 1
        for i, bar in enumerate(self.bars):
            y = 4 + i * self.ROW
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w - 8))
            painter.drawText(
                QRectF(0, y, label_w - 8, self.ROW - 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            width = room * bar.value / top
            painter.fillRect(QRectF(label_w, y + 3, width, self.ROW - 10), QColor(bar.colour))
            painter.drawText(
                QRectF(label_w + width + 6, y, number_w, self.ROW - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )


class Columns(QWidget):
    """Months side by side: for each, one column per series and their numbers above, in the
    legend's order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[tuple[str, str, list[int]]] = []  # (name, colour, values)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: list[str], series: list[tuple[str, str, list[int]]]) -> None:
        self.labels, self.series = labels, series
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(300, 140)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if not self.labels:
            return
        painter = QPainter(self)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        legend_h = line + 6
        bottom = self.height() - line - 6
        chart_h = max(10, bottom - legend_h - line - 4)
        top = max((max(v, default=0) for _, _, v in self.series), default=0) or 1
        slot = self.width() / len(self.labels)
        width = max(2.0, slot * 0.7 / max(1, len(self.series)))
        # legend
        x = 4.0
        for name, colour, _ in self.series:
            painter.fillRect(QRectF(x, 4, 10, 10), QColor(colour))
            painter.setPen(text_colour)
            painter.drawText(QRectF(x + 14, 0, 200, line + 4), Qt.AlignmentFlag.AlignVCenter, name)
            x += 14 + metrics.horizontalAdvance(name) + 16
        for i, label in enumerate(self.labels):
            left = i * slot + slot * 0.15
            for j, (_, colour, values) in enumerate(self.series):
                h = chart_h * values[i] / top
                painter.fillRect(QRectF(left + j * width, bottom - h, width - 1, h), QColor(colour))
            numbers = [values[i] for _, _, values in self.series]
            # an empty month says 0 once, not "0 · 0 …" across a row of empty months
            text = " · ".join(f"{n:,}" for n in numbers) if any(numbers) else "0"
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(i * slot, bottom + 2, slot, line + 2), Qt.AlignmentFlag.AlignCenter, label
            )
            tallest = max(s[2][i] for s in self.series)
            painter.drawText(
                QRectF(i * slot, bottom - chart_h * tallest / top - line - 2, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
