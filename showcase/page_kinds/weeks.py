"""Week of Action: the years, one page per year and one per story."""

from __future__ import annotations

from collections.abc import Iterator

from showcase import urls
from showcase.catalog import Catalog
from showcase.load import story_file
from showcase.page import HOME, WEEKS, Page, section_index
from showcase.views import (
    Link,
    Sources,
    human_date,
    pillar_link,
    safe_story_body,
    school_link,
    story_card,
    story_date,
)


def weeks_page(catalog: Catalog) -> Page:
    return section_index(
        "Week of Action",
        url=urls.WEEKS,
        title="Week of Action",
        template="weeks.html",
        description="Stories from the Community Schools Week of Action, year by year.",
        view={
            "weeks": [
                {
                    "link": Link(urls.week(w.year), f"Week of Action {w.year}"),
                    "dates": f"{human_date(w.start)} – {human_date(w.end)}",
                    "story_count": len(catalog.stories_by_week.get(w.year, [])),
                }
                for w in catalog.weeks.values()
            ],
            "other_stories": [
                story_card(catalog, s) for s in catalog.stories.values() if s.week_of_action is None
            ],
        },
    )


def week_pages(catalog: Catalog) -> Iterator[Page]:
    for week in catalog.weeks.values():
        sources = Sources(catalog)
        stories = catalog.stories_by_week.get(week.year, [])
        schools = dict.fromkeys(slug for s in stories for slug in s.schools)
        sources.refs(week.sources)
        yield Page(
            url=urls.week(week.year),
            title=f"Week of Action {week.year}",
            template="week.html",
            description=week.description,
            view={
                "week": week,
                "dates": f"{human_date(week.start)} – {human_date(week.end)}",
                "stories": [story_card(catalog, s) for s in stories],
                "schools": [school_link(catalog.schools[slug]) for slug in schools],
                "sources": sources.all(),
            },
            breadcrumbs=(HOME, WEEKS),
            edit_path="data/weeks-of-action.yaml",
            in_nav=True,
            nav_section="Week of Action",
            feed=Link(urls.week_feed(week.year), f"Stories of the Week of Action {week.year}"),
        )


def story_pages(catalog: Catalog) -> Iterator[Page]:
    for story in catalog.stories.values():
        sources = Sources(catalog)
        sources.refs(story.sources)
        crumbs: tuple[Link, ...] = (HOME, WEEKS)
        if story.week_of_action is not None:
            crumbs += (Link(urls.week(story.week_of_action), f"{story.week_of_action}"),)
        body = safe_story_body(story)
        yield Page(
            url=urls.story(story.slug),
            title=story.title,
            template="story.html",
            description=story.summary,
            view={
                "story": story,
                "date": story_date(story.date),
                "schools": [school_link(catalog.schools[slug]) for slug in story.schools],
                "pillars": [pillar_link(p) for p in story.pillars],
                "week": Link(
                    urls.week(story.week_of_action), f"Week of Action {story.week_of_action}"
                )
                if story.week_of_action is not None
                else None,
                "body": body,
                "sources": sources.all(),
            },
            breadcrumbs=crumbs,
            edit_path=f"data/{story_file(story.year, story.slug)}",
            content_html=str(body),
            attachments=tuple(
                (photo.file, story.origin.file.parent / photo.file) for photo in story.photos
            ),
            preview_kicker=f"Week of Action {story.week_of_action} · story"
            if story.week_of_action
            else "Community school story",
            is_article=True,
        )
