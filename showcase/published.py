"""Files published beside the pages: Atom feeds of stories and the open-data exports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import BinaryIO

from showcase import urls
from showcase.catalog import Catalog
from showcase.exports import DataFile
from showcase.feeds import write_atom_feed

# Writes one file's content to an open binary file.
Writer = Callable[[BinaryIO], None]


def published_files(
    catalog: Catalog, site_url: str, data: list[DataFile]
) -> Iterator[tuple[str, Writer]]:
    """(path, writer) of every file published beside the pages: the feeds, then the open-data
    files. Each is made while it is written, so that a build never holds them all."""
    yield from feed_files(catalog, site_url)
    for file in data:
        yield urls.DATA + file.name, file.write


def feed_files(catalog: Catalog, site_url: str) -> Iterator[tuple[str, Writer]]:
    """(path, writer) of the feed of all stories and of one feed per Week of Action."""

    def story_url(slug: str) -> str:
        return site_url + urls.story(slug)

    yield (
        urls.FEED,
        partial(
            write_atom_feed,
            title="Community Schools Showcase: stories",
            feed_url=site_url + urls.FEED,
            page_url=site_url + urls.WEEKS,
            stories=catalog.stories.values(),
            story_url=story_url,
        ),
    )
    for year in catalog.weeks:
        yield (
            urls.week_feed(year),
            partial(
                write_atom_feed,
                title=f"Community Schools Showcase: Week of Action {year}",
                feed_url=site_url + urls.week_feed(year),
                page_url=site_url + urls.week(year),
                stories=catalog.stories_by_week.get(year, []),
                story_url=story_url,
            ),
        )
