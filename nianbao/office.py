"""LibreOffice, headless: .doc/.wps → .docx and .xls/.et → .xlsx for reading, .docx → .pdf
for rendering.

Two conversions sharing one LibreOffice user profile silently write nothing, so every
process gets a profile of its own. Government documents name fonts Linux lacks (宋体,
仿宋_GB2312, 黑体, 方正小标宋简体); ``fonts.conf`` beside this file aliases them to Noto CJK.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ReadError

_PROFILE = Path(tempfile.gettempdir()) / f"nianbao-lo-{os.getpid()}"
FONTS_CONF = Path(__file__).with_name("fonts.conf")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_files(paths: list[Path], to: str, outdir: Path, timeout: float = 900) -> list[Path]:
    """Convert many files in one LibreOffice run (start-up dominates a single conversion).
    Returns the outputs that were written, in the order of ``paths``."""
    exe = soffice()
    if exe is None:
        raise ReadError(f"生成 {to} 需要 LibreOffice（Debian 包 libreoffice-writer-nogui）")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(_PROFILE)}
    outdir.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(paths), 200):
        batch = [str(p) for p in paths[start : start + 200]]
        cmd = [exe, f"-env:UserInstallation={_PROFILE.as_uri()}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", to, "--outdir", str(outdir), *batch]  # fmt: skip
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice 转换超时（{timeout:.0f} 秒）") from None
    ext = to.split(":")[0]
    return [out for p in paths if (out := outdir / f"{p.stem}.{ext}").exists()]


def convert(data: bytes, suffix: str, to: str, timeout: float = 180) -> bytes:
    """Convert a document's bytes with LibreOffice; ``to`` is a target such as ``docx`` or
    ``pdf``. Raises ``ReadError`` with a Chinese sentence when it cannot."""
    exe = soffice()
    if exe is None:
        raise ReadError(f"读取或生成 {suffix.lstrip('.')} / {to} 需要 LibreOffice（Debian 包 libreoffice-writer-nogui）")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF), "HOME": str(_PROFILE)}
    with tempfile.TemporaryDirectory(prefix="nianbao-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        cmd = [
            exe,
            f"-env:UserInstallation={_PROFILE.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            to,
            "--outdir",
            tmp,
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice 转换超时（{timeout:.0f} 秒）") from None
        out = Path(tmp) / f"input.{to.split(':')[0]}"
        if not out.exists() or out.stat().st_size == 0:
            raise ReadError(f"LibreOffice 无法转换此文件（{suffix} → {to}），文件可能已损坏")
        return out.read_bytes()
