"""Record → report: the official layout, written as text (and later .docx/.pdf/.html)."""

from __future__ import annotations

from .layout import LaidOut, LaidTable, layout_report
from .text import LAYOUTS, render_text

__all__ = ["LAYOUTS", "LaidOut", "LaidTable", "layout_report", "render_text"]
