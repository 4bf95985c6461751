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
from showcase.publish.page_images import PREVIEW_NAME, QR_NAME, PageImages
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

    def page_images(self, site: Site) -> list[PageImages]:
        """The shared link preview, and each shareable page's preview and QR code."""
        folder, name = DEFAULT_PREVIEW.rsplit("/", 1)
        kicker = self.lang._(PREVIEW_KICKER)
        default = PageImages(f"{folder}/", self.site_url, self.site_name, kicker, name, False)
        return [default] + [
            PageImages(page.url, self.site_url + page.url, page.title, page.preview_kicker)
            for page in site.pages
            if page.preview_kicker
        ]

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
        description, image, is_article = self.description, self.site_url + DEFAULT_PREVIEW, False
        if generated is not None:
            context["view"] = generated.make_view()
            context["breadcrumbs"] = generated.breadcrumbs
            context["title_lang"] = generated.title_lang
            description, is_article = generated.description, generated.is_article
            if generated.preview_kicker:
                image = self.site_url + generated.url + PREVIEW_NAME
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
            qr_image=QR_NAME if generated and generated.preview_kicker else None,
        )
        return context

    def error_page_context(self) -> dict[str, Any]:
        """The 404 page is served at any address: its links to each home page are absolute."""
        root = self.site_url.removesuffix(self.lang.folder)
        return {
            "home_url": root + self.lang.folder,
            "language_switch": [Link(root + t.folder, t.name, t.code) for t in self.twins],
        }
