"""The browser splits what a visitor types into words as the index holds them: lowercased,
accents dropped, runs of a-z and digits (`assets/search-index.js`, the rule of
`showcase/publish/site_search.py`), so that "Año", "año" and "ANO" find the same pages. The
index itself is checked against the same rule on every page by tests/test_site_search.py."""

from __future__ import annotations

from search_index_files import index_words

from browser.conftest import Visit
from browser.search_dialog import change_asset
from showcase import urls

TYPED = [
    "Año Escolar",
    "ESCUELA  comunitaria—Cohort IV",
    "school's 24th-Street, St. Mary’s",
    "Ñandú café Pingüino ÉLITE",
    "  ",
    "L.A. 90011 k-12 2024/25",
]
WORDS = """async ([module, texts]) => {
  const { words } = await import(module);
  return texts.map((text) => words(text));
}"""


def words_in_the_browser(visit: Visit) -> list[list[str]]:
    visit.open(urls.ABOUT)
    module = visit.site_url + "assets/search-index.js"
    found: list[list[str]] = visit.page.evaluate(WORDS, [module, TYPED])
    return found


def test_the_browser_reads_typed_words_as_the_index_holds_them(visit: Visit) -> None:
    found = words_in_the_browser(visit)
    assert [set(words) for words in found] == [index_words(text) for text in TYPED]
    assert found[0] == ["ano", "escolar"]


def test_the_words_check_catches_accents_kept(visit: Visit) -> None:
    # The negative control: a module that no longer drops accents.
    change_asset(visit.page, "assets/search-index.js", '.replace(/[\\u0300-\\u036f]/g, "")', "")
    found = words_in_the_browser(visit)
    assert [set(words) for words in found] != [index_words(text) for text in TYPED]
