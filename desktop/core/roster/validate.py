"""Cleaning and checking one roster row, field by field, with messages a clerk understands.

Values arrive as text (readers turn Excel numbers into digits). A blank cell means "not given":
it is never an error for an optional field and never clears what is stored."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import partial

from desktop.core.roster.districts import DistrictMatcher
from desktop.core.roster.fields import FIELD_LABELS, IMPORT_FIELDS
from desktop.core.roster.legacy import LEGACY_MESSAGE, is_latin_only, looks_legacy

_SPACES = re.compile(r"\s+")
_MOBILE_JUNK = re.compile(r"[\s\-().]")
_EXCEL_FLOAT = re.compile(r"^(\d+)\.0+$")
_MOBILE = re.compile(r"^[6-9]\d{9}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_HAS_DEVANAGARI = re.compile(r"[\u0900-\u097F]")

GENDERS = {
    "m": "male",
    "male": "male",
    "man": "male",
    "पुरुष": "male",
    "पु": "male",
    "पुरूष": "male",
    "f": "female",
    "female": "female",
    "woman": "female",
    "महिला": "female",
    "स्त्री": "female",
    "म": "female",
    "o": "other",
    "other": "other",
    "others": "other",
    "transgender": "other",
    "third gender": "other",
    "अन्य": "other",
    "ट्रांसजेंडर": "other",
    "उभयलिंगी": "other",
}

GROUPS = {
    "a": "A",
    "b": "B",
    "c": "C",
    "d": "D",
    "क": "A",
    "ख": "B",
    "ग": "C",
    "घ": "D",
    "ए": "A",
    "बी": "B",
    "सी": "C",
    "डी": "D",
    "1": "A",
    "2": "B",
    "3": "C",
    "4": "D",
    "i": "A",
    "ii": "B",
    "iii": "C",
    "iv": "D",
    "contractual": "contractual",
    "contractual staff": "contractual",
    "contract": "contractual",
    "samvida": "contractual",
    "संविदा": "contractual",
    "outsourced": "contractual",
    "आउटसोर्स": "contractual",
    "other": "other",
    "others": "other",
    "अन्य": "other",
}
_GROUP_WORDS = re.compile(r"^(group|grp|gr|class|service group|समूह|वर्ग|श्रेणी|ग्रुप|क्लास)\s*")

_REPEATING = ("designation", "department", "district_code", "gender", "service_group")
MAX_CODE = 30
MAX_TEXT = 200


def clean_text(value: str | None) -> str:
    """Trimmed, single-spaced, NFC (so नुक़्ता typed two ways compares equal)."""
    if not value:
        return ""
    if value.isascii():
        return (
            " ".join(value.split()) if "  " in value or not value.isprintable() else value.strip()
        )
    value = " ".join(value.replace("\u200b", "").replace("\ufeff", "").split())
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value


def clean_mobile(value: str) -> str | None:
    """10-digit mobile or None; tolerates +91, 0091, 0 prefixes, spaces, dashes, Excel's .0."""
    match = _EXCEL_FLOAT.match(value)
    digits = match.group(1) if match else _MOBILE_JUNK.sub("", value)
    if digits.startswith("+"):
        digits = digits[1:]
    if len(digits) == 14 and digits.startswith("0091"):
        digits = digits[4:]
    elif len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    return digits if _MOBILE.match(digits) else None


def clean_code(value: str) -> str:
    match = _EXCEL_FLOAT.match(value)
    return match.group(1) if match else value


