"""The site's search as a visitor uses it: the header's dialog (partials/site-search.html and
assets/search.js), searching the site's own index."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, Route, expect

from showcase.data.catalog import Catalog
from showcase.data.models import School

# Where the dialog's search field is, once the dialog has opened; its results' links, and the
# line that says what was found.
FIELD = "dialog[open] input[type=search]"
RESULT_LINKS = "dialog[open] .cs-search__results a"
STATUS = "dialog[open] [role=status]"

# Every text in the open dialog at least `minimum` px: a phone shows it unzoomed.
SMALL_DIALOG_TEXT = """minimum => {
  const dialog = document.querySelector("dialog[open]");
  const problems = [];
  const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({visibilityProperty: true}))
      continue;
    const px = parseFloat(getComputedStyle(element).fontSize);
    if (px < minimum) problems.push(`"${node.textContent.trim().slice(0, 30)}" is ${px} px`);
  }
  const field = dialog.querySelector("input");
  const px = parseFloat(getComputedStyle(field).fontSize);
  if (px < minimum) problems.push(`the search field's text is ${px} px`);
  return problems;
}"""


def distinctive_word(school: School, catalog: Catalog) -> str:
    """A word of `school`'s name that as few other school names as possible share."""
    words: list[str] = re.findall(r"[A-Za-z]{4,}", school.name)
    return min(words, key=lambda w: sum(w in s.name for s in catalog.schools.values())).lower()


def open_by_keyboard(page: Page) -> Locator:
    """Press `/` as a visitor would; the search field, once the dialog has opened with focus
    in it."""
    # The button shows once its script has run, which a page requests after its first paint.
    expect(page.locator("[data-cs-search] button")).to_be_visible()
    page.keyboard.press("/")
    field = page.locator(FIELD)
    expect(field).to_be_focused()
    return field


def search(page: Page, words: str) -> Locator:
    """Open the search with the keyboard and type `words`; the links of the results."""
    field = open_by_keyboard(page)
    field.press_sequentially(words)
    links = page.locator(RESULT_LINKS)
    expect(links.first).to_be_visible()
    return links


def change_asset(page: Page, path: str, old: str, new: str) -> None:
    """Serve the site's file at `path` (`assets/search.js`) to this tab with `old` replaced by
    `new`: the product broken on purpose, for a negative control."""

    def changed(route: Route) -> None:
        response = route.fetch()
        text = response.text()
        assert old in text, f"{path} no longer has {old!r}"
        route.fulfill(response=response, body=text.replace(old, new))

    page.route(re.compile(r"^[^?]*/" + re.escape(path) + r"(\?.*)?$"), changed)


def go_to_result_by_keyboard(page: Page, href_start: str, most: int = 20) -> None:
    """Arrow down through the results to the first link whose address starts with
    `href_start`, and press Enter on it."""
    for _ in range(most):
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if focused.startswith(href_start):
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"no result leads to {href_start} within {most} presses")
