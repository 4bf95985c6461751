"""Data files → validated records, each remembering its file and lines.

Every mistake becomes a `Problem` in plain English; nothing here raises on bad data.
A list file (schools, cohorts…) is checked record by record, so one broken school
does not hide the mistakes in the others.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from showcase.data.models import (
    CHECKED,
    SCHOOL_YEAR_PATTERN,
    SLUG_PATTERN,
    Cohort,
    Disagreement,
    Record,
    School,
    Source,
    Story,
    WeekOfAction,
)
from showcase.data.origin import Loc, Origin
from showcase.data.problems import Problem
from showcase.data.yaml_source import dotted, read_yaml

R = TypeVar("R", bound=Record)

SOURCES_FILE = "sources.yaml"
COHORTS_FILE = "cohorts.yaml"
SCHOOLS_FILE = "schools.yaml"
WEEKS_FILE = "weeks-of-action.yaml"
DISAGREEMENTS_FILE = "disagreements.yaml"
STORIES_FOLDER = "stories"


@dataclass
class LoadedData:
    """Every record that passed its own checks, plus every problem found on the way."""

    sources: list[Source] = field(default_factory=list)
    cohorts: list[Cohort] = field(default_factory=list)
    schools: list[School] = field(default_factory=list)
    weeks: list[WeekOfAction] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    # Ids of records that exist but failed their own checks: others may still name them.
    broken_ids: set[str] = field(default_factory=set)
    # Files that could not be read at all: references into them cannot be checked.
    unreadable: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    # Checked a moment ago by another build of the same files: only reading is left to do.
    checked: bool = False


def load_data(data_dir: Path, *, checked: bool = False) -> LoadedData:
    """Read every data file under `data_dir`; `checked`: the build that started this one has
    just checked them, so what only measures (a flyer's lines) is not measured again."""
    loaded = LoadedData(checked=checked)
    loaded.sources = _load_list(data_dir / SOURCES_FILE, "sources", Source, "id", loaded)
    loaded.cohorts = _load_list(data_dir / COHORTS_FILE, "cohorts", Cohort, "id", loaded)
    loaded.schools = _load_list(data_dir / SCHOOLS_FILE, "schools", School, "slug", loaded)
    loaded.weeks = _load_list(data_dir / WEEKS_FILE, "weeks", WeekOfAction, "year", loaded)
    # A data set where the sources never disagree needs no such file.
    if (data_dir / DISAGREEMENTS_FILE).is_file():
        loaded.disagreements = _load_list(
            data_dir / DISAGREEMENTS_FILE, "disagreements", Disagreement, "id", loaded
        )
    for path in sorted((data_dir / STORIES_FOLDER).glob("**/*")):
        if path.is_file():
            story = _load_story(path, data_dir / STORIES_FOLDER, loaded)
            if story is not None:
                loaded.stories.append(story)
    return loaded


def _load_list(path: Path, key: str, model: type[R], id_field: str, loaded: LoadedData) -> list[R]:
    if not path.is_file():
        loaded.problems.append(
            Problem(path, 1, "", "this data file is missing", f"restore `{path.name}` from git")
        )
        return []
    document = read_yaml(path)
    loaded.problems.extend(document.problems)
    data = document.data
    if data is None:
        loaded.unreadable.add(key)
        return []
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        loaded.problems.append(
            Problem(
                path,
                1,
                key,
                f"the file must hold a list under `{key}:`",
                f"start the file with `{key}:` and list each record under it with `- `",
            )
        )
        return []
    for extra in sorted(set(data) - {key}):
        loaded.problems.append(
            Problem(
                path,
                document.lines.get((extra,), 1),
                extra,
                f"`{extra}` is not expected at the top of this file",
                f"only `{key}:` belongs here; move or delete `{extra}`",
            )
        )
    records: list[R] = []
    items = data[key]
    for index, item in enumerate(items):
        items[index] = None  # the record replaces the raw values, which go now
        origin = Origin(path, document.lines, (key, index))
        record = _validate(model, item, origin, loaded, document.bad_locs)
        if record is not None:
            records.append(record)
        elif isinstance(item, dict) and item.get(id_field) is not None:
            loaded.broken_ids.add(str(item[id_field]))
    return records


def story_file(year: int, slug: str) -> str:
    """Where a story lives, relative to the data folder."""
    return f"{STORIES_FOLDER}/{year}/{slug}.yaml"


_STORY_PATH = re.compile(r"^(\d{4})/(" + SLUG_PATTERN.strip("^$") + r")\.yaml$")


def _load_story(path: Path, stories_dir: Path, loaded: LoadedData) -> Story | None:
    relative = path.relative_to(stories_dir).as_posix()
    if path.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"}:
        return None  # a story's photo, checked with the story that shows it
    match = _STORY_PATH.match(relative)
    if match is None:
        loaded.problems.append(
            Problem(
                path,
                1,
                "",
                "a story file must be named `stories/<year>/<slug>.yaml`",
                "move it into the folder of its year and name it with lower-case words "
                "joined by hyphens, e.g. `stories/2024/resource-fair.yaml`",
            )
        )
        return None
    year, slug = int(match.group(1)), match.group(2)
    document = read_yaml(path)
    loaded.problems.extend(document.problems)
    if document.data is None:
        loaded.broken_ids.add(slug)
        return None
    origin = Origin(path, document.lines)
    story = _validate(Story, document.data, origin, loaded, document.bad_locs)
    if story is None:
        loaded.broken_ids.add(slug)
        return None
    story._slug = slug
    if story.year != year:
        loaded.problems.append(
            Problem(
                path,
                story.origin.line("date"),
                "date",
                f"the story is dated {story.year} but sits in the folder for {year}",
                f"move the file to `stories/{story.year}/` or correct the date",
            )
        )
    return story


def _validate(
    model: type[R], data: Any, origin: Origin, loaded: LoadedData, reported: set[Loc]
) -> R | None:
    try:
        record = model.model_validate(data, context={CHECKED: loaded.checked})
    except ValidationError as error:
        loaded.problems.extend(_explain(error, model, data, origin, reported))
        return None
    if any(loc[: len(origin.prefix)] == origin.prefix for loc in reported):
        return None  # a value was dropped for a YAML mistake already reported
    _set_origins(record, origin)
    return record


def _set_origins(record: Record, origin: Origin) -> None:
    record._origin = origin
    _share_fields_set(record)
    for loc, item in _nested(record):
        _set_origins(item, origin.within(*loc))


def forget_nested_origins(record: Record) -> None:
    """Let go of where each record nested in `record` (a citation, a fact…) was read, once
    nothing is left to report: `record` keeps its own origin, its file's."""
    for _loc, item in _nested(record):
        item._origin = None
        forget_nested_origins(item)


def _nested(record: Record) -> Iterator[tuple[Loc, Record]]:
    """Each record held in a field of `record`, with its place in it."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if isinstance(item, Record):
                yield ((name, index) if isinstance(value, list) else (name,)), item


def _explain(
    error: ValidationError, model: type[Record], data: Any, origin: Origin, reported: set[Loc]
) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = tuple(part for part in detail["loc"] if _is_data_key(part))
        if origin.prefix + loc in reported:
            continue
        message, fix = _describe(detail, model, loc, data)
        problems.append(
            Problem(origin.file, origin.line(*loc), dotted(origin.prefix + loc), message, fix)
        )
    return problems


def _is_data_key(part: str | int) -> bool:
    # pydantic adds the names of union branches and validators to a location.
    return isinstance(part, int) or not any(mark in part for mark in "[]-") or part.isidentifier()


_PATTERN_HELP = {
    SLUG_PATTERN: "use only lower-case letters, digits and single hyphens, "
    "e.g. `leland-street-elementary`",
    SCHOOL_YEAR_PATTERN: "write the school year like `2023-24`",
}

_KIND = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "`true` or `false`",
    "bool_parsing": "`true` or `false`",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a group of `name: value` lines",
    "model_type": "a group of `name: value` lines",
    "model_attributes_type": "a group of `name: value` lines",
}


def _describe(detail: ErrorDetails, model: type[Record], loc: Loc, data: Any) -> tuple[str, str]:
    kind = detail["type"]
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else "this value"
    value = detail.get("input")
    context = detail.get("ctx") or {}
    help_text = _field_help(model, loc)
    if kind == "missing":
        return "this field is required but missing", f"add a `{name}:` line. {help_text}".strip()
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        if guess:
            return f"`{name}` is not a field we know", f"did you mean `{guess[0]}`?"
        return f"`{name}` is not a field we know", "remove it; allowed here: " + ", ".join(allowed)
    if kind in _KIND:
        return (
            f"should be {_KIND[kind]}, but is {_shown(value)}",
            f"write {_KIND[kind]} here. {help_text}".strip(),
        )
    if kind.startswith(("date", "datetime")):
        return (
            f"{_shown(value)} is not a real date",
            "write the date as YYYY-MM-DD with a real month and day, e.g. 2024-04-23",
        )
    if kind == "enum":
        return (
            f"{_shown(value)} is not one of the allowed values",
            f"use one of: {context.get('expected')}",
        )
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} is not written the expected way", _PATTERN_HELP.get(
            str(context.get("pattern")), help_text or "see the schema"
        )
    if kind in {"string_too_short", "too_short"}:
        return "must not be empty", f"fill it in. {help_text}".strip()
    if kind in {"string_too_long", "too_long"}:
        return "is too long", f"shorten it to at most {context.get('max_length')} characters"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        return f"{_shown(value)} is out of range", detail["msg"].lower()
    if kind == "value_error":
        reason = str(context.get("error", detail["msg"]))
        what, _, fix = reason.partition(": ")
        return f"{what}", fix or "correct it"
    return detail["msg"], help_text or "correct it"


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"`{text[:60]}…`" if len(text) > 60 else f"`{text}`"


def _model_at(model: type[Record], loc: Loc) -> type[Record] | None:
    current: type[Record] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field_info = current.model_fields.get(part)
        current = _record_type(field_info.annotation) if field_info else None
    return current


def _record_type(annotation: Any) -> type[Record] | None:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for argument in typing.get_args(annotation):
        found = _record_type(argument)
        if found is not None:
            return found
    return None


def _allowed_fields(model: type[Record], loc: Loc) -> list[str]:
    owner = _model_at(model, loc)
    return sorted(owner.model_fields) if owner else []


def _field_help(model: type[Record], loc: Loc) -> str:
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return ""
    owner = _model_at(model, loc[: max(i for i, p in enumerate(loc) if isinstance(p, str))])
    field_info = owner.model_fields.get(names[-1]) if owner else None
    description = field_info.description if field_info else None
    if not description:
        return ""
    return description if description.endswith(".") else description + "."


# The names of the fields each record was given, as pydantic keeps them: one set per record,
# which at ten thousand schools came to some fifty megabytes. Records are frozen, so those
# given the same fields can share one (frozen) set.
_FIELDS_SETS: dict[frozenset[str], frozenset[str]] = {}


def _share_fields_set(record: Record) -> None:
    names = frozenset(record.model_fields_set)
    object.__setattr__(record, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(names, names))
