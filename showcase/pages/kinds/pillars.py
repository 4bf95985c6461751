"""The four pillars, each with its schools and stories."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import PILLAR_TITLES, PILLAR_VARIANTS, Pillar
from showcase.i18n import Language
from showcase.pages.page import HOME, PILLARS, Page, View, crumbs, section_index
from showcase.pages.views import (
    Sources,
    disagreement_views,
    pillar_link,
    school_card,
    story_card,
)


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


def pillar_pages(catalog: Catalog, lang: Language) -> Iterator[Page]:
    _ = lang._
    for pillar in Pillar:
        variants = [
            name
            for name, value in PILLAR_VARIANTS.items()
            if value == pillar and name != PILLAR_TITLES[pillar].lower()
        ]
        yield Page(
            url=urls.pillar(pillar),
            title=_(PILLAR_TITLES[pillar]),
            template="pillar.html",
            description=_("Schools and stories for the pillar {pillar}.").format(
                pillar=_(PILLAR_TITLES[pillar])
            ),
            make_view=partial(_pillar_view, catalog, pillar, lang, variants),
            breadcrumbs=crumbs(lang, HOME, PILLARS),
            in_nav=True,
            nav_section=_(PILLARS.text),
        )


def _pillar_view(catalog: Catalog, pillar: Pillar, lang: Language, variants: list[str]) -> View:
    sources = Sources(catalog, lang)
    disagreements = disagreement_views(
        sources, catalog.disagreements_by_page.get(urls.pillar(pillar), [])
    )
    return {
        "pillar": pillar_link(pillar, lang),
        # A disagreement recorded on the spelling shows the variants with their sources.
        "variants": [] if disagreements else variants,
        "disagreements": disagreements,
        "sources": sources.all(),
        "schools": [
            school_card(catalog, s, lang) for s in catalog.schools_by_pillar.get(pillar, [])
        ],
        "stories": [
            story_card(catalog, s, lang) for s in catalog.stories_by_pillar.get(pillar, [])
        ],
    }
