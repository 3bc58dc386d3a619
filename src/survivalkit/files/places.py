"""Where survivalkit keeps the agent's data and its caches: read here, and only here.

``$SURVIVALKIT_HOME`` (tests, a portable install) holds both; otherwise the platform's user data
and cache folders (platformdirs).
"""

from __future__ import annotations

from pathlib import Path

from survivalkit import settings


def data_dir() -> Path:
    """``$SURVIVALKIT_HOME``, else the platform's user data folder for survivalkit."""
    override = settings.home()
    if override:
        return override
    import platformdirs

    return Path(platformdirs.user_data_dir("survivalkit", appauthor=False))


def cache_dir() -> Path:
    """``$SURVIVALKIT_HOME/cache``, else the platform's user cache folder for survivalkit."""
    override = settings.home()
    if override:
        return override / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("survivalkit", appauthor=False))
