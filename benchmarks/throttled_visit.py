"""A first visit to one page on a slow phone, measured the way Lighthouse's mobile preset does.

Each visit opens a fresh browser context at phone size (no cache), throttles it through the
Chrome DevTools Protocol to Lighthouse's `mobileSlow4G` values as DevTools throttling applies
them (`throttling.mobileSlow4G` in Lighthouse's `config/constants.js`: 150 ms × 3.75 request
latency, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up, 4× CPU slowdown), and reads what the page
itself recorded: paint timings, long tasks and Resource Timing entries.

One implementation for both users: `tests/browser/test_first_visit.py` judges what holds by
construction (no render-blocking script, nothing early, bytes), and `make bench`
(`benchmarks.first_visit`) judges the two timings, largest contentful paint and total blocking
time, as medians of several visits. `add_heavy_script` makes the negative control of both.
"""

from __future__ import annotations

import base64
import os
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Request


def _kbps(kilobits: float) -> float:
    """Bytes a second, as `Network.emulateNetworkConditions` wants them."""
    return kilobits * 1024 / 8


SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": _kbps(1474.56),
    "uploadThroughput": _kbps(675),
}
CPU_SLOWDOWN = 4
# The page is quiet, and measuring stops, once no request has been in flight and no long task
# has run for this long; a page that never settles is cut off at the limit.
QUIET_MS = 500
LIMIT_MS = 12_000
LONG_TASK_MS = 50

# Registered before any script of the page runs, so that nothing it does goes unseen.
OBSERVERS = """
window.__firstVisit = { lcp: [], longTasks: [] };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__firstVisit.lcp.push(entry.startTime);
}).observe({ type: "largest-contentful-paint", buffered: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    window.__firstVisit.longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""

# Resolves once a frame has been painted and a task run after it: by then whatever the page
# starts after its first paint (its scripts, `overrides/base.html`) has been requested.
AFTER_PAINT = """() => new Promise((done) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))"""

RECORDED = """
() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const entries = [
    ...performance.getEntriesByType("navigation"),
    ...performance.getEntriesByType("resource"),
  ];
  return {
    lcp: Math.max(0, ...window.__firstVisit.lcp),
    fcp: paint ? paint.startTime : null,
    longTasks: window.__firstVisit.longTasks,
    lastTaskEnd: Math.max(0, ...window.__firstVisit.longTasks.map(([s, d]) => s + d)),
    now: performance.now(),
    resources: entries.map((e) => ({
      url: e.name,
      initiator: e.initiatorType,
      start: e.startTime,
      bytes: e.encodedBodySize,
      renderBlocking: e.renderBlockingStatus || "",
    })),
    icons: [...document.querySelectorAll("link[rel~=icon]")].map((link) => link.href),
    blockingHeadScripts: [...document.head.querySelectorAll("script[src]")]
      .filter((s) => !s.async && !s.defer && s.type !== "module")
      .map((s) => s.src),
  };
}
"""


@dataclass(frozen=True)
class Resource:
    path: str
    initiator: str
    start_ms: float
    bytes: int
    render_blocking: bool


@dataclass(frozen=True)
class FirstVisit:
    """What one throttled first visit to `url` did."""

    url: str
    lcp_ms: float
    fcp_ms: float
    long_tasks: list[tuple[float, float]]
    resources: list[Resource]
    blocking_head_scripts: list[str]
    icons: list[str]

    @property
    def total_blocking_ms(self) -> float:
        """Lighthouse's total blocking time: of each long task after first contentful paint,
        the part over 50 ms (a task that began before it counts from it)."""
        total = 0.0
        for start, duration in self.long_tasks:
            after_paint = start + duration - max(start, self.fcp_ms)
            total += max(0.0, after_paint - LONG_TASK_MS)
        return total

    @property
    def transfer_bytes(self) -> int:
        """Bytes of every body fetched, as sent (compressed where the server compressed)."""
        return sum(resource.bytes for resource in self.resources)

    def fetched_before_paint(self) -> list[Resource]:
        """Every request that started before the page was first painted (first contentful
        paint), but the tab's icon, which the browser fetches for itself when it likes."""
        return [r for r in self.resources if r.start_ms < self.fcp_ms and r.path not in self.icons]

    def render_blocking_scripts(self) -> list[str]:
        scripts = [r.path for r in self.resources if r.render_blocking and r.initiator == "script"]
        return scripts + [path for path in self.blocking_head_scripts if path not in scripts]


