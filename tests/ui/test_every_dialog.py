"""Every page and every dialog reachable from the main window's menus and buttons, in English
and Hindi, on a 1366×768 and a 1024×768 screen (issue 20).

The walk (tests/ui/walk.py) clicks the real actions and buttons of the window started the
real way on the demo database, catches each window that opens and closes it as a user would.
It fails when a window shows nothing or is a hidden second window (the empty Enrol box), has no
real size (the 0×0 Programmes dialog), cannot be closed, extends past the screen, or when a
label, column header or table cell is cut off, or a list needs sideways scrolling — and, in
Hindi, when a screen or dialog shows English words of its own (issue 19's Hindi walk: labels,
buttons, titles, tabs, column headers and hints; data, key legends and the words on
`walk_checks.ALLOWED_LATIN` aside; Qt's own file and print dialogs included). Each screen
size runs in a child process whose offscreen screen has that size. `python -m tests.screens
OUT/` runs the same walk and keeps the pictures."""

from __future__ import annotations

import pytest

from tests.screens import run_size
from tests.ui.walk import LANGUAGES, SIZES, unclassified_buttons
from tests.ui.walk_first_run import PAGES as FIRST_RUN_PAGES

#: Windows the walk must meet in each language: if a trigger stops opening its dialog (or the
#: walk stops catching it) the test says so instead of passing on an empty walk.
MUST_SEE = (
    "menu/actionBackup",
    "menu/actionRestore",
    "menu/actionAbout",
    "menu/actionAudit",
    "menu/actionBackups",
    "menu/actionSettings",
    "roster/addButton",
    "roster/editButton",
    "roster/importButton",
    "workshops/programmesButton",
    "workshops/importButton",
    "sync/enrolButton",
    "sync/importBundleButton",
    "certificates/exportButton",
    "certificates/printButton",
    "field_visits/quickAddButton",
    "reports/exportPdfButton",
    *(f"start/first_run/{page}" for page in FIRST_RUN_PAGES),
    "roster",
    "workshops",
    "attendance",
    "field_visits",
    "certificates",
    "sync",
    "reports",
)


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_and_dialog_is_whole_on_the_screen(demo_template, tmp_path, width, height):
    done = run_size(tmp_path / "out", demo_template, width, height, languages=LANGUAGES,
                    pictures=False, scratch=tmp_path)
    assert done.returncode == 0, done.stderr[-4000:]
    folder = tmp_path / "out" / f"{width}x{height}"
    seen = (folder / "seen.txt").read_text(encoding="utf-8").splitlines()
    keys = {tuple(line.split()[:2]) for line in seen}
    missing = [f"{lang} {key}" for lang in LANGUAGES for key in MUST_SEE
               if (lang, key) not in keys]
    assert not missing, f"the walk did not meet: {missing}"
    problems = (folder / "problems.txt").read_text(encoding="utf-8").splitlines()
    assert not problems, "\n".join(problems)


def test_every_page_button_is_walked_or_said_to_open_no_window(window):
    """A new button must be added to the walk (walk.TRIGGERS) or to walk.NO_WINDOW with the
    reason it opens no window: it cannot slip past the walk unseen."""
    assert unclassified_buttons(window) == []
