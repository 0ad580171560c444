"""The synthetic corpus: consistent records, every file parses back to its ground truth,
and every planted fault is found by the check it was planted for."""

from __future__ import annotations

import json
import random
from pathlib import Path

from test_cli import run

import nianbao
from nianbao.checks import check_report
from nianbao.synth import FAULTS, plant_fault, synth_corpus, synth_record


def test_synthetic_records_pass_every_check() -> None:
    rng = random.Random(3)
    for _ in range(40):
        rec = synth_record(rng)
        assert [f.rule for f in check_report(rec) if f.severity != "notice"] == []


def test_each_planted_fault_is_found() -> None:
    rng = random.Random(4)
    for rule in FAULTS:
        for _ in range(5):
            rec = synth_record(rng)
            planted = plant_fault(rec, rule, rng)
            found = [(f.rule, f.where) for f in check_report(rec)]
            assert (planted["rule"], planted["where"]) in found, (rule, found)


def test_corpus_files_parse_back_to_their_truth(tmp_path: Path) -> None:
    files = synth_corpus(tmp_path, 6, ["txt", "md", "html", "docx"], seed=11, faults=0.5)
    assert len(files) == 24
    planted = 0
    for path in files:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        record = nianbao.parse(path).record
        assert record is not None
        assert (record.title, record.year, record.template) == (truth["title"], truth["year"], truth["template"])
        assert record.applications == truth["applications"]
        assert record.review_litigation == truth["review_litigation"]
        for p in truth.get("planted", []):
            planted += 1
            assert (p["rule"], p["where"]) in [(f.rule, f.where) for f in check_report(record)]
    assert planted > 0


def test_synth_cli(tmp_path: Path) -> None:
    proc = run("synth", "--n", "3", "--out", str(tmp_path), "--formats", "txt,html", "--seed", "2")
    assert proc.returncode == 0, proc.stderr
    assert len(list(tmp_path.glob("*.txt"))) == 3 and len(list(tmp_path.glob("*.json"))) == 6
    assert run("synth", "--n", "1", "--out", str(tmp_path), "--formats", "odt").returncode == 2