def needed_for_paint(resource: Resource) -> bool:
    """The document, its stylesheets and what those stylesheets ask for (fonts, images)."""
    if resource.initiator == "navigation" or resource.initiator == "css":
        return True
    return resource.initiator == "link" and resource.path.endswith(".css")


def visit(
    browser: Browser, site_url: str, url: str, context_options: Mapping[str, Any]
) -> FirstVisit:
    """Open `url` (like `schools/x/`) of the site at `site_url` once, cold and throttled, in a
    fresh browser context made with `context_options` (a phone's screen), and wait until it is
    quiet."""
    context = browser.new_context(**context_options)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(OBSERVERS)
        in_flight: set[Request] = set()
        page.on("request", lambda request: in_flight.add(request))
        page.on("requestfinished", lambda request: in_flight.discard(request))
        page.on("requestfailed", lambda request: in_flight.discard(request))
        response = page.goto(site_url + url, wait_until="load", timeout=LIMIT_MS * 2)
        assert response is not None and response.ok, f"{url}: could not be opened"
        page.evaluate(AFTER_PAINT)
        recorded = _wait_until_quiet(page, in_flight)
    finally:
        context.close()
    return FirstVisit(
        url=url,
        lcp_ms=recorded["lcp"],
        fcp_ms=recorded["fcp"] if recorded["fcp"] is not None else recorded["lcp"],
        long_tasks=[(start, duration) for start, duration in recorded["longTasks"]],
        resources=[_resource(site_url, entry) for entry in recorded["resources"]],
        blocking_head_scripts=[_path(site_url, src) for src in recorded["blockingHeadScripts"]],
        icons=[_path(site_url, href) for href in recorded["icons"]],
    )


def _wait_until_quiet(page: Any, in_flight: set[Request]) -> dict[str, Any]:
    quiet_since = time.monotonic()
    while True:
        recorded: dict[str, Any] = page.evaluate(RECORDED)
        if in_flight:
            quiet_since = time.monotonic()
        idle_ms = min(
            (time.monotonic() - quiet_since) * 1000, recorded["now"] - recorded["lastTaskEnd"]
        )
        if idle_ms >= QUIET_MS or recorded["now"] >= LIMIT_MS:
            return recorded
        page.wait_for_timeout(100)


def _path(site_url: str, address: str) -> str:
    if not address.startswith(site_url):
        return address
    return urlsplit(address).path.lstrip("/") or "/"


def _resource(site_url: str, entry: dict[str, Any]) -> Resource:
    return Resource(
        path=_path(site_url, entry["url"]),
        initiator=entry["initiator"],
        start_ms=entry["start"],
        bytes=entry["bytes"],
        render_blocking=entry["renderBlocking"] == "blocking",
    )


# The negative control: a 300 KB script that hardly compresses, loaded synchronously in the
# head of every page, that keeps the main thread busy for 600 ms as it runs (delaying the
# paint) and again once the page has loaded (blocking whoever taps).
HEAVY_SCRIPT = "heavy.js"


def _heavy_script() -> str:
    filler = base64.b64encode(os.urandom(225 * 1024)).decode("ascii")
    return (
        f'var filler = "{filler}";\n'
        "function busy() { var end = performance.now() + 600; while (performance.now() < end); }\n"
        'busy(); addEventListener("load", function () { setTimeout(busy); });\n'
    )


def add_heavy_script(site: Path, copy: Path) -> Path:
    """A copy of the built site `site` at `copy` (hard links: fast) with the heavy script in
    every page's head; pages are written anew, never through a link into the real site."""
    shutil.copytree(site, copy, copy_function=os.link)
    (copy / HEAVY_SCRIPT).write_text(_heavy_script(), "utf-8")
    for page in copy.rglob("*.html"):
        html = page.read_text("utf-8")
        page.unlink()
        tag = f'<head><script src="/{HEAVY_SCRIPT}"></script>'
        page.write_text(html.replace("<head>", tag, 1), "utf-8")
    return copy