class RowValidator:
    """Turns raw cells (field -> text) into participant data plus (field, message) errors."""

    def __init__(self, districts: DistrictMatcher) -> None:
        self.districts = districts
        self._checks = {
            f: getattr(self, f"_check_{f}", None) or partial(self._check_text, f)
            for f in IMPORT_FIELDS
        }
        # Values that repeat down a column are checked once (districts, groups, posts...).
        self._cache: dict[str, dict[str, object]] = {f: {} for f in _REPEATING}

    def validate(self, raw: Mapping[str, str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
        data: dict[str, str] = {}
        errors: list[tuple[str, str]] = []
        checks, caches = self._checks, self._cache
        for field, value in raw.items():
            if not value:
                continue
            cache = caches.get(field)
            result = cache.get(value) if cache is not None else None
            if result is None:
                text = clean_text(value)
                result = checks[field](text) if text else ""
                if cache is not None:
                    if len(cache) > 20_000:
                        cache.clear()
                    cache[value] = result
            if result.__class__ is tuple:
                errors.append(result)  # type: ignore[arg-type]
            elif result:
                data[field] = result  # type: ignore[assignment]
        if "name_en" not in data and not any(f == "name_en" for f, _ in errors):
            errors.append(("name_en", "Name (English) is required"))
        return data, errors

    # Each check returns the clean value, or (field, message).
    def _check_text(self, field: str, value: str) -> str | tuple[str, str]:
        if len(value) > MAX_TEXT:
            return field, f"{FIELD_LABELS[field]} is longer than {MAX_TEXT} characters"
        if looks_legacy(value, english_field=field != "name_hi"):
            return field, f"{FIELD_LABELS[field]} {value!r} {LEGACY_MESSAGE}"
        return value

    def _check_name_en(self, value: str) -> str | tuple[str, str]:
        if _HAS_DEVANAGARI.search(value) and not re.search(r"[A-Za-z]", value):
            return "name_en", "Name (English) is in Devanagari; give the name in English letters"
        return self._check_text("name_en", value)

    def _check_name_hi(self, value: str) -> str | tuple[str, str]:
        if is_latin_only(value):
            if looks_legacy(value):
                return "name_hi", f"Name (Hindi) {value!r} {LEGACY_MESSAGE}"
            return "name_hi", f"Name (Hindi) {value!r} is not in Devanagari script"
        return self._check_text("name_hi", value)

    def _check_employee_code(self, value: str) -> str | tuple[str, str]:
        value = clean_code(value)
        if len(value) > MAX_CODE:
            return "employee_code", f"Employee code is longer than {MAX_CODE} characters"
        if " " in value:
            return "employee_code", f"Employee code {value!r} contains spaces"
        return value

    def _check_igot_user_id(self, value: str) -> str | tuple[str, str]:
        if " " in value or len(value) > 100:
            return "igot_user_id", f"iGOT user id {value!r} is not a valid id"
        return value

    def _check_mobile(self, value: str) -> str | tuple[str, str]:
        mobile = clean_mobile(value)
        if mobile is None and "E+" in value.upper():
            return (
                "mobile",
                f"Mobile {value!r} was turned into a rounded number by Excel; format the column "
                "as Text and type the number again",
            )
        if mobile is None:
            return "mobile", f"Mobile {value!r} is not a 10-digit Indian mobile number starting 6-9"
        return mobile

    def _check_email(self, value: str) -> str | tuple[str, str]:
        if not _EMAIL.match(value) or ".." in value:
            return "email", f"Email {value!r} is not a valid address"
        return value.lower()

    def _check_district_code(self, value: str) -> str | tuple[str, str]:
        if looks_legacy(value):
            return "district_code", f"District {value!r} {LEGACY_MESSAGE}"
        code, message = self.districts.match(value)
        if code is None:
            return "district_code", message or f"unknown district {value!r}"
        return code

    def _check_gender(self, value: str) -> str | tuple[str, str]:
        gender = GENDERS.get(value.lower().rstrip("."))
        if gender is None:
            return "gender", f"Gender {value!r} is not one of male, female, other (पुरुष, महिला, अन्य)"
        return gender

    def _check_service_group(self, value: str) -> str | tuple[str, str]:
        key = value.lower().replace("-", " ").replace(".", " ").strip()
        key = _GROUP_WORDS.sub("", key).strip()
        group = GROUPS.get(key) or GROUPS.get(key.replace(" ", ""))
        if group is None:
            return (
                "service_group",
                f"Group {value!r} is not one of A, B, C, D, contractual, other (समूह क/ख/ग/घ)",
            )
        return group
