"""What one build of the site gives each page besides its own view: the language switch,
the `hreflang` alternates, the feeds, the share bar and link preview; and the images drawn.

Plain Python: the MkDocs hook passes what MkDocs knows (a page's URL and title) and puts the
result into the template context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from showcase import urls
from showcase.i18n import ENGLISH, Language, counterpart, language
from showcase.pages.page import Page, Site
from showcase.pages.share import DEFAULT_PREVIEW, share_view
from showcase.pages.views import Link
from showcase.publish.page_images import PREVIEW_NAME, QR_NAME, Preview, QrCode
from showcase.publish.previews import PREVIEW_KICKER


def languages(entries: Sequence[dict[str, str]]) -> list[Language]:
    """The site's languages as its settings list them (`code`, `name`, `folder`), the default
    first; English alone when none are listed."""
    if not entries:
        return [ENGLISH]
    return [language(e["code"], e["name"], e.get("folder", "")) for e in entries]


@dataclass(frozen=True)
class SiteSettings:
    """One language's site: its address (ending in `/`), name and description, its language,
    and the other languages each page links to."""

    site_url: str
    site_name: str
    description: str
    lang: Language
    twins: tuple[Language, ...]

    def page_images(self, site: Site) -> tuple[list[Preview], list[QrCode]]:
        """The site's own link preview and every card a page is shared with, each once; and
        the QR code of every page printed as a flyer."""
        folder, name = DEFAULT_PREVIEW.rsplit("/", 1)
        default = Preview(f"{folder}/", self.site_name, self.lang._(PREVIEW_KICKER), name)
        cards = {page.card.url: page.card for page in site.pages if page.card}
        previews = [default] + [Preview(c.url, c.title, c.kicker) for c in cards.values()]
        qr_codes = [QrCode(page.url, self.site_url + page.url) for page in site.pages if page.flyer]
        return previews, qr_codes

    def page_context(
        self,
        url: str,
        title: str | None,
        generated: Page | None,
        home_view: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """What the templates read for the page at `url`, besides what MkDocs gives: `view`,
        `breadcrumbs` and `title_lang` for a generated page (`generated`), the home page's
        figures (`home_view`, given for the home page only), and for every page its language
        switch, alternates, feeds and share bar."""
        context: dict[str, Any] = {}
        description, is_article = self.description, False
        image = self.site_url + DEFAULT_PREVIEW
        # What the card says: the line above its title, then the title.
        image_alt = f"{self.lang._(PREVIEW_KICKER)}: {self.site_name}"
        if generated is not None:
            context["view"] = generated.make_view()
            context["breadcrumbs"] = generated.breadcrumbs
            context["title_lang"] = generated.title_lang
            description, is_article = generated.description, generated.is_article
            if generated.card:
                image = self.site_url + generated.card.url + PREVIEW_NAME
                image_alt = f"{generated.card.kicker}: {generated.card.title}"
        elif home_view is not None:
            context["view"] = home_view
        switch = [
            Link(counterpart(url, self.lang, twin), twin.name, twin.code) for twin in self.twins
        ]
        here = self.site_url + url
        context["language_switch"] = switch
        context["alternates"] = [Link(here, self.lang.name, self.lang.code)] + [
            Link(urljoin(here, link.url), link.text, link.lang) for link in switch
        ]
        context["feeds"] = [Link(urls.FEED, self.lang._("Stories"))] + (
            [generated.feed] if generated and generated.feed else []
        )
        context["share"] = share_view(
            url=here,
            title=title or self.site_name,
            description=description,
            image=image,
            kind="article" if is_article else "website",
            site_name=self.site_name,
            image_alt=image_alt,
            qr_image=QR_NAME if generated and generated.flyer else None,
        )
        return context

    def error_page_context(self) -> dict[str, Any]:
        """The 404 page is served at any address: its links to each home page are absolute."""
        root = self.site_url.removesuffix(self.lang.folder)
        return {
            "home_url": root + self.lang.folder,
            "language_switch": [Link(root + t.folder, t.name, t.code) for t in self.twins],
        }
