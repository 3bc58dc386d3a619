"""survivalkit benchmarks: start-up, one tool's render, kit scale and the booklet, with ratios.

Run from anywhere with a Python 3.11+ interpreter (not part of the test suite):

    python bench/run.py                 # everything, 15 timed runs per command
    python bench/run.py --quick         # fewer runs and kit sizes, for a smoke check
    python bench/run.py --markdown out.md --json out.json

It builds its own virtual environments under bench/.venvs (or --cache DIR): survivalkit installed
from this repository with a regular, non-editable ``pip install .[pdf]`` (re-installed on every
run, so the numbers are those of the current tree), cookiecutter, copier and a minimal click
"hello" app. Commands are run straight from those environments (no shell, no shim), with bytecode
writing allowed, as a user's install would run. It times with hyperfine when it is installed and
with a small Python harness otherwise; it prints medians, and ratios between medians measured in
the same run, then checks the performance targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
BIN = "Scripts" if os.name == "nt" else "bin"

# Sizes of the generated kits (number of generated tool files, layered on the bundled kit).
SIZES = (10, 100, 1000)
QUICK_SIZES = (10, 100)


# ---------------------------------------------------------------------------------------------
# small helpers


def say(text: str = "") -> None:
    """Print a line of progress or results now."""
    print(text, flush=True)


def run(cmd: Sequence[str | Path], *, env: dict[str, str] | None = None,
        cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command, capture its output; on failure with ``check`` print it and stop."""
    proc = subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, text=True,
                          stdin=subprocess.DEVNULL, capture_output=True)
    if check and proc.returncode != 0:
        say(f"command failed ({proc.returncode}): {shlex.join(str(c) for c in cmd)}")
        say(textwrap.indent((proc.stdout + proc.stderr)[-3000:], "    "))
        raise SystemExit(2)
    return proc


def venv_bin(venv: Path, name: str) -> Path:
    """An executable inside a virtual environment."""
    return venv / BIN / name


