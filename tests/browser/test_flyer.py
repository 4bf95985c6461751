"""Printing any school or story page, in either language, on US Letter or A4, gives a one-page
flyer: its title, summary, key facts and a QR code that opens the page, none of it cut off.

Every flyer of the built site is printed, not a sample; a synthetic story at the data's maximum
lengths is printed too, and the negative controls break a flyer on purpose.

Each flyer is printed once, on the paper that both US Letter and A4 contain: as narrow as A4
(210 mm) and as short as Letter (11 in). The flyer is never wider than the 186 mm that A4 leaves
inside its margins (`docs/assets/showcase.css`), so it is laid out the same on all three papers,
and one page of the shared paper is one page of either: each of them only adds room.
"""

from __future__ import annotations

import re
import shutil
from io import BytesIO
from pathlib import Path

import yaml
import zxingcpp
from conftest import ROOT, build_site
from PIL import Image
from playwright.async_api import Page

from browser.conftest import DESKTOP, Screen
from browser.sweep import Finding, html_pages, on_every_page
from showcase.data.flyer_fit import SUMMARY, TITLE, Room, lines_needed
from showcase.data.models import FLYER_SUMMARY_MAX, FLYER_TITLE_MAX

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default; the test build never sets another
# The paper both US Letter (215.9 × 279.4 mm) and A4 (210 × 297 mm) contain.
SHARED_PAPER_MM = (210.0, 279.4)
POINTS_PER_MM = 72 / 25.4
FLYER_PAGE = re.compile(r"(es/)?(schools|stories)/[^/]+/")
# Site chrome a flyer leaves out, and what it must show.
HIDDEN = (".md-header", ".md-sidebar--primary", ".md-footer", ".cs-share", ".cs-breadcrumbs")
SHOWN = ("h1", ".cs-lead", ".cs-flyer-qr img")

# Whether the first element each selector matches is shown, as Playwright's `is_visible` tells it
# (rendered, not `visibility: hidden`, a box of some size), all in one call.
VISIBLE = """selectors => selectors.map(selector => {
  const e = document.querySelector(selector);
  if (!e || !e.checkVisibility({visibilityProperty: true})) return false;
  const box = e.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
})"""

# The parts of a flyer whose text would be lost if it did not fit its room, either way.
CUT_OFF = """() => [".cs-flyer", ".cs-flyer h1", ".cs-flyer .cs-lead", ".cs-flyer .cs-details"]
  .map(selector => [selector, document.querySelector(selector)])
  .filter(([, e]) => e
    && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1))
  .map(([selector, e]) => `${selector} is cut off: ${e.scrollWidth}×${e.scrollHeight} px of text `
    + `in ${e.clientWidth}×${e.clientHeight} px`)"""

# The print font: both of its faces loaded, and the title set in it.
PRINT_FONT = """() => {
  const faces = [...document.fonts].filter(f => f.family.replace(/"/g, "") === "Showcase Print");
  const loaded = faces.filter(f => f.status === "loaded").map(f => f.weight).sort();
  const title = getComputedStyle(document.querySelector(".cs-flyer h1")).fontFamily;
  const problems = [];
  if (loaded.join() !== "400,700") problems.push(`the print font's faces loaded: ${loaded}`);
  if (!title.startsWith('"Showcase Print"')) problems.push(`the title is set in ${title}`);
  return problems;
}"""


def flyer_pages(site_dir: Path) -> list[str]:
    return [page for page in html_pages(site_dir) if FLYER_PAGE.fullmatch(page)]


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    """The width and height of each page box (`/MediaBox`) of a PDF, in millimetres."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", pdf)
    return [
        ((float(x1) - float(x0)) / POINTS_PER_MM, (float(y1) - float(y0)) / POINTS_PER_MM)
        for x0, y0, x1, y1 in boxes
    ]


def paper_problems(pdf: bytes) -> list[str]:
    """What is wrong with a flyer printed on the shared paper: not one page, or not that paper
    (a page size set by the stylesheet would win over the paper asked for)."""
    problems = []
    pages = page_count(pdf)
    if pages != 1:
        problems.append(f"prints on {pages} pages of the paper Letter and A4 share")
    width, height = SHARED_PAPER_MM
    # Chromium rounds the paper to whole CSS pixels (0.26 mm).
    for box in page_sizes_mm(pdf):
        if abs(box[0] - width) > 1 or abs(box[1] - height) > 1:
            problems.append(f"prints on {box[0]:.1f} × {box[1]:.1f} mm, not {width} × {height} mm")
    return problems


async def print_flyer(tab: Page, base: str, path: str, screen: Screen) -> list[Finding]:
    """Everything wrong with the page's printed flyer, each as a finding."""
    await tab.goto(base + path)
    await tab.emulate_media(media="print")
    await tab.evaluate("document.fonts.ready")
    problems: list[str] = await tab.evaluate(PRINT_FONT)
    visible: list[bool] = await tab.evaluate(VISIBLE, [*HIDDEN, *SHOWN])
    for selector, shown in zip(HIDDEN, visible[: len(HIDDEN)], strict=True):
        if shown:
            problems.append(f"{selector} is printed")
    for selector, shown in zip(SHOWN, visible[len(HIDDEN) :], strict=True):
        if not shown:
            problems.append(f"{selector} is not printed")
    problems += await tab.evaluate(CUT_OFF)
    width, height = SHARED_PAPER_MM
    problems += paper_problems(
        await tab.pdf(width=f"{width}mm", height=f"{height}mm", print_background=True)
    )
    # The QR code loads lazily, when a page is printed (as Chromium loads lazy images before
    # printing): read it once it has arrived.
    await tab.wait_for_function(
        "() => [...document.querySelectorAll('.cs-flyer-qr img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    qr = await tab.locator(".cs-flyer-qr img").screenshot()
    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(BytesIO(qr)))]
    if decoded != [SITE_URL + path]:
        problems.append(f"the QR code reads {decoded}, not {SITE_URL + path}")
    # The tab opens the next flyer's page as a screen shows it, and prints it from there.
    await tab.emulate_media(media="null")
    return [Finding(path, "print", "flyer", problem) for problem in problems]


