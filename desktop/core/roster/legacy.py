"""Spotting Hindi typed in legacy fonts (Kruti Dev, Chanakya, DevLys...).

Those fonts draw Devanagari glyphs on Latin code points, so a list typed in them reaches us as
gibberish such as "jes'k dqekj" (रमेश कुमार). Stored as-is it would print as nonsense on every
certificate, so the importer converts what this spots (desktop.text.krutidev) and reports a
cell that does not convert cleanly."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

# Marks that Kruti Dev uses for Devanagari letters and that names never contain:
# ' = श, ; = य, [ = ख, ] = ,, / = ध, \ = ?, ~ = ्, Z = र्, and Latin-1 extras (Å = ऊ ...).
_PUNCT_IN_WORD = re.compile(
    r"[A-Za-z][\[\]\\~{}|^+=/][A-Za-z]|[A-Za-z];|;[A-Za-z]|(?:^|\s)[;'\[\\][a-z]|'[a-z]|/;"
)
_LATIN1 = re.compile(r"[\u00a1-\u00ff\u2018\u2019\u201a\u201c\u201d\u2020\u2021\u0152\u0153]")
# A lower-case letter followed by an upper-case one inside a word: JhokLro, xqIrk, 'kekZ.
_CAMEL = re.compile(r"[a-z][A-Z]")
# u-matra as q after a consonant (dqekj = कुमार); English names have q before u or at the end.
_Q = re.compile(r"[bcdfghjklmnprstvwxyz]q[a-tv-z]")
# aa-matra as k between consonants (jkts'k = राजेश); romanised names put a vowel beside k.
_K = re.compile(
    r"[bdfgjlmnpqrstvwxz]k[bcdfgjlmnpqrstvwxz;]|[bdfgjlmnpqtvwxzIJM]k(?:\s|$)|(?<![aeiouAEIOU])rk(?:\s|$)"
)
# Word beginnings that Kruti Dev produces all the time and lower-case romanised names never
# do: jk (रा), lh (सी), vf (अि), iz (प्र), fo (वि), eu (मन), "flag" (सिंह) ...
_START = re.compile(
    r"(?:^|[\s(])(?:jk|lh|ik|vf|vk|vu|iz|fo|fn|fc|fe|fj|ft|fg|fu|fi|fd|fp|fy|eu|dk|gk|tk|lk|ek"
    r"|uk|xk|pk|ok|nk|dq|xq|lq|eq|iq|Hk|mR|flag\b)"
)
_SIGNS = (_PUNCT_IN_WORD, _LATIN1, _CAMEL, _Q, _K, _START)
# What one of the signs needs, each pattern quick to run over a whole column (it starts with
# a single character or a class, not an alternation): an odd character (the first two signs
# need one, and so does any non-ASCII text), or one of the other four (_Q and _K as a letter
# checked backwards, _K loosened to the consonant before k that all its three forms need).
_NEEDED = (
    re.compile(r"[^\x00-\x7f]|[\[\]\\~{}|^+=/;']"),
    _CAMEL,
    re.compile(r"q(?<=[bcdfghjklmnprstvwxyz]q)[a-tv-z]"),
    re.compile(r"k(?<=[bdfgjlmnpqrstvwxzIJM]k)"),
    _START,
)
_LATIN = re.compile(r"[A-Za-z]")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")


@lru_cache(maxsize=65_536)
def looks_legacy(text: str, *, english_field: bool = False) -> bool:
    """True when Latin text looks like Hindi typed in a Kruti Dev/Chanakya-style font.

    In a field that holds English (name_en, designation, department) ordinary words trip the
    single-pattern signs ("Public Works" has consonant-k-consonant), so two independent signs
    are required there whatever the length."""
    if not text or _DEVANAGARI.search(text) or not _LATIN.search(text):
        return False
    hits = 0
    for pattern in _SIGNS:
        if pattern.search(text):
            hits += 1
    # One strong sign is enough in a short name; two are required for longer free text.
    words = len(text.split())
    if english_field:
        return hits >= 2
    return hits >= (1 if words <= 4 else 2)


def worth_a_look(values: Sequence[str]) -> list[int]:
    """The indices of the values that may be legacy-font text or hold any non-ASCII
    character, in order; no other value is either. Found by one pass of each of the signs'
    needs over the whole column (a column of mostly distinct names made a search per sign
    and name cost as much as reading the file)."""
    text = "\n".join(values)
    if text.count("\n") != len(values) - 1:  # a value with a line break: look at them all
        return list(range(len(values)))
    # a match's last character is in its value (a match may begin with the newline before)
    ends = {match.end() - 1 for pattern in _NEEDED for match in pattern.finditer(text)}
    if not ends:
        return []
    starts = list(accumulate((len(value) + 1 for value in values), initial=0))
    return sorted({bisect_right(starts, end) - 1 for end in ends})


def is_latin_only(text: str) -> bool:
    return bool(_LATIN.search(text)) and not _DEVANAGARI.search(text)


LEGACY_MESSAGE = (
    "looks like Hindi typed in a legacy font (Kruti Dev/Chanakya), not Unicode; convert the "
    "file to Unicode (e.g. with a Kruti Dev to Unicode converter) and import again"
)