def make_venv(venv: Path, packages: Sequence[str], *, fresh: bool) -> Path:
    """Create ``venv`` (unless present) and install ``packages`` into it with its own pip."""
    marker = venv / ".bench-installed"
    wanted = "\n".join(packages)
    if fresh and venv.exists():
        shutil.rmtree(venv)
    if marker.is_file() and marker.read_text() == wanted:
        return venv
    if not venv_bin(venv, "python").exists():
        run([sys.executable, "-m", "venv", venv])
        run([venv_bin(venv, "python"), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    run([venv_bin(venv, "python"), "-m", "pip", "install", "-q", *packages])
    marker.write_text(wanted)
    return venv


def install_survivalkit(venv: Path, *, fresh: bool) -> None:
    """survivalkit from this repository, non-editable, with its dependencies and the pdf extra."""
    make_venv(venv, [f"{REPO}[pdf]"], fresh=fresh)
    # Always re-install the package itself: the numbers must be those of the current tree.
    run([venv_bin(venv, "python"), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
         str(REPO)])


HELLO_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "bench-hello"
version = "1.0"
dependencies = ["click>=8"]

[project.scripts]
hello = "bench_hello:main"

[tool.hatch.build.targets.wheel]
packages = ["bench_hello"]
"""

HELLO_APP = '''\
"""A minimal click application, the yardstick for start-up time."""

import click


@click.command()
@click.version_option("1.0", prog_name="hello")
@click.option("--name", default="world", help="Who to greet.")
def main(name: str) -> None:
    """Say hello."""
    click.echo(f"Hello, {name}!")
'''


def install_hello(venv: Path, work: Path, *, fresh: bool) -> None:
    """A click "hello" app installed as a console script, like survivalkit."""
    src = work / "bench-hello"
    (src / "bench_hello").mkdir(parents=True, exist_ok=True)
    (src / "pyproject.toml").write_text(HELLO_PYPROJECT)
    (src / "bench_hello" / "__init__.py").write_text(HELLO_APP)
    make_venv(venv, ["click"], fresh=fresh)
    if not venv_bin(venv, "hello").exists() or fresh:
        run([venv_bin(venv, "python"), "-m", "pip", "install", "-q", "--no-deps", src])


TYPER_PYPROJECT = HELLO_PYPROJECT.replace("bench-hello", "bench-typer").replace(
    '"click>=8"', '"typer>=0.29"').replace('hello = "bench_hello:main"', 'typer-app = "bench_typer:main"').replace(
    '"bench_hello"', '"bench_typer"')

TYPER_APP = '''\
"""A bare two-command typer application: the floor survivalkit's start-up is measured against."""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"Hello, {name}!")


@app.command()
def bye(name: str = "world") -> None:
    """Say goodbye."""
    typer.echo(f"Goodbye, {name}!")


def main() -> None:
    app()
'''


def install_typer_app(venv: Path, work: Path, *, fresh: bool) -> None:
    """The bare typer app, installed as a console script like survivalkit (same typer version)."""
    src = work / "bench-typer"
    (src / "bench_typer").mkdir(parents=True, exist_ok=True)
    (src / "pyproject.toml").write_text(TYPER_PYPROJECT)
    (src / "bench_typer" / "__init__.py").write_text(TYPER_APP)
    make_venv(venv, ["typer"], fresh=fresh)
    if not venv_bin(venv, "typer-app").exists() or fresh:
        run([venv_bin(venv, "python"), "-m", "pip", "install", "-q", "--no-deps", src])


def first_line(cmd: Sequence[str | Path], env: dict[str, str]) -> str:
    """The first line a command prints (for versions)."""
    proc = run(cmd, env=env, check=False)
    text = (proc.stdout or proc.stderr).strip()
    line = text.splitlines()[0] if text else "?"
    return line.split(" from /")[0]  # cookiecutter names its install folder: not needed here


# ---------------------------------------------------------------------------------------------
# timing


@dataclass
class Result:
    """The timings of one command."""

    name: str
    cmd: list[str]
    ok_codes: tuple[int, ...] = (0,)
    times: list[float] = field(default_factory=list)  # seconds, wall clock
    cpu: float | None = None  # seconds of user + system time per run (hyperfine: mean)
    error: str = ""
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def low(self) -> float:
        return min(self.times) if self.times else float("nan")

    @property
    def high(self) -> float:
        return max(self.times) if self.times else float("nan")


@dataclass
class Bench:
    """How to time: hyperfine or the Python harness, how many runs, in which environment."""

    env: dict[str, str]
    cwd: Path
    runs: int
    warmup: int
    hyperfine: str | None
    results: dict[str, Result] = field(default_factory=dict)

    def group(self, title: str, commands: list[tuple[str, list[str], tuple[int, ...]]]) -> None:
        """Time ``(name, argv, accepted exit codes)`` commands in one go, so ratios are fair."""
        say(f"\n== {title}")
        ready: list[Result] = []
        slowest = 0.0
        for name, cmd, ok_codes in commands:
            result = Result(name, cmd, ok_codes)
            self.results[name] = result
            start = time.perf_counter()
            proc = subprocess.run(cmd, env=self.env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True)
            elapsed = time.perf_counter() - start
            if proc.returncode not in ok_codes:
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
                result.error = f"exit {proc.returncode}: " + " | ".join(tail)
                say(f"  {name}: NOT TIMED, {result.error}")
                continue
            if proc.returncode != 0:
                result.note = f"exits {proc.returncode}"
            slowest = max(slowest, elapsed)
            ready.append(result)
        if not ready:
            return
        # Slow commands: a third as many runs after one warm-up; over 20 s, 3 runs and no warm-up
        # (the check run above has already warmed the caches).
        runs, warmup = self.runs, self.warmup
        if slowest > 2.0:
            runs, warmup = max(3, self.runs // 3), min(self.warmup, 1)
        if slowest > 20.0:
            runs, warmup = min(runs, 3), 0
        if self.hyperfine:
            self._hyperfine(ready, runs, warmup)
        else:
            self._harness(ready, runs, warmup)
        for result in ready:
            say(f"  {result.name:<52} median {ms(result.median):>9}   "
                f"min {ms(result.low):>9}   max {ms(result.high):>9}   cpu {ms(result.cpu):>9}"
                f"   ({len(result.times)} runs)" + (f"   [{result.note}]" if result.note else ""))

    def _hyperfine(self, ready: list[Result], runs: int, warmup: int) -> None:
        assert self.hyperfine
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "hyperfine.json"
            argv = [self.hyperfine, "-N", "--style", "none", "--warmup", str(warmup),
                    "--runs", str(runs), "--export-json", str(out)]
            if any(r.note for r in ready):
                argv.append("--ignore-failure")
            for result in ready:
                argv += ["--command-name", result.name, shlex.join(result.cmd)]
            proc = subprocess.run(argv, env=self.env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                say("  hyperfine failed, using the Python harness: "
                    + proc.stderr.strip()[-300:])
                self._harness(ready, runs, warmup)
                return
            data = json.loads(out.read_text())
        for result, entry in zip(ready, data["results"], strict=True):
            result.times = list(entry["times"])
            result.cpu = float(entry.get("user", 0.0)) + float(entry.get("system", 0.0))
            bad = [c for c in entry.get("exit_codes") or [] if c not in result.ok_codes]
            if bad:
                prefix = result.note + "; " if result.note else ""
                result.note = prefix + f"a run failed ({bad[0]})"

    def _harness(self, ready: list[Result], runs: int, warmup: int) -> None:
        # Warm-up, then rounds that interleave the commands, so that a slow spell of the machine
        # hits every command alike.
        cpu: dict[str, list[float]] = {r.name: [] for r in ready}
        for _ in range(warmup):
            for result in ready:
                self._once(result)
        for _ in range(runs):
            for result in ready:
                elapsed, used = self._once(result)
                result.times.append(elapsed)
                if used is not None:
                    cpu[result.name].append(used)
        for result in ready:
            if cpu[result.name]:
                result.cpu = statistics.median(cpu[result.name])

    def _once(self, result: Result) -> tuple[float, float | None]:
        start = time.perf_counter()
        proc = subprocess.Popen(result.cmd, env=self.env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        used: float | None = None
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            used = usage.ru_utime + usage.ru_stime
        else:  # pragma: no cover - Windows
            proc.wait()
            elapsed = time.perf_counter() - start
        code = proc.returncode
        if code not in result.ok_codes and "failed" not in result.note:
            result.note = (result.note + "; " if result.note else "") + f"a run failed ({code})"
        return elapsed, used

    def median(self, name: str) -> float | None:
        result = self.results.get(name)
        return result.median if result and result.times else None


def x(value: float | None) -> str:
    """A ratio."""
    return "n/a" if value is None else f"{value:.2f}×"


def ms(seconds: float | None) -> str:
    """Seconds as a short millisecond figure."""
    if seconds is None or seconds != seconds:
        return "n/a"
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


# ---------------------------------------------------------------------------------------------
# fixtures: answers, templates, generated kits


FIVE = {
    "projet": "Rendez-vous en ligne pour les permis de construire",
    "service": "Direction départementale des territoires du Gard",
    "montant": "12000",
    "echeance": "2027-01-15",
    "objet": "six ateliers de conception avec des usagers",
}

NOTE_BODY = """\
# Note : {projet}

**Service :** {service}

Nous avons besoin d'acheter **{objet}** pour le projet « {projet} », pour un montant estimé à
**{montant} € HT**, au plus tard le {echeance}.

{branch}

## Ce que nous demandons

- Confirmer la procédure applicable.
- Indiquer les pièces à fournir.
"""

NOTE_BRANCH = (
    "{% if montant|int < 60000 %}Le montant est sous le seuil de dispense : pas de publicité "
    "ni de mise en concurrence préalables.{% else %}Une procédure adaptée s'applique.{% endif %}"
)


def five_question_tool() -> str:
    """A survivalkit tool with 5 questions and one document (md and html: 2 files)."""
    template = NOTE_BODY.format(
        projet="{{ projet }}", service="{{ service }}", objet="{{ objet }}",
        montant="{{ montant }}", echeance="{{ echeance }}",
        branch="{% if montant < 60000 %}Le montant est sous le seuil de dispense : pas de "
        "publicité ni de mise en concurrence préalables.{% else %}Une procédure adaptée "
        "s'applique.{% endif %}",
    )
    body = textwrap.indent(template, " " * 8)
    return f"""\
schema_version: 1
title: {{fr: Note de cinq questions, en: Five-question note}}
summary: {{fr: "Un outil minimal, pour mesurer.", en: "A minimal tool, to measure."}}
stages: [idee]
reviewed: 2026-11-26
sources:
  - title: {{fr: Code de la commande publique, en: Public Procurement Code}}
    reference: Code de la commande publique, art. R2122-8
sheet:
  when_to_use: {{fr: "Pour mesurer.", en: "To measure."}}
  steps:
    - {{fr: "Répondez aux cinq questions.", en: "Answer the five questions."}}
questions:
  - id: projet
    label: {{fr: Le projet, en: The project}}
  - id: service
    label: {{fr: Le service, en: The department}}
  - id: montant
    type: amount
    label: {{fr: Le montant, en: The amount}}
  - id: echeance
    type: date
    label: {{fr: L'échéance, en: The deadline}}
  - id: objet
    label: {{fr: L'objet, en: The purchase}}
documents:
  - id: note
    title: {{fr: Note, en: Note}}
    filename: note
    template:
      fr: |
{body}"""


def write_answers(path: Path, answers: Mapping[str, object], tool: str, date: str) -> None:
    """An answers file (JSON is valid YAML, and keeps this script free of dependencies)."""
    data = {"tool": tool, "date": date, "answers": answers}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")


def example_answers(python: Path, tool: str, env: dict[str, str]) -> tuple[dict[str, object], str]:
    """The first example of a bundled tool, read with the installed survivalkit's reader."""
    code = textwrap.dedent(f"""
        import json
        from survivalkit.kit.loader import bundled_kit_dir
        from survivalkit.kit.yamlread import read_yaml
        located, problems = read_yaml(bundled_kit_dir() / "tools" / "{tool}.yaml")
        example = located.data["examples"][0]
        print(json.dumps({{"answers": example["answers"], "date": example.get("date")}},
                         default=str, ensure_ascii=False))
    """)
    data = json.loads(run([python, "-c", code], env=env).stdout)
    return data["answers"], str(data["date"] or "2026-11-26")


def profile_answers() -> dict[str, str]:
    """The kit's profile questions, answered (they are asked before any tool's own questions)."""
    return {
        "nom": "Claire Martin",
        "fonction": "Chargée de mission innovation",
        "organisation": "Direction départementale des territoires du Gard",
        "courriel": "claire.martin@gard.gouv.fr",
    }


def cookiecutter_template(root: Path) -> Path:
    """The 5-question, 2-file cookiecutter template equivalent to the five-question tool."""
    tpl = root / "cookiecutter-note"
    folder = tpl / "{{cookiecutter.dossier}}"
    folder.mkdir(parents=True, exist_ok=True)
    (tpl / "cookiecutter.json").write_text(
        json.dumps({**FIVE, "dossier": "note"}, ensure_ascii=False, indent=2), encoding="utf-8")
    md = NOTE_BODY.format(**{k: f"{{{{ cookiecutter.{k} }}}}" for k in FIVE},
                          branch=NOTE_BRANCH.replace("if montant", "if cookiecutter.montant"))
    (folder / "note.md").write_text(md, encoding="utf-8")
    (folder / "note.html").write_text(html_of(md), encoding="utf-8")
    return tpl


def copier_template(root: Path) -> Path:
    """The same template for copier: 5 questions, 2 files."""
    tpl = root / "copier-note"
    tpl.mkdir(parents=True, exist_ok=True)
    questions = "\n".join(f"{k}:\n  type: str\n  default: {json.dumps(v, ensure_ascii=False)}"
                          for k, v in FIVE.items())
    (tpl / "copier.yml").write_text(questions + "\n", encoding="utf-8")
    md = NOTE_BODY.format(**{k: f"{{{{ {k} }}}}" for k in FIVE}, branch=NOTE_BRANCH)
    (tpl / "note.md.jinja").write_text(md, encoding="utf-8")
    (tpl / "note.html.jinja").write_text(html_of(md), encoding="utf-8")
    return tpl


def html_of(markdown_template: str) -> str:
    """A hand-made HTML page of the note template (template engines do not convert Markdown)."""
    lines = []
    for line in markdown_template.splitlines():
        if line.startswith("# "):
            lines.append(f"<h1>{line[2:]}</h1>")
        elif line.startswith("## "):
            lines.append(f"<h2>{line[3:]}</h2>")
        elif line.startswith("- "):
            lines.append(f"<li>{line[2:]}</li>")
        elif line:
            lines.append(f"<p>{line}</p>")
    body = "\n".join(lines)
    return (f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Note</title>'
            f"</head>\n<body>\n{body}\n</body></html>\n")


def generated_kit(root: Path, bundled: Path, count: int) -> Path:
    """A kit folder: the bundled kit.yaml and ``count`` copies of a bundled tool, renamed.

    Each copy's templates get a Jinja comment of their own, so that they are distinct texts:
    caches keyed by template text must not make a generated kit cheaper than a real one.
    """
    kit = root / f"kit-{count}"
    tools = kit / "tools"
    if tools.is_dir() and len(list(tools.iterdir())) == count:
        return kit
    shutil.rmtree(kit, ignore_errors=True)
    tools.mkdir(parents=True)
    shutil.copy(bundled / "kit.yaml", kit / "kit.yaml")
    text = (bundled / "tools" / "memo-achat-public.yaml").read_text(encoding="utf-8")
    if UNIQUE_MARK not in text:
        say(f"  note: `{UNIQUE_MARK}` not found in memo-achat-public.yaml: the generated tools "
            "share identical templates")
    for i in range(1, count + 1):
        tool_id = f"outil-genere-{i:04d}"
        own = text.replace(UNIQUE_MARK, UNIQUE_MARK + "{# " + tool_id + " #}")
        (tools / f"{tool_id}.yaml").write_text(own, encoding="utf-8")
    return kit


UNIQUE_MARK = "{{ objet }}"


# ---------------------------------------------------------------------------------------------
# the benchmark

RATIO_PAIRS = {
    "survivalkit list / cookiecutter --version":
        ("survivalkit list (bundled kit)", "cookiecutter --version"),
    "survivalkit list / copier --version": ("survivalkit list (bundled kit)", "copier --version"),
    "survivalkit --version / click hello": ("survivalkit --version", "click hello app"),
    "survivalkit --help / click hello": ("survivalkit --help", "click hello app"),
    "memo-achat-public render / cookiecutter render":
        ("survivalkit run memo-achat-public (md,html)",
         "cookiecutter --no-input (5 questions, 2 files)"),
    "5-question tool render / cookiecutter render":
        ("survivalkit run 5-question tool (md,html)",
         "cookiecutter --no-input (5 questions, 2 files)"),
    "5-question tool render / copier render":
        ("survivalkit run 5-question tool (md,html)",
         "copier copy --defaults --data (5 questions, 2 files)"),
    "survivalkit list / bare typer app": ("survivalkit list (bundled kit)", "bare typer app (two commands)"),
    "memo-achat-public render / bare typer app":
        ("survivalkit run memo-achat-public (md,html)", "bare typer app (two commands)"),
    "validate / list, 100 generated tools": ("validate, 100 tools", "list, 100 tools"),
    "validate without cache / list, 100 generated tools":
        ("validate, 100 tools, no cache", "list, 100 tools"),
    "900 KB hostile e-mail answer refused / memo-achat-public render":
        ("survivalkit run memo-achat-public, 900 KB e-mail answer (refused)",
         "survivalkit run memo-achat-public (md,html)"),
}


@dataclass
class Target:
    """A performance target: a value, its limit, and whether it is met."""

    label: str
    value: float | None
    limit: float
    unit: str  # "x" (ratio) or "s"
    detail: str = ""

    @property
    def status(self) -> str:
        if self.value is None:
            return "not measured"
        return "met" if self.value <= self.limit else "MISSED"

    def shown(self, number: float | None) -> str:
        if number is None:
            return "n/a"
        return f"{number:.2f}×" if self.unit == "x" else f"{number:.2f} s"


def glossary_layer(root: Path, count: int) -> Path:
    """A kit layer holding only a glossary of ``count`` terms, each with an official form."""
    layer = root / f"glossary-{count}"
    layer.mkdir(parents=True, exist_ok=True)
    lines = ["schema_version: 1", "terms:"]
    lines += [f"- {{term: t{i}, definition: {{fr: d, en: d}}, official: m{i}}}" for i in range(count)]
    (layer / "glossary.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return layer


def machine_info(versions: dict[str, str]) -> list[str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    lines = [
        f"{platform.system()} {platform.release()} ({platform.machine()}), {cpu}, "
        f"{os.cpu_count()} CPU(s){memory}",
        f"Python {platform.python_version()} ({sys.executable})",
    ]
    lines += [f"{k}: {v}" for k, v in versions.items()]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Build the environments, time everything, print medians, ratios and targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (15)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (3)")
    parser.add_argument("--quick", action="store_true",
                        help="5 runs, 1 warm-up, kits of 10 and 100 tools only")
    parser.add_argument("--cache", type=Path, default=BENCH / ".venvs",
                        help="where the virtual environments live (bench/.venvs)")
    parser.add_argument("--fresh", action="store_true", help="rebuild every environment")
    parser.add_argument("--no-hyperfine", action="store_true", help="use the Python harness")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown")
    parser.add_argument("--json", type=Path, help="also write the raw timings as JSON")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch folder (answers, templates, kits, outputs)")
    args = parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 (any python3 may run this script)
        say("survivalkit needs Python 3.11 or later: run this script with such an interpreter.")
        return 2
    if args.quick:
        args.runs, args.warmup = min(args.runs, 5), min(args.warmup, 1)
    sizes = QUICK_SIZES if args.quick else SIZES

    cache = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="survivalkit-bench-"))
    home = work / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SURVIVALKIT_") and k not in ("PYTHONDONTWRITEBYTECODE",
                                                              "PYTHONPATH", "VIRTUAL_ENV")}
    # A throw-away home: nothing is read from or written to the real one.
    env.update(HOME=str(home), SURVIVALKIT_HOME=str(home / "survivalkit"),
               SURVIVALKIT_LANG="fr", SURVIVALKIT_NO_INPUT="1", NO_COLOR="1", COLUMNS="120",
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CACHE_HOME=str(home / ".cache"))

    say(f"environments in {cache}; scratch files in {work}")
    say("installing survivalkit (pip install .[pdf], non-editable) ...")
    sk_venv = cache / "survivalkit"
    install_survivalkit(sk_venv, fresh=args.fresh)
    say("installing cookiecutter, copier and the click hello app ...")
    cc_venv = make_venv(cache / "cookiecutter", ["cookiecutter"], fresh=args.fresh)
    cp_venv = make_venv(cache / "copier", ["copier"], fresh=args.fresh)
    hello_venv = cache / "click-hello"
    install_hello(hello_venv, cache, fresh=args.fresh)
    typer_venv = cache / "typer-app"
    install_typer_app(typer_venv, cache, fresh=args.fresh)
    typer_app = str(venv_bin(typer_venv, "typer-app"))

    sk = str(venv_bin(sk_venv, "survivalkit"))
    cookiecutter = str(venv_bin(cc_venv, "cookiecutter"))
    copier = str(venv_bin(cp_venv, "copier"))
    hello = str(venv_bin(hello_venv, "hello"))
    sk_python = venv_bin(sk_venv, "python")
    bundled = Path(run([sk_python, "-c", "from survivalkit.kit.loader import bundled_kit_dir;"
                        "print(bundled_kit_dir())"], env=env).stdout.strip())
    bundled_tools = len([p for p in (bundled / "tools").iterdir() if p.suffix in (".yaml", ".yml")])

    hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")
    versions = {
        "survivalkit": first_line([sk, "--version"], env),
        "cookiecutter": first_line([cookiecutter, "--version"], env),
        "copier": first_line([copier, "--version"], env),
        "click": first_line([venv_bin(hello_venv, "python"), "-c",
                             "import importlib.metadata as m; print(m.version('click'))"], env),
        "timer": first_line([hyperfine, "--version"], env) if hyperfine
        else "Python harness (hyperfine not found)",
    }
    info = machine_info(versions)
    say("")
    for line in info:
        say(line)
    say(f"{args.runs} timed runs after {args.warmup} warm-up runs (a third as many, after one "
        f"warm-up, for commands over 2 s; 3 runs over 20 s); medians")

    bench = Bench(env=env, cwd=work, runs=args.runs, warmup=args.warmup, hyperfine=hyperfine)

    # 1. start-up
    bench.group("start-up", [
        ("survivalkit --version", [sk, "--version"], (0,)),
        ("survivalkit --help", [sk, "--help"], (0,)),
        ("survivalkit list (bundled kit)", [sk, "list"], (0,)),
        ("cookiecutter --version", [cookiecutter, "--version"], (0,)),
        ("copier --version", [copier, "--version"], (0,)),
        ("click hello app", [hello], (0,)),
        ("bare typer app (two commands)", [typer_app, "hello"], (0,)),
    ])

    # 2. one tool to Markdown and HTML, from an answers file
    memo_answers, memo_date = example_answers(sk_python, "memo-achat-public", env)
    write_answers(work / "memo-answers.yaml", memo_answers, "memo-achat-public", memo_date)
    # An e-mail answer shaped to make a backtracking check take minutes: refused at once.
    hostile = {**memo_answers, "courriel": "a@" + "b." * 450_000 + " "}
    write_answers(work / "hostile-answers.yaml", hostile, "memo-achat-public", memo_date)
    layer = work / "five-question-layer"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "note-cinq-questions.yaml").write_text(five_question_tool(), "utf-8")
    five = {**profile_answers(), **FIVE}
    write_answers(work / "five-answers.yaml", five, "note-cinq-questions", "2026-11-26")
    cc_tpl = cookiecutter_template(work)
    cp_tpl = copier_template(work)
    bench.group("one tool rendered non-interactively to Markdown and HTML", [
        ("survivalkit run memo-achat-public (md,html)",
         [sk, "run", "memo-achat-public", "--answers", str(work / "memo-answers.yaml"),
          "--format", "md,html", "-o", str(work / "out-memo"), "--force"], (0,)),
        ("survivalkit run memo-achat-public, 900 KB e-mail answer (refused)",
         [sk, "run", "memo-achat-public", "--answers", str(work / "hostile-answers.yaml"),
          "--format", "md,html", "-o", str(work / "out-hostile"), "--force"], (1, 2)),
        ("survivalkit run 5-question tool (md,html)",
         [sk, "run", "note-cinq-questions", "--kit", str(layer),
          "--answers", str(work / "five-answers.yaml"),
          "--format", "md,html", "-o", str(work / "out-five"), "--force"], (0,)),
        ("cookiecutter --no-input (5 questions, 2 files)",
         [cookiecutter, "--no-input", "--overwrite-if-exists", "-o", str(work / "out-cc"),
          str(cc_tpl), *[f"{k}={v}" for k, v in FIVE.items()]], (0,)),
        ("copier copy --defaults --data (5 questions, 2 files)",
         [copier, "copy", "--defaults", "--overwrite", "--quiet",
          *[a for k, v in FIVE.items() for a in ("--data", f"{k}={v}")],
          str(cp_tpl), str(work / "out-copier")], (0,)),
    ])

    # 3. kit scale
    say(f"\n(generated kits are layered on the bundled kit with --kit: a kit of N generated tools "
        f"holds N + {bundled_tools} tools)")
    for n in sizes:
        kit = generated_kit(work, bundled, n)
        bench.group(f"kit of {n} generated tools ({n + bundled_tools} in all)", [
            (f"list, {n} tools", [sk, "list", "--kit", str(kit)], (0,)),
            (f"show, {n} tools", [sk, "show", "outil-genere-0001", "--kit", str(kit)], (0,)),
            # validate exits 1 when the kit has problems: still timed, and said so. Its problems
            # are cached per tool by content hash: warm-up runs fill the cache, as pre-commit would.
            (f"validate, {n} tools", [sk, "validate", "--kit", str(kit)], (0, 1)),
            # ...and without any cache, every tool checked from scratch (informative).
            (f"validate, {n} tools, no cache", ["env", "SURVIVALKIT_NO_CACHE=1", sk, "validate",
                                                "--kit", str(kit)], (0, 1)),
        ])

    # 3b. glossary scale: finding terms in the kit's texts costs one look-up per word
    bench.group("glossary scale", [
        (f"validate, glossary of {n} terms", [sk, "validate", "--kit", str(glossary_layer(work, n))],
         (0, 1)) for n in (1000, 15000)
    ])

    # 4. the booklet
    probe = run([sk, "sheets", "--help"], env=env, check=False)
    if probe.returncode != 0:
        say("\n== booklet: SKIPPED, `survivalkit sheets` is not available in this version yet")
    else:
        bench.group("the bundled kit's booklet", [
            ("sheets --format html", [sk, "sheets", "--format", "html", "--force", "-o",
                                      str(work / "booklet.html")], (0,)),
            ("sheets --format pdf", [sk, "sheets", "--format", "pdf", "--force", "-o",
                                     str(work / "booklet.pdf")], (0,)),
        ])

    # ratios and targets
    m = bench.median
    say("\n== ratios (medians of this run)")

    def ratio(a: str, b: str) -> float | None:
        top, bottom = m(a), m(b)
        return top / bottom if top is not None and bottom else None

    def cpu_ratio(a: str, b: str) -> float | None:
        ra, rb = bench.results.get(a), bench.results.get(b)
        if ra is None or rb is None or not ra.cpu or not rb.cpu:
            return None
        return ra.cpu / rb.cpu

    ratios = [(label, ratio(*pair)) for label, pair in RATIO_PAIRS.items()]
    cpu_ratios = {label: cpu_ratio(*pair) for label, pair in RATIO_PAIRS.items()}
    say(f"  {'':<52} {'wall':>7}  {'cpu':>7}")
    for label, value in ratios:
        cpu = cpu_ratios.get(label)
        say(f"  {label:<52} {x(value):>7}  {x(cpu):>7}")

    say("\n== cost per tool (from the smallest to the largest generated kit)")
    per_tool: dict[str, float | None] = {}
    linear_detail = ""
    validate_linear: float | None = None
    lo, hi = sizes[0], sizes[-1]
    for what in ("list", "show", "validate"):
        a, b = m(f"{what}, {lo} tools"), m(f"{what}, {hi} tools")
        per_tool[what] = (b - a) / (hi - lo) if a is not None and b is not None else None
        say(f"  {what:<10} {'n/a' if per_tool[what] is None else ms(per_tool[what]) + ' per tool'}")
    v = [m(f"validate, {n} tools") for n in sizes]
    if len(sizes) >= 3 and all(x is not None for x in v):
        # Linear: the marginal cost per tool stays the same from one size to the next.
        steps = [(v[i + 1] - v[i]) / (sizes[i + 1] - sizes[i]) for i in range(len(sizes) - 1)]  # type: ignore[operator]
        validate_linear = steps[-1] / steps[0] if steps[0] > 0 else None
        linear_detail = " → ".join(ms(s) for s in steps) + " per tool"
        say(f"  validate, marginal cost per tool by step: {linear_detail}")

    list_1000 = m("list, 1000 tools") if 1000 in sizes else None
    targets = [
        Target("`survivalkit list` (bundled kit) ≤ 0.8× `cookiecutter --version`",
               ratios[0][1], 0.8, "x"),
        Target("`survivalkit list` (bundled kit) ≤ 0.4× `copier --version`", ratios[1][1], 0.4,
               "x"),
        Target("`survivalkit --version` ≤ 3× the click hello app", ratios[2][1], 3.0, "x"),
        Target("one tool to Markdown and HTML ≤ 0.7× cookiecutter's render (memo-achat-public)",
               ratios[4][1], 0.7, "x"),
        Target("one tool to Markdown and HTML ≤ 0.7× cookiecutter's render (5-question tool)",
               ratios[5][1], 0.7, "x"),
        Target("a 900 KB hostile e-mail answer is refused in ≤ 1.5× one tool's render",
               dict(ratios).get("900 KB hostile e-mail answer refused / memo-achat-public render"),
               1.5, "x"),
        Target("`list` ≤ 1.25× a bare two-command typer app (issue 14 floor)",
               dict(ratios).get("survivalkit list / bare typer app"), 1.25, "x"),
        Target("one tool rendered to md+html ≤ 1.5× a bare two-command typer app (issue 14 floor)",
               dict(ratios).get("memo-achat-public render / bare typer app"), 1.5, "x"),
        Target("`list` on 1,000 generated tools < 1 s", list_1000, 1.0, "s"),
        Target("`validate` ≤ 3× `list` on 100 generated tools (same run)",
               dict(ratios).get("validate / list, 100 generated tools"), 3.0, "x"),
        Target("`validate` grows linearly (marginal cost per tool, last step / first step ≤ 1.3)",
               validate_linear, 1.3, "x", linear_detail),
        Target("PDF booklet of the bundled kit < 3 s", m("sheets --format pdf"), 3.0, "s"),
        Target("`validate` with a 15× larger glossary ≤ 3× the time (15,000 / 1,000 terms)",
               ratio("validate, glossary of 15000 terms", "validate, glossary of 1000 terms"),
               3.0, "x"),
    ]
    say("\n== targets")
    for target in targets:
        say(f"  [{target.status:^12}] {target.label}: {target.shown(target.value)}"
            f" (limit {target.shown(target.limit)})")

    if args.markdown:
        args.markdown.write_text(markdown(info, bench, ratios, cpu_ratios, per_tool, targets,
                                          args, bundled_tools), encoding="utf-8")
        say(f"\nMarkdown written to {args.markdown}")
    if args.json:
        args.json.write_text(json.dumps(
            {"machine": info, "results": {r.name: {"cmd": r.cmd, "times": r.times,
                                                   "error": r.error, "note": r.note}
                                          for r in bench.results.values()}},
            indent=2, ensure_ascii=False), encoding="utf-8")
        say(f"JSON written to {args.json}")
    if args.keep:
        say(f"scratch folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def markdown(info: list[str], bench: Bench, ratios: list[tuple[str, float | None]],
             cpu_ratios: dict[str, float | None],
             per_tool: dict[str, float | None], targets: list[Target],
             args: argparse.Namespace, bundled_tools: int) -> str:
    """The results as Markdown tables, ready for docs/performance.md."""
    out = ["### Machine", ""] + [f"- {line}" for line in info] + [""]
    out += [f"{args.runs} timed runs per command after {args.warmup} warm-up runs "
            "(a third as many, after one warm-up, for commands over 2 s; 3 runs over 20 s).", ""]
    out += ["### Medians", "", "| command | median | min | max | CPU (user+sys) | runs |",
            "|---|---:|---:|---:|---:|---:|"]
    for r in bench.results.values():
        if r.times:
            note = f" ({r.note})" if r.note else ""
            out.append(f"| {r.name}{note} | {ms(r.median)} | {ms(r.low)} | {ms(r.high)} | "
                       f"{ms(r.cpu)} | {len(r.times)} |")
        else:
            out.append(f"| {r.name} | not timed: {r.error.replace('|', '/')} | | | | |")
    if "sheets --format pdf" not in bench.results:
        out.append("| sheets (booklet) | skipped: command not available yet | | | | |")
    out += ["", f"Generated kits are layered on the bundled kit ({bundled_tools} tools) with "
            "`--kit`.", ""]
    out += ["### Ratios (medians of the same run)", "",
            "| ratio | wall clock | CPU (user+sys) |", "|---|---:|---:|"]
    out += [f"| {label} | {x(v)} | {x(cpu_ratios.get(label))} |" for label, v in ratios]
    out += ["", "### Cost per tool", "", "| command | per tool |", "|---|---:|"]
    out += [f"| {k} | {ms(v)} |" for k, v in per_tool.items()]
    out += ["", "### Targets", "", "| target | measured | limit | status |", "|---|---:|---:|---|"]
    out += [f"| {t.label} | {t.shown(t.value)}{' (' + t.detail + ')' if t.detail else ''} | "
            f"{t.shown(t.limit)} | {t.status} |" for t in targets]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
