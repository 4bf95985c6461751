"""The cohort timeline and one page per cohort."""

from __future__ import annotations

from collections.abc import Iterator

from showcase import urls
from showcase.catalog import Catalog
from showcase.page import COHORTS, HOME, Page, section_index
from showcase.views import (
    Link,
    Sources,
    school_card,
)


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
