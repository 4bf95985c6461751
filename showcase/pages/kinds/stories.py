"""One page per story: its text, photos, schools, pillars and sources."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.load import story_file
from showcase.data.models import Story
from showcase.i18n import Language
from showcase.pages.kinds.schools import preview_card
from showcase.pages.kinds.weeks import week_link
from showcase.pages.page import HOME, STORY_RANK, WEEKS, Page, View, crumbs
from showcase.pages.views import (
    Link,
    Sources,
    pillar_link,
    safe_story_body,
    school_link,
    story_date,
)


def story_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
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
            search_rank=STORY_RANK,
            make_view=partial(_story_view, catalog, story, lang),
            breadcrumbs=trail,
            edit_path=f"data/{story_file(story.year, story.slug)}",
            # The template shows it as `page.content`: rendered once, when the page is.
            make_content=partial(_story_body, body),
            attachments=tuple(
                (photo.file, story.origin.file.parent / photo.file) for photo in story.photos
            ),
            flyer=True,
            # A story about one school is shared with that school's card; one about several,
            # with the site's.
            card=preview_card(catalog.schools[story.schools[0]], lang)
            if len(story.schools) == 1
            else None,
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
        "week": week_link(story.week_of_action, lang),
        "sources": sources.all(),
    }
