"""Every string of the field visits screens has a real Hindi translation, and the list and
form show it when the translation is loaded."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "field_visits_hi.ts"
FORMS = ["field_visits.ui", "field_visit.ui", "field_quick_person.ui", "field_plan_workshop.ui"]
PAGE = ROOT / "desktop" / "ui" / "field_visits"  # the package: one module per screen part


def translations() -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            out[(name, message.find("source").text)] = message.find("translation").text or ""
    return out


def needed() -> set[tuple[str, str]]:
    wanted = set()
    for form in FORMS:
        root = ET.parse(ROOT / "forms" / form).getroot()
        context = root.find("class").text
        for el in root.iter("string"):
            if el.get("notr") != "true" and (el.text or "").strip():
                wanted.add((context, el.text))
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PAGE.glob("*.py")))
    for text in re.findall(r'\btr\(\s*"((?:[^"\\]|\\.)*)"', source):
        wanted.add(("FieldVisits", text))
    return wanted


def test_every_string_translated_into_hindi():
    have = translations()
    missing = sorted(k for k in needed() if not have.get(k))
    assert not missing, missing
    for (context, source), text in have.items():
        if source == "LANG":
            assert text == "hi"
            continue
        assert re.search("[\u0900-\u097f]", text), (context, source, text)
        assert text.count("%1") == source.count("%1"), source


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
def test_hindi_shown_on_screen(qtbot, tmp_path, store):
    qm = tmp_path / "fv_hi.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from PySide6.QtWidgets import QPushButton

        from desktop.ui.context import AppContext
        from desktop.ui.field_visits.page import create_page
        from desktop.ui.tasks import SyncRunner

        page = create_page(AppContext(store, None, SyncRunner()))
        qtbot.addWidget(page)
        assert page.list.findChild(QPushButton, "newButton").text() == "नया भ्रमण"
        assert page.form.save_button.text() == "सहेजें"
        assert page.list.status.itemText(2) == "समय-सीमा पार"
        assert page.form.district.itemText(page.form.district.findData("LKO")) == "लखनऊ (LKO)"
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
def test_live_language_switch_keeps_what_was_typed(qtbot, tmp_path, store):
    from PySide6.QtCore import QEvent

    from desktop.ui.context import AppContext
    from desktop.ui.field_visits.page import create_page
    from desktop.ui.tasks import SyncRunner

    page = create_page(AppContext(store, None, SyncRunner()))
    qtbot.addWidget(page)
    page.show()
    page.show_visit(None)
    form = page.form
    form.district.setCurrentIndex(form.district.findData("LKO"))
    form.office.setText("Vikas Bhawan")
    row = form.add_action_row({"text": "t", "owner": "o", "status": "done"})
    assert form.save_button.text() == "Save"
    qm = tmp_path / "fv_hi.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert form.save_button.text() == "सहेजें"
        assert form.title.text() == "नया क्षेत्र भ्रमण"
        assert form.district.currentText() == "लखनऊ (LKO)"
        assert form.office.text() == "Vikas Bhawan"
        assert form.actions.cellWidget(row, 3).currentText() == "पूर्ण"
        assert form.actions.horizontalHeaderItem(1).text() == "उत्तरदायी"
        assert page.list.table.horizontalHeaderItem(2).text() == "कार्यालय"
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert form.save_button.text() == "Save"
    assert form.district.currentText() == "Lucknow (LKO)"


def test_problem_codes_have_hindi_templates():
    from desktop.core import field_visits as fv
    from desktop.ui.field_visits.common import PROBLEM_LABELS, PROBLEM_TEMPLATES

    assert set(PROBLEM_TEMPLATES) == set(fv.MESSAGES)
    have = translations()
    for source in [*PROBLEM_TEMPLATES.values(), *PROBLEM_LABELS.values()]:
        text = have.get(("FieldVisits", source))
        assert text and re.search("[\u0900-\u097f]", text), source
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text)), source


def test_core_problems_keep_english_and_carry_codes(store):
    from desktop.core import field_visits as fv

    with pytest.raises(fv.VisitError) as err:
        fv.validate_visit(
            store,
            {
                "district_code": "ZZZ",
                "office": "Vikas Bhawan",
                "visit_date": "2026-13-01",
                "people_met": -2,
                "action_points": [{"text": "", "owner": "DM"}],
            },
        )
    by_code = {p.code: p for p in err.value.problems}
    assert by_code["district_unknown"] == ("district_code", "'ZZZ' is not a UP district code")
    assert by_code["ap_text_missing"] == ("action_points", "row 1: the text is missing")
    assert by_code["ap_text_missing"].params == {"row": 1}
    assert "Visit date: '2026-13-01' is not a date (YYYY-MM-DD)" in str(err.value)
    assert "Purpose: required" in str(err.value)


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
def test_form_errors_in_hindi(qtbot, tmp_path, store):
    from desktop.core import field_visits as fv

    qm = tmp_path / "fv_hi.qm"
    subprocess.run(["pyside6-lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from desktop.ui.context import AppContext
        from desktop.ui.field_visits.page import create_page
        from desktop.ui.tasks import SyncRunner

        page = create_page(AppContext(store, None, SyncRunner()))
        qtbot.addWidget(page)
        try:
            fv.validate_visit(
                store,
                {
                    "district_code": "ZZZ",
                    "office": "",
                    "visit_date": "2026-11-02",
                    "action_points": [{"text": "Train clerks", "owner": ""}],
                },
            )
        except fv.VisitError as exc:
            page.form._failed(exc)
        text = page.form.error.text()
        assert text.startswith("सहेजा नहीं गया — कृपया सुधारें:")
        assert "जनपद: “ZZZ” उत्तर प्रदेश के किसी जनपद का कोड नहीं है" in text
        assert "कार्यालय: आवश्यक है" in text
        assert "कार्रवाई बिंदु: पंक्ति 1: उत्तरदायी का नाम नहीं लिखा गया है" in text
        assert "district_code" not in text and "required" not in text
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease missing")
def test_planning_a_field_workshop_words_the_workshop_problems_in_hindi(qtbot, tmp_path, store):
    """The workshops core refuses a planned workshop with its own problem codes: the visit
    form words them with the workshop area's Hindi templates and labels, not in English."""
    from desktop.core import field_visits as fv
    from desktop.core import workshops as ws
    from desktop.core.field_workshops import FieldWorkshopError, plan_field_workshop
    from desktop.core.problems import codes
    from tests.field_visits.fv_helpers import visit_data

    vid = fv.create_visit(store, visit_data())
    prog = store.insert(
        "programme", {"code": "P1", "title_en": "e-Office", "hours": 3, "min_attendance_pct": 75}
    )
    with pytest.raises(FieldWorkshopError) as err:  # still a VisitError for the CLI
        plan_field_workshop(store, vid, prog, days=400)
    assert isinstance(err.value, fv.VisitError) and codes(err.value.problems) == ["too_long"]
    translators = []
    for name in ("field_visits_hi.ts", "workshops_hi.ts"):
        qm = tmp_path / name.replace(".ts", ".qm")
        ts = ROOT / "resources" / "i18n" / name
        subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
        translator = QTranslator()
        assert translator.load(str(qm))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    try:
        from desktop.ui.context import AppContext
        from desktop.ui.field_visits.page import create_page
        from desktop.ui.tasks import SyncRunner

        page = create_page(AppContext(store, None, SyncRunner()))
        qtbot.addWidget(page)
        page.show_visit(vid)
        page.form.plan_workshop(prog, "2026-10-05", 400)
        text = page.form.error.text()
        assert text.startswith("कार्यशाला नियोजित नहीं हुई — कृपया सुधारें:"), text
        assert "समाप्ति तिथि: एक वर्ष से लंबी कार्यशाला — संभवतः टंकण की त्रुटि है" in text
        assert "year" not in text and "end_date" not in text
        # Every workshop code the core can raise is worded from that area's templates.
        problem = ws.problem
        page.form._failed(
            FieldWorkshopError(
                [
                    problem("venue", "venue_required"),
                    problem("district_code", "district_unknown", value="ZZZ"),
                    problem("session 1.start_time", "not_a_time", value="25:00", session=1),
                ]
            )
        )
        text = page.form.error.text()
        assert "स्थान: कार्यशाला का स्थान लिखें" in text
        assert "जनपद: जनपद कोड “ZZZ” मान्य नहीं है" in text
        assert "सत्र 1 · आरंभ: “25:00” मान्य समय नहीं है (HH:MM, 24 घंटे वाला)" in text
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
