"""The Data page: the open-data files, their licence and date, and the feeds."""

from __future__ import annotations

import datetime

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.i18n import N_, Language
from showcase.pages.page import HOME, Page, crumbs
from showcase.pages.views import (
    Link,
    human_date,
)
from showcase.publish.exports import LICENCE_URL, DataFile

ABOUT = N_("About")


def data_page(
    catalog: Catalog, files: list[DataFile], as_of: datetime.date, lang: Language
) -> Page:
    _ = lang._
    return Page(
        url=urls.DATA,
        title=_("Open data"),
        template="data.html",
        description=_("Download the showcase's schools, cohorts and stories as JSON and CSV."),
        make_view=lambda: {
            "files": [f for f in files if f.schema is not None or f.name.endswith(".csv")],
            "as_of": human_date(as_of, lang),
            "as_of_iso": as_of.isoformat(),
            "licence": Link(LICENCE_URL, _("Creative Commons Attribution 4.0 (CC BY 4.0)")),
            "source_count": len(catalog.sources),
            "feeds": [Link(urls.FEED, _("All stories"))]
            + [
                Link(urls.week_feed(y), _("Week of Action {year}").format(year=y))
                for y in catalog.weeks
            ],
        },
        breadcrumbs=crumbs(lang, HOME),
        in_nav=True,
        nav_section=_(ABOUT),
    )
