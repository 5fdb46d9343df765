"""Search-as-you-type over the roster: names in either script, the Latin spelling of Hindi
names (`ramesh` finds रमेश), employee code and mobile.

Ranking every FTS match is slow for common prefixes (GOTCHAS.md), so each source asks for an
unranked, LIMITed set of candidates (exact-word matches first, then prefixes) and only those
few are ranked in Python. Codes and mobiles use their b-tree indexes directly."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Any

from desktop.core.records import KIND_FIELDS
from desktop.store import Store
from desktop.text.translit import fold_latin, has_devanagari

RESULT_FIELDS = ("id", *KIND_FIELDS["participant"])
_COLUMNS = "seq, " + ", ".join(RESULT_FIELDS) + ", name_latin"
_WORD = re.compile(r"[\u0900-\u097F]+|[A-Za-z]+|\d+")
_CODEISH = re.compile(r"^[A-Za-z0-9/_\-.]*\d[A-Za-z0-9/_\-.]*$")
_CANDIDATES = 200
_PHONE_JUNK = re.compile(r"[\s\-+().]")


def search(store: Store | sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Participants matching `query`, best first (tombstones excluded)."""
    conn = store.conn if isinstance(store, Store) else store
    query = unicodedata.normalize("NFC", (query or "").strip())
    if not query or limit <= 0:
        return []
    ranked: dict[int, tuple[tuple, dict[str, Any]]] = {}

    def take(rows: list[sqlite3.Row], base: int, initials: tuple[str, ...] = ()) -> None:
        for row in rows:
            if initials and not _has_initials(row, initials):
                continue
            seq = row["seq"]
            score = (base, *_name_score(row, query))
            if seq not in ranked or ranked[seq][0] > score:
                ranked[seq] = (score, row)

    compact = query.replace(" ", "")
    digits = _PHONE_JUNK.sub("", query)
    if digits.isdigit() and len(digits) >= 2:
        # A mobile as typed: +91 98765-43210, 098765 43210, or its first digits.
        if len(digits) == 12 and digits.startswith("91"):
            digits = digits[2:]
        elif len(digits) == 11 and digits.startswith("0"):
            digits = digits[1:]
        take(_by_prefix(conn, "mobile", digits, limit), 2)
    if _CODEISH.match(compact):
        take(_exact_code(conn, compact), 0)
        if len(ranked) < limit:
            take(_by_prefix(conn, "employee_code", compact, limit), 1)
            if compact.upper() != compact:
                take(_by_prefix(conn, "employee_code", compact.upper(), limit), 1)
    if len(ranked) < limit:
        match_exact, match_prefix, initials = _fts_queries(query)
        if match_exact:
            take(_fts(conn, match_exact, _CANDIDATES), 3, initials)
            if len(ranked) < limit and match_prefix:
                take(_fts(conn, match_prefix, _CANDIDATES), 4, initials)
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


def _fts_queries(query: str) -> tuple[str, str, tuple[str, ...]]:
    """FTS5 MATCH strings (whole words; prefixes) and the one-letter words left out of them.

    Every word must match, as a whole word or (while typing) as a prefix. A one-letter prefix
    ("ramesh k") has no prefix index and would merge the lists of every word starting with
    k, so one-letter words filter the candidates in Python instead; a query of only
    one-letter words matches them as whole words (initials such as "R K")."""
    words: list[tuple[str, str]] = []
    for word in _WORD.findall(query):
        if has_devanagari(word):
            term, column = word, "name_hi"
        elif word.isdigit():
            term, column = word, "{employee_code mobile}"
        else:
            term, column = fold_latin(word), "{name_latin name_en employee_code}"
        if term:
            words.append((term, column))
    long_words = [(t, c) for t, c in words if len(t) > 1]
    if not long_words:
        exact = " AND ".join(f"{c} : {_quote(t)}" for t, c in words)
        return exact, "", ()
    initials = tuple(t for t, _ in words if len(t) == 1)
    exact = " AND ".join(f"{c} : {_quote(t)}" for t, c in long_words)
    prefix = " AND ".join(f"{c} : {_quote(t)}*" for t, c in long_words)
    return exact, prefix, initials


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _has_initials(row: sqlite3.Row, initials: tuple[str, ...]) -> bool:
    words = (
        " ".join((row["name_en"] or "", row["name_hi"] or "", row["name_latin"] or ""))
        .lower()
        .split()
    )
    return all(any(w.startswith(i) for w in words) for i in initials)


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
