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
SIZES = (100, 1000, 5000)
QUICK_SIZES = (100, 1000)


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


LIBRARY_FLOOR = TYPER_APP.replace(
    "import typer\n",
    "import email.policy\nimport json\n\nimport jinja2.sandbox\nimport markdown_it\nimport typer\nimport yaml\n", 1,
) + "\n\nmain()\n"
"""The bare typer app that also imports the libraries a run of one tool to Markdown and HTML cannot
do without (jinja2 for the templates, markdown-it for the HTML, PyYAML for the answers files,
``email`` for the draft): the floor under that run, with none of survivalkit's code (issue 30)."""


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
    peak: float | None = None  # peak resident memory in MB: the largest timed run (else the check run)
    peaks: list[float] = field(default_factory=list)
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
    loads: list[float] = field(default_factory=list)
    """The machine's load average (1 minute) before and after each group of commands."""

    def load(self) -> None:
        """Note the machine's load now (the numbers of a shared machine depend on it)."""
        if hasattr(os, "getloadavg"):
            self.loads.append(os.getloadavg()[0])

    def load_line(self) -> str:
        """The load seen during the run, for the report."""
        if not self.loads:
            return "load average: not known on this system"
        return (f"load average (1 min) during the run: {min(self.loads):.1f} to "
                f"{max(self.loads):.1f}, median {statistics.median(self.loads):.1f}, on "
                f"{os.cpu_count()} CPU(s)")

    def group(self, title: str, commands: list[tuple[str, list[str], tuple[int, ...]]], *,
              once: bool = False) -> None:
        """Time ``(name, argv, accepted exit codes)`` commands in one go, so ratios are fair;
        ``once``: the first run is the one measure (commands of minutes, such as a cold
        ``validate`` of thousands of tools, whose every run starts from empty caches). A group
        left out (``--only``) has no commands and prints nothing."""
        if not commands:
            return
        say(f"\n== {title}")
        self.load()
        try:
            self._group(commands, once)
        finally:
            self.load()

    def _group(self, commands: list[tuple[str, list[str], tuple[int, ...]]], once: bool) -> None:
        ready: list[Result] = []
        slowest = 0.0
        for name, cmd, ok_codes in commands:
            result = Result(name, cmd, ok_codes)
            self.results[name] = result
            start = time.perf_counter()
            with tempfile.TemporaryFile() as out:
                proc = subprocess.Popen(cmd, env=self.env, cwd=self.cwd, stdin=subprocess.DEVNULL,
                                        stdout=out, stderr=subprocess.STDOUT)
                code, used, peak = wait(proc)
                out.seek(0)
                text = out.read().decode("utf-8", "replace")
            elapsed = time.perf_counter() - start
            result.peak = peak
            if once and code in ok_codes:
                result.times, result.cpu = [elapsed], used
            if code not in ok_codes:
                tail = text.strip().splitlines()[-3:]
                result.error = f"exit {code}: " + " | ".join(tail)
                say(f"  {name}: NOT TIMED, {result.error}")
                continue
            if code != 0:
                result.note = f"exits {code}"
            slowest = max(slowest, elapsed)
            ready.append(result)
        if not ready:
            return
        if once:
            self._report(ready)
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
        self._report(ready)

    def _report(self, ready: list[Result]) -> None:
        for result in ready:
            say(f"  {result.name:<52} median {ms(result.median):>9}   "
                f"min {ms(result.low):>9}   max {ms(result.high):>9}   cpu {ms(result.cpu):>9}"
                f"   peak {mb(result.peak):>7}"
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
        code, used, peak = wait(proc)
        elapsed = time.perf_counter() - start
        if peak is not None:
            result.peaks.append(peak)
            result.peak = max(result.peaks)  # timed runs only: the first (cold) run fills caches
        if code not in result.ok_codes and "failed" not in result.note:
            result.note = (result.note + "; " if result.note else "") + f"a run failed ({code})"
        return elapsed, used

    def median(self, name: str) -> float | None:
        result = self.results.get(name)
        return result.median if result and result.times else None


def wait(proc: subprocess.Popen[bytes]) -> tuple[int, float | None, float | None]:
    """Wait for a process: its exit code, CPU seconds (user + system) and peak memory in MB."""
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in KB on Linux (bytes on macOS)
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        return proc.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / scale
    proc.wait()  # pragma: no cover - Windows
    return proc.returncode, None, None


def mb(value: float | None) -> str:
    """Megabytes."""
    return "n/a" if value is None else f"{value:,.0f} MB"


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


class GeneratorError(SystemExit):
    """The kit generator could not make distinct tools: the benchmark must not carry on."""


GENERATED_FROM = "memo-achat-public"


def make_kit(bundled: Path, count: int, kit: Path) -> Path:
    """Write a kit of ``count`` distinct tools in ``kit`` (``kit.yaml`` and ``tools/``).

    Each tool is the bundled ``memo-achat-public`` under a new id, with its own title, summary
    and a Jinja comment of its own at the head of every template: no two files share a hash and
    no two templates share a text, so that no cache keyed by content makes a generated kit
    cheaper than a real one. Needs PyYAML (any survivalkit environment has it). Raises
    ``GeneratorError`` when the generator does not apply to the bundled tool any more.
    """
    import hashlib

    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - depends on the interpreter
        raise GeneratorError("--make-kit needs PyYAML: run this script with survivalkit's "
                             "Python (e.g. /work/venv/bin/python or bench/.venvs/...)") from exc
    source = bundled / "tools" / f"{GENERATED_FROM}.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, list) or not documents:
        raise GeneratorError(f"kit generator: {source} has no documents list any more")
    templated = [d for d in documents if isinstance(d, dict) and isinstance(d.get("template"), dict)
                 and d["template"]]
    if not templated or not all(isinstance(data.get(k), dict) for k in ("title", "summary")):
        raise GeneratorError(f"kit generator: {source} no longer has per-language title, summary "
                             "and document templates: update make_kit() in bench/run.py")
    if kit.exists():
        shutil.rmtree(kit)
    tools = kit / "tools"
    tools.mkdir(parents=True)
    shutil.copy(bundled / "kit.yaml", kit / "kit.yaml")
    hashes: set[str] = set()
    for i in range(1, count + 1):
        tool_id = f"outil-genere-{i:04d}"
        own = dict(data)
        own["title"] = {lang: f"{text} (n° {i})" for lang, text in data["title"].items()}
        own["summary"] = {lang: f"{text} ({tool_id})" for lang, text in data["summary"].items()}
        own["documents"] = [
            {**d, "template": {lang: "{# " + tool_id + " #}" + text
                              for lang, text in d["template"].items()}}
            if d in templated else d
            for d in documents
        ]
        text = yaml.safe_dump(own, allow_unicode=True, sort_keys=False, width=100)
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()
        if digest in hashes:
            raise GeneratorError(f"kit generator: {tool_id} has the same bytes as another tool")
        hashes.add(digest)
        (tools / f"{tool_id}.yaml").write_text(text, encoding="utf-8")
    return kit


def generated_kit(root: Path, bundled: Path, count: int) -> Path:
    """The kit of ``count`` distinct generated tools under ``root`` (made once per run)."""
    kit = root / f"kit-{count}"
    tools = kit / "tools"
    if tools.is_dir() and len(list(tools.iterdir())) == count:
        import hashlib

        digests = {hashlib.blake2b(p.read_bytes(), digest_size=20).digest() for p in tools.iterdir()}
        if len(digests) == count:
            return kit
    return make_kit(bundled, count, kit)


# ---------------------------------------------------------------------------------------------
# the benchmark

RATIO_PAIRS = {
    "survivalkit list / bare typer app":
        ("survivalkit list (bundled kit)", "bare typer app (two commands)"),
    "memo-achat-public render / bare typer app":  # the typer app timed in the same group
        ("survivalkit run memo-achat-public (md,html)", "bare typer app (two commands), again"),
    "library floor of a run / bare typer app":
        ("bare typer app + the libraries of that run (floor)", "bare typer app (two commands), again"),
    "memo-achat-public render / library floor":
        ("survivalkit run memo-achat-public (md,html)", "bare typer app + the libraries of that run (floor)"),
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
    "900 KB hostile e-mail answer refused / memo-achat-public render":
        ("survivalkit run memo-achat-public, 900 KB e-mail answer (refused)",
         "survivalkit run memo-achat-public (md,html)"),
    "show, 1000 tools / show, bundled kit": ("show, 1000 tools", "show, bundled kit"),
    "run, 1000 tools / run, bundled kit": ("run, 1000 tools", "run, bundled kit"),
    "list, 1000 tools / list, bundled kit": ("list, 1000 tools", "list, bundled kit"),
    "show, 5000 tools / show, bundled kit": ("show, 5000 tools", "show, bundled kit"),
    "run, 5000 tools / run, bundled kit": ("run, 5000 tools", "run, bundled kit"),
    "list, 5000 tools / list, bundled kit": ("list, 5000 tools", "list, bundled kit"),
}


CURVES = ("list", "show", "run", "validate", "validate after one tool changed",
          "validate from empty caches")
"""The kit-scale curves: each command at each kit size."""


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
        if self.unit == "MB":
            return f"{number:,.0f} MB"
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


PARTS = ("startup", "render", "scale", "cold", "glossary", "printing")
"""The benchmark's groups, for ``--only``: start-up, one tool's render, kit scale, validate from
empty caches, glossary scale, the booklet and one PDF."""


def parts(text: str) -> frozenset[str]:
    """``--only``'s value: known group names, comma-separated."""
    chosen = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(chosen - set(PARTS))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"unknown group(s) {', '.join(unknown) or '(none)'}: "
                                         f"choose among {', '.join(PARTS)}")
    return chosen


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (15)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (3)")
    parser.add_argument("--quick", action="store_true",
                        help="5 runs, 1 warm-up, kits of 100 and 1000 tools only")
    parser.add_argument("--sizes", type=lambda v: tuple(int(n) for n in v.split(",")),
                        help="kit sizes, comma-separated (default 100,1000,5000)")
    parser.add_argument("--cold-sizes", type=lambda v: tuple(int(n) for n in v.split(",")),
                        help="kit sizes at which validate runs from empty caches (default: every "
                             "size; about a minute of CPU per 1,000 tools)")
    parser.add_argument("--cache", type=Path, default=BENCH / ".venvs",
                        help="where the virtual environments live (bench/.venvs)")
    parser.add_argument("--python", type=Path,
                        help="use this environment's Python instead of building environments: "
                             "survivalkit runs from this checkout's src/ (PYTHONPATH), "
                             "cookiecutter and copier from the same environment when installed "
                             "there (skipped, and said so, when not)")
    parser.add_argument("--fresh", action="store_true", help="rebuild every environment")
    parser.add_argument("--no-hyperfine", action="store_true", help="use the Python harness")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown")
    parser.add_argument("--json", type=Path, help="also write the raw timings as JSON")
    parser.add_argument("--keep", action="store_true",
                        help="keep the scratch folder (answers, templates, kits, outputs)")
    parser.add_argument("--kits", type=Path,
                        help="make the generated kits in this folder and reuse them between runs "
                             "(they are checked again: N distinct tool files)")
    parser.add_argument("--only", type=parts,
                        help="only these groups, comma-separated, among " + ", ".join(PARTS)
                             + " (default: all; the ratios and targets of the others say "
                               "« not measured »)")
    parser.add_argument("--make-kit", nargs=2, metavar=("N", "DIR"),
                        help="only write a kit of N distinct generated tools into DIR, and stop")
    return parser.parse_args(argv)


