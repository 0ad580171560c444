"""Decode text bytes whose encoding nobody declared.

Government text comes as UTF-8 (with or without BOM), GB2312/GBK (decode as GB18030,
its superset, or characters such as 镕 喆 堃 are lost) and UTF-16 from Windows tools.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import NotText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _garbage_ratio(text: str) -> float:
    """Share of characters no real report contains: controls, private use, replacement."""
    if not text:
        return 0.0
    sample = text[:20000]
    bad = 0
    for ch in sample:
        if ch in "\t\n\r\f\v":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cs", "Cn") or ch == "\ufffd":
            bad += 1
    return bad / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd / half > 0.2 and even / half < 0.05:
        codec = "utf-16-le"
    elif even / half > 0.2 and odd / half < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


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
