"""What ``validate`` checks: kits, kit layers and single tool files, with the deep checks."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from survivalkit.authoring.rules import lint
from survivalkit.errors import Msg, Problem
from survivalkit.kit.loader import (
    LoadedKit,
    bundled_kit_dir,
    holds_kit,
    is_kit_dir,
    kit_dir_of,
    kit_roots,
    load_kit,
    no_kit_problem,
    tool_files,
)


@dataclass(frozen=True)
class Report:
    """Problems found and how many tools were checked."""

    problems: list[Problem]
    tools: int


def _check(roots: list[Path]) -> tuple[LoadedKit, list[Problem]]:
    from survivalkit.authoring.lint_cache import LintCache
    from survivalkit.kit.cache import KitCache

    # Files without problems come from the kit cache (as for every command); lint reads the
    # tools it checks again, with their positions, a hundred at a time (see ``ReadAgain``): a
    # kit of thousands of tools is never held whole.
    lint_cache = LintCache.open()
    loaded = load_kit(roots, strict=False, cache=KitCache.open() if lint_cache else None,
                      tool_sources=False, keep_tools=False)
    problems = list(loaded.problems)
    if loaded.kit.info.stages:  # no stages means kit.yaml itself could not be read: nothing to check
        problems += lint(loaded, cache=lint_cache)
    return loaded, problems


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def local_kit(cwd: Path | None = None) -> Path | None:
    """The kit of the repository in the current folder (``kit/`` or the folder itself), if any.

    The bundled kit does not count: in survivalkit's own repository, it is the default anyway.
    """
    folder = kit_dir_of(cwd or Path("."))
    if is_kit_dir(folder) and not _same(folder, bundled_kit_dir()):
        return folder
    return None


def validate_paths(paths: list[Path], kit_dirs: list[Path]) -> Report:
    """Validate the effective kit, or each given kit folder or tool file (layered on the bundled kit).

    Without paths nor ``--kit``, a kit in the current folder (a region's repository) is checked.
    """
    if not paths:
        here = local_kit() if not kit_dirs else None
        if here is None:
            loaded, problems = _check(kit_roots(kit_dirs))
            return Report(_dedupe(problems), len(loaded.kit.tools))
        paths = [here]
    found_problems: list[Problem] = []
    count = 0
    extra = [kit_dir_of(k) for k in kit_dirs]
    for path in paths:
        if path.is_dir():
            root = kit_dir_of(path)
            if not holds_kit(root):
                found_problems.append(no_kit_problem(root))
                continue
            _, found = _check_layer(root, extra)
            found_problems += [p for p in found if _under(p.path, root)]
            count += len(tool_files(root))  # broken ones included: they were checked too
        elif path.is_file():
            found_problems += _check_file(path, extra)
            count += 1 if path.name not in ("kit.yaml", "glossary.yaml") else 0
        else:
            found_problems.append(
                Problem(str(path), 1, 1, "", Msg("validate.no_such_path", path=str(path)))
            )
    return Report(_dedupe(found_problems), count)


def _check_layer(root: Path, extra: list[Path]) -> tuple[LoadedKit, list[Problem]]:
    """The kit that ``root`` belongs to: the bundled kit, ``--kit`` layers, then ``root``."""
    bundled = bundled_kit_dir()
    if _same(root, bundled):
        return _check([bundled])
    layers = [k for k in extra if not _same(k, root)]
    return _check([bundled, *layers, root])


def _under(origin: str, folder: Path) -> bool:
    """Whether the file ``origin`` lies in ``folder`` (a link is where it stands, not its target)."""
    path = Path(origin).absolute()
    try:
        return (path.parent.resolve() / path.name).is_relative_to(folder.resolve())
    except OSError:
        return False


def _kit_folder_of(path: Path) -> Path | None:
    """The kit folder a file belongs to: ``<kit>/tools/x.yaml`` or ``<kit>/kit.yaml``."""
    if path.name in ("kit.yaml", "glossary.yaml"):
        return path.parent
    if path.parent.name == "tools":
        return path.parent.parent
    return None


def _check_file(path: Path, extra: list[Path]) -> list[Problem]:
    """One file, checked within the kit folder it belongs to (its layer's kit.yaml included)."""
    kit = _kit_folder_of(path)
    if kit is not None:
        _, found = _check_layer(kit, extra)
        return [p for p in found if _same(Path(p.path), path)]
    # A lone tool file is checked inside the bundled kit, as if it were added to it.
    with tempfile.TemporaryDirectory() as tmp:
        layer = Path(tmp) / "tools"
        layer.mkdir()
        shutil.copy(path, layer / path.name)
        _, found = _check_layer(Path(tmp), extra)
        return [
            Problem(str(path), p.line, p.col, p.key_path, p.message, p.rule, p.severity)
            for p in found
            if p.path.startswith(tmp) or tmp in p.path
        ]


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen = set()
    out = []
    for p in problems:
        if p in seen:
            continue
        seen.add(p)
        out.append(p)
    return out
