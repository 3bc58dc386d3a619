"""A kit is untrusted too: an image written in a tool's template never makes pandoc read a file of
the agent's computer (nor fetch an address) into the Word or OpenDocument file they send."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from helpers import MINI_TOOL, build_tree, run_cli
from survivalkit.errors import MissingExtraError
from survivalkit.output.formats import find_pandoc

SECRET = "clef-privee-de-l-agent-7f3a"


def test_an_image_in_a_template_is_its_description_in_office_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        find_pandoc()
    except MissingExtraError:
        pytest.skip("pandoc is not installed")
    secret = tmp_path / "id_rsa"
    secret.write_text(SECRET, "utf-8")
    images = (f"![clef]({secret})\n\n![pixel](https://suivi.example/pixel.png)\n\n"
              f"![ref][r]\n\n[r]: file://{secret}\n")
    template = "      " + "\n      ".join(images.splitlines()) + "\n"
    tool = MINI_TOOL.replace("      Montant : {{ montant | euros }}\n",
                             "      Montant : {{ montant | euros }}\n\n" + template)
    assert str(secret) in tool
    layer = build_tree(tmp_path / "region", {"tools/outil-test.yaml": tool})
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"tool": "outil-test", "answers": {
        "objet": "chaises", "montant": "100", "nom": "Claire Martin", "fonction": "Chargée de mission",
        "organisation": "DDT du Gard", "courriel": "claire.martin@gard.gouv.fr"}},
        allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["run", "outil-test", "--kit", str(layer), "--answers", str(answers),
                            "--format", "docx,odt", "--out", str(out), "--lang", "fr"], capsys)
    assert code == 0, err
    written = sorted(p for p in out.iterdir() if p.suffix in (".docx", ".odt"))
    assert {p.suffix for p in written} == {".docx", ".odt"}
    for path in written:
        with zipfile.ZipFile(path) as document:
            names = document.namelist()
            assert not [n for n in names if n.startswith(("word/media/", "Pictures/"))], names
            everything = b"".join(document.read(n) for n in names)
        assert SECRET.encode() not in everything
        assert b"clef" in everything and b"pixel" in everything  # the descriptions stay
