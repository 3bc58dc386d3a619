"""The benchmark's generated kits are honest: distinct tools that survivalkit reads as tools, and
the generator stops loudly when it no longer applies (it once carried on, making identical files)."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from survivalkit.kit.loader import bundled_kit_dir, load_kit

REPO = Path(__file__).resolve().parents[1]


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_tools_are_distinct_and_valid(tmp_path: Path) -> None:
    run = bench()
    kit = run.make_kit(bundled_kit_dir(), 4, tmp_path / "kit")
    files = sorted((kit / "tools").iterdir())
    assert len(files) == 4
    assert len({hashlib.blake2b(f.read_bytes()).digest() for f in files}) == 4
    loaded = load_kit([bundled_kit_dir(), kit])
    cards = {c.id: c for c in loaded.kit.cards()}
    titles = {str(cards[f.stem].title) for f in files}
    assert len(titles) == 4
    templates = {doc.template for f in files for doc in loaded.kit.tools[f.stem].documents}
    assert len(templates) >= 4  # every template text differs too: no cache hits across copies


def test_the_generator_fails_loudly_when_it_no_longer_applies(tmp_path: Path) -> None:
    run = bench()
    fake = tmp_path / "bundled"
    shutil.copytree(bundled_kit_dir(), fake)
    (fake / "tools" / f"{run.GENERATED_FROM}.yaml").write_text("schema_version: 1\ntitle: x\n", "utf-8")
    with pytest.raises(run.GeneratorError):
        run.make_kit(fake, 3, tmp_path / "kit")
