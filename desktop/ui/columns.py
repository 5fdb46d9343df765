"""Table columns that fit a narrow laptop screen: one column takes the spare width, the others
are as wide as their contents, and the least needed columns step aside when the main one would
be squeezed (issue 20: at 1024×768 in Hindi the workshop titles shrank to ~45 px, a word a
line, cut in the middle, while Enrolled and Status went behind a scrollbar)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFitter(QObject):
    """Keeps `table`'s `main` column at least `minimum` px wide: every other column is sized
    to its contents; when the main column would get less than `minimum`, the `optional`
    columns are hidden, first one first, and come back when there is room again. Call
    `fit()` after the rows change; resizes are followed by themselves."""

    def __init__(
        self, table: QTableView, main: int, optional: Sequence[int] = (), minimum: int = 140
    ) -> None:
        super().__init__(table)
        self.table, self.main, self.optional, self.minimum = table, main, tuple(optional), minimum
        self._fitting = False
        table.horizontalHeader().setStretchLastSection(False)
        self._modes()
        table.viewport().installEventFilter(self)

    def _modes(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.table.model().columnCount() if self.table.model() else 0):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == self.main
                else QHeaderView.ResizeMode.ResizeToContents
            )
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        return max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))

    def fit(self) -> None:
        """Show or hide the optional columns for the table's present width."""
        if self._fitting or self.table.model() is None:
            return
        self._fitting = True
        try:
            self._modes()
            available = self.table.viewport().width()
            columns = range(self.table.model().columnCount())
            shown = {c for c in columns if c not in self.optional
                     and not self.table.isColumnHidden(c)}
            shown.update(self.optional)
            for column in self.optional:  # the least needed go first
                others = sum(self._width(c) for c in shown if c != self.main)
                if available - others >= self.minimum:
                    break
                shown.discard(column)
            for column in self.optional:
                self.table.setColumnHidden(column, column not in shown)
        finally:
            self._fitting = False

    def hidden(self) -> list[int]:
        return [c for c in self.optional if self.table.isColumnHidden(c)]
