"""The Data page: the open-data files, their licence and date, and the feeds."""

from __future__ import annotations

import datetime

from showcase import urls
from showcase.catalog import Catalog
from showcase.exports import LICENCE_URL, DataFile
from showcase.page import HOME, Page
from showcase.views import (
    Link,
    human_date,
)


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
