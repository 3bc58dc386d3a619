"""Fetch axe-core from the npm registry without npm (a fresh CI machine may have no Node.js).

Writes ``<prefix>/node_modules/axe-core/axe.min.js``, where ``tests/axe_runner.py`` looks for it,
after checking the tarball against the checksum the registry publishes.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org/axe-core/latest"


def main(prefix: str) -> int:
    with urllib.request.urlopen(REGISTRY, timeout=60) as response:
        meta = json.load(response)
    dist = meta["dist"]
    with urllib.request.urlopen(dist["tarball"], timeout=120) as response:
        blob = response.read()
    if hashlib.sha1(blob).hexdigest() != dist["shasum"]:  # the registry's published checksum
        print("axe-core: the download does not match the registry's checksum", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as archive:
        member = archive.extractfile("package/axe.min.js")
        if member is None:
            print("axe-core: axe.min.js is missing from the package", file=sys.stderr)
            return 1
        target = Path(prefix) / "node_modules" / "axe-core" / "axe.min.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(member.read())
    print(f"axe-core {meta['version']} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".ci-node"))
