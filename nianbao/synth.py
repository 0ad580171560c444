"""Made-up but realistic report records, consistent with every identity of their format.

Used for the demo, the benchmarks and round-trip tests: a record rendered by our renderer
and parsed back must come back unchanged, so these are ground truth by construction.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from .formats import FormatSpec, format_for_year
from .record import ProactiveRow, Report, Section

_REGIONS = [
    ("北京市", "朝阳区"),
    ("北京市", "东城区"),
    ("江苏省淮安市", "洪泽区"),
    ("河南省洛阳市", "西工区"),
    ("四川省成都市", "武侯区"),
    ("湖北省孝感市", "孝南区"),
    ("山东省威海市", "文登区"),
    ("浙江省杭州市", "西湖区"),
]
_STREETS = ["东湖", "建国门", "交道口", "金谷园", "望京", "三里屯", "湖滨", "北新桥", "红星", "东风"]
_BUREAUS = ["教育局", "民政局", "生态环境局", "市场监督管理局", "住房和城乡建设局", "卫生健康委员会", "财政局", "交通运输局"]


def synth_agency(rng: random.Random) -> tuple[str, str]:
    """(agency as the title names it, kind): a street office, a district bureau or a district government."""
    province_city, district = rng.choice(_REGIONS)
    city = province_city.removeprefix("江苏省").removeprefix("河南省").removeprefix("四川省")
    city = city.removeprefix("湖北省").removeprefix("山东省").removeprefix("浙江省")
    kind = rng.choices(["street", "bureau", "government"], weights=[5, 4, 1])[0]
    if kind == "street":
        return f"{city}{district}人民政府{rng.choice(_STREETS)}街道办事处", kind
    if kind == "bureau":
        return f"{city}{district}{rng.choice(_BUREAUS)}", kind
    return f"{city}{district}人民政府", kind


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` spread over ``parts`` buckets, most of it in the first (自然人 dominates)."""
    out = [0] * parts
    for _ in range(total):
        out[0 if rng.random() < 0.85 else rng.randrange(parts)] += 1
    return out


