"""The workshop, session and programme forms' messages in the GUI's language: the core's
problem codes (desktop.core.workshops.MESSAGES) and field names mapped to translatable text
(context "WorkshopProblems", in workshops_hi.ts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.problems import ProblemText

# lupdate needs the context as a literal in each QT_TRANSLATE_NOOP
CONTEXT = "WorkshopProblems"

TEMPLATES = {
    "code_required": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "a programme needs a short code, e.g. KSK-01"
    ),
    "code_taken": QT_TRANSLATE_NOOP("WorkshopProblems", "programme code {value} is already used"),
    "title_required": QT_TRANSLATE_NOOP("WorkshopProblems", "the English title must not be empty"),
    "hours_invalid": QT_TRANSLATE_NOOP("WorkshopProblems", "hours must be a number above 0"),
    "pct_invalid": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "minimum attendance must be a whole number 0–100"
    ),
    "programme_required": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "choose the programme this workshop belongs to"
    ),
    "mode_invalid": QT_TRANSLATE_NOOP("WorkshopProblems", "mode must be 'institute' or 'field'"),
    "venue_required": QT_TRANSLATE_NOOP("WorkshopProblems", "say where the workshop is held"),
    "district_unknown": QT_TRANSLATE_NOOP("WorkshopProblems", "unknown district code {value}"),
    "not_a_date": QT_TRANSLATE_NOOP("WorkshopProblems", "{value} is not a date (YYYY-MM-DD)"),
    "end_before_start": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "the workshop cannot end before it starts"
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "a workshop longer than a year is surely a typing mistake"
    ),
    "trainer_blank": QT_TRANSLATE_NOOP("WorkshopProblems", "remove the empty trainer name"),
    "session_outside": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "{value} is outside the workshop's dates {start} to {end}"
    ),
    "not_a_time": QT_TRANSLATE_NOOP("WorkshopProblems", "{value} is not a time (HH:MM, 24-hour)"),
    "session_order": QT_TRANSLATE_NOOP("WorkshopProblems", "a session must end after it starts"),
    "topic_required": QT_TRANSLATE_NOOP("WorkshopProblems", "give the session a topic"),
    "session_overlap": QT_TRANSLATE_NOOP("WorkshopProblems", "overlaps session {other} on {date}"),
    "no_sessions": QT_TRANSLATE_NOOP("WorkshopProblems", "add at least one session"),
    "session_has_marks": QT_TRANSLATE_NOOP(
        "WorkshopProblems",
        "the session of {date} {time} already has {marks} attendance marks and cannot be removed",
    ),
    "no_start_date": QT_TRANSLATE_NOOP(
        "WorkshopProblems", "the original workshop has no valid start date"
    ),
}

LABELS = {
    "code": QT_TRANSLATE_NOOP("WorkshopProblems", "Code"),
    "title_en": QT_TRANSLATE_NOOP("WorkshopProblems", "Title (English)"),
    "hours": QT_TRANSLATE_NOOP("WorkshopProblems", "Hours"),
    "min_attendance_pct": QT_TRANSLATE_NOOP("WorkshopProblems", "Minimum attendance %"),
    "programme_id": QT_TRANSLATE_NOOP("WorkshopProblems", "Programme"),
    "mode": QT_TRANSLATE_NOOP("WorkshopProblems", "Mode"),
    "venue": QT_TRANSLATE_NOOP("WorkshopProblems", "Venue"),
    "district_code": QT_TRANSLATE_NOOP("WorkshopProblems", "District"),
    "start_date": QT_TRANSLATE_NOOP("WorkshopProblems", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("WorkshopProblems", "End date"),
    "trainers": QT_TRANSLATE_NOOP("WorkshopProblems", "Trainers"),
    "sessions": QT_TRANSLATE_NOOP("WorkshopProblems", "Sessions"),
    "date": QT_TRANSLATE_NOOP("WorkshopProblems", "Date"),
    "start_time": QT_TRANSLATE_NOOP("WorkshopProblems", "Start"),
    "end_time": QT_TRANSLATE_NOOP("WorkshopProblems", "End"),
    "topic_en": QT_TRANSLATE_NOOP("WorkshopProblems", "Topic (English)"),
}

SESSION = QT_TRANSLATE_NOOP("WorkshopProblems", "Session {n}")

WORKSHOP_PROBLEMS = ProblemText(CONTEXT, TEMPLATES, LABELS, session_label=SESSION)


def problem_lines(problems) -> str:
    """One "• Label: message" line per problem, in the current language."""
    return "\n".join(f"• {WORKSHOP_PROBLEMS.line(p)}" for p in problems)
