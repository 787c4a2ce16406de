#!/usr/bin/env python3
"""The certificates workload for vanban: a contest whose results give one
individual award per certificate, in the order of the certificates, and the
certificate template that prints them.

  gen_cert_contest.py OUTDIR                    reads OUTDIR/certificates.xml (the
                                                shared gen_inputs.py data: no, name,
                                                unit, prize per certificate)
  gen_cert_contest.py OUTDIR --count N          N generated certificates instead

writes OUTDIR/certificates-contest.xml and OUTDIR/certificates-vanban.md. The
contest has one part scored out of 10,000; certificate k's write-up scores
10,000 − k, so the results rank the awards in the certificates' order. Each
person's unit is the certificate's unit and the write-up's title its prize
line; the register number is $i padded ("Số vào sổ: 0001/GK-SGDĐT", as in the
shared data).
"""
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

TEMPLATE = """---
frame: certificate
each: /contest/results/award
tham_quyen: GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO
danh_xung: Em
nguoi_nhan: "{{ person/@name }}"
don_vi: "Đơn vị: {{ person/@workplace }}"
thanh_tich: "{{ submission/@title }}"
so_vao_so: "{{ $i | pad:4 }}/GK-SGDĐT"
dia_danh: Hà Nội
ngay: 2025-05-20
chuc_vu: GIÁM ĐỐC
nguoi_ky: Nguyễn Văn An
giai: "{{ @prize }}"
so_tien: "{{ @amount }}"
vien: doi
---
"""

FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLE = "Văn Thị Minh Thanh Ngọc Hữu Đức Thu Bảo Gia".split()
GIVEN = "An Bình Chi Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khoa Lan Linh Long Mai Nam " \
        "Ngân Nhung Phong Quân Quyên Sơn Tâm Thảo Trang Trung Tú Vy".split()


def generated(n):
    certs = []
    for i in range(n):
        name = " ".join((FAMILY[i % len(FAMILY)], MIDDLE[(i // len(FAMILY)) % len(MIDDLE)],
                         GIVEN[(i // (len(FAMILY) * len(MIDDLE))) % len(GIVEN)]))
        certs.append({"no": "Số vào sổ: %04d/GK-SGDĐT" % (i + 1), "name": name,
                      "unit": "Trường THCS số %d" % (i % 97 + 1),
                      "prize": "Đã có thành tích xuất sắc, đạt giải Ba môn Toán năm học 2024 - 2025"})
    return certs


def from_shared(path):
    certs = []
    for c in ET.parse(path).getroot():
        certs.append({k: (c.find(k).text or "") for k in ("no", "name", "unit", "prize")})
    return certs


def contest(certs):
    n = len(certs)
    top = n + 1
    L = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<contest id="bench" kind="cuoc-thi" year="2025">',
         "  <title>Kỳ thi chọn học sinh giỏi thành phố năm học 2024 - 2025</title>",
         "  <province>Hà Nội</province>",
         "  <organizer>Sở Giáo dục và Đào tạo</organizer>",
         '  <period start="2024-09-01" end="2025-05-31"/>',
         '  <parts><part id="hsg" max="%d"><name>Thi học sinh giỏi</name></part></parts>' % top,
         '  <prizes id="hsg" for="individual" part="hsg" by="score">',
         "    <name>Giải cá nhân</name>",
         '    <prize level="1" count="%d" amount="500000">Giải Ba</prize>' % n,
         "  </prizes>",
         "  <units>",
         '    <unit id="sgd" kind="so-ban-nganh">Sở Giáo dục và Đào tạo</unit>',
         "  </units>",
         "  <people>"]
    for i, c in enumerate(certs):
        L.append('    <person id="p%d" unit="sgd" workplace=%s>%s</person>'
                 % (i + 1, quoteattr(c["unit"]), escape(c["name"])))
    L.append("  </people>")
    L.append("  <submissions>")
    for i, c in enumerate(certs):
        L.append('    <submission id="s%d" unit="sgd" part="hsg" author="p%d" score="%d">'
                 "<title>%s</title></submission>" % (i + 1, i + 1, top - 1 - i, escape(c["prize"])))
    L.append("  </submissions>")
    L.append("</contest>")
    return "\n".join(L) + "\n"


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--count"):
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    certs = generated(int(argv[3])) if len(argv) == 4 else from_shared(
        os.path.join(out, "certificates.xml"))
    with open(os.path.join(out, "certificates-contest.xml"), "w", encoding="utf-8") as f:
        f.write(contest(certs))
    with open(os.path.join(out, "certificates-vanban.md"), "w", encoding="utf-8") as f:
        f.write(TEMPLATE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
