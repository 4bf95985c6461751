"""Week of Action: the years, and one page per year with its stories (`stories` makes theirs)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import partial
from typing import Any

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import Story, WeekOfAction
from showcase.i18n import Language, Text
from showcase.pages.page import HOME, WEEKS, Page, View, crumbs, paged_title, section_index
from showcase.pages.paging import PageNav, page_nav, paginate
from showcase.pages.views import (
    Link,
    Sources,
    school_link,
    story_card,
)


def _week_title(year: int, lang: Language) -> str:
    return lang._("Week of Action {year}").format(year=year)


def _dates(start: datetime.date, end: datetime.date, lang: Language) -> str:
    return lang.dates(start, end)


def week_link(year: int | None, lang: Language) -> Link | None:
    return None if year is None else Link(urls.week(year), _week_title(year, lang))


def weeks_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    """The years of the Week of Action, and the stories of no Week, 48 a page."""
    _ = lang._
    weeks = [
        {
            "link": Link(urls.week(w.year), _week_title(w.year, lang)),
            "dates": _dates(w.start, w.end, lang),
            "story_count": len(catalog.stories_by_week.get(w.year, [])),
        }
        for w in catalog.weeks.values()
    ]
    other = [s for s in catalog.stories.values() if s.week_of_action is None]
    pages = paginate(other)
    address = partial(urls.listing_page, urls.WEEKS)
    for number, stories in enumerate(pages, 1):
        nav = page_nav(_("Pages of the other stories"), number, len(pages), address)
        page: dict[str, Any] = {
            "url": address(number),
            "title": paged_title(_("Week of Action"), number, lang),
            "template": "weeks.html",
            "description": _("Stories from the Community Schools Week of Action, year by year."),
            "make_view": partial(_weeks_view, catalog, lang, weeks, stories, nav, len(other)),
        }
        if number == 1:
            yield section_index(WEEKS, lang, **page)
        else:
            yield Page(**page, breadcrumbs=crumbs(lang, HOME, WEEKS))


def _weeks_view(
    catalog: Catalog,
    lang: Language,
    weeks: list[View],
    stories: tuple[Story, ...],
    nav: PageNav,
    total: int,
) -> View:
    return {
        "first": nav.number == 1,
        "weeks": weeks,
        "other_stories": [story_card(catalog, s, lang) for s in stories],
        "other_total": total,
        "pager": nav,
    }


def week_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    """Each year's page, with its stories 48 a page (`week-of-action/2024/page/2/`…)."""
    _ = lang._
    for week in catalog.weeks.values():
        description = lang.text(week.description, week.description_es)
        first = urls.week(week.year)
        title = _week_title(week.year, lang)
        pages = paginate(catalog.stories_by_week.get(week.year, []))
        address = partial(urls.listing_page, first)
        for number, stories in enumerate(pages, 1):
            nav = page_nav(_("Pages of this year's stories"), number, len(pages), address)
            page: dict[str, Any] = {
                "url": address(number),
                "title": paged_title(title, number, lang),
                "template": "week.html",
                "description": description.text,
                "make_view": partial(_week_view, catalog, week, lang, description, stories, nav),
                "edit_path": "data/weeks-of-action.yaml",
                "feed": Link(
                    urls.week_feed(week.year),
                    _("Stories of the Week of Action {year}").format(year=week.year),
                ),
            }
            if number == 1:
                yield Page(
                    **page,
                    breadcrumbs=crumbs(lang, HOME, WEEKS),
                    in_nav=True,
                    nav_section=_(WEEKS.text),
                )
            else:
                yield Page(**page, breadcrumbs=(*crumbs(lang, HOME, WEEKS), Link(first, title)))


def _week_view(
    catalog: Catalog,
    week: WeekOfAction,
    lang: Language,
    description: Text,
    stories: tuple[Story, ...],
    nav: PageNav,
) -> View:
    sources = Sources(catalog, lang)
    # The schools of the stories on this page: a list that stays as short as the page.
    schools = dict.fromkeys(slug for s in stories for slug in s.schools)
    sources.refs(week.sources)
    return {
        "first": nav.number == 1,
        "week": week,
        "description": description,
        "evidence": sources.evidence(week.sources),
        "dates": _dates(week.start, week.end, lang),
        "story_total": len(catalog.stories_by_week.get(week.year, [])),
        "stories": [story_card(catalog, s, lang) for s in stories],
        "pager": nav,
        "schools": [school_link(catalog.schools[slug]) for slug in schools],
        "sources": sources.all(),
    }
