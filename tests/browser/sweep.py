"""Every page of a built site, opened in headless Chromium at each screen size, checked.

`sweep` opens each page in a tab that opens other pages of the same size before and after it,
but shares nothing with them that could hide a request or an error: the browser's cache is off
in that tab (every file is requested again, and seen), and the site's storage and cookies are
cleared after each page. A page opened in a tab already there costs far less than one opened in
a browser context of its own (a new context starts a new renderer process each time). Each page
is scrolled to its end so that lazy content loads, the network left to go quiet, then the checks
of `page_checks` run:

- `axe`: axe-core's WCAG 2.0/2.1/2.2 A and AA rules, at every screen size;
- `phone`: no sideways scrolling, tap targets, readable text, at phone sizes;
- `privacy`: no request to another host, no console error, no fetch of the sitemap;
- `search`: nothing of the site's search (its index under `search/`, or the module that reads
  it) loads before a visitor searches.

One browser serves the whole sweep, with a few pages open side by side. It runs on the
asynchronous Playwright API in a thread of its own, so it can be called from tests while the
synchronous browser of the other browser tests is open.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import ConsoleMessage, Error, Page, Request, async_playwright

from benchmarks.static_server import serve
from browser import page_checks
from browser.conftest import Screen, context_options, launch_options

# Pages open at once. Two cores: more only makes each page slower.
WORKERS = 4
QUIET_SECONDS = 0.3
SETTLE_TIMEOUT_SECONDS = 15


@dataclass(frozen=True)
class Finding:
    """One problem a check found on one page at one screen size."""

    page: str
    screen: str
    check: str
    problem: str

    def __str__(self) -> str:
        return f"/{self.page} at {self.screen}: {self.problem}"


@dataclass(frozen=True)
class SweepResult:
    visited: frozenset[tuple[str, str]]
    findings: tuple[Finding, ...]

    def of(self, check: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.check == check]


def html_pages(site_dir: Path) -> list[str]:
    """The site path (`schools/x/`, `404.html`) of every HTML file in a built site."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


def sweep(
    site_dir: Path, pages: Sequence[str], screens: Iterable[Screen], workers: int = WORKERS
) -> SweepResult:
    """Serve `site_dir`, open each of `pages` at each of `screens` and run every check, with
    `workers` tabs of each screen size side by side."""
    screens = tuple(screens)
    findings = on_every_page(
        site_dir, pages, screens, _check_page, reuse_tabs=True, workers=workers
    )
    # What was checked, from the checks that finished, not from what was asked.
    visited = frozenset((f.page, f.screen) for f in findings if f.check == "visited")
    return SweepResult(visited, tuple(f for f in findings if f.check != "visited"))


# A check of one page: given a fresh tab, the site's address, the page's path and the screen,
# it opens the page and returns what it found.
PageCheck = Callable[[Page, str, str, Screen], Awaitable[list[Finding]]]


def on_every_page(
    site_dir: Path,
    pages: Sequence[str],
    screens: Iterable[Screen],
    check: PageCheck,
    *,
    reuse_tabs: bool = False,
    workers: int = WORKERS,
) -> list[Finding]:
    """Serve `site_dir` and run `check` on each of `pages` at each of `screens`, `workers` at a
    time in one browser: each in a fresh browser context, or with `reuse_tabs` in a tab each
    worker keeps for each screen, its cache off and the site's storage cleared after each page."""
    jobs = [(page, screen) for page in pages for screen in screens]
    with serve(site_dir) as base, ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _run(base, jobs, check, reuse_tabs, workers)).result()


async def _run(
    base: str, jobs: list[tuple[str, Screen]], check: PageCheck, reuse_tabs: bool, workers: int
) -> list[Finding]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        queue: asyncio.Queue[tuple[int, str, Screen]] = asyncio.Queue()
        for number, (page, screen) in enumerate(jobs):
            queue.put_nowait((number, page, screen))
        found: dict[int, list[Finding]] = {}

        async def fresh_tab(screen: Screen) -> Page:
            context = await browser.new_context(**context_options(screen))
            tab = await context.new_page()
            if reuse_tabs:
                # The cache off: a file an earlier page fetched is requested again, and seen.
                devtools = await context.new_cdp_session(tab)
                await devtools.send("Network.enable")
                await devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
            return tab

        async def worker() -> None:
            tabs: dict[Screen, Page] = {}
            try:
                while not queue.empty():
                    number, page, screen = queue.get_nowait()
                    tab = tabs.get(screen) or await fresh_tab(screen)
                    try:
                        found[number] = await check(tab, base, page, screen)
                    finally:
                        if reuse_tabs:
                            tabs[screen] = tab
                            await _forget(tab)
                        else:
                            await tab.context.close()
            finally:
                for tab in tabs.values():
                    await tab.context.close()

        await asyncio.gather(*(worker() for _ in range(workers)))
        await browser.close()
    return [finding for number in sorted(found) for finding in found[number]]


