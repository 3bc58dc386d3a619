"""Write src/survivalkit/sheets/fit.json: the fitted type sizes of the bundled kit's sheets.

Shipped with the package, they make the first print of the bundled kit's booklet (or sheets)
take one layout instead of three. Run it after changing a bundled tool's sheet or the print
CSS, from the repository root, with survivalkit's Python:

    PYTHONPATH=src python bench/ship_fit.py

A size whose key no longer matches is simply not used (the sheet is fitted as usual): stale data
costs time, never a wrong page.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    os.environ["SURVIVALKIT_NO_CACHE"] = "1"  # measured afresh, not read back
    from survivalkit.kit.loader import bundled_kit_dir, load_kit
    from survivalkit.sheets.pdf import SHIPPED_FITS, build_pdf
    from survivalkit.sheets.selection import Layout

    kit = load_kit([bundled_kit_dir()]).kit
    tools = list(kit.tools.values())
    sizes: dict[str, float] = {}
    for layout in (Layout.BOOKLET, Layout.SHEETS):
        for lang in ("fr", "en"):
            result = build_pdf(kit, tools, layout=layout, lang=lang, day=dt.date(2000, 1, 1),
                               fresh=True)
            sizes.update(result.sizes)
            print(f"{layout} {lang}: {len(result.sizes)} sheets, {result.pages} pages")
    SHIPPED_FITS.write_text(json.dumps(dict(sorted(sizes.items())), indent=0) + "\n", "utf-8")
    print(f"written: {SHIPPED_FITS}")


if __name__ == "__main__":
    main()
