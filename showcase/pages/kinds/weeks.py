"""Week of Action: the years, and one page per year with its stories (`stories` makes theirs)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import partial

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import WeekOfAction
from showcase.i18n import Language, Text
from showcase.pages.page import HOME, WEEKS, Page, View, crumbs, section_index
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


def weeks_page(catalog: Catalog, lang: Language) -> Page:
    _ = lang._
    return section_index(
        WEEKS,
        lang,
        url=urls.WEEKS,
        title=_("Week of Action"),
        template="weeks.html",
        description=_("Stories from the Community Schools Week of Action, year by year."),
        make_view=lambda: {
            "weeks": [
                {
                    "link": Link(urls.week(w.year), _week_title(w.year, lang)),
                    "dates": _dates(w.start, w.end, lang),
                    "story_count": len(catalog.stories_by_week.get(w.year, [])),
                }
                for w in catalog.weeks.values()
            ],
            "other_stories": [
                story_card(catalog, s, lang)
                for s in catalog.stories.values()
                if s.week_of_action is None
            ],
        },
    )


def week_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    _ = lang._
    for week in catalog.weeks.values():
        description = lang.text(week.description, week.description_es)
        yield Page(
            url=urls.week(week.year),
            title=_week_title(week.year, lang),
            template="week.html",
            description=description.text,
            make_view=partial(_week_view, catalog, week, lang, description),
            breadcrumbs=crumbs(lang, HOME, WEEKS),
            edit_path="data/weeks-of-action.yaml",
            in_nav=True,
            nav_section=_(WEEKS.text),
            feed=Link(
                urls.week_feed(week.year),
                _("Stories of the Week of Action {year}").format(year=week.year),
            ),
        )


def _week_view(catalog: Catalog, week: WeekOfAction, lang: Language, description: Text) -> View:
    sources = Sources(catalog, lang)
    stories = catalog.stories_by_week.get(week.year, [])
    schools = dict.fromkeys(slug for s in stories for slug in s.schools)
    sources.refs(week.sources)
    return {
        "week": week,
        "description": description,
        "evidence": sources.evidence(week.sources),
        "dates": _dates(week.start, week.end, lang),
        "stories": [story_card(catalog, s, lang) for s in stories],
        "schools": [school_link(catalog.schools[slug]) for slug in schools],
        "sources": sources.all(),
    }
