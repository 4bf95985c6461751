"""The built site served on 127.0.0.1 and opened in Debian's Chromium, headless.

One browser runs for this package of tests (closed before other tests start their own: the
Playwright sync API allows one at a time); every test gets fresh tabs that record each request
and console message. Requests to any other host are recorded, then fail, so no test leaves the
machine.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Request,
    sync_playwright,
)

from showcase import urls
from showcase.catalog import Catalog
from showcase.models import Pillar, School

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls Google hosts on its own.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Screen:
    name: str
    width: int
    height: int

    @property
    def is_phone(self) -> bool:
        return self.width < 600


PHONE = Screen("phone", 360, 800)
DESKTOP = Screen("desktop", 1280, 800)
SCREENS = (PHONE, DESKTOP)

# Every kind of page on the site; `page_urls` picks one real page of each kind from the data.
SPANISH_KINDS = ("home", "directory", "profile", "story", "about")
PAGE_KINDS = (
    "home",
    "directory",
    "profile",
    "cohorts",
    "cohort",
    "weeks",
    "year",
    "story",
    "pillars",
    "pillar",
    "about",
    # The same kinds in Spanish, whose longer words must fit a phone too.
    "es-home",
    "es-directory",
    "es-profile",
    "es-story",
    "es-about",
)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A tab closed halfway through a download is no error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="package")
def site_url(site_dir: Path) -> Iterator[str]:
    """The address of the built site, served from a free port on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            # Every host but this machine goes through a proxy that is not there, so whatever
            # a page asks of another host is seen by the tests and fails before it leaves.
            proxy={"server": "http://127.0.0.1:1", "bypass": "127.0.0.1"},
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """One browser tab on the site, with everything it asked for and printed."""

    page: Page
    site_url: str
    screen: Screen
    requests: list[Request] = field(default_factory=list, init=False)
    console: list[ConsoleMessage] = field(default_factory=list, init=False)
    page_errors: list[str] = field(default_factory=list, init=False)
    _pending: set[Request] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._ended)
        self.page.on("requestfailed", self._ended)
        self.page.on("console", self._printed)
        self.page.on("pageerror", self._crashed)

    def _started(self, request: Request) -> None:
        self.requests.append(request)
        self._pending.add(request)

    def _ended(self, request: Request) -> None:
        self._pending.discard(request)

    def _printed(self, message: ConsoleMessage) -> None:
        self.console.append(message)

    def _crashed(self, error: Error) -> None:
        self.page_errors.append(f"uncaught {error.name}: {error.message}")

    def open(self, url: str) -> None:
        """Open the page at a site URL like `schools/`, and wait until it has loaded."""
        response = self.page.goto(self.site_url + url)
        assert response is not None, url
        assert response.ok, f"{url}: HTTP {response.status}"

    def site_path(self, address: str) -> str:
        """The site URL (like `schools/x/`) of an absolute address on this site."""
        assert address.startswith(self.site_url), address
        return urlsplit(address).path.lstrip("/").removesuffix("index.html")

    def settle(self, quiet_seconds: float = 0.3, timeout_seconds: float = 10) -> None:
        """Wait until every request the page made has ended and no new one started for a
        moment: lazy images and the search index come after the `load` event."""
        deadline = time.monotonic() + timeout_seconds
        seen, quiet_since = -1, time.monotonic()
        while time.monotonic() - quiet_since < quiet_seconds:
            assert time.monotonic() < deadline, [r.url for r in self._pending]
            if self._pending or len(self.requests) != seen:
                seen, quiet_since = len(self.requests), time.monotonic()
            self.page.wait_for_timeout(50)

    def foreign_requests(self) -> list[str]:
        """Addresses this tab asked for on any host but the site's own."""
        own = urlsplit(self.site_url).netloc
        return [r.url for r in self.requests if urlsplit(r.url).netloc not in ("", own)]

    def console_errors(self) -> list[str]:
        errors = [
            f"console.{m.type}: {m.text} ({m.location['url']})"
            for m in self.console
            if m.type in {"error", "assert"}
        ]
        return errors + self.page_errors


class VisitFactory(Protocol):
    def __call__(self, screen: Screen, *, fresh_context: bool = False) -> Visit: ...


@pytest.fixture(scope="package")
def shared_contexts(browser: Browser) -> Iterator[dict[Screen, BrowserContext]]:
    """One browser context per screen size, shared by the tests that need no empty cache."""
    contexts: dict[Screen, BrowserContext] = {}
    yield contexts
    for context in contexts.values():
        context.close()


