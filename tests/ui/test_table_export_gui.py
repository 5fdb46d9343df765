"""Export… on the lists of the real pages: what is shown (columns, order, headers, filter) is
what the file holds, read back with openpyxl and csv."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QTableView

from desktop.core.table_export import typed
from desktop.store import open_store
from desktop.ui.table_export import export_action

EVIL = '=HYPERLINK("http://evil.example/","Click")'


@pytest.fixture
def save_as(monkeypatch):
    """The save dialog answers with the path the test chose."""
    chosen = {}

    def answer(parent, caption, suggested, filters):
        chosen["suggested"] = suggested
        return str(chosen["path"]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return chosen


def read_xlsx(path):
    sheet = load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in sheet.iter_rows()], sheet


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def shown(view: QTableView) -> tuple[list[str], list[list]]:
    """The headers and cells on screen, visible columns in their visual order."""
    header, model = view.horizontalHeader(), view.model()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not header.isSectionHidden(c)]
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    rows = [
        [model.index(r, c).data() for c in columns]
        for r in range(model.rowCount(QModelIndex()))
        if not view.isRowHidden(r)
    ]
    return heads, rows


def as_cell(value):
    value = typed(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return None if value == "" else value


@pytest.fixture
def evil_db(demo_db):
    """The demo roster with one designation that a spreadsheet would run as a formula."""
    with open_store(demo_db) as store:
        store.insert(
            "participant",
            {"name_en": "Mallory Formula", "designation": EVIL, "district_code": "LKO",
             "department": "Revenue", "employee_code": "EVIL01"},
        )
        living = store.conn.execute(
            "SELECT count(*) FROM participant WHERE deleted = 0").fetchone()[0]
    return demo_db, living


def test_roster_exports_every_person_in_the_shown_columns(start_window, evil_db, save_as,
                                                        tmp_path):
    path_db, living = evil_db
    window = start_window(path_db, language="en")
    page = window.page("roster")
    table = page.table
    header = table.horizontalHeader()
    table.setColumnHidden(6, True)  # Mobile out of view
    header.moveSection(header.visualIndex(2), 0)  # Employee code dragged to the front
    action = export_action(table)
    assert action is not None and action.text() == "Export…"
    assert action.shortcut() == QKeySequence("Ctrl+E")
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert page.model.loaded_rows < living  # the screen holds one page; the file all

    save_as["path"] = tmp_path / "roster.xlsx"
    action.trigger()
    rows, sheet = read_xlsx(save_as["path"])
    assert save_as["suggested"].endswith("Roster.xlsx")
    assert sheet.title == "Roster"
    assert rows[0] == ["Employee code", "Name (Hindi)", "Name (English)", "Designation",
                       "Department", "District"]
    assert len(rows) - 1 == living == action.last_count
    evil = next(r for r in rows if r[0] == "EVIL01")
    assert evil[2:] == ["Mallory Formula", EVIL, "Revenue", "Lucknow"]
    cell = next(c for c in sheet.iter_rows(min_col=4, max_col=4) if c[0].value == EVIL)[0]
    assert cell.data_type == "s"  # read back as text, not a formula
    # the first rows are the screen's, cell for cell (the same order, the same words)
    heads, on_screen = shown(table)
    assert rows[0] == heads
    assert rows[1:21] == [[as_cell(v) for v in r] for r in on_screen[:20]]


def test_roster_in_hindi_exports_the_search_results_as_csv(start_window, evil_db, save_as,
                                                          tmp_path):
    path_db, _living = evil_db
    window = start_window(path_db, language="en")
    window.set_language("hi")
    page = window.page("roster")
    page.search.setText("Mallory")
    page.apply_search(force=True)
    assert page.model.loaded_rows == 1
    action = export_action(page.table)
    assert action.text() == "निर्यात करें…"
    save_as["path"] = tmp_path / "found.csv"
    action.trigger()
    rows = read_csv(save_as["path"])
    assert rows[0][:2] == ["नाम (हिन्दी)", "नाम (अंग्रेज़ी)"]
    assert len(rows) == 2
    assert rows[1][1:] == ["Mallory Formula", "EVIL01", "'" + EVIL, "राजस्व", "लखनऊ", ""]
    window.set_language("en")
    assert action.text() == "Export…"


def test_the_shortcut_exports_the_focused_list(start_window, demo_db, save_as, tmp_path, qtbot):
    window = start_window(demo_db, language="en")
    page = window.open_area("workshops")
    table = page.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    save_as["path"] = tmp_path / "w.csv"
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert save_as["path"].exists()
    heads, on_screen = shown(table)
    rows = read_csv(save_as["path"])
    assert rows[0] == heads and len(rows) - 1 == len(on_screen) > 0


@pytest.mark.parametrize(
    "area, attribute",
    [
        ("workshops", "table"),
        ("certificates", "table"),
        ("field_visits", "table"),
        ("reports", "table"),
    ],
)
def test_a_page_list_exports_what_it_shows(start_window, demo_db, save_as, tmp_path, area,
                                           attribute):
    window = start_window(demo_db, language="en")
    page = window.open_area(area)
    if area == "field_visits":
        page = page.list
    table = getattr(page, attribute)
    heads, on_screen = shown(table)
    assert on_screen  # the demo has rows here: a real comparison
    save_as["path"] = tmp_path / f"{area}.xlsx"
    export_action(table).trigger()
    rows, _sheet = read_xlsx(save_as["path"])
    assert rows[0] == heads
    assert rows[1:] == [[as_cell(v) for v in r] for r in on_screen]


def test_the_workshop_filter_is_applied(start_window, demo_db, save_as, tmp_path):
    window = start_window(demo_db, language="en")
    page = window.open_area("workshops")
    before = page.table.rowCount()
    page.mode_filter.setCurrentIndex(page.mode_filter.count() - 1)
    after = shown(page.table)[1]
    assert 0 < len(after) < before
    save_as["path"] = tmp_path / "filtered.csv"
    export_action(page.table).trigger()
    assert len(read_csv(save_as["path"])) - 1 == len(after)


#: views that are not lists of records: navigation, search suggestions, the parts of one
#: verified certificate, and the editing grids of a form
NOT_LISTS = {"navList", "rosterResults", "verifyDetails", "teamList", "searchResults",
             "participantList", "actionTable", "carriedTable", "attachList", "sessionLinks"}


def test_every_list_on_every_page_has_the_action(window):
    missing = []
    for area in window.area_names():
        page = window.open_area(area)
        for view in page.findChildren(QAbstractItemView):
            if view.objectName() in NOT_LISTS or view.parent() is None:
                continue
            if type(view).__name__ in ("QHeaderView", "QListView", "QComboBoxListView",
                                       "QCalendarView"):
                continue  # a combo box's or calendar's own popup
            if export_action(view) is None:
                missing.append(f"{area}: {view.objectName() or type(view).__name__}")
    assert missing == []


def test_cancel_leaves_no_file_and_the_export_runs_off_the_gui_thread(qtbot, demo_db, save_as,
                                                                      tmp_path):
    """The roster's export goes to the pool ('io', never the GUI thread) with a progress
    dialog; Cancel (pressed before the end here) writes nothing and says so."""
    from desktop.ui.context import AppContext
    from desktop.ui.roster.page import RosterPage
    from desktop.ui.tasks import SyncRunner, TaskHandle

    class CancellingRunner(SyncRunner):
        kinds: list[str] = []

        def run(self, task, on_done=None, on_error=None, progress=None, kind="db"):
            self.kinds.append(kind)
            handle = TaskHandle(progress or (lambda *a: None))
            handle.cancel()  # the user pressed Cancel
            try:
                result = task(handle)
            except BaseException as exc:
                on_error(exc, "")
            else:
                on_done(result)
            return handle

    runner = CancellingRunner()
    with open_store(demo_db) as store:
        page = RosterPage(AppContext(store, demo_db, runner))
        qtbot.addWidget(page)
        said = []
        action = export_action(page.table)
        action._say = said.append
        save_as["path"] = tmp_path / "roster.xlsx"
        action.trigger()
        assert runner.kinds[-1] == "io"
        assert not save_as["path"].exists() and list(tmp_path.glob(".export-*")) == []
        assert said == ["Export cancelled; no file was written."]
        assert action.last_path is None
        page.close()


def test_every_string_of_the_action_has_its_hindi():
    """lupdate cannot see the helper's `tr`: the strings are read from the source."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from desktop.paths import resource_path
    from desktop.ui import table_export
    from tests.tr_strings import tr_strings

    wanted = tr_strings(Path(table_export.__file__), "TableExport")
    assert len(wanted) > 20  # the action's words and every list's name
    root = ET.parse(resource_path("i18n", "shell_hi.ts")).getroot()
    known = {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context") for m in c.iter("message")
    }
    assert wanted - known == set()
