"""What a browser downloads on a first visit to each kind of page, and for one search.

The built site is opened in Debian's Chromium (the browser the tests drive), unthrottled (bytes
do not depend on speed), every request for it answered from its folder, as a static host would,
through Playwright's request routing: no server, no port. A first visit is the page and
everything Chromium fetches until the network is idle after the first paint; a search is what
Pagefind's own JavaScript API fetches under `pagefind/` to search for a school's name from its
profile and read its first results. Bytes are counted as stored (raw) and as a static host
would send them, gzipped where it compresses (text; images and Pagefind's files are
compressed already).
"""

from __future__ import annotations

import gzip
import mimetypes
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Request,
    Response,
    Route,
    sync_playwright,
)

from showcase import urls
from showcase.data.catalog import Catalog

CHROMIUM = "/usr/bin/chromium"
# A page's first visit ends once it has painted, run what it starts then (its scripts are
# requested after the first paint) and had no request in flight for this long.
AFTER_PAINT = """() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))"""
QUIET_MS = 500
# The site's address in the browser; no request to it leaves the browser (`_serve_from`).
BASE = "http://showcase.localhost/"
KINDS = ("home", "directory", "cohort", "pillar", "profile", "story", "week", "about")
SEARCH_RESULTS = 5
SEARCH_FOLDER = "pagefind/"
TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")
SEARCH = """
async ([bundle, term, count]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ basePath: bundle });
  await pagefind.init();
  const search = await pagefind.search(term);
  const read = await Promise.all(search.results.slice(0, count).map((r) => r.data()));
  return [search.results.length, read.length];
}
"""


@dataclass(frozen=True)
class Transfer:
    """Bytes fetched: as they are on disk, and as a static host that gzips text sends them."""

    raw: int = 0
    gzip: int = 0
    requests: int = 0

    def __add__(self, other: Transfer) -> Transfer:
        return Transfer(
            self.raw + other.raw, self.gzip + other.gzip, self.requests + other.requests
        )


def transfer_of(path: str, body: bytes) -> Transfer:
    """One response: `path` is its address's path, which says whether a host compresses it."""
    compressible = path.endswith("/") or path.endswith(TEXT_SUFFIXES)
    sent = len(gzip.compress(body, compresslevel=6, mtime=0)) if compressible else len(body)
    return Transfer(raw=len(body), gzip=min(sent, len(body)), requests=1)


@dataclass(frozen=True)
class SiteTransfers:
    """A first visit to a page of each kind (`KINDS`), and one search from a profile."""

    first_visit: dict[str, Transfer]
    search: Transfer
    search_results: int


def pages_to_visit(catalog: Catalog) -> dict[str, str]:
    """A page of each kind, English, chosen from the data: the first school with a cohort and a
    story, its first cohort and story, the pillar with most schools, the latest Week of Action."""
    school = next(
        s for s in catalog.schools.values() if s.cohorts and catalog.stories_by_school.get(s.slug)
    )
    pillar = max(catalog.schools_by_pillar, key=lambda p: len(catalog.schools_by_pillar[p]))
    return {
        "home": urls.HOME,
        "directory": urls.SCHOOLS,
        "cohort": urls.cohort(school.cohorts[0].cohort),
        "pillar": urls.pillar(pillar),
        "profile": urls.school(school.slug),
        "story": urls.story(catalog.stories_by_school[school.slug][0].slug),
        "week": urls.week(max(catalog.weeks)),
        "about": urls.ABOUT,
    }


def measure_site(site: Path, catalog: Catalog) -> SiteTransfers:
    """Open each page of `pages_to_visit` in a fresh browser context, then search from the
    profile for its school's name."""
    pages = pages_to_visit(catalog)
    profile_school = pages["profile"].rstrip("/").rsplit("/", 1)[-1]
    name = catalog.schools[profile_school].name
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True
        )
        try:
            visits = {kind: _first_visit(browser, site, pages[kind]) for kind in KINDS}
            search, found = _search(browser, site, pages["profile"], name)
        finally:
            browser.close()
    return SiteTransfers(first_visit=visits, search=search, search_results=found)


@dataclass
class _Tab:
    """A page opened in a fresh browser context, with every response it had."""

    context: BrowserContext
    page: Page
    responses: list[Response]
    in_flight: set[Request]

    def settle(self) -> None:
        """Wait until no request has been in flight for `QUIET_MS`."""
        quiet_since = time.monotonic()
        while (time.monotonic() - quiet_since) * 1000 < QUIET_MS:
            if self.in_flight:
                quiet_since = time.monotonic()
            self.page.wait_for_timeout(50)

    def transfer(self, since: int = 0, folder: str = "") -> Transfer:
        return sum(
            (
                _transfer(response)
                for response in self.responses[since:]
                if _site_path(response.url).startswith(folder)
            ),
            Transfer(),
        )


def _open(browser: Browser, site: Path, page_url: str) -> _Tab:
    """`page_url` of the site in folder `site`, opened at phone size, once the network is idle."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    context.route(BASE + "**", lambda route: _serve_from(site, route))
    tab = _Tab(context, context.new_page(), [], set())
    tab.page.on("request", lambda request: tab.in_flight.add(request))
    tab.page.on("requestfailed", lambda request: tab.in_flight.discard(request))
    tab.page.on("requestfinished", lambda request: tab.in_flight.discard(request))
    tab.page.on("response", lambda response: tab.responses.append(response))
    tab.page.goto(BASE + page_url)
    tab.page.evaluate(AFTER_PAINT)
    tab.settle()
    return tab


def _first_visit(browser: Browser, site: Path, page_url: str) -> Transfer:
    tab = _open(browser, site, page_url)
    try:
        return tab.transfer()
    finally:
        tab.context.close()


def _search(browser: Browser, site: Path, profile: str, term: str) -> tuple[Transfer, int]:
    tab = _open(browser, site, profile)
    try:
        before = len(tab.responses)
        found, read = tab.page.evaluate(SEARCH, [BASE + SEARCH_FOLDER, term, SEARCH_RESULTS])
        tab.settle()
        return tab.transfer(before, SEARCH_FOLDER), min(found, read)
    finally:
        tab.context.close()


def _site_path(address: str) -> str:
    """The path of `address` inside the site (like `schools/x/`), or "" for another host."""
    return urlsplit(address).path.lstrip("/") if address.startswith(BASE) else ""


def _transfer(response: Response) -> Transfer:
    if not response.url.startswith(BASE) or not response.ok:
        return Transfer()
    return transfer_of(_site_path(response.url) or "/", response.body())


def _serve_from(site: Path, route: Route) -> None:
    """Answer a request for the site from its folder, as a static host would (uncompressed:
    `transfer_of` counts the compression)."""
    path = site / unquote(urlsplit(route.request.url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        route.fulfill(status=404)
        return
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(body=path.read_bytes(), content_type=content_type)
