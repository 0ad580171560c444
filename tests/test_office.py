"""Files that go through LibreOffice (.doc, .wps, .xls, PDF rendering), .xlsx workbooks and
Markdown. CI installs LibreOffice; on a machine without it these tests are skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import GOLD, score
from test_cli import run

import nianbao
from nianbao.office import convert, soffice
from nianbao.record import Report
from nianbao.render import render

needs_office = pytest.mark.skipif(soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed")
GOLDS = sorted(GOLD.glob("*.json"))


def gold(i: int) -> tuple[dict, Report]:
    data = json.loads(GOLDS[i].read_text(encoding="utf-8"))
    return data, Report.model_validate(data)


@needs_office
@pytest.mark.parametrize("i", range(5), ids=[p.stem[:3] for p in GOLDS])
def test_rendered_pdf_parses_back_exactly(i: int, tmp_path: Path) -> None:
    """Our .docx, printed to PDF by LibreOffice, read by our PDF reader: every gold field."""
    data, rep = gold(i)
    path = tmp_path / "r.pdf"
    path.write_bytes(render(rep, "pdf"))
    result = nianbao.parse(path)
    assert result.status == nianbao.Status.SUCCESS, result.problems
    assert score(data, result.record.to_dict()) == []


@needs_office
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_word_97_file_via_libreoffice(suffix: str, tmp_path: Path) -> None:
    """A .doc, and the same bytes named .wps (WPS saves Word-97 binaries), read by content."""
    data, rep = gold(0)
    path = tmp_path / f"report{suffix}"
    path.write_bytes(convert(render(rep, "docx"), ".docx", "doc"))
    result = nianbao.parse(path)
    assert result.record is not None, result.problems
    assert result.record.source.mimetype == "application/msword"
    assert score(data, result.record.to_dict()) == []


@needs_office
def test_excel_97_statistics_via_libreoffice(tmp_path: Path) -> None:
    data, rep = gold(1)
    xlsx = _workbook(rep)
    path = tmp_path / "tables.et"
    path.write_bytes(convert(xlsx, ".xlsx", "xls"))
    result = nianbao.parse(path)
    assert result.record is not None, result.problems
    assert result.record.applications == data["applications"]


def _workbook(rep: Report) -> bytes:
    """The report's tables as a workbook, one table after another on one sheet, title above."""
    import io

    import openpyxl

    from nianbao.render.layout import LaidTable, layout_report

    laid = layout_report(rep)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([laid.title])
    for block in laid.blocks:
        if isinstance(block, LaidTable):
            for row in block.rows:
                ws.append([int(c) if c and c.lstrip("+-").isdigit() else (c or None) for c in row])
            ws.append([])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_statistics_tables(tmp_path: Path) -> None:
    data, rep = gold(1)
    path = tmp_path / "tables.xlsx"
    path.write_bytes(_workbook(rep))
    result = nianbao.parse(path)
    assert result.record is not None, result.problems
    assert (result.record.title, result.record.year, result.record.template) == (data["title"], 2020, "2019")
    assert result.record.applications == data["applications"]
    assert result.record.review_litigation == data["review_litigation"]


@pytest.mark.parametrize("i", range(5), ids=[p.stem[:3] for p in GOLDS])
def test_markdown_parses_back(i: int) -> None:
    data, rep = gold(i)
    md = render(rep, "md").decode("utf-8")
    assert md.startswith("# ") and "|---|" in md
    assert score(data, nianbao.parse_text(md).record.to_dict()) == []


@needs_office
def test_render_cli_pdf(tmp_path: Path) -> None:
    data, rep = gold(2)
    src = tmp_path / "r.json"
    src.write_text(rep.to_json(), encoding="utf-8")
    out = tmp_path / "r.pdf"
    proc = run("render", str(src), "--to", "pdf", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert score(data, nianbao.parse(out).record.to_dict()) == []


@needs_office
def test_pdf_table_split_over_two_pages_with_repeated_header(tmp_path: Path) -> None:
    """Table 三 runs over a page break; the header rows repeat on the next page (tblHeader)
    and must not be read as data: every value still lands in its row."""
    data, rep = gold(0)
    path = tmp_path / "r.pdf"
    path.write_bytes(render(rep, "pdf"))
    doc = nianbao.read_document(path)
    header_pages = {c.prov.page for t in doc.tables for r in t.rows for c in r if c.text.replace("\n", "") == "自然人"}
    record = nianbao.parse(path).record
    pages = {record.provenance[f"applications.{k}[0]"]["page"] for k in record.applications}
    assert len(pages) == 2 and pages <= header_pages
    assert score(data, record.to_dict()) == []


@needs_office
@pytest.mark.parametrize("i", range(5), ids=[p.stem[:3] for p in GOLDS])
def test_three_line_table_pdf(i: int, tmp_path: Path) -> None:
    """三线表: rules only above, under the header and below; no vertical rules, so no table
    finder sees a table. Word boxes with wide gaps are read as columns instead."""
    import pdfplumber

    from nianbao.render.docx import render_docx

    data, rep = gold(i)
    path = tmp_path / "three-line.pdf"
    path.write_bytes(convert(render_docx(rep, three_line=True), ".docx", "pdf"))
    with pdfplumber.open(path) as pdf:
        assert not any(page.find_tables() for page in pdf.pages)
    result = nianbao.parse(path)
    assert result.status == nianbao.Status.SUCCESS, result.problems
    assert score(data, result.record.to_dict()) == []
