"""Records → every generated page of the site, and the files published beside them.

A page kind is one module in `page_kinds/` and one template in `overrides/`.
"""

from __future__ import annotations

import datetime
from typing import Any

from showcase import urls
from showcase.catalog import Catalog
from showcase.models import Pillar
from showcase.page import Site
from showcase.page_kinds.cohorts import cohort_pages, cohorts_page
from showcase.page_kinds.open_data import data_page
from showcase.page_kinds.pillars import pillar_pages, pillars_page
from showcase.page_kinds.schools import directory_page, school_pages
from showcase.page_kinds.weeks import story_pages, week_pages, weeks_page
from showcase.published import feed_files, open_data_files
from showcase.views import Figure, Link, pillar_link, story_card


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
