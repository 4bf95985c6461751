"""The site in Spanish: one build writes English at the root and Spanish under `es/`, page for
page, each page one tap from its twin; data not yet in Spanish shows in English, marked so."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog as Messages
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag
from conftest import ROOT, SiteReader, build_site, resolve
from helpers import FIXTURES, all_problems
from search_index_files import indexed_pages

from showcase import urls
from showcase.data.catalog import Catalog
from showcase.data.evidence import default_archive
from showcase.i18n import Language, catalogue, language

ES = "es/"
NOT_PAGES = {"404.html", ES + "404.html"}
SPANISH_DOCS = ROOT / "docs" / "es"
CATALOGUE = ROOT / "showcase" / "locale" / "es" / "LC_MESSAGES" / "messages.po"
# Where the strings to translate are written, and how to read them.
METHOD_MAP = [("showcase/**.py", "python"), ("overrides/**.html", "jinja2")]
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
TEMPLATE_CALL = re.compile(r"""\b_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
# What a translated string leaves to fill in, or wraps around: `%(who)s`, `{year}`, tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]*>")
UNSEEN = {"script", "style", "template"}
# What Material's Spanish calls the header (`header` in its es.html), named on every page.
SPANISH_HEADER = "Cabecera"

# A copy of the real data with Spanish in a few places (nowhere else has any yet).
SPANISH_DATA = FIXTURES / "spanish"
TRANSLATED_STORY = SPANISH_DATA / "stories" / "2024" / "leland-street-resource-fair.yaml"
TRANSLATED_COHORT = "cohort-1"
TRANSLATED_NOTE_SCHOOL = "hillcrest-drive-elementary"


# --- Reading pages ------------------------------------------------------------------------


def normal(text: str) -> str:
    """Text with every run of white space made one space, as a reader sees it."""
    return " ".join(text.split())


def shown(element: Tag) -> str:
    return normal(element.get_text())


def language_of(element: Tag) -> str:
    """The language an element is in: its own `lang`, or its nearest ancestor's."""
    for tag in [element, *element.parents]:
        if tag.get("lang"):
            return str(tag["lang"])
    return ""


def is_english(lang: str) -> bool:
    return lang.lower().split("-")[0] == "en"


def text_not_in_english(
    element: Tag, lang: str = "", skip: frozenset[str] | set[str] = UNSEEN
) -> Iterator[str]:
    """The visible text of `element`, leaving out the elements named in `skip` (scripts and
    styles) and whatever is in an element marked as English."""
    lang = str(element.get("lang") or lang)
    if element.name in skip or is_english(lang):
        return
    for child in element.children:
        if isinstance(child, Tag):
            yield from text_not_in_english(child, lang, skip)
        elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
            yield str(child)


def smallest_with(root: Tag, text: str) -> Tag | None:
    """The innermost element under `root` whose text contains `text`."""
    wanted = normal(text)
    found = [element for element in root.find_all(True) if wanted in shown(element)]
    return min(found, key=lambda element: len(element.get_text()), default=None)


def article(page: BeautifulSoup) -> Tag:
    content = page.select_one("article")
    assert content is not None
    return content


def opening_words(markdown: str, count: int = 12) -> str:
    """The first words of a Markdown text, up to the first bit of Markdown syntax."""
    words = []
    for word in markdown.split():
        if any(mark in word for mark in "*_[]()`<>#"):
            break
        words.append(word)
    assert len(words) >= 3, f"the text starts with Markdown: {markdown[:40]!r}"
    return " ".join(words[:count])


def paragraphs(markdown: str) -> list[str]:
    return [normal(part) for part in markdown.split("\n\n") if part.strip()]


def twin(url: str) -> str:
    """The same page in the other language."""
    return url.removeprefix(ES) if url.startswith(ES) else ES + url


def is_spanish_url(url: str) -> bool:
    return url.startswith(ES)


# --- Every page, read once ----------------------------------------------------------------


@dataclass(frozen=True)
class Switch:
    """A language switch link: the site URL it leads to, and what it says it leads to."""

    target: str
    hreflang: str
    lang: str
    text: str
    # Relative, so that it works wherever the site is published.
    relative: bool = True


@dataclass(frozen=True)
class PageFacts:
    """What a visitor of one page would notice about its language."""

    url: str
    lang: str
    switches: tuple[Switch, ...]
    text_not_in_english: str
    machine_notes: int
    untranslated_notes: int


