"""The cohort timeline and one page per cohort."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import Cohort, School
from showcase.i18n import Language, Text
from showcase.pages.page import COHORTS, HOME, Page, View, crumbs, paged_title, section_index
from showcase.pages.paging import PageNav, page_nav, paginate
from showcase.pages.views import (
    DISAGREEMENTS_ANCHOR,
    Link,
    Sources,
    cohort_name,
    disagreement_views,
    school_card,
)


def cohorts_page(catalog: Catalog, lang: Language) -> Page:
    _ = lang._
    sources = Sources(catalog, lang)
    rows = [
        {
            "cohort": Link(urls.cohort(c.id), cohort_name(c, lang)),
            "started": c.started,
            "added": [sources.count(n) for n in c.schools_added],
            "total": [sources.count(n) for n in c.total_designated],
            "named": len(catalog.schools_by_cohort.get(c.id, [])),
            "disagreements": len(catalog.disagreements_by_page.get(urls.cohort(c.id), [])),
            "disagreements_url": urls.at(urls.cohort(c.id), DISAGREEMENTS_ANCHOR),
        }
        for c in sorted(catalog.cohorts.values(), key=lambda c: c.started)
    ]
    return section_index(
        COHORTS,
        lang,
        url=urls.COHORTS,
        title=_("Cohorts"),
        template="cohorts.html",
        description=_("How the LAUSD Community Schools Initiative grew, cohort by cohort."),
        make_view=lambda: {"rows": rows, "sources": sources.all()},
    )


def cohort_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    """Each cohort's page, and its list of schools continued 48 a page."""
    for cohort in catalog.cohorts.values():
        description = lang.text(cohort.description, cohort.description_es)
        first = urls.cohort(cohort.id)
        title = f"{cohort_name(cohort, lang)} ({cohort.started})"
        pages = paginate(catalog.schools_by_cohort.get(cohort.id, []))
        for number, schools in enumerate(pages, 1):
            nav = page_nav(
                lang._("Pages of this cohort's schools"),
                number,
                len(pages),
                partial(urls.listing_page, first),
            )
            page: dict[str, Any] = {
                "url": urls.listing_page(first, number),
                "title": paged_title(title, number, lang),
                "template": "cohort.html",
                "description": description.text,
                "edit_path": "data/cohorts.yaml",
            }
            if number == 1:
                yield Page(
                    **page,
                    make_view=partial(
                        _cohort_view, catalog, cohort, lang, description, schools, nav
                    ),
                    breadcrumbs=crumbs(lang, HOME, COHORTS),
                    in_nav=True,
                    nav_section=lang._(COHORTS.text),
                )
            else:
                yield Page(
                    **page,
                    make_view=partial(_more_schools_view, catalog, cohort, lang, schools, nav),
                    breadcrumbs=(*crumbs(lang, HOME, COHORTS), Link(first, title)),
                )


def _cohort_view(
    catalog: Catalog,
    cohort: Cohort,
    lang: Language,
    description: Text,
    schools: tuple[School, ...],
    nav: PageNav,
) -> View:
    sources = Sources(catalog, lang)
    view = _more_schools_view(catalog, cohort, lang, schools, nav) | {
        "first": True,
        "description": description,
        "added": [sources.count(n) for n in cohort.schools_added],
        "total": [sources.count(n) for n in cohort.total_designated],
        "funding": [sources.fact(f) for f in cohort.funding],
        "disagreements": disagreement_views(
            sources, catalog.disagreements_by_page.get(urls.cohort(cohort.id), [])
        ),
    }
    evidence = sources.evidence(cohort.sources)
    return view | {"evidence": evidence, "sources": sources.all()}


def _more_schools_view(
    catalog: Catalog, cohort: Cohort, lang: Language, schools: tuple[School, ...], nav: PageNav
) -> View:
    """What every page of a cohort shows: its name and one page of its schools."""
    return {
        "first": False,
        "cohort": cohort,
        "name": cohort_name(cohort, lang),
        "school_total": len(catalog.schools_by_cohort.get(cohort.id, [])),
        "schools": [school_card(catalog, s, lang) for s in schools],
        "pager": nav,
    }
