"""What templates show: plain values prepared from records, so templates only print them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from markupsafe import Markup

from showcase import urls
from showcase.catalog import Catalog
from showcase.models import (
    PILLAR_TITLES,
    Pillar,
    PillarFact,
    School,
    SourcedCount,
    SourcedFact,
    Story,
)
from showcase.story_html import story_html

NOT_RECORDED = "Not yet recorded"


@dataclass(frozen=True)
class Link:
    url: str
    text: str


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    publisher: str
    url: str | None


@dataclass(frozen=True)
class Fact:
    """A statement and the sources behind it."""

    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class PillarGroup:
    pillar: Link
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Detail:
    """One labelled line of a profile; `value` is None where the sources are silent."""

    label: str
    value: str | None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class SchoolCard:
    """A school in a list, with what the directory filters on."""

    link: Link
    aliases: tuple[str, ...]
    cohorts: tuple[Link, ...]
    level: str | None
    designated: bool
    cohort_ids: str
    level_id: str
    pillar_ids: str
    district: str
    search_name: str


@dataclass(frozen=True)
class StoryCard:
    link: Link
    date: str
    iso_date: str
    summary: str
    schools: tuple[Link, ...]


@dataclass(frozen=True)
class Figure:
    """A number on the home page, computed from the data, and where it leads."""

    count: int
    label: str
    url: str


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str


@dataclass
class Sources:
    """Collects the sources a page cites, each once, in order of first use."""

    catalog: Catalog
    cited: dict[str, SourceRef] = field(default_factory=dict)

    def refs(self, source_ids: list[str]) -> tuple[SourceRef, ...]:
        refs = []
        for source_id in source_ids:
            if source_id not in self.cited:
                source = self.catalog.sources[source_id]
                self.cited[source_id] = SourceRef(
                    source.id, source.title, source.publisher, source.url
                )
            refs.append(self.cited[source_id])
        return tuple(refs)

    def fact(self, fact: SourcedFact | PillarFact) -> Fact:
        return Fact(fact.text, self.refs(fact.sources))

    def count(self, count: SourcedCount) -> Fact:
        text = f"{count.count}" + (f" ({count.note})" if count.note else "")
        return Fact(text, self.refs(count.sources))

    def all(self) -> tuple[SourceRef, ...]:
        return tuple(self.cited.values())


def pillar_link(pillar: Pillar) -> Link:
    return Link(urls.pillar(pillar), PILLAR_TITLES[pillar])


def human_date(value: datetime.date) -> str:
    return f"{value:%B} {value.day}, {value.year}"


def story_date(value: str) -> str:
    """`2024-04-23` → April 23, 2024; `2024-04` → April 2024."""
    year, month, *day = (int(part) for part in value.split("-"))
    if day:
        return human_date(datetime.date(year, month, day[0]))
    return f"{datetime.date(year, month, 1):%B} {year}"


def school_link(school: School) -> Link:
    return Link(urls.school(school.slug), school.name)


def school_card(catalog: Catalog, school: School) -> SchoolCard:
    cohort_ids = list(dict.fromkeys(listing.cohort for listing in school.cohorts))
    pillars = catalog.pillars_by_school[school.slug]
    return SchoolCard(
        link=school_link(school),
        aliases=tuple(school.aliases),
        cohorts=tuple(Link(urls.cohort(c), catalog.cohorts[c].name) for c in cohort_ids),
        level=school.level.label if school.level else None,
        designated=school.designated,
        cohort_ids=" ".join(cohort_ids) or "none",
        level_id=school.level.value if school.level else "unknown",
        pillar_ids=" ".join(p.value for p in pillars),
        district=school.local_district or "unknown",
        search_name=" ".join([school.name, *school.aliases]).lower(),
    )


def story_card(catalog: Catalog, story: Story) -> StoryCard:
    return StoryCard(
        link=Link(urls.story(story.slug), story.title),
        date=story_date(story.date),
        iso_date=story.date,
        summary=story.summary,
        schools=tuple(school_link(catalog.schools[slug]) for slug in story.schools),
    )


def pillar_groups(sources: Sources, facts: list[PillarFact]) -> tuple[PillarGroup, ...]:
    return tuple(
        PillarGroup(
            pillar_link(pillar), tuple(sources.fact(f) for f in facts if f.pillar == pillar)
        )
        for pillar in Pillar
        if any(f.pillar == pillar for f in facts)
    )


def safe_story_body(story: Story) -> Markup:
    """The story body as sanitised HTML, marked safe for templates."""
    return Markup(story_html(story.body))
