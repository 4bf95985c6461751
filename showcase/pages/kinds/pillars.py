"""The four pillars, each with its schools and stories."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import PILLAR_TITLES, PILLAR_VARIANTS, Pillar, School, Story
from showcase.i18n import Language
from showcase.pages.page import HOME, PILLARS, Page, View, crumbs, paged_title, section_index
from showcase.pages.paging import PageNav, page_nav, paginate
from showcase.pages.views import (
    Link,
    Sources,
    disagreement_views,
    pillar_link,
    school_card,
    story_card,
)

T = TypeVar("T")


def pillars_page(catalog: Catalog, lang: Language) -> Page:
    _ = lang._
    return section_index(
        PILLARS,
        lang,
        url=urls.PILLARS,
        title=_("The four pillars"),
        template="pillars.html",
        description=_("The four pillars of the community schools model."),
        make_view=lambda: {
            "pillars": [
                {
                    "link": pillar_link(p, lang),
                    "schools": len(catalog.schools_by_pillar.get(p, [])),
                    "stories": len(catalog.stories_by_pillar.get(p, [])),
                }
                for p in Pillar
            ]
        },
    )


# The names of a pillar's two lists, in the addresses of their later pages.
SCHOOLS_PART = "schools"
STORIES_PART = "stories"


def pillar_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    """Each pillar's page, with the first 48 of its schools and of its stories; each list
    continues on pages of its own (`pillars/x/schools/page/2/`, `pillars/x/stories/page/2/`)."""
    _ = lang._
    for pillar in Pillar:
        first = urls.pillar(pillar)
        title = _(PILLAR_TITLES[pillar])
        schools = _listing(
            catalog.schools_by_pillar.get(pillar, []),
            _("Pages of this pillar's schools"),
            first,
            SCHOOLS_PART,
        )
        stories = _listing(
            catalog.stories_by_pillar.get(pillar, []),
            _("Pages of this pillar's stories"),
            first,
            STORIES_PART,
        )
        page: dict[str, Any] = {
            "template": "pillar.html",
            "description": _("Schools and stories for the pillar {pillar}.").format(pillar=title),
        }
        yield Page(
            **page,
            url=first,
            title=title,
            make_view=partial(_pillar_view, catalog, pillar, lang, schools[0], stories[0]),
            breadcrumbs=crumbs(lang, HOME, PILLARS),
            in_nav=True,
            nav_section=_(PILLARS.text),
        )
        trail = (*crumbs(lang, HOME, PILLARS), Link(first, title))
        for part, listing, heading in (
            (SCHOOLS_PART, schools, _("{pillar}: schools")),
            (STORIES_PART, stories, _("{pillar}: stories")),
        ):
            for number, (items, nav) in enumerate(listing[1:], 2):
                yield Page(
                    **page,
                    url=_address(first, part)(number),
                    title=paged_title(heading.format(pillar=title), number, lang),
                    make_view=partial(_more_view, catalog, pillar, lang, part, items, nav),
                    breadcrumbs=trail,
                )


def _listing(
    items: Sequence[T], label: str, first: str, part: str
) -> list[tuple[tuple[T, ...], PageNav]]:
    """`items` in pages, each with its navigation."""
    pages = paginate(items)
    return [
        (chunk, page_nav(label, number, len(pages), _address(first, part)))
        for number, chunk in enumerate(pages, 1)
    ]


def _address(first: str, part: str) -> Callable[[int], str]:
    """The address of each page of the pillar's list `part`."""
    return partial(urls.listing_page, first, part=f"{part}/")


def _pillar_view(
    catalog: Catalog,
    pillar: Pillar,
    lang: Language,
    schools: tuple[tuple[School, ...], PageNav],
    stories: tuple[tuple[Story, ...], PageNav],
) -> View:
    sources = Sources(catalog, lang)
    disagreements = disagreement_views(
        sources, catalog.disagreements_by_page.get(urls.pillar(pillar), [])
    )
    variants = [
        name
        for name, value in PILLAR_VARIANTS.items()
        if value == pillar and name != PILLAR_TITLES[pillar].lower()
    ]
    return _totals(catalog, pillar, lang) | {
        "first": True,
        # A disagreement recorded on the spelling shows the variants with their sources.
        "variants": [] if disagreements else variants,
        "disagreements": disagreements,
        "sources": sources.all(),
        "schools": [school_card(catalog, s, lang) for s in schools[0]],
        "school_pager": schools[1],
        "stories": [story_card(catalog, s, lang) for s in stories[0]],
        "story_pager": stories[1],
    }


def _more_view(
    catalog: Catalog,
    pillar: Pillar,
    lang: Language,
    part: str,
    items: Sequence[object],
    nav: PageNav,
) -> View:
    """A later page of one of a pillar's lists: `part` is "schools" or "stories"."""
    view = _totals(catalog, pillar, lang) | {"first": False, "part": part}
    if part == SCHOOLS_PART:
        cards = [school_card(catalog, s, lang) for s in items if isinstance(s, School)]
        return view | {"schools": cards, "school_pager": nav}
    stories = [story_card(catalog, s, lang) for s in items if isinstance(s, Story)]
    return view | {"stories": stories, "story_pager": nav}


def _totals(catalog: Catalog, pillar: Pillar, lang: Language) -> View:
    return {
        "pillar": pillar_link(pillar, lang),
        "school_total": len(catalog.schools_by_pillar.get(pillar, [])),
        "story_total": len(catalog.stories_by_pillar.get(pillar, [])),
    }
