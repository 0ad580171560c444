"""Validated models of the official-format data files in ``formats/data``.

The files are the single description of each format version; parser, checker and renderer
read labels, layout and arithmetic from these objects, never from their own constants.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Years(_Spec):
    """Report years (not publication years) a format is meant for, both ends inclusive."""

    first: int | None = None
    last: int | None = None

    def covers(self, year: int) -> bool:
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


class Part(_Spec):
    number: str
    heading: str
    keys: list[str]
    table: str | None = None  # the statistics table this part holds


class Column(_Spec):
    key: str
    label: str
    variants: list[str] = []
    money: bool = False
    signed: bool = False

    @property
    def labels(self) -> list[str]:
        return [self.label, *self.variants]


class ProactiveRow(_Spec):
    item: str
    variants: list[str] = []
    group: bool = False  # a row that may instead head custom rows (其他对外管理服务事项)

    @property
    def labels(self) -> list[str]:
        return [self.item, *self.variants]


class ProactiveBlock(_Spec):
    article: str
    heading: str
    columns: list[Column]
    rows: list[ProactiveRow]


class ProactiveTable(_Spec):
    title: str
    label_column: str
    blocks: list[ProactiveBlock]


class Row(_Spec):
    key: str
    label: str
    short: str | None = None  # how a finding's arithmetic names the row
    variants: list[str] = []
    groups: list[str] = []

    @property
    def labels(self) -> list[str]:
        return [self.label, *self.variants]


class ColumnGroup(_Spec):
    label: str
    columns: list[str]


class Identity(_Spec):
    """``Σ sum == Σ equals`` over every row (cells named by column) or every column."""

    rule: str
    for_each: str  # "row" | "column"
    sum: list[str]
    equals: list[str]


class GridTable(_Spec):
    """A table of named rows × named columns: 三 (applications) and 四 (review_litigation)."""

    title: str
    note: str | None = None
    header_group: str | None = None
    column_groups: list[ColumnGroup] = []
    columns: list[Column]
    rows: list[Row]
    outcome_rows: list[str] = []
    identities: list[Identity] = []

    @property
    def row_keys(self) -> list[str]:
        return [r.key for r in self.rows]

    @property
    def column_keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @model_validator(mode="after")
    def _identities_name_known_cells(self) -> GridTable:
        for ident in self.identities:
            known = self.column_keys if ident.for_each == "row" else self.row_keys
            unknown = [k for k in ident.sum + ident.equals if k not in known]
            if unknown:
                raise ValueError(f"identity {ident.rule} names unknown keys {unknown}")
        return self


class IndicatorNode(_Spec):
    label: str
    key: str | None = None
    unit: str | None = None
    variants: list[str] = []
    sum_of_children: bool = False
    children: list[IndicatorNode] = []


class IndicatorTable(_Spec):
    title: str
    columns: list[str]
    rows: list[IndicatorNode]

    def nodes(self) -> list[tuple[IndicatorNode, int]]:
        """Every row of the tree in printed order, with its depth (0 for 一、…)."""
        out: list[tuple[IndicatorNode, int]] = []

        def walk(nodes: list[IndicatorNode], depth: int) -> None:
            for n in nodes:
                out.append((n, depth))
                walk(n.children, depth + 1)

        walk(self.rows, 0)
        return out


class IndicatorIdentity(_Spec):
    rule: str
    kind: str  # "children_at_least": Σ children of `node` >= value of `than`
    node: str
    than: str


class FormatSpec(_Spec):
    id: str
    name: str
    years: Years = Years()
    detect: list[str] = []
    parts: list[Part] = []
    fee_part: str | None = None
    units: list[str] = []
    proactive: ProactiveTable | None = None
    applications: GridTable | None = None
    review_litigation: GridTable | None = None
    indicators: IndicatorTable | None = None
    identities: list[IndicatorIdentity] = Field(default_factory=list)

    @property
    def grid_tables(self) -> dict[str, GridTable]:
        """The named-row tables of this format by record key."""
        out = {}
        if self.applications:
            out["applications"] = self.applications
        if self.review_litigation:
            out["review_litigation"] = self.review_litigation
        return out
