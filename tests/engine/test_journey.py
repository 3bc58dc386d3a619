"""The guided journey: triage with reasons, and a whole journey replayed from an answers file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import run_cli
from survivalkit.engine.triage import recommend
from survivalkit.kit.loader import bundled_kit_dir, load_kit

KIT = load_kit([bundled_kit_dir()]).kit
DAY = dt.date(2026, 11, 26)


def ids(situation: dict[str, Any]) -> list[str]:
    return [r.tool.id for r in recommend(KIT, situation, day=DAY, lang="fr")]


def test_buying_and_time_recommend_memo_and_time_request() -> None:
    recs = recommend(KIT, {"etape": "experimentation", "besoins": ["acheter", "temps"],
                           "structure": "etat"}, day=DAY, lang="fr")
    found = {r.tool.id: r for r in recs}
    assert "memo-achat-public" in found and "decharge-temps-innovation" in found
    assert any("acheter" in reason for reason in found["memo-achat-public"].reasons)


@pytest.mark.parametrize("tool_id", sorted(KIT.tools))
def test_each_tool_is_recommended_for_some_need_of_its_own(tool_id: str) -> None:
    besoins = [c.value for c in next(q for q in KIT.info.situation if q.id == "besoins").choices or []]
    combos = [(etape, b) for b in besoins for etape in ("idee", "experimentation", "deploiement")]
    hits = [c for c in combos
            if tool_id in ids({"etape": c[0], "besoins": [c[1]], "structure": "collectivite"})]
    assert hits, f"{tool_id} is never recommended"
    # ...and not in every situation: relevance must discriminate.
    assert len(hits) < len(combos), f"{tool_id} is recommended for everything"


def test_an_unrelated_situation_does_not_recommend_the_memo() -> None:
    assert "memo-achat-public" not in ids({"etape": "idee", "besoins": ["usagers"], "structure": "etat"})


def journey_file(tmp_path: Path) -> Path:
    picked = ["memo-achat-public", "decharge-temps-innovation", "guide-entretien-usagers"]
    data: dict[str, Any] = {"date": "2026-11-26", "situation": {
        "etape": "experimentation", "besoins": ["acheter", "temps", "usagers"], "structure": "etat"},
        "tools": picked, "profile": {}, "shared": {}, "answers": {}}
    for tool_id in picked:
        example = KIT.tools[tool_id].examples[0]
        for key, value in example.answers.items():
            if key in {q.id for q in KIT.info.profile}:
                data["profile"].setdefault(key, value)
            elif key in {q.id for q in KIT.info.shared}:
                data["shared"].setdefault(key, value)
            else:
                data["answers"].setdefault(tool_id, {})[key] = value
    path = tmp_path / "journey.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, default_flow_style=False), "utf-8")
    return path


def test_full_journey_from_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dossier"
    code, _, err = run_cli(["--answers", str(journey_file(tmp_path)), "--out", str(out),
                            "--lang", "fr", "--format", "md,html"], capsys)
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert "index.md" in names and "index.html" in names and "answers.yaml" in names
    index = (out / "index.md").read_text("utf-8")
    docs = [n for n in names if n.endswith(".md") and n != "index.md"]
    expected = sum(len(KIT.tools[t].documents) for t in
                   ("memo-achat-public", "decharge-temps-innovation", "guide-entretien-usagers"))
    assert len(docs) == expected
    for doc in docs:
        assert doc in index
    assert "Et maintenant" in index
    # The journey's own answers file replays the whole journey.
    replay = tmp_path / "replay"
    code, _, err = run_cli(["--answers", str(out / "answers.yaml"), "--out", str(replay),
                            "--lang", "fr", "--format", "md,html"], capsys)
    assert code == 0, err
    for doc in docs:
        assert (replay / doc).read_text("utf-8") == (out / doc).read_text("utf-8")