def page_urls(site_dir: Path) -> list[str]:
    """The site URL of every page built, in both languages; the 404 pages aside."""
    found = []
    for html in site_dir.rglob("*.html"):
        path = html.relative_to(site_dir).as_posix()
        if path not in NOT_PAGES:
            found.append(path.removesuffix("index.html"))
    return sorted(found)


def read_facts(site_dir: Path, url: str) -> PageFacts:
    page = BeautifulSoup(SiteReader(site_dir).file(url).read_text("utf-8"), "html.parser")
    html = page.html
    assert html is not None and page.body is not None, url
    switches = tuple(
        Switch(
            target=resolve("/" + url, href),
            hreflang=str(link.get("hreflang", "")),
            lang=str(link.get("lang", "")),
            text=shown(link),
            relative=bool(href) and not re.match(r"/|[a-z]+:", href),
        )
        for link in page.select(".md-header a.cs-language")
        for href in [str(link.get("href", ""))]
    )
    lang = str(html.get("lang", ""))
    return PageFacts(
        url=url,
        lang=lang,
        switches=switches,
        text_not_in_english=normal(" ".join(text_not_in_english(page.body, lang))),
        machine_notes=len(page.select(".cs-machine-translation")),
        untranslated_notes=len(page.select(".cs-untranslated")),
    )


@pytest.fixture(scope="module")
def every_page(site_dir: Path) -> list[PageFacts]:
    return [read_facts(site_dir, url) for url in page_urls(site_dir)]


@pytest.fixture(scope="module")
def spanish_pages(every_page: list[PageFacts]) -> list[PageFacts]:
    return [page for page in every_page if is_spanish_url(page.url)]


def data_pages(catalog: Catalog) -> list[str]:
    """A page of each kind the data makes: profiles, cohorts, weeks, stories."""
    return (
        [urls.school(slug) for slug in catalog.schools]
        + [urls.cohort(cohort_id) for cohort_id in catalog.cohorts]
        + [urls.week(year) for year in catalog.weeks]
        + [urls.story(slug) for slug in catalog.stories]
    )


# --- One build, two sites -----------------------------------------------------------------


def test_every_page_has_a_spanish_twin_at_the_same_path(site_dir: Path) -> None:
    pages = page_urls(site_dir)
    english = {url for url in pages if not is_spanish_url(url)}
    spanish = {url.removeprefix(ES) for url in pages if is_spanish_url(url)}
    assert sorted(english - spanish) == [], "English pages without a Spanish twin"
    assert sorted(spanish - english) == [], "Spanish pages without an English twin"


def test_every_page_says_which_language_it_is_in(every_page: list[PageFacts]) -> None:
    wrong = [
        f"{page.url}: lang={page.lang!r}"
        for page in every_page
        if page.lang != ("es" if is_spanish_url(page.url) else "en")
    ]
    assert wrong == []


def test_every_page_has_one_switch_to_its_twin(every_page: list[PageFacts]) -> None:
    wrong = []
    for page in every_page:
        other, name = ("en", "English") if is_spanish_url(page.url) else ("es", "Español")
        expected = Switch(target=twin(page.url), hreflang=other, lang=other, text=name)
        if page.switches != (expected,):
            wrong.append(f"{page.url or '/'}: {page.switches}, not {expected}")
    assert wrong == [], "\n".join(wrong[:20])


def test_each_language_searches_only_its_own_pages(site_dir: Path, catalog: Catalog) -> None:
    # An index a language: a search on a page finds pages in its language only.
    indexed = indexed_pages(site_dir)
    english = {page.url for page in indexed if page.language == "en"}
    spanish = {page.url for page in indexed if page.language == "es"}
    profiles = {urls.school(slug) for slug in catalog.schools}

    assert [url for url in english if is_spanish_url(url)] == []
    assert [url for url in spanish if not is_spanish_url(url)] == []
    assert profiles <= english
    assert {ES + profile for profile in profiles} <= spanish


# --- Interface strings --------------------------------------------------------------------


def test_material_speaks_spanish_on_spanish_pages(site: SiteReader, catalog: Catalog) -> None:
    some_school = urls.school(next(iter(catalog.schools)))
    for url in [urls.HOME, urls.SCHOOLS, some_school, urls.ABOUT]:
        # Material's own name for the header, in each language.
        for where, name in [(url, "Header"), (ES + url, SPANISH_HEADER)]:
            header = site.page(where).select_one("nav.md-header__inner")
            assert header is not None, where
            assert header.get("aria-label") == name, where


