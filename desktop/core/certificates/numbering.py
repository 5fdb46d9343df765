"""Certificate numbers `<INSTITUTE>/<YEAR>/<6 digits><check>`.

The check character is Luhn mod 36 over the alphanumerics of the whole number, so a typo in
any single character (or most swaps of neighbours) is caught when someone types a number in.
Uniqueness is the database's job (UNIQUE index on certificate.number); the counter is taken in
the same transaction that inserts the certificate.
"""

from __future__ import annotations

import re

from desktop.store import Store

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_N = len(ALPHABET)
NUMBER_RE = re.compile(r"^([A-Z0-9][A-Z0-9-]{1,15})/(\d{4})/(\d{6})([0-9A-Z])$")


def check_char(body: str) -> str:
    """Luhn mod N check character for `body` (non-alphanumerics ignored)."""
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
    m = NUMBER_RE.match(number.strip().upper())
    return bool(m) and check_char(number.strip().upper()[:-1]) == number.strip().upper()[-1]


def next_number(store: Store, institute: str, year: int) -> str:
    """Reserve the next number. Call inside the issuing transaction (BEGIN IMMEDIATE holds
    the write lock, so two desks' processes on one file cannot take the same serial)."""
    assert store.conn.in_transaction, "next_number must run inside the issuing transaction"
    prefix = f"{institute.upper()}/{year:04d}/"
    row = store.conn.execute(
        "SELECT last FROM certificate_counter WHERE institute = ? AND year = ?",
        (institute.upper(), year),
    ).fetchone()
    last = row[0] if row else 0
    # Numbers that arrived by sync (another desk of this institute) are never reused.
    seen = store.conn.execute(
        "SELECT max(number) FROM certificate WHERE number >= ? AND number < ?",
        (prefix, prefix + "\x7f"),
    ).fetchone()[0]
    digits = seen[len(prefix) : len(prefix) + 6] if seen else ""
    if digits.isdigit():
        last = max(last, int(digits))
    serial = last + 1
    store.conn.execute(
        "INSERT INTO certificate_counter(institute, year, last) VALUES (?, ?, ?) "
        "ON CONFLICT(institute, year) DO UPDATE SET last = excluded.last",
        (institute.upper(), year, serial),
    )
    return format_number(institute, year, serial)