async def _forget(tab: Page) -> None:
    """Clear what the page left in its tab's browser context for the next page to find: the
    site's storage of every kind, and cookies."""
    address = urlsplit(tab.url)
    if address.scheme not in ("http", "https"):
        return
    origin = f"{address.scheme}://{address.netloc}"
    await tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    devtools = await tab.context.new_cdp_session(tab)
    await devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    await devtools.detach()
    await tab.context.clear_cookies()


async def _check_page(tab: Page, base: str, path: str, screen: Screen) -> list[Finding]:
    recorder = _Recorder(tab)
    try:
        return await _checks(tab, recorder, base, path, screen)
    finally:
        # The next page in this tab has a recorder of its own.
        recorder.detach()


async def _checks(
    tab: Page, recorder: _Recorder, base: str, path: str, screen: Screen
) -> list[Finding]:
    response = await tab.goto(base + path)
    # Not a problem: the mark that this page was opened and every check ran to its end.
    findings: list[Finding] = [Finding(path, screen.name, "visited", "")]
    if response is None or not response.ok:
        status = f"HTTP {response.status}" if response else "no response"
        findings.append(Finding(path, screen.name, "load", status))
    # Checked as a visitor meets it once its scripts, requested after the first paint, have run.
    await tab.wait_for_function("document.documentElement.dataset.scripts === 'run'")
    await tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    await recorder.settle()
    privacy = recorder.problems(base)
    search = recorder.search_loads()
    await tab.evaluate(page_checks.AXE_SOURCE)
    axe: list[str] = await tab.evaluate(page_checks.AXE_VIOLATIONS, page_checks.WCAG_TAGS)
    phone: list[str] = []
    if screen.is_phone:
        await tab.evaluate("window.scrollTo(0, 0)")
        phone += await tab.evaluate(page_checks.SIDEWAYS_OVERFLOW)
        phone += await tab.evaluate(page_checks.SMALL_TAP_TARGETS, page_checks.MIN_TARGET_PX)
        phone += await tab.evaluate(
            page_checks.UNREADABLE_TEXT,
            [page_checks.MIN_TEXT_PX, page_checks.MIN_BODY_TEXT_PX],
        )
    tables: list[str] = await tab.evaluate(page_checks.TABLES)
    for check, problems in (
        ("axe", axe),
        ("phone", phone),
        ("privacy", privacy),
        ("search", search),
        ("tables", tables),
    ):
        findings += [Finding(path, screen.name, check, problem) for problem in problems]
    return findings


class _Recorder:
    """Every request a tab makes and every error it prints."""

    def __init__(self, tab: Page) -> None:
        self.tab = tab
        self.requests: list[Request] = []
        self.pending: set[Request] = set()
        self.errors: list[str] = []
        tab.on("request", self._started)
        tab.on("requestfinished", self._ended)
        tab.on("requestfailed", self._ended)
        tab.on("console", self._printed)
        tab.on("pageerror", self._crashed)

    def detach(self) -> None:
        self.tab.remove_listener("request", self._started)
        self.tab.remove_listener("requestfinished", self._ended)
        self.tab.remove_listener("requestfailed", self._ended)
        self.tab.remove_listener("console", self._printed)
        self.tab.remove_listener("pageerror", self._crashed)

    def _printed(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "assert"}:
            self.errors.append(f"console.{message.type}: {message.text}")

    def _crashed(self, error: Error) -> None:
        self.errors.append(f"uncaught {error.name}: {error.message}")

    def _started(self, request: Request) -> None:
        self.requests.append(request)
        self.pending.add(request)

    def _ended(self, request: Request) -> None:
        self.pending.discard(request)

    async def settle(self) -> None:
        """Wait until no request is under way and none has started for a moment."""
        deadline = time.monotonic() + SETTLE_TIMEOUT_SECONDS
        seen, quiet_since = -1, time.monotonic()
        while time.monotonic() - quiet_since < QUIET_SECONDS:
            if time.monotonic() > deadline:
                self.errors.append(f"still loading: {[r.url for r in self.pending]}")
                return
            if self.pending or len(self.requests) != seen:
                seen, quiet_since = len(self.requests), time.monotonic()
            await asyncio.sleep(0.05)

    def search_loads(self) -> list[str]:
        """What the page fetched of a site search: its index grows with the site, so a page
        loads none of it until a visitor searches."""
        paths = [urlsplit(r.url).path for r in self.requests]
        return [
            f"loaded search before any search: {path}"
            for path in paths
            if "/search/" in path or path.endswith("/search-index.js")
        ]

    def problems(self, base: str) -> list[str]:
        own = urlsplit(base).netloc
        foreign = [r.url for r in self.requests if urlsplit(r.url).netloc not in ("", own)]
        # The sitemap lists every page: a page that fetches it grows with every school.
        sitemap = [r.url for r in self.requests if urlsplit(r.url).path.endswith("sitemap.xml")]
        return (
            [f"asked another host for {url}" for url in foreign]
            + [f"fetched the sitemap {url}" for url in sitemap]
            + self.errors
        )
