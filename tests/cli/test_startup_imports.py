"""Start-up: each command imports what it needs, nothing before (issue 30, point 4).

Measured without any clock: a fresh ``python -m survivalkit`` process, its output piped (plain
output, as from a script), reports the packages it imported. A library that loads where it is
not needed costs every start (Rich about 10 ms, PyYAML 7, jinja2 10, markdown-it 9).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = """
import json, runpy, sys
report, sys.argv = sys.argv[1], ["survivalkit", *sys.argv[2:]]
try:
    runpy.run_module("survivalkit", run_name="__main__")
finally:
    with open(report, "w", encoding="utf-8") as handle:
        json.dump(sorted(sys.modules), handle)
"""

HEAVY = {"rich", "pydantic", "yaml", "jinja2", "markdown_it", "email.policy", "weasyprint"}
"""Packages, and ``email.policy`` (writing an e-mail draft; typer's own start reads package
metadata, which loads ``email.message``)."""


def _modules(tmp_path: Path, *args: str) -> list[str]:
    """Every module a run of the command imported; it must succeed."""
    report = tmp_path / "modules.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    env.update(SURVIVALKIT_HOME=str(tmp_path / "data"), NO_COLOR="1", SURVIVALKIT_NO_INPUT="1")
    done = subprocess.run([sys.executable, "-c", DRIVER, str(report), *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    names: list[str] = json.loads(report.read_text(encoding="utf-8"))
    return names


def _imported(tmp_path: Path, *args: str) -> set[str]:
    """The packages (and the modules of ``HEAVY``) a run of the command imported; it must succeed."""
    names = _modules(tmp_path, *args)
    return {name.split(".")[0] for name in names} | (set(names) & HEAVY)


def _commands(names: list[str]) -> set[str]:
    prefix = "survivalkit.cli.commands."
    return {name.removeprefix(prefix) for name in names if name.startswith(prefix)}


def test_a_command_builds_only_itself_and_the_help_builds_them_all(tmp_path: Path) -> None:
    """The first word names the command: the other commands' modules are not imported."""
    assert _commands(_modules(tmp_path, "run", "--help")) == {"journey", "run_cmd"}
    assert _commands(_modules(tmp_path, "glossary", "--help")) == {"journey", "catalog_cmds"}
    everything = _commands(_modules(tmp_path, "--help"))
    assert {"run_cmd", "sheets_cmd", "validate_cmd", "update_cmd"} <= everything


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_import_no_heavy_library(tmp_path: Path, args: list[str]) -> None:
    assert _imported(tmp_path, *args) & HEAVY == set()


def test_a_command_help_loads_neither_the_kit_nor_rich(tmp_path: Path) -> None:
    """(typer reads the options' types with pydantic: its own cost)"""
    assert _imported(tmp_path, "run", "--help") & (HEAVY - {"pydantic"}) == set()


def test_list_with_a_warm_cache_reads_no_yaml_and_renders_nothing(tmp_path: Path) -> None:
    _imported(tmp_path, "list")  # fills the kit cache
    imported = _imported(tmp_path, "list")
    assert imported & {"rich", "yaml", "jinja2", "markdown_it", "weasyprint"} == set()


def _example_answers(tmp_path: Path, tool: str) -> Path:
    """An answers file holding the tool's first example (as the benchmark runs it)."""
    from survivalkit.kit.loader import bundled_kit_dir
    from survivalkit.kit.yamlread import read_yaml

    located, _ = read_yaml(bundled_kit_dir() / "tools" / f"{tool}.yaml")
    assert located is not None
    example = located.data["examples"][0]
    path = tmp_path / "answers.yaml"
    data = {"tool": tool, "date": str(example.get("date") or "2026-11-26"), "answers": example["answers"]}
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return path


def test_a_run_to_markdown_and_html_from_a_script_prints_without_rich(tmp_path: Path) -> None:
    out = tmp_path / "out"
    answers = _example_answers(tmp_path, "memo-achat-public")
    args = ["run", "memo-achat-public", "--answers", str(answers), "--format", "md,html", "-o", str(out)]
    imported = _imported(tmp_path, *args)
    assert any(out.glob("*.html"))
    assert imported & {"rich", "weasyprint"} == set()


def test_only_a_run_that_writes_an_email_draft_loads_the_email_writer(tmp_path: Path) -> None:
    for tool, draft in (("guide-entretien-usagers", False), ("memo-achat-public", True)):
        out = tmp_path / tool
        answers = _example_answers(tmp_path, tool)
        imported = _imported(tmp_path, "run", tool, "--answers", str(answers), "--format", "md", "-o", str(out))
        assert any(out.glob("*.eml")) == draft
        assert ("email.policy" in imported) == draft


def test_the_command_line_collects_cycles_less_often_and_looks_up_no_pydantic_plugin(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Both for the command's time only: ``main`` gives the process's settings back."""
    import gc

    from helpers import run_cli
    from survivalkit.cli import app

    seen: list[tuple[tuple[int, int, int], str | None]] = []
    real_run = app._run

    def spy(*args: object) -> object:
        seen.append((gc.get_threshold(), os.environ.get("PYDANTIC_DISABLE_PLUGINS")))
        return real_run(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "_run", spy)
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    before = gc.get_threshold()
    code, out, _ = run_cli(["--version"], capsys)
    assert code == 0 and out.strip()
    assert seen == [((app.COLLECT_EVERY, before[1], before[2]), "__all__")]
    assert gc.get_threshold() == before
    assert "PYDANTIC_DISABLE_PLUGINS" not in os.environ
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # the user's own value is kept
    run_cli(["--version"], capsys)
    assert seen[-1][1] == "" and os.environ["PYDANTIC_DISABLE_PLUGINS"] == ""
