"""Records → page objects: for every page, its URL, title, template and what it shows.

A page kind is one function here and one template in `overrides/`; nothing else.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from showcase import urls
from showcase.catalog import Catalog
from showcase.exports import LICENCE_URL, DataFile
from showcase.load import story_file
from showcase.models import LEVEL_TITLES, PILLAR_TITLES, PILLAR_VARIANTS, Level, Pillar, School
from showcase.published import feed_files, open_data_files
from showcase.views import (
    NOT_RECORDED,
    Detail,
    Figure,
    FilterOption,
    Link,
    Sources,
    human_date,
    pillar_groups,
    pillar_link,
    safe_story_body,
    school_card,
    school_link,
    story_card,
    story_date,
)


@dataclass(frozen=True)
class Page:
    """One page of the site, independent of the engine that renders it."""

    url: str
    title: str
    template: str
    description: str
    view: dict[str, Any]
    breadcrumbs: tuple[Link, ...] = ()
    edit_path: str | None = None
    content_html: str = ""
    in_nav: bool = False
    nav_section: str | None = None
    # Files published beside the page, e.g. a story's photos: name → where it is read from.
    attachments: tuple[tuple[str, Path], ...] = ()
    # Pages worth sharing on their own get a preview image; this is the line above its title.
    preview_kicker: str | None = None
    is_article: bool = False
    feed: Link | None = None

    @property
    def src_path(self) -> str:
        return urls.source_path(self.url)


@dataclass(frozen=True)
class Site:
    """Every generated page, and the figures the hand-written home page shows."""

    pages: tuple[Page, ...]
    home_view: dict[str, Any] = field(default_factory=dict)
    # Other files to publish, by path: feeds and open data.
    files: tuple[tuple[str, bytes], ...] = ()

    def by_src_path(self) -> dict[str, Page]:
        return {page.src_path: page for page in self.pages}


HOME = Link(urls.HOME, "Home")
SCHOOLS = Link(urls.SCHOOLS, "Schools")
COHORTS = Link(urls.COHORTS, "Cohorts")
WEEKS = Link(urls.WEEKS, "Week of Action")
PILLARS = Link(urls.PILLARS, "Pillars")


def build_site(catalog: Catalog, site_url: str, as_of: datetime.date) -> Site:
    """All generated pages of the site, and the files published beside them."""
    data = open_data_files(catalog, as_of)
    pages = [
        directory_page(catalog),
        *school_pages(catalog),
        cohorts_page(catalog),
        *cohort_pages(catalog),
        weeks_page(catalog),
        *week_pages(catalog),
        *story_pages(catalog),
        pillars_page(catalog),
        *pillar_pages(catalog),
        data_page(catalog, [file for _path, file in data], as_of),
    ]
    files = feed_files(catalog, site_url) + [(path, file.content) for path, file in data]
    return Site(tuple(pages), home_view(catalog), tuple(files))


def data_page(catalog: Catalog, files: list[DataFile], as_of: datetime.date) -> Page:
    return Page(
        url=urls.DATA,
        title="Open data",
        template="data.html",
        description="Download the showcase's schools, cohorts and stories as JSON and CSV.",
        view={
            "files": [f for f in files if f.schema is not None or f.name.endswith(".csv")],
            "as_of": human_date(as_of),
            "as_of_iso": as_of.isoformat(),
            "licence": Link(LICENCE_URL, "Creative Commons Attribution 4.0 (CC BY 4.0)"),
            "source_count": len(catalog.sources),
            "feeds": [Link(urls.FEED, "All stories")]
            + [Link(urls.week_feed(y), f"Week of Action {y}") for y in catalog.weeks],
        },
        breadcrumbs=(HOME,),
        in_nav=True,
        nav_section="About",
    )


def section_index(section: str, **page: Any) -> Page:
    """The index page of a section of the navigation (Schools, Cohorts…)."""
    return Page(**page, breadcrumbs=(HOME,), in_nav=True, nav_section=section)


def home_view(catalog: Catalog) -> dict[str, Any]:
    designated = [s for s in catalog.schools.values() if s.designated]
    latest_week = next(iter(catalog.weeks.values()), None)
    return {
        "figures": [
            Figure(len(designated), "community schools", urls.SCHOOLS),
            Figure(len(catalog.cohorts), "cohorts", urls.COHORTS),
            Figure(len(catalog.stories), "stories", urls.WEEKS),
        ],
        "pillars": [pillar_link(p) for p in Pillar],
        "latest_stories": [story_card(catalog, s) for s in list(catalog.stories.values())[:3]],
        "week": Link(urls.week(latest_week.year), f"Week of Action {latest_week.year}")
        if latest_week
        else None,
    }


def directory_page(catalog: Catalog) -> Page:
    cohorts = [FilterOption(c.id, c.name) for c in catalog.cohorts.values()]
    if any(not s.cohorts for s in catalog.schools.values()):
        cohorts.append(FilterOption("none", "Cohort not given in the sources"))
    levels = {s.level for s in catalog.schools.values()}
    districts = sorted({s.local_district for s in catalog.schools.values() if s.local_district})
    return section_index(
        "Schools",
        url=urls.SCHOOLS,
        title="Schools",
        template="directory.html",
        description=f"All {len(catalog.schools)} schools named in the showcase's sources.",
        view={
            "schools": [school_card(catalog, s) for s in catalog.schools.values()],
            "cohorts": cohorts,
            "levels": [FilterOption(lv.value, LEVEL_TITLES[lv]) for lv in Level if lv in levels]
            + ([FilterOption("unknown", NOT_RECORDED)] if None in levels else []),
            "pillars": [FilterOption(p.value, PILLAR_TITLES[p]) for p in Pillar],
            "districts": [FilterOption(d, d) for d in districts],
        },
    )


def school_pages(catalog: Catalog) -> Iterator[Page]:
    for school in catalog.schools.values():
        sources = Sources(catalog)
        cohort_links = tuple(
            Link(
                urls.cohort(listing.cohort),
                catalog.cohorts[listing.cohort].name
                + (f" (listed as “{listing.listed_as}”)" if listing.listed_as else ""),
            )
            for listing in school.cohorts
        )
        for listing in school.cohorts:
            sources.refs(listing.sources)
        level = school.level.label if school.level else None
        summary = _school_summary(catalog, school)
        details = (
            Detail("Other names", ", ".join(school.aliases) or None),
            Detail("Cohort", None if not cohort_links else "", cohort_links),
            Detail("Level", level),
            Detail("Campus", school.campus),
            Detail("Grades", school.grades),
            Detail("Local District", school.local_district),
            Detail("Website", school.website),
        )
        stories = catalog.stories_by_school.get(school.slug, [])
        sources.refs(school.sources)
        yield Page(
            url=urls.school(school.slug),
            title=school.name,
            template="school.html",
            description=summary,
            view={
                "school": school,
                "summary": summary,
                "details": details,
                "cohorts_disagree": len({lst.cohort for lst in school.cohorts}) > 1,
                "notes": [sources.fact(n) for n in school.notes],
                "programs": pillar_groups(sources, school.programs),
                "ana_priorities": pillar_groups(sources, school.ana_priorities),
                "stories": [story_card(catalog, s) for s in stories],
                "sources": sources.all(),
                "not_recorded": NOT_RECORDED,
            },
            breadcrumbs=(HOME, SCHOOLS),
            edit_path="data/schools.yaml",
            content_html=f"<p>{escape(summary)}</p>",
            preview_kicker="School profile",
        )


def _school_summary(catalog: Catalog, school: School) -> str:
    kind = school.level.label.lower() if school.level else "school"
    if school.cohorts:
        names = " and ".join(
            dict.fromkeys(catalog.cohorts[lst.cohort].name for lst in school.cohorts)
        )
        return f"{school.name}: an LAUSD community {kind} listed in {names}."
    if school.designated:
        return f"{school.name}: an LAUSD community {kind}; the sources do not give its cohort."
    return f"{school.name}: an LAUSD {kind} listed beside the initiative by a partner network."


def cohorts_page(catalog: Catalog) -> Page:
    sources = Sources(catalog)
    rows = [
        {
            "cohort": Link(urls.cohort(c.id), c.name),
            "started": c.started,
            "added": [sources.count(n) for n in c.schools_added],
            "total": [sources.count(n) for n in c.total_designated],
            "named": len(catalog.schools_by_cohort.get(c.id, [])),
        }
        for c in sorted(catalog.cohorts.values(), key=lambda c: c.started)
    ]
    return section_index(
        "Cohorts",
        url=urls.COHORTS,
        title="Cohorts",
        template="cohorts.html",
        description="How the LAUSD Community Schools Initiative grew, cohort by cohort.",
        view={"rows": rows, "sources": sources.all()},
    )


def cohort_pages(catalog: Catalog) -> Iterator[Page]:
    for cohort in catalog.cohorts.values():
        sources = Sources(catalog)
        schools = catalog.schools_by_cohort.get(cohort.id, [])
        view = {
            "cohort": cohort,
            "description": cohort.description,
            "added": [sources.count(n) for n in cohort.schools_added],
            "total": [sources.count(n) for n in cohort.total_designated],
            "funding": [sources.fact(f) for f in cohort.funding],
            "schools": [school_card(catalog, s) for s in schools],
        }
        sources.refs(cohort.sources)
        view["sources"] = sources.all()
        yield Page(
            url=urls.cohort(cohort.id),
            title=f"{cohort.name} ({cohort.started})",
            template="cohort.html",
            description=cohort.description,
            view=view,
            breadcrumbs=(HOME, COHORTS),
            edit_path="data/cohorts.yaml",
            in_nav=True,
            nav_section="Cohorts",
        )


def weeks_page(catalog: Catalog) -> Page:
    return section_index(
        "Week of Action",
        url=urls.WEEKS,
        title="Week of Action",
        template="weeks.html",
        description="Stories from the Community Schools Week of Action, year by year.",
        view={
            "weeks": [
                {
                    "link": Link(urls.week(w.year), f"Week of Action {w.year}"),
                    "dates": f"{human_date(w.start)} – {human_date(w.end)}",
                    "story_count": len(catalog.stories_by_week.get(w.year, [])),
                }
                for w in catalog.weeks.values()
            ],
            "other_stories": [
                story_card(catalog, s) for s in catalog.stories.values() if s.week_of_action is None
            ],
        },
    )


def week_pages(catalog: Catalog) -> Iterator[Page]:
    for week in catalog.weeks.values():
        sources = Sources(catalog)
        stories = catalog.stories_by_week.get(week.year, [])
        schools = dict.fromkeys(slug for s in stories for slug in s.schools)
        sources.refs(week.sources)
        yield Page(
            url=urls.week(week.year),
            title=f"Week of Action {week.year}",
            template="week.html",
            description=week.description,
            view={
                "week": week,
                "dates": f"{human_date(week.start)} – {human_date(week.end)}",
                "stories": [story_card(catalog, s) for s in stories],
                "schools": [school_link(catalog.schools[slug]) for slug in schools],
                "sources": sources.all(),
            },
            breadcrumbs=(HOME, WEEKS),
            edit_path="data/weeks-of-action.yaml",
            in_nav=True,
            nav_section="Week of Action",
            feed=Link(urls.week_feed(week.year), f"Stories of the Week of Action {week.year}"),
        )


def story_pages(catalog: Catalog) -> Iterator[Page]:
    for story in catalog.stories.values():
        sources = Sources(catalog)
        sources.refs(story.sources)
        crumbs: tuple[Link, ...] = (HOME, WEEKS)
        if story.week_of_action is not None:
            crumbs += (Link(urls.week(story.week_of_action), f"{story.week_of_action}"),)
        body = safe_story_body(story)
        yield Page(
            url=urls.story(story.slug),
            title=story.title,
            template="story.html",
            description=story.summary,
            view={
                "story": story,
                "date": story_date(story.date),
                "schools": [school_link(catalog.schools[slug]) for slug in story.schools],
                "pillars": [pillar_link(p) for p in story.pillars],
                "week": Link(
                    urls.week(story.week_of_action), f"Week of Action {story.week_of_action}"
                )
                if story.week_of_action is not None
                else None,
                "body": body,
                "sources": sources.all(),
            },
            breadcrumbs=crumbs,
            edit_path=f"data/{story_file(story.year, story.slug)}",
            content_html=str(body),
            attachments=tuple(
                (photo.file, story.origin.file.parent / photo.file) for photo in story.photos
            ),
            preview_kicker=f"Week of Action {story.week_of_action} · story"
            if story.week_of_action
            else "Community school story",
            is_article=True,
        )


def pillars_page(catalog: Catalog) -> Page:
    return section_index(
        "Pillars",
        url=urls.PILLARS,
        title="The four pillars",
        template="pillars.html",
        description="The four pillars of the community schools model.",
        view={
            "pillars": [
                {
                    "link": pillar_link(p),
                    "schools": len(catalog.schools_by_pillar.get(p, [])),
                    "stories": len(catalog.stories_by_pillar.get(p, [])),
                }
                for p in Pillar
            ]
        },
    )


def pillar_pages(catalog: Catalog) -> Iterator[Page]:
    for pillar in Pillar:
        variants = [
            name
            for name, value in PILLAR_VARIANTS.items()
            if value == pillar and name != PILLAR_TITLES[pillar].lower()
        ]
        yield Page(
            url=urls.pillar(pillar),
            title=PILLAR_TITLES[pillar],
            template="pillar.html",
            description=f"Schools and stories for the pillar {PILLAR_TITLES[pillar]}.",
            view={
                "pillar": pillar_link(pillar),
                "variants": variants,
                "schools": [
                    school_card(catalog, s) for s in catalog.schools_by_pillar.get(pillar, [])
                ],
                "stories": [
                    story_card(catalog, s) for s in catalog.stories_by_pillar.get(pillar, [])
                ],
            },
            breadcrumbs=(HOME, PILLARS),
            in_nav=True,
            nav_section="Pillars",
        )
