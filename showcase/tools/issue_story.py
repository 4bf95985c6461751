"""`showcase story-from-issue`: a story sent with the GitHub issue form → a story file.

The answers (`issue_form`) become the fields of a story, which the validator checks with every
other file in a copy of the data before anything is written.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from showcase.data.catalog import Catalog, read_catalog
from showcase.data.evidence import default_archive
from showcase.data.models import Pillar, Story
from showcase.data.problems import DataError
from showcase.data.story_rules import story_text_problems
from showcase.tools.issue_form import Form, IssueError, IssueProblem, read_answers, ticked_boxes
from showcase.tools.new_story import free_story_path, schools_matching, week_for
from showcase.tools.story_yaml import record_yaml, story_yaml

# A problem found in a field of the record, reported under the form field that holds it.
_FIELD_OF_PROBLEM = {"sources": "contributed_by"}


def story_from_issue(
    issue: str, source: str, catalog: Catalog, data_dir: Path, forms: list[Form]
) -> Path:
    """Write the story that the issue body `issue` (read from `source`) holds; return its path.
    Raise `IssueError` with every problem, having written nothing, when there are any."""
    form, answers = read_answers(issue, source, forms)
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


def _record(
    answers: dict[str, str], form: Form, source: str, catalog: Catalog
) -> tuple[dict[str, Any], list[IssueProblem]]:
    """The story's fields from the answers, and what keeps an answer from being read."""
    problems: list[IssueProblem] = []

    def problem(field_id: str, message: str, fix: str) -> None:
        problems.append(IssueProblem(source, form.label(field_id), message, fix))

    for field in form.fields:
        if field.required and field.kind != "checkboxes" and not answers[field.id]:
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
    ticked = [list(Pillar)[i].value for i in ticked_boxes(answers["pillars"], pillars.options)]
    if ticked:
        record["pillars"] = ticked
    else:
        problem("pillars", "no pillar is ticked", "tick at least one pillar the story shows")
    for name in ("summary", "body", "contributed_by"):
        if answers[name]:
            record[name] = answers[name]
    privacy = form.field("privacy")
    if len(ticked_boxes(answers["privacy"], privacy.options)) < len(privacy.options):
        problem(
            "privacy",
            "not every privacy point is ticked",
            "read the privacy rules at the top of the form, make sure the story keeps them, "
            "then tick every point (edit the issue)",
        )
    return record, problems


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
