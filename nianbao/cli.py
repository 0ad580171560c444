"""``nianbao`` command line: each command is a thin shell over one library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .api import parse_many
from .outcome import ParseResult


def _fail(result: ParseResult) -> None:
    click.echo(f"nianbao: {result.describe()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nianbao")
def main() -> None:
    """nianbao（年报）: 政府信息公开工作年度报告的解析、核查与排版。"""


@main.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON output (the default): one record, or JSON Lines for several files.")
@click.option("--table", "as_table", is_flag=True, help="Print the statistics tables readably.")
@click.option("--compact", is_flag=True, help="One line per record even for a single file.")
def parse_cmd(files: tuple[Path, ...], as_json: bool, as_table: bool, compact: bool) -> None:
    """Parse report FILES into records (nianbao.parse)."""
    failed = False
    many = len(files) > 1
    for result in parse_many(files):
        if result.record is None:
            failed = True
            _fail(result)
            continue
        if result.problems:
            click.echo(f"nianbao: {result.describe()}", err=True)
        if as_table:
            from .render.terminal import print_report

            print_report(result.record)
        else:
            indent = None if (many or compact) else 2
            click.echo(result.record.to_json(indent=indent))
    sys.exit(2 if failed else 0)


_COLOURS = {"error": "red", "warning": "yellow", "notice": "cyan"}
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "notice": "提示"}


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the findings as one JSON list.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Language of the messages.")
@click.option("--disable", multiple=True, metavar="RULE", help="Switch a rule off by id (repeatable, or comma-separated).")
@click.option(
    "--rollup", type=click.Path(path_type=Path), help="This report aggregates the others: compare its tables with their sum."
)
def check_cmd(paths: tuple[Path, ...], as_json: bool, lang: str, disable: tuple[str, ...], rollup: Path | None) -> None:
    """Check reports, record JSONs or folders of them (nianbao.check).

    Exit status: 0 no errors, 1 errors found, 2 an input could not be read."""
    from rich.console import Console

    from .api import check
    from .checks import RULES

    off = {r.strip() for d in disable for r in d.split(",") if r.strip()}
    unknown = off - set(RULES)
    if unknown:
        raise click.BadParameter(f"unknown rule id(s): {', '.join(sorted(unknown))}", param_hint="--disable")
    run = check(paths, disable=off, rollup=rollup)
    for bad in run.unreadable:
        _fail(bad)
    if as_json:
        click.echo(json.dumps([f.to_dict(lang) for f in run.findings], ensure_ascii=False, indent=2))
        sys.exit(run.exit_status)
    console = Console(highlight=False, soft_wrap=True)
    by_file: dict[str | None, list] = {}
    for f in run.findings:
        by_file.setdefault(f.file, []).append(f)
    for file in run.files:
        found = by_file.get(file, [])
        console.print(f"[bold]{file}[/bold]" + ("  [green]✓[/green]" if not found else ""))
        for f in found:
            sev = f.severity if lang == "en" else _SEVERITY_ZH[f.severity]
            msg = f.message_en if lang == "en" and f.message_en else f.message
            console.print(f"  [{_COLOURS[f.severity]}]{sev:<7}[/] {f.rule:<16} {msg}")
    for file, found in by_file.items():
        if file not in run.files:
            console.print(f"[bold]{file}[/bold]")
            for f in found:
                console.print(
                    f"  [{_COLOURS[f.severity]}]{f.severity:<7}[/] {f.rule:<16} {f.message_en if lang == 'en' else f.message}"
                )
    counts = (len(run.files), run.count("error"), run.count("warning"), run.count("notice"))
    if lang == "en":
        line = "{} files, {} errors, {} warnings, {} notices".format(*counts)
    else:
        line = "{} 个文件，{} 个错误，{} 个警告，{} 个提示".format(*counts)
    if run.unreadable:
        line += f"；{len(run.unreadable)} 个文件无法读取" if lang == "zh" else f"; {len(run.unreadable)} unreadable"
    console.print(line)
    sys.exit(run.exit_status)


@main.command("render")
@click.argument("record", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "to", type=click.Choice(["txt", "md", "html", "docx", "pdf"]), default="txt", show_default=True)
@click.option(
    "--layout",
    type=click.Choice(["cells", "tabs", "pipes", "spaces"]),
    default="tabs",
    show_default=True,
    help="Table layout of --to txt.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--force", is_flag=True, help="Render even a record whose checks find errors.")
def render_cmd(record: Path, to: str, layout: str, output: Path | None, force: bool) -> None:
    """Render a RECORD (JSON as `parse --json` prints it) in the official layout (nianbao.render)."""
    from .checks import check_report
    from .record import Report
    from .render import render

    try:
        report = Report.from_json(record.read_bytes())
    except (ValueError, json.JSONDecodeError) as exc:
        click.echo(f"nianbao: {record}: 不是有效的记录 JSON（{str(exc).splitlines()[0]}）", err=True)
        sys.exit(2)
    errors = [f for f in check_report(report, str(record)) if f.severity == "error"]
    if errors and not force:
        for f in errors:
            click.echo(f"nianbao: {record}: {f.rule} {f.message}", err=True)
        click.echo(f"nianbao: {record}: 记录有 {len(errors)} 个错误，不予排版（--force 可强制输出）", err=True)
        sys.exit(1)
    from .errors import NianbaoError

    try:
        data = render(report, to=to, layout=layout)
    except NianbaoError as exc:
        click.echo(f"nianbao: {record}: {exc}", err=True)
        sys.exit(2)
    if output:
        output.write_bytes(data)
    elif to in ("docx", "pdf"):
        click.echo(f"nianbao: .{to} 是二进制文件，请用 -o 指定输出文件", err=True)
        sys.exit(2)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@main.command("synth")
@click.option("--n", "n", type=int, default=20, show_default=True, help="How many reports.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--formats", default="txt", show_default=True, help="Comma-separated: txt, md, html, docx, pdf.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--faults", type=float, default=0.0, show_default=True, help="Share of reports with one planted fault (0–1).")
def synth_cmd(n: int, out: Path, formats: str, seed: int, faults: float) -> None:
    """Make a corpus of realistic reports of made-up agencies, each with its ground truth (nianbao.synth)."""
    from .errors import NianbaoError
    from .render import FORMATS
    from .synth import synth_corpus

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format(s) {', '.join(unknown)}; one of {', '.join(FORMATS)}", param_hint="--formats")
    try:
        written = synth_corpus(out, n, wanted, seed=seed, faults=faults)
    except NianbaoError as exc:
        click.echo(f"nianbao: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{len(written)} 份报告（及其标准答案 JSON）已写入 {out}")


@main.command("demo")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("demo"), show_default=True)
@click.option("-n", "n", type=int, default=8, show_default=True, help="How many reports to make.")
def demo_cmd(out: Path, n: int) -> None:
    """Make sample reports with the renderer, parse them back, store and show them (nianbao.demo)."""
    from rich.console import Console
    from rich.table import Table as RichTable

    from .api import parse
    from .demo import run_demo, summary
    from .render.terminal import print_report

    rows = run_demo(out, n=n)
    console = Console()
    t = RichTable(title=f"nianbao demo：生成 {len(rows)} 份报告并解析回来（{out}/）", title_justify="left")
    for head in ("文件", "机关", "年度", "格式", "版式", "数值", "不符"):
        t.add_column(head)
    for r in rows:
        t.add_row(r.file.name, r.agency, str(r.year), r.template, r.layout, str(r.values), str(r.wrong))
    console.print(t)
    wrong = sum(r.wrong for r in rows)
    console.print(f"共 {sum(r.values for r in rows)} 个数值，解析不符 {wrong} 个；记录已存入 {out / 'nianbao.db'}")
    console.print("各机关新收申请（总计），取自数据库：")
    for agency, year, received in summary(out):
        console.print(f"  {year}  {agency}  {received} 件")
    console.print()
    first = parse(rows[0].file).record
    if first is not None:
        print_report(first, console)
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
