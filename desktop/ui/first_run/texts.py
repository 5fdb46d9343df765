"""The wizard's texts set in code (context "FirstRun"; Hindi in first_run_hi.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "FirstRun"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
