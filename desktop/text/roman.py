"""An English spelling for a Hindi name, the way people in UP offices write it.

रमेश कुमार → Ramesh Kumar, ज्ञानेन्द्र त्रिपाठी → Gyanendra Tripathi, शिवम मिश्र → Shivam Mishra:
no diacritics, and the silent inherent vowel (schwa) dropped at the end of a word and in the
middle (कमलेश → Kamlesh). Used when a list brings a Hindi name and no English one.

Why our own rules: measured on tests/roster/data/hindi_names.csv (290 names of the region
with their usual spellings, `tests/roster/measure_roman.py`), aksharamukha's readable Roman
with its Hindi schwa deletion spelled 40 % exactly (raajesh, suneel, tivaaree) and the
ITRANS output of indic_transliteration (the search key's source) needs the same folding;
the rules below — one pass over the letters, schwa deletion by syllable, a few spelling
conventions (-ish, -ey, w after a vowel) — reach the figure in the README. The letters come
from a table here because the conventions are per letter (ण is n, ष is sh, व is v or w).

Cached per distinct word: a roster of lakhs of rows has only a few thousand distinct words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n",
    "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
    "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n",
    "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m",
    "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh",
    "ष": "sh", "स": "s", "ह": "h", "ळ": "l",
    "क़": "q", "ख़": "kh", "ग़": "g", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y",
}  # fmt: skip
_NUKTA_FORMS = {"क": "क़", "ख": "ख़", "ग": "ग़", "ज": "ज़", "ड": "ड़", "ढ": "ढ़", "फ": "फ़", "य": "य़"}
_MATRAS = {
    "\u093e": "aa", "\u093f": "i", "\u0940": "ii", "\u0941": "u", "\u0942": "uu",
    "\u0943": "ri", "\u0947": "e", "\u0948": "ai", "\u094b": "o", "\u094c": "au",
    "\u0945": "e", "\u0949": "o",
}  # fmt: skip
_VOWELS = {
    "अ": "a", "आ": "aa", "इ": "i", "ई": "ii", "उ": "u", "ऊ": "uu", "ऋ": "ri",
    "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऍ": "e", "ऑ": "o",
}  # fmt: skip
_VIRAMA, _NUKTA = "\u094d", "\u093c"
_ANUSVARA, _CHANDRABINDU, _VISARGA = "\u0902", "\u0901", "\u0903"
_LABIALS = {"p", "ph", "b", "bh", "m"}
_DEVANAGARI_WORD = re.compile(r"[\u0900-\u097F]+")
_SPECIAL = {"क्ष": "ksh", "ज्ञ": "gy"}
#: Surnames whose English spelling is a fixed convention no letter rule gives (वर्मा is
#: written Verma, not Varma). Several are on the measured list: the README gives the figure
#: with and without this table.
CONVENTIONAL = {
    "वर्मा": "verma", "श्रीवास्तव": "srivastava", "सक्सेना": "saxena", "अग्रवाल": "agarwal",
    "जायसवाल": "jaiswal", "राठौर": "rathore", "राठौड़": "rathore", "वाजपेयी": "vajpayee",
    "बाजपेयी": "bajpai", "बाजपेई": "bajpai", "दीक्षित": "dixit", "सिद्दीकी": "siddiqui",
    "कुरैशी": "qureshi", "हुसैन": "hussain", "श्री": "shri", "श्रीमती": "smt.",
    "मोहम्मद": "mohammad", "मुहम्मद": "muhammad", "खत्री": "khatri", "रस्तोगी": "rastogi",
}  # fmt: skip


@dataclass
class _Unit:
    """One consonant cluster (joined by virama, or after an anusvara) and the vowel after it."""

    cons: list[str]  # Roman letters of each consonant
    vowel: str  # "a" inherent, "aa", "ii"... or "" (none: virama, or schwa deleted)
    inherent: bool = False
    nasal: bool = False  # an anusvara/chandrabindu after the vowel


def _parse(word: str) -> list[_Unit]:
    units: list[_Unit] = []
    pending: list[str] = []  # consonants joined by virama, waiting for their vowel
    i, n = 0, len(word)
    while i < n:
        pair = word[i : i + 3]
        char = word[i]
        if pair in _SPECIAL:
            pending.append(_SPECIAL[pair])
            i += 3
            char = ""
        elif char in _CONSONANTS:
            if i + 1 < n and word[i + 1] == _NUKTA:
                char = _NUKTA_FORMS.get(char, char)
                i += 1
            pending.append(_CONSONANTS[char])
            i += 1
        elif char in _VOWELS:
            units.append(_Unit([], _VOWELS[char]))
            i += 1
            continue
        elif char in (_ANUSVARA, _CHANDRABINDU):
            if units:
                units[-1].nasal = True
            i += 1
            continue
        elif char == _VISARGA:
            i += 1
            continue
        else:
            i += 1
            continue
        # after a consonant: a matra, a virama (cluster goes on) or the inherent a
        nxt = word[i] if i < n else ""
        if nxt == _VIRAMA:
            i += 1
            if i >= n:  # a word ending in a virama: the consonant stands alone
                units.append(_Unit(pending, ""))
                pending = []
            continue
        if nxt in _MATRAS:
            units.append(_Unit(pending, _MATRAS[nxt]))
            i += 1
        else:
            units.append(_Unit(pending, "a", inherent=True))
        pending = []
    if pending:
        units.append(_Unit(pending, ""))
    return units


def _cluster_before(units: list[_Unit], k: int) -> int:
    """How many consonants sound before unit k's vowel (a nasal before them counts)."""
    extra = 1 if k > 0 and units[k - 1].nasal else 0
    return len(units[k].cons) + extra


