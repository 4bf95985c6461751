"""Spanish that a parent in Los Angeles reads as written for them: the glossary's forbidden
forms (`showcase/locale/es/glossary.yaml`, explained in TRANSLATING.md) nowhere in the
catalogue or on a built Spanish page, and no English shown outside text marked English."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from bs4.element import Tag
from conftest import ROOT
from PIL import Image, ImageChops, ImageDraw
from test_i18n import text_not_in_english

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.i18n import ENGLISH, language
from showcase.pages.notices import INTERFACE_CLASS, NOTE_CLASS, with_english_data_note
from showcase.publish.previews import HEIGHT, MARGIN, WIDTH, _font, preview_png

GLOSSARY = ROOT / "showcase" / "locale" / "es" / "glossary.yaml"
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOGUE = ROOT / "showcase" / "locale" / "es" / "LC_MESSAGES" / "messages.po"
# What a reader does not read as prose: scripts, and code such as file names.
UNREAD = {"script", "style", "template", "code", "pre", "kbd"}
# What a string leaves to fill in or wraps around: `%(who)s`, `{year}`, tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]*>")


@dataclass(frozen=True)
class Forbidden:
    pattern: re.Pattern[str]
    use: str


@cache
def forbidden_forms() -> tuple[Forbidden, ...]:
    entries = yaml.safe_load(GLOSSARY.read_text("utf-8"))["forbidden"]
    return tuple(
        Forbidden(re.compile(e["form"], 0 if e.get("case") else re.IGNORECASE), e["use"])
        for e in entries
    )


def glossary_problems(text: str) -> list[str]:
    """Each forbidden form found in `text`, with a little of its context and what to use."""
    found = []
    for form in forbidden_forms():
        for match in form.pattern.finditer(text):
            around = text[max(0, match.start() - 30) : match.end() + 30]
            found.append(f"{match.group(0)!r} in …{around}… (use: {form.use})")
    return found


def spanish_text(element: Tag) -> Iterator[str]:
    """The text a reader reads in `element`, leaving out code and whatever is marked English."""
    return text_not_in_english(element, "es", UNREAD)


def visible_spanish(html: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    # The title shows in the browser's tab and in search results.
    parts = [*(spanish_text(page.head) if page.head else []), "\n"]
    parts += spanish_text(page.body) if page.body else []
    return " ".join(" ".join(parts).split())


def spanish_pages(site_dir: Path) -> list[Path]:
    """Every Spanish page: one for each English page, so a check over them covers them all."""
    found = sorted((site_dir / "es").rglob("*.html"))
    english = [p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).parts[0] != "es"]
    assert len(found) == len(english) > 50, (len(found), len(english))
    return found


# --- The glossary -------------------------------------------------------------------------


def test_the_catalogue_has_none_of_the_forbidden_forms() -> None:
    with CATALOGUE.open("rb") as file:
        messages = read_po(file, locale="es")
    problems = []
    for message in messages:
        if not message.id:  # the header
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        for string in strings:
            for problem in glossary_problems(PLACEHOLDER.sub(" ", str(string or ""))):
                problems.append(f"{message.id!r}: {problem}")
    assert not problems, "\n".join(problems)


def test_no_spanish_page_shows_a_forbidden_form(site_dir: Path) -> None:
    problems = [
        f"{path.relative_to(site_dir)}: {problem}"
        for path in spanish_pages(site_dir)
        for problem in glossary_problems(visible_spanish(path.read_text("utf-8")))
    ]
    assert not problems, "\n".join(problems)


def test_the_glossary_check_finds_what_it_forbids() -> None:
    """Negative control: a page written with every kind of mistake the glossary names."""
    page = """<html lang="es"><head><title>Cohort IV</title></head><body>
      <p>El coordinador de la escuela habló con la junta escolar del Distrito Unificado.</p>
      <p>Es un Centro de primaria (preparatoria (high school)) con sus socios.</p>
      <p>Traducción de Ana. “Cita”. Del 22 de abril de 2024 – 26 de abril de 2024; 2024-04-22.</p>
      <p lang="en">The coordinator met the board.</p>
    </body></html>"""
    problems = glossary_problems(visible_spanish(page))
    for wrong in [
        "Cohort",
        "coordinador",
        "junta escolar",
        "Distrito Unificado",
        "Centro de primaria",
        "socios",
        "(high school)",
        "Traducción de",
        "“",
        "2024-04-22",
        "22 de abril de 2024 – 26 de abril de 2024",
    ]:
        assert any(repr(wrong)[1:-1] in problem for problem in problems), wrong
    # What is marked English is the source's own words, not ours.
    assert not any("coordinator" in problem for problem in problems)


# --- Honest notices -----------------------------------------------------------------------


def article_of(html: str) -> Tag:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    assert article is not None
    return article


def shows_english_data(article: Tag) -> bool:
    return article.select_one('[lang="en"], [lang|="en"]') is not None


def test_spanish_pages_that_show_english_data_say_so_once(site_dir: Path, catalog: Catalog) -> None:
    generated = {urls.SCHOOLS, urls.COHORTS, urls.WEEKS, urls.PILLARS, urls.DATA}
    generated |= {urls.school(slug) for slug in catalog.schools}
    generated |= {urls.cohort(cohort) for cohort in catalog.cohorts}
    generated |= {urls.story(slug) for slug in catalog.stories}
    said = 0
    for url in sorted(generated):
        article = article_of((site_dir / "es" / url / "index.html").read_text("utf-8"))
        notes = article.select(".cs-english-data")
        if article.select(".cs-untranslated"):  # a story says so in its own words
            assert notes == [], url
        elif shows_english_data(article):
            assert len(notes) == 1, url
            assert "inglés" in notes[0].get_text(), url
            said += 1
        else:
            assert notes == [], url
        interface = article.select(f".{INTERFACE_CLASS}")
        assert len(interface) == (0 if notes or article.select(".cs-untranslated") else 1), url
        english = article_of((site_dir / url / "index.html").read_text("utf-8"))
        assert english.select(f".{NOTE_CLASS}, .{INTERFACE_CLASS}") == [], url
    assert said > 30


def test_the_note_is_added_only_where_english_data_shows() -> None:
    """Negative control: the same page with and without data marked English."""
    spanish = language("es", "Español", "es/")
    page = "<html><body><article><h1>Escuela</h1><p{}>Texto</p></article></body></html>"
    assert NOTE_CLASS in with_english_data_note(page.format(' lang="en"'), spanish)
    for without_english in [page.format(""), page.format(' hreflang="en"')]:
        noted = with_english_data_note(without_english, spanish)
        assert NOTE_CLASS not in noted and INTERFACE_CLASS in noted
    assert with_english_data_note(page.format(' lang="en"'), ENGLISH) == page.format(' lang="en"')


def test_english_titles_in_spanish_lists_say_so(site_dir: Path) -> None:
    marked = 0
    for path in spanish_pages(site_dir):
        for title in BeautifulSoup(path.read_text("utf-8"), "html.parser").select(
            "a.cs-card__title"
        ):
            after = title.find_next_sibling()
            if title.get("lang") == "en":
                assert after is not None and after.get_text() == "(en inglés)", path
                marked += 1
            else:
                assert after is None or "cs-in-english" not in (after.get("class") or []), path
    assert marked > 0


# --- Previews that fit --------------------------------------------------------------------

# Text keeps this far from the left and right edges (the layout's margin is 80 px).
SAFE_MARGIN = 64
# The band along the bottom edge is drawn edge to edge on purpose.
BOTTOM_BAND = 16


def ink_outside_safe_area(png: bytes) -> bool:
    """Whether anything but the background is drawn in the left or right margin of a preview
    (above its bottom band)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    # The top edge of every card is bare background.
    bare = Image.new("RGB", image.size, image.getpixel((width // 2, 2)))
    difference = ImageChops.difference(image, bare)
    top = height - BOTTOM_BAND
    strips = [(0, 0, SAFE_MARGIN, top), (width - SAFE_MARGIN, 0, width, top)]
    return any(difference.crop(box).getbbox() is not None for box in strips)


def test_every_preview_keeps_its_text_inside_the_margins(site_dir: Path) -> None:
    previews = sorted(site_dir.rglob("preview.png"))
    spanish = [p for p in previews if p.relative_to(site_dir).parts[0] == "es"]
    assert len(spanish) > 50 and len(previews) > len(spanish) + 50
    outside = [
        str(p.relative_to(site_dir)) for p in previews if ink_outside_safe_area(p.read_bytes())
    ]
    assert outside == []


def test_a_preview_at_the_limits_fits_and_the_check_sees_one_that_does_not() -> None:
    longest = "Wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww " * 3
    footer = "Muestra de Escuelas Comunitarias · Iniciativa de Escuelas Comunitarias de LAUSD " * 2
    assert not ink_outside_safe_area(preview_png(longest, "Perfil de escuela " * 5, footer))
    # Negative control: the same footer drawn as the previews used to, on one line at 32 px.
    image = Image.new("RGB", (WIDTH, HEIGHT), (0, 121, 107))
    ImageDraw.Draw(image).text((MARGIN, HEIGHT - 110), footer, font=_font(False, 32))
    drawn = io.BytesIO()
    image.save(drawn, "PNG")
    assert ink_outside_safe_area(drawn.getvalue())


# --- A measure: no English outside text marked English ------------------------------------

# Common English words that are not also Spanish words: one of them in a Spanish page's text,
# outside an element marked lang="en", is English a visitor reads as ours.
_COMMON_ENGLISH = """
    the and of with from for this that these those which is are was were been has have not our
    their they you your will would can by on or an its school schools community student students
    families teacher teachers parents coordinator coordinators learning support supports high
    middle elementary center week action cohort board district page title recorded made found
    about home stories story more how what who when where also only than then into through
    between
"""
ENGLISH_WORDS = frozenset(_COMMON_ENGLISH.split())
# Addresses and file names (schools.json) are not words a reader reads as English.
_ADDRESS = re.compile(r"\S+[/.@]\S+")
_WORD = re.compile(r"[^\W\d_]+")


def english_fragments(html: str, proper_names: list[str]) -> list[str]:
    """The bits of a page's visible body, outside elements marked English, that hold common
    English words; proper names (a school's, a publisher's) and acronyms (CC BY) aside."""
    body = BeautifulSoup(html, "html.parser").body
    found = []
    for text in spanish_text(body) if body else []:
        reading = text
        for name in proper_names:
            reading = reading.replace(name, " ")
        reading = _ADDRESS.sub(" ", reading)
        words = [
            w for w in _WORD.findall(reading) if w.lower() in ENGLISH_WORDS and not w.isupper()
        ]
        if words:
            found.append(" ".join(text.split()))
    return found


@pytest.fixture(scope="module")
def proper_names(catalog: Catalog) -> list[str]:
    """Names the Spanish keeps as they are: schools, their campuses, publishers."""
    names = [n for s in catalog.schools.values() for n in [s.name, *s.aliases]]
    names += [s.campus for s in catalog.schools.values() if s.campus]
    names += [s.publisher for s in catalog.sources.values() if s.publisher]
    return sorted(set(names), key=len, reverse=True)


def test_no_spanish_page_shows_english_outside_text_marked_english(
    site_dir: Path, proper_names: list[str]
) -> None:
    found = [
        f"{path.relative_to(site_dir)}: {fragment}"
        for path in spanish_pages(site_dir)
        for fragment in english_fragments(path.read_text("utf-8"), proper_names)
    ]
    assert found == []


def test_the_english_measure_sees_english_that_is_not_marked() -> None:
    """Negative control: the same English, marked and not."""
    page = (
        "<html><body><p>Escuela {0}: <span{1}>Cohort IV of the initiative</span></p></body></html>"
    )
    names = ["Leland Street Elementary"]
    assert english_fragments(page.format("Leland Street Elementary", ""), names) != []
    assert english_fragments(page.format("Leland Street Elementary", ' lang="en"'), names) == []
    assert english_fragments(page.format("Miramonte", ' lang="en"'), names) == []
    assert english_fragments("<html><body><p>Escuelas de la CC BY</p></body></html>", []) == []


def test_an_english_title_says_so_in_the_browser_tab(site_dir: Path, catalog: Catalog) -> None:
    for story in catalog.stories.values():
        for folder, marked in [("es", story.title_es is None), ("", False)]:
            page = BeautifulSoup(
                (site_dir / folder / urls.story(story.slug) / "index.html").read_text("utf-8"),
                "html.parser",
            )
            assert page.title is not None
            assert ("(en inglés)" in page.title.get_text()) is marked, (folder, story.slug)


def test_each_404_page_speaks_its_language_and_leads_home_in_both(site_dir: Path) -> None:
    for folder, heading, other in [
        ("", "Page not found", "es/"),
        ("es", "Página no encontrada", ""),
    ]:
        page = BeautifulSoup((site_dir / folder / "404.html").read_text("utf-8"), "html.parser")
        assert page.h1 is not None and page.h1.get_text() == heading, folder
        # Served at any address: its links are absolute.
        switch = page.select_one("a.cs-language")
        assert switch is not None and str(switch["href"]).endswith("/" + other), folder
        assert str(switch["href"]).startswith("http"), folder
        home = page.select_one("article p a")
        assert home is not None and str(home["href"]).endswith("/" + (folder and folder + "/"))
    spanish = (site_dir / "es" / "404.html").read_text("utf-8")
    assert "Not found" not in spanish and "Made with" not in spanish


def test_feeds_and_share_buttons_speak_the_pages_language(site_dir: Path) -> None:
    for folder, lang, words in [("", "en", "Community Schools Showcase"), ("es", "es", "Muestra")]:
        for feed in [
            site_dir / folder / "feed.xml",
            *(site_dir / folder).glob("week-*/*/feed.xml"),
        ]:
            root = ElementTree.parse(feed).getroot()
            assert root.get(XML_LANG) == lang, feed
            title = root.find(f"{{{ATOM}}}title")
            assert title is not None and words in (title.text or ""), feed
    spanish = BeautifulSoup(
        (site_dir / "es" / urls.school("cats") / "index.html").read_text("utf-8"), "html.parser"
    )
    buttons = [shown.get_text() for shown in spanish.select(".cs-share__button")]
    assert "Correo electrónico" in buttons and "Email" not in buttons
