"""`showcase new-story`: ask a few questions and write a valid story file in the right place."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from showcase.data.catalog import Catalog
from showcase.data.load import story_file
from showcase.data.models import PILLAR_TITLES, Pillar, School, Story
from showcase.data.names import comparable_name
from showcase.tools.story_yaml import story_yaml

Ask = Callable[[str], str]


def slug_from_title(title: str) -> str:
    words = re.findall(r"[a-z0-9]+", comparable_name(title))
    return "-".join(words[:8]) or "story"


def write_new_story(catalog: Catalog, data_dir: Path, ask: Ask, say: Callable[[str], None]) -> Path:
    """Ask for each field until the answer is valid; write the file; return its path."""
    schools = [_ask_school(catalog, ask, say)]
    title = _ask_text(ask, say, "Title (a short headline): ", "title")
    date = _ask_date(ask, say)
    week = week_for(catalog, date)
    pillars = _ask_pillars(ask, say)
    summary = _ask_text(ask, say, "Summary (one sentence): ", "summary")
    contributed_by = _ask_text(
        ask,
        say,
        "Your role and school (e.g. Community School Coordinator, Aldama ES): ",
        "contributed_by",
    )
    say("The story itself, in plain words. One empty line starts a new paragraph;")
    say("two empty lines in a row finish the story.")
    body_lines: list[str] = []
    while (line := ask("> ")) or (body_lines and body_lines[-1]):
        body_lines.append(line)
    record: dict[str, Any] = {
        "title": title,
        "date": date,
        **({"week_of_action": week} if week else {}),
        "schools": schools,
        "pillars": pillars,
        "summary": summary,
        "body": "\n".join(body_lines).strip() or summary,
        "contributed_by": contributed_by,
    }
    story = Story.model_validate(record)
    path = free_story_path(catalog, data_dir, title, int(date[:4]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(story_yaml(story), encoding="utf-8")
    return path


def free_story_path(catalog: Catalog, data_dir: Path, title: str, year: int) -> Path:
    """Where a new story with this title goes: a slug made from the title that no story
    uses yet, in the folder of its year."""
    slug = slug_from_title(title)
    path = data_dir / story_file(year, slug)
    counter = 2
    while path.exists() or path.stem in catalog.stories:
        path = data_dir / story_file(year, f"{slug}-{counter}")
        counter += 1
    return path


def _ask_text(ask: Ask, say: Callable[[str], None], prompt: str, field: str) -> str:
    while True:
        answer = ask(prompt).strip()
        problem = _field_problem(field, answer)
        if problem is None:
            return answer
        say(f"  That does not work: {problem}")


def _field_problem(field: str, value: str) -> str | None:
    """What is wrong with `value` for the story field `field`, in the validator's words."""
    annotation: Any = Story.model_fields[field].rebuild_annotation()
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError as error:
        detail = error.errors()[0]
        return str(detail.get("ctx", {}).get("error", detail["msg"]))
    return None


def schools_matching(catalog: Catalog, answer: str) -> list[School]:
    """The schools `answer` may mean: the one with that slug or exactly that name, else every
    school with a name or alias that contains it."""
    if answer in catalog.schools:
        return [catalog.schools[answer]]
    wanted = comparable_name(answer)
    if not wanted:
        return []
    named = [
        school
        for school in catalog.schools.values()
        if any(wanted == comparable_name(n) for n in [school.name, *school.aliases])
    ]
    return named or [
        school
        for school in catalog.schools.values()
        if any(wanted in comparable_name(n) for n in [school.name, *school.aliases])
    ]


def _ask_school(catalog: Catalog, ask: Ask, say: Callable[[str], None]) -> str:
    while True:
        answer = ask("School (part of its name, or its slug): ").strip()
        matches = schools_matching(catalog, answer)
        if len(matches) == 1:
            if matches[0].slug != answer:
                say(f"  → {matches[0].name} ({matches[0].slug})")
            return matches[0].slug
        if matches:
            say("  Several schools match; type more of the name or one of these slugs:")
            for school in matches[:10]:
                say(f"    {school.slug}  {school.name}")
        else:
            say("  No school matches that; try another part of its name.")


def _ask_date(ask: Ask, say: Callable[[str], None]) -> str:
    today = datetime.date.today().isoformat()
    while True:
        answer = ask(f"Date, YYYY-MM-DD or YYYY-MM [{today}]: ").strip() or today
        problem = _field_problem("date", answer)
        if problem is None:
            return answer
        say(f"  That does not work: {problem}")


def week_for(catalog: Catalog, date: str) -> int | None:
    """The year of the Week of Action that the day `date` falls in, if any."""
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:  # a month alone, or not a date at all
        return None
    for week in catalog.weeks.values():
        if week.start <= day <= week.end:
            return week.year
    return None


def _ask_pillars(ask: Ask, say: Callable[[str], None]) -> list[str]:
    pillars = list(Pillar)
    for number, pillar in enumerate(pillars, start=1):
        say(f"  {number}. {PILLAR_TITLES[pillar]}")
    while True:
        answer = ask("Pillars it shows (numbers, e.g. 1 3): ")
        numbers = re.findall(r"\d+", answer)
        if numbers and all(1 <= int(n) <= len(pillars) for n in numbers):
            return [pillars[int(n) - 1].value for n in dict.fromkeys(numbers)]
        say(f"  Type one or more numbers from 1 to {len(pillars)}.")
