"""``nianbao parse`` and ``nianbao render`` as a user runs them, in a subprocess."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, gold_for, score

NOVEL = (
    "第一章 风雪山神庙\n\n"
    "话说林冲自到沧州牢城营内，每日只在天王堂内烧香扫地，不觉光阴早过了四五十日。\n"
    "那管营、差拨得了贿赂，日久情熟，由他自在，亦不来拘管他。\n"
    "一日，林冲出营前闲走，正行之间，只听得背后有人叫道：“林教头，如何却在这里？”\n"
) * 20


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("nianbao")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "nianbao.cli"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*cmd, *args], capture_output=True, text=True, input=stdin, env=env, timeout=120)


def report_without_tables(seed: Path) -> str:
    """The seed with every table line cut out: the parts are there, the statistics are not."""
    keep = [ln for ln in seed.read_text(encoding="utf-8").split("\n") if "\t" not in ln]
    return "\n".join(keep)


BAD_INPUTS = {
    "empty": b"",
    "whitespace-only": b"   \n\n\t\n",
    "binary-junk": bytes(random.Random(7).randrange(256) for _ in range(5000)),
    "novel-chapter": NOVEL.encode("utf-8"),
    "pdf-not-supported-yet": b"%PDF-1.4\n%junk",
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_not_a_report_exits_2_with_one_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(BAD_INPUTS[name])
    proc = run("parse", str(path), "--json")
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and "Traceback" not in proc.stderr


def test_report_whose_tables_are_missing(tmp_path: Path) -> None:
    path = tmp_path / "no-tables.txt"
    path.write_text(report_without_tables(SEEDS[0]), encoding="utf-8")
    proc = run("parse", str(path))
    assert proc.returncode == 2
    assert "统计表" in proc.stderr and str(path) in proc.stderr


def test_missing_file_and_folder(tmp_path: Path) -> None:
    proc = run("parse", str(tmp_path / "nope.txt"), str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 2
    assert "文件不存在" in proc.stderr and "文件夹" in proc.stderr


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    """Several files → JSON Lines in the order given; a bad one in the middle is one line
    on stderr and exit 2, and the records after it still come out."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    files = [SEEDS[0], bad, SEEDS[1], SEEDS[4]]
    proc = run("parse", *map(str, files), "--json")
    assert proc.returncode == 2
    records = [json.loads(line) for line in proc.stdout.strip().split("\n")]
    assert [r["title"] for r in records] == [gold_for(p)["title"] for p in (SEEDS[0], SEEDS[1], SEEDS[4])]
    for r, p in zip(records, (SEEDS[0], SEEDS[1], SEEDS[4]), strict=False):
        assert score(gold_for(p), r) == []
    assert "bad.txt" in proc.stderr and proc.stderr.count("\n") == 1


def test_parse_single_file_json_matches_gold() -> None:
    proc = run("parse", str(SEEDS[1]), "--json")
    assert proc.returncode == 0, proc.stderr
    assert score(gold_for(SEEDS[1]), json.loads(proc.stdout)) == []


def test_parse_table_prints_the_tables() -> None:
    proc = run("parse", str(SEEDS[0]), "--table")
    assert proc.returncode == 0, proc.stderr
    assert "交道口街道2023年政府信息公开工作年度报告" in proc.stdout
    assert "行政处罚" in proc.stdout and "850" in proc.stdout
    assert "一、本年新收政府信息公开申请" in proc.stdout and "（七）总计" in proc.stdout


@pytest.mark.parametrize("layout", ["cells", "tabs", "pipes", "spaces"])
def test_render_then_parse_gives_gold_back(layout: str, tmp_path: Path) -> None:
    for seed in SEEDS:
        record = tmp_path / f"{seed.stem}.json"
        record.write_text(json.dumps(gold_for(seed), ensure_ascii=False), encoding="utf-8")
        out = tmp_path / f"{seed.stem}.{layout}.txt"
        proc = run("render", str(record), "--to", "txt", "--layout", layout, "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        parsed = run("parse", str(out), "--json")
        assert parsed.returncode == 0, parsed.stderr
        assert score(gold_for(seed), json.loads(parsed.stdout)) == []


def test_render_refuses_a_broken_record(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = run("render", str(bad))
    assert proc.returncode == 2 and "bad.json" in proc.stderr and "Traceback" not in proc.stderr