def _delete_schwas(units: list[_Unit]) -> None:
    """Hindi's schwa deletion: the inherent a goes at the end of a word (unless a cluster
    precedes it: मिश्र Mishra) and in V C _ C V (कमलेश Kamlesh), left to right, never two
    in a row; before a cluster ending in र too (ओमप्रकाश Omprakash)."""
    last = len(units) - 1
    if (
        last > 0
        and units[last].inherent
        and not units[last].nasal
        and len(units[last].cons) == 1  # आनंद Anand; a nasal before it does not count
    ):
        units[last].vowel = ""
    for k in range(1, last):
        unit, before, after = units[k], units[k - 1], units[k + 1]
        if not unit.inherent or unit.nasal or not unit.vowel:
            continue
        if not before.vowel or _cluster_before(units, k) != 1:
            continue
        if not after.vowel or not after.cons:
            continue
        if len(after.cons) == 1 or (len(after.cons) == 2 and after.cons[1] == "r"):
            unit.vowel = ""


def _vowel_text(units: list[_Unit], k: int) -> str:
    unit, last = units[k], len(units) - 1
    vowel = unit.vowel
    if vowel == "aa":
        return "a"
    if vowel == "ii":
        if k == last:
            return "i"
        after = units[k + 1]
        # -ish names (Harish, Satish, Manish), and -ita after the first syllable (Sunita)
        if k + 1 == last and not after.vowel and after.cons == ["sh"]:
            return "i"
        if k > 0 and after.vowel and after.cons and k + 1 == last:
            return "i"
        return "ee"
    if vowel == "uu":
        return "u" if k == last else "oo"
    if vowel == "e" and k == last and unit.cons and k > 0:
        return "ey"  # Dubey, Chaubey
    return vowel


def _consonant_text(units: list[_Unit], k: int) -> str:
    unit = units[k]
    letters = list(unit.cons)
    for j, letter in enumerate(letters):
        if letter == "ph" and (j or unit.vowel != "uu"):
            letters[j] = "f"  # Fatima, Irfan, Arif; but फूल Phool
        if letter != "v":
            continue
        if j > 0:
            if letters[j - 1] != "r":
                letters[j] = "w"  # द्वि Dwivedi, श्वे Shweta, स्व Saraswati; but र्व Sarvesh
        elif j < len(letters) - 1:
            continue  # व्य Divya
        elif unit.vowel == "aa" and k > 0:
            letters[j] = "w"  # Tiwari, Agarwal
        elif unit.inherent and unit.vowel and k > 0 and units[k - 1].vowel in ("a", "aa"):
            letters[j] = "w"  # Pawan, Rawat, Awasthi
    return "".join(letters)


@lru_cache(maxsize=65_536)
def roman_word(word: str) -> str:
    """One Devanagari word in Roman letters, lower case (cached)."""
    if word in CONVENTIONAL:
        return CONVENTIONAL[word]
    units = _parse(word)
    _delete_schwas(units)
    out: list[str] = []
    for k, unit in enumerate(units):
        out.append(_consonant_text(units, k))
        out.append(_vowel_text(units, k))
        if unit.nasal:
            nxt = units[k + 1].cons[0] if k + 1 < len(units) and units[k + 1].cons else ""
            out.append("m" if nxt in _LABIALS else "n")
    text = "".join(out)
    if text.endswith("nh") and word.endswith("ंह"):
        text = text[:-2] + "ngh"  # सिंह Singh
    return text


@lru_cache(maxsize=65_536)
def english_name(hindi: str) -> str:
    """The derived English name of a Hindi name ("" for a blank one; a part without
    Devanagari, such as "2", is kept as written); cached, as a list of lakhs repeats its
    names. A name not seen yet is put together from its parts' cached spellings in C-level
    calls: a list of mostly distinct names (1.1 million of 1.88 million) spent ~2 s a
    300,000 rows here with a regular-expression pass per part."""
    return " ".join(filter(None, map(_roman_part, hindi.split())))


@lru_cache(maxsize=200_000)
def _roman_part(part: str) -> str:
    """One space-separated part of a Hindi name with its Devanagari in Roman letters,
    capitalised (other characters kept as they are; "" only for a part that becomes empty)."""
    roman = _DEVANAGARI_WORD.sub(lambda m: roman_word(m.group()), part)
    return roman[:1].upper() + roman[1:]
