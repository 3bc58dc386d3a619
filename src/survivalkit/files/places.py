"""Where survivalkit keeps the agent's data and its caches: read here, and only here.

``$SURVIVALKIT_HOME`` (tests, a portable install) holds both; otherwise the platform's user data
and cache folders (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "SURVIVALKIT_HOME"


def data_dir() -> Path:
    """``$SURVIVALKIT_HOME``, else the platform's user data folder for survivalkit."""
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("survivalkit", appauthor=False))


def cache_dir() -> Path:
    """``$SURVIVALKIT_HOME/cache``, else the platform's user cache folder for survivalkit."""
    override = os.environ.get(ENV_HOME)
    if override:
        return Path(override) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("survivalkit", appauthor=False))
