"""A wrong laptop clock (core.clock), said in the GUI's language: on the Sync page, in the
main window's status bar from the start, and at the attendance desk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from desktop.core import clock
from desktop.core.dates import format_datetime
from desktop.store import Store, StoreClosed
from desktop.ui.context import AppContext

_CONTEXT = "ClockNotice"


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def duration_text(seconds: float) -> str:
    """'3 hours' / '3 घंटे' — the largest whole unit, as a person says it."""
    units = (
        (365 * 86400, tr("1 year"), tr("{0} years")),
        (86400, tr("1 day"), tr("{0} days")),
        (3600, tr("1 hour"), tr("{0} hours")),
        (60, tr("1 minute"), tr("{0} minutes")),
    )
    for size, one, many in units:
        if seconds >= size:
            count = int(seconds // size)
            return one if count == 1 else many.format(count)
    return tr("{0} seconds").format(int(seconds))


def _source_text(source: str) -> str:
    return {
        "portal": tr("the portal"),
        "bundle": tr("a bundle from another desk"),
        "receipt": tr("a receipt from another desk"),
        "hub": tr("the venue hub"),
    }[source]


def warning_text(warning: clock.ClockWarning) -> str:
    amount = duration_text(abs(warning.seconds))
    if warning.kind == "behind_database":
        return tr(
            "This laptop's clock says {0}, but this desk already holds a record made at {1}, "
            "{2} later. The clock was set back (or another desk's clock runs ahead). Set the "
            "date and time in the computer's settings; marks and certificates made meanwhile "
            "are flagged."
        ).format(format_datetime(warning.local), format_datetime(warning.reference), amount)
    text = (
        tr("This laptop's clock seems to be {0} behind {1} (this laptop: {2}; {1}: {3}).")
        if warning.seconds < 0
        else tr("This laptop's clock seems to be {0} ahead of {1} (this laptop: {2}; {1}: {3}).")
    )
    return (
        text.format(amount, _source_text(warning.source), format_datetime(warning.local),
                    format_datetime(warning.reference))
        + " "
        + tr("Check the date and time in the computer's settings; marks and certificates made "
             "meanwhile are flagged.")
    )


def notice(store: Store) -> str:
    """Every current clock warning as one text, or '' when the clock looks right."""
    try:
        warnings = clock.check(store)
    except StoreClosed:  # the store is being swapped (restore) or closed
        return ""
    return "\n".join(warning_text(w) for w in warnings)


def history_text(note: str | None) -> str:
    """The attendance detail's flag for a mark made while the clock was known wrong."""
    return tr("Made while this laptop's clock was wrong ({0}).").format(note) if note else ""


class ClockNotice(QLabel):
    """A warning line that shows itself only while the clock looks wrong. `compact` (the
    status bar) shows one short line with the whole warning as its tooltip; otherwise the
    whole warning is shown, wrapped (the Sync page, the attendance desk)."""

    def __init__(self, ctx: AppContext, *, compact: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.compact = compact
        self.setObjectName("clockNotice")
        self.setStyleSheet("QLabel { color: #a50e0e; font-weight: bold; }")
        self.setWordWrap(not compact)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kind: str) -> None:
        if kind in ("sync", "*", "attendance", "certificate", "clock"):
            self.refresh()

    def refresh(self) -> None:
        text = notice(self.ctx.store)
        if self.compact and text:
            self.setText(tr("⚠ This laptop's clock looks wrong"))
            self.setToolTip(text)
        else:
            self.setText(text)
            self.setToolTip("")
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)


def place_after(anchor: QWidget, widget: QWidget) -> None:
    """Put `widget` right after `anchor` in the box layout that holds it (a form's)."""
    parent = anchor.parentWidget()
    layout = parent.layout() if parent is not None else None
    index = layout.indexOf(anchor) if layout is not None else -1
    if not isinstance(layout, QBoxLayout) or index < 0:
        # the anchor sits in a grid or form layout: the notice goes on top of the parent
        layout = parent.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, widget)
            return
        raise RuntimeError(f"no box layout to place the clock notice beside {anchor.objectName()}")
    layout.insertWidget(index + 1, widget)
