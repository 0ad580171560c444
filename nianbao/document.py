"""The neutral document every reader produces: paragraphs and table cells, each with where
it came from. Parsing never looks at file formats, only at this.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class Prov:
    """Where a piece of text came from. ``line`` is 1-based in the decoded text; ``page``,
    ``row``/``col`` (table cell, 0-based) and ``bbox`` are filled by readers that have them."""

    line: int | None = None
    page: int | None = None
    row: int | None = None
    col: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    ocr: bool = False

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {}
        if self.page is not None:
            d["page"] = self.page
        if self.line is not None:
            d["line"] = self.line
        if self.row is not None:
            d["row"] = self.row
        if self.col is not None:
            d["col"] = self.col
        if self.bbox is not None:
            d["bbox"] = list(self.bbox)
        if self.ocr:
            d["ocr"] = True
        return d


@dataclass(slots=True)
class Paragraph:
    text: str
    prov: Prov


@dataclass(slots=True)
class Cell:
    text: str
    prov: Prov
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class Table:
    rows: list[list[Cell]]
    prov: Prov


Block = Paragraph | Table


@dataclass(slots=True)
class Origin:
    """What the document was read from."""

    filename: str | None = None
    mimetype: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    layout: str | None = None  # how the text laid its tables out: cells, tabs, pipes, spaces


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    origin: Origin = field(default_factory=Origin)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
