"""The building blocks of the kit's model: frozen models, localized texts, identifier patterns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
TOOL_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


def not_a_device(value: str) -> str:
    """Refuse an id that becomes a file name (a document, an example, a golden file) when Windows
    reserves it (``con``, ``nul``, ``com1``…): contributors and agents use Windows."""
    from survivalkit.errors import Msg
    from survivalkit.text.names import windows_device

    if isinstance(value, str) and windows_device(value):
        raise ValueError(Msg("schema.windows_name", name=value))
    return value


class _Frozen(BaseModel):
    # The attribute docstrings describe each field in the JSON Schemas; reading them costs every
    # command about 20 ms of start-up, so ``survivalkit.kit.schema`` reads them only when it
    # generates the schemas (``use_attribute_docstrings`` stays off here).
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
    )


class Localized(_Frozen):
    """A text in several languages; French is the source and must be there."""

    fr: str = Field(min_length=1)
    """The French text (source language)."""
    en: str | None = Field(default=None, min_length=1)
    """The English text; when missing, French is shown and `validate` warns."""


Text = str | Localized
"""A user-facing text: a plain string (French) or a mapping ``{fr: ..., en: ...}``."""
