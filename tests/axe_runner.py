"""Run axe-core on HTML pages in headless Chromium: stdlib only, one browser start per page.

axe.min.js is inlined into a copy of the page with a script that runs ``axe.run()`` and writes the
violations into the DOM; Chromium's ``--dump-dom`` prints the DOM once the page settles.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
AXE_PATHS = [
    Path(os.environ["AXE_CORE_JS"]) if os.environ.get("AXE_CORE_JS") else None,
    REPO / ".ci-node" / "node_modules" / "axe-core" / "axe.min.js",
    REPO / "node_modules" / "axe-core" / "axe.min.js",
]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SERIOUS = ("serious", "critical")

RUNNER = """<script>
(function () {
  function done(payload) {
    var out = document.createElement('pre');
    out.id = 'axe-results';
    out.textContent = JSON.stringify(payload);
    document.documentElement.appendChild(out);
  }
  axe.run(document, OPTIONS).then(function (r) {
    done(r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(
        function (n) { return n.target.join(' ') + ' :: ' + (n.failureSummary || ''); })};
    }));
  }, function (e) { done({error: String(e)}); });
})();
</script>"""


@dataclass(frozen=True)
class Violation:
    """One axe rule broken on a page."""

    rule: str
    impact: str
    help: str
    nodes: list[str]

    def __str__(self) -> str:
        return f"[{self.impact}] {self.rule}: {self.help}\n    " + "\n    ".join(self.nodes)


def axe_script() -> Path | None:
    """axe.min.js from the npm package, if installed."""
    for path in AXE_PATHS:
        if path is not None and path.is_file():
            return path
    return None


def chromium() -> str | None:
    """The Chromium (or Chrome) executable, if installed."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str:
    """Why the check cannot run here, or an empty string."""
    if chromium() is None:
        return "Chromium is not installed (apt-get install chromium)"
    if axe_script() is None:
        return "axe-core is not installed (npm install --no-save --prefix .ci-node axe-core)"
    return ""


WCAG22 = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
"""Tags that run the WCAG 2.2 rules too, among them target size (24 px, off by default)."""


def check_page(page: str, work: Path, tags: tuple[str, ...] = ()) -> list[Violation]:
    """axe-core's violations on the HTML ``page``; raises RuntimeError if axe did not report.

    With ``tags``, only the rules carrying one of them run (``WCAG22``: the 2.2 rules included).
    """
    browser, script = chromium(), axe_script()
    assert browser is not None and script is not None, missing()
    axe = script.read_text(encoding="utf-8").replace("</script", "<\\/script")
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if tags:
        options["runOnly"] = {"type": "tag", "values": list(tags)}
    injected = f"<script>{axe}</script>{RUNNER.replace('OPTIONS', json.dumps(options))}"
    if "</body>" in page:
        page = page.replace("</body>", injected + "</body>", 1)
    else:
        page += injected
    fd, name = tempfile.mkstemp(suffix=".html", dir=work)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(page)
    profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
    argv = [browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", f"--user-data-dir={profile}", "--virtual-time-budget=20000",
            "--dump-dom", Path(name).as_uri()]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', proc.stdout, re.S)
    if found is None:
        raise RuntimeError(f"axe gave no result (exit {proc.returncode}): {proc.stderr[-800:]}")
    data: Any = json.loads(html.unescape(found.group(1)))
    if isinstance(data, dict):
        raise RuntimeError(f"axe failed: {data.get('error')}")
    return [Violation(v["id"], v["impact"] or "", v["help"], list(v["nodes"])) for v in data]
