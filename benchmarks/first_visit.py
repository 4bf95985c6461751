"""What a browser downloads on a first visit to each kind of page and for one search, and how
fast a first visit is on a slow phone.

The built site is opened in Debian's Chromium (the browser the tests drive). Bytes first,
unthrottled (bytes do not depend on speed), every request for the site answered from its folder,
as a static host would, through Playwright's request routing: no server, no port. A first visit
is the page and everything Chromium fetches until the network is idle after the first paint, for
one page of each kind in every language. A search is counted two ways from a school's profile:
what the site's search module (`assets/search-index.js`) fetches, itself included, to search
its language's index (`search/`) for the school's name and read its first results; and what a
visitor's search fetches: everything after a click on the header's search button, typing the
name and waiting for the results. Bytes are counted as stored (raw) and as a static host would
send them, gzipped where it compresses (text; images are compressed already).

Then the timings: each of those pages is opened `visits` times, each in a fresh context, from a
local server that gzips text, throttled as Lighthouse's mobile preset throttles (slow 4G, 4×
CPU: `benchmarks.throttled_visit`, the visit the browser test uses too), and the median largest
contentful paint and total blocking time of each page are kept. Request routing would skip the
network throttling, hence the server.
"""

from __future__ import annotations

import gzip
import mimetypes
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
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

from benchmarks.static_server import serve
from benchmarks.throttled_visit import visit
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
# The screen of every visit: a phone's.
PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 800},
    "is_mobile": True,
    "has_touch": True,
}
SEARCH_RESULTS = 5
SEARCH_MODULE = "assets/search-index.js"
SEARCH_FOLDER = "search/"
# The header's search button (shown once `assets/search.js` has run), the dialog's field and
# the links of its results.
SEARCH_BUTTON = "[data-cs-search] button"
SEARCH_FIELD = "dialog[open] input[type=search]"
SEARCH_RESULT_LINKS = "dialog[open] .cs-search__results a"
# Issue #17's timing budgets, judged on the median of each page's visits.
LCP_BUDGET_MS, TBT_BUDGET_MS = 2500.0, 200.0
TEXT_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")
SEARCH = """
async ([module, folder, term, count]) => {
  const { openIndex } = await import(module);
  const index = openIndex(folder);
  const found = await index.search(term);
  const read = await index.records(found.slice(0, count));
  return [found.length, read.length];
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
class Timing:
    """The throttled first visits to one page: each one's largest contentful paint and total
    blocking time, in milliseconds."""

    lcp_ms: list[float]
    tbt_ms: list[float]

    @property
    def median_lcp_ms(self) -> float:
        return statistics.median(self.lcp_ms)

    @property
    def median_tbt_ms(self) -> float:
        return statistics.median(self.tbt_ms)


@dataclass(frozen=True)
class SiteTransfers:
    """A first visit to a page of each kind (`KINDS`) in each language, keyed by `label`; one
    search from a profile through the search module and one through the header's dialog; the
    throttled timings of each page."""

    languages: dict[str, str]
    first_visit: dict[str, Transfer]
    search: Transfer
    search_results: int
    dialog_search: Transfer
    dialog_results: int
    timings: dict[str, Timing]


def label(folder: str, kind: str) -> str:
    """How a page is named in the report: its kind, after its language's folder (`es/home`)."""
    return folder + kind


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


def measure_site(
    site: Path, catalog: Catalog, languages: dict[str, str], visits: int
) -> SiteTransfers:
    """Open each page of `pages_to_visit` in each language's folder (`languages` maps each
    language's code to its folder: `""`, `"es/"`) in a fresh browser context, search from the
    profile for its school's name, twice, then open each page `visits` times throttled."""
    english = pages_to_visit(catalog)
    pages = {
        label(folder, kind): folder + english[kind]
        for folder in languages.values()
        for kind in KINDS
    }
    profile_school = english["profile"].rstrip("/").rsplit("/", 1)[-1]
    name = catalog.schools[profile_school].name
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            headless=True,
        )
        try:
            first_visits = {page: _first_visit(browser, site, url) for page, url in pages.items()}
            search, found = _search(browser, site, english["profile"], name)
            dialog, shown = _dialog_search(browser, site, english["profile"], name)
            timings = throttled_timings(browser, site, pages, visits)
        finally:
            browser.close()
    return SiteTransfers(
        languages=languages,
        first_visit=first_visits,
        search=search,
        search_results=found,
        dialog_search=dialog,
        dialog_results=shown,
        timings=timings,
    )


def throttled_timings(
    browser: Browser, site: Path, pages: dict[str, str], visits: int
) -> dict[str, Timing]:
    """Each page opened `visits` times, throttled, one visit at a time (timings taken under
    throttling must not share the CPU), round after round, so that a busy moment of the machine
    falls on every page alike rather than on one."""
    lcp: dict[str, list[float]] = {page: [] for page in pages}
    tbt: dict[str, list[float]] = {page: [] for page in pages}
    with serve(site, gzip=True) as site_url:
        for _ in range(visits):
            for page, url in pages.items():
                measured = visit(browser, site_url, url, PHONE)
                lcp[page].append(measured.lcp_ms)
                tbt[page].append(measured.total_blocking_ms)
    return {page: Timing(lcp[page], tbt[page]) for page in pages if lcp[page]}


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
    context = browser.new_context(**PHONE)
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
        found, read = tab.page.evaluate(
            SEARCH, [BASE + SEARCH_MODULE, BASE + SEARCH_FOLDER, term, SEARCH_RESULTS]
        )
        tab.settle()
        return tab.transfer(before), min(found, read)
    finally:
        tab.context.close()


def _dialog_search(browser: Browser, site: Path, profile: str, name: str) -> tuple[Transfer, int]:
    """As a visitor searches: click the header's search button, type `name`, wait for the
    results. Everything fetched after the click, and how many results the dialog shows."""
    tab = _open(browser, site, profile)
    try:
        before = len(tab.responses)
        tab.page.locator(SEARCH_BUTTON).click()
        tab.page.locator(SEARCH_FIELD).press_sequentially(name)
        tab.page.locator(SEARCH_RESULT_LINKS).first.wait_for()
        tab.settle()
        shown = tab.page.locator(SEARCH_RESULT_LINKS).count()
        return tab.transfer(before), shown
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
