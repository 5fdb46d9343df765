"""Certificate numbers `<INSTITUTE>/<YEAR>/<6 digits><check>`.

The check character covers the alphanumerics of the whole number, so a typo in any single
character (or a swap of neighbours) is caught when someone types a number in. It is taken from
CHECK_ALPHABET, which leaves out the letters people read as digits (O, I, L, S, Z), so a
number read off paper or over the phone cannot be mistyped because of its last character:
weighted sum (weights powers of 3, a primitive root mod 31) of the characters' values mod 31,
31 being prime and the size of CHECK_ALPHABET. Numbers made before (Luhn mod 36 over the full
alphabet, whose check could be O or I) stay valid: `is_valid_number` accepts either rule, and
lookups are by the exact stored number anyway. `suggest_numbers` offers the stored numbers a
typed one may have meant (0 for O, 1 for I, lower case).
Uniqueness is the database's job (UNIQUE index on certificate.number); the counter is taken in
the same transaction that inserts the certificate.

Several laptops ("desks") of one institute issue offline, so the six digits are partitioned by
the desk number (1–9, chosen at `init --desk N`, meta `desk_number`, default 1): the first
digit is desk − 1 and the other five are that desk's sequence. Desk 1 issues 000001–099999
(exactly the numbers issued before desks existed, so an existing database just continues),
desk 2 issues 100001–199999, …, desk 9 800001–899999; 9xxxxx is unused. 99,999 per desk and
year.
"""

from __future__ import annotations

import json
import re

from desktop.core.centre import DESK_MAX, DESK_MIN, check_desk, desk_number
from desktop.store import Store, StoreError
from desktop.text.said import said

