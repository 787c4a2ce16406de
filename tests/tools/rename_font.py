#!/usr/bin/env python3
"""Copies a TrueType font under another family name, for tests that need a
family installed nowhere else (standard library only: the 'name' table is
rewritten by hand; fontconfig reads names, not checksums).

    rename_font.py IN.ttf OUT.ttf "Family Name" PostScriptName [FSTYPE]

FSTYPE, when given, is written as the OS/2 table's fsType (the licence's
embedding permissions; 2 = restricted: no embedding).
"""
import struct
import sys


def name_table(family, ps):
    records = []  # (platform, encoding, language, name id, bytes)
    for nid, text in ((1, family), (2, "Regular"), (4, family), (6, ps)):
        records.append((3, 1, 0x409, nid, text.encode("utf-16-be")))
    strings = b""
    out = []
    for plat, enc, lang, nid, raw in records:
        out.append(struct.pack(">HHHHHH", plat, enc, lang, nid, len(raw), len(strings)))
        strings += raw
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    return header + b"".join(out) + strings


def main():
    src, dst, family, ps = sys.argv[1:5]
    fstype = int(sys.argv[5]) if len(sys.argv) > 5 else None
    data = open(src, "rb").read()
    num = struct.unpack(">H", data[4:6])[0]
    tables = []
    for i in range(num):
        tag, check, off, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        body = name_table(family, ps) if tag == b"name" else data[off:off + length]
        if tag == b"OS/2" and fstype is not None:
            body = body[:8] + struct.pack(">H", fstype) + body[10:]
        tables.append((tag, check, body))
    out = bytearray(data[:12])
    offset = 12 + 16 * num
    bodies = b""
    for tag, check, body in tables:
        out += struct.pack(">4sIII", tag, check, offset + len(bodies), len(body))
        bodies += body + b"\0" * ((4 - len(body) % 4) % 4)
    open(dst, "wb").write(bytes(out) + bodies)


if __name__ == "__main__":
    main()
