"""Every page of the built site, English and Spanish, at phone and desktop width: no WCAG
violation, fits a phone, asks nothing of another host and prints no error.

The sweep opens every HTML file the build wrote, not a sample of page kinds, so a page no other
test opens is checked too. Its negative control breaks one page of a copy of the site on
purpose and sees each check name that page and only that page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser.conftest import PHONE, SCREENS
from browser.sweep import Finding, SweepResult, html_pages, sweep


# Session-wide: tests in random order may leave this package and come back.
@pytest.fixture(scope="session")
def whole_site(site_dir: Path) -> SweepResult:
    return sweep(site_dir, html_pages(site_dir), SCREENS)


def _report(findings: list[Finding]) -> str:
    return f"{len(findings)} problems:\n" + "\n".join(map(str, findings))


def test_the_sweep_opens_every_page_in_both_languages_at_both_sizes(
    whole_site: SweepResult, site_dir: Path
) -> None:
    pages = {path.relative_to(site_dir) for path in site_dir.rglob("*.html")}
    spanish = {page for page in pages if page.parts[0] == "es"}
    assert len(spanish) * 2 == len(pages), "every page has its Spanish twin"
    assert len(whole_site.visited) == len(pages) * len(SCREENS)
    assert whole_site.of("load") == [], _report(whole_site.of("load"))


def test_no_page_has_a_wcag_violation(whole_site: SweepResult) -> None:
    assert whole_site.of("axe") == [], _report(whole_site.of("axe"))


def test_every_page_fits_a_phone(whole_site: SweepResult) -> None:
    assert whole_site.of("phone") == [], _report(whole_site.of("phone"))


def test_no_page_asks_another_host_or_prints_an_error(whole_site: SweepResult) -> None:
    assert whole_site.of("privacy") == [], _report(whole_site.of("privacy"))


# What the negative control puts into one page: one fault for each check.
FAULTS = """
<button id="unnamed"></button>
<div id="too-wide" style="width: 2000px">wide</div>
<div><button id="too-small" style="display: block; width: 12px">x</button></div>
<p id="too-fine" style="font-size: 9px">Fine print</p>
<img src="http://203.0.113.1/pixel.png" alt="">
<script>console.error("something broke")</script>
"""


def test_each_check_names_a_page_broken_on_purpose(
    site_dir: Path, tmp_path: Path, page_urls: dict[str, str]
) -> None:
    broken_site = tmp_path / "site"
    shutil.copytree(site_dir, broken_site)
    broken, intact = page_urls["es-profile"], page_urls["profile"]
    page = broken_site / broken / "index.html"
    html = page.read_text("utf-8")
    assert html.count("</article>") == 1
    page.write_text(html.replace("</article>", FAULTS + "</article>"), "utf-8")

    result = sweep(broken_site, [broken, intact], [PHONE])

    assert {finding.page for finding in result.findings} == {broken}, _report(list(result.findings))
    problems = {check: " ".join(f.problem for f in result.of(check)) for check in ("axe", "phone")}
    assert "button-name" in problems["axe"] and "#unnamed" in problems["axe"]
    for element in ("id=too-wide", "id=too-small", "id=too-fine"):
        assert element in problems["phone"], problems["phone"]
    privacy = [finding.problem for finding in result.of("privacy")]
    assert "asked another host for http://203.0.113.1/pixel.png" in privacy
    assert "console.error: something broke" in privacy
