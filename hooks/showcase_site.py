"""MkDocs adapter: hands MkDocs the pages that the `showcase` package builds from the data.

Each event handler below passes the event to the build under way (`SiteBuild`, made anew by
`on_config` for every build, `mkdocs serve`'s rebuilds included). What the pages are is decided
in `showcase.pages.site`; what a page shows around them in `showcase.pages.page_context`.

Every generated page is a file MkDocs is given (`File.generated`), so MkDocs renders it, lists
it in its sitemap and resolves links to it; those outside the sidebar (school and story pages)
are marked `NOT_IN_NAV`. MkDocs reads every page before it writes any, so each is given only a
title and template then; its HTML is made just before it is rendered and let go once written.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any, cast

import language_builds
from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from showcase.data.catalog import read_catalog
from showcase.data.evidence import Archive, default_archive
from showcase.data.problems import DataError
from showcase.i18n import Language
from showcase.markdown.page_citations import docs_problems, read_sources
from showcase.pages.notices import with_english_data_note
from showcase.pages.page import (
    DISAGREEMENTS_MARK,
    DISAGREEMENTS_TEMPLATE,
    OTHER_RANK,
    Page,
    Site,
)
from showcase.pages.page_context import SiteSettings, languages
from showcase.pages.site import generate_site
from showcase.publish.build_cache import BuildCache, drawing_version
from showcase.publish.exports import data_date
from showcase.publish.page_images import ImageDrawing
from showcase.publish.previews import PREVIEW_FOOTER
from showcase.publish.site_search import FOLDER as SEARCH_FOLDER
from showcase.publish.site_search import SearchIndex, read_article

log = get_plugin_logger(__name__)
# The project this hook belongs to, wherever the package is installed. The hand-written pages
# cite the project's sources, whatever data folder the generated pages are built from (tests
# and the benchmark use others).
PROJECT = Path(__file__).resolve().parent.parent
PROJECT_SOURCES = PROJECT / "data" / "sources.yaml"
PROJECT_ARCHIVE = default_archive(PROJECT / "data")
_ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")


class SharedChrome:
    """What Material renders the same for every page outside the sidebar in one folder (its
    navigation and tabs, stylesheets, settings script and scripts, and our search dialog),
    rendered once; `overrides/main.html` and `partials/header.html` ask for each part before
    rendering their own.

    Safe because, for such a page, what Material renders there depends only on the build's
    navigation (one per build), on which of its items is active (none: the page is not in it),
    on the page's `hide` setting (never set on a generated page) and on each item's address
    relative to the page, which is the same for every page of one folder (`schools/a/`,
    `schools/b/`), since no page of the navigation lies below one of them. The other parts
    depend only on the build's settings, its language, the page's template (a kind adds its
    own script) and addresses relative to the page."""

    def __init__(self) -> None:
        self._parts: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._parts.get(name)

    def keep(self, name: str, html: str) -> str:
        self._parts[name] = html
        return html


class GeneratedPage(MkDocsPage):
    """The MkDocs page of a page the showcase makes. MkDocs reads and converts every page's
    Markdown before it renders any; such a page has none, so both steps only set what MkDocs
    reads later: its title (given here), its template, and empty content, which
    `SiteBuild.page_context` replaces with the page's HTML just before it is rendered.

    Given to MkDocs as the file's page (`File.page`), which its navigation and build use as
    they find it, as Material's blog plugin does with its posts."""

    def __init__(self, page: Page, file: File, config: MkDocsConfig) -> None:
        super().__init__(page.title, file, config)
        self._template = page.template

    def read_source(self, config: MkDocsConfig) -> None:
        # What the page's front matter would say; Material and `overrides/main.html` read the
        # title from it for the browser's tab.
        self.markdown = ""
        self.meta = {"title": self.title, "template": self._template}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""


