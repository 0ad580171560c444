"""The five seed reports, as given and under every noise real text carries."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import SEEDS, gold_for, score
from noise import ENCODINGS, TEXT_NOISES

import nianbao

SEED_IDS = [p.stem[:3] for p in SEEDS]


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_seed_matches_gold(seed: Path) -> None:
    result = nianbao.parse(seed)
    assert result.status == nianbao.Status.SUCCESS, result.problems
    assert score(gold_for(seed), result.record.to_dict()) == []


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_seed_parses_without_doubts(seed: Path) -> None:
    """The seeds are clean reports: no value is null, no note is raised."""
    record = nianbao.parse(seed).record
    assert record.notes == []
    for values in (record.applications or {}).values():
        assert None not in values


@pytest.mark.parametrize("noise", list(TEXT_NOISES), ids=list(TEXT_NOISES))
@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_noisy_seed_matches_gold(seed: Path, noise: str) -> None:
    text = seed.read_text(encoding="utf-8")
    noisy = TEXT_NOISES[noise](text, random.Random(f"{seed.stem}-{noise}"))
    assert noisy != text or noise == "fullwidth_digits"
    result = nianbao.parse_text(noisy, filename=f"{seed.stem}-{noise}.txt")
    assert result.record is not None, result.problems
    assert score(gold_for(seed), result.record.to_dict()) == []


@pytest.mark.parametrize("encoding", list(ENCODINGS), ids=list(ENCODINGS))
@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_seed_in_other_encodings(seed: Path, encoding: str, tmp_path: Path) -> None:
    """Encodings are detected from the bytes, not assumed."""
    path = tmp_path / seed.name
    path.write_bytes(ENCODINGS[encoding](seed.read_text(encoding="utf-8")))
    result = nianbao.parse(path)
    assert result.record is not None, result.problems
    assert result.record.source.encoding.startswith(("utf-16", "gb18030", "utf-8"))
    assert score(gold_for(seed), result.record.to_dict()) == []


def test_values_carry_their_line() -> None:
    """Every table value points at the line it was read from; the line holds that number."""
    seed = SEEDS[0]
    lines = seed.read_text(encoding="utf-8").split("\n")
    record = nianbao.parse(seed).record
    for key, values in record.applications.items():
        for i, value in enumerate(values):
            prov = record.provenance[f"applications.{key}[{i}]"]
            assert str(value) in lines[prov["line"] - 1]
    assert record.provenance["applications.new_received[0]"] == {"line": 95, "row": 3, "col": 1}


def test_gold_layout_names() -> None:
    layouts = {p.stem[:3]: nianbao.parse(p).record.source.layout for p in SEEDS}
    assert layouts == {"000": "cells", "001": "cells", "002": "tabs", "003": "cells", "004": "cells"}
