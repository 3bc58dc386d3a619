"""The loader: every contributor mistake is reported as path:line:col: key.path: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINI_TOOL, mini_kit
from survivalkit.authoring.rules import lint
from survivalkit.kit.loader import bundled_kit_dir, load_kit


def problems_of(root: Path) -> list[str]:
    loaded = load_kit([root], strict=False)
    found = list(loaded.problems)
    if not found:
        found = [p for p in lint(loaded) if p.severity == "error"]
    return [p.format().replace(str(root) + "/", "") for p in found]


def with_tool(tmp_path: Path, text: str) -> list[str]:
    mini_kit(tmp_path, text)
    return [p.split("tools/", 1)[-1] for p in problems_of(tmp_path)]


def test_bundled_kit_loads_without_problems() -> None:
    loaded = load_kit([bundled_kit_dir()], strict=False)
    assert loaded.problems == []  # lint is tested once, in test_lint.py
    assert {"memo-achat-public"} <= set(loaded.kit.tools)


def test_every_bundled_tool_file_is_read(kit_dir: Path) -> None:
    loaded = load_kit([kit_dir])
    files = sorted(p.stem for p in (kit_dir / "tools").glob("*.yaml"))
    assert sorted(loaded.kit.tools) == files


def test_mini_kit_is_clean(tmp_path: Path) -> None:
    assert with_tool(tmp_path, MINI_TOOL) == []


def test_yaml_syntax_error_points_at_line(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("summary: Un outil de test.", "summary: [Un outil")
    [msg] = with_tool(tmp_path, broken)
    assert msg.startswith("outil-test.yaml:")
    assert "YAML syntax error" in msg


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("summary: Un outil de test.", "summary: Un.\nsummary: Deux.")
    assert with_tool(tmp_path, broken) == [
        "outil-test.yaml:4:1: duplicate key `summary` (first at line 3); keep only one"
    ]


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("summary:", "sumary:")
    msgs = with_tool(tmp_path, broken)
    assert "outil-test.yaml:3:1: sumary: unknown key `sumary`; did you mean `summary`?" in msgs
    assert "outil-test.yaml:1:1: missing required key `summary`" in msgs


def test_unknown_key_in_question(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("  - id: objet\n    label: Quoi ?", "  - id: objet\n    lable: Quoi ?")
    msgs = with_tool(tmp_path, broken)
    assert "outil-test.yaml:17:5: questions[0].lable: unknown key `lable`; did you mean `label`?" in msgs


def test_wrong_type(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("stages: [idee]", "stages: idee")
    assert with_tool(tmp_path, broken) == [
        'outil-test.yaml:4:9: stages: a list is expected under `stages` (lines starting with "- ")'
    ]


def test_bad_enum_value(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("type: amount", "type: montant")
    [msg] = with_tool(tmp_path, broken)
    assert msg.startswith("outil-test.yaml:19:11: questions[1].type: `montant` is not allowed; use one of")
    assert "'amount'" in msg


def test_text_must_be_string_or_localized(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("title: Outil test", "title: [Outil]")
    assert with_tool(tmp_path, broken) == [
        "outil-test.yaml:2:8: title: expected a text, or a mapping like `{fr: ..., en: ...}`"
    ]


def test_unknown_language_in_text(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("title: Outil test", "title: {fr: Outil, de: Werkzeug}")
    msgs = with_tool(tmp_path, broken)
    assert any("title.de: unknown key `de`" in m for m in msgs), msgs


def test_duplicate_question_id(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("  - id: montant", "  - id: objet")
    msgs = with_tool(tmp_path, broken)
    assert "outil-test.yaml:18:9: questions[1].id: question id `objet` is already used by questions[0] [SK006]" in msgs


def test_unknown_stage(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("stages: [idee]", "stages: [idee, lancement]")
    assert with_tool(tmp_path, broken) == [
        "outil-test.yaml:4:16: stages[1]: unknown stage `lancement`; known: idee [SK004]"
    ]


def test_unknown_variable_in_template_points_at_its_line(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {{ montnt | euros }}")
    assert with_tool(tmp_path, broken) == [
        "outil-test.yaml:27:7: documents[0].template: document `note` template: "
        "unknown name `montnt` (no question or profile field has this id); did you mean "
        "`montant`? [SK002]"
    ]


def test_template_syntax_error_points_at_its_line(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {% if montant %}")
    [msg] = with_tool(tmp_path, broken)
    assert msg.startswith("outil-test.yaml:")
    assert "document `note` template" in msg and "[SK001]" in msg


def test_unknown_fact(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Seuil : {{ fact('seul') }}")
    assert with_tool(tmp_path, broken) == [
        "outil-test.yaml:27:7: documents[0].template: document `note` template: "
        "unknown fact `seul` (not under `facts:` in kit.yaml); did you mean `seuil`? [SK003]"
    ]


def test_bad_condition_syntax(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("    type: amount\n", "    type: amount\n    when: \"objet ==\"\n")
    [msg] = with_tool(tmp_path, broken)
    assert "questions[1].when: question `montant` when" in msg and "[SK001]" in msg


def test_all_problems_of_all_files_are_reported(tmp_path: Path) -> None:
    mini_kit(tmp_path)
    (tmp_path / "tools" / "autre.yaml").write_text("schema_version: 1\ntitle: x\n", "utf-8")
    (tmp_path / "tools" / "encore.yaml").write_text("title: [\n", "utf-8")
    msgs = problems_of(tmp_path)
    assert any(m.startswith("tools/autre.yaml:") for m in msgs)
    assert any(m.startswith("tools/encore.yaml:") for m in msgs)
    assert len([m for m in msgs if "autre.yaml" in m]) >= 4


def test_python_tags_are_refused(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("summary: Un outil de test.", "summary: !!python/object/apply:os.system ['true']")
    [msg] = with_tool(tmp_path, broken)
    assert "is not allowed: only plain data is accepted" in msg


def test_bad_tool_file_name(tmp_path: Path) -> None:
    mini_kit(tmp_path, name="Outil_Test")
    [msg] = problems_of(tmp_path)
    assert "is not a valid tool id" in msg


def test_layered_kit_replaces_a_tool_with_a_notice(tmp_path: Path) -> None:
    base = mini_kit(tmp_path / "base")
    layer = tmp_path / "layer"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-test.yaml").write_text(MINI_TOOL.replace("Outil test", "Outil local"), "utf-8")
    loaded = load_kit([base, layer])
    assert loaded.kit.tools["outil-test"].title == "Outil local"
    assert any("replaces tool `outil-test`" in n for n in loaded.kit.notices)


def test_missing_kit_folder(tmp_path: Path) -> None:
    from survivalkit.errors import KitError

    with pytest.raises(KitError) as exc:
        load_kit([tmp_path / "nope"])
    assert "kit folder not found" in str(exc.value)


def test_bundled_kit_reads_the_same_without_the_c_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML without libyaml is stricter in places (e.g. `?` in flow mappings): the kit must load."""
    import yaml

    import survivalkit.kit.yamlread as yamlread

    fast = load_kit([bundled_kit_dir()]).kit
    monkeypatch.setattr(yamlread, "safe_loader", lambda: yaml.SafeLoader)
    slow = load_kit([bundled_kit_dir()]).kit
    assert slow == fast


def test_an_unreadable_tools_folder_is_said_in_the_readers_language(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """What root cannot see (it reads any folder): the system's refusal, simulated, is one located
    problem in French or English, never an English errno text inside a French message."""
    import errno

    from survivalkit.kit.loader import unreadable_entries

    tools = tmp_path / "couche" / "tools"
    tools.mkdir(parents=True)
    import os

    real_scandir = os.scandir

    def refused(path):  # type: ignore[no-untyped-def]
        if Path(path) == tools:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    [problem] = unreadable_entries(tmp_path / "couche")
    french = problem.format("fr")
    assert "tools" in french and "ne peut pas être lu" in french
    assert "Permission denied" not in french and "permission" in french.lower()
    assert "cannot be read" in problem.format("en")
