from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
GOLD = SHARED / "gold"

sys.path.insert(0, str(SHARED / "tools"))


def gold_for(seed: Path) -> dict:
    return json.loads((GOLD / f"{seed.stem}.json").read_text(encoding="utf-8"))


def score(gold: dict, record: dict) -> list[tuple[str, object, object]]:
    """The gold fields the record gets wrong, by shared/tools/score_gold.py's rules."""
    import score_gold

    return [(f, exp, got) for f, exp, got, ok in score_gold.compare(gold, record) if not ok]


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    if not SEEDS:
        pytest.skip("../shared/seeds is not beside the checkout")
    return SEEDS
