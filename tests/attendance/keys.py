"""Typing into widgets the way a keyboard-wedge scanner does: one key press/release per
character, then Enter.

Why not `qtbot.keyClicks` for the bulk of it: in PySide6 6.12 every `QTest.keyClick(s)` call
drops one reference to `None` (a refcount bug in the binding), so a few thousand calls in one
test run crash the interpreter at exit ("none_dealloc"). Plain `sendEvent` has no such leak,
and it also carries non-ASCII text (GOTCHAS: keyClicks aborts on Devanagari)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_NONE = Qt.KeyboardModifier.NoModifier


def _key(widget: QWidget, key: int, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, _NONE, text))


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        _key(widget, key, ch)


def press_enter(widget: QWidget) -> None:
    _key(widget, Qt.Key.Key_Return, "\r")


def scan_into(widget: QWidget, text: str) -> None:
    type_text(widget, text)
    press_enter(widget)
