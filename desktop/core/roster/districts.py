"""Matching the district a department typed to one of UP's 75 district codes.

Lists say "Allahabad" years after it became Prayagraj, "Bara Banki", "Kheri", "बांदा" or
"बाँदा", "G.B. Nagar". We compare loose forms (case, spaces, punctuation, nukta, chandrabindu,
doubled letters, long vowels), then old names, then a close spelling if only one district is
that close. "Kanpur" alone means Kanpur Nagar (the city; Kanpur Dehat is always named so)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from desktop.core.lookups import Db, districts
from desktop.core.problems import Problem
from desktop.core.roster.messages import problem

#: Old names, short forms and common spellings -> code.
ALIASES: dict[str, str] = {
    "allahabad": "PRY",
    "ilahabad": "PRY",
    "prayag": "PRY",
    "इलाहाबाद": "PRY",
    "प्रयाग": "PRY",
    "faizabad": "AYO",
    "fyzabad": "AYO",
    "फैजाबाद": "AYO",
    "lakhimpur": "LKH",
    "kheri": "LKH",
    "lakhimpur kheri": "LKH",
    "लखीमपुर": "LKH",
    "खीरी": "LKH",
    "kanpur": "KNP",
    "kanpur city": "KNP",
    "कानपुर": "KNP",
    "kanpur rural": "KND",
    "ramabai nagar": "KND",
    "noida": "GBN",
    "gb nagar": "GBN",
    "gautam budh nagar": "GBN",
    "नोएडा": "GBN",
    "sant ravidas nagar": "BHD",
    "sant ravidas nagar bhadohi": "BHD",
    "संत रविदास नगर": "BHD",
    "kanshiram nagar": "KSG",
    "jyotiba phule nagar": "AMR",
    "jp nagar": "AMR",
    "mahamaya nagar": "HTH",
    "chhatrapati shahuji maharaj nagar": "AME",
    "panchsheel nagar": "HAP",
    "prabuddh nagar": "SHM",
    "bhim nagar": "SMB",
    "banaras": "VNS",
    "benares": "VNS",
    "kashi": "VNS",
    "बनारस": "VNS",
    "maunath bhanjan": "MAU",
    "padrauna": "KUS",
    "bara banki": "BBK",
    "rae bareli": "RBL",
    "rai bareli": "RBL",
    "raebareilly": "RBL",
    "siddharth nagar": "SDN",
    "sant kabir nagar": "SKN",
    "sonebhadra": "SON",
    "badaun": "BUD",
    "bareli": "BRL",
    "itawa": "ETW",
    "orai": "JAL",
    "devariya": "DEO",
    "mahrajganj": "MHG",
    "maharajganj": "MHG",
}

_NUKTA = "\u093c"
_HALF_NASAL = re.compile("[ङञणनम]\u094d(?=[\u0915-\u0939])")
_WORDS_TO_DROP = re.compile(r"\b(district|distt|dist|janpad|zila|jila|जनपद|जिला|जिल्ला)\b")
_NON_WORD = re.compile(r"[^a-z\u0900-\u097f]+")


def _loose(text: str) -> str:
    """Spelling-insensitive key: no case, spaces, punctuation, nukta; ँ = ं; न्/म् before a
    consonant = ं; long vowels = short; doubled Latin letters once."""
    text = unicodedata.normalize("NFD", text.strip().lower()).replace(_NUKTA, "")
    text = unicodedata.normalize("NFC", text)
    text = _WORDS_TO_DROP.sub(" ", text)
    text = text.replace("\u0901", "\u0902")  # chandrabindu -> anusvara
    text = _HALF_NASAL.sub("\u0902", text)
    text = text.replace("\u0940", "\u093f").replace("\u0942", "\u0941")  # ी->ि, ू->ु
    text = text.replace("\u0908", "\u0907").replace("\u090a", "\u0909")  # ई->इ, ऊ->उ
    text = _NON_WORD.sub("", text)
    for old, new in (("aa", "a"), ("ee", "i"), ("oo", "u"), ("w", "v"), ("ph", "f"), ("z", "j")):
        text = text.replace(old, new)
    return re.sub(r"([a-z])\1+", r"\1", text)


class DistrictMatcher:
    """Resolve free text to a district code; built once per import from the district table."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        self.names: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        for code, name_en, name_hi in rows:
            self.names[code] = name_en
            for key in (code.lower(), _loose(name_en), _loose(name_hi)):
                self._keys.setdefault(key, code)
        for alias, code in ALIASES.items():
            if code in self.names:
                self._keys.setdefault(_loose(alias), code)
        self._latin_keys = [k for k in self._keys if k.isascii() and len(k) > 3]
        self._hindi_keys = [k for k in self._keys if not k.isascii()]
        self.match = lru_cache(maxsize=4096)(self._match)

    @classmethod
    def from_store(cls, db: Db) -> DistrictMatcher:
        """The matcher for the districts in `db` (a Store or a connection)."""
        return cls(districts(db))

    def _match(self, text: str) -> tuple[str | None, Problem | None]:
        """(code, None) or (None, the problem: its English message, code and params)."""
        raw = text.strip()
        if not raw:
            return None, None
        if raw.upper() in self.names:
            return raw.upper(), None
        key = _loose(raw)
        if key in self._keys:
            return self._keys[key], None
        if "(" in raw:  # "Jalaun (Orai)": try the name outside and inside the brackets
            for part in re.split(r"[()]", raw):
                code, _ = self._match(part) if part.strip() else (None, None)
                if code:
                    return code, None
        pool = self._latin_keys if key.isascii() else self._hindi_keys
        close = difflib.get_close_matches(key, pool, n=3, cutoff=0.8)
        codes = {self._keys[c] for c in close}
        if len(codes) == 1:
            return codes.pop(), None
        if codes:
            options = ", ".join(sorted(self.names[c] for c in codes))
            return None, problem("district_code", "district_ambiguous", value=raw, options=options)
        return None, problem("district_code", "district_unknown", value=raw)
