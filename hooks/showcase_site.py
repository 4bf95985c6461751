"""MkDocs adapter: hands MkDocs the pages that the `showcase` package builds from the data.

Only event wiring lives here; what the pages are is decided in `showcase.pages`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import yaml
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from showcase.catalog import read_catalog
from showcase.pages import Page, Site, build_site
from showcase.problems import DataError

_site: Site | None = None
_pages: dict[str, Page] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `serve` keeps this module loaded between rebuilds: start from nothing each time.
    global _site, _pages
    data_dir = Path(config.config_file_path).parent / config.extra.get("data_dir", "data")
    try:
        _site = build_site(read_catalog(data_dir))
    except DataError as error:
        raise PluginError("The data has problems:\n" + str(error)) from None
    _pages = _site.by_src_path()
    config.nav = _with_generated_sections(config.nav or [], _site)
    return config


def _with_generated_sections(nav: list[Any], site: Site) -> list[Any]:
    sections: dict[str, list[str]] = {}
    for page in site.pages:
        if page.in_nav and page.nav_section:
            sections.setdefault(page.nav_section, []).append(page.src_path)
    generated = [{title: paths} for title, paths in sections.items()]
    return nav[:1] + generated + nav[1:]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # EDIT_URI points at the repository root; hand-written pages live under docs/.
    for file in files.documentation_pages():
        file.edit_uri = f"{config.docs_dir.rsplit('/', 1)[-1]}/{file.src_uri}"
    for page in _pages.values():
        front_matter = yaml.safe_dump({"title": page.title, "template": page.template})
        file = File.generated(config, page.src_path, content=f"---\n{front_matter}---\n")
        if not page.in_nav:
            file.inclusion = file.inclusion.NOT_IN_NAV
        if page.edit_path:
            file.edit_uri = page.edit_path
        files.append(file)
        for name, source in page.attachments:
            files.append(File.generated(config, page.url + name, abs_src_path=str(source)))
    return files


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    generated = _pages.get(page.file.src_uri)
    return generated.content_html if generated else html


def on_page_context(
    context: TemplateContext, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    # Our templates read `view` and `breadcrumbs`, which MkDocs's context type does not list.
    extra = cast(dict[str, Any], context)
    generated = _pages.get(page.file.src_uri)
    if generated is not None:
        extra["view"] = generated.view
        extra["breadcrumbs"] = generated.breadcrumbs
        page.meta["description"] = str(escape(generated.description))
    elif page.is_homepage and _site is not None:
        extra["view"] = _site.home_view
    return context
