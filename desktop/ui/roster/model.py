"""The roster table model: rows arrive a page at a time as the view scrolls (fetchMore).

The view asks `canFetchMore` when the user nears the bottom; each page is one keyset query,
so scrolling stays smooth at 1.88 million participants and start-up reads only the first
page. Hindi or English names of districts and departments follow the chosen language."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.lookups import department_names_hi, district_names
from desktop.core.roster.listing import RosterRow, iter_roster, roster_count, roster_page
from desktop.core.roster.search import search
from desktop.store import Connection

PAGE_SIZE = 200
SEARCH_LIMIT = 200  # best matches shown; typing more narrows them
_ROW_FIELDS = [f for f in RosterRow.__dataclass_fields__ if f != "seq"]

#: (header, attribute) in display order
HEADERS = (
    (QT_TRANSLATE_NOOP("RosterModel", "Name (Hindi)"), "name_hi"),
    (QT_TRANSLATE_NOOP("RosterModel", "Name (English)"), "name_en"),
    (QT_TRANSLATE_NOOP("RosterModel", "Employee code"), "employee_code"),
    (QT_TRANSLATE_NOOP("RosterModel", "Designation"), "designation"),
    (QT_TRANSLATE_NOOP("RosterModel", "Department"), "department"),
    (QT_TRANSLATE_NOOP("RosterModel", "District"), "district_code"),
    (QT_TRANSLATE_NOOP("RosterModel", "Mobile"), "mobile"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class RosterModel(QAbstractTableModel):
    def __init__(self, conn: Connection, parent=None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.hindi = False
        self._districts = district_names(conn)
        self._departments = department_names_hi(conn)
        self._rows: list[RosterRow] = []
        self._search = ""
        self._exhausted = False
        self._last_seq = 0
        self.fetchMore(QModelIndex())

    # -- what is shown -----------------------------------------------------------------------
    @property
    def search_text(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Everyone (empty text, read page by page), or the best matches of `text` found here
        and now (the page runs searches off the GUI thread and calls `show_results`)."""
        text = text.strip()
        if text:
            self.show_results(text, search(self.conn, text, limit=SEARCH_LIMIT))
            return
        self.beginResetModel()
        self._search = ""
        self._rows = []
        self._last_seq = 0
        self._exhausted = False
        self._read_page()
        self.endResetModel()

    def show_results(self, text: str, found: list[dict]) -> None:
        """The roster core's ranked matches for `text` (at most SEARCH_LIMIT, best first)."""
        self.beginResetModel()
        self._search = text
        self._rows = [
            RosterRow(0, *(r.get(f) for f in _ROW_FIELDS))
            for r in found
        ]
        self._exhausted = True
        self.endResetModel()

    def reload(self) -> None:
        """After a change: read again from the top (keeps the current search)."""
        self.set_search(self._search)

    def set_hindi(self, hindi: bool) -> None:
        self.hindi = hindi
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1)
            )

    def full_reader(self, open_reader):
        """For Export…: None while a search shows its matches (those rows are exported as
        shown); otherwise a reader of the whole roster for a worker thread, through the
        connection `open_reader()` makes there, with the names in the language shown now."""
        if self._search:
            return None
        districts, departments, hindi = self._districts, self._departments, self.hindi

        def shown(row: RosterRow) -> list:
            values = [getattr(row, attribute) for _header, attribute in HEADERS]
            for i, (_header, attribute) in enumerate(HEADERS):
                if attribute == "district_code" and values[i] in districts:
                    values[i] = districts[values[i]][1 if hindi else 0]
                elif attribute == "department" and hindi and values[i]:
                    values[i] = departments.get(values[i], values[i])
            return values

        def read():
            conn, close = open_reader()

            def rows():
                try:
                    yield from (shown(r) for r in iter_roster(conn))
                finally:
                    close()

            return roster_count(conn), rows()

        return read

    def row_at(self, row: int) -> RosterRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loaded_rows(self) -> int:
        return len(self._rows)

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        page = roster_page(self.conn, self._last_seq, PAGE_SIZE)
        if not page:
            self._exhausted = True
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    def _read_page(self) -> None:
        self._append(roster_page(self.conn, self._last_seq, PAGE_SIZE))

    def _append(self, page: list[RosterRow]) -> None:
        self._rows.extend(page)
        if page:
            self._last_seq = page[-1].seq
        if len(page) < PAGE_SIZE:
            self._exhausted = True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("RosterModel", HEADERS[section][0])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        attribute = HEADERS[index.column()][1]
        value = getattr(row, attribute)
        if value is None:
            return ""
        if attribute == "district_code":
            names = self._districts.get(value)
            if names:
                return names[1] if self.hindi else names[0]
        elif attribute == "department" and self.hindi:
            return self._departments.get(value, value)
        return value