def _new_context(browser: Browser, screen: Screen) -> BrowserContext:
    return browser.new_context(
        viewport={"width": screen.width, "height": screen.height},
        is_mobile=screen.is_phone,
        has_touch=screen.is_phone,
        locale="en-US",
        service_workers="block",
    )


def _shared_context(
    browser: Browser, shared_contexts: dict[Screen, BrowserContext], screen: Screen
) -> BrowserContext:
    if screen not in shared_contexts:
        shared_contexts[screen] = _new_context(browser, screen)
    return shared_contexts[screen]


@pytest.fixture
def new_visit(
    browser: Browser, shared_contexts: dict[Screen, BrowserContext], site_url: str
) -> Iterator[VisitFactory]:
    """Opens fresh tabs at a screen size; `fresh_context` gives one its own empty cache and
    storage, for checks that must see every request a first visit makes."""
    opened: list[Page] = []
    own_contexts: list[BrowserContext] = []

    def open_tab(screen: Screen, *, fresh_context: bool = False) -> Visit:
        if fresh_context:
            context = _new_context(browser, screen)
            own_contexts.append(context)
        else:
            context = _shared_context(browser, shared_contexts, screen)
        page = context.new_page()
        page.bring_to_front()
        opened.append(page)
        return Visit(page, site_url, screen)

    yield open_tab
    for page in opened:
        page.close()
    for context in own_contexts:
        context.close()


@pytest.fixture
def visit(new_visit: VisitFactory) -> Visit:
    """A fresh tab at desktop size."""
    return new_visit(DESKTOP)


class OpenedPages:
    """One tab per kind of page and screen, opened on first use and kept open for these tests.

    The checks that only look (axe, phone fit, requests, screenshots, the skip link) share
    these tabs, so that each page loads once per screen rather than once per check; tests that
    type, click or change the page open their own tab with `new_visit`.
    """

    def __init__(self, open_tab: Callable[[Screen], Visit], page_urls: dict[str, str]) -> None:
        self._open_tab = open_tab
        self._page_urls = page_urls
        self._visits: dict[tuple[str, Screen], Visit] = {}

    def get(self, kind: str, screen: Screen) -> Visit:
        if (kind, screen) not in self._visits:
            visit = self._open_tab(screen)
            visit.open(self._page_urls[kind])
            self._visits[kind, screen] = visit
        visit = self._visits[kind, screen]
        # A tab in the background paints and runs its timers slowly, if at all.
        visit.page.bring_to_front()
        return visit


@pytest.fixture(scope="package")
def opened_pages(
    browser: Browser,
    shared_contexts: dict[Screen, BrowserContext],
    site_url: str,
    page_urls: dict[str, str],
) -> OpenedPages:
    def open_tab(screen: Screen) -> Visit:
        return Visit(_shared_context(browser, shared_contexts, screen).new_page(), site_url, screen)

    return OpenedPages(open_tab, page_urls)


def featured_school(catalog: Catalog) -> School:
    """The school the browser tests walk through: in a cohort and with the most stories."""
    candidates = [
        s for s in catalog.schools.values() if s.cohorts and s.slug in catalog.stories_by_school
    ]
    assert candidates, "the real data has no school with both a cohort and a story"
    return max(candidates, key=lambda school: len(catalog.stories_by_school[school.slug]))


@pytest.fixture(scope="session")
def page_urls(catalog: Catalog) -> dict[str, str]:
    """One real page of each kind in `PAGE_KINDS`, chosen from the data."""
    school = featured_school(catalog)
    pillar = max(Pillar, key=lambda p: len(catalog.schools_by_pillar.get(p, [])))
    english = {
        "home": urls.HOME,
        "directory": urls.SCHOOLS,
        "profile": urls.school(school.slug),
        "cohorts": urls.COHORTS,
        "cohort": urls.cohort(school.cohorts[0].cohort),
        "weeks": urls.WEEKS,
        "year": urls.week(next(iter(catalog.weeks))),
        "story": urls.story(catalog.stories_by_school[school.slug][0].slug),
        "pillars": urls.PILLARS,
        "pillar": urls.pillar(pillar),
        "about": urls.ABOUT,
    }
    return english | {f"es-{kind}": "es/" + english[kind] for kind in SPANISH_KINDS}
