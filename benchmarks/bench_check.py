"""Checking throughput: every rule over N records, in one process.

    python benchmarks/bench_check.py [--n 1000]

The records are made by nianbao.synth (2019 and 2021 formats, with section text) plus the
five seeds parsed; a third get a planted arithmetic fault. They are checked one by one
(check_report) and then all together, with the cross-year rules (check_reports: 200
agencies × 5 consecutive years). Target: 1,000 records in under 2 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nianbao  # noqa: E402
from nianbao.checks import check_report, check_reports  # noqa: E402
from nianbao.synth import synth_record  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(5)
    records = [r.record for r in nianbao.parse_many(sorted(SEEDS.glob("*.txt"))) if r.record is not None]
    series = []
    while len(records) + len(series) < args.n:
        base = synth_record(rng, year=2019)
        for year in range(2019, 2024):
            rec = synth_record(rng, year=year)
            rec.agency, rec.title = base.agency, f"{base.agency}{year}年政府信息公开工作年度报告"
            if rng.random() < 0.33:
                rec.applications["granted"][0] = (rec.applications["granted"][0] or 0) + 1
            series.append(rec)
    records = (records + series)[: args.n]
    t0 = time.perf_counter()
    single = sum(len(check_report(r)) for r in records)
    t1 = time.perf_counter()
    together = len(check_reports([(str(i), r) for i, r in enumerate(records)]))
    t2 = time.perf_counter()
    print(f"records: {len(records)}")
    print(f"check_report, one by one: {t1 - t0:.2f} s ({len(records) / (t1 - t0):.0f} records/s), {single} findings")
    print(f"check_reports, with cross-year rules: {t2 - t1:.2f} s, {together} findings")


if __name__ == "__main__":
    main()
