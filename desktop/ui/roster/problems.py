"""The roster validator's and importer's problems in the GUI's language: codes
(desktop.core.roster.messages.MESSAGES) and field names mapped to translatable text (context
"RosterProblems", in roster_hi.ts). The import report and CLI keep the core's English."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.problems import ProblemText

# lupdate needs the context as a literal in each QT_TRANSLATE_NOOP
CONTEXT = "RosterProblems"

TEMPLATES = {
    "too_long": QT_TRANSLATE_NOOP("RosterProblems", "{label} is longer than {max} characters"),
    "legacy_font": QT_TRANSLATE_NOOP(
        "RosterProblems",
        "{label} {value} looks like Hindi typed in a legacy font (Kruti Dev/Chanakya), not "
        "Unicode; convert the file to Unicode (e.g. with a Kruti Dev to Unicode converter) and "
        "import again",
    ),
    "legacy_unconverted": QT_TRANSLATE_NOOP(
        "RosterProblems",
        "{label} {value} looks like Hindi typed in a legacy font (Kruti Dev/Chanakya) and does "
        "not convert cleanly to Unicode; type it again in Unicode",
    ),
    "name_en_devanagari": QT_TRANSLATE_NOOP(
        "RosterProblems", "{label} is in Devanagari; give the name in English letters"
    ),
    "not_devanagari": QT_TRANSLATE_NOOP(
        "RosterProblems", "{label} {value} is not in Devanagari script"
    ),
    "has_spaces": QT_TRANSLATE_NOOP("RosterProblems", "{label} {value} contains spaces"),
    "igot_invalid": QT_TRANSLATE_NOOP("RosterProblems", "{label} {value} is not a valid id"),
    "mobile_excel": QT_TRANSLATE_NOOP(
        "RosterProblems",
        "{label} {value} was turned into a rounded number by Excel; format the column as Text "
        "and type the number again",
    ),
    "mobile_invalid": QT_TRANSLATE_NOOP(
        "RosterProblems", "{label} {value} is not a 10-digit Indian mobile number starting 6-9"
    ),
    "email_invalid": QT_TRANSLATE_NOOP("RosterProblems", "{label} {value} is not a valid address"),
    "district_ambiguous": QT_TRANSLATE_NOOP(
        "RosterProblems", "district {value} is ambiguous ({options}); write the full name or code"
    ),
    "district_unknown": QT_TRANSLATE_NOOP(
        "RosterProblems",
        "unknown district {value} (use a UP district name in English or Hindi, or its code)",
    ),
    "gender_invalid": QT_TRANSLATE_NOOP(
        "RosterProblems", "{label} {value} is not one of male, female, other"
    ),
    "group_invalid": QT_TRANSLATE_NOOP(
        "RosterProblems", "{label} {value} is not one of A, B, C, D, contractual, other"
    ),
    "required": QT_TRANSLATE_NOOP("RosterProblems", "{label} is required"),
    "duplicate_in_file": QT_TRANSLATE_NOOP(
        "RosterProblems", "same {label} {value} as row {row} (duplicate in file)"
    ),
    "belongs_to_other": QT_TRANSLATE_NOOP(
        "RosterProblems", "{label} {value} already belongs to another person: {who}"
    ),
    "identity_mismatch": QT_TRANSLATE_NOOP(
        "RosterProblems",
        "{label} {value} belongs to {name} whose {other_label} is {theirs}, not {mine}",
    ),
}

LABELS = {
    "name_en": QT_TRANSLATE_NOOP("RosterProblems", "Name (English)"),
    "name_hi": QT_TRANSLATE_NOOP("RosterProblems", "Name (Hindi)"),
    "employee_code": QT_TRANSLATE_NOOP("RosterProblems", "Employee code"),
    "igot_user_id": QT_TRANSLATE_NOOP("RosterProblems", "iGOT user id"),
    "designation": QT_TRANSLATE_NOOP("RosterProblems", "Designation"),
    "department": QT_TRANSLATE_NOOP("RosterProblems", "Department"),
    "district_code": QT_TRANSLATE_NOOP("RosterProblems", "District"),
    "mobile": QT_TRANSLATE_NOOP("RosterProblems", "Mobile"),
    "email": QT_TRANSLATE_NOOP("RosterProblems", "Email"),
    "gender": QT_TRANSLATE_NOOP("RosterProblems", "Gender"),
    "service_group": QT_TRANSLATE_NOOP("RosterProblems", "Service group"),
}

ROSTER_PROBLEMS = ProblemText(CONTEXT, TEMPLATES, LABELS, quote=("value", "theirs", "mine"))


def problem_text(problem) -> str:
    """One problem as a sentence in the current language (the messages name their field)."""
    return ROSTER_PROBLEMS.message(problem)
