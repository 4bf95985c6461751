"""Every page of the built site, English and Spanish, at phone and desktop width: no WCAG
violation, fits a phone, asks nothing of another host and prints no error.

The sweep opens every HTML file the build wrote, not a sample of page kinds, so a page no other
test opens is checked too. Its negative control breaks one page of a copy of the site on
purpose and sees each check name that page and only that page, also when the same tab opens an
intact page right after it, and again when the tab opens the broken page a second time.
"""

from __future__ import annotations

import shutil
from collections import Counter
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
    expected = {
        (path.as_posix().removesuffix("index.html"), screen.name)
        for path in pages
        for screen in SCREENS
    }
    assert whole_site.visited == expected
    assert whole_site.of("load") == [], _report(whole_site.of("load"))


def test_no_page_has_a_wcag_violation(whole_site: SweepResult) -> None:
    assert whole_site.of("axe") == [], _report(whole_site.of("axe"))


def test_every_page_fits_a_phone(whole_site: SweepResult) -> None:
    assert whole_site.of("phone") == [], _report(whole_site.of("phone"))


def test_no_page_asks_another_host_or_prints_an_error(whole_site: SweepResult) -> None:
    assert whole_site.of("privacy") == [], _report(whole_site.of("privacy"))


def test_no_page_loads_search_before_a_visitor_searches(whole_site: SweepResult) -> None:
    assert whole_site.of("search") == [], _report(whole_site.of("search"))


def test_every_table_is_a_named_focusable_scroll_region_at_full_size(
    whole_site: SweepResult, site_dir: Path
) -> None:
    assert whole_site.of("tables") == [], _report(whole_site.of("tables"))
    # The check above has something to check: the site has tables, in templates and Markdown.
    with_tables = [p for p in site_dir.rglob("*.html") if "<table" in p.read_text("utf-8")]
    assert len(with_tables) >= 4


# What the negative control puts into one page: faults for each check.
FAULTS = """
<button id="unnamed"></button>
<div id="too-wide" style="width: 2000px">wide</div>
<div><button id="too-small" style="display: block; width: 12px">x</button></div>
<p id="too-fine" style="font-size: 9px">Fine print</p>
<table id="bare-table"><tr><th>A table without its region</th></tr></table>
<img src="http://203.0.113.1/pixel.png" alt="">
<script>console.error("something broke"); fetch("/sitemap.xml");</script>
<script>fetch("/es/search/index.json"); fetch("/search/words/sch.json");</script>
<script type="module">import "/assets/search-index.js";</script>
<style>article.md-typeset { font-size: 14px !important }</style>
"""


def test_each_check_names_a_page_broken_on_purpose(
    site_dir: Path, tmp_path: Path, page_urls: dict[str, str]
) -> None:
    broken_site = tmp_path / "site"
    shutil.copytree(site_dir, broken_site)
    broken, intact = page_urls["es-profile"], page_urls["profile"]
    page = broken_site / broken / "index.html"
    html = page.read_text("utf-8")
    assert html.count("</article>") == 1 and html.count('name="viewport"') == 1
    html = html.replace("</article>", FAULTS + "</article>")
    html = html.replace(
        'content="width=device-width,initial-scale=1"',
        'content="width=device-width,initial-scale=1,user-scalable=no"',
    )
    page.write_text(html, "utf-8")

    # One tab of each size opens the broken page, then the intact one, then the broken one again:
    # nothing of the broken page is blamed on the page after it, and the second visit, whose
    # files the tab fetched before, finds all that the first did.
    result = sweep(broken_site, [broken, intact, broken], SCREENS, workers=1)

    assert {finding.page for finding in result.findings} == {broken}, _report(list(result.findings))
    for screen in SCREENS:
        found = [f for f in result.findings if f.screen == screen.name]
        each = Counter((f.check, f.problem) for f in found)
        assert all(times % 2 == 0 for times in each.values()), (screen, each)
        axe = " ".join(f.problem for f in found if f.check == "axe")
        assert "button-name" in axe and "#unnamed" in axe, screen
        privacy = [f.problem for f in found if f.check == "privacy"]
        assert "asked another host for http://203.0.113.1/pixel.png" in privacy, screen
        assert "console.error: something broke" in privacy, screen
        assert any(p.startswith("fetched the sitemap") for p in privacy), screen
        search = [f.problem for f in found if f.check == "search"]
        assert sorted(search) == sorted(
            2
            * [
                "loaded search before any search: /assets/search-index.js",
                "loaded search before any search: /es/search/index.json",
                "loaded search before any search: /search/words/sch.json",
            ]
        ), screen
        tables = " ".join(f.problem for f in found if f.check == "tables")
        assert "id=bare-table" in tables, screen
    phone = " ".join(f.problem for f in result.of("phone"))
    for fault in (
        "id=too-wide",
        "id=too-small",
        "id=too-fine",
        "forbids zooming",
        "content's text is 14 px",
    ):
        assert fault in phone, (fault, phone)
    assert {f.screen for f in result.of("phone")} == {PHONE.name}
