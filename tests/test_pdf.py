"""PDF with a text layer: the real published reports in ../shared/real, read exactly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SHARED, score
from test_cli import run

import nianbao
from nianbao.checks import check_report

REAL = sorted((SHARED / "real").glob("*.pdf"))

# A valid one-page PDF with no text on it: what a scan without OCR looks like to a reader.
NO_TEXT_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.mark.parametrize("pdf", REAL, ids=[p.stem for p in REAL])
def test_real_pdf_matches_its_record(pdf: Path) -> None:
    gold = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    result = nianbao.parse(pdf)
    assert result.record is not None, result.problems
    assert score(gold, result.record.to_dict()) == []
    assert result.record.source.mimetype == "application/pdf"


def test_hongze_2023_garbled_label_and_2019_table_three() -> None:
    """洪泽区 2023 prints “2.其他法律行政止公开” (法规禁 lost) and keeps the 2019 table 三
    (one （六）其他处理 row) inside a 2021-format report."""
    record = nianbao.parse(SHARED / "real" / "hongze-2023.pdf").record
    assert record.template == "2021"
    assert "other_processing" in record.applications and "other_other" not in record.applications
    assert record.applications["denied_law_prohibited"] == [0, 0, 0, 0, 0, 0, 0]
    prov = record.provenance["applications.unable_not_held[0]"]
    assert prov["page"] == 3 and len(prov["bbox"]) == 4


def test_hongze_2023_pdf_check_finds_the_printed_wrong_totals() -> None:
    record = nianbao.parse(SHARED / "real" / "hongze-2023.pdf").record
    errors = [(f.rule, f.where["row"], f.expected, f.found) for f in check_report(record) if f.severity == "error"]
    assert errors == [("T4-TOTAL", "review", 11, 0), ("T4-TOTAL", "litigation_after_review", 5, 0)]


@pytest.mark.parametrize(
    ("name", "data", "says"), [("scan.pdf", NO_TEXT_PDF, "文字层"), ("broken.pdf", b"%PDF-1.4\n%%garbage", "PDF")]
)
def test_unreadable_pdf_gets_one_clear_line(tmp_path: Path, name: str, data: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    proc = run("parse", str(path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert str(path) in proc.stderr and says in proc.stderr and proc.stderr.count("\n") == 1


@pytest.mark.skipif(shutil.which("pdftotext") is None and not os.environ.get("CI"), reason="poppler-utils not installed")
@pytest.mark.parametrize("pdf", REAL, ids=[p.stem for p in REAL])
def test_real_pdf_as_pdftotext_layout_text(pdf: Path, tmp_path: Path) -> None:
    """The real reports as `pdftotext -layout` prints them (space-aligned columns). Found on
    these files: labels wrapped onto a second line above their numbers (（二）部分公开…，不 /
    计其他情形）), an item numbered “5.” taken for a part heading, a bare 其他 in table 四's
    header claiming its row for table 三, table 四's numbers far below its last header label."""
    gold = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    out = tmp_path / f"{pdf.stem}.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True)
    result = nianbao.parse(out)
    assert result.record.source.layout == "spaces"
    assert score(gold, result.record.to_dict()) == []
