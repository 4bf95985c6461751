"""Checks that span records: every reference resolves, every id is unique."""

from __future__ import annotations

from collections.abc import Iterable

from showcase.data.evidence import Archive, citations, evidence_problems, record_problem
from showcase.data.load import LoadedData
from showcase.data.models import Record, School
from showcase.data.names import comparable_name
from showcase.data.photos import photo_file_problems
from showcase.data.problems import Problem
from showcase.data.story_rules import story_text_problems
from showcase.data.yaml_source import dotted


def check_references(data: LoadedData, archive: Archive | None = None) -> list[Problem]:
    """Every problem that only shows when records are read together; with an `archive`
    whose folder is there, the quotes are also looked for in the archived texts."""
    problems: list[Problem] = []
    problems += _duplicates(data.sources, "id", "source id")
    problems += _duplicates(data.cohorts, "id", "cohort id")
    problems += _duplicates(data.schools, "slug", "school slug")
    problems += _duplicates(data.weeks, "year", "Week of Action year")
    problems += _duplicates(data.stories, "slug", "story slug")
    problems += _duplicates(data.disagreements, "id", "disagreement id")
    problems += _unknown_sources(data)
    problems += _unknown_cohorts(data)
    problems += _unknown_story_references(data)
    problems += _unknown_disagreement_pages(data)
    problems += _names_differing_by_abbreviation(data.schools)
    if data.checked:
        # The build that started this one has just read the stories' text and the archived
        # sources for these problems; what is left above is what a page needs to be made.
        return problems
    problems += _story_safety(data)
    if "sources" not in data.unreadable:
        problems += evidence_problems(data.sources, _citing_records(data), archive)
    return problems


def _duplicates(records: Iterable[Record], key: str, noun: str) -> list[Problem]:
    first_seen: dict[object, Record] = {}
    problems = []
    for record in records:
        value = getattr(record, key)
        if value in first_seen:
            first = first_seen[value].origin
            problems.append(
                record_problem(
                    record,
                    (key,),
                    f"the {noun} `{value}` is already used in {first.file.name} line "
                    f"{first.line(key)}",
                    f"give this one a different {key}, or merge the two records",
                )
            )
        else:
            first_seen[value] = record
    return problems


def _unknown_sources(data: LoadedData) -> list[Problem]:
    if "sources" in data.unreadable:
        return []
    known = {source.id for source in data.sources} | data.broken_ids
    return [
        record_problem(
            record,
            # A citation written as a bare id is at its place in the list.
            (*loc, "source") if record.origin.has(*loc, "source") else loc,
            f"no source has the id `{citation.source}`",
            "use an id from data/sources.yaml, or add the source there first",
        )
        for record in _citing_records(data)
        for loc, citation in citations(record)
        if citation.source not in known
    ]


def _citing_records(data: LoadedData) -> list[Record]:
    return [*data.cohorts, *data.schools, *data.weeks, *data.stories, *data.disagreements]


def _unknown_disagreement_pages(data: LoadedData) -> list[Problem]:
    cohorts = {cohort.id for cohort in data.cohorts} | data.broken_ids
    schools = {school.slug for school in data.schools} | data.broken_ids
    problems = []
    for disagreement in data.disagreements:
        if disagreement.cohort not in cohorts | {None} and "cohorts" not in data.unreadable:
            problems.append(
                record_problem(
                    disagreement,
                    ("cohort",),
                    f"no cohort has the id `{disagreement.cohort}`",
                    "use one of: " + ", ".join(sorted(c.id for c in data.cohorts)),
                )
            )
        if disagreement.school not in schools | {None} and "schools" not in data.unreadable:
            problems.append(
                record_problem(
                    disagreement,
                    ("school",),
                    f"no school has the slug `{disagreement.school}`",
                    "copy the school's slug from data/schools.yaml",
                )
            )
    return problems


def _unknown_cohorts(data: LoadedData) -> list[Problem]:
    if "cohorts" in data.unreadable:
        return []
    known = {cohort.id for cohort in data.cohorts} | data.broken_ids
    return [
        record_problem(
            school,
            ("cohorts", index, "cohort"),
            f"no cohort has the id `{listing.cohort}`",
            "use one of: " + ", ".join(sorted(c.id for c in data.cohorts)),
        )
        for school in data.schools
        for index, listing in enumerate(school.cohorts)
        if listing.cohort not in known
    ]


def _unknown_story_references(data: LoadedData) -> list[Problem]:
    schools = {school.slug for school in data.schools} | data.broken_ids
    years = {week.year for week in data.weeks}
    problems = []
    for story in data.stories:
        for index, slug in enumerate(story.schools):
            if slug not in schools and "schools" not in data.unreadable:
                problems.append(
                    record_problem(
                        story,
                        ("schools", index),
                        f"no school has the slug `{slug}`",
                        "copy the school's slug from data/schools.yaml "
                        "(it is on the school's page too)",
                    )
                )
        week = story.week_of_action
        if (
            week is not None
            and week not in years
            and str(week) not in data.broken_ids | {str(y) for y in years}
            and "weeks" not in data.unreadable
        ):
            problems.append(
                record_problem(
                    story,
                    ("week_of_action",),
                    f"there is no Week of Action {story.week_of_action} in the data",
                    "use one of: "
                    + ", ".join(str(y) for y in sorted(years))
                    + ", or leave the field out",
                )
            )
    return problems


def _names_differing_by_abbreviation(schools: list[School]) -> list[Problem]:
    owner: dict[str, School] = {}
    problems = []
    for school in schools:
        for loc, name in [(("name",), school.name)] + [
            (("aliases", i), alias) for i, alias in enumerate(school.aliases)
        ]:
            key = comparable_name(name)
            other = owner.setdefault(key, school)
            if other is not school:
                problems.append(
                    record_problem(
                        school,
                        loc,
                        f"`{name}` names the same school as `{other.name}` "
                        f"({other.slug}, line {other.origin.line()}) written another way",
                        "if they are one school, merge the records and keep this name under "
                        "`aliases`; if they really differ, tell the two names apart",
                    )
                )
    return problems


def _story_safety(data: LoadedData) -> list[Problem]:
    problems = []
    for story in data.stories:
        origin = story.origin
        for loc, offset, message, fix in story_text_problems(story):
            problems.append(
                Problem(origin.file, origin.line(*loc) + offset, dotted(loc), message, fix)
            )
        for index, photo in enumerate(story.photos):
            for message, fix in photo_file_problems(origin.file.parent / photo.file):
                problems.append(record_problem(story, ("photos", index, "file"), message, fix))
    return problems
