#!/usr/bin/env python3
"""Draws the OMS Desk icons (a parcel on a blue tile) into icons/ as RGBA PNGs, with only the
standard library, so a fresh checkout can remake them: python3 scripts/make-icons.py"""
import pathlib
import struct
import zlib

BLUE = (29, 78, 216, 255)
PARCEL = (250, 204, 21, 255)
TAPE = (161, 98, 7, 255)
CLEAR = (0, 0, 0, 0)


def pixel(x, y, size):
    """The colour at (x, y): a rounded blue tile with a parcel and its tape in the middle."""
    u, v = x / size, y / size
    radius = 0.18
    cx = min(max(u, radius), 1 - radius)
    cy = min(max(v, radius), 1 - radius)
    if (u - cx) ** 2 + (v - cy) ** 2 > radius ** 2:
        return CLEAR
    if 0.25 <= u <= 0.75 and 0.3 <= v <= 0.75:
        if 0.46 <= u <= 0.54 or 0.3 <= v <= 0.38:
            return TAPE
        return PARCEL
    return BLUE


def png(size):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def main():
    folder = pathlib.Path(__file__).resolve().parent.parent / "icons"
    folder.mkdir(exist_ok=True)
    for name, size in [("32x32", 32), ("128x128", 128), ("128x128@2x", 256), ("icon", 512)]:
        (folder / f"{name}.png").write_bytes(png(size))


if __name__ == "__main__":
    main()
