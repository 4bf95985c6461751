"""`showcase story-from-issue`: a story sent with the GitHub issue form → a story file.

GitHub writes the answers of an issue form as Markdown: each field's label as a `### ` heading,
then the answer; `_No response_` for an empty field; a ticked box as `- [X] label`. The labels
are read from the forms themselves (English and Spanish, with the same ids), so that a form can
change without this module. The story is checked by the validator, in a copy of the data,
before anything is written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from showcase.catalog import Catalog, read_catalog
from showcase.evidence import default_archive
from showcase.models import Pillar, Story
from showcase.new_story import free_story_path, schools_matching, week_for
from showcase.problems import DataError
from showcase.story_rules import story_text_problems
from showcase.story_yaml import record_yaml, story_yaml

FORMS_FOLDER = Path(__file__).resolve().parent.parent / ".github" / "ISSUE_TEMPLATE"
FORM_FILES = ("story.yml", "story-es.yml")
NO_RESPONSE = "_No response_"
_TICK = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<label>.*)$")
# A problem found in a field of the record, reported under the form field that holds it.
_FIELD_OF_PROBLEM = {"sources": "contributed_by"}


@dataclass(frozen=True)
class FormField:
    """One question of an issue form."""

    id: str
    kind: str
    label: str
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
                options=tuple(o["label"] for o in item["attributes"].get("options", [])),
            )
            for item in document["body"]
            if item["type"] != "markdown"
        )
        forms.append(Form(name, fields))
    return forms


def story_from_issue(
    issue: str, source: str, catalog: Catalog, data_dir: Path, forms: list[Form]
) -> Path:
    """Write the story that the issue body `issue` (read from `source`) holds; return its path.
    Raise `IssueError` with every problem, having written nothing, when there are any."""
    form, answers = _answers(issue.replace("\r\n", "\n"), source, forms)
    record, problems = _record(answers, form, source, catalog)
    title = str(record.get("title") or "story")
    year = int(record["date"][:4]) if re.match(r"^\d{4}", record.get("date", "")) else 2000
    path = free_story_path(catalog, data_dir, title, year)
    # An answer that could not be read was left out: what the validator says of it is noise.
    unread = {problem.field for problem in problems}
    problems += [
        problem
        for problem in _validator_problems(
            record, path.relative_to(data_dir), data_dir, form, source
        )
        if problem.field not in unread
    ]
    # The validator checks the safety of a story's text once the story is valid; say it all now.
    reported = {problem.field for problem in problems}
    problems += [
        problem for problem in _text_problems(record, form, source) if problem.field not in reported
    ]
    if problems:
        raise IssueError(list(dict.fromkeys(problems)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(story_yaml(Story.model_validate(record)), encoding="utf-8")
    return path


def _answers(issue: str, source: str, forms: list[Form]) -> tuple[Form, dict[str, str]]:
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


def _record(
    answers: dict[str, str], form: Form, source: str, catalog: Catalog
) -> tuple[dict[str, Any], list[IssueProblem]]:
    """The story's fields from the answers, and what keeps an answer from being read."""
    problems: list[IssueProblem] = []

    def problem(field_id: str, message: str, fix: str) -> None:
        problems.append(IssueProblem(source, form.label(field_id), message, fix))

    for field in form.fields:
        if field.kind != "checkboxes" and field.id != "week_of_action" and not answers[field.id]:
            problem(field.id, "this answer is empty", "fill it in (edit the issue)")
    record: dict[str, Any] = {}
    for name in ("title", "date"):
        if answers[name]:
            record[name] = answers[name]
    schools = _schools(answers["schools"], catalog, form, source, problems)
    if schools:
        record["schools"] = schools
    week = answers["week_of_action"]
    if week and not week.isdigit():
        problem(
            "week_of_action", f"`{week}` is not a year", "write a year such as 2024, or nothing"
        )
    elif week and int(week) not in catalog.weeks:
        problem(
            "week_of_action",
            f"there is no Week of Action {week} in the data",
            "use one of: " + ", ".join(map(str, sorted(catalog.weeks))) + ", or leave it empty",
        )
    elif week:
        record["week_of_action"] = int(week)
    elif (found := week_for(catalog, answers["date"])) is not None:
        record["week_of_action"] = found
    pillars = form.field("pillars")
    # The pillars' boxes are in the order of the pillars, in either language.
    ticked = [list(Pillar)[i].value for i in _ticked(answers["pillars"], pillars.options)]
    if ticked:
        record["pillars"] = ticked
    else:
        problem("pillars", "no pillar is ticked", "tick at least one pillar the story shows")
    for name in ("summary", "body", "contributed_by"):
        if answers[name]:
            record[name] = answers[name]
    privacy = form.field("privacy")
    if len(_ticked(answers["privacy"], privacy.options)) < len(privacy.options):
        problem(
            "privacy",
            "not every privacy point is ticked",
            "read the privacy rules at the top of the form, make sure the story keeps them, "
            "then tick every point (edit the issue)",
        )
    return record, problems