@dataclass
class Programs:
    """The commands compared, each an argv prefix (None: not available, skipped)."""

    sk: list[str]
    python: Path
    cookiecutter: list[str] | None
    copier: list[str] | None
    hello: list[str]
    typer_app: list[str]


def programs_from_venvs(args: argparse.Namespace, cache: Path) -> Programs:
    """Build (or reuse) one environment per program under ``cache``."""
    say("installing survivalkit (pip install .[pdf], non-editable) ...")
    sk_venv = cache / "survivalkit"
    install_survivalkit(sk_venv, fresh=args.fresh)
    say("installing cookiecutter, copier, the click hello app and the bare typer app ...")
    cc_venv = make_venv(cache / "cookiecutter", ["cookiecutter"], fresh=args.fresh)
    cp_venv = make_venv(cache / "copier", ["copier"], fresh=args.fresh)
    hello_venv = cache / "click-hello"
    install_hello(hello_venv, cache, fresh=args.fresh)
    typer_venv = cache / "typer-app"
    install_typer_app(typer_venv, cache, fresh=args.fresh)
    return Programs(
        sk=[str(venv_bin(sk_venv, "survivalkit"))], python=venv_bin(sk_venv, "python"),
        cookiecutter=[str(venv_bin(cc_venv, "cookiecutter"))],
        copier=[str(venv_bin(cp_venv, "copier"))],
        hello=[str(venv_bin(hello_venv, "hello"))],
        typer_app=[str(venv_bin(typer_venv, "typer-app"))],
    )


