"""Decode text bytes whose encoding nobody declared.

Government text comes as UTF-8 (with or without BOM), GB2312/GBK (decode as GB18030,
its superset, or characters such as 镕 喆 堃 are lost) and UTF-16 from Windows tools.
"""

from __future__ import annotations

import codecs
import re

from ..errors import NotText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_GARBAGE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff\uffff]")


def _garbage_ratio(text: str) -> float:
    """Share of characters no real report contains: controls, private use, replacement."""
    sample = text[:20000]
    return len(_GARBAGE.findall(sample)) / len(sample) if sample else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of either byte order: the right one is full of newlines, tabs and spaces;
    the wrong one turns them into U+0A00, U+0900, U+2000 and has none."""
    best: tuple[int, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        score = sample.count("\n") + sample.count(" ") + sample.count("\t")
        if score and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was decoded from; raises ``NotText`` for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None and _garbage_ratio(text) < 0.01:
            return text, "utf-16"
        raise NotText("二进制数据，不是文本（含 NUL 字节）")
    candidates: list[tuple[str, str]] = []
    for codec in ("utf-8", "gb18030"):
        try:
            candidates.append((data.decode(codec), codec))
            break
        except UnicodeDecodeError:
            continue
    if not candidates:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            candidates.append((str(best), best.encoding))
    for text, codec in candidates:
        if _garbage_ratio(text) < 0.01:
            return text, codec
    raise NotText("无法识别的文本编码，或不是文本文件")