class SiteBuild:
    """One build of one language of the site, from `on_config` to `on_post_build`."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        every_language = languages(config.extra.get("languages") or [])
        code = config.theme.get("language", every_language[0].code)
        lang = next((lang for lang in every_language if lang.code == code), every_language[0])
        data_dir = _project(config) / config.extra.get("data_dir", "data")
        # A language built beside the default one reads the data the default's build has just
        # checked: it skips what only measures or looks things up (flyers, stories, quotes).
        started_beside = bool(config.extra.get(language_builds.STARTED_BESIDE))
        try:
            catalog = read_catalog(data_dir, checked=started_beside)
        except DataError as error:
            raise PluginError("The data has problems:\n" + str(error)) from None
        # Citations written in the hand-written pages: checked once, by the build that starts
        # the others (its docs folder holds theirs too), and shown in each page's language.
        if not started_beside:
            sources = read_sources(PROJECT_SOURCES)
            cited = docs_problems(Path(config.docs_dir), sources, Archive(PROJECT_ARCHIVE))
            if cited:
                raise PluginError("The pages have problems:\n" + str(DataError(cited))) from None
        config.mdx_configs.setdefault("showcase.markdown.citations", {}).update(
            language=lang.code, sources=str(PROJECT_SOURCES), templates=str(PROJECT / "overrides")
        )
        site_url = (config.site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"
        twins = tuple(other for other in every_language if other.code != lang.code)
        self.settings = SiteSettings(
            site_url, config.site_name, config.site_description or "", lang, twins
        )
        as_of = data_date(catalog, os.environ.get("SOURCE_DATE_EPOCH"))
        repository = config.extra.get("repository", "")
        self.site: Site = generate_site(catalog, site_url, as_of, lang, repository)
        self.pages: dict[str, Page] = self.site.by_url()
        config.nav = self.site.navigation(config.nav or [])
        # Previews and QR codes are drawn in worker processes while the pages render; keyed by
        # the code, fonts and libraries that draw them, so a change to any of them draws anew.
        cache = BuildCache(_cache_dir(config), drawing_version())
        footer = lang._(PREVIEW_FOOTER)
        self.images = ImageDrawing(*self.settings.page_images(self.site), footer, cache)
        self.chrome: dict[tuple[str, str], SharedChrome] = {}
        self.env: Environment | None = None
        # Generated pages that a page links to an anchor of (`use_env`).
        self.anchor_targets: set[str] = set()
        self.others: list[language_builds.LanguageBuild] = []
        # Every page of this language, as search sees it once rendered.
        self.search = SearchIndex()
        # The default language's build starts the others.
        self.is_default = lang.code == every_language[0].code
        if self.is_default:
            for notice in catalog.notices:
                log.info(notice)
            # The other languages build in processes of their own while this one builds.
            self.others = [self._start(other) for other in every_language[1:]]

    @property
    def lang(self) -> Language:
        return self.settings.lang

    def _start(self, other: Language) -> language_builds.LanguageBuild:
        entry = next(e for e in self.config.extra["languages"] if e["code"] == other.code)
        return language_builds.start(
            other.name,
            _project(self.config) / entry["config"],
            other.folder,
            self.settings.site_url + other.folder,
            self.config.strict,
            scratch=_cache_dir(self.config) / "builds",
        )

    def add_files(self, files: Files) -> Files:
        # EDIT_URI points at the repository root; hand-written pages live under docs/.
        docs = Path(self.config.docs_dir)
        with contextlib.suppress(ValueError):
            docs = docs.relative_to(_project(self.config))
        for file in files.documentation_pages():
            file.edit_uri = f"{docs.as_posix()}/{file.src_uri}"
        for page in self.pages.values():
            files.append(self._page_file(page))
            for name, source in page.attachments:
                files.append(File.generated(self.config, page.url + name, abs_src_path=str(source)))
        return files

    def _page_file(self, page: Page) -> File:
        file = File.generated(
            self.config,
            page.src_path,
            content="",
            inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
        )
        if page.edit_path:
            file.edit_uri = page.edit_path
        GeneratedPage(page, file, self.config)
        return file

    def use_env(self, env: Environment, files: Files) -> Environment:
        # Our templates write their strings as `_("…")`, translated from showcase/locale.
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=self.lang._, ngettext=self.lang.ngettext, newstyle=True
        )
        self.env = env
        # Every page has been read by now: a generated page some page links to an anchor of
        # tells MkDocs its anchors once written (`after_page`); its Markdown had none.
        for file in files.documentation_pages():
            for target in (file.page and file.page.links_to_anchors) or {}:
                if target.url in self.pages:
                    self.anchor_targets.add(target.url)
        return env

    def page_context(self, context: TemplateContext, page: MkDocsPage) -> TemplateContext:
        # Our templates read `view`, `breadcrumbs` and `share`, which MkDocs's context type lacks.
        extra = cast(dict[str, Any], context)
        generated = self.pages.get(page.url)
        home_view = self.site.home_view if page.is_homepage else None
        extra.update(self.settings.page_context(page.url, page.title, generated, home_view))
        if generated is not None:
            # Made now, just before MkDocs renders the page, and let go once it is written.
            page.content = generated.make_content()
            page.meta["description"] = str(escape(generated.description))
            if not generated.in_nav:
                folder = page.url.rstrip("/").rpartition("/")[0]
                extra["shared_chrome"] = self.chrome.setdefault(
                    (folder, generated.template), SharedChrome()
                )
        elif page.content and DISAGREEMENTS_MARK in page.content:
            page.content = page.content.replace(DISAGREEMENTS_MARK, self._disagreements(context))
        return context

    def _disagreements(self, context: TemplateContext) -> str:
        """The list of every disagreement, rendered with the templates' own macros."""
        if self.env is None:
            raise PluginError("The list of disagreements was asked for before MkDocs gave a theme.")
        template = self.env.from_string(DISAGREEMENTS_TEMPLATE)
        return template.render({**context, "items": self.site.disagreements})

    def after_page(self, output: str, page: MkDocsPage) -> str:
        generated = self.pages.get(page.url)
        article = read_article(output)
        if article is not None:
            description = generated.description if generated else page.meta.get("description")
            entry = generated.school_entry if generated else None
            rank = generated.search_rank if generated else OTHER_RANK
            self.search.add(page.url, article, str(description or ""), rank, entry)
        if generated is None:
            return output
        # Read only while the page renders (its HTML, and its description for its own head):
        # let them go with it, since MkDocs keeps every page until the build ends.
        page.content = None
        page.meta.pop("description", None)
        if page.url in self.anchor_targets:
            page.present_anchor_ids = set(_ID.findall(output))
        # A generated page in Spanish that shows data in English says so once, under its title.
        return with_english_data_note(output, self.lang)

    def finish(self) -> None:
        site_dir = Path(self.config.site_dir)
        self.site.write_files(site_dir)
        self.images.finish(site_dir)
        self.search.write(site_dir / SEARCH_FOLDER)
        while self.others:
            self.others.pop(0).finish(site_dir)

    def cancel(self) -> None:
        self.images.cancel()
        while self.others:
            self.others.pop().cancel()


def _project(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _cache_dir(config: MkDocsConfig) -> Path:
    return _project(config) / str(config.extra.get("cache_dir", ".cache"))


# The build under way; `serve` keeps this module loaded between rebuilds.
_build: SiteBuild | None = None


def _current() -> SiteBuild:
    if _build is None:
        raise PluginError("A build event came before MkDocs read its settings.")
    return _build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = None
    _build = SiteBuild(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _current().add_files(files)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _current().use_env(env, files)


def on_page_context(
    context: TemplateContext, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    return _current().page_context(context, page)


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    return _current().after_page(output, page)


def on_template_context(
    context: TemplateContext, template_name: str, config: MkDocsConfig
) -> TemplateContext:
    if template_name == "404.html":
        cast(dict[str, Any], context).update(_current().settings.error_page_context())
    return context


def on_post_build(config: MkDocsConfig) -> None:
    global _build
    _current().finish()
    _build = None


def on_build_error(error: Exception) -> None:
    global _build
    if _build is not None:
        _build.cancel()
    _build = None
