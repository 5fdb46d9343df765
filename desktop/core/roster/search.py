"""Search-as-you-type over the roster: names in either script, the Latin spelling of Hindi
names (`ramesh` finds रमेश), employee code and mobile.

Ranking every FTS match is slow for common prefixes (GOTCHAS.md), so each source asks for an
unranked, LIMITed set of candidates (exact-word matches first, then prefixes) and only those
few are ranked in Python. The FTS index holds the names only; codes and mobiles are found
through their own b-tree indexes (a prefix range), also when typed next to a name."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Any

from desktop.protocol.fields import strip_country_prefix
from desktop.protocol.records import KIND_FIELDS
from desktop.store import Store
from desktop.text.translit import fold_latin, has_devanagari

RESULT_FIELDS = ("id", *KIND_FIELDS["participant"])
_COLUMNS = "seq, " + ", ".join(RESULT_FIELDS) + ", name_latin"
_WORD = re.compile(r"[\u0900-\u097F]+|[A-Za-z]+|\d+")
_CODEISH = re.compile(r"^[A-Za-z0-9/_\-.]*\d[A-Za-z0-9/_\-.]*$")
_CODE_START = re.compile(r"^[A-Za-z][A-Za-z0-9/_\-.]+$")
_CANDIDATES = 200
_PHONE_JUNK = re.compile(r"[\s\-+().]")


def search(store: Store | sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Participants matching `query`, best first (tombstones excluded)."""
    conn = store.conn if isinstance(store, Store) else store
    query = unicodedata.normalize("NFC", (query or "").strip())
    if not query or limit <= 0:
        return []
    ranked: dict[int, tuple[tuple, dict[str, Any]]] = {}

    def take(rows: list[sqlite3.Row], base: int, keep: Any = None) -> None:
        for row in rows:
            if keep is not None and not keep(row):
                continue
            seq = row["seq"]
            score = (base, *_name_score(row, query))
            if seq not in ranked or ranked[seq][0] > score:
                ranked[seq] = (score, row)

    compact = query.replace(" ", "")
    digits = _PHONE_JUNK.sub("", query)
    if digits.isdigit() and len(digits) >= 2:
        # A mobile as typed: +91 98765-43210, 098765 43210, or its first digits.
        digits = strip_country_prefix(digits)
        take(_by_prefix(conn, "mobile", digits, limit), 2)
    if _CODEISH.match(compact):
        take(_exact_code(conn, compact), 0)
        if len(ranked) < limit:
            take(_by_prefix(conn, "employee_code", compact, limit), 1)
            if compact.upper() != compact:
                take(_by_prefix(conn, "employee_code", compact.upper(), limit), 1)
    if len(ranked) < limit:
        match_exact, match_prefix, words, numbers = _fts_queries(query)
        initials = tuple(w for w in words if len(w) == 1)

        def with_initials_and_numbers(row: sqlite3.Row) -> bool:
            return _has_words(row, initials) and _has_numbers(row, numbers)

        if match_exact:
            take(_fts(conn, match_exact, _CANDIDATES), 3, with_initials_and_numbers)
            if len(ranked) < limit and match_prefix:
                take(_fts(conn, match_prefix, _CANDIDATES), 4, with_initials_and_numbers)
        if words and numbers and len(ranked) < limit:
            # A name with the first digits of a mobile or code: those digits narrow the
            # search most, through their own index; the name words then filter.
            for number in numbers:
                for column in ("mobile", "employee_code"):
                    take(
                        _by_prefix(conn, column, number, _CANDIDATES),
                        4,
                        lambda row: _has_words(row, words) and _has_numbers(row, numbers),
                    )
        if len(words) > 1 and len(ranked) < limit:
            # One of the words may be the letters of a code ("ramesh UPLKO"): codes are not
            # in the FTS index, so try each Latin word on the code index, the rest as names.
            for word in _WORD.findall(query):
                if not word.isascii() or not word.isalpha() or len(word) < 2:
                    continue
                rest = tuple(w for w in words if w != fold_latin(word))
                take(
                    _by_prefix(conn, "employee_code", word.upper(), _CANDIDATES),
                    5,
                    lambda row, rest=rest: _has_words(row, rest) and _has_numbers(row, numbers),
                )
    if len(ranked) < limit and _CODE_START.match(compact) and not _CODEISH.match(compact):
        # Letters only, such as a district's code prefix ("UPLKO"): codes after names.
        for prefix in dict.fromkeys((compact.upper(), compact)):
            take(_by_prefix(conn, "employee_code", prefix, limit), 5)
    best = sorted(ranked.values(), key=lambda item: item[0])[:limit]
    return [{f: row[f] for f in RESULT_FIELDS} for _, row in best]


