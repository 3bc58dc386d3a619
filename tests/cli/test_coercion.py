"""An option's checker is built when the option is given (issue 30, start-up): `list` builds none,
a run builds one per option it was given, and what is given is read and refused as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers import run_cli
from survivalkit.kit.loader import bundled_kit_dir


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The annotations typer built a checker (a pydantic TypeAdapter) for, in order."""
    from survivalkit.cli import coercion

    _adapters = pytest.importorskip("typer._adapters")
    if coercion.RuntimeParam is None or not hasattr(_adapters, "try_build_adapter"):
        pytest.skip("a typer without these internals: its options are left as it made them")
    seen: list[object] = []
    real = _adapters.try_build_adapter

    def counting(annotation: object, parameter_info: object) -> object:
        seen.append(annotation)
        return real(annotation=annotation, parameter_info=parameter_info)  # type: ignore[arg-type]

    monkeypatch.setattr(_adapters, "try_build_adapter", counting)
    return seen


def test_list_builds_no_checker(built: list[object], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["list"], capsys)
    assert code == 0, err
    assert "memo-achat-public" in out
    assert built == []  # typer made twelve: one per option of the journey and of `list`


def test_a_run_builds_one_checker_per_option_given(
    built: list[object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = yaml.safe_load((bundled_kit_dir() / "tools" / "memo-achat-public.yaml").read_text("utf-8"))
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"tool": "memo-achat-public", "answers": example["examples"][0]["answers"]},
                                      allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(answers), "--format", "md",
                            "--out", str(out), "--lang", "fr", "--kit", str(bundled_kit_dir()),
                            "--kit", str(bundled_kit_dir())], capsys)
    assert code == 0, err
    assert any(out.glob("memo-achat-*.md"))  # the paths given were read as paths
    # the tool, --answers, --format, --out, --lang and --kit (repeated: one checker)
    assert len(built) == 6, built


def test_options_given_are_still_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["run", "memo-achat-public", "--answers"], capsys)
    assert code == 2 and "--answers" in err
    code, _, err = run_cli(["list", "--kit"], capsys)
    assert code == 2 and "--kit" in err


def test_every_option_of_every_command_gets_a_checker_built_on_demand() -> None:
    import typer

    from survivalkit.cli import coercion
    from survivalkit.cli.app import build_app

    if coercion.RuntimeParam is None:
        pytest.skip("a typer without these internals: its options are left as it made them")
    CheckedWhenGiven, check_when_given = coercion.CheckedWhenGiven, coercion.check_when_given

    group = typer.main.get_command(build_app("fr"))
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    assert sum(check_when_given(command) for command in commands) > 40
    for command in commands:
        for param in command.params:
            assert isinstance(param._runtime_param, CheckedWhenGiven), (command.name, param.name)
    assert sum(check_when_given(command) for command in commands) == 0  # once is enough
