"""The walk's part for the first-run wizard (tests/ui/walk.py `walk_setup_dialog`): every
page looked at and pictured as a user meets it, on a new database in a temporary folder,
with the same checks as every other window (nothing cut off, on the screen, no English in
Hindi). The centre page is looked at once more with a problem named on it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.first_run_helpers import B, fill_admin, fill_centre
from tests.ui.walk_checks import cut_off_texts, latin_texts, window_problems

KEY = "start/first_run"
#: the keys the walk must meet (tests/ui/test_every_dialog.py MUST_SEE)
PAGES = ("language", "centre", "centre-problem", "data", "admin", "key", "portal", "igot")


def walk_first_run(walk, pictures: bool) -> None:
    from desktop.store import open_store
    from desktop.ui.first_run import FirstRunWizard
    from desktop.ui.tasks import SyncRunner
    from tests.ui.walk import Seen, _close_like_a_user

    folder = Path(tempfile.mkdtemp(prefix="walk-first-run-"))
    store = open_store(folder / "karmayogi-desk.db")
    wizard = FirstRunWizard(store, can_choose_folder=True, runner=SyncRunner())
    try:
        wizard.show()

        def look(name: str) -> None:
            for _ in range(3):
                QApplication.processEvents()
            seen = Seen(f"{KEY}/{name}", wizard.windowTitle(), (wizard.width(), wizard.height()))
            seen.problems.extend(window_problems(wizard, walk.screen))
            seen.problems.extend(cut_off_texts(wizard))
            if walk.language == "hi":
                seen.problems.extend(latin_texts(wizard, walk.data_words))
            if pictures:
                seen.picture = wizard.grab()
            walk.seen.append(seen)
            for problem in seen.problems:
                walk.report(seen.key, problem)

        def button(which) -> QWidget:
            found = wizard.button(which)
            found.click()
            return found

        look("language")
        button(B.NextButton)
        look("centre")
        button(B.NextButton)  # nothing typed: the code is named on the page
        look("centre-problem")
        fill_centre(wizard, code="UPAAM", en="UP Academy of Administration", hi="उत्तर प्रदेश प्रशासन अकादमी")
        button(B.NextButton)
        look("data")
        button(B.NextButton)
        fill_admin(wizard)
        look("admin")
        button(B.CommitButton)
        look("key")
        button(B.NextButton)
        look("portal")
        button(B.NextButton)
        look("igot")
        problem = _close_like_a_user(wizard)
        if problem:
            walk.report(KEY, problem)
    finally:
        shiboken6.delete(wizard)  # now: a later language switch must not reach it
        store.close()
        QApplication.processEvents()
        shutil.rmtree(folder, ignore_errors=True)
