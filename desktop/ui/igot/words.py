"""iGOT's codes and the core's outcome codes in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "IgotPanel"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


_REASONS = {
    "NOT_A_ON_GOING_BATCH": QT_TRANSLATE_NOOP("IgotPanel", "The batch is not ongoing on iGOT"),
    "BATCH_NOT_EXISTS": QT_TRANSLATE_NOOP("IgotPanel", "iGOT does not know this batch"),
    "NO_RESULT": QT_TRANSLATE_NOOP("IgotPanel", "iGOT's answer did not mention this session"),
}

_STATUSES = {
    "absent": QT_TRANSLATE_NOOP("IgotPanel", "now marked absent"),
    "excused": QT_TRANSLATE_NOOP("IgotPanel", "now marked excused"),
    "deleted": QT_TRANSLATE_NOOP("IgotPanel", "mark removed"),
}

_CHECKS = {
    "ok": QT_TRANSLATE_NOOP("IgotPanel", "Connected: the batch {0} is ongoing on iGOT."),
    "not_linked": QT_TRANSLATE_NOOP(
        "IgotPanel", "This workshop is not linked to an iGOT batch yet."),
    "auth": QT_TRANSLATE_NOOP(
        "IgotPanel", "iGOT does not accept the coordinator's access token or the API key: "
        "enter a new token."),
    "network": QT_TRANSLATE_NOOP(
        "IgotPanel", "No connection to iGOT: check the network and the address."),
    "unknown_batch": QT_TRANSLATE_NOOP(
        "IgotPanel", "iGOT does not know the batch {0}: check the batch id."),
    "wrong_course": QT_TRANSLATE_NOOP(
        "IgotPanel", "The batch {0} belongs to another course on iGOT: check the course id."),
    "not_started": QT_TRANSLATE_NOOP("IgotPanel", "The batch {0} has not started yet on iGOT."),
    "ended": QT_TRANSLATE_NOOP("IgotPanel", "The batch {0} has ended on iGOT."),
    "not_ongoing": QT_TRANSLATE_NOOP("IgotPanel", "The batch {0} is not ongoing on iGOT."),
}


def reason_text(code: str) -> str:
    """A known refusal in words; anything else exactly as iGOT wrote it."""
    source = _REASONS.get(code)
    return tr(source) if source else code


def status_text(status: str) -> str:
    source = _STATUSES.get(status)
    return tr(source) if source else status


def check_text(code: str, batch_id: str | None, fallback: str) -> str:
    source = _CHECKS.get(code)
    return tr(source).replace("{0}", batch_id or "") if source else fallback