def test_school_profile_headings_are_in_spanish(site: SiteReader, catalog: Catalog) -> None:
    wrong = []
    for slug in catalog.schools:
        url = urls.school(slug)
        for heading_id in ["programs", "ana-priorities", "stories"]:
            english = site.page(url).find("h2", id=heading_id)
            spanish = site.page(ES + url).find("h2", id=heading_id)
            # A section the sources say nothing of is not shown (the invitation names it).
            assert (english is None) == (spanish is None), (url, heading_id)
            if english is None:
                continue
            assert isinstance(english, Tag) and isinstance(spanish, Tag), (url, heading_id)
            if not shown(spanish) or shown(spanish) == shown(english):
                wrong.append(f"{ES + url}#{heading_id}: {shown(spanish)!r}")
    assert wrong == []


def test_breadcrumbs_and_sources_are_in_spanish(site: SiteReader, catalog: Catalog) -> None:
    for url in data_pages(catalog):
        page = site.page(ES + url)
        crumbs = page.select(".cs-breadcrumbs a")
        assert crumbs, ES + url
        assert shown(crumbs[0]) == "Inicio", ES + url
        assert resolve("/" + ES + url, str(crumbs[0]["href"])) == ES, ES + url
        heading = page.select_one("#sources-heading")
        assert heading is not None and shown(heading) == "Fuentes", ES + url


# --- The catalogue ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def messages() -> Messages:
    with CATALOGUE.open("rb") as file:
        return read_po(file, locale="es")


