"""One example (or an answers file) of a tool rendered, to look at its documents while writing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from survivalkit.authoring.golden import ExampleAnswers, example_answers, example_day
from survivalkit.errors import MissingAnswersError, UsageError
from survivalkit.i18n import t
from survivalkit.i18n.words import SOURCE_LANGUAGE
from survivalkit.kit.model import Example, Kit, Tool
from survivalkit.output.formats import html_page, html_to_pdf, markdown_to_html_body
from survivalkit.output.render import RenderedDocument, render_tool

PREVIEW_FORMATS = ("md", "html", "pdf")


@dataclass(frozen=True)
class Preview:
    """The documents of one example, or of an answers file."""

    name: str
    documents: list[RenderedDocument]


def pick_example(tool: Tool, name: str | None, lang: str) -> Example:
    """The example called ``name``, else the tool's first; a clear error when there is none."""
    if not tool.examples:
        raise UsageError(t("preview.no_example", lang, id=tool.id))
    if name is None:
        return tool.examples[0]
    for example in tool.examples:
        if example.name == name:
            return example
    names = ", ".join(e.name for e in tool.examples)
    raise UsageError(t("preview.unknown_example", lang, name=name, id=tool.id, names=names))


def _checked(kit: Kit, tool: Tool, example: Example, lang: str) -> ExampleAnswers:
    checked = example_answers(kit, tool, example, lang=lang)
    if checked.errors:
        raise UsageError("\n".join(checked.errors))
    if checked.missing:
        raise MissingAnswersError(
            t("preview.missing", lang, count=len(checked.missing), keys=", ".join(checked.missing))
        )
    return checked


def preview(
    kit: Kit,
    tool: Tool,
    *,
    lang: str,
    example: str | None = None,
    answers: Mapping[str, Any] | None = None,
    day: dt.date | None = None,
    doc_lang: str | None = None,
) -> Preview:
    """Render a tool's documents for one example, or for ``answers`` (validated as an example).

    The documents are in ``doc_lang``, by default the kit's own language (French), as ``expect``
    and golden files are; ``lang`` is the language of the messages.
    """
    if answers is not None:
        chosen = Example(name="answers", answers=dict(answers), date=day)
    else:
        chosen = pick_example(tool, example, lang)
        if day is not None:
            chosen = chosen.model_copy(update={"date": day})
    checked = _checked(kit, tool, chosen, lang)
    documents = render_tool(kit, tool, checked.answers, day=example_day(chosen),
                            lang=doc_lang or SOURCE_LANGUAGE)
    return Preview(chosen.name, documents)


def as_markdown(result: Preview) -> str:
    """Every document, one after the other."""
    return "\n\n---\n\n".join(doc.markdown.strip() for doc in result.documents) + "\n"


def as_bytes(result: Preview, fmt: str) -> bytes:
    """The preview as a Markdown, HTML or PDF file."""
    if fmt == "md":
        return as_markdown(result).encode("utf-8")
    from survivalkit.output.bundle import check_printable

    for doc in result.documents:  # a document too long to print is refused before WeasyPrint starts
        check_printable(doc, doc.tool_id, [fmt], lang=doc.lang)
    first = result.documents[0]
    body = "\n".join(markdown_to_html_body(doc.markdown) for doc in result.documents)
    page = html_page(body, title=first.title, lang=first.lang, author=first.author, day=first.date)
    return page.encode("utf-8") if fmt == "html" else html_to_pdf(page)
