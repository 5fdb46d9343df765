"""Cleaning and checking one roster row, field by field, with messages a clerk understands.

Values arrive as text (readers turn Excel numbers into digits). A blank cell means "not given":
it is never an error for an optional field and never clears what is stored."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import compress

from desktop.core.cells import unescape_csv_cell
from desktop.core.problems import Problem
from desktop.core.roster.derived import CONVERTED_KEY, DERIVED_KEY
from desktop.core.roster.districts import DistrictMatcher
from desktop.core.roster.fields import IMPORT_FIELDS
from desktop.core.roster.legacy import is_latin_only, looks_legacy, worth_a_look
from desktop.core.roster.messages import problem
from desktop.protocol.fields import normalise_email, normalise_mobile
from desktop.text.krutidev import to_unicode
from desktop.text.roman import english_name

_SPACES = re.compile(r"\s+")
_EXCEL_FLOAT = re.compile(r"^(\d+)\.0+$")
_HAS_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

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
#: The values of a clean column (each at most MAX_TEXT long) that the field's check may
#: change (`RowValidator.check_column`): an English name needs a non-ASCII character or a
#: legacy-font sign for that, a Hindi name a Latin letter (`_check_name_en`, `_check_name_hi`).
_WORTH_CHECKING: dict[str, Callable[[Sequence[str]], Iterable[int]]] = {
    "name_en": worth_a_look,
    "name_hi": lambda values: compress(range(len(values)), map(_LATIN_LETTER.search, values)),
}


def clean_text(value: str | None) -> str:
    """Trimmed, single-spaced, NFC (so नुक़्ता typed two ways compares equal); the
    apostrophe an export puts before formula-like text (`desktop.core.cells`) taken off."""
    if not value:
        return ""
    if value[:1] == "'":
        value = unescape_csv_cell(value)
    if value.isascii():
        return (
            " ".join(value.split()) if "  " in value or not value.isprintable() else value.strip()
        )
    value = " ".join(value.replace("\u200b", "").replace("\ufeff", "").split())
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value


def already_clean(values: Sequence[str]) -> bool:
    """Whether `clean_text` gives back every value as it is (blank ones included), tested on
    the whole column at once: a chunk's names, codes and mobiles nearly always are, and
    testing them cell by cell was a third of checking them. Joined with newlines, which no
    value holds once the column is known to be printable, each value's ends show as the
    newlines' neighbours; NFC is per character, and a newline composes with nothing."""
    try:
        flat = "".join(values)
    except TypeError:  # not all text: cell by cell
        return False
    if not flat.isprintable():  # tabs, newlines, NBSP, zero-width marks...: cell by cell
        return False
    lines = "\n".join(values)
    if "  " in lines or " \n" in lines or "\n " in lines or "\n'" in lines:
        return False
    if lines[:1] in (" ", "'") or lines[-1:] == " ":
        return False
    return flat.isascii() or unicodedata.is_normalized("NFC", lines)


def _check_some(
    check: Callable[[str], str | Problem], values: Sequence[str], some: Iterable[int]
) -> list[str | Problem]:
    """`values` with those at the indices `some` checked by `check`, the others kept as they
    are (the caller knows `check` keeps them). A list of mostly distinct names made a check
    of every name cost as much as reading the file."""
    out: list[str | Problem] = list(values)
    for index in some:
        out[index] = check(out[index])
    return out


class Converted(str):
    """A value turned from a legacy font (Kruti Dev...) into Unicode: counted, and shown
    beside the original in the preview."""

    __slots__ = ()


def clean_code(value: str) -> str:
    match = _EXCEL_FLOAT.match(value)
    return match.group(1) if match else value


