"""Every command and Python block shown in README.md and docs/ runs as written.

Each page runs in order in a scratch copy of the repository (its kit, schemas and golden files),
with its own data folder: a command that does not exist, an option that does not, a file the page
never made, or a crash fails here. Interactive commands run in a pseudo-terminal until their first
question. Lines that install, change a git repository or run the suite itself are not run: each
has its reason below, and a line nobody classified fails the test.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)

NOT_RUN = {
    "git ": "changes a git repository (clone, branch, commit, push, diff)",
    "cd ": "moves into the clone made by git clone",
    "python -m venv": "creates a virtual environment",
    ". .venv/bin/activate": "activates the virtual environment",
    "pip install": "installs packages",
    "python -m pip install": "installs packages",
    "pytest": "runs the test suite itself",
    "python -m pytest": "runs the test suite itself",
    "pre-commit": "installs git hooks",
    "python bench/": "a benchmark, minutes long",
    "ruff ": "a linter, run by CI",
    "mypy ": "a type checker, run by CI",
}
NEEDS_THE_READERS_FILE = {
    "--logo logo.png": "needs the reader's own logo",
    "formulaire-rempli.pdf": "needs a PDF form filled in on screen by the reader",
}
"""survivalkit lines that read a file only the reader has: not run, with the reason."""
PAGES_RUN_ELSEWHERE = {
    "docs/regional-kit.md": "followed step by step in an empty folder by tests/authoring/test_regional_guide.py",
}
INTERACTIVE = re.compile(r"^survivalkit(\s+run\s+[\w-]+)?$")
"""The journey and ``run TOOL`` without answers: they ask questions in a terminal."""
PROBLEMS_FOUND = {"validate", "golden"}
"""Commands whose exit code 1 means "problems found", which a page may show on purpose."""


def shown(page: str) -> list[tuple[str, str]]:
    """``("sh", line)`` and ``("python", block)`` in the page's order, comments removed."""
    out: list[tuple[str, str]] = []
    for lang, body in BLOCK.findall((ROOT / page).read_text(encoding="utf-8")):
        if lang in ("sh", "bash", "shell", "console"):
            for line in re.sub(r"\\\n\s*", " ", body).splitlines():  # continued lines joined
                command = re.split(r"\s+#", line, maxsplit=1)[0].strip()
                if command and not command.startswith("#"):
                    out.append(("sh", command))
        elif lang == "python":
            out.append(("python", body))
    return out


def reason_not_run(command: str) -> str | None:
    for prefix, reason in NOT_RUN.items():
        if command == prefix.strip() or command.startswith(prefix):
            return reason
    return None


def test_every_shown_line_is_run_or_has_a_reason() -> None:
    unknown = [
        (page, command)
        for page in PAGES if page not in PAGES_RUN_ELSEWHERE
        for kind, command in shown(page)
        if kind == "sh" for part in command.split("&&")
        if not part.strip().startswith("survivalkit") and reason_not_run(part.strip()) is None
    ]
    assert unknown == [], "a shown command that the docs test neither runs nor explains"


def _scratch(tmp_path: Path) -> Path:
    """A copy of the repository's source, kit, schemas and golden files: its kit is the bundled
    one, as in a clone with ``pip install -e``."""
    repo = tmp_path / "repo"
    for part in ("src", "kit", "schema", "tests/golden"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    return repo


def _environ(repo: Path, data: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    environ.update(PYTHONPATH=str(repo / "src"), SURVIVALKIT_HOME=str(data), NO_COLOR="1",
                   PYTHONIOENCODING="utf-8", COLUMNS="120", TERM="dumb")
    return environ


def _answers_for(repo: Path, args: list[str]) -> None:
    """``--answers answers.yaml`` on a page that made none: the tool's first example's answers."""
    if "--answers" not in args or args[0] != "run":
        return
    path = repo / args[args.index("--answers") + 1]
    if path.exists():
        return
    tool = yaml.safe_load((repo / "kit" / "tools" / f"{args[1]}.yaml").read_text("utf-8"))
    example = tool["examples"][0]
    path.write_text(yaml.safe_dump({"date": example.get("date"), "answers": example["answers"]},
                                   allow_unicode=True), encoding="utf-8")


def _interactive(command: str, repo: Path, data: Path) -> None:
    import pexpect

    child = pexpect.spawn(sys.executable, ["-m", "survivalkit", *shlex.split(command)[1:]],
                          env=_environ(repo, data), cwd=str(repo), encoding="utf-8", timeout=90,
                          dimensions=(50, 120))
    child.expect_exact("> ")  # the first question
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "Traceback" not in (child.before or ""), command


@pytest.mark.slow
@pytest.mark.parametrize("page", [p for p in PAGES if p not in PAGES_RUN_ELSEWHERE])
def test_the_commands_of_the_page_work_as_written(page: str, tmp_path: Path) -> None:
    repo = _scratch(tmp_path)
    data = tmp_path / "data"
    env = _environ(repo, data)
    for kind, text in shown(page):
        if kind == "python":
            done = subprocess.run([sys.executable, "-c", text], cwd=repo, env=env, text=True,
                                  capture_output=True, timeout=300, check=False)
            assert done.returncode == 0, f"{page}: a Python block fails\n{done.stderr}"
            continue
        for part in (p.strip() for p in text.split("&&")):
            if not part.startswith("survivalkit"):
                continue
            if any(marker in part for marker in NEEDS_THE_READERS_FILE):
                continue
            if INTERACTIVE.match(part):
                _interactive(part, repo, data)
                continue
            # A folder the page writes in /tmp goes in the scratch folder: nothing outside it.
            args = [str(tmp_path / a.removeprefix("/tmp/")) if a.startswith("/tmp/") else a
                    for a in shlex.split(part)[1:]]
            _answers_for(repo, args)
            done = subprocess.run([sys.executable, "-m", "survivalkit", *args], cwd=repo, env=env,
                                  text=True, capture_output=True, timeout=300, check=False)
            allowed = {0, 1} if args[0] in PROBLEMS_FOUND else {0}
            assert done.returncode in allowed, (
                f"{page}: `{part}` exited {done.returncode}\n{done.stdout}\n{done.stderr}")
            assert "Traceback" not in done.stdout + done.stderr, part
