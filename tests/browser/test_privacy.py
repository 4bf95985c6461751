"""Private and fast: a page asks nothing of any other host, prints no error, and a school profile
stays small."""

from __future__ import annotations

import pytest

from browser.conftest import (
    DESKTOP,
    PAGE_KINDS,
    PHONE,
    SCREENS,
    OpenedPages,
    Screen,
    Visit,
    VisitFactory,
)

# The theme's own files, the same on every page and cached after the first one.
SHARED_ASSETS = ("assets/javascripts/", "assets/stylesheets/", "search/")
PROFILE_BUDGET_BYTES = 100 * 1024


def visit_everything(visit: Visit, url: str) -> None:
    """Open a page, scroll to its end so lazy images load too, and wait until it is quiet."""
    visit.open(url)
    visit.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    visit.settle()


def transferred(visit: Visit) -> dict[str, int]:
    """Response body bytes of each file the page fetched from the site, shared assets aside."""
    sizes: dict[str, int] = {}
    for request in visit.requests:
        if not request.url.startswith(visit.site_url) or request.failure is not None:
            continue
        path = visit.site_path(request.url.split("?")[0])
        if not path.startswith(SHARED_ASSETS):
            sizes[path] = sizes.get(path, 0) + request.sizes()["responseBodySize"]
    return sizes


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.name)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_asks_no_other_host_and_prints_no_error(
    kind: str, screen: Screen, opened_pages: OpenedPages
) -> None:
    visit = opened_pages.get(kind, screen)
    visit.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    visit.settle()
    assert len(visit.requests) > 1, "the recorder saw the page's own files"
    assert visit.foreign_requests() == []
    assert visit.console_errors() == []
    # The sitemap lists every page: a page that fetches it grows heavier with every school.
    assert not [r.url for r in visit.requests if r.url.endswith("sitemap.xml")]


def test_school_profile_transfers_under_100_kb(
    new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(PHONE, fresh_context=True)
    visit_everything(visit, page_urls["profile"])
    sizes = transferred(visit)
    assert page_urls["profile"] in sizes, sizes
    assert sum(sizes.values()) < PROFILE_BUDGET_BYTES, sizes


def test_the_checks_catch_another_host_an_error_and_a_heavy_page(
    new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(DESKTOP, fresh_context=True)
    visit_everything(visit, page_urls["profile"])
    tracker = "http://203.0.113.1/pixel.png"
    # Never let it out, even though the browser's own guard would stop it too.
    visit.page.route(tracker, lambda route: route.abort())
    with visit.page.expect_event("requestfailed"):
        visit.page.locator("article").evaluate(
            "(article, src) => article.insertAdjacentHTML('beforeend', `<img src=${src} alt=''>`)",
            tracker,
        )
    visit.page.evaluate("console.error('something broke')")
    # The page pulls in copies of the directory until it is past the budget.
    visit.page.evaluate(
        """async ([site, budget]) => {
             for (let n = 1, total = 0; total <= budget; n++)
               total += (await (await fetch(`${site}schools/?copy=${n}`)).text()).length;
           }""",
        [visit.site_url, PROFILE_BUDGET_BYTES],
    )
    visit.settle()
    assert visit.foreign_requests() == [tracker]
    assert any("something broke" in error for error in visit.console_errors())
    assert sum(transferred(visit).values()) >= PROFILE_BUDGET_BYTES
