"""docs/regional-kit.md followed to the letter in an empty folder: new, validate, golden, run
with --kit, and the journey from an answers file."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from helpers import run_cli

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "regional-kit.md"
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def steps(text: str) -> list[tuple[str, str]]:
    """``("file", path + text)`` and ``("run", command)`` in the order the guide gives them."""
    out: list[tuple[str, str]] = []
    for lang, body in BLOCK.findall(text):
        if lang == "yaml" and body.startswith("# file: "):
            out.append(("file", body))
        elif lang == "sh":
            for line in body.splitlines():
                command = line.split("  #", 1)[0].strip()
                if command.startswith("survivalkit"):
                    out.append(("run", command))
    return out


def test_the_regional_guide_works_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    ran: list[str] = []
    for kind, body in steps(GUIDE.read_text(encoding="utf-8")):
        if kind == "file":
            first, _, _ = body.partition("\n")
            path = tmp_path / first.removeprefix("# file: ").strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            continue
        args = shlex.split(body)[1:]
        code, out, err = run_cli([*args, "--plain", "--lang", "fr"] if args else args, capsys)
        assert code == 0, f"{body}\n{out}\n{err}"
        ran.append(args[0] if args and not args[0].startswith("-") else "journey")
    assert ran[:1] == ["new"] and {"validate", "golden", "preview", "run", "journey"} <= set(ran)
    tool_doc = tmp_path / "docs-outil" / "signalement-guichet-unique-des-aides.md"
    from survivalkit.authoring.golden import plain_spaces

    text = plain_spaces(tool_doc.read_text("utf-8"))
    assert "Règle concernée : le règlement des achats, article 12." in text
    journey_docs = list((tmp_path / "docs-parcours").rglob("signalement-*.md"))
    assert journey_docs, "the journey wrote the regional tool's document"
    assert (tmp_path / "tests" / "golden" / "signalement-regle" / "urgent" / "note.md").is_file()
    assert not (tmp_path / "tests" / "golden" / "memo-achat-public").exists()


def test_the_guide_recommends_the_tool_from_the_layers_situation_question(tmp_path: Path) -> None:
    import datetime as dt

    from survivalkit.engine.triage import recommend
    from survivalkit.kit.loader import kit_roots, load_kit

    text = GUIDE.read_text(encoding="utf-8")
    for kind, body in steps(text):
        if kind == "file":
            first, _, _ = body.partition("\n")
            path = tmp_path / first.removeprefix("# file: ").strip()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
    kit = load_kit(kit_roots([tmp_path / "kit"], use_env=False)).kit
    situation = {"etape": "experimentation", "besoins": ["usagers"], "structure": "collectivite"}
    day = dt.date(2026, 11, 26)
    blocked = [r.tool.id for r in recommend(kit, {**situation, "regle_bloque": True}, day=day, lang="fr")]
    free = [r.tool.id for r in recommend(kit, {**situation, "regle_bloque": False}, day=day, lang="fr")]
    assert "signalement-regle" in blocked and "signalement-regle" not in free


def test_one_pre_commit_configuration_in_every_document() -> None:
    root = GUIDE.parents[1]
    marker = re.compile(r"<!-- pre-commit-config -->\n```yaml\n(.*?)```", re.S)
    found = {}
    for name in ("README.md", "CONTRIBUTING.md", "docs/adding-a-tool.md", "docs/regional-kit.md"):
        text = (root / name).read_text(encoding="utf-8")
        blocks = marker.findall(text)
        assert len(blocks) == 1, name
        assert "language: system" in text.split("<!-- pre-commit-config -->", 1)[1], name
        found[name] = blocks[0]
    example = (root / "examples" / "region-kit" / ".pre-commit-config.yaml").read_text("utf-8")
    found["examples/region-kit/.pre-commit-config.yaml"] = "\n".join(
        line for line in example.splitlines() if not line.startswith("#")) + "\n"
    assert len(set(found.values())) == 1, found
    config = next(iter(found.values()))
    assert "survivalkit validate --strict kit" in config and "survivalkit golden kit" in config
    assert "pre-commit" in "".join(found)


def test_the_guides_layer_kit_yaml_fits_its_json_schema() -> None:
    import json

    import yaml

    text = GUIDE.read_text(encoding="utf-8")
    [body] = [b for lang, b in BLOCK.findall(text) if b.startswith("# file: kit/kit.yaml")]
    ref = re.search(r"\$schema=(\S+)", body)
    assert ref is not None and ref.group(1).endswith("kit-layer.schema.json")
    root = GUIDE.parents[1]
    schema = json.loads((root / "schema" / "kit-layer.schema.json").read_text("utf-8"))
    data = yaml.safe_load(body)
    assert set(schema.get("required", [])) <= set(data), "the layer leaves out a required key"
    assert set(data) <= set(schema["properties"])
    # the bundled kit's schema would ask for title, version, description and stages
    full = json.loads((root / "schema" / "kit.schema.json").read_text("utf-8"))
    assert {"title", "stages"} <= set(full["required"])
    assert "survivalkit schema --out schema" in text
