"""The schools directory and one profile per school."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import escape

from showcase import urls
from showcase.catalog import Catalog
from showcase.models import LEVEL_TITLES, PILLAR_TITLES, Level, Pillar, School
from showcase.page import HOME, SCHOOLS, Page, section_index
from showcase.views import (
    NOT_RECORDED,
    Detail,
    FilterOption,
    Link,
    Sources,
    pillar_groups,
    school_card,
    story_card,
)


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
