"""Hostile inputs: the corpus of tests/hostile/, full disks, and property-based tests of the loader.

Every hostile input must end with a clear message naming the problem (and its place when there
is a file), an exit code of 1 or 2 (never 3, the crash code), no traceback, no crash report, and
nothing written outside the output folder.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import run_cli
from survivalkit.cli.terminal import visible
from survivalkit.errors import KitError
from survivalkit.files import writer as writer_module
from survivalkit.kit.loader import bundled_kit_dir, load_kit, parse_model
from survivalkit.kit.model import Tool
from survivalkit.kit.yamlread import MAX_BYTES, parse_yaml
from survivalkit.text.localized import UNSAFE_CHARS

DEFAULT_EXIT = {"tool": 1, "kit": 1, "template": 1, "answers": 2, "cli": 1}
"""The documented exit code of a refused input (``errors.ExitCode``): a kit's mistake, an unknown
tool or a folder that cannot be used is an error (1); an answers file that cannot work is a usage
error (2). A case says ``exit:`` when it differs."""
HOSTILE = Path(__file__).parent / "hostile"
CASES: list[dict[str, Any]] = yaml.safe_load((HOSTILE / "expected.yaml").read_text("utf-8"))
DATE = "2026-11-26"
BASE_TOOL = HOSTILE / "templates" / "hostile-base-ok.yaml"
SUPPORT_FILES = {"expected.yaml", "profile.yaml", "answers/good.yaml", "templates/hostile-base-ok.yaml"}
HYPOTHESIS = settings(deadline=None, database=None, derandomize=True,
                      suppress_health_check=[HealthCheck.too_slow,
                                             HealthCheck.function_scoped_fixture])


# Small budgets for kit code, so that each hostile template stops in a fraction of a second.
LIMITS = "seconds=1,steps=50000,value=100000,total=2000000,output=200000"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages printed before a command knows its --lang follow the locale: pin them."""
    monkeypatch.setenv("SURVIVALKIT_LANG", "en")
    monkeypatch.setenv("SURVIVALKIT_KIT_LIMITS", LIMITS)


# --- building the inputs that cannot be files of the repository --------------------------------
def _oversize(folder: Path) -> Path:
    path = folder / "trop-gros.yaml"
    text = BASE_TOOL.read_text("utf-8") + "# " + "x" * (MAX_BYTES + 10) + "\n"
    path.write_text(text, "utf-8")
    return path


def _long_name(folder: Path) -> Path:
    path = folder / ("outil-" + "x" * 120 + ".yaml")
    shutil.copy(BASE_TOOL, path)
    return path


def _symlink_passwd(folder: Path) -> Path:
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    path = folder / "mot-de-passe.yaml"
    try:
        path.symlink_to("/etc/passwd")
    except OSError:
        pytest.skip("symbolic links are not available")
    return path


def _answers_100kb(folder: Path) -> Path:
    path = folder / "cent-ko.yaml"
    text = (HOSTILE / "answers" / "good.yaml").read_text("utf-8")
    path.write_text(text.replace("objet: six ateliers", "objet: " + "x" * 102_400), "utf-8")
    return path


MAKERS: dict[str, Callable[[Path], Path]] = {
    "oversize": _oversize,
    "long-name": _long_name,
    "symlink-passwd": _symlink_passwd,
    "answers-100kb": _answers_100kb,
}


def _materialise(case: dict[str, Any], folder: Path) -> Path:
    """The case's input placed in ``folder`` (copied, or built by a maker)."""
    folder.mkdir(parents=True, exist_ok=True)
    make = case.get("make")
    if make is None:
        source = HOSTILE / case["input"]
        target = folder / source.name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
        return target
    if make.startswith("name:"):
        target = folder / make.removeprefix("name:")
        shutil.copy(BASE_TOOL, target)
        return target
    return MAKERS[make](folder)


def _params(kinds: set[str], xfail_key: str = "xfail",
            keep: Callable[[dict[str, Any]], bool] = lambda c: True) -> list[Any]:
    params = []
    for case in CASES:
        if case["as"] not in kinds or not keep(case):
            continue
        marks = []
        if case.get(xfail_key):
            marks.append(pytest.mark.xfail(reason=case[xfail_key], strict=True))
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _expects(case: dict[str, Any]) -> list[str]:
    expect = case.get("expect", [])
    return [expect] if isinstance(expect, str) else list(expect)


def _tree(root: Path) -> dict[str, float]:
    return {str(p.relative_to(root)): p.stat().st_mtime for p in root.rglob("*") if p.is_file()}


