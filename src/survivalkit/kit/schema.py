"""The kit format's JSON Schemas, generated from the model (the repository ships them)."""

from __future__ import annotations

import json

from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Glossary, KitInfo, Tool

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def schema_files() -> dict[str, str]:
    """File name → JSON text for ``kit.yaml`` (the bundled kit's, and a layer's, where nothing is
    required), tool files and ``glossary.yaml``."""
    out = {}
    for name, model, title in (
        ("kit.schema.json", KitInfo, "survivalkit kit.yaml"),
        ("kit-layer.schema.json", KitLayer, "survivalkit kit.yaml of a layer (a region's kit)"),
        ("tool.schema.json", Tool, "survivalkit tool file"),
        ("glossary.schema.json", Glossary, "survivalkit glossary.yaml"),
    ):
        schema = model.model_json_schema(by_alias=True, mode="validation")
        schema = {"$schema": SCHEMA_URL, "title": title, **{k: v for k, v in schema.items() if k != "title"}}
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
