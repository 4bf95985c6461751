"""Week of Action: the years, one page per year and one per story."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import partial
from typing import Any

from showcase import urls
from showcase.catalog import Catalog
from showcase.i18n import Language, Text
from showcase.load import story_file
from showcase.models import Story, WeekOfAction
from showcase.page import HOME, WEEKS, Page, View, crumbs, paged_title, section_index
from showcase.paging import PageNav, page_nav, paginate
from showcase.views import (
    Link,
    Sources,
    pillar_link,
    safe_story_body,
    school_link,
    story_card,
    story_date,
)


def _week_title(year: int, lang: Language) -> str:
    return lang._("Week of Action {year}").format(year=year)


def _dates(start: datetime.date, end: datetime.date, lang: Language) -> str:
    return lang.dates(start, end)


def _week_link(year: int | None, lang: Language) -> Link | None:
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
            "view": partial(_weeks_view, catalog, lang, weeks, stories, nav, len(other)),
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
                "view": partial(_week_view, catalog, week, lang, description, stories, nav),
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


def story_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    _ = lang._
    # One trail shared by all the stories of a Week of Action, one by those of none.
    base = crumbs(lang, HOME, WEEKS)
    trails: dict[int, tuple[Link, ...]] = {}
    for story in catalog.stories.values():
        year = story.week_of_action
        trail = base
        if year is not None:
            if year not in trails:
                trails[year] = (*base, Link(urls.week(year), f"{year}"))
            trail = trails[year]
        title = lang.text(story.title, story.title_es)
        translated = not lang.is_default and story.body_es is not None
        body = story.body_es if translated and story.body_es else story.body
        yield Page(
            url=urls.story(story.slug),
            title=title.text,
            template="story.html",
            description=lang.text(story.summary, story.summary_es).text,
            view=partial(_story_view, catalog, story, lang),
            breadcrumbs=trail,
            edit_path=f"data/{story_file(story.year, story.slug)}",
            # The template shows it as `page.content`: rendered once, when the page is.
            content=partial(_story_body, body),
            attachments=tuple(
                (photo.file, story.origin.file.parent / photo.file) for photo in story.photos
            ),
            preview_kicker=_("Week of Action {year} · story").format(year=story.week_of_action)
            if story.week_of_action
            else _("Community school story"),
            is_article=True,
            title_lang=title.lang,
        )


def _story_body(body: str) -> str:
    return str(safe_story_body(body))


def _story_view(catalog: Catalog, story: Story, lang: Language) -> View:
    sources = Sources(catalog, lang)
    sources.refs(story.sources)
    title = lang.text(story.title, story.title_es)
    dated_by = [story.dated_by] if story.dated_by else []
    return {
        "evidence": sources.evidence(story.sources),
        "date_evidence": sources.evidence(dated_by),
        "story": story,
        "title": title,
        "summary": lang.text(story.summary, story.summary_es),
        # Set when the story is shown in English on a page in another language.
        "untranslated": title.lang,
        "translated_by": None if lang.is_default or title.lang else story.translated_by,
        "date": story_date(story.date, lang),
        "schools": [school_link(catalog.schools[slug]) for slug in story.schools],
        "pillars": [pillar_link(p, lang) for p in story.pillars],
        "week": _week_link(story.week_of_action, lang),
        "sources": sources.all(),
    }
