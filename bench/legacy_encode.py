#!/usr/bin/env python3
"""Encodes UTF-8 text (stdin) as TCVN3, VNI or VIQR (stdout) for bench/normalize.sh.

iconv has none of these, so the benchmark makes its legacy inputs here. The
letter tables follow docs/encodings.md; characters with no legacy form are
dropped (as `iconv -c` does for the others)."""
import sys
import unicodedata

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none sắc huyền hỏi ngã nặng
# TCVN3 bytes for the 12 shaped vowels x 6 tones (small letters; capitals use
# the same toned byte, untoned capitals Ă Â Ê Ô Ơ Ư are A1-A6).
TCVN3 = {
    "a": [0x61, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9], "ă": [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6],
    "â": [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB], "e": [0x65, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1],
    "ê": [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6], "i": [0x69, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE],
    "o": [0x6F, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4], "ô": [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9],
    "ơ": [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE], "u": [0x75, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4],
    "ư": [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9], "y": [0x79, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE],
}
TCVN3_CAPS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7, "đ": 0xAE}
# VNI: mark byte (small-letter form) per shape+tone; capitals use byte - 0x20.
VNI_MARK = {("", 1): 0xF9, ("", 2): 0xF8, ("", 3): 0xFB, ("", 4): 0xF5, ("", 5): 0xEF,
            ("^", 0): 0xE2, ("^", 1): 0xE1, ("^", 2): 0xE0, ("^", 3): 0xE5, ("^", 4): 0xE3,
            ("^", 5): 0xE4, ("(", 0): 0xEA, ("(", 1): 0xE9, ("(", 2): 0xE8, ("(", 3): 0xFA,
            ("(", 4): 0xFC, ("(", 5): 0xEB}
VNI_SINGLE = {"đ": 0xF1, "Đ": 0xD1, "ơ": 0xF4, "Ơ": 0xD4, "ư": 0xF6, "Ư": 0xD6, "í": 0xED,
              "Í": 0xCD, "ì": 0xEC, "Ì": 0xCC, "ỉ": 0xE6, "Ỉ": 0xC6, "ĩ": 0xF3, "Ĩ": 0xD3,
              "ị": 0xF2, "Ị": 0xD2, "ỵ": 0xEE, "Ỵ": 0xCE}
VIQR_TONE = ["", "'", "`", "?", "~", "."]
SHAPED = {"ă": ("a", "("), "â": ("a", "^"), "ê": ("e", "^"), "ô": ("o", "^"), "ơ": ("o", "+"),
          "ư": ("u", "+")}


def split(ch):
    """(shaped small base, tone index, is capital) or None."""
    d = unicodedata.normalize("NFD", ch)
    tone = 0
    for i, t in enumerate(TONES[1:], 1):
        if t in d:
            tone, d = i, d.replace(t, "")
    base = unicodedata.normalize("NFC", d)
    small = base.lower()
    if small in TCVN3:
        return small, tone, base != small
    return None


def encode(text, enc):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            if enc == "viqr" and ch in "'`?~.(^+\\" and out and chr(out[-1]).isalpha():
                out += b"\\"
            out += ch.encode()
            continue
        s = split(ch)
        if enc == "tcvn3":
            if ch in TCVN3_CAPS:
                out.append(TCVN3_CAPS[ch])
            elif s:
                b = TCVN3[s[0]][s[1]]
                out.append(b - 0x20 if s[2] and b < 0x80 else (b - 7 if s[2] and s[1] == 0 and b >= 0xA8 else b))
        elif enc == "vni":
            if ch in VNI_SINGLE:
                out.append(VNI_SINGLE[ch])
            elif s:
                base, shape = SHAPED.get(s[0], (s[0], ""))
                if base == "o" and shape == "+" or base == "u" and shape == "+":
                    out.append(VNI_SINGLE[s[0].upper() if s[2] else s[0]])
                    shape = ""
                else:
                    out += (base.upper() if s[2] else base).encode()
                m = VNI_MARK.get((shape, s[1]))
                if m:
                    out.append(m - 0x20 if s[2] else m)
        else:  # viqr
            if ch in "đĐ":
                out += b"dd" if ch == "đ" else b"DD"
            elif s:
                base, shape = SHAPED.get(s[0], (s[0], ""))
                out += ((base.upper() if s[2] else base) + shape + VIQR_TONE[s[1]]).encode()
    return bytes(out)


if __name__ == "__main__":
    sys.stdout.buffer.write(encode(sys.stdin.buffer.read().decode("utf-8"), sys.argv[1]))
