#!/usr/bin/env python3
"""Prints the 134 Vietnamese letters that carry a diacritic, space-separated, NFC.

Built from the vowels and the marks rather than typed, so the list is complete
by construction: 12 vowel letters (a ă â e ê i o ô ơ u ư y) x 5 tone marks
(grave, hook above, tilde, acute, dot below) = 60, the 6 letters with only a
shape mark (ă â ê ô ơ ư), and đ: 67 lowercase, 67 uppercase, 134 in all.
"""
import unicodedata

VOWELS = "aăâeêioôơuưy"
TONES = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
out = []
for case in (str.lower, str.upper):
    for v in VOWELS:
        base = case(v)
        if unicodedata.decomposition(v):  # ă â ê ô ơ ư: a shape mark, no tone
            out.append(base)
        for t in TONES:
            out.append(unicodedata.normalize("NFC", base + t))
    out.append(case("đ"))
print(" ".join(out))
