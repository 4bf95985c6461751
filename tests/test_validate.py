"""The validator on whole data sets: the good one passes, each bad fixture is found in place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    ARCHIVE,
    GOOD,
    MANY_MISTAKES,
    MANY_MISTAKES_FOUND,
    Case,
    all_problems,
    cases,
    copy_data,
    put_in_place,
    replace_in_file,
)

from showcase.data.catalog import read_catalog
from showcase.data.problems import DataError, Problem

BAD_CASES = cases("bad")
ALSO_GOOD_CASES = cases("also_good")


def test_the_good_set_validates_without_problems() -> None:
    catalog = read_catalog(GOOD, ARCHIVE)

    assert sorted(catalog.sources) == [
        "example-board-minutes",
        "example-district-report",
        "example-union-newsletter",
    ]
    assert catalog.notices == ()
    assert sorted(catalog.cohorts) == ["cohort-1", "cohort-2"]
    assert sorted(catalog.schools) == [
        "example-primary-center",
        "placeholder-high",
        "sample-avenue-elementary",
    ]
    assert sorted(catalog.weeks) == [2024]
    assert sorted(catalog.stories) == ["family-garden-day", "robotics-showcase"]
    # The story about two schools is listed under each of them.
    for slug in ["example-primary-center", "sample-avenue-elementary"]:
        assert [story.slug for story in catalog.stories_by_school[slug]] == ["family-garden-day"]
    assert catalog.schools["placeholder-high"].cohorts == []
    assert [s.slug for s in catalog.schools_by_cohort["cohort-2"]] == ["sample-avenue-elementary"]
    assert [story.slug for story in catalog.stories_by_week[2024]] == ["family-garden-day"]


def test_every_kind_of_mistake_has_a_fixture() -> None:
    targets = {case.fixture.parent.name for case in BAD_CASES}
    assert targets == {
        "schools",
        "cohorts",
        "sources",
        "weeks-of-action",
        "story",
        "disagreements",
    }
    assert len(BAD_CASES) >= 40
    assert all(case.expected for case in BAD_CASES), "a bad fixture without `# expect:`"
    assert all(not case.expected for case in ALSO_GOOD_CASES)


def _shown_form(problem: Problem, place_as: str) -> re.Pattern[str]:
    where = re.escape(f"data/{place_as}:{problem.line}: ")
    field = re.escape(f"{problem.field}: ") if problem.field else ""
    return re.compile(f"^{where}{field}{re.escape(problem.message)} — \\S.*$")


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda case: case.name)
def test_a_bad_fixture_is_reported_where_the_mistake_is(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    placed = put_in_place(case, data_dir)
    monkeypatch.chdir(tmp_path)

    problems = all_problems(data_dir)

    in_fixture = [problem for problem in problems if problem.file == placed]
    shown = "\n".join(str(problem) for problem in problems)
    for expected in case.expected:
        found = [problem for problem in in_fixture if expected.matches(problem)]
        assert found, f"expected {expected}, got:\n{shown}"
        for problem in found:
            assert problem.fix.strip(), f"no fix in {problem}"
            assert _shown_form(problem, case.place_as).match(str(problem)), str(problem)
    # One mistake is reported once, not echoed by every check that trips over it.
    assert len(in_fixture) == len(case.expected), shown


@pytest.mark.parametrize("case", ALSO_GOOD_CASES, ids=lambda case: case.name)
def test_an_also_good_fixture_passes(case: Case, tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    put_in_place(case, data_dir)

    assert [str(problem) for problem in all_problems(data_dir)] == []


def test_read_catalog_raises_data_error_naming_the_file(tmp_path: Path) -> None:
    case = next(case for case in BAD_CASES if case.name == "schools/unknown_cohort")
    data_dir = copy_data(GOOD, tmp_path / "data")
    put_in_place(case, data_dir)

    with pytest.raises(DataError) as raised:
        read_catalog(data_dir)

    assert [(p.file.name, p.line, p.field) for p in raised.value.problems] == [
        ("schools.yaml", 13, "schools[1].cohorts[0].cohort")
    ]
    assert str(raised.value).endswith("Found 1 problem in the data. Fix them and run again.")


def test_every_mistake_in_every_file_is_reported_at_once() -> None:
    with pytest.raises(DataError) as raised:
        read_catalog(MANY_MISTAKES)

    problems = raised.value.problems
    found = [
        (problem.file.relative_to(MANY_MISTAKES).as_posix(), problem.line, problem.field)
        for problem in problems
    ]
    assert found == MANY_MISTAKES_FOUND
    assert problems == sorted(problems)
    assert len({problem.file for problem in problems}) >= 5
    assert str(raised.value).endswith("Found 7 problems in the data. Fix them and run again.")


def test_a_broken_week_does_not_make_its_stories_wrong(tmp_path: Path) -> None:
    # The week's own mistake is reported; the story naming that week is not at fault.
    data_dir = copy_data(GOOD, tmp_path / "data")
    replace_in_file(data_dir / "weeks-of-action.yaml", "start: 2024-04-22", "start: 2024-04-32")

    problems = all_problems(data_dir)

    assert [(p.file.name, p.field) for p in problems] == [
        ("weeks-of-action.yaml", "weeks[0].start")
    ]


def test_a_duplicate_school_says_where_the_first_one_is(tmp_path: Path) -> None:
    data_dir = copy_data(GOOD, tmp_path / "data")
    replace_in_file(
        data_dir / "schools.yaml", "slug: placeholder-high", "slug: sample-avenue-elementary"
    )

    problems = all_problems(data_dir)

    duplicate = next(p for p in problems if "already used" in p.message)
    assert duplicate.field == "schools[2].slug"
    assert "schools.yaml line 15" in duplicate.message


def test_a_language_built_beside_the_checked_one_skips_only_what_was_measured(
    tmp_path: Path,
) -> None:
    # The build that starts the others checks every flyer's lines and every story's text and
    # quotes; the Spanish build reads the same files a moment later, told they were checked.
    data_dir = copy_data(GOOD, tmp_path / "data")
    for name in ("story/title_too_wide_for_a_flyer", "story/email_address_in_body"):
        put_in_place(next(case for case in BAD_CASES if case.name == name), data_dir)
    with pytest.raises(DataError) as raised:
        read_catalog(data_dir, ARCHIVE)
    assert sorted(p.field for p in raised.value.problems) == ["body", "title"]
    catalog = read_catalog(data_dir, ARCHIVE, checked=True)
    assert {"title-too-wide-for-a-flyer", "email-address-in-body"} <= set(catalog.stories)
    # What a page needs to be made is checked even so: a story about a school that is not there.
    unknown = next(case for case in BAD_CASES if case.name == "story/unknown_school")
    put_in_place(unknown, data_dir)
    with pytest.raises(DataError) as raised:
        read_catalog(data_dir, ARCHIVE, checked=True)
    assert [p.field for p in raised.value.problems] == [e.field for e in unknown.expected]
