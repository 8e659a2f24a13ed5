"""A small PNG reader for the screenshots Chromium takes: 8-bit RGB or RGBA, not interlaced.

The focus check compares regions of screenshots pixel by pixel, so it needs raw pixels, and the
suite may not depend on Pillow or NumPy. Chromium's fast encoder (``optimizeForSpeed``) filters every
row with "Up", which this reader undoes for a whole row at once with integer arithmetic; the other
PNG filters are handled too, only more slowly.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {2: 3, 6: 4}  # colour type → bytes per pixel at bit depth 8


@dataclass(frozen=True)
class Pixels:
    """Decoded pixels: ``rows[y]`` holds ``width * channels`` bytes, left to right."""

    width: int
    height: int
    channels: int
    rows: tuple[bytes, ...]

    def crop(self, x: int, y: int, width: int, height: int) -> bytes:
        """The pixels of a rectangle (clamped to the image), row after row."""
        left, top = max(x, 0), max(y, 0)
        right, bottom = min(x + width, self.width), min(y + height, self.height)
        if right <= left or bottom <= top:
            return b""
        start, end = left * self.channels, right * self.channels
        return b"".join(row[start:end] for row in self.rows[top:bottom])

    def all(self) -> bytes:
        """Every pixel, row after row."""
        return b"".join(self.rows)


def decode_png(data: bytes) -> Pixels:
    """Decodes an 8-bit, non-interlaced RGB or RGBA PNG; raises ``ValueError`` for anything else."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a PNG file")
    position = len(_SIGNATURE)
    header = b""
    compressed = bytearray()
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
    if len(header) != 13:
        raise ValueError("PNG without a valid IHDR chunk")
    width, height, bit_depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if bit_depth != 8 or colour_type not in _CHANNELS or interlace != 0:
        raise ValueError(f"unsupported PNG: bit depth {bit_depth}, colour type {colour_type}, interlace {interlace}")
    channels = _CHANNELS[colour_type]
    stride = width * channels
    raw = zlib.decompress(bytes(compressed))
    if len(raw) != height * (stride + 1):
        raise ValueError("PNG image data has the wrong length")
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        offset = y * (stride + 1)
        kind = raw[offset]
        line = raw[offset + 1 : offset + 1 + stride]
        current = _unfilter(kind, line, previous, channels)
        rows.append(current)
        previous = current
    return Pixels(width=width, height=height, channels=channels, rows=tuple(rows))


def _add_bytes(left: bytes, right: bytes) -> bytes:
    """Byte-wise ``(left + right) mod 256`` for equally long byte strings, done on whole integers."""
    size = len(left)
    if size == 0:
        return b""
    low = int.from_bytes(b"\x7f" * size, "big")
    high = int.from_bytes(b"\x80" * size, "big")
    a = int.from_bytes(left, "big")
    b = int.from_bytes(right, "big")
    return (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(size, "big")


def _unfilter(kind: int, line: bytes, previous: bytes, channels: int) -> bytes:
    if kind == 0:  # None
        return bytes(line)
    if kind == 2:  # Up
        return _add_bytes(line, previous)
    current = bytearray(line)
    if kind == 1:  # Sub
        for index in range(channels, len(current)):
            current[index] = (current[index] + current[index - channels]) & 0xFF
    elif kind == 3:  # Average
        for index in range(len(current)):
            left = current[index - channels] if index >= channels else 0
            current[index] = (current[index] + ((left + previous[index]) >> 1)) & 0xFF
    elif kind == 4:  # Paeth
        for index in range(len(current)):
            left = current[index - channels] if index >= channels else 0
            above = previous[index]
            upper_left = previous[index - channels] if index >= channels else 0
            estimate = left + above - upper_left
            distance_left, distance_above, distance_upper_left = (
                abs(estimate - left),
                abs(estimate - above),
                abs(estimate - upper_left),
            )
            if distance_left <= distance_above and distance_left <= distance_upper_left:
                predictor = left
            elif distance_above <= distance_upper_left:
                predictor = above
            else:
                predictor = upper_left
            current[index] = (current[index] + predictor) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter type {kind}")
    return bytes(current)