def programs_from_python(python: Path, work: Path, env: dict[str, str]) -> Programs:
    """Everything from one existing environment; survivalkit from this checkout's ``src/``."""
    env["PYTHONPATH"] = str(REPO / "src")
    scripts = work / "apps"
    scripts.mkdir(parents=True, exist_ok=True)
    (scripts / "hello_app.py").write_text(HELLO_APP + "\n\nmain()\n", encoding="utf-8")
    (scripts / "typer_app.py").write_text(TYPER_APP + "\n\nmain()\n", encoding="utf-8")
    folder = python.parent
    found: dict[str, list[str] | None] = {}
    for name in ("cookiecutter", "copier"):
        exe = folder / name
        found[name] = [str(exe)] if exe.exists() else None
        if found[name] is None:
            say(f"  {name} is not installed next to {python}: its comparisons are SKIPPED "
                f"(pip install {name} into that environment to measure them)")
    return Programs(
        sk=[str(python), "-m", "survivalkit"], python=python,
        cookiecutter=found["cookiecutter"], copier=found["copier"],
        hello=[str(python), str(scripts / "hello_app.py")],
        typer_app=[str(python), str(scripts / "typer_app.py"), "hello"],
    )


def main(argv: list[str] | None = None) -> int:
    """Build the environments, time everything, print medians, ratios and targets."""
    args = parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 (any python3 may run this script)
        say("survivalkit needs Python 3.11 or later: run this script with such an interpreter.")
        return 2
    if args.make_kit:
        count, folder = int(args.make_kit[0]), Path(args.make_kit[1])
        make_kit(REPO / "kit", count, folder)
        say(f"{count} distinct tools written to {folder / 'tools'} (use it with --kit {folder})")
        return 0
    if args.quick:
        args.runs, args.warmup = min(args.runs, 5), min(args.warmup, 1)
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)

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

    say(f"scratch files in {work}")
    if args.python:
        prog = programs_from_python(args.python, work, env)
    else:
        say(f"environments in {cache}")
        prog = programs_from_venvs(args, cache)
    sk = prog.sk
    bundled = Path(run([prog.python, "-c", "from survivalkit.kit.loader import bundled_kit_dir;"
                        "print(bundled_kit_dir())"], env=env).stdout.strip())
    bundled_tools = len([p for p in (bundled / "tools").iterdir() if p.suffix in (".yaml", ".yml")])

    hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")
    versions = {
        "survivalkit": first_line([*sk, "--version"], env),
        "cookiecutter": first_line([*prog.cookiecutter, "--version"], env)
        if prog.cookiecutter else "not installed (skipped)",
        "copier": first_line([*prog.copier, "--version"], env)
        if prog.copier else "not installed (skipped)",
        "typer": first_line([prog.python, "-c",
                             "import importlib.metadata as m; print(m.version('typer'))"], env),
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

    def wanted(part: str) -> bool:
        return args.only is None or part in args.only

    def optional(name: str, argv: list[str] | None, *rest: str,
                 ok: tuple[int, ...] = (0,)) -> list[tuple[str, list[str], tuple[int, ...]]]:
        return [] if argv is None else [(name, [*argv, *rest], ok)]

    # 1. start-up
    bench.group("start-up", [] if not wanted("startup") else [
        ("survivalkit --version", [*sk, "--version"], (0,)),
        ("survivalkit --help", [*sk, "--help"], (0,)),
        ("survivalkit list (bundled kit)", [*sk, "list"], (0,)),
        *optional("cookiecutter --version", prog.cookiecutter, "--version"),
        *optional("copier --version", prog.copier, "--version"),
        ("click hello app", prog.hello, (0,)),
        ("bare typer app (two commands)", prog.typer_app, (0,)),
    ])

    # 2. one tool to Markdown and HTML, from an answers file
    floor = work / "library_floor.py"
    floor.write_text(LIBRARY_FLOOR, encoding="utf-8")
    memo_answers, memo_date = example_answers(prog.python, "memo-achat-public", env)
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
    memo_run = ["run", "memo-achat-public", "--answers", str(work / "memo-answers.yaml")]
    bench.group("one tool rendered non-interactively to Markdown and HTML", [] if not wanted("render") else [
        ("survivalkit run memo-achat-public (md,html)",
         [*sk, *memo_run, "--format", "md,html", "-o", str(work / "out-memo"), "--force"], (0,)),
        ("bare typer app + the libraries of that run (floor)", [str(prog.python), str(floor), "hello"], (0,)),
        ("bare typer app (two commands), again", prog.typer_app, (0,)),
        ("survivalkit run memo-achat-public, 900 KB e-mail answer (refused)",
         [*sk, "run", "memo-achat-public", "--answers", str(work / "hostile-answers.yaml"),
          "--format", "md,html", "-o", str(work / "out-hostile"), "--force"], (1, 2)),
        ("survivalkit run 5-question tool (md,html)",
         [*sk, "run", "note-cinq-questions", "--kit", str(layer),
          "--answers", str(work / "five-answers.yaml"),
          "--format", "md,html", "-o", str(work / "out-five"), "--force"], (0,)),
        *optional("cookiecutter --no-input (5 questions, 2 files)", prog.cookiecutter,
                  "--no-input", "--overwrite-if-exists", "-o", str(work / "out-cc"),
                  str(cc_tpl), *[f"{k}={v}" for k, v in FIVE.items()]),
        *optional("copier copy --defaults --data (5 questions, 2 files)", prog.copier,
                  "copy", "--defaults", "--overwrite", "--quiet",
                  *[a for k, v in FIVE.items() for a in ("--data", f"{k}={v}")],
                  str(cp_tpl), str(work / "out-copier")),
    ])

    # 3. kit scale: one tool shown and run, the list, validate warm and after one change
    say(f"\n(generated kits are layered on the bundled kit with --kit: a kit of N generated tools "
        f"holds N + {bundled_tools} tools; every generated tool file is distinct)")
    gen_answers = {**memo_answers}
    write_answers(work / "gen-answers.yaml", gen_answers, "outil-genere-0001", memo_date)
    bench.group(f"bundled kit ({bundled_tools} tools), for the kit-scale ratios", [] if not wanted("scale") else [
        ("list, bundled kit", [*sk, "list"], (0,)),
        ("show, bundled kit", [*sk, "show", "memo-achat-public"], (0,)),
        ("run, bundled kit", [*sk, *memo_run, "--format", "md", "-o", str(work / "out-b"),
                              "--force"], (0,)),
    ])
    for n in sizes if wanted("scale") else ():
        kit = generated_kit(args.kits.resolve() if args.kits else work, bundled, n)
        one = kit / "tools" / "outil-genere-0001.yaml"
        # each run appends a comment of its own (the shell's PID) to one tool: a real change
        touch = f"echo \"# $$\" >> {shlex.quote(str(one))} && exec {shlex.join(sk)} validate " \
                f"--kit {shlex.quote(str(kit))}"
        group = [
            (f"list, {n} tools", [*sk, "list", "--kit", str(kit)], (0,)),
            (f"show, {n} tools", [*sk, "show", "outil-genere-0001", "--kit", str(kit)], (0,)),
            (f"run, {n} tools", [*sk, "run", "outil-genere-0001", "--kit", str(kit),
                                 "--answers", str(work / "gen-answers.yaml"), "--format", "md",
                                 "-o", str(work / f"out-gen-{n}"), "--force"], (0,)),
            # validate exits 1 when the kit has problems: still timed, and said so. Its problems
            # are cached per tool by content hash: warm-up runs fill the cache, as pre-commit would.
            (f"validate, {n} tools", [*sk, "validate", "--kit", str(kit)], (0, 1)),
            (f"validate after one tool changed, {n} tools", ["sh", "-c", touch], (0, 1)),
        ]
        if n <= 100:  # every tool checked from scratch (informative; minutes at 1000 tools)
            group.append((f"validate, {n} tools, no cache",
                          ["env", "SURVIVALKIT_NO_CACHE=1", *sk, "validate", "--kit", str(kit)],
                          (0, 1)))
        bench.group(f"kit of {n} generated tools ({n + bundled_tools} in all)", group)

    # 3a. validate from empty caches (every tool parsed and checked): minutes at thousands of
    # tools, so one run each, its CPU time and peak memory; the kit and lint caches are emptied
    # first (the commands above filled them).
    caches = shlex.quote(env["SURVIVALKIT_HOME"]) + "/cache"
    cold = []
    for n in [n for n in sizes if wanted("cold") and (args.cold_sizes is None or n in args.cold_sizes)]:
        kit = generated_kit(args.kits.resolve() if args.kits else work, bundled, n)
        cold.append((f"validate from empty caches, {n} tools",
                     ["sh", "-c", f"rm -rf {caches} && exec {shlex.join(sk)} validate "
                                  f"--kit {shlex.quote(str(kit))}"], (0, 1)))
    bench.group("validate from empty caches (one run each)", cold, once=True)

    # 3b. glossary scale: finding terms in the kit's texts costs one look-up per word
    bench.group("glossary scale", [
        (f"validate, glossary of {n} terms",
         [*sk, "validate", "--kit", str(glossary_layer(work, n))], (0, 1))
        for n in ((1000, 15000) if wanted("glossary") else ())
    ])

    # 4. the booklet, warm and first print (every survivalkit cache emptied first), and one PDF
    first = (f"rm -rf {caches} && exec {shlex.join(sk)} sheets --format pdf --force -o "
             f"{shlex.quote(str(work / 'booklet-first.pdf'))}")
    bench.group("the bundled kit's booklet, and one PDF", [] if not wanted("printing") else [
        ("sheets --format html", [*sk, "sheets", "--format", "html", "--force", "-o",
                                  str(work / "booklet.html")], (0,)),
        ("sheets --format pdf (warm)", [*sk, "sheets", "--format", "pdf", "--force", "-o",
                                        str(work / "booklet.pdf")], (0,)),
        ("sheets --format pdf (first print)", ["sh", "-c", first], (0,)),
        ("run memo-achat-public --format pdf",
         [*sk, *memo_run, "--format", "pdf", "-o", str(work / "out-pdf"), "--force"], (0,)),
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
    say(f"  {'':<60} {'wall':>7}  {'cpu':>7}")
    for label, value in ratios:
        cpu = cpu_ratios.get(label)
        say(f"  {label:<60} {x(value):>7}  {x(cpu):>7}")

    say("\n== kit-scale curves (CPU time and peak memory)")
    say(f"  {'command':<22}" + "".join(f"{n:>22}" for n in sizes))
    for what in CURVES:
        cells = []
        for n in sizes:
            r = bench.results.get(f"{what}, {n} tools")
            cells.append("n/a" if r is None or not r.times else f"{ms(r.cpu)} / {mb(r.peak)}")
        say(f"  {what[:22]:<22}" + "".join(f"{c:>22}" for c in cells))

    def cpu_of(name: str) -> float | None:
        r = bench.results.get(name)
        return r.cpu if r and r.times else None

    def peak_of(name: str) -> float | None:
        r = bench.results.get(name)
        return r.peak if r and r.times else None

    big = max(sizes)
    cr = cpu_ratios.get
    targets = [
        Target("`list` ≤ 1.25× a bare two-command typer app (CPU)",
               cr("survivalkit list / bare typer app"), 1.25, "x"),
        Target("one tool to md+html ≤ 1.5× the bare typer app (CPU)",
               cr("memo-achat-public render / bare typer app"), 1.5, "x"),
        Target("`list` ≤ 1.0× `cookiecutter --version` (CPU)",
               cr("survivalkit list / cookiecutter --version"), 1.0, "x"),
        Target("`--version` ≤ 3× a click hello (CPU)", cr("survivalkit --version / click hello"),
               3.0, "x"),
        Target("a 900 KB hostile e-mail answer is refused in ≤ 1.5× one tool's render",
               cr("900 KB hostile e-mail answer refused / memo-achat-public render"), 1.5, "x"),
        Target("`show` on 1,000 tools ≤ 1.5× on the bundled kit (CPU)",
               cr("show, 1000 tools / show, bundled kit"), 1.5, "x"),
        Target("`run` on 1,000 tools ≤ 1.5× on the bundled kit (CPU)",
               cr("run, 1000 tools / run, bundled kit"), 1.5, "x"),
        Target("`list` on 1,000 tools ≤ 3× on the bundled kit (CPU)",
               cr("list, 1000 tools / list, bundled kit"), 3.0, "x"),
        Target("`list` on 1,000 tools < 150 MB peak", peak_of("list, 1000 tools"), 150, "MB"),
        Target(f"`list` on {big:,} tools < 1 s CPU", cpu_of(f"list, {big} tools"), 1.0, "s"),
        Target(f"`show` on {big:,} tools < 1 s CPU", cpu_of(f"show, {big} tools"), 1.0, "s"),
        Target(f"`list` on {big:,} tools < 300 MB peak", peak_of(f"list, {big} tools"), 300, "MB"),
        Target(f"`validate` after one change, {big:,} tools ≤ 6 s CPU",
               cpu_of(f"validate after one tool changed, {big} tools"), 6.0, "s"),
        Target(f"`validate` from empty caches, {big:,} tools, < 1,000 MB peak (was 3.2 GB at 5,000)",
               peak_of(f"validate from empty caches, {big} tools"), 1000, "MB"),
        Target("booklet PDF, warm ≤ 2.5 s CPU", cpu_of("sheets --format pdf (warm)"), 2.5, "s"),
        Target("booklet PDF, first print ≤ 4 s CPU", cpu_of("sheets --format pdf (first print)"),
               4.0, "s"),
        Target("PDF of one memo ≤ 0.5 s CPU", cpu_of("run memo-achat-public --format pdf"),
               0.5, "s"),
        Target("`validate` with a 15× larger glossary ≤ 3× the time (15,000 / 1,000 terms)",
               ratio("validate, glossary of 15000 terms", "validate, glossary of 1000 terms"),
               3.0, "x"),
    ]
    info.append(bench.load_line())
    say(f"\n{info[-1]}")
    say("\n== targets")
    for target in targets:
        say(f"  [{target.status:^12}] {target.label}: {target.shown(target.value)}"
            f" (limit {target.shown(target.limit)})")

    if args.markdown:
        args.markdown.write_text(markdown(info, bench, ratios, cpu_ratios, sizes, targets,
                                          args, bundled_tools), encoding="utf-8")
        say(f"\nMarkdown written to {args.markdown}")
    if args.json:
        args.json.write_text(json.dumps(
            {"machine": info, "results": {r.name: {"cmd": r.cmd, "times": r.times, "cpu": r.cpu,
                                                   "peak_mb": r.peak,
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
             cpu_ratios: dict[str, float | None], sizes: Sequence[int], targets: list[Target],
             args: argparse.Namespace, bundled_tools: int) -> str:
    """The results as Markdown tables, ready for docs/performance.md."""
    out = ["### Machine", ""] + [f"- {line}" for line in info] + [""]
    out += [f"{args.runs} timed runs per command after {args.warmup} warm-up runs "
            "(a third as many, after one warm-up, for commands over 2 s; 3 runs over 20 s).", ""]
    out += ["### Medians", "",
            "| command | median | min | max | CPU (user+sys) | peak memory | runs |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for r in bench.results.values():
        if r.times:
            note = f" ({r.note})" if r.note else ""
            out.append(f"| {r.name}{note} | {ms(r.median)} | {ms(r.low)} | {ms(r.high)} | "
                       f"{ms(r.cpu)} | {mb(r.peak)} | {len(r.times)} |")
        else:
            out.append(f"| {r.name} | not timed: {r.error.replace('|', '/')} | | | | | |")
    out += ["", f"Generated kits are layered on the bundled kit ({bundled_tools} tools) with "
            "`--kit`; every generated tool file is distinct.", ""]
    out += ["### Ratios (medians of the same run)", "",
            "| ratio | wall clock | CPU (user+sys) |", "|---|---:|---:|"]
    out += [f"| {label} | {x(v)} | {x(cpu_ratios.get(label))} |" for label, v in ratios]
    out += ["", "### Kit-scale curves (CPU / peak memory)", "",
            "| command | " + " | ".join(f"{n:,} tools" for n in sizes) + " |",
            "|---|" + "---:|" * len(sizes)]
    for what in CURVES:
        cells = []
        for n in sizes:
            found = bench.results.get(f"{what}, {n} tools")
            cells.append("n/a" if found is None or not found.times
                         else f"{ms(found.cpu)} / {mb(found.peak)}")
        out.append(f"| {what} | " + " | ".join(cells) + " |")
    out += ["", "### Targets", "", "| target | measured | limit | status |", "|---|---:|---:|---|"]
    out += [f"| {t.label} | {t.shown(t.value)}{' (' + t.detail + ')' if t.detail else ''} | "
            f"{t.shown(t.limit)} | {t.status} |" for t in targets]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.exit(main())