class RowValidator:
    """Turns raw cells (field -> text) into participant data plus errors: `Problem`s, i.e.
    (field, English message) pairs with a `code` and `params` (desktop.core.roster.messages)."""

    def __init__(self, districts: DistrictMatcher) -> None:
        self.districts = districts
        self._checks = {
            f: getattr(self, f"_check_{f}", None) or partial(self._check_text, f)
            for f in IMPORT_FIELDS
        }
        # Values that repeat down a column are checked once (districts, groups, posts...).
        self._cache: dict[str, dict[str, object]] = {f: {} for f in _REPEATING}

    def validate(self, raw: Mapping[str, str]) -> tuple[dict[str, str], list[Problem]]:
        data: dict[str, str] = {}
        errors: list[Problem] = []
        converted: list[str] = []
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
            if result.__class__ is Problem:
                errors.append(result)  # type: ignore[arg-type]
            elif result:
                if result.__class__ is Converted:
                    converted.append(field)
                    result = str(result)
                data[field] = result  # type: ignore[assignment]
        if "name_en" not in data and not any(f == "name_en" for f, _ in errors):
            # A Hindi-only list: the English name is written from the Hindi and marked so.
            derived = english_name(data["name_hi"]) if "name_hi" in data else ""
            if derived:
                data["name_en"] = derived
                data[DERIVED_KEY] = "name_en"
            else:
                errors.append(problem("name_en", "required"))
        if converted:
            data[CONVERTED_KEY] = ",".join(converted)
        return data, errors

    def check_column(self, field: str, values: Sequence[str]) -> list[str | Problem]:
        """One field of many rows, as `validate` checks each cell: the clean value ('' for a
        blank), a `Converted` value, or a Problem. A chunk checked a column at a time costs
        a third less than row by row (no dict per row, one dispatch per column)."""
        check = self._checks[field]
        cache = self._cache.get(field)
        if cache is None and already_clean(values):  # nothing to trim, normalise or unescape
            worth_checking = _WORTH_CHECKING.get(field)
            if worth_checking is not None and max(map(len, values), default=0) <= MAX_TEXT:
                return _check_some(check, values, worth_checking(values))
            return [check(value) if value else "" for value in values]
        out: list[str | Problem] = []
        append = out.append
        for value in values:
            if not value:
                append("")
                continue
            result = cache.get(value) if cache is not None else None
            if result is None:
                text = clean_text(value)
                result = check(text) if text else ""
                if cache is not None:
                    if len(cache) > 20_000:
                        cache.clear()
                    cache[value] = result
            append(result)  # type: ignore[arg-type]
        return out

    # Each check returns the clean value, or a Problem.
    def _check_text(self, field: str, value: str, *, legacy: bool = True) -> str | Problem:
        """`legacy=False`: the caller already knows the text is not in a legacy font."""
        if len(value) > MAX_TEXT:
            return problem(field, "too_long", max=MAX_TEXT)
        if legacy and looks_legacy(value, english_field=field != "name_hi"):
            return self._convert(field, value)
        return value

    @staticmethod
    def _convert(field: str, value: str) -> Converted | Problem:
        """Legacy-font text in Unicode, or the problem that it does not convert cleanly."""
        unicode = to_unicode(value)
        if unicode is None:
            return problem(field, "legacy_unconverted", value=value)
        return Converted(unicode)

    def _check_name_en(self, value: str) -> str | Problem:
        if _HAS_DEVANAGARI.search(value) and not re.search(r"[A-Za-z]", value):
            return problem("name_en", "name_en_devanagari")
        if len(value) <= MAX_TEXT and looks_legacy(value, english_field=True):
            return problem("name_en", "legacy_font", value=value)  # Hindi, not English
        return self._check_text("name_en", value, legacy=False)  # asked just above

    def _check_name_hi(self, value: str) -> str | Problem:
        if is_latin_only(value):
            if looks_legacy(value):
                return self._convert("name_hi", value)
            return problem("name_hi", "not_devanagari", value=value)
        # Devanagari in it, or no Latin letter: never legacy-font text (`looks_legacy`)
        return self._check_text("name_hi", value, legacy=False)

    def _check_employee_code(self, value: str) -> str | Problem:
        value = clean_code(value)
        if len(value) > MAX_CODE:
            return problem("employee_code", "too_long", max=MAX_CODE)
        if " " in value:
            return problem("employee_code", "has_spaces", value=value)
        return value

    def _check_igot_user_id(self, value: str) -> str | Problem:
        if " " in value or len(value) > 100:
            return problem("igot_user_id", "igot_invalid", value=value)
        return value

    def _check_mobile(self, value: str) -> str | Problem:
        mobile = normalise_mobile(value)
        if mobile is None and "E+" in value.upper():
            return problem("mobile", "mobile_excel", value=value)
        if mobile is None:
            return problem("mobile", "mobile_invalid", value=value)
        return mobile

    def _check_email(self, value: str) -> str | Problem:
        email = normalise_email(value)
        if email is None:
            return problem("email", "email_invalid", value=value)
        return email

    def _check_district_code(self, value: str) -> str | Problem:
        if looks_legacy(value):
            unicode = self._convert("district_code", value)
            if unicode.__class__ is Problem:
                return unicode
            code, found = self.districts.match(str(unicode))
            if code is None:
                return found or problem("district_code", "district_unknown", value=value)
            return Converted(code)
        code, found = self.districts.match(value)
        if code is None:
            return found or problem("district_code", "district_unknown", value=value)
        return code

    def _check_gender(self, value: str) -> str | Problem:
        gender = GENDERS.get(value.lower().rstrip("."))
        if gender is None:
            return problem("gender", "gender_invalid", value=value)
        return gender

    def _check_service_group(self, value: str) -> str | Problem:
        key = value.lower().replace("-", " ").replace(".", " ").strip()
        key = _GROUP_WORDS.sub("", key).strip()
        group = GROUPS.get(key) or GROUPS.get(key.replace(" ", ""))
        if group is None:
            return problem("service_group", "group_invalid", value=value)
        return group
