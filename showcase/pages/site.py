"""Records → every generated page of the site, and the files published beside them.

A page kind is one module in `page_kinds/` and one template in `overrides/`.
"""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import Pillar
from showcase.i18n import ENGLISH, Language
from showcase.pages.kinds.cohorts import cohort_pages, cohorts_page
from showcase.pages.kinds.open_data import data_page
from showcase.pages.kinds.pillars import pillar_pages, pillars_page
from showcase.pages.kinds.schools import directory_pages, school_pages
from showcase.pages.kinds.stories import story_pages
from showcase.pages.kinds.weeks import week_pages, weeks_pages
from showcase.pages.page import Site
from showcase.pages.views import Figure, Link, Sources, disagreement_views, pillar_link, story_card
from showcase.publish.exports import data_files
from showcase.publish.published import published_files


def generate_site(
    catalog: Catalog,
    site_url: str,
    as_of: datetime.date,
    lang: Language = ENGLISH,
    repository: str = "",
) -> Site:
    """All generated pages of the site in one language, and the files published beside them;
    `site_url` is the address of that language's pages, `repository` the project's (where
    visitors are invited to send what a profile lacks)."""
    data = data_files(catalog, as_of)
    pages = [
        *directory_pages(catalog, lang),
        *school_pages(catalog, lang, repository),
        cohorts_page(catalog, lang),
        *cohort_pages(catalog, lang),
        *weeks_pages(catalog, lang),
        *week_pages(catalog, lang),
        *story_pages(catalog, lang),
        pillars_page(catalog, lang),
        *pillar_pages(catalog, lang),
        data_page(catalog, data, as_of, lang),
    ]
    files = partial(published_files, catalog, site_url, data, lang)
    disagreements = disagreement_views(Sources(catalog, lang), [*catalog.disagreements.values()])
    return Site(
        tuple(pages), home_view(catalog, lang), make_files=files, disagreements=disagreements
    )


def home_view(catalog: Catalog, lang: Language) -> dict[str, Any]:
    _ = lang._
    # The district's own latest count, as its sources give it: not the records held here.
    counted = [c for c in catalog.cohorts.values() if c.total_designated]
    latest = max(counted, key=lambda cohort: cohort.started, default=None)
    sources = Sources(catalog, lang)
    latest_week = next(iter(catalog.weeks.values()), None)
    return {
        "figures": [
            Figure(len(catalog.schools), _("schools profiled here"), urls.SCHOOLS),
            Figure(len(catalog.cohorts), _("cohorts recorded"), urls.COHORTS),
            Figure(len(catalog.stories), _("stories"), urls.WEEKS),
        ],
        "district_counts": [sources.count(n) for n in latest.total_designated] if latest else [],
        "every_count": Link(
            urls.COHORTS, _("Every year's count, with its source, on the Cohorts page")
        ),
        "pillars": [pillar_link(p, lang) for p in Pillar],
        "latest_stories": [
            story_card(catalog, s, lang) for s in list(catalog.stories.values())[:3]
        ],
        "week": Link(
            urls.week(latest_week.year),
            _("Week of Action {year}").format(year=latest_week.year),
        )
        if latest_week
        else None,
    }
