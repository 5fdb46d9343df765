"""The Hindi walk's check (tests/ui/walk_checks.py `latin_texts`): what counts as English left
in a Hindi screen, and what is data or an allowed word."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tests.ui.walk_checks import latin_texts


def _window(qtbot, *widgets) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    return window


def test_english_chrome_is_found_with_the_widget_named(qtbot):
    label = QLabel("Look in:")
    label.setObjectName("lookInLabel")
    group = QGroupBox("Printer")
    hint = QLineEdit()
    hint.setPlaceholderText("Search the roster")
    found = latin_texts(_window(qtbot, label, group, QPushButton("&Save"), hint))
    assert len(found) == 4
    assert any("label lookInLabel" in f and "Look" in f for f in found)
    assert any("Save" in f for f in found) and any("Search" in f for f in found)


def test_hindi_allowed_words_codes_paths_and_data_pass(qtbot):
    window = _window(
        qtbot,
        QLabel("iGOT को भेजें"),
        QLabel("बैज PDF (Ctrl+P)"),
        QLabel("/home/trainer/desk-backups"),
        QLabel("BE40-338B-9404-5AE1-7025"),
        QLabel("जनपद: LKO"),
        QLabel("क्षेत्र भ्रमण: Block Office"),
        QLabel("सूची: CSV या Excel (.xlsx)"),
    )
    assert latin_texts(window, frozenset({"Block", "Office"})) == []
    assert latin_texts(window) != []  # without the data words, the office's name is English
