"""The house's layers hold: import-linter's contracts (pyproject.toml) are kept by the code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(cwd: Path, src: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    script = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run(
        [sys.executable, "-c", script, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_every_layer_imports_only_from_below() -> None:
    result = _lint_imports(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_import_upwards_breaks_the_contract(tmp_path: Path) -> None:
    # A copy of the package where the kit imports the engine: the contract must say so.
    import shutil

    shutil.copytree(ROOT / "src" / "survivalkit", tmp_path / "src" / "survivalkit",
                    ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    glossary = tmp_path / "src" / "survivalkit" / "kit" / "glossary.py"
    glossary.write_text(glossary.read_text("utf-8") + "\n\ndef _late() -> None:\n"
                        "    from survivalkit.engine import triage  # noqa: F401\n", "utf-8")
    result = _lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "survivalkit.kit is not allowed to import survivalkit.engine" in result.stdout
