"""Kruti Dev 010 (and DevLys 010, Chanakya-style typing) text turned into Unicode Devanagari.

Those fonts draw Devanagari glyphs on Latin code points, so a list typed in them years ago
reaches us as "jes'k dqekj" (रमेश कुमार). The glyph table is the one the common converters
share; what they get wrong is the reordering, so it is done here by rule: a full consonant
typed as its half form plus the आ-stroke (`'k` = श), the ि typed before its consonant
cluster (`f'koe` = शिवम), and the reph typed after its syllable (`'kekZ` = शर्मा).

Why our own: the one maintained package that decodes these fonts (hinlegacy 1.0.1) measured
32 of the 39 pairs in tests/roster/test_krutidev.py and spelled शर्मा, वर्मा and शिवम wrongly
(visible halants): names too common to get wrong. `to_unicode` returns None when the result
is not clean Devanagari (a stray Latin letter, a vowel sign with no consonant), so the caller
can report the cell instead of storing nonsense."""

from __future__ import annotations

import re
from functools import lru_cache

_I = "\ue001"  # ि typed before its consonant cluster
_REPH = "\ue002"  # र् typed after its syllable

# Glyphs longer than one character first (matched greedily, longest first).
_GLYPHS = {
    # vowels
    "vkS": "औ", "vks": "ओ", "v‚": "ऑ", "vk": "आ", "v": "अ", "bZ": "ई", "Ã": "ई", "b": "इ",
    "m": "उ", "Å": "ऊ", ",s": "ऐ", ",": "ए", "_": "ऋ", "b±": "ईं",
    # vowel signs
    "kS": "ौ", "ks": "ो", "k": "ा", "h": "ी", "q": "ु", "w": "ू", "`": "ृ", "s": "े",
    "S": "ै", "‚": "ॉ", "W": "ॅ", "a": "ं", "¡": "ँ", "%": "ः", "È": "ीं",
    "f": _I, "Z": _REPH, "~": "्", "+": "़", "z": "्र", "ª": "्र",
    # consonants (a half form plus k is the full one: see _collapse)
    "d": "क", "D": "क्", "[": "ख्", "x": "ग", "X": "ग्", "?": "घ्", "Ä": "घ", "³": "ङ",
    "p": "च", "P": "च्", "N": "छ", "t": "ज", "T": "ज्", ">": "झ", "÷": "झ्", "¥": "ञ",
    "V": "ट", "B": "ठ", "M": "ड", "<": "ढ", ".": "ण्",
    "r": "त", "R": "त्", "F": "थ्", "n": "द", "/": "ध्", "è": "ध्", "Ë": "ध्",
    "u": "न", "U": "न्", "i": "प", "I": "प्", "Q": "फ", "¶": "फ्", "c": "ब", "C": "ब्",
    "H": "भ्", "e": "म", "E": "म्", ";": "य", "¸": "य्", "j": "र", "y": "ल", "Y": "ल्",
    "G": "ळ", "o": "व", "O": "व्", "'": "श्", '"': "ष्", "l": "स", "L": "स्", "g": "ह",
    # conjuncts
    "{": "क्ष्", "=": "त्र", "«": "त्र्", "K": "ज्ञ", "J": "श्र", "Ø": "क्र", "Ý": "फ्र",
    "ç": "प्र", "Á": "प्र", "æ": "द्र", "}": "द्व", "|": "द्य", ")": "द्ध", "Ù": "त्त्",
    "Dr": "क्त", "ê": "ट्ट", "ë": "ट्ठ", "ì": "ड्ड", "ï": "ड्ढ", "à": "ह्न", "á": "ह्य",
    "â": "हृ", "ã": "ह्म", "º": "ह्", "í": "द्द", "Ì": "द्द", "#": "रु", ":": "रू",
    "Ñ": "कृ", "–": "दृ", "—": "कृ", "Vª": "ट्र", "Mª": "ड्र", "Nª": "छ्र", "ô": "क्क",
    "Ö": "्य", "Î": "ड्ड",
    # digits and punctuation
    "å": "०", "ƒ": "१", "„": "२", "…": "३", "†": "४", "‡": "५", "ˆ": "६", "‰": "७",
    "Š": "८", "‹": "९", "A": "।", "-": ".", "&": "-", "]": ",", "(": ";", "¼": "(",
    "½": ")", "\\": "?", "@": "/", "Œ": "॰", "ñ": "॰",
}  # fmt: skip
_LONGEST = max(len(k) for k in _GLYPHS)
_CONSONANT = "[\u0915-\u0939\u0958-\u095f]\u093c?"
_CLUSTER = f"{_CONSONANT}(?:\u094d{_CONSONANT})*"
_MARKS = "[\u093e-\u094c\u0962\u0963\u0901-\u0903]*"
_I_BEFORE = re.compile(f"{_I}({_CLUSTER})")
_REPH_AFTER = re.compile(f"({_CLUSTER})({_MARKS}){_REPH}")
# What clean Devanagari text is made of: a vowel sign, virama or nukta only after a consonant.
_CLEAN = re.compile(
    r"(?:[\u0904-\u0914\u0960\u0961\u0972-\u097f][\u0901-\u0903]?"  # independent vowels
    rf"|{_CLUSTER}\u094d?{_MARKS}"
    r"|[\u0966-\u096f0-9\u0964\u0965\u0970\s.,;:?!()/'\"\-])+"
)


def _glyphs(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        for size in range(min(_LONGEST, n - i), 0, -1):
            piece = text[i : i + size]
            if piece in _GLYPHS:
                out.append(_GLYPHS[piece])
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@lru_cache(maxsize=65_536)
def to_unicode(text: str) -> str | None:
    """Legacy-font text in Unicode Devanagari, or None when it does not convert cleanly."""
    out = _glyphs(text)
    out = out.replace("\u094d\u093e", "")  # half form + आ-stroke = the full consonant
    out = out.replace("ाे", "ो").replace("ाै", "ौ").replace("अा", "आ")
    out = _I_BEFORE.sub(lambda m: m.group(1) + "ि", out)
    out = _REPH_AFTER.sub(lambda m: "र्" + m.group(1) + m.group(2), out)
    if _I in out or _REPH in out or not _CLEAN.fullmatch(out):
        return None
    return out
