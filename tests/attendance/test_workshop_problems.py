"""Workshop and programme problems carry a code, the field and params (the GUI translates by
code); the English text the CLI shows is unchanged; the forms show them in Hindi."""

from __future__ import annotations

import pickle
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.core import workshops
from desktop.core.problems import Problem, codes
from desktop.core.workshops import SessionPlan, ValidationError
from desktop.ui.context import AppContext
from desktop.ui.tasks import SyncRunner
from desktop.ui.workshops.page import WorkshopsPage
from desktop.ui.workshops.problems import TEMPLATES, problem_lines
from desktop.ui.workshops.programme_dialog import ProgrammeDialog
from tests.attendance.helpers import plan, programme

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 11, 23)


def test_problems_have_codes_params_and_the_same_english(store):
    prog = programme(store)
    bad = plan(prog, DAY, days=2, slots=(("10:00", "11:30"), ("11:00", "12:00")))
    bad.district_code = "XXX"
    bad.sessions.append(
        SessionPlan(date="2026-12-30", start_time="25:00", end_time="10:00", topic_en="")
    )
    with pytest.raises(ValidationError) as err:
        workshops.create_workshop(store, bad)
    problems = err.value.problems
    assert all(isinstance(p, Problem) for p in problems)
    by_code = {p.code: p for p in problems}
    assert by_code["district_unknown"] == ("district_code", "unknown district code 'XXX'")
    assert by_code["district_unknown"].params == {"value": "XXX"}
    outside = by_code["session_outside"]
    assert outside.field == "session 5.date"
    assert outside.params == {
        "value": "2026-12-30",
        "start": "2026-11-23",
        "end": "2026-11-24",
        "session": 5,
    }
    assert outside.message == "2026-12-30 is outside the workshop's dates 2026-11-23 to 2026-11-24"
    assert by_code["not_a_time"].message == "'25:00' is not a time (HH:MM, 24-hour)"
    assert by_code["session_overlap"].params["other"] == 3
    assert "topic_required" in codes(problems)
    # str() — what the CLI prints — is the same English as before
    assert "session 5.topic_en: give the session a topic" in str(err.value)
    # problems survive a trip through pickle (worker processes)
    assert pickle.loads(pickle.dumps(outside)).params == outside.params


def test_every_code_has_a_gui_template():
    assert set(workshops.MESSAGES) == set(TEMPLATES)


def test_english_gui_lines_use_labels_not_field_names(store):
    with pytest.raises(ValidationError) as err:
        workshops.save_programme(
            store, {"code": "", "title_en": " ", "hours": 0, "min_attendance_pct": 101}
        )
    text = problem_lines(err.value.problems)
    assert "• Title (English): the English title must not be empty" in text
    assert "• Minimum attendance %: minimum attendance must be a whole number 0–100" in text
    assert "title_en" not in text and "min_attendance_pct" not in text


@pytest.fixture
def hindi(tmp_path):
    qm = tmp_path / "workshops_hi.qm"
    subprocess.run(
        ["pyside6-lrelease", str(ROOT / "resources/i18n/workshops_hi.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_workshop_form_shows_hindi_messages(qtbot, store, hindi):
    programme(store, "P1")
    page = WorkshopsPage(AppContext(store, None, SyncRunner()), today=lambda: DAY)
    qtbot.addWidget(page)
    page.new_workshop()
    page.save()  # empty title, venue and topic
    qtbot.waitUntil(lambda: bool(page.error.text()))
    text = page.error.text()
    assert "• शीर्षक (अंग्रेज़ी): अंग्रेज़ी शीर्षक रिक्त नहीं छोड़ा जा सकता" in text
    assert "• स्थान: कार्यशाला का स्थान लिखें" in text
    assert "• सत्र 1 · विषय (अंग्रेज़ी): सत्र का विषय लिखें" in text
    assert "title_en" not in text and "topic_en" not in text and "must" not in text


def test_programme_dialog_shows_hindi_messages(qtbot, store, hindi):
    programme(store, "DUP")
    dialog = ProgrammeDialog(store)
    qtbot.addWidget(dialog)
    dialog.code.setText("DUP")
    dialog.title_en.setText("Again")
    dialog.save()
    assert dialog.error.text() == "• कोड: कार्यक्रम कोड “DUP” पहले से प्रयोग में है"
