"""Where the agent's data lives: the saved profile and autosaved sessions (platformdirs)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import yaml

from survivalkit.errors import SessionError
from survivalkit.kit.yamlread import parse_yaml
from survivalkit.output.writer import write_atomic

ENV_HOME = "SURVIVALKIT_HOME"


def data_dir() -> Path:
    """``$SURVIVALKIT_HOME``, else the platform's user data folder for survivalkit."""
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("survivalkit", appauthor=False))


def profile_path() -> Path:
    """The saved profile file."""
    return data_dir() / "profile.yaml"


def load_profile() -> dict[str, Any]:
    """The saved profile answers (empty when none is saved)."""
    path = profile_path()
    if not path.is_file():
        return {}
    try:
        raw = path.read_bytes()
    except OSError:
        raw = b"\x00"  # unreadable: handled as a damaged file below
    if not raw.strip():
        return {}
    # The same guarded reader as kit files: size, depth and alias limits, data-only tags.
    located, _ = parse_yaml(raw, str(path))
    if located is None:
        aside = _keep_aside(path)
        raise SessionError(
            f"the saved profile could not be read; it was kept aside as {aside}. "
            "Run the command again to enter your profile anew."
        )
    return dict(located.data)


def save_profile(values: dict[str, Any]) -> Path:
    """Save the profile answers."""
    path = profile_path()
    _ensure(path.parent)
    text = yaml.safe_dump(values, allow_unicode=True, sort_keys=False)
    _write(path, text.encode("utf-8"))
    return path


def clear_profile() -> bool:
    """Delete the saved profile; says whether there was one."""
    path = profile_path()
    if path.is_file():
        path.unlink()
        return True
    return False


def session_path(key: str) -> Path:
    """The autosave file for a tool id or for the journey."""
    return data_dir() / "sessions" / f"{key}.json"


def save_session(key: str, state: dict[str, Any]) -> Path:
    """Autosave: written atomically, so a killed process leaves the previous save intact."""
    path = session_path(key)
    _ensure(path.parent)
    payload = {"saved_at": dt.datetime.now().isoformat(timespec="seconds"), **state}
    _write(path, json.dumps(payload, ensure_ascii=False, indent=1, default=str).encode("utf-8"))
    return path


def load_session(key: str) -> dict[str, Any] | None:
    """The autosaved state, or None; a corrupt file is kept aside and reported."""
    path = session_path(key)
    if not path.is_file():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        _check_session(data)
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        aside = _keep_aside(path)
        raise SessionError(
            f"the saved session could not be read; it was kept aside as {aside}. "
            "Run the command again without --resume to start over."
        ) from None
    return data


def _check_session(data: Any) -> None:
    """Raise ``ValueError`` unless ``data`` has the shape ``save_session`` writes."""
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    interview = data.get("interview", {})
    if not isinstance(interview, dict):
        raise ValueError("`interview` is not a mapping")
    if not isinstance(interview.get("answers") or {}, dict):
        raise ValueError("`answers` is not a mapping")
    confirmed = interview.get("confirmed") or []
    if not isinstance(confirmed, list) or not all(isinstance(c, str) for c in confirmed):
        raise ValueError("`confirmed` is not a list of question ids")
    for name in ("date", "tool"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise ValueError(f"`{name}` is not a text")


def clear_session(key: str) -> None:
    """Forget an autosaved session (after the documents are written)."""
    try:
        session_path(key).unlink(missing_ok=True)
    except OSError as exc:
        raise SessionError(f"cannot remove the saved session: {exc.strerror or exc}") from None


def _keep_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.replace(aside)
    except OSError:
        return path
    return aside


def _ensure(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SessionError(f"cannot create {folder}: {exc.strerror or exc}") from None


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise SessionError(f"cannot save {path}: {exc.strerror or exc}") from None
