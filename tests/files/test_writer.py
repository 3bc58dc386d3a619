"""Writes are all or nothing: a failed or killed replacement leaves the previous files, and no litter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from survivalkit.errors import OutputError
from survivalkit.files.writer import sweep, write_files
from survivalkit.text.names import safe_filename

OLD = {"note.md": b"ancienne note\n", "index.md": b"ancien index\n"}
NEW = {"note.md": b"nouvelle note\n", "index.md": b"nouvel index\n", "answers.yaml": b"a: 1\n"}


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_force_replaces_every_file(tmp_path: Path) -> None:
    write_files(tmp_path, OLD)
    write_files(tmp_path, NEW, force=True)
    assert _contents(tmp_path) == NEW


def test_a_failure_in_the_middle_of_the_swap_puts_every_old_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, OLD)
    real = os.replace
    moves: list[str] = []

    def failing(src: object, dst: object) -> None:
        moves.append(str(dst))
        if str(dst) == str(tmp_path.resolve() / "index.md") and ".survivalkit-new-" in str(src):
            raise OSError(28, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("survivalkit.files.writer.os.replace", failing)
    with pytest.raises(OutputError, match="the previous files were kept"):
        write_files(tmp_path, NEW, force=True)
    assert any(".survivalkit-old-" in m for m in moves), "the swap had begun"
    assert _contents(tmp_path) == OLD


KILLER = """
import os, signal, sys
from pathlib import Path
import survivalkit.files.writer as writer

folder, after = Path(sys.argv[1]), int(sys.argv[2])
real, count = os.replace, [0]

def replace(src, dst):
    if ".survivalkit-new-" in str(src) and "/.survivalkit-new-" not in str(dst):
        count[0] += 1
        if count[0] > after:
            os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)

def finish(*args):
    os.kill(os.getpid(), signal.SIGKILL)  # every new file is in place: killed before the clean-up

writer.os.replace = replace
writer._finish = finish
writer.write_files(folder, {"note.md": b"nouvelle note\\n", "index.md": b"nouvel index\\n",
                            "answers.yaml": b"a: 1\\n"}, force=True)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="kills a process with SIGKILL")
@pytest.mark.parametrize(("after", "expected"), [(0, OLD), (1, OLD), (2, OLD), (3, NEW)])
def test_a_swap_killed_midway_is_undone_or_finished_by_the_next_write(
    tmp_path: Path, after: int, expected: dict[str, bytes]
) -> None:
    write_files(tmp_path, OLD)
    result = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path), str(after)], timeout=60)
    assert result.returncode == -9
    assert any(p.name.startswith(".survivalkit-") for p in tmp_path.iterdir()), "it left a journal"
    sweep(tmp_path)  # what the next write in that folder does first
    assert _contents(tmp_path) == expected


def test_temporaries_of_a_running_process_are_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / f".tmp-{os.getpid()}-abc"
    mine.write_bytes(b"en cours")
    sweep(tmp_path)
    assert mine.exists()


@pytest.mark.parametrize("name", ["index", "Index", " answers "])
def test_a_document_never_takes_the_index_or_answers_name(name: str) -> None:
    assert safe_filename(name, "md") not in ("index.md", "answers.md")
    assert safe_filename(name, "md").startswith("doc-")


def test_two_names_that_differ_only_by_case_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="the same name"):
        write_files(tmp_path / "out", {"Note.md": b"a", "note.md": b"b"})
    assert not (tmp_path / "out").exists()


def test_a_planted_journal_cannot_move_or_delete_anything_else(tmp_path: Path) -> None:
    import json

    out, victim = tmp_path / "out", tmp_path / "victime"
    out.mkdir()
    victim.mkdir()
    (victim / "garde.txt").write_text("intact", "utf-8")
    (out / "note.md").write_text("note", "utf-8")
    plan = {"new": "../victime", "old": ".survivalkit-old-1", "names": ["note.md"]}
    (out / ".survivalkit-journal.json").write_text(json.dumps(plan), "utf-8")
    write_files(out, {"autre.md": b"x"})
    assert (victim / "garde.txt").read_text("utf-8") == "intact"
    assert sorted(p.name for p in out.iterdir()) == ["autre.md", "note.md"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_written_files_get_the_users_permissions_and_the_umask_is_never_changed(tmp_path: Path, umask: int) -> None:
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        f"os.umask({umask})\n"
        "from survivalkit.files.writer import write_atomic, write_files\n"
        "folder = Path(sys.argv[1])\n"
        "write_files(folder, {'a.md': b'a'})\n"
        "write_atomic(folder / 'b.json', b'{}')\n"
        "print(oct(os.umask(0)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == oct(umask)
    for name in ("a.md", "b.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~umask, name
