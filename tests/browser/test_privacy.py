"""A school profile stays small on a phone's first visit. (That no page asks anything of another
host or prints an error is checked on every page by test_every_page.py.)"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Route

from browser.conftest import PHONE, Visit, VisitFactory

# The theme's own files, the same on every page and cached after the first one.
SHARED_ASSETS = ("assets/javascripts/", "assets/stylesheets/")
PROFILE_BUDGET_BYTES = 100 * 1024


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


def assert_within_budget(visit: Visit, url: str) -> None:
    """Open a page, scroll to its end so lazy images load too, wait until it is quiet, and
    check what it fetched beside the shared theme files."""
    visit.open(url)
    visit.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    visit.settle()
    sizes = transferred(visit)
    assert url in sizes, f"the page itself was not counted: {sizes}"
    total = sum(sizes.values())
    assert total < PROFILE_BUDGET_BYTES, f"{total} bytes, over the budget: {sizes}"


def test_school_profile_transfers_under_100_kb(
    new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    assert_within_budget(new_visit(PHONE), page_urls["profile"])


def test_the_budget_catches_a_profile_with_a_heavy_photo(
    new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(PHONE)
    profile = page_urls["profile"]

    def with_a_photo(route: Route) -> None:
        response = route.fetch()
        photo = '<img src="heavy-photo.jpg" alt="A photo of the school garden">'
        route.fulfill(
            response=response, body=response.text().replace("</article>", photo + "</article>")
        )

    visit.page.route(visit.site_url + profile, with_a_photo)
    visit.page.route(
        "**/heavy-photo.jpg",
        lambda route: route.fulfill(body=os.urandom(120 * 1024), content_type="image/jpeg"),
    )
    with pytest.raises(AssertionError, match=r"over the budget: .*heavy-photo\.jpg': \d{6}"):
        assert_within_budget(visit, profile)
