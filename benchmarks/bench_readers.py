"""Reader speed on real-structure files, measured in one run.

    python benchmarks/bench_readers.py [--n 20]

PDF: the real reports in ../shared/real plus N synthetic reports printed by LibreOffice;
prints pages/s for nianbao's PDF reader (document with tables and text) and for
pdfplumber's extract_tables() alone on the same files, and their ratio (ours / pdfplumber:
below 1 means ours is faster). DOCX: N synthetic .docx, reports/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

import nianbao  # noqa: E402
from nianbao.synth import synth_corpus  # noqa: E402

REAL = ROOT.parent / "shared" / "real"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        files = synth_corpus(out, args.n, ["pdf", "docx"], seed=3)
        pdfs = sorted(REAL.glob("*.pdf")) + [f for f in files if f.suffix == ".pdf"]
        docxs = [f for f in files if f.suffix == ".docx"]
        pages = 0
        for p in pdfs:
            with pdfplumber.open(p) as pdf:
                pages += len(pdf.pages)
        t0 = time.perf_counter()
        for p in pdfs:
            nianbao.read_document(p)
        ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in pdfs:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_tables()
        theirs = time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in docxs:
            nianbao.parse(p)
        docx_t = time.perf_counter() - t0
    print(f"PDF: {len(pdfs)} files, {pages} pages")
    print(f"  nianbao read_document:      {pages / ours:.1f} pages/s ({1000 * ours / pages:.0f} ms/page)")
    print(f"  pdfplumber extract_tables:  {pages / theirs:.1f} pages/s ({1000 * theirs / pages:.0f} ms/page)")
    print(f"  ratio ours/pdfplumber time: {ours / theirs:.2f} (goal < 1)")
    print(f"DOCX: {len(docxs)} files parsed at {len(docxs) / docx_t:.1f} reports/s")


if __name__ == "__main__":
    main()
