"""Getting around: from home to a story and back, site search, and the keyboard alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from browser import search_dialog
from browser.conftest import (
    DESKTOP,
    PAGE_KINDS,
    SCREENS,
    Screen,
    Visit,
    VisitFactory,
    featured_school,
)
from browser.search_dialog import distinctive_word
from showcase import urls
from showcase.data.catalog import Catalog

# Where a keyboard user should pass, in this order, tabbing through a page.
REGIONS = ("skip link", "header", "tabs", "navigation", "content", "footer")

# The element that has keyboard focus: where it is, whether it can be seen (inside the window,
# not covered, not transparent), whether it shows that it has focus, and whether it comes after
# the previous one in the document. Where it does not look right at once, it is looked at again
# once the page has reacted and what fades or slides on screen has stopped.
FOCUS_STATE = """async () => {
  const e = document.activeElement;
  const previous = window.csPreviousFocus;
  window.csPreviousFocus = e;
  if (!e || e === document.body) return null;
  const inOrder = !previous || previous === document.body
    || Boolean(previous.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
  const look = () => {
    const box = e.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const style = getComputedStyle(e);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      && !/^rgba\\(.*, 0\\)$/.test(style.outlineColor);
    return {
      description: `<${e.tagName.toLowerCase()}${e.id ? " id=" + e.id : ""}> `
        + `"${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 40)}"`,
      region: e.closest(".md-skip") ? "skip link" : e.closest(".md-header") ? "header"
        : e.closest(".md-tabs") ? "tabs" : e.closest(".md-sidebar") ? "navigation"
        : e.closest("article") ? "content" : e.closest(".md-footer") ? "footer" : "elsewhere",
      visible: box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x <= innerWidth
        && y <= innerHeight && hit !== null && (e.contains(hit) || hit.contains(e))
        && e.checkVisibility({opacityProperty: true, visibilityProperty: true}),
      indicated: outlined || style.boxShadow !== "none",
      in_order: inOrder,
    };
  };
  const first = look();
  if (first.visible && first.indicated) return first;
  // Give the page's own focus handlers a moment.
  await new Promise(done => setTimeout(done, 100));
  await Promise.all(document.getAnimations()
    .filter(a => a instanceof CSSTransition
      && ["opacity", "transform", "visibility", "translate"].includes(a.transitionProperty))
    .map(a => a.finished.catch(() => null)));
  return look();
}"""


@dataclass(frozen=True)
class FocusStop:
    description: str
    region: str
    visible: bool
    indicated: bool
    in_order: bool

    def __str__(self) -> str:
        faults = [
            fault
            for fault, ok in [
                ("cannot be seen", self.visible),
                ("shows no focus", self.indicated),
                ("comes before the previous stop", self.in_order),
            ]
            if not ok
        ]
        return f"{self.region}: {self.description} {', '.join(faults) or 'fine'}"


def next_stop(page: Page) -> FocusStop | None:
    """Press Tab; where focus went, or None once it has left the page."""
    page.keyboard.press("Tab")
    state: dict[str, Any] | None = page.evaluate(FOCUS_STATE)
    return None if state is None else FocusStop(**state)


def tab_through(page: Page, limit: int = 200) -> list[FocusStop]:
    """Every stop that Tab makes from the top of the page to the footer."""
    stops: list[FocusStop] = []
    while (stop := next_stop(page)) is not None and len(stops) < limit:
        stops.append(stop)
        if stop.region == "footer":
            break
    return stops


def test_home_to_cohort_to_school_to_story_and_back(visit: Visit, catalog: Catalog) -> None:
    school = featured_school(catalog)
    cohort = catalog.cohorts[school.cohorts[0].cohort]
    story = catalog.stories_by_school[school.slug][0]
    page, article = visit.page, visit.page.locator("article")
    visit.open(urls.HOME)
    path = [
        (page.locator(".md-tabs").get_by_role("link", name="Cohorts"), urls.COHORTS),
        (article.get_by_role("link", name=cohort.name, exact=True), urls.cohort(cohort.id)),
        (article.get_by_role("link", name=school.name, exact=True), urls.school(school.slug)),
        (article.get_by_role("link", name=story.title, exact=True), urls.story(story.slug)),
    ]
    for link, url in path:
        link.first.click()
        expect(page).to_have_url(visit.site_url + url)
    expect(page.locator("h1")).to_have_text(story.title)
    for url in [urls.school(school.slug), urls.cohort(cohort.id), urls.COHORTS, urls.HOME]:
        page.go_back()
        expect(page).to_have_url(visit.site_url + url)
    expect(page.locator("h1")).to_have_text(re.compile(r"\S"))


def find_school_by_keyboard(visit: Visit, catalog: Catalog) -> None:
    """From the About page, search for a word of a school's name with the keyboard only, and
    go to its profile; the word is marked in the results and on the profile."""
    school = featured_school(catalog)
    word = distinctive_word(school, catalog)
    visit.open(urls.ABOUT)
    # Nothing of the search index loads before the visitor searches.
    assert [r.url for r in visit.requests if "/search/" in r.url] == []
    links = search_dialog.search(visit.page, word)
    profile = "/" + urls.school(school.slug)
    expect(links.locator(f"xpath=self::*[starts-with(@href, '{profile}')]")).not_to_have_count(0)
    # The words found are marked in the results.
    marks = visit.page.locator("dialog[open] mark")
    expect(marks.first).to_have_text(re.compile(word, re.IGNORECASE))
    search_dialog.go_to_result_by_keyboard(visit.page, profile)
    expect(visit.page).to_have_url(re.compile(re.escape(visit.site_url + profile[1:]) + r"\?"))
    expect(visit.page.locator("h1")).to_have_text(school.name)
    # ...and on the page the result leads to.
    found = visit.page.locator("article mark.cs-highlight")
    expect(found.first).to_have_text(re.compile(word, re.IGNORECASE))
    assert visit.console_errors() == []
    assert visit.foreign_requests() == []


def test_search_opens_from_the_keyboard_finds_a_school_and_goes_there(
    visit: Visit, catalog: Catalog
) -> None:
    find_school_by_keyboard(visit, catalog)


@pytest.mark.parametrize(
    ("old", "new", "caught_by"),
    [
        # Results that show the words found unmarked.
        ("parent.append(mark);", "parent.append(mark.textContent);", r"dialog\[open\] mark"),
        # Results that no longer carry the words to the page they lead to.
        ("address.searchParams.set(HIGHLIGHT, search.text);", "", "Page URL expected"),
        # A page that no longer marks them.
        ("range.surroundContents(mark);", "", "cs-highlight"),
    ],
    ids=["results", "links", "page"],
)
def test_the_search_test_catches_a_search_that_marks_no_words(
    old: str, new: str, caught_by: str, visit: Visit, catalog: Catalog
) -> None:
    search_dialog.change_asset(visit.page, "assets/search.js", old, new)
    with pytest.raises(AssertionError, match=caught_by):
        find_school_by_keyboard(visit, catalog)


def show_more_results(visit: Visit) -> list[str]:
    """Search for a word on many pages, then press "Show more results": the addresses of the
    results, once the next ten have come and taken the focus."""
    visit.open(urls.ABOUT)
    links = search_dialog.search(visit.page, "school")
    expect(links).to_have_count(10)
    expect(visit.page.locator(search_dialog.STATUS)).to_have_text(
        re.compile(r"^\d\d+ results for “school”$")
    )
    visit.page.get_by_role("button", name="Show more results").press("Enter")
    expect(links).to_have_count(20)
    expect(links.nth(10)).to_be_focused()
    addresses: list[str] = links.evaluate_all("links => links.map(link => link.href)")
    return addresses


def test_show_more_results_adds_the_next_ten(visit: Visit) -> None:
    addresses = show_more_results(visit)
    assert len(set(addresses)) == 20, addresses
    assert visit.console_errors() == []


def test_the_show_more_test_catches_the_first_ten_again(visit: Visit) -> None:
    search_dialog.change_asset(
        visit.page,
        "assets/search.js",
        "search.ids.slice(search.shown, search.shown + PAGE)",
        "search.ids.slice(0, PAGE)",
    )
    assert len(set(show_more_results(visit))) == 10


def search_while_the_index_fails(visit: Visit) -> None:
    """Search while the index's first file fails to load: the status line says so; once it
    loads again, Enter searches anew and the results come."""
    visit.open(urls.ABOUT)
    failing = [True]

    def index_file(route: Route) -> None:
        if failing[0]:
            route.abort()
        else:
            route.continue_()

    visit.page.route(re.compile(r"/search/index\.json$"), index_file)
    field = search_dialog.open_by_keyboard(visit.page)
    field.press_sequentially("school")
    status = visit.page.locator(search_dialog.STATUS)
    expect(status).to_have_text("The search could not be loaded. Please try again.")
    expect(visit.page.locator(search_dialog.RESULT_LINKS)).to_have_count(0)
    failing[0] = False
    field.press("Enter")
    expect(visit.page.locator(search_dialog.RESULT_LINKS).first).to_be_visible()
    expect(status).to_have_text(re.compile(r"^\d+ results for “school”$"))


def test_a_search_that_fails_to_load_says_so_and_can_be_tried_again(visit: Visit) -> None:
    search_while_the_index_fails(visit)


def test_the_failed_search_test_catches_a_dialog_that_says_nothing(visit: Visit) -> None:
    search_dialog.change_asset(
        visit.page, "assets/search.js", 'more.hidden = true;\n      say("failed");', ""
    )
    with pytest.raises(AssertionError, match="could not be loaded"):
        search_while_the_index_fails(visit)


def open_and_close_the_search_dialog(visit: Visit, page_urls: dict[str, str]) -> None:
    """Tab to the header's search button, open the dialog with Enter and close it with
    Escape: the dialog has a name, its search field the focus, and focus goes back to the
    button."""
    visit.open(page_urls["profile"])
    page = visit.page
    button = page.locator(".md-header").get_by_role("button", name="Search")
    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("button => button === document.activeElement"):
            break
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-haspopup", "dialog")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=re.compile("search", re.IGNORECASE))
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("searchbox", name="Search this site")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


def test_the_search_button_opens_a_named_dialog_that_escape_closes(
    visit: Visit, page_urls: dict[str, str]
) -> None:
    open_and_close_the_search_dialog(visit, page_urls)


@pytest.mark.parametrize(
    ("old", "new", "caught_by"),
    [
        # Focus left on the dialog's first button, not in its search field.
        ("field.focus();\n    field.select();", "", "to be focused"),
        # A dialog that is not modal: Escape leaves it open.
        ("dialog.showModal();", "dialog.show();", "to be hidden"),
    ],
    ids=["focus", "modal"],
)
def test_the_dialog_test_catches_a_dialog_without_focus_or_escape(
    old: str, new: str, caught_by: str, visit: Visit, page_urls: dict[str, str]
) -> None:
    search_dialog.change_asset(visit.page, "assets/search.js", old, new)
    with pytest.raises(AssertionError, match=caught_by):
        open_and_close_the_search_dialog(visit, page_urls)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_skip_link_comes_first_and_leads_to_the_content(
    kind: str, new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(DESKTOP)
    visit.open(page_urls[kind])
    skip = next_stop(visit.page)
    assert skip is not None and skip.region == "skip link", skip
    assert skip.visible and skip.indicated, skip
    visit.page.keyboard.press("Enter")
    landed = next_stop(visit.page)
    assert landed is not None and landed.region == "content", landed
    assert landed.visible and landed.indicated, landed


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.name)
def test_tab_goes_through_the_page_in_order_and_shows_where_it_is(
    screen: Screen, new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(screen)
    visit.open(page_urls["profile"])
    stops = tab_through(visit.page)
    regions = [stop.region for stop in stops]
    assert regions[0] == "skip link" and "content" in regions, regions
    ranks = [REGIONS.index(region) if region in REGIONS else -1 for region in regions]
    assert ranks == sorted(ranks) and min(ranks) >= 0, regions
    faults = [stop for stop in stops if not (stop.visible and stop.indicated and stop.in_order)]
    assert not faults, "\n".join(map(str, faults))


def test_the_focus_checks_catch_hidden_and_misordered_focus(
    visit: Visit, page_urls: dict[str, str]
) -> None:
    visit.open(page_urls["profile"])
    page = visit.page
    page.add_style_tag(content="* { outline: none !important; box-shadow: none !important; }")
    page.locator("#cs-content").evaluate(
        """nav => nav.insertAdjacentHTML('afterbegin',
             '<a id="off-screen" href="#x" style="position: absolute; left: -9999px">away</a>')"""
    )
    page.locator(".md-footer a").last.evaluate("link => link.setAttribute('tabindex', '1')")
    jumped = next_stop(page)
    assert jumped is not None and jumped.region == "footer"
    skip = next_stop(page)
    assert skip is not None and skip.region == "skip link"
    assert not skip.in_order and not skip.indicated
    page.keyboard.press("Enter")
    away = next_stop(page)
    assert away is not None and "off-screen" in away.description and not away.visible
