"""MkDocs adapter: hands MkDocs the pages that the `showcase` package builds from the data.

Only event wiring lives here; what the pages are is decided in `showcase.pages.site`.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin

import language_builds
import search_index
import yaml
from jinja2 import Environment
from markupsafe import escape
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from showcase import urls
from showcase.data.catalog import Catalog, read_catalog
from showcase.data.evidence import Archive, default_archive
from showcase.data.problems import DataError
from showcase.i18n import ENGLISH, Language, counterpart, language
from showcase.markdown.page_citations import docs_problems, read_sources
from showcase.pages.notices import with_english_data_note
from showcase.pages.page import DISAGREEMENTS_MARK, Page, Site
from showcase.pages.share import DEFAULT_PREVIEW, share_view
from showcase.pages.site import generate_site
from showcase.pages.views import Link
from showcase.publish.build_cache import BuildCache, drawing_version
from showcase.publish.exports import data_date
from showcase.publish.page_images import PREVIEW_NAME, QR_NAME, ImageDrawing, PageImages
from showcase.publish.previews import PREVIEW_FOOTER, PREVIEW_KICKER
from showcase.publish.site_search import SearchIndexError
from showcase.publish.site_search import index as index_for_search

log = get_plugin_logger(__name__)
# The project this hook belongs to, wherever the package is installed. The hand-written pages
# cite the project's sources, whatever data folder the generated pages are built from (tests
# and the benchmark use others).
PROJECT = Path(__file__).resolve().parent.parent
PROJECT_SOURCES = PROJECT / "data" / "sources.yaml"
PROJECT_ARCHIVE = default_archive(PROJECT / "data")
_site: Site | None = None
_pages: dict[str, Page] = {}
_images: ImageDrawing | None = None
_lang: Language = ENGLISH
_twin_languages: list[Language] = []
_language_builds: list[language_builds.LanguageBuild] = []
_read: _ReadData | None = None
_chrome: dict[tuple[str, str], SharedChrome] = {}
_stream: _Stream | None = None


class SharedChrome:
    """Material's navigation and tabs as rendered once for pages outside the sidebar at one
    folder depth; `overrides/main.html` asks for them before rendering its own."""

    def __init__(self) -> None:
        self._parts: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._parts.get(name)

    def keep(self, name: str, html: str) -> str:
        self._parts[name] = html
        return html


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `serve` keeps this module loaded between rebuilds: start from nothing each time.
    global _site, _pages, _images, _lang, _read
    _chrome.clear()
    languages = _languages(config)
    code = config.theme.get("language", ENGLISH.code)
    _lang = next((lang for lang in languages if lang.code == code), ENGLISH)
    # Every page links its twin in each of these; worked out once per build.
    _twin_languages[:] = [other for other in languages if other.code != _lang.code]
    data_dir = Path(config.config_file_path).parent / config.extra.get("data_dir", "data")
    inherited = _read is not None and _read.data_dir == data_dir
    try:
        catalog = _read.catalog if _read and inherited else read_catalog(data_dir)
    except DataError as error:
        raise PluginError("The data has problems:\n" + str(error)) from None
    # Citations written in the hand-written pages: checked once, by the build that read the data
    # (its docs folder holds the other languages' too), and shown in each page's language.
    if not inherited:
        cited = docs_problems(
            Path(config.docs_dir), read_sources(PROJECT_SOURCES), Archive(PROJECT_ARCHIVE)
        )
        if cited:
            raise PluginError("The pages have problems:\n" + str(DataError(cited))) from None
    config.mdx_configs.setdefault("showcase.markdown.citations", {}).update(
        language=_lang.code, sources=str(PROJECT_SOURCES), templates=str(PROJECT / "overrides")
    )
    if _lang.code == languages[0].code:
        for notice in catalog.notices:
            log.info(notice)
        # The other languages build in processes of their own while this one builds; forked
        # from here, they start with the data already read and checked (`_read`).
        _read = _ReadData(data_dir, catalog)
        _language_builds[:] = [_start_language(config, other) for other in languages[1:]]
    _read = None
    as_of = data_date(catalog, os.environ.get("SOURCE_DATE_EPOCH"))
    repository = config.extra.get("repository", "")
    _site = generate_site(catalog, _site_url(config), as_of, _lang, repository)
    _pages = _site.by_url()
    config.nav = _with_generated_sections(config.nav or [], _site)
    # Previews and QR codes are drawn in worker processes while the pages render.
    footer = _lang._(PREVIEW_FOOTER)
    _images = ImageDrawing(_page_images(config, _site), footer, _cache(config))
    return config


@dataclass(frozen=True)
class _ReadData:
    data_dir: Path
    catalog: Catalog


def _languages(config: MkDocsConfig) -> list[Language]:
    entries = config.extra.get("languages") or [{"code": ENGLISH.code, "name": ENGLISH.name}]
    return [language(e["code"], e["name"], e.get("folder", "")) for e in entries]


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Our templates write their strings as `_("…")`, translated from showcase/locale.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_lang._, ngettext=_lang.ngettext, newstyle=True
    )
    if _stream is not None:
        _stream.env = env
    return env


def _page_images(config: MkDocsConfig, site: Site) -> list[PageImages]:
    site_url = _site_url(config)
    folder, name = DEFAULT_PREVIEW.rsplit("/", 1)
    default = PageImages(
        f"{folder}/", site_url, config.site_name, _lang._(PREVIEW_KICKER), name, with_qr=False
    )
    return [default] + [
        PageImages(page.url, site_url + page.url, page.title, page.preview_kicker)
        for page in site.pages
        if page.preview_kicker
    ]


def _site_url(config: MkDocsConfig) -> str:
    return (config.site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"


def _with_generated_sections(nav: list[Any], site: Site) -> list[Any]:
    """Generated sections go after Home; pages for a section mkdocs.yml has join it."""
    sections: dict[str, list[str]] = {}
    for page in site.pages:
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


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # EDIT_URI points at the repository root; hand-written pages live under docs/.
    docs = Path(config.docs_dir)
    with contextlib.suppress(ValueError):
        docs = docs.relative_to(Path(config.config_file_path).parent)
    for file in files.documentation_pages():
        file.edit_uri = f"{docs.as_posix()}/{file.src_uri}"
    for page in _pages.values():
        if page.in_nav:
            files.append(_page_file(config, page, _front_matter(page)))
        for name, source in page.attachments:
            files.append(File.generated(config, page.url + name, abs_src_path=str(source)))
    return files


def _page_file(config: MkDocsConfig, page: Page, content: str) -> File:
    file = File.generated(config, page.src_path, content=content)
    if not page.in_nav:
        file.inclusion = file.inclusion.NOT_IN_NAV
    if page.edit_path:
        file.edit_uri = page.edit_path
    return file


def _front_matter(page: Page) -> str:
    return "---\n" + yaml.safe_dump({"title": page.title, "template": page.template}) + "---\n"


@dataclass
class _Stream:
    """What MkDocs gathered for its own pages, kept to render the pages it was not given."""

    files: Files
    nav: Navigation
    env: Environment | None = None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _stream
    _stream = _Stream(files, nav)
    return nav


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    generated = _pages.get(page.url)
    return generated.make_content() if generated else html


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    # A generated page in Spanish that shows data in English says so once, under its title.
    if page.url in _pages:
        return with_english_data_note(output, _lang)
    return output


# Before the search plugin's: a hand-written page is indexed with what is inserted into it.
@event_priority(50)
def on_page_context(
    context: TemplateContext, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    # Our templates read `view`, `breadcrumbs` and `share`, which MkDocs's context type lacks.
    extra = cast(dict[str, Any], context)
    generated = _pages.get(page.url)
    site_url = _site_url(config)
    description = config.site_description or ""
    image, is_article = site_url + DEFAULT_PREVIEW, False
    if generated is not None:
        extra["view"] = generated.make_view()
        extra["breadcrumbs"] = generated.breadcrumbs
        extra["title_lang"] = generated.title_lang
        if not generated.in_nav:
            key = (context["base_url"], generated.template)
            extra["shared_chrome"] = _chrome.setdefault(key, SharedChrome())
        page.meta["description"] = str(escape(generated.description))
        description, is_article = generated.description, generated.is_article
        if generated.preview_kicker:
            image = site_url + generated.url + PREVIEW_NAME
    elif page.is_homepage and _site is not None:
        extra["view"] = _site.home_view
    if generated is None and page.content and DISAGREEMENTS_MARK in page.content:
        page.content = page.content.replace(DISAGREEMENTS_MARK, _disagreements_html(context))
    extra["language_switch"] = [
        Link(counterpart(page.url, _lang, twin), twin.name, twin.code) for twin in _twin_languages
    ]
    here = site_url + page.url
    extra["alternates"] = [Link(here, _lang.name, _lang.code)] + [
        Link(urljoin(here, link.url), link.text, link.lang) for link in extra["language_switch"]
    ]
    extra["feeds"] = [Link(urls.FEED, _lang._("Stories"))] + (
        [generated.feed] if generated and generated.feed else []
    )
    extra["share"] = share_view(
        url=site_url + page.url,
        title=page.title or config.site_name,
        description=description,
        image=image,
        kind="article" if is_article else "website",
        site_name=config.site_name,
        qr_image=QR_NAME if generated and generated.preview_kicker else None,
    )
    return context


def _disagreements_html(context: TemplateContext) -> str:
    """The list of every disagreement, rendered with the templates' own macros."""
    if _site is None or _stream is None or _stream.env is None:
        raise PluginError("The list of disagreements was asked for before MkDocs gave a theme.")
    template = _stream.env.from_string(
        '{% import "partials/showcase.html" as cs with context %}{{ cs.disagreements_list(items) }}'
    )
    return template.render({**context, "items": _site.disagreements})


