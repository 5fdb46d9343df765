"""Words of the Sync page shared by its parts (record kinds) and sentences built from a core
result (a damaged bundle or receipt), kept apart from the page so it stays a layout; the same
context ("SyncPage") and Hindi file (`sync_hi.ts`) as the page."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.core.sync.damage import DamagedFile

CONTEXT = "SyncPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Record kinds as the page names them (tables of rejected, held and differing records).
KIND_NAMES = {
    "participant": QT_TRANSLATE_NOOP("SyncPage", "Participant"),
    "programme": QT_TRANSLATE_NOOP("SyncPage", "Programme"),
    "workshop": QT_TRANSLATE_NOOP("SyncPage", "Workshop"),
    "session": QT_TRANSLATE_NOOP("SyncPage", "Session"),
    "enrolment": QT_TRANSLATE_NOOP("SyncPage", "Enrolment"),
    "attendance": QT_TRANSLATE_NOOP("SyncPage", "Attendance"),
    "field_visit": QT_TRANSLATE_NOOP("SyncPage", "Field visit"),
    "certificate": QT_TRANSLATE_NOOP("SyncPage", "Certificate"),
    "nodal_officer": QT_TRANSLATE_NOOP("SyncPage", "Nodal officer"),
}

# What is wrong with the part, by `damage.PROBLEMS` key (the English there says the same).
_PROBLEMS = {
    "checksum": QT_TRANSLATE_NOOP("SyncPage", "cannot be read (bad checksum)"),
    "compressed": QT_TRANSLATE_NOOP("SyncPage",
                                    "cannot be read (its compressed data is broken)"),
    "cut_short": QT_TRANSLATE_NOOP("SyncPage", "cannot be read (it ends too early)"),
    "unreadable": QT_TRANSLATE_NOOP("SyncPage", "cannot be read"),
    "not_json": QT_TRANSLATE_NOOP("SyncPage",
                                  "cannot be read (it is cut short or not valid JSON)"),
    "not_bundle": QT_TRANSLATE_NOOP(
        "SyncPage", "cannot be opened (it is cut short, damaged or not a bundle)"),
    "missing": QT_TRANSLATE_NOOP("SyncPage", "is missing"),
    "hash": QT_TRANSLATE_NOOP("SyncPage", "does not match the manifest (bad checksum)"),
    "signature": QT_TRANSLATE_NOOP("SyncPage", "does not match its signature"),
}


def describe_damage(exc: DamagedFile) -> str:
    """The core's refusal of a damaged bundle or receipt, in the current language."""
    problem = tr(_PROBLEMS[exc.reason])
    name = exc.path.replace("\\", "/").rsplit("/", 1)[-1]
    if exc.what == "bundle":
        if exc.part:
            text = tr("The bundle {0} is damaged: its part {1} {2}. Copy it again from the "
                      "other desk; nothing was changed.")
        else:
            text = tr("The bundle {0} is damaged: the file {2}. Copy it again from the other "
                      "desk; nothing was changed.")
    elif exc.part:
        text = tr("The receipt {0} is damaged: its part {1} {2}. Copy it again from the "
                  "other desk; nothing was changed.")
    else:
        text = tr("The receipt {0} is damaged: the file {2}. Copy it again from the other "
                  "desk; nothing was changed.")
    return text.format(name, exc.part, problem)