def forms(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """A message id or translation as a tuple: plural messages have more than one form."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def test_every_message_is_translated_and_none_is_fuzzy(messages: Messages) -> None:
    translatable = [message for message in messages if message.id]
    assert len(translatable) > 20
    untranslated = [
        message.id
        for message in translatable
        if not forms(message.string) or not all(form.strip() for form in forms(message.string))
    ]
    assert untranslated == []
    assert [message.id for message in translatable if message.fuzzy] == []


def marked_strings() -> dict[str, str]:
    """Every string marked for translation in the code and the templates, with where."""
    found: dict[str, str] = {}
    try:
        extracted = list(
            extract_from_dir(
                str(ROOT),
                METHOD_MAP,
                # A template Jinja cannot read should fail here, not hide its strings.
                options_map={"overrides/**.html": {"silent": "false"}},
                keywords=KEYWORDS,
            )
        )
    except (ValueError, ImportError):  # no Jinja extractor: Python with Babel, templates by hand
        extracted = list(extract_from_dir(str(ROOT), METHOD_MAP[:1], keywords=KEYWORDS))
        for template in sorted((ROOT / "overrides").rglob("*.html")):
            text = template.read_text("utf-8")
            for match in TEMPLATE_CALL.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                extracted.append(
                    (template.relative_to(ROOT).as_posix(), line, match[1] or match[2], [], None)
                )
    for file_name, line, message, _comments, _context in extracted:
        for form in forms(message):
            if form:
                found.setdefault(form, f"{file_name}:{line}")
    return found


def test_every_marked_string_is_in_the_catalogue(messages: Messages) -> None:
    marked = marked_strings()
    assert any(where.startswith("overrides/") for where in marked.values())
    assert any(where.startswith("showcase/") for where in marked.values())
    known = {form for message in messages if message.id for form in forms(message.id)}
    missing = [f"{where}: {text!r}" for text, where in marked.items() if text not in known]
    assert missing == []


def english_phrases(messages: Messages) -> dict[str, str]:
    """Each piece of 3 words or more of an English message, between what gets filled in,
    with the message it comes from; messages whose Spanish is the same text aside."""
    phrases = {}
    for message in messages:
        translations = set(forms(message.string))
        for english in forms(message.id):
            if not english or english in translations:
                continue
            for piece in PLACEHOLDER.split(english):
                phrase = normal(piece).strip(" ,.;:·–—()")
                if len(phrase.split()) >= 3:
                    phrases[phrase] = english
    return phrases


def test_no_interface_string_shows_in_english_on_a_spanish_page(
    spanish_pages: list[PageFacts], messages: Messages
) -> None:
    phrases = english_phrases(messages)
    assert phrases, "the catalogue has no message of three words or more"
    found = [
        f"{page.url}: {phrase!r} (from {message!r})"
        for page in spanish_pages
        for phrase, message in phrases.items()
        if phrase in page.text_not_in_english
    ]
    assert found == [], "\n".join(found[:30])


def test_english_data_on_spanish_pages_is_marked_english(
    spanish_pages: list[PageFacts], catalog: Catalog
) -> None:
    # The real data has no Spanish yet: every text that could have some shows in English.
    texts = [
        *(text for story in catalog.stories.values() for text in (story.title, story.summary)),
        *(cohort.description for cohort in catalog.cohorts.values()),
        *(fact.text for cohort in catalog.cohorts.values() for fact in cohort.funding),
        *(week.description for week in catalog.weeks.values()),
        *(fact.text for school in catalog.schools.values() for fact in school.notes),
        *(
            fact.text
            for school in catalog.schools.values()
            for fact in [*school.programs, *school.ana_priorities]
        ),
    ]
    phrases = {normal(text) for text in texts if len(text.split()) >= 3}
    found = [
        f"{page.url}: {phrase[:60]!r}"
        for page in spanish_pages
        for phrase in phrases
        if phrase in page.text_not_in_english
    ]
    assert found == [], "\n".join(found[:30])


# --- Stories and pages not (yet) translated by a person -----------------------------------


def test_untranslated_stories_show_the_english_marked_and_say_so(
    site: SiteReader, catalog: Catalog, every_page: list[PageFacts]
) -> None:
    for story in catalog.stories.values():
        url = urls.story(story.slug)
        page = site.page(ES + url)
        assert page.h1 is not None and shown(page.h1) == story.title, url
        assert is_english(language_of(page.h1)), url
        for text in [story.summary, opening_words(story.body)]:
            shown_in = smallest_with(article(page), text)
            assert shown_in is not None, (url, text)
            assert is_english(language_of(shown_in)), (url, text)
        notes = page.select("p.cs-untranslated")
        assert len(notes) == 1, url
        assert "inglés" in shown(notes[0]), url
        assert language_of(notes[0]) == "es", url
    english = [page for page in every_page if not is_spanish_url(page.url)]
    assert [page.url for page in english if page.untranslated_notes] == []


def front_matter(markdown_file: Path) -> dict[str, Any]:
    match = re.match(r"---\n(.*?)\n---\n", markdown_file.read_text("utf-8"), re.DOTALL)
    meta = yaml.safe_load(match[1]) if match else None
    return meta if isinstance(meta, dict) else {}


def docs_url(markdown_file: Path, docs_dir: Path) -> str:
    """The site URL of a hand-written page, relative to its language's site."""
    path = markdown_file.relative_to(docs_dir).with_suffix("").as_posix()
    if path == "index":
        return ""
    return path.removesuffix("index") if path.endswith("/index") else path + "/"


def test_machine_translated_pages_say_so_in_spanish(
    site: SiteReader, every_page: list[PageFacts]
) -> None:
    machine = []
    for markdown_file in sorted(SPANISH_DOCS.rglob("*.md")):
        url = ES + docs_url(markdown_file, SPANISH_DOCS)
        notes = site.page(url).select(".cs-machine-translation")
        if front_matter(markdown_file).get("translation") == "machine":
            machine.append(url)
            assert len(notes) == 1, url
            assert "traduc" in shown(notes[0]).lower(), url
            assert language_of(notes[0]) == "es", url
        else:
            assert notes == [], url
    assert machine, "docs/es has no page marked `translation: machine`"
    english = [page for page in every_page if not is_spanish_url(page.url)]
    assert [page.url for page in english if page.machine_notes] == []


# --- Data with Spanish --------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory: pytest.TempPathFactory) -> SiteReader:
    """The site built from a copy of the real data with Spanish in a few places."""
    out = tmp_path_factory.mktemp("translated-site")
    result = build_site(out, SPANISH_DATA)
    assert result.returncode == 0, result.stdout + result.stderr
    return SiteReader(out)


def test_the_spanish_data_set_is_valid() -> None:
    # A copy of the real data: its quotes are those of the real archived sources.
    archive = default_archive(ROOT / "data")
    assert [str(problem) for problem in all_problems(SPANISH_DATA, archive)] == []


def test_a_translated_story_shows_its_spanish_and_who_translated_it(
    translated_site: SiteReader,
) -> None:
    story = read_yaml(TRANSLATED_STORY)
    url = ES + urls.story(TRANSLATED_STORY.stem)
    page = translated_site.page(url)
    assert page.h1 is not None and shown(page.h1) == story["title_es"]
    assert language_of(page.h1) == "es"
    for text in [story["summary_es"], *paragraphs(story["body_es"])]:
        shown_in = smallest_with(article(page), text)
        assert shown_in is not None, text
        assert language_of(shown_in) == "es", text
    assert page.select(".cs-untranslated") == []
    assert normal(story["translated_by"]) in shown(article(page))


def test_the_english_page_of_a_translated_story_is_unchanged(
    translated_site: SiteReader,
) -> None:
    story = read_yaml(TRANSLATED_STORY)
    page = translated_site.page(urls.story(TRANSLATED_STORY.stem))
    assert page.h1 is not None and shown(page.h1) == normal(story["title"])
    text = shown(article(page))
    assert opening_words(story["body"]) in text
    for spanish in [story["title_es"], story["summary_es"], paragraphs(story["body_es"])[0]]:
        assert normal(spanish) not in text
    assert normal(story["translated_by"]) not in text


def test_a_translated_story_is_listed_under_its_spanish_title(
    translated_site: SiteReader,
) -> None:
    story = read_yaml(TRANSLATED_STORY)
    for url, title in [("", story["title"]), (ES, story["title_es"])]:
        school = url + urls.school(story["schools"][0])
        listed = [
            shown(link)
            for link in article(translated_site.page(school)).find_all("a", href=True)
            if resolve("/" + school, str(link["href"])) == url + urls.story(TRANSLATED_STORY.stem)
        ]
        assert listed == [normal(title)], school


def test_a_translated_cohort_and_school_note_show_their_spanish(
    translated_site: SiteReader,
) -> None:
    cohort = next(
        c
        for c in read_yaml(SPANISH_DATA / "cohorts.yaml")["cohorts"]
        if c["id"] == TRANSLATED_COHORT
    )
    school = next(
        s
        for s in read_yaml(SPANISH_DATA / "schools.yaml")["schools"]
        if s["slug"] == TRANSLATED_NOTE_SCHOOL
    )
    note = next(note for note in school["notes"] if note.get("text_es"))
    for url, english, spanish in [
        (urls.cohort(TRANSLATED_COHORT), cohort["description"], cohort["description_es"]),
        (urls.school(TRANSLATED_NOTE_SCHOOL), note["text"], note["text_es"]),
    ]:
        in_spanish = smallest_with(article(translated_site.page(ES + url)), spanish)
        assert in_spanish is not None, ES + url
        assert language_of(in_spanish) == "es", ES + url
        english_page = shown(article(translated_site.page(url)))
        assert normal(english) in english_page, url
        assert normal(spanish) not in english_page, url


# --- Plurals ------------------------------------------------------------------------------

THREE_FORMS = """\
msgid ""
msgstr ""
"Language: pl\\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "one school"
msgid_plural "%(num)d schools"
msgstr[0] "jedna szkoła"
msgstr[1] "%(num)d szkoły"
msgstr[2] "%(num)d szkół"

msgid "half-done"
msgid_plural "half-dones"
msgstr[0] "zrobione"
msgstr[1] ""
msgstr[2] ""
"""


def test_plurals_follow_the_catalogues_own_plural_rule(tmp_path: Path) -> None:
    """A language with three forms gets the one its `Plural-Forms` rule names for each count,
    not "one, else the last"; a plural with a form left blank shows in English."""
    path = tmp_path / "messages.po"
    path.write_text(THREE_FORMS, encoding="utf-8")
    polish = Language("pl", "Polski", "pl/", catalogue(path, "pl"))
    # Written out by hand from the rule above: 1 → 0; 2-4, 22-24 → 1; 0, 5-21, 25 → 2.
    expected = {1: "jedna szkoła", 2: "%(num)d szkoły", 4: "%(num)d szkoły", 22: "%(num)d szkoły"}
    expected |= {0: "%(num)d szkół", 5: "%(num)d szkół", 12: "%(num)d szkół", 25: "%(num)d szkół"}
    for count, form in expected.items():
        assert polish.ngettext("one school", "%(num)d schools", count) == form, count
    assert polish.ngettext("half-done", "half-dones", 3) == "half-dones"


def test_spanish_plurals_use_the_plural_for_zero() -> None:
    """Spanish says "0 escuelas": its catalogue's rule is `n != 1`."""
    spanish = language("es", "Español", "es/")
    with CATALOGUE.open("rb") as file:
        plurals = [m for m in read_po(file, locale="es") if isinstance(m.id, tuple) and m.string]
    assert plurals, "the Spanish catalogue has no plural message to check"
    for message in plurals:
        singular, plural = str(message.id[0]), str(message.id[1])
        assert isinstance(message.string, tuple | list)
        one, many = message.string
        assert spanish.ngettext(singular, plural, 0) == many
        assert spanish.ngettext(singular, plural, 1) == one
