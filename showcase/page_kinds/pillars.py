"""The four pillars, each with its schools and stories."""

from __future__ import annotations

from collections.abc import Iterator

from showcase import urls
from showcase.catalog import Catalog
from showcase.models import PILLAR_TITLES, PILLAR_VARIANTS, Pillar
from showcase.page import HOME, PILLARS, Page, section_index
from showcase.views import (
    pillar_link,
    school_card,
    story_card,
)


def pillars_page(catalog: Catalog) -> Page:
    return section_index(
        "Pillars",
        url=urls.PILLARS,
        title="The four pillars",
        template="pillars.html",
        description="The four pillars of the community schools model.",
        view={
            "pillars": [
                {
                    "link": pillar_link(p),
                    "schools": len(catalog.schools_by_pillar.get(p, [])),
                    "stories": len(catalog.stories_by_pillar.get(p, [])),
                }
                for p in Pillar
            ]
        },
    )


def pillar_pages(catalog: Catalog) -> Iterator[Page]:
    for pillar in Pillar:
        variants = [
            name
            for name, value in PILLAR_VARIANTS.items()
            if value == pillar and name != PILLAR_TITLES[pillar].lower()
        ]
        yield Page(
            url=urls.pillar(pillar),
            title=PILLAR_TITLES[pillar],
            template="pillar.html",
            description=f"Schools and stories for the pillar {PILLAR_TITLES[pillar]}.",
            view={
                "pillar": pillar_link(pillar),
                "variants": variants,
                "schools": [
                    school_card(catalog, s) for s in catalog.schools_by_pillar.get(pillar, [])
                ],
                "stories": [
                    story_card(catalog, s) for s in catalog.stories_by_pillar.get(pillar, [])
                ],
            },
            breadcrumbs=(HOME, PILLARS),
            in_nav=True,
            nav_section="Pillars",
        )