__all__ = ["DESK_MAX", "DESK_MIN", "check_desk", "desk_number"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_N = len(ALPHABET)
# No O, I, L, S, Z: nothing a reader can take for 0, 1, 5 or 2. 31 characters, a prime.
CHECK_ALPHABET = "0123456789ABCDEFGHJKMNPQRTUVWXY"
_M = len(CHECK_ALPHABET)
_LOOK_ALIKE_KEY = str.maketrans({"O": "0", "I": "1", "L": "1"})
NUMBER_RE = re.compile(r"^([A-Z0-9][A-Z0-9-]{1,15})/(\d{4})/(\d{6})([0-9A-Z])$")

PER_DESK = 100_000  # serials (d-1)*PER_DESK + 1 … d*PER_DESK - 1 belong to desk d


class NumberingError(StoreError):
    """No number can be given (message is for the user)."""


def desk_serials(desk: int) -> tuple[int, int]:
    """(first, last) serial this desk may give."""
    desk = check_desk(desk)
    base = (desk - 1) * PER_DESK
    return base + 1, base + PER_DESK - 1


def desk_of_serial(serial: int) -> int:
    return serial // PER_DESK + 1


def check_char(body: str) -> str:
    """The check character of new numbers (from CHECK_ALPHABET; non-alphanumerics ignored)."""
    codes = [ALPHABET.index(c) for c in body.upper() if c in ALPHABET]
    total = 0
    weight = 1
    for code in reversed(codes):
        weight = weight * 3 % _M
        total += weight * code
    return CHECK_ALPHABET[total % _M]


def legacy_check_char(body: str) -> str:
    """Luhn mod 36 check character of numbers issued before CHECK_ALPHABET (may be O or I)."""
    codes = [ALPHABET.index(c) for c in body.upper() if c in ALPHABET]
    factor = 2
    total = 0
    for code in reversed(codes):
        addend = factor * code
        factor = 1 if factor == 2 else 2
        total += addend // _N + addend % _N
    return ALPHABET[(_N - total % _N) % _N]


def format_number(institute: str, year: int, serial: int) -> str:
    if not 0 < serial < 1_000_000:
        raise ValueError(f"serial {serial} does not fit 6 digits")
    body = f"{institute.upper()}/{year:04d}/{serial:06d}"
    return body + check_char(body)


def is_valid_number(number: str) -> bool:
    """Well-formed with a check character of either rule (new, or before CHECK_ALPHABET)."""
    number = number.strip().upper()
    if not NUMBER_RE.match(number):
        return False
    body, check = number[:-1], number[-1]
    return check in (check_char(body), legacy_check_char(body))


def look_alike_key(number: str) -> str:
    """`number` with look-alikes read one way (O → 0, I and L → 1) and in upper case: two
    numbers with the same key differ only where a reader could mix them up."""
    return number.strip().upper().translate(_LOOK_ALIKE_KEY)


def suggest_numbers(store: Store, typed: str, limit: int = 3) -> list[str]:
    """Stored certificate numbers that `typed` (not found as it is) probably meant: the same
    but for look-alike characters (0/O, 1/I/L) or case. Only asked after a miss, so the scan
    of the register is fine."""
    key = look_alike_key(typed)
    if not key:
        return []
    rows = store.conn.execute(
        "SELECT number FROM certificate WHERE deleted = 0 AND "
        "replace(replace(replace(upper(number), 'O', '0'), 'I', '1'), 'L', '1') = ? "
        "ORDER BY number LIMIT ?",
        (key, limit + 1),
    )
    return [r[0] for r in rows if r[0] != typed.strip()][:limit]


def next_number(store: Store, institute: str, year: int, desk: int | None = None) -> str:
    """Reserve the next number of this desk's range. Call inside the issuing transaction
    (BEGIN IMMEDIATE holds the write lock, so two processes on one file cannot take the same
    serial). The counter row keeps the last full serial (desk digit included), so the
    counters of databases made before desks existed are already desk 1's and continue."""
    assert store.conn.in_transaction, "next_number must run inside the issuing transaction"
    desk = desk_number(store) if desk is None else check_desk(desk)
    first, final = desk_serials(desk)
    prefix = f"{institute.upper()}/{year:04d}/"
    row = store.conn.execute(
        "SELECT last FROM certificate_counter WHERE institute = ? AND year = ?",
        (institute.upper(), year),
    ).fetchone()
    # A counter from another range (the desk number was changed) does not count here.
    last = row[0] if row and first - 1 <= row[0] <= final else first - 1
    # Numbers of this range already here (issued before, or arrived by sync) are never reused.
    lead = str(desk - 1)
    seen = store.conn.execute(
        "SELECT max(number) FROM certificate WHERE number >= ? AND number < ?",
        (prefix + lead, prefix + chr(ord(lead) + 1)),
    ).fetchone()[0]
    digits = seen[len(prefix) : len(prefix) + 6] if seen else ""
    if digits.isdigit():
        last = max(last, int(digits))
    serial = last + 1
    if serial > final:
        raise NumberingError(
            said(
                "Desk {desk} has used all {count:,} certificate numbers for {year} "
                "({prefix}{first:06d} to {prefix}{final:06d}). Issue these certificates from "
                "another desk of the institute, or give this laptop an unused desk number (init "
                "--desk N).",
                desk=desk, count=final - first + 1, year=year, prefix=prefix, first=first, final=final,
            )
        )
    store.conn.execute(
        "INSERT INTO certificate_counter(institute, year, last) VALUES (?, ?, ?) "
        "ON CONFLICT(institute, year) DO UPDATE SET last = excluded.last",
        (institute.upper(), year, serial),
    )
    return format_number(institute, year, serial)


def desk_clashes(
    store: Store, extra: list[dict[str, str]] | None = None, limit: int = 20
) -> list[dict[str, str]]:
    """Certificates of this institute that fall in THIS desk's number range but were made on
    another device: that device was set up with the same desk number (or a copy of this
    database issues on two laptops). Looks at certificates here, pulled ones held because
    their number is taken, and `extra` ({"number", "origin"}, e.g. a bundle's conflicts).
    Each is {"number", "origin"}."""
    institute = (store.institute_code or "").upper()
    if not institute:
        return []
    lead = str(desk_number(store) - 1)
    me = store.device_id
    candidates = list(
        store.conn.execute(
            "SELECT number, origin FROM certificate WHERE origin != ? AND number >= ? "
            "AND number < ? ORDER BY number",
            (me, institute + "/", institute + "0"),  # "0" follows "/" in ASCII
        )
    )
    for (text,) in store.conn.execute(
        "SELECT record FROM sync_pull_held WHERE kind = 'certificate' ORDER BY at"
    ):
        try:
            record = json.loads(text)
            candidates.append((record["data"]["number"], record["origin"]))
        except (ValueError, KeyError, TypeError):
            continue
    candidates += [(e.get("number"), e.get("origin")) for e in extra or []]
    out: list[dict[str, str]] = []
    for number, origin in candidates:
        m = NUMBER_RE.match(str(number or ""))
        if (m and origin and origin != me and m.group(1) == institute
                and m.group(3)[0] == lead
                and not any(o["number"] == number for o in out)):
            out.append({"number": number, "origin": origin})
            if len(out) >= limit:
                break
    return out


def desk_clash_warning(
    store: Store, extra: list[dict[str, str]] | None = None
) -> str | None:
    """The warning in words for `sync status` / `bundle import`, or None."""
    clashes = desk_clashes(store, extra)
    if not clashes:
        return None
    desk = desk_number(store)
    first = clashes[0]
    return (
        f"Another laptop of {store.institute_code} also uses desk number {desk}: certificate "
        f"{first['number']} was made on device {first['origin']}, but numbers starting with "
        f"{desk - 1} belong to this desk. Two desks with the same number will give the same "
        "certificate numbers and signing-key names. Set up one of the two laptops with a "
        "desk number no other laptop of the institute uses (init --desk N) before issuing "
        "more certificates."
    )
