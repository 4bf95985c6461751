"""Every page of a built site, opened in headless Chromium at each screen size, checked.

`sweep` opens each page in a fresh browser context (no cache, storage or tab shared with any
other visit), scrolls to its end so that lazy content loads, waits until the network is quiet,
then runs the checks of `page_checks`:

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

from playwright.async_api import Page, Request, async_playwright

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


def sweep(site_dir: Path, pages: Sequence[str], screens: Iterable[Screen]) -> SweepResult:
    """Serve `site_dir`, open each of `pages` at each of `screens` and run every check."""
    screens = tuple(screens)
    findings = on_every_page(site_dir, pages, screens, _check_page)
    # What was checked, from the checks that finished, not from what was asked.
    visited = frozenset((f.page, f.screen) for f in findings if f.check == "visited")
    return SweepResult(visited, tuple(f for f in findings if f.check != "visited"))


# A check of one page: given a fresh tab, the site's address, the page's path and the screen,
# it opens the page and returns what it found.
PageCheck = Callable[[Page, str, str, Screen], Awaitable[list[Finding]]]


def on_every_page(
    site_dir: Path, pages: Sequence[str], screens: Iterable[Screen], check: PageCheck
) -> list[Finding]:
    """Serve `site_dir` and run `check` on each of `pages` at each of `screens`, each in a
    fresh browser context, a few side by side in one browser."""
    jobs = [(page, screen) for page in pages for screen in screens]
    with serve(site_dir) as base, ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, _run(base, jobs, check)).result()


async def _run(base: str, jobs: list[tuple[str, Screen]], check: PageCheck) -> list[Finding]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options())
        queue: asyncio.Queue[tuple[int, str, Screen]] = asyncio.Queue()
        for number, (page, screen) in enumerate(jobs):
            queue.put_nowait((number, page, screen))
        found: dict[int, list[Finding]] = {}

        async def worker() -> None:
            # Every page gets a browser context of its own: no cache, storage or history from
            # another visit can hide a request or an error.
            while not queue.empty():
                number, page, screen = queue.get_nowait()
                context = await browser.new_context(**context_options(screen))
                try:
                    found[number] = await check(await context.new_page(), base, page, screen)
                finally:
                    await context.close()

        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        await browser.close()
    return [finding for number in sorted(found) for finding in found[number]]


async def _check_page(tab: Page, base: str, path: str, screen: Screen) -> list[Finding]:
    recorder = _Recorder(tab)
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
        self.requests: list[Request] = []
        self.pending: set[Request] = set()
        self.errors: list[str] = []
        tab.on("request", self._started)
        tab.on("requestfinished", self._ended)
        tab.on("requestfailed", self._ended)
        tab.on(
            "console",
            lambda m: (
                self.errors.append(f"console.{m.type}: {m.text}")
                if m.type in {"error", "assert"}
                else None
            ),
        )
        tab.on("pageerror", lambda e: self.errors.append(f"uncaught {e.name}: {e.message}"))

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
