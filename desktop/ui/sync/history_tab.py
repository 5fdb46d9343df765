"""The History tab: every sync run in words a centre coordinator reads at a glance."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableWidgetItem

from desktop.core.sync import engine as sync_engine
from desktop.ui.said import say
from desktop.ui.sync.status import local_time
from desktop.ui.sync.words import tr


def describe_run(run: dict[str, Any]) -> str:
    """One sync run in words a centre coordinator reads at a glance. The current run's
    `message` is the core's `Said` (in the GUI's language); a stored run's is its English."""
    outcome = run.get("outcome")
    if outcome is None:
        return tr("Interrupted (the app was closed during the sync); it resumes next time.")
    parts: list[str] = []
    if run["sent_batches"] or run["acked_records"]:
        parts.append(tr("{0} record(s) reached the portal.").format(run["acked_records"]))
    if run["rejected"]:
        parts.append(tr("{0} record(s) were not accepted; see Rejected records.").format(
            run["rejected"]))
    if run["pulled"]:
        parts.append(tr("{0} update(s) received from the portal.").format(run["pulled"]))
    if outcome == "ok":
        if not parts:
            parts.append(tr("Everything was already up to date."))
    elif outcome == "offline":
        parts.append(tr("The portal could not be reached; nothing is lost, it will try again."))
    elif outcome == "wait":
        parts.append(tr("The portal asked the desk to wait before sending again; nothing is "
                        "lost, it resumes by itself."))
    elif outcome == "auth":
        parts.append(tr("The portal no longer accepts this desk. Enrol it again."))
    elif outcome == "incomplete":
        parts.append(tr("{0} record(s) still waiting.").format(run["pending"]))
    else:
        parts.append(tr("Stopped by a problem: {0}").format(say(run.get("message") or "")))
    return " ".join(parts)


class HistoryTabMixin:
    """The History tab; part of SyncPage, which owns the widgets."""

    def _fill_history(self) -> None:
        runs = sync_engine.history(self.ctx.store, 100)
        self.history.setRowCount(len(runs))
        for i, run in enumerate(runs):
            self.history.setItem(i, 0, QTableWidgetItem(local_time(run["started_at"])))
            self.history.setItem(i, 1, QTableWidgetItem(describe_run(run)))
        self.history.resizeColumnToContents(0)
        self.history.resizeRowsToContents()
