"""Files published beside the pages: Atom feeds of stories and the open-data exports."""

from __future__ import annotations

import datetime

from showcase import urls
from showcase.catalog import Catalog
from showcase.exports import DataFile, data_files
from showcase.feeds import atom_feed


def feed_files(catalog: Catalog, site_url: str) -> list[tuple[str, bytes]]:
    """(path, content) of the feed of all stories and of one feed per Week of Action."""
    story_url = {slug: site_url + urls.story(slug) for slug in catalog.stories}
    files = [
        (
            urls.FEED,
            atom_feed(
                title="Community Schools Showcase: stories",
                feed_url=site_url + urls.FEED,
                page_url=site_url + urls.WEEKS,
                stories=catalog.stories.values(),
                story_url=story_url,
            ),
        )
    ]
    for year in catalog.weeks:
        files.append(
            (
                urls.week_feed(year),
                atom_feed(
                    title=f"Community Schools Showcase: Week of Action {year}",
                    feed_url=site_url + urls.week_feed(year),
                    page_url=site_url + urls.week(year),
                    stories=catalog.stories_by_week.get(year, []),
                    story_url=story_url,
                ),
            )
        )
    return files


def open_data_files(catalog: Catalog, as_of: datetime.date) -> list[tuple[str, DataFile]]:
    """(path, file) of each open-data file, published under `data/`."""
    return [(urls.DATA + file.name, file) for file in data_files(catalog, as_of)]
