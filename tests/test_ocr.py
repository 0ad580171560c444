"""Scanned reports: an image-only PDF read by OCR (extra nianbao[ocr], which CI installs)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from conftest import GOLD, score

import nianbao
from nianbao.office import soffice
from nianbao.readers.ocr import ocr_available
from nianbao.record import Report
from nianbao.render import render

pytestmark = pytest.mark.skipif(
    not (ocr_available() and soffice()) and not os.environ.get("CI"), reason="OCR extra or LibreOffice not installed"
)


def scanned_pdf(pdf: bytes, dpi: int = 150) -> bytes:
    """Every page as a grey bitmap, the text layer gone: what a scanner produces."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    pages = [p.render(scale=dpi / 72).to_pil().convert("L") for p in doc]
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return buf.getvalue()


def test_scanned_report_reads_back_exactly(tmp_path: Path) -> None:
    gold = json.loads((GOLD / "000_a917d0816f0765fa.json").read_text(encoding="utf-8"))
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(render(Report.model_validate(gold), "pdf")))
    result = nianbao.parse(path)
    assert result.status == nianbao.Status.SUCCESS, result.problems
    assert score(gold, result.record.to_dict()) == []
    assert result.record.source.layout == "ocr"
    assert result.record.provenance["applications.new_received[0]"]["ocr"] is True
