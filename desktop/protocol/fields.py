"""The field rules desk and portal share: what a mobile number, an e-mail address and a date
are.

Two kinds of function, kept apart on purpose:

- `is_mobile` / `is_email` say whether a value is in the *stored form* (what the desk keeps and
  sends, SYNC-PROTOCOL §4). The portal accepts exactly these, strictly, so a desk's bug shows up
  as a rejection rather than as bad data.
- `normalise_mobile` / `normalise_email` turn what a person typed or a spreadsheet held into the
  stored form, or None when it cannot be one. The roster import, the person form, the walk-in
  form and the field-visit quick add all go through them.

A stored value is its own normal form (`normalise_x(v) == v` whenever `is_x(v)`), and whatever
a normaliser returns passes the matching check: the desk never stores what the portal refuses.
tests/portal/test_desk_portal_agree.py holds both."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

#: The stored form of a mobile: an Indian mobile number, 10 ASCII digits starting 6, 7, 8 or 9.
MOBILE_RE = re.compile(r"^[6-9][0-9]{9}$")
#: The stored form of an e-mail address (ASCII; a dotted domain ending in 2+ letters).
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$"
)

#: A calendar date on the wire and in the database: YYYY-MM-DD.
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

_MOBILE_JUNK = re.compile(r"[\s\-().]")
_EXCEL_FLOAT = re.compile(r"^([0-9]+)\.0+$")


def is_mobile(value: object) -> bool:
    """True for a mobile in its stored form: `9876543210`, not `+91 98765-43210`."""
    return isinstance(value, str) and MOBILE_RE.match(value) is not None


def is_email(value: object) -> bool:
    """True for an address a desk may store (either case: the desk stores it lower-case)."""
    return isinstance(value, str) and EMAIL_RE.match(value) is not None and ".." not in value


def is_date(value: object) -> bool:
    """True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one)."""
    if not isinstance(value, str) or DATE_RE.match(value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def ascii_digits(text: str) -> str:
    """`text` with Devanagari (or any other Unicode) decimal digits written as 0-9."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def strip_country_prefix(digits: str) -> str:
    """A number's digits without India's +91 / 0091 / trunk 0 prefix (only when what is left
    has 10 digits, so the first digits of a number typed in a search stay as they are)."""
    if len(digits) == 14 and digits.startswith("0091"):
        return digits[4:]
    if len(digits) == 12 and digits.startswith("91"):
        return digits[2:]
    if len(digits) == 11 and digits.startswith("0"):
        return digits[1:]
    return digits


def normalise_mobile(text: str) -> str | None:
    """The stored form of a typed or imported mobile, or None.

    Accepted: +91, 0091 and 0 prefixes; spaces, dashes, dots and brackets between digits;
    Devanagari digits; Excel's `9876543210.0`."""
    if len(text) == 10 and text.isascii() and text.isdigit() and text[0] in "6789":
        return text  # already stored form: the common case of a 1.88M-row import
    text = ascii_digits(text.strip())
    match = _EXCEL_FLOAT.match(text)
    digits = match.group(1) if match else _MOBILE_JUNK.sub("", text)
    if digits.startswith("+"):
        digits = digits[1:]
    digits = strip_country_prefix(digits)
    return digits if is_mobile(digits) else None


def normalise_email(text: str) -> str | None:
    """The stored form of a typed or imported address (trimmed, lower-case), or None."""
    text = text.strip()
    return text.lower() if is_email(text) else None
