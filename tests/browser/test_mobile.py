"""At 360 px wide no page scrolls sideways, every tap target is at least 24 px, text is readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from browser.conftest import PAGE_KINDS, PHONE, OpenedPages, VisitFactory

MIN_TARGET_PX = 24  # WCAG 2.2 success criterion 2.5.8, Target Size (Minimum)
MIN_TEXT_PX = 12  # nothing smaller anywhere: Lighthouse's floor for legible text
MIN_BODY_TEXT_PX = 16  # the running text of the content, as phones show it unzoomed

# How the checks name an element in their reports.
DESCRIBE = """const describe = e => `<${e.tagName.toLowerCase()}${e.id ? " id=" + e.id : ""}`
  + `${typeof e.className === "string" && e.className ? " class=" + e.className : ""}>`;"""

SIDEWAYS_OVERFLOW = f"""() => {{
  {DESCRIBE}
  const width = document.documentElement.clientWidth;
  const scrolls = document.documentElement.scrollWidth;
  if (scrolls <= width) return [];
  return [`the page is ${{scrolls}} px wide on a ${{width}} px screen`].concat(
    [...document.querySelectorAll("body *")]
      .filter(e => e.getBoundingClientRect().right > width + 1 && e.checkVisibility())
      .slice(0, 5)
      .map(e => `${{describe(e)}} reaches ${{Math.round(e.getBoundingClientRect().right)}} px`));
}}"""

# What a finger can tap, seen on screen, smaller than the minimum, and not a link inside a
# sentence (the one exception WCAG 2.5.8 makes that applies to a content site).
SMALL_TAP_TARGETS = """minimum => {
  ${DESCRIBE}
  const width = document.documentElement.clientWidth;
  const targets = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], "
    + "[role=button], [tabindex]:not([tabindex='-1'])");
  const inSentence = e => {
    if (getComputedStyle(e).display !== "inline") return false;
    let block = e.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block.textContent.trim().length > e.textContent.trim().length;
  };
  return [...targets].filter(e => {
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= width) return false;
    return (box.width < minimum || box.height < minimum) && !inSentence(e);
  }).map(e => {
    const box = e.getBoundingClientRect();
    const name = (e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 40);
    return `${describe(e)} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)} px`;
  });
}""".replace("${DESCRIBE}", DESCRIBE)

SMALL_TEXT = """minimum => {
  ${DESCRIBE}
  const found = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({visibilityProperty: true})) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    const text = node.textContent.trim().slice(0, 40);
    if (size < minimum) found.set(element, `${describe(element)} "${text}" is ${size} px`);
  }
  return [...found.values()].slice(0, 10);
}""".replace("${DESCRIBE}", DESCRIBE)


def sideways_overflow(page: Page) -> list[str]:
    """What sticks out past the right edge, if the page is wider than the screen."""
    found: list[str] = page.evaluate(SIDEWAYS_OVERFLOW)
    return found


def small_tap_targets(page: Page) -> list[str]:
    found: list[str] = page.evaluate(SMALL_TAP_TARGETS, MIN_TARGET_PX)
    return [f"tap target under {MIN_TARGET_PX} px: {target}" for target in found]


def unreadable_text(page: Page) -> list[str]:
    """Text too small to read without zooming, or a page that does not fit the phone's width."""
    problems: list[str] = []
    viewport = page.locator("meta[name=viewport]").get_attribute("content") or ""
    settings = {k.strip(): v.strip() for k, _, v in (p.partition("=") for p in viewport.split(","))}
    if settings.get("width") != "device-width":
        problems.append(f"the viewport is not the device's width: {viewport!r}")
    if settings.get("user-scalable") in {"no", "0"} or float(settings.get("maximum-scale", 5)) < 2:
        problems.append(f"the viewport forbids zooming: {viewport!r}")
    body_size = page.locator("article").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    if body_size < MIN_BODY_TEXT_PX:
        problems.append(f"the content's text is {body_size} px")
    small: list[str] = page.evaluate(SMALL_TEXT, MIN_TEXT_PX)
    return problems + [f"text under {MIN_TEXT_PX} px: {text}" for text in small]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_fits_a_phone(kind: str, opened_pages: OpenedPages) -> None:
    visit = opened_pages.get(kind, PHONE)
    problems = sideways_overflow(visit.page) + small_tap_targets(visit.page)
    problems += unreadable_text(visit.page)
    assert not problems, "\n".join(problems)


def inject(page: Page, html: str) -> None:
    page.locator("article").evaluate(
        "(article, html) => article.insertAdjacentHTML('beforeend', html)", html
    )


def test_the_checks_catch_a_page_that_does_not_fit(
    new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(PHONE)
    visit.open(page_urls["profile"])
    inject(visit.page, '<div id="too-wide" style="width: 2000px">wide</div>')
    inject(
        visit.page,
        '<div><button id="too-small" style="display: block; width: 12px">x</button></div>',
    )
    inject(visit.page, '<p id="too-fine" style="font-size: 9px">Fine print</p>')
    assert any("id=too-wide" in found for found in sideways_overflow(visit.page))
    assert any("id=too-small" in found for found in small_tap_targets(visit.page))
    assert any("id=too-fine" in found for found in unreadable_text(visit.page))