def exact_code(store: Store | sqlite3.Connection, code: str) -> dict[str, Any] | None:
    """The live participant with this employee code (the desk's scanner path), or None."""
    conn = store.conn if isinstance(store, Store) else store
    rows = _exact_code(conn, code.strip())
    return {f: rows[0][f] for f in RESULT_FIELDS} if rows else None


def _exact_code(conn: sqlite3.Connection, code: str) -> list[sqlite3.Row]:
    return conn.execute(
        f"SELECT {_COLUMNS} FROM participant WHERE employee_code = ? AND deleted = 0 "
        "ORDER BY seq LIMIT 5",
        (code,),
    ).fetchall()


def _by_prefix(conn: sqlite3.Connection, column: str, prefix: str, limit: int) -> list[sqlite3.Row]:
    # A range on the b-tree index: the whole prefix, nothing scanned beyond it.
    return conn.execute(
        f"SELECT {_COLUMNS} FROM participant WHERE {column} >= ? AND {column} < ? "
        f"AND deleted = 0 ORDER BY {column} LIMIT ?",
        (prefix, prefix + "\U0010ffff", limit),
    ).fetchall()


def _fts(conn: sqlite3.Connection, match: str, limit: int) -> list[sqlite3.Row]:
    try:
        seqs = [
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM participant_fts WHERE participant_fts MATCH ? LIMIT ?",
                (match, limit),
            )
        ]
    except sqlite3.OperationalError:
        return []
    if not seqs:
        return []
    marks = ",".join("?" * len(seqs))
    return conn.execute(
        f"SELECT {_COLUMNS} FROM participant WHERE seq IN ({marks}) AND deleted = 0", seqs
    ).fetchall()


def _fts_queries(query: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """FTS5 MATCH strings (whole words; prefixes), the name words as matched, and the numbers.

    Every name word must match, as a whole word or (while typing) as a prefix. A one-letter
    prefix ("ramesh k") has no prefix index and would merge the lists of every word starting
    with k, so one-letter words filter the candidates in Python instead; a query of only
    one-letter words matches them as whole words (initials such as "R K"). Numbers are not in
    the FTS index: they filter the candidates (a mobile's or code's first digits)."""
    words: list[tuple[str, str]] = []
    numbers: list[str] = []
    for word in _WORD.findall(query):
        if has_devanagari(word):
            words.append((word, "name_hi"))
        elif word.isdigit():
            numbers.append(word)
        else:
            term = fold_latin(word)
            if term:
                words.append((term, "{name_latin name_en}"))
    terms = tuple(t for t, _ in words)
    long_words = [(t, c) for t, c in words if len(t) > 1]
    if not words:
        return "", "", (), tuple(numbers)
    if not long_words:
        exact = " AND ".join(f"{c} : {_quote(t)}" for t, c in words)
        return exact, "", terms, tuple(numbers)
    exact = " AND ".join(f"{c} : {_quote(t)}" for t, c in long_words)
    prefix = " AND ".join(f"{c} : {_quote(t)}*" for t, c in long_words)
    return exact, prefix, terms, tuple(numbers)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _has_words(row: sqlite3.Row, words: tuple[str, ...]) -> bool:
    """Every word starts a word of the names (either script, or the Latin search key)."""
    if not words:
        return True
    names = (
        " ".join((row["name_en"] or "", row["name_hi"] or "", row["name_latin"] or ""))
        .lower()
        .split()
    )
    return all(any(n.startswith(w) for n in names) for w in words)


def _has_numbers(row: sqlite3.Row, numbers: tuple[str, ...]) -> bool:
    """Every number starts the mobile or the employee code."""
    mobile = row["mobile"] or ""
    code = (row["employee_code"] or "").lower()
    return all(mobile.startswith(n) or code.startswith(n) for n in numbers)


def _name_score(row: sqlite3.Row, query: str) -> tuple[int, int, str]:
    """Lower is better: whole-name equality, then word starts, then shorter names."""
    q = query.lower()
    names = [(row["name_en"] or "").lower(), row["name_hi"] or ""]
    latin = row["name_latin"] or ""
    folded = " ".join(fold_latin(w) for w in q.split())
    if q in names or (folded and latin.startswith(folded)):
        level = 0
    elif any(n.startswith(q) for n in names):
        level = 1
    elif any(f" {q}" in f" {n}" for n in names) or f" {folded}" in f" {latin}":
        level = 2
    else:
        level = 3
    return level, len(names[0]), names[0]
