"""A regular install in a fresh virtual environment finds the bundled kit."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_wheel_installs_and_lists_the_bundled_kit(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    [wheel] = dist.glob("survivalkit-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, capture_output=True, timeout=600)
    result = subprocess.run([str(env_dir / "bin" / "survivalkit"), "list", "--lang", "fr"],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "memo-achat-public" in result.stdout and "pass-fab-lab" in result.stdout
    check = subprocess.run([str(env_dir / "bin" / "survivalkit"), "validate"],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    # The sheets' templates and style sheets travel as package data.
    sheet = subprocess.run([str(env_dir / "bin" / "survivalkit"), "sheets", "memo-achat-public",
                            "--format", "html", "-o", "fiche.html", "--lang", "fr"],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert sheet.returncode == 0, sheet.stdout + sheet.stderr
    page = (tmp_path / "fiche.html").read_text("utf-8")
    assert 'class="sheet-title"' in page and ".sheet .chips" in page
