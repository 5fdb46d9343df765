"""Roster columns: the fields an import fills, the layouts we write, and the many ways
departments spell their headers (English, Hindi, iGOT's bulk-onboarding template).

A header is normalised (case, punctuation, nukta, spacing) before lookup, so
"Name (English)", "NAME-ENGLISH" and "नाम (अंग्रेज़ी)" all land on the same key."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

#: Participant fields an import can set, in the order the GUI shows them.
IMPORT_FIELDS: tuple[str, ...] = (
    "name_en",
    "name_hi",
    "employee_code",
    "igot_user_id",
    "designation",
    "department",
    "district_code",
    "mobile",
    "email",
    "gender",
    "service_group",
)
REQUIRED_FIELDS: tuple[str, ...] = ("name_en",)

#: Human labels for messages and the GUI mapping step.
FIELD_LABELS: dict[str, str] = {
    "name_en": "Name (English)",
    "name_hi": "Name (Hindi)",
    "employee_code": "Employee code",
    "igot_user_id": "iGOT user id",
    "designation": "Designation",
    "department": "Department",
    "district_code": "District",
    "mobile": "Mobile",
    "email": "Email",
    "gender": "Gender",
    "service_group": "Group",
}

#: Our own layout ("kd"): what `roster export` writes and reads back exactly.
KD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Name (English)", "name_en"),
    ("Name (Hindi)", "name_hi"),
    ("Employee Code", "employee_code"),
    ("iGOT User ID", "igot_user_id"),
    ("Designation", "designation"),
    ("Department", "department"),
    ("District Code", "district_code"),
    ("Mobile", "mobile"),
    ("Email", "email"),
    ("Gender", "gender"),
    ("Group", "service_group"),
)

#: iGOT Karmayogi bulk-onboarding template, in the portal's column order. Columns without a
#: participant field are written empty and ignored on import.
IGOT_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("Full Name", "name_en"),
    ("Email", "email"),
    ("Mobile Number", "mobile"),
    ("Group", "service_group"),
    ("Designation", "designation"),
    ("Gender", "gender"),
    ("Category", None),
    ("Date of Birth", None),
    ("Mother Tongue", None),
    ("Employee ID", "employee_code"),
    ("Office Pin Code", None),
    ("External System ID", None),
    ("External System", None),
    ("Tags", None),
)

#: How a value is written in the iGOT template (their spelling of our values).
IGOT_GROUP = {
    "A": "Group A",
    "B": "Group B",
    "C": "Group C",
    "D": "Group D",
    "contractual": "Contractual Staff",
    "other": "Others",
}
IGOT_GENDER = {"male": "Male", "female": "Female", "other": "Others"}

IGNORE = ""  # mapping target meaning "known column, not imported"

_ALIASES: dict[str, tuple[str, ...]] = {
    "name_en": (
        "name english",
        "name in english",
        "english name",
        "name en",
        "full name",
        "full name english",
        "employee name",
        "employee name english",
        "name of employee",
        "participant name",
        "name",
        "नाम अंग्रेजी",
        "नाम अंग्रेजी में",
        "अंग्रेजी में नाम",
        "अंग्रेजी नाम",
        "नाम इंग्लिश",
        "कर्मचारी का नाम अंग्रेजी",
        "नाम",
        "कर्मचारी का नाम",
        "कर्मचारी नाम",
    ),
    "name_hi": (
        "name hindi",
        "name in hindi",
        "hindi name",
        "name hi",
        "hindi",
        "name devanagari",
        "name in devanagari",
        "नाम देवनागरी",
        "full name hindi",
        "employee name hindi",
        "नाम हिंदी",
        "नाम हिन्दी",
        "नाम हिंदी में",
        "नाम हिन्दी में",
        "हिंदी नाम",
        "हिन्दी नाम",
        "हिंदी में नाम",
        "हिन्दी में नाम",
        "कर्मचारी का नाम हिंदी",
        "कर्मचारी का नाम हिन्दी",
    ),
    "employee_code": (
        "employee code",
        "employee id",
        "emp code",
        "emp id",
        "employee no",
        "employee number",
        "employee code ehrms",
        "ehrms code",
        "ehrms id",
        "manav sampada code",
        "manav sampada id",
        "code",
        "कर्मचारी कोड",
        "कर्मचारी कोड संख्या",
        "कर्मचारी क्रमांक संख्या",
        "emp no",
        "staff id",
        "staff code",
        "pf no",
        "gpf no",
        "कर्मचारी संख्या",
        "कर्मचारी आईडी",
        "कर्मचारी आई डी",
        "कर्मचारी क्रमांक",
        "मानव सम्पदा कोड",
        "मानव संपदा कोड",
        "कोड",
    ),
    "igot_user_id": (
        "igot user id",
        "igot id",
        "igot userid",
        "igot user",
        "user id",
        "आईगॉट आईडी",
        "आईगॉट यूजर आईडी",
    ),
    "designation": (
        "designation",
        "desig",
        "desg",
        "post",
        "post name",
        "rank",
        "पदनाम",
        "पद",
        "पद नाम",
        "पद का नाम",
        "पदनाम पद",
    ),
    "department": (
        "department",
        "dept",
        "dept name",
        "deptt",
        "office",
        "office name",
        "ministry department",
        "विभाग",
        "कार्यालय",
        "कार्यालय का नाम",
        "department name",
        "विभाग",
        "विभाग का नाम",
        "विभाग नाम",
    ),
    "district_code": (
        "district",
        "dist",
        "distt",
        "district name",
        "posting district",
        "तैनाती जनपद",
        "जिले",
        "district code",
        "janpad",
        "जनपद",
        "जिला",
        "जनपद जिला",
        "जिला जनपद",
        "जनपद का नाम",
        "जिले का नाम",
    ),
    "mobile": (
        "mobile",
        "mobile number",
        "mobile no",
        "mobile num",
        "phone",
        "phone number",
        "phone no",
        "contact",
        "contact number",
        "contact no",
        "मोबाइल",
        "मोबाइल नंबर",
        "मोबाइल नम्बर",
        "मोबाइल न",
        "मोबाइल नं",
        "मोबाइल नं",
        "मोबाइल सं",
        "मोबाइल नम्बर",
        "मो",
        "मो नं",
        "मो न",
        "मोबा",
        "mob",
        "mob no",
        "mobile no s",
        "mob number",
        "cell",
        "cell no",
        "whatsapp",
        "whatsapp no",
        "मोबाइल संख्या",
        "दूरभाष",
        "फोन",
        "फोन नंबर",
    ),
    "email": (
        "email",
        "e mail",
        "email id",
        "e mail id",
        "mail",
        "mail id",
        "email address",
        "ईमेल",
        "ई मेल",
        "ईमेल आईडी",
        "ई मेल आईडी",
        "ई मेल पता",
        "ईमेल पता",
    ),
    "gender": ("gender", "sex", "m f", "लिंग", "स्त्री पुरुष"),
    "service_group": (
        "group",
        "service group",
        "class",
        "cadre group",
        "समूह",
        "वर्ग",
        "सेवा वर्ग",
        "सेवा समूह",
    ),
    # This program's own import report, read back in after fixing its rows.
    IGNORE: ("status", "error"),
}

#: Serial-number columns: known, and left out by name (their numbers are the sheet's own).
SERIAL_HEADERS: tuple[str, ...] = (
    "s no",
    "sno",
    "sl no",
    "slno",
    "sl",
    "sr no",
    "srno",
    "sr",
    "serial",
    "serial no",
    "serial number",
    "no",
    "क्रम संख्या",
    "क्रमसंख्या",
    "क्रम सं",
    "क्रम",
    "क्रमांक",
    "क्र सं",
    "क्रसं",
    "क्र",
    "सं",
)

_PUNCT = re.compile(r"[^\w\u0900-\u097F]+")
_NUKTA = "\u093c"
#: Abbreviation marks: "मो0", "क्र०सं०", "नं॰" (a zero or ॰ after a Devanagari letter), danda.
_ABBREVIATION = re.compile(r"(?<=[\u0900-\u0963\u0971-\u097F])[0\u0966\u0970]|[\u0964\u0965]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def normalise_header(text: str | None) -> str:
    """Case-, punctuation- and nukta-insensitive form of a header."""
    if not text:
        return ""
    text = str(text).translate(_INVISIBLE)
    text = unicodedata.normalize("NFD", text).replace(_NUKTA, "")
    text = unicodedata.normalize("NFC", text)
    text = _ABBREVIATION.sub(" ", text)
    text = _PUNCT.sub(" ", text.lower()).replace("_", " ")
    return " ".join(text.split())


HEADER_ALIASES: dict[str, str] = {}
for _field, _names in _ALIASES.items():
    for _name in _names:
        HEADER_ALIASES.setdefault(normalise_header(_name), _field)
for _header, _field in KD_COLUMNS:
    HEADER_ALIASES[normalise_header(_header)] = _field
for _header, _field in IGOT_COLUMNS:
    HEADER_ALIASES[normalise_header(_header)] = _field or IGNORE
SERIAL_KEYS = frozenset(normalise_header(h) for h in SERIAL_HEADERS)
for _key in SERIAL_KEYS:
    HEADER_ALIASES.setdefault(_key, IGNORE)

_GENERIC_NAMES = {normalise_header(n) for n in ("name", "नाम", "full name")}


def propose_mapping(headers: Iterable[str | None], layout: str = "auto") -> dict[str, str]:
    """header -> field ('' = ignore) for the headers of a file.

    One vocabulary for every layout: the iGOT template's and this program's headers are two
    more sets of names, never a reason to ignore the other columns. A header nobody
    recognises maps to '' (see `is_known_unused`: such a column holding data is reported)."""
    names = [str(h) if h is not None else "" for h in headers]
    if layout not in ("auto", "kd", "igot"):
        raise ValueError(f"unknown layout {layout!r} (auto, kd, igot)")
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    # Specific headers first, so "Name (Hindi)" claims name_hi before a bare "Name" is seen.
    order = sorted(names, key=lambda h: normalise_header(h) in _GENERIC_NAMES)
    for header in order:
        key = normalise_header(header)
        field = HEADER_ALIASES.get(key, IGNORE)
        if field and key in _GENERIC_NAMES and "name_en" in taken:
            field = "name_hi" if "name_hi" not in taken else IGNORE
        if field and field in taken:
            field = IGNORE  # a second column for the same field is not guessed at
        if field:
            taken.add(field)
        mapping[header] = field
    return {h: mapping[h] for h in names}


def is_known_unused(header: str | None) -> bool:
    """A column known by name and left out on purpose: serial numbers, the iGOT template's
    columns the desk does not keep, an import report's Status and Error."""
    key = normalise_header(header)
    return bool(key) and HEADER_ALIASES.get(key) == IGNORE


def missing_required(mapping: Mapping[str, str] | Iterable[str]) -> list[str]:
    """Required fields no column maps to. A Hindi name alone will do for the English one
    (it is written from the Hindi on import)."""
    present = set(mapping.values()) if isinstance(mapping, Mapping) else set(mapping)
    if "name_hi" in present:
        present.add("name_en")
    return [f for f in REQUIRED_FIELDS if f not in present]


def detect_layout(headers: Iterable[str | None]) -> str:
    """'igot' when the file carries the iGOT template's own headers, else 'kd' when it is
    exactly our export, else 'auto'."""
    keys = {normalise_header(str(h)) for h in headers if h}
    igot = {normalise_header(h) for h, _ in IGOT_COLUMNS}
    kd = {normalise_header(h) for h, _ in KD_COLUMNS}
    if {"full name", "mobile number", "employee id"} <= keys and len(keys & igot) >= 5:
        return "igot"
    if kd <= keys:
        return "kd"
    return "auto"


def header_score(cells: Iterable[object]) -> int:
    """How many cells of a row look like known headers (finds the header row under a title)."""
    return sum(1 for c in cells if c is not None and normalise_header(str(c)) in HEADER_ALIASES)
