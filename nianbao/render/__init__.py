"""Record → report: the official layout, written as text (and later .docx/.pdf/.html)."""

from __future__ import annotations

from ..record import Report
from .html import render_html
from .layout import LaidOut, LaidTable, layout_report
from .text import LAYOUTS, render_markdown, render_text

__all__ = [
    "FORMATS",
    "LAYOUTS",
    "LaidOut",
    "LaidTable",
    "layout_report",
    "render",
    "render_html",
    "render_markdown",
    "render_text",
]

FORMATS = ("txt", "md", "html", "docx", "pdf")


def render(report: Report, to: str = "txt", layout: str = "tabs") -> bytes:
    """The report as a file's bytes in the official layout: ``txt`` (in ``layout``), ``html``, ``docx``."""
    if to == "txt":
        return render_text(report, layout).encode("utf-8")
    if to == "html":
        return render_html(report).encode("utf-8")
    if to == "md":
        return render_markdown(report).encode("utf-8")
    if to in ("docx", "pdf"):
        from .docx import render_docx

        docx = render_docx(report)
        if to == "docx":
            return docx
        from ..office import convert

        return convert(docx, ".docx", "pdf")
    raise ValueError(f"unknown output format {to!r}; one of {', '.join(FORMATS)}")
