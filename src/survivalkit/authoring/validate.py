"""What ``validate`` checks: kits, kit layers and single tool files, with the deep checks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from survivalkit.authoring.lint import lint
from survivalkit.errors import Problem
from survivalkit.kit.loader import LoadedKit, bundled_kit_dir, kit_roots, load_kit


@dataclass(frozen=True)
class Report:
    """Problems found and how many tools were checked."""

    problems: list[Problem]
    tools: int


def _check(roots: list[Path]) -> tuple[LoadedKit, list[Problem]]:
    loaded = load_kit(roots, strict=False)
    problems = list(loaded.problems)
    if loaded.kit.info.stages:  # no stages means kit.yaml itself could not be read: nothing to check
        problems += lint(loaded)
    return loaded, problems


def validate_paths(paths: list[Path], kit_dirs: list[Path]) -> Report:
    """Validate the effective kit, or each given kit folder or tool file (layered on the bundled kit)."""
    if not paths:
        loaded, problems = _check(kit_roots(kit_dirs))
        return Report(_dedupe(problems), len(loaded.kit.tools))
    found_problems: list[Problem] = []
    count = 0
    bundled = bundled_kit_dir().resolve()
    for path in paths:
        if path.is_dir():
            roots = [path] if path.resolve() == bundled else [bundled, path]
            loaded, found = _check(roots)
            mine = [p for p in found if not _is_bundled(p, bundled)] if path.resolve() != bundled else found
            found_problems += mine
            count += sum(1 for tool in loaded.kit.tools.values() if _under(tool.origin, path))
        elif path.is_file():
            found_problems += _check_file(path, bundled)
            count += 1
        else:
            found_problems.append(Problem(str(path), 1, 1, "", "no such file or folder"))
    return Report(_dedupe(found_problems), count)


def _under(origin: str, folder: Path) -> bool:
    try:
        return Path(origin).resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _is_bundled(problem: Problem, bundled: Path) -> bool:
    try:
        return Path(problem.path).resolve().is_relative_to(bundled)
    except OSError:
        return False


def _check_file(path: Path, bundled: Path) -> list[Problem]:
    import shutil
    import tempfile

    if path.name in ("kit.yaml", "glossary.yaml"):
        from survivalkit.kit.loader import parse_model
        from survivalkit.kit.model import Glossary, KitInfo
        from survivalkit.kit.yamlread import read_yaml

        located, problems = read_yaml(path, str(path))
        if located is None:
            return problems
        model = KitInfo if path.name == "kit.yaml" else Glossary
        return parse_model(located, model)[1]
    # A lone tool file is checked inside the bundled kit, as if it were added to it.
    with tempfile.TemporaryDirectory() as tmp:
        layer = Path(tmp) / "tools"
        layer.mkdir()
        shutil.copy(path, layer / path.name)
        _, found = _check([bundled, Path(tmp)])
        out = []
        for p in found:
            if p.path.startswith(tmp) or tmp in p.path:
                out.append(Problem(str(path), p.line, p.col, p.key_path, p.message, p.rule, p.severity))
        return out


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen = set()
    out = []
    for p in problems:
        if p in seen:
            continue
        seen.add(p)
        out.append(p)
    return out
