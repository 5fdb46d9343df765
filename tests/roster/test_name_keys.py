"""The derived English name and the Latin search key of a name are put together from their
words' cached results (`roman._roman_part`, `translit._word_tokens`): for any name they are
what the word-by-word loops they replaced give (a list of mostly distinct names misses the
whole-name caches, so these are the paths a real list takes)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.text import roman, translit

_PARTS = ["राम", "सिंह", "ज्ञानेन्द्र", "त्रिपाठी", "शिवम", "मिश्र", "श्री", "कु०", "Ramesh",
          "KUMAR", "Pappu", "R.", "K", "-", "राम-सिंह", "x१२३", "ऋषि", "2", "Mc'Donald"]


def _english_by_words(hindi: str) -> str:
    words = []
    for part in hindi.split():
        text = roman._DEVANAGARI_WORD.sub(lambda m: roman.roman_word(m.group()), part)
        if text:
            words.append(text[:1].upper() + text[1:])
    return " ".join(words)


def _key_by_words(text: str) -> str:
    tokens: dict[str, None] = {}
    for word in translit._WORD.findall(text):
        if word[0] >= "\u0900":
            for key in translit._word_keys(word):
                tokens[key] = None
        else:
            tokens[translit.fold_latin(word)] = None
    return " ".join(tokens)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=5), st.sampled_from([" ", "  ", " \t"]))
def test_names_put_together_from_cached_words_match_word_by_word(parts, gap):
    name = gap.join(parts)
    roman.english_name.cache_clear()
    translit._latin_key.cache_clear()
    english = roman.english_name(name)
    assert english == _english_by_words(name)
    both = f"{name} {english}" if name and english else name or english
    assert translit.names_key(name, english) == (_key_by_words(both) if both else "")
    assert translit.latin_key(name) == (_key_by_words(name) if name else "")


def test_known_names():
    assert roman.english_name("ज्ञानेन्द्र  त्रिपाठी") == "Gyanendra Tripathi"
    assert roman.english_name("कु० 2") == "Ku 2"  # a part without Devanagari stays
    assert translit.names_key("रमेश", "Ramesh") == "ramesh"
