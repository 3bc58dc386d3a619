"""survivalkit: the public innovator's survival kit, as guided tools that write real documents."""

from __future__ import annotations

__version__ = "0.1.0"
