"""Data files → records: what is read, where each value came from, and what one mistake hides."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import GOOD, all_problems, copy_data, replace_in_file

from showcase.data.load import load_data


def _line_of(path: Path, text: str) -> int:
    """The line (1-based) of the only line of `path` that contains `text`."""
    numbers = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if text in line
    ]
    assert len(numbers) == 1, f"{text!r} is on lines {numbers} of {path}"
    return numbers[0]


def test_the_good_set_loads_every_record_without_problems() -> None:
    data = load_data(GOOD)

    assert data.problems == []
    assert [source.id for source in data.sources] == [
        "example-district-report",
        "example-union-newsletter",
        "example-board-minutes",
    ]
    assert [cohort.id for cohort in data.cohorts] == ["cohort-1", "cohort-2"]
    assert [school.slug for school in data.schools] == [
        "example-primary-center",
        "sample-avenue-elementary",
        "placeholder-high",
    ]
    assert [week.year for week in data.weeks] == [2024]


def test_a_story_takes_its_slug_from_its_file_name_and_photos_are_not_stories() -> None:
    data = load_data(GOOD)

    assert sorted(story.slug for story in data.stories) == [
        "family-garden-day",
        "robotics-showcase",
    ]


def test_values_are_read_as_the_records_need_them() -> None:
    data = load_data(GOOD)
    schools = {school.slug: school for school in data.schools}
    story = next(story for story in data.stories if story.slug == "family-garden-day")

    assert schools["sample-avenue-elementary"].aliases == [
        "Sample Ave. ES",
        "Sample Avenue Elementary",
    ]
    assert schools["placeholder-high"].designated is False
    assert data.cohorts[0].schools_added[0].count == 3
    assert story.date == "2024-04-23"
    assert story.week_of_action == 2024
    # A pillar may be written with its title; it is read as the one spelling we publish.
    assert [pillar.value for pillar in story.pillars] == [
        "family-and-community-engagement",
        "collaborative-leadership",
    ]
    assert story.photos[0].consent is True


def test_records_remember_the_line_of_each_value() -> None:
    data = load_data(GOOD)
    schools_file = GOOD / "schools.yaml"
    school = next(school for school in data.schools if school.slug == "sample-avenue-elementary")
    story = next(story for story in data.stories if story.slug == "family-garden-day")

    assert school.origin.file == schools_file
    assert school.origin.line() == _line_of(schools_file, "slug: sample-avenue-elementary")
    assert school.origin.line("name") == _line_of(schools_file, "name: Sample Avenue Elementary")
    assert school.origin.line("aliases", 1) == _line_of(schools_file, "- Sample Avenue Elementary")
    assert school.cohorts[0].origin.line("listed_as") == _line_of(schools_file, "listed_as:")
    assert story.photos[0].origin.line("alt") == _line_of(story.origin.file, "alt: Children")


def test_a_missing_data_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    (data_dir / "cohorts.yaml").unlink()

    problems = all_problems(data_dir)

    missing = [p for p in problems if p.file.name == "cohorts.yaml"]
    assert [(p.line, p.message) for p in missing] == [(1, "this data file is missing")]
    assert "cohorts.yaml" in missing[0].fix


def test_a_missing_stories_folder_is_no_problem(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    shutil.rmtree(data_dir / "stories")

    data = load_data(data_dir)

    assert data.problems == []
    assert data.stories == []


def test_a_broken_school_does_not_hide_the_mistakes_in_the_others(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    schools_file = data_dir / "schools.yaml"
    replace_in_file(schools_file, "    name: Example Primary Center\n", "")
    replace_in_file(schools_file, "grades: TK-5", "grades: [TK, K, 1]")

    data = load_data(data_dir)
    problems = all_problems(data_dir)

    assert [(p.file.name, p.field) for p in problems] == [
        ("schools.yaml", "schools[0].name"),
        ("schools.yaml", "schools[1].grades"),
    ]
    # The school that is right is still read, and the stories still find the broken ones.
    assert [school.slug for school in data.schools] == ["placeholder-high"]


def test_a_yaml_slip_in_one_school_does_not_make_stories_lose_their_schools(
    tmp_path: Path,
) -> None:
    # Every school is still there in the file; the stories that name them are not at fault.
    data_dir = copy_data(GOOD, tmp_path / "data")
    replace_in_file(
        data_dir / "schools.yaml",
        "    level: high\n",
        "    level: high\n    level: high\n",
    )

    problems = all_problems(data_dir)

    assert [str(p) for p in problems if p.file.name != "schools.yaml"] == []


def test_a_yaml_slip_in_one_school_does_not_hide_mistakes_in_the_others(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    schools_file = data_dir / "schools.yaml"
    replace_in_file(schools_file, "    level: high\n", "    level: high\n    level: high\n")
    replace_in_file(schools_file, "grades: TK-5", "grades: [TK, K, 1]")

    problems = all_problems(data_dir)

    assert [p.field for p in problems if p.file == schools_file] == [
        "schools[1].grades",
        "schools[2].level",
    ]
