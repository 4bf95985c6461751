"""The whole data set, read and checked once, with the look-ups pages need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from showcase import urls
from showcase.data.evidence import Archive, default_archive
from showcase.data.load import forget_nested_origins, load_data
from showcase.data.models import Cohort, Disagreement, Pillar, School, Source, Story, WeekOfAction
from showcase.data.problems import DataError
from showcase.data.validate import check_references


@dataclass(frozen=True)
class Catalog:
    """Valid records, in the order they were read, and indexes over them."""

    sources: dict[str, Source]
    cohorts: dict[str, Cohort]
    schools: dict[str, School]
    weeks: dict[int, WeekOfAction]
    stories: dict[str, Story]
    schools_by_cohort: dict[str, list[School]] = field(default_factory=dict)
    stories_by_school: dict[str, list[Story]] = field(default_factory=dict)
    stories_by_week: dict[int, list[Story]] = field(default_factory=dict)
    schools_by_pillar: dict[Pillar, list[School]] = field(default_factory=dict)
    stories_by_pillar: dict[Pillar, list[Story]] = field(default_factory=dict)
    pillars_by_school: dict[str, list[Pillar]] = field(default_factory=dict)
    # Where the sources disagree, in the order recorded, and by the page that shows each.
    disagreements: dict[str, Disagreement] = field(default_factory=dict)
    disagreements_by_page: dict[str, list[Disagreement]] = field(default_factory=dict)
    # What a reader of the check must know, e.g. that the quotes could not be checked.
    notices: tuple[str, ...] = ()


def read_catalog(
    data_dir: Path, archive_dir: Path | None = None, *, checked: bool = False
) -> Catalog:
    """Load and check every data file, and every quote against the archived sources in
    `archive_dir` (by default `shared/sources/` beside the project); raise `DataError` with
    every problem at once. `checked`: the build that started this one has just done all that
    with the same files, so only what a page needs is checked again (`load_data`)."""
    data = load_data(data_dir, checked=checked)
    archive = Archive(archive_dir or default_archive(data_dir))
    problems = data.problems + check_references(data, archive)
    if problems:
        raise DataError(problems)
    # Lines serve only to report problems; a large data set keeps tens of megabytes of them.
    # So do the origins of nested records (some 25 MB at 10,000 schools); a file's records
    # keep theirs (a story's photos are read beside its file).
    records = [*data.sources, *data.cohorts, *data.schools, *data.weeks, *data.stories]
    for record in [*records, *data.disagreements]:
        record.origin.forget_lines()
        forget_nested_origins(record)
    catalog = build_catalog(
        sources=data.sources,
        cohorts=data.cohorts,
        schools=data.schools,
        weeks=data.weeks,
        stories=data.stories,
        disagreements=data.disagreements,
    )
    return replace(catalog, notices=(archive.notice,) if archive.notice else ())


def build_catalog(
    *,
    sources: list[Source],
    cohorts: list[Cohort],
    schools: list[School],
    weeks: list[WeekOfAction],
    stories: list[Story],
    disagreements: list[Disagreement] | None = None,
) -> Catalog:
    """Index checked records; stories newest first, schools by name."""
    schools = sorted(schools, key=lambda school: school.name.lower())
    stories = sorted(stories, key=lambda story: (story.date, story.slug), reverse=True)
    schools_by_cohort: dict[str, list[School]] = defaultdict(list)
    stories_by_school: dict[str, list[Story]] = defaultdict(list)
    stories_by_week: dict[int, list[Story]] = defaultdict(list)
    schools_by_pillar: dict[Pillar, list[School]] = defaultdict(list)
    stories_by_pillar: dict[Pillar, list[Story]] = defaultdict(list)
    for school in schools:
        for cohort_id in dict.fromkeys(listing.cohort for listing in school.cohorts):
            schools_by_cohort[cohort_id].append(school)
    for story in stories:
        for slug in story.schools:
            stories_by_school[slug].append(story)
        if story.week_of_action is not None:
            stories_by_week[story.week_of_action].append(story)
        for pillar in story.pillars:
            stories_by_pillar[pillar].append(story)
    pillars_by_school: dict[str, list[Pillar]] = {}
    for school in schools:
        pillars = {fact.pillar for fact in school.programs + school.ana_priorities}
        pillars |= {p for story in stories_by_school[school.slug] for p in story.pillars}
        pillars_by_school[school.slug] = [pillar for pillar in Pillar if pillar in pillars]
        for pillar in pillars_by_school[school.slug]:
            schools_by_pillar[pillar].append(school)
    return Catalog(
        sources={source.id: source for source in sources},
        cohorts={cohort.id: cohort for cohort in cohorts},
        schools={school.slug: school for school in schools},
        weeks={week.year: week for week in sorted(weeks, key=lambda w: w.year, reverse=True)},
        stories={story.slug: story for story in stories},
        schools_by_cohort=dict(schools_by_cohort),
        stories_by_school=dict(stories_by_school),
        stories_by_week=dict(stories_by_week),
        schools_by_pillar=dict(schools_by_pillar),
        stories_by_pillar=dict(stories_by_pillar),
        pillars_by_school=pillars_by_school,
        disagreements={d.id: d for d in disagreements or []},
        disagreements_by_page=_by_page(disagreements or []),
    )


def _by_page(disagreements: list[Disagreement]) -> dict[str, list[Disagreement]]:
    by_page: dict[str, list[Disagreement]] = defaultdict(list)
    for disagreement in disagreements:
        by_page[disagreement_page(disagreement)].append(disagreement)
    return dict(by_page)


def disagreement_page(disagreement: Disagreement) -> str:
    """The URL of the page that shows the disagreement."""
    if disagreement.cohort is not None:
        return urls.cohort(disagreement.cohort)
    if disagreement.school is not None:
        return urls.school(disagreement.school)
    assert disagreement.pillar is not None  # the model requires one of the three
    return urls.pillar(disagreement.pillar)