def _applications(spec: FormatSpec, volume: int, rng: random.Random) -> dict[str, list[int | None]]:
    grid = spec.applications
    assert grid is not None
    ncol = len(grid.columns) - 1  # the last column is 总计
    outcomes = grid.outcome_rows
    new = _split(volume, ncol, rng)
    carried = _split(rng.choice([0, 0, 0, rng.randrange(0, max(1, volume // 5) + 1)]), ncol, rng)
    rows: dict[str, list[int]] = {r.key: [0] * ncol for r in grid.rows}
    rows["new_received"], rows["carried_over"] = new, carried
    weights = [30, 10, 1, 1, 1, 2, 2, 2, 1, 1, 25, 5, 3, 4, 2, 1, 1, 1] + [2] * (len(outcomes) - 18)
    for c in range(ncol):
        incoming = new[c] + carried[c]
        forward = rng.randrange(0, incoming // 6 + 1) if incoming else 0
        rows["carried_forward"][c] = forward
        for _ in range(incoming - forward):
            rows[rng.choices(outcomes, weights=weights[: len(outcomes)])[0]][c] += 1
        rows["total_processed"][c] = incoming - forward
    return {k: [*v, sum(v)] for k, v in ((r.key, rows[r.key]) for r in grid.rows)}


def _review(spec: FormatSpec, rng: random.Random) -> dict[str, list[int | None]]:
    grid = spec.review_litigation
    assert grid is not None
    out: dict[str, list[int | None]] = {}
    for row in grid.rows:
        parts = [rng.choice([0, 0, 0, 1, 2]) for _ in grid.columns[:-1]]
        out[row.key] = [*parts, sum(parts)]
    return out


def _proactive(spec: FormatSpec, kind: str, rng: random.Random) -> list[ProactiveRow]:
    assert spec.proactive is not None
    scale = {"street": 1, "bureau": 20, "government": 200}[kind]
    rows = []
    for block in spec.proactive.blocks:
        for r in block.rows:
            if r.group:
                continue
            values: dict[str, int | float | None] = {}
            for col in block.columns:
                if col.money:
                    values[col.key] = round(rng.random() * 50 * scale, 4) if kind != "street" else 0
                elif col.signed:
                    values[col.key] = rng.randrange(-20, 21) * scale // 5
                else:
                    values[col.key] = rng.randrange(0, 10 * scale + 1)
            rows.append(ProactiveRow(article=block.article, item=r.item, values=values))
    return rows


def synth_record(rng: random.Random, year: int | None = None) -> Report:
    """One consistent record for a made-up agency, in the format its year used (2019 on)."""
    year = year or rng.randrange(2019, 2026)
    spec = format_for_year(year)
    if spec.applications is None:
        raise ValueError(f"{year}: synthetic records start with the 2019 format")
    agency, kind = synth_agency(rng)
    volume = {"street": rng.randrange(0, 11), "bureau": rng.randrange(0, 120), "government": rng.randrange(20, 3000)}[kind]
    apps = _applications(spec, volume, rng)
    total_new = apps["new_received"][-1]
    sections = {
        p.number: Section(heading=p.heading, text=text)
        for p, text in zip(
            spec.parts,
            [
                f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》，全年共新收政府信息公开申请{total_new}件。",
                f"{year}年主动公开政府信息情况如下表。",
                f"{year}年收到和处理政府信息公开申请情况如下表。",
                "政府信息公开行政复议、行政诉讼情况如下表。",
                "一是公开内容的全面性有待加强；二是解读回应的及时性有待提高。下一步将加强培训，完善制度。",
                "本年度未收取信息处理费。" if spec.id == "2021" else "无。",
            ],
            strict=False,
        )
    }
    return Report(
        title=f"{agency}{year}年政府信息公开工作年度报告",
        agency=agency,
        year=year,
        template=spec.id,
        sections=sections,
        proactive=_proactive(spec, kind, rng),
        applications=apps,
        review_litigation=_review(spec, rng),
    )


# ------------------------------------------------------------------------------ the corpus

FAULTS = ("T3-ROW-SUM", "T3-BALANCE", "T4-TOTAL", "PARTS", "TEXT-TABLE", "TEMPLATE-YEAR")


def plant_fault(report: Report, rule: str, rng: random.Random) -> dict[str, object]:
    """Break ``report`` so that exactly the check ``rule`` should fire; what was done, as data."""
    apps = report.applications or {}
    if rule == "T3-ROW-SUM":
        key = rng.choice([k for k in apps if k != "total_processed"])
        apps[key][0] = (apps[key][0] or 0) + 1
        return {"rule": rule, "where": {"table": "applications", "row": key, "column": "total"}}
    if rule == "T3-BALANCE":
        apps["carried_forward"][0] = (apps["carried_forward"][0] or 0) + 1
        apps["carried_forward"][-1] = (apps["carried_forward"][-1] or 0) + 1
        return {"rule": rule, "where": {"table": "applications", "row": "total_processed", "column": "natural_person"}}
    if rule == "T4-TOTAL":
        rl = report.review_litigation or {}
        rl["review"][-1] = (rl["review"][-1] or 0) + 1
        return {"rule": rule, "where": {"table": "review_litigation", "row": "review", "column": "total"}}
    if rule == "PARTS":
        number = rng.choice(["5", "6"])
        report.sections.pop(number, None)
        return {"rule": rule, "where": {"section": number}}
    if rule == "TEXT-TABLE":
        total = apps["new_received"][-1] or 0
        one = report.sections["1"]
        one.text = one.text.replace(f"新收政府信息公开申请{total}件", f"新收政府信息公开申请{total + 3}件")
        return {"rule": rule, "where": {"table": "applications", "row": "new_received", "column": "total"}}
    if rule == "TEMPLATE-YEAR":
        report.year = 2020 if report.template == "2021" else 2022
        report.title = f"{report.agency}{report.year}年政府信息公开工作年度报告"
        return {"rule": rule, "where": {"field": "template"}}
    raise ValueError(f"no way to plant {rule}")


def synth_corpus(out: Path, n: int, formats: list[str], seed: int = 0, faults: float = 0.0) -> list[Path]:
    """``n`` reports of made-up agencies in each of ``formats`` (txt, md, html, docx, pdf),
    each with its ground truth beside it (``NAME.json``, planted faults under ``planted``)."""
    from .render import LAYOUTS, render

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    docx_for_pdf: list[Path] = []
    for i in range(n):
        report = synth_record(rng)
        truth = report.to_dict()
        if faults and rng.random() < faults:
            planted = plant_fault(report, rng.choice(FAULTS), rng)
            truth = report.to_dict()
            truth["planted"] = [planted]
        for fmt in formats:
            name = f"{i + 1:05d}-{fmt}"
            (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
            if fmt == "pdf":
                path = out / f"{name}.docx"
                path.write_bytes(render(report, "docx"))
                docx_for_pdf.append(path)
                continue
            path = out / f"{name}.{fmt}"
            layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
            data = render(report, fmt, layout=layout)
            if fmt == "txt" and rng.random() < 0.3:
                data = data.decode("utf-8").encode("gb18030")
            path.write_bytes(data)
            written.append(path)
    if docx_for_pdf:
        from .office import convert_files

        pdfs = convert_files(docx_for_pdf, "pdf", out)
        for p in docx_for_pdf:
            p.unlink()
        written.extend(pdfs)
    return sorted(written)
