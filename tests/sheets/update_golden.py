"""Rewrite the golden files of printed sheets (tests/golden_sheets): the one command that writes them.

    python tests/sheets/update_golden.py

Then read ``git diff tests/golden_sheets`` before committing: every change must be intended.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parents[1] / "src")]


def main() -> None:
    from test_sheets_golden import CASES, sheet_text
    from test_sheets_golden import HERE as GOLDEN

    from survivalkit.cli.app import main as cli_main
    from survivalkit.kit.loader import load_kit

    kit = load_kit([GOLDEN / "kit"]).kit
    written: list[str] = []
    for name, layout, tool_ids in CASES:
        for lang in ("fr", "en"):
            for fmt in ("html", "md"):
                path = GOLDEN / f"{name}.{lang}.{fmt}"
                path.write_text(sheet_text(kit, layout, tool_ids, lang, fmt), encoding="utf-8")
                written.append(path.name)
    os.environ["COLUMNS"] = "100"
    os.environ["SURVIVALKIT_NO_CACHE"] = "1"  # a contributor command: nothing kept in the user's cache
    for lang in ("fr", "en"):
        out = io.StringIO()
        with mock.patch("survivalkit.kit.loader.bundled_kit_dir", lambda: GOLDEN / "kit"), \
                contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            cli_main(["show", "memo-achat-public", "--plain", "--lang", lang])
        path = GOLDEN / f"show-memo-achat-public.{lang}.txt"
        path.write_text(out.getvalue(), encoding="utf-8")
        written.append(path.name)
    print(f"{len(written)} golden files written in {GOLDEN}; read `git diff {GOLDEN}` before committing.")


if __name__ == "__main__":
    main()
