#!/usr/bin/env python3
"""Writes the README's sample documents: a one-page PDF with text and a small PNG.

Both are built byte by byte (no libraries), small, and pass intake's checks:
a PDF with a correct cross-reference table and no active content, a PNG of
64 x 40 pixels. Run it from anywhere: python3 docs/samples/make-samples.py
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(path, lines):
    text = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(
        "(%s) '" % line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines
    ) + " ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.encode("ascii")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def png(path, width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b""
    for y in range(height):
        row = b"\x00"
        for x in range(width):
            # A pale card with a darker band, like a scanned identity card
            row += bytes((40, 90, 160)) if 8 <= y < 16 else bytes((230, 236, 245))
        rows += row
    data = b"\x89PNG\r\n\x1a\n"
    data += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(rows, 9))
    data += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    pdf(os.path.join(HERE, "giay-de-nghi.pdf"),
        ["GIAY DE NGHI DANG KY HO KINH DOANH", "Ho kinh doanh: Cua hang tap hoa Hoa Sen",
         "Chu ho: Nguyen Van An, CCCD 079203001234", "(Mau minh hoa cho README)"])
    pdf(os.path.join(HERE, "giay-de-nghi-sua.pdf"),
        ["GIAY DE NGHI DANG KY HO KINH DOANH (ban sua)", "Ho kinh doanh: Cua hang tap hoa Hoa Sen",
         "(Mau minh hoa cho README)"])
    png(os.path.join(HERE, "cccd.png"), 64, 40)
