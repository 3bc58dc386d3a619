"""The contributor docs stay true: every model key, every rule, every command and link."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from survivalkit.authoring.rules import RULES
from survivalkit.kit import base, documents, model

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

YAML_MODELS: list[type[BaseModel]] = [
    model.Datum,
    model.KitInfo, model.Stage, model.Question, model.Choice, model.Rule, model.Fact,
    model.FactValue, model.Tool, model.Relevance, model.Source, model.Sheet, documents.Document,
    model.Example, model.Glossary, model.Term, base.Localized, documents.Letter, documents.Decision,
]


def read(path: str) -> str:
    return (REPO / path).read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = len(heading.split(" ", 1)[0])
    lines = text.splitlines()
    assert heading in lines, f"no section `{heading}`"
    out: list[str] = []
    fenced = False
    for line in lines[lines.index(heading) + 1:]:
        if line.startswith("```"):
            fenced = not fenced
        heading_level = len(line) - len(line.lstrip("#"))
        if not fenced and 0 < heading_level <= level and line[heading_level:].startswith(" "):
            break
        out.append(line)
    return "\n".join(out)


def yaml_keys(cls: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in cls.model_fields.items() if not info.exclude}


def documented_keys(text: str) -> set[str]:
    """Keys in the rows of the section's `| key | ... |` table."""
    table = text.split("| key |", 1)[1].split("\n\n", 1)[0] if "| key |" in text else ""
    return set(re.findall(r"^\| `([^`]+)` \|", table, re.M))


@pytest.mark.parametrize("cls", YAML_MODELS, ids=lambda c: c.__name__)
def test_kit_format_documents_every_key(cls: type[BaseModel]) -> None:
    text = section(read("docs/kit-format.md"), f"### {cls.__name__}")
    missing = yaml_keys(cls) - documented_keys(text)
    extra = documented_keys(text) - yaml_keys(cls)
    assert not missing, f"docs/kit-format.md, section {cls.__name__}: document {sorted(missing)}"
    assert not extra, f"docs/kit-format.md, section {cls.__name__}: no such key {sorted(extra)}"


def test_kit_format_covers_every_model_of_the_files() -> None:
    """A model added to a YAML file must get its section (and a place in YAML_MODELS)."""
    found: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = [model.KitInfo, model.Tool, model.Glossary]
    while todo:
        cls = todo.pop()
        if cls in found:
            continue
        found.add(cls)
        for info in cls.model_fields.values():
            for arg in _types_in(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    todo.append(arg)
    assert found == set(YAML_MODELS)


def _types_in(annotation: object) -> list[object]:
    out = [annotation]
    for arg in typing.get_args(annotation):
        out += _types_in(arg)
    return out


def test_kit_format_lists_every_question_type_and_fact_unit() -> None:
    text = read("docs/kit-format.md")
    types = section(text, "### Question")
    for kind in model.QuestionType:
        assert f"| `{kind.value}` |" in types
    units = section(text, "### Fact")
    for unit in typing.get_args(model.FactUnit):
        assert f"`{unit}`" in units


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rules_doc_documents_every_rule_with_an_example(rule_id: str) -> None:
    rule = RULES[rule_id]
    text = _flat(section(read("docs/rules.md"), f"## {rule_id}"))
    assert f"**Severity:** {rule.severity}." in text
    assert _flat(rule.summary).rstrip(".") in text
    assert _flat(rule.fix).rstrip(".") in text
    assert "```yaml" in text, "show the YAML that triggers the rule"
    assert f"[{rule_id}]" in text, "show what validate prints"


def test_rules_doc_has_no_rule_that_does_not_exist() -> None:
    documented = set(re.findall(r"^## (SK\d{3})\s*$", read("docs/rules.md"), re.M))
    assert documented == set(RULES)


def test_adding_a_tool_walks_from_new_to_the_pull_request() -> None:
    text = read("docs/adding-a-tool.md")
    steps = ["survivalkit new ", "survivalkit validate --strict", "survivalkit run ",
             "survivalkit golden --update", "pytest", "pull request"]
    position = text.index("## 1.")
    for step in steps:
        position = text.find(step, position)
        assert position != -1, f"`{step}` should come next in docs/adding-a-tool.md"
    assert "tests/golden/<tool>/<example>/<document>.md" in text


def test_contributor_files_exist() -> None:
    for path in ("CONTRIBUTING.md", ".github/pull_request_template.md",
                 "examples/region-kit/README.md"):
        assert read(path).strip(), path
    checklist = read(".github/pull_request_template.md")
    assert checklist.count("- [ ]") >= 8
    assert "survivalkit validate --strict" in checklist and "survivalkit golden --update" in checklist


def test_ci_runs_the_tests_and_validate_for_github() -> None:
    workflow = yaml.safe_load(read(".github/workflows/ci.yml"))
    commands = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "survivalkit validate --format github" in commands
    assert "survivalkit golden" in commands
    assert "pytest" in commands


def test_pre_commit_hooks_run_survivalkit() -> None:
    hooks = yaml.safe_load(read(".pre-commit-hooks.yaml"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert {"survivalkit-validate", "survivalkit-golden"} <= set(by_id)
    for hook in hooks:
        assert hook["entry"].startswith("survivalkit ") and hook["language"] == "python"
        assert {"name", "files", "pass_filenames"} <= set(hook)
    region = yaml.safe_load(read("examples/region-kit/.pre-commit-config.yaml"))
    used = {hook["id"] for repo in region["repos"] for hook in repo["hooks"]}
    assert used <= set(by_id)


DOC_FILES = ["docs/kit-format.md", "docs/rules.md", "docs/adding-a-tool.md", "CONTRIBUTING.md",
             "examples/region-kit/README.md"]


@pytest.mark.parametrize("path", DOC_FILES)
def test_relative_links_point_at_files_that_exist(path: str) -> None:
    doc = REPO / path
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        assert (doc.parent / target).exists(), f"{path}: broken link {target}"


def test_every_file_docs_architecture_names_exists() -> None:
    """The architecture page names real files: a move or a rename updates it."""
    repo = Path(__file__).resolve().parents[1]
    text = (repo / "docs" / "architecture.md").read_text("utf-8")
    named = set(re.findall(r"`([\w/]+\.py)`", text))
    assert len(named) > 15
    missing = [name for name in sorted(named)
               if not (repo / "src" / "survivalkit" / name).is_file() and not (repo / name).is_file()]
    assert missing == []
    # And every package of the tree is a package of the code, and the other way round.
    tree = text.split("```")[1]
    listed = set(re.findall(r"^  (\w+)/", tree, re.M))
    packages = {p.name for p in (repo / "src" / "survivalkit").iterdir() if (p / "__init__.py").is_file()}
    assert listed == packages
