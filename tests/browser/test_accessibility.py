"""axe-core finds no WCAG 2.2 A or AA violation on any kind of page, on a phone or a desktop."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import pytest
from playwright.sync_api import Page

from browser.conftest import DESKTOP, PAGE_KINDS, SCREENS, OpenedPages, Screen, VisitFactory

# axe-core as pinned by axe-playwright-python, whose copy is the one we run.
AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text("utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets[:5])}"


def axe_violations(page: Page) -> list[Violation]:
    """Every WCAG 2.2 A/AA violation that axe-core finds on the page as it is now."""
    page.evaluate(AXE_SOURCE)
    results: dict[str, Any] = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        Violation(
            rule=found["id"],
            impact=found["impact"],
            help=found["help"],
            targets=tuple(" ".join(node["target"]) for node in found["nodes"]),
        )
        for found in results["violations"]
    ]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.name)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_wcag_violations(kind: str, screen: Screen, opened_pages: OpenedPages) -> None:
    violations = axe_violations(opened_pages.get(kind, screen).page)
    assert not violations, "\n".join(map(str, violations))


def test_axe_reports_a_button_without_a_name(
    new_visit: VisitFactory, page_urls: dict[str, str]
) -> None:
    visit = new_visit(DESKTOP)
    visit.open(page_urls["profile"])
    visit.page.locator("article").evaluate(
        "article => article.insertAdjacentHTML('beforeend', '<button id=\"unnamed\"></button>')"
    )
    violations = axe_violations(visit.page)
    assert [v.targets for v in violations if v.rule == "button-name"] == [("#unnamed",)]
