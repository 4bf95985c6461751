"""The story issue forms (`.github/ISSUE_TEMPLATE/`) and the answers GitHub writes from them.

GitHub writes the answers of an issue form as Markdown: each question's label as a `### `
heading, then the answer; `_No response_` for an empty answer; a ticked box as `- [X] label`.
The labels are read from the forms themselves, English and Spanish with the same ids, so that a
form can change without this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# The repository's forms, from its root, where the command runs (as the `data` folder is): not
# beside the package, which may be installed anywhere.
FORMS_FOLDER = Path(".github") / "ISSUE_TEMPLATE"
FORM_FILES = ("story.yml", "story-es.yml")
NO_RESPONSE = "_No response_"
_TICK = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<label>.*)$")


@dataclass(frozen=True)
class FormField:
    """One question of an issue form."""

    id: str
    kind: str
    label: str
    required: bool = False
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    """The questions of one issue form, in its order."""

    file: str
    fields: tuple[FormField, ...]

    def field(self, field_id: str) -> FormField:
        return next(f for f in self.fields if f.id == field_id)

    def label(self, field_id: str) -> str:
        return next((f.label for f in self.fields if f.id == field_id), field_id)


@dataclass(frozen=True)
class IssueProblem:
    """One mistake in an issue: `issue: form field: what is wrong — how to fix it`."""

    source: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{self.source}: {what} — {self.fix}"


class IssueError(Exception):
    """The issue cannot become a story; carries every problem at once."""

    def __init__(self, problems: list[IssueProblem]) -> None:
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        lines = [*map(str, problems), f"Found {len(problems)} {noun} in the issue."]
        super().__init__("\n".join(lines))


def read_forms(folder: Path = FORMS_FOLDER) -> list[Form]:
    """The story forms, English first, each with its questions (not its explanations)."""
    forms = []
    for name in FORM_FILES:
        document: dict[str, Any] = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        fields = tuple(
            FormField(
                id=item["id"],
                kind=item["type"],
                label=item["attributes"]["label"],
                required=bool(item.get("validations", {}).get("required", False)),
                options=tuple(o["label"] for o in item["attributes"].get("options", [])),
            )
            for item in document["body"]
            if item["type"] != "markdown"
        )
        forms.append(Form(name, fields))
    return forms


def read_answers(issue: str, source: str, forms: list[Form]) -> tuple[Form, dict[str, str]]:
    """The form the issue was sent with, and the answer to each of its questions by id (`""`
    where there is none; a box list as GitHub writes it). Raise `IssueError` if the issue's
    text does not hold every question of one of the forms."""
    issue = issue.replace("\r\n", "\n")
    lines = issue.split("\n")
    form = max(forms, key=lambda f: sum(f"### {field.label}" in lines for field in f.fields))
    positions = _heading_positions(lines, form)
    missing = [field for field in form.fields if positions.get(field.id) is None]
    if len(missing) == len(form.fields):
        raise IssueError(
            [
                IssueProblem(
                    source,
                    "",
                    "this is not a story sent with the story form: none of its questions is in it",
                    "send the story with the issue form “Submit a story” (or “Enviar una "
                    "historia”), or give the text of the issue itself, as GitHub shows it",
                )
            ]
        )
    if missing:
        raise IssueError(
            [
                IssueProblem(
                    source,
                    field.label,
                    f"the form's heading `### {field.label}` is missing",
                    "keep every `### ` heading of the form as GitHub writes it, and write each "
                    "answer under its own heading",
                )
                for field in missing
            ]
        )
    starts = sorted((line, field_id) for field_id, line in positions.items() if line is not None)
    answers = {}
    for (start, field_id), (end, _) in zip(starts, [*starts[1:], (len(lines), "")], strict=True):
        answer = "\n".join(lines[start + 1 : end]).strip()
        answers[field_id] = "" if answer == NO_RESPONSE else answer
    return form, answers


def _heading_positions(lines: list[str], form: Form) -> dict[str, int | None]:
    """The line of each question's heading. A story may hold `### ` headings of its own, so
    the questions up to the first long answer are found from the top, the rest from the end."""
    last_top = next(
        (n for n, f in enumerate(form.fields) if f.kind == "textarea"), len(form.fields) - 1
    )
    positions: dict[str, int | None] = {}
    after = -1
    for field in form.fields[: last_top + 1]:
        found = _find(lines, f"### {field.label}", range(after + 1, len(lines)))
        positions[field.id] = found
        after = found if found is not None else after
    before = len(lines)
    for field in reversed(form.fields[last_top + 1 :]):
        found = _find(lines, f"### {field.label}", range(before - 1, after, -1))
        positions[field.id] = found
        before = found if found is not None else before
    return positions


def _find(lines: list[str], heading: str, where: range) -> int | None:
    return next((n for n in where if lines[n].rstrip() == heading), None)


def ticked_boxes(answer: str, options: tuple[str, ...]) -> list[int]:
    """The place among `options` of each box ticked in `answer`."""
    ticked = [
        match["label"].strip()
        for line in answer.split("\n")
        if (match := _TICK.match(line.strip())) and match["mark"] != " "
    ]
    return [options.index(label) for label in ticked if label in options]