def on_template_context(
    context: TemplateContext, template_name: str, config: MkDocsConfig
) -> TemplateContext:
    if template_name == "sitemap.xml":
        # The pages rendered outside MkDocs's list (`_render_unlisted`) are listed too.
        site_url = _site_url(config)
        unlisted = [site_url + page.url for page in _pages.values() if not page.in_nav]
        cast(dict[str, Any], context)["unlisted_urls"] = unlisted
    elif template_name == "404.html":
        # Served at any address: its links to either home page are absolute.
        root = _site_url(config).removesuffix(_lang.folder)
        extra = cast(dict[str, Any], context)
        extra["home_url"] = root + _lang.folder
        extra["language_switch"] = [
            Link(root + twin.folder, twin.name, twin.code) for twin in _twin_languages
        ]
    return context


# Before the search plugin's: the pages rendered here join its index, written here.
@event_priority(50)
def on_post_build(config: MkDocsConfig) -> None:
    global _site, _pages
    _render_unlisted(config)
    if _site is not None:
        _publish(_site, Path(config.site_dir))
    _site, _pages = None, {}
    search_index.write(config)
    if _images is not None:
        _images.finish(Path(config.site_dir))
    while _language_builds:
        _language_builds.pop(0).finish(Path(config.site_dir))
    # Once every language is in place: the index keeps each language's pages apart.
    if _lang.code == _languages(config)[0].code:
        try:
            index_for_search(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


def _publish(site: Site, site_dir: Path) -> None:
    """Write the feeds and open-data files, one at a time."""
    for path, write in site.make_files():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as stream:
            write(stream)


def _render_unlisted(config: MkDocsConfig) -> None:
    """Render the pages kept out of the sidebar (schools, stories…) one at a time, as MkDocs
    renders its own, and let each go once written.

    MkDocs reads every page it is given before writing any and keeps them all until the build
    ends; at ten thousand schools that held most of a build's memory. `_build_page` is MkDocs's
    own step that renders and writes one page: private, but MkDocs 1.6.1 has had no release
    since 2024."""
    if _stream is None or _stream.env is None:
        # MkDocs always gives its navigation and environment first; never drop pages quietly.
        raise PluginError("The school and story pages were not rendered: MkDocs gave no nav.")
    files, nav, env = _stream.files, _stream.nav, _stream.env
    listed = files.documentation_pages()
    for page in _pages.values():
        if not page.in_nav:
            file = _page_file(config, page, "")
            mkdocs_page = MkDocsPage(None, file, config)
            # What MkDocs would read from the page's front matter and Markdown, which it has
            # none of: reading and rendering them was a fifth of such a page's cost.
            mkdocs_page.markdown = ""
            mkdocs_page.meta = {"title": page.title, "template": page.template}
            mkdocs_page.content = page.make_content()
            _build_page(mkdocs_page, config, listed, nav, env)
            # A page and its file refer to each other: break the cycle so that both go now,
            # not at the next full garbage collection.
            file.page = None


def _start_language(config: MkDocsConfig, other: Language) -> language_builds.LanguageBuild:
    entry = next(e for e in config.extra["languages"] if e["code"] == other.code)
    base = Path(config.config_file_path).parent
    return language_builds.start(
        other.name,
        base / entry["config"],
        other.folder,
        _site_url(config) + other.folder,
        config.strict,
        scratch=_cache_dir(config) / "builds",
    )


def on_build_error(error: Exception) -> None:
    if _images is not None:
        _images.cancel()
    while _language_builds:
        _language_builds.pop().cancel()


def _cache_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / str(config.extra.get("cache_dir", ".cache"))


def _cache(config: MkDocsConfig) -> BuildCache:
    # Keyed by the code, fonts and libraries that draw: a change to any of them draws anew.
    return BuildCache(_cache_dir(config), drawing_version())
