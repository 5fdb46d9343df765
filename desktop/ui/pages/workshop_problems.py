"""The workshop, session and programme forms' messages in the GUI's language: the core's
problem codes (desktop.core.workshops.MESSAGES) and field names mapped to translatable text
(context "WorkshopProblems", in workshops_hi.ts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.problems import ProblemText

CONTEXT = "WorkshopProblems"

TEMPLATES = {
    "code_required": QT_TRANSLATE_NOOP(CONTEXT, "a programme needs a short code, e.g. KSK-01"),
    "code_taken": QT_TRANSLATE_NOOP(CONTEXT, "programme code {value} is already used"),
    "title_required": QT_TRANSLATE_NOOP(CONTEXT, "the English title must not be empty"),
    "hours_invalid": QT_TRANSLATE_NOOP(CONTEXT, "hours must be a number above 0"),
    "pct_invalid": QT_TRANSLATE_NOOP(CONTEXT, "minimum attendance must be a whole number 0–100"),
    "programme_required": QT_TRANSLATE_NOOP(
        CONTEXT, "choose the programme this workshop belongs to"
    ),
    "mode_invalid": QT_TRANSLATE_NOOP(CONTEXT, "mode must be 'institute' or 'field'"),
    "venue_required": QT_TRANSLATE_NOOP(CONTEXT, "say where the workshop is held"),
    "district_unknown": QT_TRANSLATE_NOOP(CONTEXT, "unknown district code {value}"),
    "not_a_date": QT_TRANSLATE_NOOP(CONTEXT, "{value} is not a date (YYYY-MM-DD)"),
    "end_before_start": QT_TRANSLATE_NOOP(CONTEXT, "the workshop cannot end before it starts"),
    "too_long": QT_TRANSLATE_NOOP(
        CONTEXT, "a workshop longer than a year is surely a typing mistake"
    ),
    "trainer_blank": QT_TRANSLATE_NOOP(CONTEXT, "remove the empty trainer name"),
    "session_outside": QT_TRANSLATE_NOOP(
        CONTEXT, "{value} is outside the workshop's dates {start} to {end}"
    ),
    "not_a_time": QT_TRANSLATE_NOOP(CONTEXT, "{value} is not a time (HH:MM, 24-hour)"),
    "session_order": QT_TRANSLATE_NOOP(CONTEXT, "a session must end after it starts"),
    "topic_required": QT_TRANSLATE_NOOP(CONTEXT, "give the session a topic"),
    "session_overlap": QT_TRANSLATE_NOOP(CONTEXT, "overlaps session {other} on {date}"),
    "no_sessions": QT_TRANSLATE_NOOP(CONTEXT, "add at least one session"),
    "session_has_marks": QT_TRANSLATE_NOOP(
        CONTEXT,
        "the session of {date} {time} already has {marks} attendance marks and cannot be removed",
    ),
    "no_start_date": QT_TRANSLATE_NOOP(CONTEXT, "the original workshop has no valid start date"),
}

LABELS = {
    "code": QT_TRANSLATE_NOOP(CONTEXT, "Code"),
    "title_en": QT_TRANSLATE_NOOP(CONTEXT, "Title (English)"),
    "hours": QT_TRANSLATE_NOOP(CONTEXT, "Hours"),
    "min_attendance_pct": QT_TRANSLATE_NOOP(CONTEXT, "Minimum attendance %"),
    "programme_id": QT_TRANSLATE_NOOP(CONTEXT, "Programme"),
    "mode": QT_TRANSLATE_NOOP(CONTEXT, "Mode"),
    "venue": QT_TRANSLATE_NOOP(CONTEXT, "Venue"),
    "district_code": QT_TRANSLATE_NOOP(CONTEXT, "District"),
    "start_date": QT_TRANSLATE_NOOP(CONTEXT, "Start date"),
    "end_date": QT_TRANSLATE_NOOP(CONTEXT, "End date"),
    "trainers": QT_TRANSLATE_NOOP(CONTEXT, "Trainers"),
    "sessions": QT_TRANSLATE_NOOP(CONTEXT, "Sessions"),
    "date": QT_TRANSLATE_NOOP(CONTEXT, "Date"),
    "start_time": QT_TRANSLATE_NOOP(CONTEXT, "Start"),
    "end_time": QT_TRANSLATE_NOOP(CONTEXT, "End"),
    "topic_en": QT_TRANSLATE_NOOP(CONTEXT, "Topic (English)"),
}

SESSION = QT_TRANSLATE_NOOP(CONTEXT, "Session {n}")

WORKSHOP_PROBLEMS = ProblemText(CONTEXT, TEMPLATES, LABELS, session_label=SESSION)


def problem_lines(problems) -> str:
    """One "• Label: message" line per problem, in the current language."""
    return "\n".join(f"• {WORKSHOP_PROBLEMS.line(p)}" for p in problems)
