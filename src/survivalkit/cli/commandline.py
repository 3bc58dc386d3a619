"""Command lines the tool prints for the user to copy: they carry the ``--kit`` and ``--lang`` in use."""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from pathlib import Path


def command_line(
    *args: str | Path, kit_dirs: Iterable[Path] = (), lang: str | None = None, plain: bool = False
) -> str:
    """``survivalkit ARGS --kit DIR… --lang LANG --plain``, each part quoted for a POSIX shell.

    ``kit_dirs`` are the folders the command needs (``--kit``), not the bundled kit; ``lang`` is
    the language the user asked for explicitly (None: leave it to the environment). ``Env.command``
    does the same with the folders given on the command line; this one takes any folders (a new
    tool's own kit, for instance).
    """
    parts = ["survivalkit", *(str(a) for a in args)]
    for folder in kit_dirs:
        parts += ["--kit", str(folder)]
    if lang:
        parts += ["--lang", lang]
    if plain:
        parts.append("--plain")
    return " ".join(shlex.quote(p) for p in parts)
