"""The roster's problem messages by code (English; the import report, CLI JSON and the GUI's
fallback). The GUI translates by code: desktop/ui/roster/problems.py."""

from __future__ import annotations

from desktop.core.problems import Catalogue
from desktop.core.roster.fields import FIELD_LABELS
from desktop.core.roster.legacy import LEGACY_MESSAGE

MESSAGES = {
    "too_long": "{label} is longer than {max} characters",
    "legacy_font": "{label} {value!r} " + LEGACY_MESSAGE,
    "legacy_unconverted": (
        "{label} {value!r} looks like Hindi typed in a legacy font (Kruti Dev/Chanakya) and "
        "does not convert cleanly to Unicode; type it again in Unicode"
    ),
    "name_en_devanagari": "{label} is in Devanagari; give the name in English letters",
    "not_devanagari": "{label} {value!r} is not in Devanagari script",
    "has_spaces": "{label} {value!r} contains spaces",
    "igot_invalid": "{label} {value!r} is not a valid id",
    "mobile_excel": (
        "{label} {value!r} was turned into a rounded number by Excel; format the column as "
        "Text and type the number again"
    ),
    "mobile_invalid": "{label} {value!r} is not a 10-digit Indian mobile number starting 6-9",
    "email_invalid": "{label} {value!r} is not a valid address",
    "district_ambiguous": "district {value!r} is ambiguous ({options}); write the full name or code",
    "district_unknown": (
        "unknown district {value!r} (use a UP district name in English or Hindi, or its code)"
    ),
    "gender_invalid": "{label} {value!r} is not one of male, female, other (पुरुष, महिला, अन्य)",
    "group_invalid": (
        "{label} {value!r} is not one of A, B, C, D, contractual, other (समूह क/ख/ग/घ)"
    ),
    "required": "{label} is required",
    "duplicate_in_file": "same {label} {value!r} as row {row} (duplicate in file)",
    "belongs_to_other": "{label} {value!r} already belongs to another person: {who}",
    "identity_mismatch": (
        "{label} {value!r} belongs to {name} whose {other_label} is {theirs!r}, not {mine!r}"
    ),
}

problem = Catalogue(MESSAGES, FIELD_LABELS)
