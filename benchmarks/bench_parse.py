"""Parse throughput: N distinct seed-sized text reports, parsed from files in one process.

    python benchmarks/bench_parse.py [--n 1000] [--seed 1]

The reports are the five gold records with their numbers redrawn, rendered by our own
renderer in every text layout (cells, tabs, pipes, spaces), half of them GB18030-encoded,
written to a temporary folder. Prints reports/second (wall and CPU, one core) and the
process's peak resident memory. Target: >= 300 reports/s on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nianbao  # noqa: E402
from nianbao.record import Report  # noqa: E402
from nianbao.render import LAYOUTS, render_text  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold"


def redraw(record: dict, rng: random.Random) -> dict:
    rec = json.loads(json.dumps(record))
    for rows in (rec.get("applications") or {}).values():
        for i in range(len(rows)):
            rows[i] = rng.randrange(0, 300)
    for rows in (rec.get("review_litigation") or {}).values():
        for i in range(len(rows)):
            rows[i] = rng.randrange(0, 20)
    for row in rec.get("proactive") or []:
        for k in row["values"]:
            row["values"][k] = rng.randrange(0, 5000)
    for ind in rec.get("indicators") or []:
        ind["value"] = rng.randrange(0, 2000)
    return rec


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    if not golds:
        sys.exit(f"no gold records in {GOLD}")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        total_bytes = 0
        for i in range(args.n):
            rec = Report.model_validate(redraw(golds[i % len(golds)], rng))
            text = render_text(rec, LAYOUTS[i % len(LAYOUTS)])
            data = text.encode("gb18030" if i % 2 else "utf-8")
            path = Path(tmp) / f"r{i:05d}.txt"
            path.write_bytes(data)
            total_bytes += len(data)
            paths.append(path)
        nianbao.load_formats()  # loading the format files is start-up, not per report
        wall0, cpu0 = time.perf_counter(), time.process_time()
        ok = sum(r.record is not None for r in nianbao.parse_many(paths))
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports: {args.n} ({ok} parsed), {total_bytes / args.n / 1024:.1f} KiB each on average")
    print(f"wall: {wall:.2f} s  -> {args.n / wall:.0f} reports/s")
    print(f"cpu:  {cpu:.2f} s  -> {args.n / cpu:.0f} reports/s on one core")
    print(f"peak memory (max RSS of this process): {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
