"""The shape of the package: stages import only earlier stages, the public API is what
``__all__`` says, every value has provenance, every command is documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

import nianbao
from nianbao.cli import main

PACKAGE = Path(nianbao.__file__).parent
# A stage may import the stages listed for it, and nothing later in the pipeline.
FORBIDDEN = {
    "readers": {"parse", "checks", "render", "cli", "api", "demo", "synth"},
    "formats": {"readers", "parse", "checks", "render", "cli", "api"},
    "parse": {"checks", "render", "cli", "api", "demo", "synth", "office"},
    "checks": {"render", "cli", "api", "demo", "synth", "readers"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
            out.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level >= 2:
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stages_do_not_import_later_stages(stage: str) -> None:
    for path in (PACKAGE / stage).glob("*.py"):
        assert not (_imports(path) & FORBIDDEN[stage]), path


def test_parse_does_no_io() -> None:
    for path in (PACKAGE / "parse").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in ("open(", "read_bytes", "write_text", "sqlite3", "subprocess", "requests"):
            assert call not in text, (path, call)


def test_public_api_is_all() -> None:
    public = {n for n in dir(nianbao) if not n.startswith("_") and not isinstance(getattr(nianbao, n), type(nianbao))}
    assert sorted(public - {"annotations"}) == sorted(nianbao.__all__)


def test_package_is_typed() -> None:
    assert (PACKAGE / "py.typed").exists()


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_every_value_has_provenance(seed: Path) -> None:
    record = nianbao.parse(seed).record
    paths = [f"applications.{k}[{i}]" for k, vals in (record.applications or {}).items() for i in range(len(vals))]
    paths += [f"review_litigation.{k}[{i}]" for k, vals in (record.review_litigation or {}).items() for i in range(len(vals))]
    paths += [f"proactive[{r.article} {r.item}].{k}" for r in record.proactive or [] for k in r.values]
    paths += [f"indicators[{i}]" for i in range(len(record.indicators or []))]
    assert paths
    missing = [p for p in paths if not record.provenance.get(p, {}).get("line")]
    assert missing == []


def test_every_command_is_documented_and_has_help() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"nianbao {name}" in readme or name == "demo" and "make demo" in readme, name
        assert command.help, name
