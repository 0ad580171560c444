"""nianbao（年报）: read, check and render China's government information disclosure annual
reports (政府信息公开工作年度报告) deterministically.

Pipeline: ``read_document`` (file → Document) → ``document_to_record`` (Document → Report)
→ checks → store / render. ``parse(path)`` runs the first two.
"""

from __future__ import annotations

from .api import parse, parse_bytes, parse_many, parse_text
from .document import Cell, Document, Origin, Paragraph, Prov, Table
from .errors import NianbaoError, NotAReport, NotText, ReadError, UnsupportedFormat
from .formats import FormatSpec, get_format, load_formats
from .outcome import ParseResult, Status
from .parse import document_to_record
from .readers import read_document, text_to_document
from .record import Indicator, Note, ProactiveRow, Report, Section

__version__ = "0.1.0"

__all__ = [
    "Cell",
    "Document",
    "FormatSpec",
    "Indicator",
    "NianbaoError",
    "NotAReport",
    "NotText",
    "Note",
    "Origin",
    "Paragraph",
    "ParseResult",
    "ProactiveRow",
    "Prov",
    "ReadError",
    "Report",
    "Section",
    "Status",
    "Table",
    "UnsupportedFormat",
    "document_to_record",
    "get_format",
    "load_formats",
    "parse",
    "parse_bytes",
    "parse_many",
    "parse_text",
    "read_document",
    "text_to_document",
]
