"""The kit format's JSON Schemas, generated from the model (the repository ships them)."""

from __future__ import annotations

import json
from functools import cache

from pydantic import BaseModel

from survivalkit.kit.base import _Frozen
from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Glossary, KitInfo, Tool

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for sub in root.__subclasses__():
        found += [sub, *_models(sub)]
    return found


@cache
def _document_fields() -> None:
    """Give each field of the kit's models its attribute docstring as description: what
    ``use_attribute_docstrings`` does, done here only (it costs every command's start-up)."""
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    models = _models(_Frozen)
    for model in models:
        docs = extract_docstrings_from_cls(model, use_inspect=True)
        for name, info in model.model_fields.items():
            if info.description is None and name in docs:
                info.description = docs[name]
    for _ in range(2):  # children first, then the models that hold them
        for model in models:
            model.model_rebuild(force=True)


def schema_files() -> dict[str, str]:
    """File name → JSON text for ``kit.yaml`` (the bundled kit's, and a layer's, where nothing is
    required), tool files and ``glossary.yaml``."""
    _document_fields()
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
