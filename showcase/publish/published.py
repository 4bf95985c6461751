"""Files published beside the pages: Atom feeds of stories, the open-data exports and the font
that printed flyers are set in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.i18n import ENGLISH, N_, Language
from showcase.publish.exports import DataFile
from showcase.publish.feeds import write_atom_feed
from showcase.resources import FONTS

# Writes one file's content to an open binary file.
Writer = Callable[[BinaryIO], None]

# Beside the stylesheet that names them (`docs/assets/showcase.css`), with their licence.
PRINT_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt")


def published_files(
    catalog: Catalog, site_url: str, data: list[DataFile], lang: Language = ENGLISH
) -> Iterator[tuple[str, Writer]]:
    """(path, writer) of every file published beside the pages: the feeds, then the open-data
    files. Each is made while it is written, so that a build never holds them all."""
    yield from feed_files(catalog, site_url, lang)
    for file in data:
        yield urls.DATA + file.name, file.write
    for name in PRINT_FONTS:
        yield f"assets/fonts/{name}", partial(_copy, FONTS / name)


def _copy(source: Path, stream: BinaryIO) -> None:
    stream.write(source.read_bytes())


def feed_files(
    catalog: Catalog, site_url: str, lang: Language = ENGLISH
) -> Iterator[tuple[str, Writer]]:
    """(path, writer) of the feed of all stories and of one feed per Week of Action."""

    def story_url(slug: str) -> str:
        return site_url + urls.story(slug)

    yield (
        urls.FEED,
        partial(
            write_atom_feed,
            title=lang._(N_("Community Schools Showcase: stories")),
            feed_url=site_url + urls.FEED,
            page_url=site_url + urls.WEEKS,
            stories=catalog.stories.values(),
            story_url=story_url,
            lang=lang,
        ),
    )
    for year in catalog.weeks:
        yield (
            urls.week_feed(year),
            partial(
                write_atom_feed,
                title=lang._(N_("Community Schools Showcase: Week of Action {year}")).format(
                    year=year
                ),
                feed_url=site_url + urls.week_feed(year),
                page_url=site_url + urls.week(year),
                stories=catalog.stories_by_week.get(year, []),
                story_url=story_url,
                lang=lang,
            ),
        )