def _ticked(answer: str, options: tuple[str, ...]) -> list[int]:
    """The place among `options` of each box ticked in `answer`."""
    ticked = [
        match["label"].strip()
        for line in answer.split("\n")
        if (match := _TICK.match(line.strip())) and match["mark"] != " "
    ]
    return [options.index(label) for label in ticked if label in options]


def _schools(
    answer: str, catalog: Catalog, form: Form, source: str, problems: list[IssueProblem]
) -> list[str]:
    slugs = []
    for name in (part.strip() for part in re.split(r"[,;\n]", answer)):
        if not name:
            continue
        matches = schools_matching(catalog, name)
        if len(matches) == 1:
            slugs.append(matches[0].slug)
            continue
        label = form.label("schools")
        if matches:
            shown = ", ".join(f"`{s.slug}` ({s.name})" for s in matches[:5])
            problems.append(
                IssueProblem(
                    source,
                    label,
                    f"`{name}` could be several schools: {shown}",
                    "write the school's full name, or its short name from its page address",
                )
            )
        else:
            problems.append(
                IssueProblem(
                    source,
                    label,
                    f"no school in the showcase is called `{name}`",
                    "write the school's name as its page on the showcase shows it, or its short "
                    "name from the end of its page address (.../schools/<short-name>/)",
                )
            )
    return list(dict.fromkeys(slugs))


def _text_problems(record: dict[str, Any], form: Form, source: str) -> list[IssueProblem]:
    """The safety rules of story text (`story_rules`) on each answer, valid or not."""
    unchecked = Story.model_construct(**record)
    return [
        IssueProblem(source, form.label(_FIELD_OF_PROBLEM.get(name, name)), what, fix)
        for loc, _, what, fix in story_text_problems(unchecked)
        for name in [str(loc[0])]
    ]


def _validator_problems(
    record: dict[str, Any], place: Path, data_dir: Path, form: Form, source: str
) -> list[IssueProblem]:
    """What the validator says about the story, checked with every other file in a copy of
    the data, each problem under the form field that holds it."""
    with tempfile.TemporaryDirectory(prefix="story-from-issue-") as folder:
        copy = Path(folder) / "data"
        shutil.copytree(data_dir, copy)
        (copy / place).parent.mkdir(parents=True, exist_ok=True)
        (copy / place).write_text(record_yaml(record), encoding="utf-8")
        try:
            read_catalog(copy, default_archive(data_dir))
        except DataError as error:
            return [
                IssueProblem(
                    source,
                    form.label(_FIELD_OF_PROBLEM.get(root, root)),
                    problem.message,
                    problem.fix,
                )
                for problem in error.problems
                for root in [re.split(r"[.\[]", problem.field)[0]]
            ]
    return []
