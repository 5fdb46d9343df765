"""Latin search keys for Devanagari names, so typing `ramesh` finds `रमेश`.

indic_transliteration does the script conversion (ITRANS); we then fold it to the loose
spelling people type (no long vowels, final schwa dropped) and cache per word, because a
roster of lakhs of names has only a few thousand distinct words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from itertools import chain
from typing import Any

from indic_transliteration import sanscript

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_WORD = re.compile(r"[\u0900-\u097F]+|[A-Za-z]+")
_VOWELS = set("aeiou")
_VIRAMA = "\u094d"


def _is_consonant(char: str) -> bool:
    return "\u0915" <= char <= "\u0939" or "\u0958" <= char <= "\u095f"


# ITRANS spellings folded to what people type, applied in order (longest first).
_ITRANS_FOLD = (
    ("j~n", "gy"),
    ("kSh", "ksh"),
    ("Sh", "sh"),
    ("~N", "n"),
    ("~n", "n"),
    ("N^", "n"),
    (".N", "n"),
    ("M", "n"),
    (".n", "n"),
    ("H", "h"),
    ("RRi", "ri"),
    ("R^i", "ri"),
    ("Ch", "chh"),
    ("ch", "ch"),
    (".Dh", "rh"),
    (".D", "r"),
    ("Dh", "dh"),
    ("D", "d"),
    ("Th", "th"),
    ("T", "t"),
    ("N", "n"),
    ("A", "a"),
    ("I", "i"),
    ("U", "u"),
    ("ee", "i"),
    ("oo", "u"),
    ("q", "k"),
    ("K", "kh"),
    ("G", "g"),
    ("z", "j"),
    ("f", "ph"),
    (".", ""),
    ("^", ""),
    ("~", ""),
    ("'", ""),
)

# Spelling variants folded the same way on both sides (index and query).
_LATIN_FOLD = (
    ("aa", "a"),
    ("ee", "i"),
    ("ii", "i"),
    ("oo", "u"),
    ("uu", "u"),
    ("w", "v"),
    ("ph", "f"),
    ("z", "j"),
    ("q", "k"),
    ("ck", "k"),
)


def has_devanagari(text: str | None) -> bool:
    return bool(text) and _DEVANAGARI.search(text) is not None


@lru_cache(maxsize=200_000)
def fold_latin(word: str) -> str:
    """Fold a Latin word to the loose spelling used as the search key (cached: a roster of
    lakhs of names has only a few thousand distinct words)."""
    word = word.lower()
    for old, new in _LATIN_FOLD:
        word = word.replace(old, new)
    # Doubled letters are typed inconsistently (Pappu / Papu).
    return re.sub(r"(.)\1+", r"\1", word)


def _drop_medial_schwa(word: str) -> str:
    """Hindi drops the inherent `a` in V C a C V (कमलेश is `kamlesh`, not `kamalesh`)."""
    chars = list(word)
    i = 2
    while i < len(chars) - 2:
        if (
            chars[i] == "a"
            and chars[i - 1] not in _VOWELS
            and chars[i + 1] not in _VOWELS
            and i + 2 < len(chars)
            and chars[i + 2] in _VOWELS
            and chars[i - 2] in _VOWELS
        ):
            del chars[i]
        i += 1
    return "".join(chars)


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> tuple[str, ...]:
    itrans = sanscript.transliterate(word, sanscript.DEVANAGARI, sanscript.ITRANS)
    # The inherent vowel of a final bare consonant is silent (रमेश: ramesh), but not after a
    # conjunct (ज्ञानेन्द्र: gyanendra).
    if len(word) > 1 and _is_consonant(word[-1]) and word[-2] != _VIRAMA and itrans.endswith("a"):
        itrans = itrans[:-1]
    for old, new in _ITRANS_FOLD:
        itrans = itrans.replace(old, new)
    itrans = itrans.lower()
    base = fold_latin(itrans)
    medial = fold_latin(_drop_medial_schwa(itrans))
    keys = [base] if medial == base else [base, medial]
    if "\u0902\u0939" in word:  # ंह is written "ngh" (सिंह: singh) as often as "nh"
        keys += [k.replace("nh", "ngh") for k in keys if "nh" in k]
    return tuple(keys)


def latin_key(text: str | None) -> str:
    """Space-separated Latin search tokens for a name in either script."""
    if not text:
        return ""
    return _latin_key(text)


@lru_cache(maxsize=100_000)
def _latin_key(text: str) -> str:
    # Each token once: the English name usually repeats the Hindi one's keys, and a shorter
    # key means a smaller search index. Put together from each space-separated part's cached
    # tokens in C-level calls (a list of mostly distinct names misses the cache above for
    # most rows; no token holds a space, so splitting first changes nothing).
    return " ".join(dict.fromkeys(chain.from_iterable(map(_part_tokens, text.split()))))


@lru_cache(maxsize=200_000)
def _part_tokens(part: str) -> tuple[str, ...]:
    """The search tokens of one space-separated part of a name, in order."""
    return tuple(chain.from_iterable(map(_word_tokens, _WORD.findall(part))))


@lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[str, ...]:
    """The search tokens of one word: its Latin keys if Devanagari, else its folded self."""
    if word[0] >= "\u0900":
        return _word_keys(word)
    return (fold_latin(word),)


def participant_key(values: Mapping[str, Any]) -> str:
    """The `name_latin` search key of a participant: both names, Hindi first."""
    return names_key(values.get("name_hi"), values.get("name_en"))


def names_key(name_hi: str | None, name_en: str | None) -> str:
    """`participant_key` from the two names themselves (the importer builds a chunk's keys
    a column at a time, without a dict per row)."""
    return latin_key(f"{name_hi} {name_en}" if name_hi and name_en else name_hi or name_en)
