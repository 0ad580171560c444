"""Round trip over synthetic records: render in every output format, parse back, compare.

    python benchmarks/roundtrip_accuracy.py [--n 200] [--formats txt,md,html,docx,pdf] [--seed 7]

For each format prints the share of fields (every table value, title, agency, year,
template) that come back exactly, and the seconds it took to write and to read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nianbao  # noqa: E402
from nianbao.synth import synth_corpus  # noqa: E402


def fields(record: dict) -> dict[str, object]:
    out: dict[str, object] = {k: record.get(k) for k in ("title", "agency", "year", "template")}
    for table in ("applications", "review_litigation"):
        for key, vals in (record.get(table) or {}).items():
            for i, v in enumerate(vals):
                out[f"{table}.{key}[{i}]"] = v
    for row in record.get("proactive") or []:
        for k, v in row["values"].items():
            out[f"proactive[{row['article']} {row['item']}].{k}"] = v
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--formats", default="txt,md,html,docx,pdf")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        t0 = time.perf_counter()
        files = synth_corpus(out, args.n, formats, seed=args.seed)
        t_write = time.perf_counter() - t0
        got: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # matched, total, files
        read_time: dict[str, float] = defaultdict(float)
        misses: dict[str, list[str]] = defaultdict(list)
        for path in files:
            fmt = path.suffix.lstrip(".")
            truth = fields(json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
            t = time.perf_counter()
            result = nianbao.parse(path)
            read_time[fmt] += time.perf_counter() - t
            parsed = fields(result.record.to_dict()) if result.record else {}
            stats = got[fmt]
            stats[2] += 1
            for k, v in truth.items():
                stats[1] += 1
                ok = parsed.get(k) == v or (isinstance(v, float) and abs((parsed.get(k) or 0) - v) < 1e-6)
                stats[0] += ok
                if not ok and len(misses[fmt]) < 5:
                    misses[fmt].append(f"{path.name}: {k}: expected {v!r}, got {parsed.get(k)!r}")
    print(f"{args.n} records × {len(formats)} formats, written in {t_write:.1f} s")
    for fmt in formats:
        m, t, n = got[fmt]
        print(
            f"{fmt:5s} {m}/{t} fields ({100 * m / max(1, t):.2f}%) over {n} files, read {n / max(read_time[fmt], 1e-9):.1f} files/s"
        )
        for line in misses[fmt]:
            print("      miss", line)


if __name__ == "__main__":
    main()
