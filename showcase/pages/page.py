"""A page of the site, independent of the engine that renders it, and the whole site."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from showcase import urls
from showcase.i18n import N_, Language
from showcase.pages.views import DisagreementView, Link

View = dict[str, Any]

# Which pages a search lists first among those it finds equally well.
SCHOOL_RANK, STORY_RANK, OTHER_RANK = 0, 1, 2


@dataclass(frozen=True, slots=True)
class SchoolEntry:
    """What the schools directory finds a school's profile by, and what its card shows."""

    names: str
    line: str
    aliases: str
    filters: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class PreviewCard:
    """A link-preview image: drawn once, into the folder of the page at `url`, and shown by
    every page shared with it (a school's profile and the stories about that school alone)."""

    url: str
    title: str
    kicker: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the site, independent of the engine that renders it."""

    url: str
    title: str
    template: str
    description: str
    # What the template shows, made when the page is rendered and let go after, so that a
    # build never holds every page's view at once.
    make_view: Callable[[], View]
    breadcrumbs: tuple[Link, ...] = ()
    edit_path: str | None = None
    # The page's main text as HTML, shown by its template; also made when the page is rendered.
    make_content: Callable[[], str] = str
    in_nav: bool = False
    nav_section: str | None = None
    # Files published beside the page, e.g. a story's photos: name → where it is read from.
    attachments: tuple[tuple[str, Path], ...] = ()
    # Pages worth sharing on their own print as a flyer with a QR code to the page.
    flyer: bool = False
    # The preview card the page is shared with, its own or its school's (None: the site's).
    card: PreviewCard | None = None
    is_article: bool = False
    # Set when the title is shown in English on a page in another language.
    title_lang: str | None = None
    feed: Link | None = None
    search_rank: int = OTHER_RANK
    school_entry: SchoolEntry | None = None

    @property
    def src_path(self) -> str:
        return urls.source_path(self.url)


@dataclass(frozen=True)
class Site:
    """Every generated page, and the figures the hand-written home page shows."""

    pages: tuple[Page, ...]
    home_view: dict[str, Any] = field(default_factory=dict)
    # Every point where the sources disagree, for the hand-written page that lists them all.
    disagreements: tuple[DisagreementView, ...] = ()
    # Other files to publish (feeds and open data) as (path, writer): each writer makes its
    # file's content as it writes it to an open binary file, so that a build never holds them.
    make_files: Callable[[], Iterable[tuple[str, Callable[[BinaryIO], None]]]] = lambda: ()

    def by_url(self) -> dict[str, Page]:
        return {page.url: page for page in self.pages}

    def navigation(self, nav: list[Any]) -> list[Any]:
        """`nav` (as a `nav:` setting writes it: titles and paths) with the generated sections
        after its first entry (Home); pages for a section it already has join that section."""
        sections: dict[str, list[str]] = {}
        for page in self.pages:
            if page.in_nav and page.nav_section:
                sections.setdefault(page.nav_section, []).append(page.src_path)
        nav = [dict(item) if isinstance(item, dict) else item for item in nav]
        for item in nav:
            if isinstance(item, dict):
                for title, pages in item.items():
                    if isinstance(pages, list):
                        item[title] = pages + sections.pop(title, [])
        generated = [{title: paths} for title, paths in sections.items()]
        return nav[:1] + generated + nav[1:]

    def write_files(self, site_dir: Path) -> None:
        """Write the feeds and open-data files into `site_dir`, one at a time."""
        for path, write in self.make_files():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as stream:
                write(stream)


# Where a hand-written page shows every disagreement the data records (see `Site`), and the
# template that shows them, with the templates' own macro, given `items` (`Site.disagreements`).
DISAGREEMENTS_MARK = "<!-- showcase: where the sources disagree -->"
DISAGREEMENTS_TEMPLATE = (
    '{% import "partials/showcase.html" as cs with context %}{{ cs.disagreements_list(items) }}'
)

HOME = Link(urls.HOME, N_("Home"))
SCHOOLS = Link(urls.SCHOOLS, N_("Schools"))
COHORTS = Link(urls.COHORTS, N_("Cohorts"))
WEEKS = Link(urls.WEEKS, N_("Week of Action"))
PILLARS = Link(urls.PILLARS, N_("Pillars"))


def crumbs(lang: Language, *links: Link) -> tuple[Link, ...]:
    """Breadcrumbs from the section links above, in the page's language."""
    return tuple(Link(link.url, lang._(link.text)) for link in links)


def paged_title(title: str, number: int, lang: Language) -> str:
    """The title of page `number` of a listing whose first page is called `title`."""
    if number == 1:
        return title
    return lang._("{title} — page {number}").format(title=title, number=number)


def section_index(section: Link, lang: Language, **page: Any) -> Page:
    """The index page of a section of the navigation (Schools, Cohorts…)."""
    return Page(
        **page,
        breadcrumbs=crumbs(lang, HOME),
        in_nav=True,
        nav_section=lang._(section.text),
    )
