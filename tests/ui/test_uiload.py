"""Forms embedded in a page or dialog must have a plain widget root (issue 20: a QDialog root
left the Enrol and Programmes dialogs as empty grey boxes)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from desktop.paths import forms_path
from desktop.ui.uiload import child, embed_form, load_ui

FORMS = sorted(p.name for p in forms_path("main_window.ui").parent.glob("*.ui"))


def _root_class(name: str) -> str:
    return ET.parse(forms_path(name)).getroot().find("widget").get("class")


@pytest.mark.parametrize("name", FORMS)
def test_a_form_is_embedded_only_when_its_root_is_a_plain_widget(qtbot, name):
    host = QDialog()
    qtbot.addWidget(host)
    form = load_ui(name, host)
    if _root_class(name) in ("QDialog", "QMainWindow"):
        with pytest.raises(TypeError, match="root"):
            embed_form(host, form)
        return
    embed_form(host, form)
    host.resize(600, 400)
    host.show()
    assert form.isVisible() and not form.isWindow()
    assert form.geometry().width() > 0 and form.geometry().height() > 0


def test_the_enrol_and_programme_forms_are_embeddable():
    assert _root_class("sync_enrol.ui") == "QWidget"
    assert _root_class("programme_dialog.ui") == "QWidget"
    assert issubclass(QDialog, QWidget)  # the host is the dialog


def test_child_finds_a_form_widget_by_type_and_name(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    form = load_ui("workshops.ui", host)
    found = child(form, QLineEdit, "searchEdit")
    assert isinstance(found, QLineEdit) and found.objectName() == "searchEdit"


def test_child_fails_loudly_naming_the_form_and_the_missing_widget(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    form = load_ui("workshops.ui", host)
    with pytest.raises(LookupError, match=r"workshops\.ui.*QLineEdit.*'searchEditRenamed'"):
        child(form, QLineEdit, "searchEditRenamed")
    # the right name with the wrong type is missing too (findChild would give None)
    with pytest.raises(LookupError, match=r"workshops\.ui.*QComboBox.*'searchEdit'"):
        child(form, QComboBox, "searchEdit")
    # from a widget inside the form, the error still names the .ui file it came from
    inner = child(form, QLineEdit, "searchEdit")
    with pytest.raises(LookupError, match=r"workshops\.ui"):
        child(inner, QLineEdit, "nothingHere")


def test_child_outside_a_loaded_form_names_the_parent(qtbot):
    plain = QWidget()
    plain.setObjectName("plainHost")
    qtbot.addWidget(plain)
    with pytest.raises(LookupError, match="'plainHost'.*QLineEdit.*'missing'"):
        child(plain, QLineEdit, "missing")
