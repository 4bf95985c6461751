"""The built site served on 127.0.0.1 and opened in Debian's Chromium, headless.

One browser runs for this package of tests (closed before other tests start their own: the
Playwright sync API allows one at a time); every test gets fresh tabs that record each request
and console message. Requests to any other host are recorded, then fail, so no test leaves the
machine.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
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

from benchmarks.static_server import serve
from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.models import Pillar, School

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


def launch_options() -> dict[str, Any]:
    """How every test and script starts Debian's Chromium. Every host but this machine goes
    through a proxy that is not there, so whatever a page asks of another host is seen and
    fails before it leaves."""
    return {
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "headless": True,
        "proxy": {"server": "http://127.0.0.1:1", "bypass": "127.0.0.1"},
    }


def context_options(screen: Screen) -> dict[str, Any]:
    """A browser context the size of `screen`, a phone's or a desktop's."""
    return {
        "viewport": {"width": screen.width, "height": screen.height},
        "is_mobile": screen.is_phone,
        "has_touch": screen.is_phone,
        "locale": "en-US",
        "service_workers": "block",
    }


# Every kind of page on the site, for the tests that walk through one page of each kind (the
# skip link, the screenshots); `page_urls` picks a real page of each kind from the data. The
# checks that only look run on every page instead (test_every_page.py).
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


@pytest.fixture(scope="package")
def site_url(site_dir: Path) -> Iterator[str]:
    """The address of the built site, served from a free port on 127.0.0.1."""
    with serve(site_dir) as address:
        yield address


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
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
        """Open the page at a site URL like `schools/`, and wait until it has loaded and its
        scripts, requested after the first paint (`overrides/base.html`), have run."""
        response = self.page.goto(self.site_url + url)
        assert response is not None, url
        assert response.ok, f"{url}: HTTP {response.status}"
        self.page.wait_for_function("document.documentElement.dataset.scripts === 'run'")

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
    def __call__(self, screen: Screen) -> Visit: ...


@pytest.fixture
def new_visit(browser: Browser, site_url: str) -> Iterator[VisitFactory]:
    """Opens tabs at a screen size, each in a browser context of its own: no cache, storage or
    history shared with any other tab or test, so tests pass in any order."""
    contexts: list[BrowserContext] = []

    def open_tab(screen: Screen) -> Visit:
        context = browser.new_context(**context_options(screen))
        contexts.append(context)
        page = context.new_page()
        page.bring_to_front()
        return Visit(page, site_url, screen)

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def visit(new_visit: VisitFactory) -> Visit:
    """A fresh tab at desktop size."""
    return new_visit(DESKTOP)


def featured_school(catalog: Catalog) -> School:
    """The school the browser tests walk through: in a cohort and with the most stories."""
    candidates = [
        s for s in catalog.schools.values() if s.cohorts and s.slug in catalog.stories_by_school
    ]
    assert candidates, "the real data has no school with both a cohort and a story"
    return max(candidates, key=lambda school: len(catalog.stories_by_school[school.slug]))


def real_pages(catalog: Catalog) -> dict[str, str]:
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


@pytest.fixture(scope="session")
def page_urls(catalog: Catalog) -> dict[str, str]:
    return real_pages(catalog)