def print_flyers(site_dir: Path, pages: list[str]) -> list[Finding]:
    return on_every_page(site_dir, pages, [DESKTOP], print_flyer, reuse_tabs=True)


def _report(findings: list[Finding]) -> str:
    return "\n".join(map(str, findings))


def test_every_school_and_story_prints_as_a_one_page_flyer(site_dir: Path) -> None:
    pages = flyer_pages(site_dir)
    schools = yaml.safe_load((ROOT / "data" / "schools.yaml").read_text("utf-8"))["schools"]
    stories = list((ROOT / "data" / "stories").glob("*/*.yaml"))
    assert len(pages) == 2 * (len(schools) + len(stories)), "every school and story, both languages"
    findings = print_flyers(site_dir, pages)
    assert findings == [], _report(findings)


def widest_text(word: str, limit: int, room: Room, end: str = "") -> str:
    """The longest run of `word`s (wide letters) that the validator lets through."""
    text = ""
    while True:
        longer = (text + " " + word).strip()
        if len(longer + end) > limit or lines_needed(longer + end, room) > room.lines:
            return text + end
        text = longer


def test_a_story_at_the_longest_title_and_summary_still_fits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "good", data)
    story = next(data.glob("stories/*/family-garden-day.yaml"))
    record = yaml.safe_load(story.read_text("utf-8"))
    # The widest letters DejaVu has, as many as the validator lets through.
    record["title"] = widest_text("WWWWMW", FLYER_TITLE_MAX, TITLE)
    record["summary"] = widest_text("Mmmmwm", FLYER_SUMMARY_MAX, SUMMARY, end=".")
    record["pillars"] = [
        "family-and-community-engagement",
        "integrated-student-supports",
        "expanded-learning-opportunities",
        "collaborative-leadership",
    ]
    story.write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    site = tmp_path / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = [f"{lang}stories/family-garden-day/" for lang in ("", "es/")]
    findings = print_flyers(site, pages)
    assert findings == [], _report(findings)


def test_the_flyer_checks_catch_a_cut_title_a_second_page_a_wrong_code_and_font(
    site_dir: Path, tmp_path: Path
) -> None:
    broken_site = tmp_path / "site"
    shutil.copytree(site_dir, broken_site)
    pages = flyer_pages(site_dir)
    story = next(page for page in pages if page.startswith("stories/"))
    school = next(page for page in pages if page.startswith("schools/"))
    # The story's title outgrows its four lines, as a title past the data's limit would.
    cut = broken_site / story / "index.html"
    html = cut.read_text("utf-8")
    html = re.sub(r"(<h1[^>]*>)", r"\1" + "A far too long title " * 20, html)
    # … and the site's header is printed on it.
    html = html.replace(
        "</head>", "<style>@media print { .md-header { display: block !important } }</style></head>"
    )
    cut.write_text(html, "utf-8")
    # The print font's bold face is gone, from every page.
    css = broken_site / "assets" / "showcase.css"
    css.write_text(css.read_text("utf-8").replace("DejaVuSans-Bold.ttf", "missing.ttf"), "utf-8")
    # The school's flyer loses its fixed height, and a long list pushes it onto a second page.
    long = broken_site / school / "index.html"
    html = long.read_text("utf-8")
    html = html.replace(
        "</head>", "<style>@media print { .md-typeset .cs-flyer { height: auto } }</style></head>"
    )
    html = html.replace('<dl class="cs-details">', '<dl class="cs-details">' + "<dt>x</dt>" * 200)
    # … and its QR code is swapped for the story's.
    qr = re.search(r'<img src="([^"]+)" alt="" width="160"', html)
    assert qr is not None
    shutil.copy(broken_site / story / qr.group(1), broken_site / school / qr.group(1))
    long.write_text(html, "utf-8")

    problems: dict[str, list[str]] = {story: [], school: []}
    for finding in print_flyers(broken_site, [story, school]):
        problems[finding.page].append(finding.problem)
    assert any(p.startswith(".cs-flyer h1 is cut off") for p in problems[story]), problems
    assert ".md-header is printed" in problems[story], problems
    for page in (story, school):
        assert "the print font's faces loaded: 400" in problems[page], problems
    assert any(re.fullmatch("prints on [2-9] pages of the paper .*", p) for p in problems[school])
    assert any("the QR code reads" in p and story in p for p in problems[school]), problems


def test_the_paper_check_catches_a_second_page_and_another_paper() -> None:
    def pdf(*boxes: str) -> bytes:
        return b"".join(b"<< /Type /Page /MediaBox [" + box.encode() + b"] >>" for box in boxes)

    assert paper_problems(pdf("0 0 595.91998 792.95996")) == []
    assert paper_problems(pdf("0 0 612 792")) == [
        "prints on 215.9 × 279.4 mm, not 210.0 × 279.4 mm"
    ]
    assert paper_problems(pdf("0 0 595.92 842")) == [
        "prints on 210.2 × 297.0 mm, not 210.0 × 279.4 mm"
    ]
    assert paper_problems(pdf("0 0 595.92 792.96", "0 0 595.92 792.96")) == [
        "prints on 2 pages of the paper Letter and A4 share"
    ]