def _traces() -> set[str]:
    """Files a template or YAML payload would leave in /tmp if it got out."""
    return {p.name for p in Path("/tmp").glob("*") if p.name.startswith(("evil", "pwned"))}


# --- the corpus --------------------------------------------------------------------------------
@pytest.mark.parametrize("case", _params({"tool", "kit", "template", "answers", "cli"}))
def test_hostile_input(
    case: dict[str, Any],
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work, out, layer = tmp_path / "work", tmp_path / "out", tmp_path / "layer"
    work.mkdir()
    monkeypatch.chdir(work)
    regular_file = tmp_path / "un-fichier.txt"
    regular_file.write_text("je suis un fichier\n", "utf-8")
    kind = case["as"]
    common = ["--lang", "en"]
    if kind == "tool":
        path = _materialise(case, layer / "tools")
        args = ["list", "--kit", str(layer), *common]
    elif kind == "kit":
        args = ["list", "--kit", str(_materialise(case, layer)), *common]
    elif kind == "template":
        path = _materialise(case, layer / "tools")
        args = ["run", path.stem, "--format", "md", "--kit", str(layer), "--answers", str(HOSTILE / "profile.yaml"),
                "--out", str(out), "--date", DATE, *common]
    elif kind == "answers":
        path = _materialise(case, tmp_path / "answers")
        args = ["run", "memo-achat-public", "--format", "md", "--answers", str(path), "--out", str(out),
                "--date", DATE, *common]
    else:
        values = {"out": str(out), "tmp": str(tmp_path), "file": str(regular_file),
                  "good": str(HOSTILE / "answers" / "good.yaml"), "long": "x" * 5000}
        args = [arg.format(**values) for arg in case["args"]] + common
    before, traces = _tree(tmp_path), _traces()

    # No timed assertion (shared machines are noisy): what keeps a hostile input from running
    # away is the readers' bounds (size, depth, aliases, the sandbox's budget), each asserted by
    # the refusal message below; speed is measured by bench/run.py.
    code, stdout, stderr = run_cli(args, capsys)
    output = stdout + stderr

    assert "Traceback" not in output
    assert not UNSAFE_CHARS.search(output), f"a raw control character reached the terminal: {output!r}"
    assert not (isolated_home / "survivalkit-data" / "crash-reports").exists(), output
    assert _traces() == traces, "something was written in /tmp"
    after = _tree(tmp_path)
    outside = {name for name in after if not name.startswith("out/")}
    assert {n for n in outside if after[n] != before.get(n)} == set(), "written outside --out"
    if case.get("exit") == 0:
        assert code == 0, output
        assert sorted(p.name for p in out.iterdir()) == sorted(case["written"])
        for written in out.iterdir():
            assert not UNSAFE_CHARS.search(written.read_text("utf-8")), f"{written.name} holds one"
        return
    assert code == case.get("exit", DEFAULT_EXIT[case["as"]]), f"exit code {code}: {output}"
    for text in _expects(case):
        assert text in output
    for text in case.get("refuse", []):
        assert text not in output
    if "at" in case:
        name = path.name if kind in ("tool", "template", "answers") else ""
        assert f"{name}:{case['at']}: " in output
    assert not out.exists() or not any(out.iterdir()), "an error must not leave documents"


def test_the_corpus_is_big_enough_and_every_file_is_indexed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "two cases share an id"
    refused = [c for c in CASES if c.get("exit") != 0 and not c.get("xfail")]
    assert len(refused) >= 40
    assert all(_expects(c) for c in CASES if c.get("exit") != 0)
    indexed = {c["input"] for c in CASES if "input" in c}
    for path in HOSTILE.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(HOSTILE).as_posix()
        if rel in SUPPORT_FILES or "__pycache__" in path.parts or path.name.startswith("test_"):
            continue  # tests/hostile/test_*.py are the families' own tests, not corpus inputs
        assert any(rel == i or rel.startswith(i + "/") for i in indexed), f"{rel} is not indexed"


# --- the same files through `survivalkit validate` ------------------------------------------------
@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The output of one `survivalkit validate` over a layer holding every tool and template case."""
    root = tmp_path_factory.mktemp("validate")
    layer = root / "layer"
    for case in CASES:
        if case["as"] in ("tool", "template"):
            _materialise(case, layer / "tools")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    env.update(HOME=str(root), SURVIVALKIT_HOME=str(root / "data"), NO_COLOR="1", TERM="dumb",
               SURVIVALKIT_KIT_LIMITS=LIMITS)
    result = subprocess.run(
        [sys.executable, "-m", "survivalkit", "validate", str(layer), "--lang", "en"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=root, timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def _validate_keep(case: dict[str, Any]) -> bool:
    return case["as"] == "tool" or (case["as"] == "template" and case.get("validate") != "skip")


@pytest.mark.parametrize(
    "case",
    [*_params({"tool"}, keep=_validate_keep), *_params({"template"}, "xfail-validate", _validate_keep)],
)
def test_validate_reports_the_problem(case: dict[str, Any], validated: str) -> None:
    if case.get("make") == "symlink-passwd" and not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    name = visible(_name_of(case))  # as the terminal shows it
    errors = [line for line in validated.splitlines()
              if f"{name}:" in line and ": warning: " not in line]
    wanted = case["validate"] if case["as"] == "template" else _expects(case)[0]
    assert any(wanted in line for line in errors), "\n".join(errors) or "no error reported"
    if "at" in case:
        assert any(f"{name}:{case['at']}: " in line for line in errors)


def _name_of(case: dict[str, Any]) -> str:
    make = case.get("make")
    if make is None:
        return Path(case["input"]).name
    if make.startswith("name:"):
        return make.removeprefix("name:")
    return {"oversize": "trop-gros.yaml", "long-name": "outil-" + "x" * 120 + ".yaml",
            "symlink-passwd": "mot-de-passe.yaml"}[make]


# --- bombs are refused quickly ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["billion-laughs", "self-alias", "deep-flow", "deep-nesting"])
def test_bombs_are_refused_by_a_bound_before_anything_is_built(name: str) -> None:
    """Refused by the bound meant for it (expansion counted on the node graph, depth, a
    self-reference), never after expanding: no timing here, the bound named is the proof."""
    raw = (HOSTILE / "tools" / f"{name}.yaml").read_bytes()
    located, problems = parse_yaml(raw, name)
    assert located is None and len(problems) == 1
    expected = {"billion-laughs": "yaml.expands", "self-alias": "yaml.alias_self",
                "deep-flow": "yaml.too_deep", "deep-nesting": "yaml.too_deep"}[name]
    assert getattr(problems[0].message, "key", None) == expected, problems[0].message


def test_a_huge_file_is_not_even_read_whole(tmp_path: Path) -> None:
    from survivalkit.kit.yamlread import read_yaml

    path = tmp_path / "enorme.yaml"
    with path.open("wb") as handle:
        handle.truncate(2_000_000_000)  # a 2 GB sparse file
    located, problems = read_yaml(path)  # a whole read would take 2 GB: the size bound comes first
    assert located is None and "the limit" in problems[0].message
    assert getattr(problems[0].message, "key", None) == "yaml.file_over"


@pytest.mark.skipif(sys.platform != "linux", reason="uses a sparse file and an address-space limit")
def test_a_huge_answers_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "enorme.yaml"
    with path.open("wb") as handle:
        handle.truncate(2_000_000_000)
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1_000_000_000, 1_000_000_000))\n"
        "from survivalkit.cli.app import main\n"
        "main(sys.argv[1:])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    env.update(HOME=str(tmp_path), SURVIVALKIT_HOME=str(tmp_path / "data"), NO_COLOR="1")
    result = subprocess.run(
        [sys.executable, "-c", script, "run", "memo-achat-public", "--format", "md", "--answers", str(path),
         "--out", str(tmp_path / "out"), "--lang", "en"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "limit" in result.stderr


def test_a_byte_order_mark_alone_is_harmless(tmp_path: Path) -> None:
    layer = tmp_path / "layer" / "tools"
    layer.mkdir(parents=True)
    (layer / "outil-bom.yaml").write_bytes(b"\xef\xbb\xbf" + BASE_TOOL.read_bytes())
    kit = load_kit([bundled_kit_dir(), layer.parent]).kit
    assert kit.tools["outil-bom"].title == "Outil de test"


# --- disk problems -------------------------------------------------------------------------------------
def _run_memo(out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    args = ["run", "memo-achat-public", "--answers", str(HOSTILE / "answers" / "good.yaml"),
            "--out", str(out), "--date", DATE, "--lang", "en", "--format", "md,html", *extra]
    code, stdout, stderr = run_cli(args, capsys)
    assert "Traceback" not in stdout + stderr
    return code, stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write in a read-only folder")
def test_read_only_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lecture-seule"
    out.mkdir()
    out.chmod(0o555)
    try:
        code, err = _run_memo(out, capsys)
    finally:
        out.chmod(0o755)
    assert code == 1 and "Permission denied" in err
    assert list(out.iterdir()) == []


class _Disk:
    """A disk that refuses or fills up, for the files written in ``out`` only.

    ``refuse``: creating a file fails with EACCES (what a read-only folder does to a normal user,
    simulated so that the test also runs as root). ``fill_at``: the n-th file written stops
    halfway with ENOSPC.
    """

    def __init__(self, out: Path, *, refuse: bool = False, fill_at: int = 0) -> None:
        self.out, self.refuse, self.fill_at = out, refuse, fill_at
        self.mine: set[int] = set()
        self.opened = 0
        self.real_create = writer_module._create
        self.real_fdopen = os.fdopen

    def create(self, folder: Path) -> tuple[int, Path]:
        if self.out not in (folder, folder.parent):  # the folder, or its hidden staging folder
            return self.real_create(folder)
        if self.refuse:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        fd, path = self.real_create(folder)
        self.mine.add(fd)
        return fd, path

    def fdopen(self, fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = self.real_fdopen(fd, mode, *args, **kwargs)
        if fd not in self.mine:
            return handle
        self.opened += 1
        if self.opened == self.fill_at:
            real_write = handle.write

            def write(data: bytes) -> int:
                real_write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            handle.write = write
        return handle

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr("survivalkit.files.writer._create", self.create)
        monkeypatch.setattr("survivalkit.files.writer.os.fdopen", self.fdopen)


def test_output_folder_that_refuses_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    _Disk(out, refuse=True).install(monkeypatch)
    code, err = _run_memo(out, capsys)
    assert code == 1
    assert f"cannot write in {out}: Permission denied" in err
    assert not out.exists(), "a folder created for nothing is removed"


@pytest.mark.parametrize("fill_at", [1, 3])
def test_disk_full_mid_write_leaves_no_partial_file(
    fill_at: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    _Disk(out, fill_at=fill_at).install(monkeypatch)
    code, err = _run_memo(out, capsys)
    assert code == 1
    assert "No space left on device" in err and "half-written" in err
    assert not out.exists()


def test_disk_full_while_replacing_keeps_the_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _run_memo(out, capsys)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _Disk(out, fill_at=3).install(monkeypatch)
    code, err = _run_memo(out, capsys, "--force", "--set", "objet=autre chose")
    assert code == 1 and "No space left on device" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_symlink_planted_in_the_output_folder_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victime.txt"
    victim.write_text("intact\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    try:
        (out / "index.md").symlink_to(victim)
    except OSError:
        pytest.skip("symbolic links are not available")
    code, err = _run_memo(out, capsys, "--force")
    assert code == 1 and "points outside" in err
    assert victim.read_text("utf-8") == "intact\n"
    assert sorted(p.name for p in out.iterdir()) == ["index.md"]


def test_a_data_folder_that_cannot_be_written_does_not_stop_the_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "un-fichier"
    blocked.write_text("", "utf-8")
    monkeypatch.setenv("SURVIVALKIT_HOME", str(blocked / "data"))  # below a file: never writable
    out = tmp_path / "out"
    code, err = _run_memo(out, capsys)
    assert code == 0, err
    assert (out / "index.md").is_file()


def test_disk_full_during_autosave_lets_the_interview_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = yaml.safe_load((HOSTILE / "answers" / "good.yaml").read_text("utf-8"))
    # The replies in the order the questions come (nom is given with --set); optional questions
    # are skipped with an empty line, the long text ends with one, and the recap is confirmed.
    order = ["fonction", "organisation", None, "courriel", None, "projet_nom", "projet_description",
             None, "objet", "nature", "montant", "acheteur", "innovant", "connaissance_marche",
             "echeance", None, None]
    replies = iter(["" if key is None else str(good[key]) for key in order])

    def answer(*args: object) -> str:
        try:
            return next(replies)
        except StopIteration:  # a question nobody expected: stop rather than loop forever
            raise EOFError from None

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("survivalkit.engine.store.write_atomic", full)
    monkeypatch.setattr("survivalkit.cli.env.Env.interactive", lambda self: True)
    monkeypatch.setattr("builtins.input", answer)
    out = tmp_path / "out"
    args = ["run", "memo-achat-public", "--format", "md", "--out", str(out), "--date", DATE, "--lang", "en",
            "--set", "nom=Claire Martin"]
    code, _, err = run_cli(args, capsys)
    assert code == 0 and "No space left on device" in err
    assert (out / "index.md").is_file()


# --- property-based: the loader never lets anything but its own errors escape ------------------------
YAML_BITS = st.sampled_from([
    "a", "b: ", ": ", "- ", "\n", "  ", "\t", "&x ", "*x", "!!python/name:os.system ", "!x ",
    "[", "]", "{", "}", ",", "'", '"', "#", "|", ">", "? ", "<<: ", "---\n", "...\n", "%YAML 1.1\n",
    "2026-02-30", "1e400", ".inf", "~", "yes", "\\e", "é", "\ufeff", "\x00", "\x1b", "9" * 50,
])


@HYPOTHESIS
@given(st.binary(max_size=300) | st.lists(YAML_BITS, max_size=60).map("".join).map(str.encode))
def test_parse_yaml_never_raises(raw: bytes) -> None:
    located, problems = parse_yaml(raw, "f.yaml")
    assert (located is None) == bool(problems)
    if located is not None:
        assert isinstance(located.data, dict)
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1 and "\n" not in problem.message


PLAIN = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=20)
DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | PLAIN | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(PLAIN, inner, max_size=4),
    max_leaves=20,
)


@HYPOTHESIS
@given(st.dictionaries(PLAIN, DATA, max_size=5))
def test_what_safe_dump_writes_parse_yaml_reads_back(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    located, problems = parse_yaml(text.encode("utf-8"), "f.yaml")
    if problems:  # only the limits may refuse plain data (or two keys that are one once normalised)
        assert "nested deeper" in problems[0].message or "duplicate key" in problems[0].message
        return
    assert located is not None and located.data == _nfc(data)  # texts come back normalised (NFC)


def _nfc(data: Any) -> Any:
    import unicodedata

    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, dict):
        return {_nfc(k): _nfc(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_nfc(v) for v in data]
    return data


def _valid_tool_data() -> dict[str, Any]:
    located, _ = parse_yaml(BASE_TOOL.read_bytes(), "t.yaml")
    assert located is not None
    return dict(located.data)


KEYS = st.sampled_from(["title", "summary", "stages", "reviewed", "sources", "sheet", "documents",
                        "questions", "uses", "relevance", "examples", "schema_version", "autre"])


@HYPOTHESIS
@given(st.dictionaries(KEYS, DATA, max_size=4))
def test_the_model_maps_any_data_to_problems(changes: dict[str, Any]) -> None:
    text = yaml.safe_dump({**_valid_tool_data(), **changes}, allow_unicode=True)
    located, problems = parse_yaml(text.encode("utf-8"), "t.yaml")
    if located is None:
        return
    tool, problems = parse_model(located, Tool, id="t", origin="t.yaml")
    assert (tool is None) == bool(problems)
    for problem in problems:
        assert problem.path == "t.yaml" and problem.line >= 1


@settings(HYPOTHESIS, max_examples=15)
@given(st.lists(YAML_BITS, max_size=40).map("".join))
def test_loading_a_hostile_layer_raises_only_kit_errors(tmp_path: Path, text: str) -> None:
    layer = tmp_path / "couche"
    shutil.rmtree(layer, ignore_errors=True)
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-hasard.yaml").write_text(
        BASE_TOOL.read_text("utf-8") + text, "utf-8", errors="surrogatepass"
    )
    try:
        load_kit([bundled_kit_dir(), layer])
    except KitError as exc:  # any other exception fails the test
        assert exc.problems and all(p.path and p.line >= 1 for p in exc.problems)


def test_hostile_inputs_in_the_index_cover_every_kind() -> None:
    kinds = {case["as"] for case in CASES}
    assert kinds == {"tool", "kit", "template", "answers", "cli"}


def test_ctrl_c_on_a_full_disk_says_the_answers_could_not_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    replies = iter(["Chargée de mission"])

    def answer(*args: object) -> str:
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("survivalkit.engine.store.write_atomic", full)
    monkeypatch.setattr("survivalkit.cli.env.Env.interactive", lambda self: True)
    monkeypatch.setattr("builtins.input", answer)
    args = ["run", "memo-achat-public", "--out", str(tmp_path / "out"), "--date", DATE,
            "--lang", "en", "--set", "nom=Claire Martin"]
    code, _, err = run_cli(args, capsys)
    assert code == 130
    assert "your answers could not be saved" in err and "No space left on device" in err
    assert "Your answers are saved" not in err


def test_a_session_too_big_to_replay_is_refused_when_saved_and_when_read(isolated_home: Path) -> None:
    from survivalkit.engine.store import MAX_SESSION_BYTES, Store
    from survivalkit.errors import SessionError

    session = Store().open("tool-x")
    with pytest.raises(SessionError, match="too large to save"):
        session.save({"state": {"interview": {"answers": {"objet": "x" * 10_000_000}}}})
    session.path.parent.mkdir(parents=True, exist_ok=True)
    session.path.write_text('{"state": {"interview": {"answers": {"objet": "'
                            + "x" * MAX_SESSION_BYTES + '"}}}}', "utf-8")
    with pytest.raises(SessionError, match="could not be read; it was kept aside"):
        session.load()
    assert not session.path.exists()
