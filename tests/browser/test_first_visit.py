"""A first visit on a slow phone stays within budget, on every kind of page, in both languages.

One page of each kind, chosen from the data, is opened once each, one after the other (timings
taken under throttling must not share the CPU), cold, at phone size, on Lighthouse's slow 4G
with a 4× CPU slowdown (`benchmarks.throttled_visit`), from a server that gzips text as any static
host does. The negative control adds a heavy script to every page of a copy of the site and
sees each budget name the pages it measured there.

What is checked here holds by construction, whatever the machine's speed: no script blocks
rendering, nothing but the page and its styles is requested before the first paint, nothing of
search loads, and the bytes after gzip. Largest contentful paint and total blocking time are
timings: they are measured here and printed, never judged by a test (README, "Performance");
`make bench` judges them, from the same visit (`benchmarks.throttled_visit`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from benchmarks.static_server import serve
from benchmarks.throttled_visit import (
    HEAVY_SCRIPT,
    FirstVisit,
    Resource,
    add_heavy_script,
    needed_for_paint,
    visit,
)
from browser.conftest import PHONE, context_options, real_pages
from showcase.data.catalog import Catalog

# Bytes after gzip of everything a first visit fetches until it is quiet. Slow 4G delivers
# about 180 KB a second, so this is half a second of transfer; the heaviest page today, the
# Spanish About page, fetches 75 KB (Material's CSS and JavaScript about 60 KB of it), which
# leaves room for content to grow but not for a library or a picture.
TRANSFER_BUDGET_BYTES = 90 * 1024

# What only a search needs, a folder or a file: never fetched by a page that was only opened,
# painted or not. The site's search index (`search/`, in each language) and its module.
ON_DEMAND = {"search", "search-index.js"}

KINDS = ("home", "directory", "cohort", "pillar", "profile", "story", "year", "about")


def first_visit_pages(catalog: Catalog) -> list[str]:
    """A page of each kind, English then Spanish: its home, the directory, a cohort, a pillar,
    a school, a story, a Week of Action year and the hand-written About page."""
    english = real_pages(catalog)
    pages = [english[kind] for kind in KINDS]
    return pages + ["es/" + page for page in pages]


def budget_problems(visit: FirstVisit) -> dict[str, list[str]]:
    """What of each budget a visit broke, each line naming the page."""
    page = "/" + visit.url
    problems: dict[str, list[str]] = {
        "blocking": [],
        "early": [],
        "bytes": [],
    }
    for script in visit.render_blocking_scripts():
        problems["blocking"].append(f"{page}: render-blocking script {script}")
    for resource in visit.fetched_before_paint():
        if not needed_for_paint(resource):
            problems["early"].append(
                f"{page}: {resource.path} ({resource.initiator}) requested before the page was "
                f"painted ({resource.start_ms:.0f} ms < {visit.fcp_ms:.0f} ms)"
            )
    for resource in visit.resources:
        if set(resource.path.split("/")) & ON_DEMAND:
            problems["early"].append(
                f"{page}: {resource.path} ({resource.initiator}) fetched before anyone searched"
            )
    if visit.transfer_bytes >= TRANSFER_BUDGET_BYTES:
        heaviest = sorted(visit.resources, key=lambda r: -r.bytes)[:3]
        problems["bytes"].append(
            f"{page}: {visit.transfer_bytes:,} bytes after gzip, over {TRANSFER_BUDGET_BYTES:,}; "
            + ", ".join(f"{r.path} {r.bytes:,}" for r in heaviest)
        )
    return problems


def summary(visits: list[FirstVisit]) -> str:
    return "\n".join(
        f"/{v.url}: LCP {v.lcp_ms:.0f} ms, TBT {v.total_blocking_ms:.0f} ms, "
        f"{v.transfer_bytes:,} bytes gzip in {len(v.resources)} requests"
        for v in visits
    )


def measure(browser: Browser, site_dir: Path, pages: list[str]) -> list[FirstVisit]:
    with serve(site_dir, gzip=True) as site_url:
        return [visit(browser, site_url, page, context_options(PHONE)) for page in pages]


@pytest.fixture(scope="module")
def first_visits(browser: Browser, site_dir: Path, catalog: Catalog) -> list[FirstVisit]:
    visits = measure(browser, site_dir, first_visit_pages(catalog))
    print("\n" + summary(visits))
    return visits


def _all(visits: list[FirstVisit], budget: str) -> list[str]:
    return [line for v in visits for line in budget_problems(v)[budget]]


def test_every_kind_of_page_in_both_languages_is_measured(
    first_visits: list[FirstVisit], catalog: Catalog
) -> None:
    assert [v.url for v in first_visits] == first_visit_pages(catalog)
    assert len({v.url for v in first_visits}) == 2 * len(KINDS)
    assert all(v.lcp_ms > 0 for v in first_visits), summary(first_visits)


def test_no_script_blocks_rendering(first_visits: list[FirstVisit]) -> None:
    problems = _all(first_visits, "blocking")
    assert problems == [], "\n".join(problems)


def test_nothing_but_the_page_and_its_styles_is_fetched_before_it_is_painted(
    first_visits: list[FirstVisit],
) -> None:
    problems = _all(first_visits, "early")
    assert problems == [], "\n".join(problems)


def test_first_visit_transfer_within_budget(first_visits: list[FirstVisit]) -> None:
    problems = _all(first_visits, "bytes")
    assert problems == [], "\n".join(problems)


def test_the_early_budget_names_what_of_search_a_page_fetched() -> None:
    # Negative control of the search part of the "early" budget, on a visit made up here: the
    # page and its search button's script pass; the index's files and the module that reads
    # them, in either language, are each named.
    page_files = ["es/schools/x/", "es/assets/search.js"]
    search_files = ["es/search/index.json", "search/words/sch.json", "assets/search-index.js"]
    made_up = FirstVisit(
        url="es/schools/x/",
        lcp_ms=100,
        fcp_ms=100,
        long_tasks=[],
        resources=[Resource(p, "script", 200, 1000, False) for p in page_files + search_files],
        blocking_head_scripts=[],
        icons=[],
    )
    early = budget_problems(made_up)["early"]
    assert [line.split(" ")[1] for line in early] == search_files, early


@pytest.fixture(scope="module")
def heavy_site(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return add_heavy_script(site_dir, tmp_path_factory.mktemp("heavy") / "site")


def test_each_budget_names_the_pages_made_heavy_on_purpose(
    browser: Browser, heavy_site: Path, catalog: Catalog
) -> None:
    pages = first_visit_pages(catalog)
    # Two pages, one a language, keep the control short: every page has the same script.
    measured = [pages[KINDS.index("profile")], pages[len(KINDS)]]
    visits = measure(browser, heavy_site, measured)
    for budget in ("blocking", "bytes"):
        problems = _all(visits, budget)
        for page in measured:
            assert [line for line in problems if line.startswith(f"/{page}: ")], (budget, page)
    early = "\n".join(_all(visits, "early"))
    for page in measured:
        assert f"/{page}: {HEAVY_SCRIPT} (script)" in early, (page, early)
    print("\n" + summary(visits))
    for budget in ("blocking", "early", "bytes"):
        print("\n".join(_all(visits, budget)))
