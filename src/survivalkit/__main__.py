"""Allow ``python -m survivalkit``."""

from __future__ import annotations

from survivalkit.cli.app import main

if __name__ == "__main__":
    main()
