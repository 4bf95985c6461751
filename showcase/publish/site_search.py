"""The site's search index, one per language, written by the build from the pages it renders.

A page's words are those of its article (`<article>`), but for the parts marked
`data-search-ignore` (breadcrumbs, share bar, notices every page repeats). The index is cut so
that a browser fetches only what a search needs, whatever the size of the site; nothing of it
loads with a page (`docs/assets/search-index.js` reads it):

- `search/index.json`: `{"version", "pages", "chunk", "shards"}`; `shards` lists, separated by
  spaces, the key of every shard written.
- `search/words/<key>.json`: every word whose first `KEY_LENGTH` letters are `<key>` (the whole
  word if shorter), each with the ids of its pages in three fields: `text` (title and article),
  `title`, and `names` (a school's name and other names). Ids ascend and are written as the
  first, then the differences, which compress to little.
- `search/pages/<k>.json`: pages `k * chunk` to `(k + 1) * chunk - 1`, each as
  `[address, title, line, aliases]`, the address relative to the language's root.
- `search/filters.json`: the ids of the school profiles for each value of each of the
  directory's filters.

Pages are numbered schools first, then stories, then the rest, each by title: what a search
lists first when titles do not decide.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from showcase.pages.page import SchoolEntry

FOLDER = "search"
VERSION = 1
KEY_LENGTH = 3
CHUNK = 50
FIELDS = ("text", "title", "names")

_MARKS = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[a-z0-9]+")
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)
# The parts of an article that search leaves out: none holds an element of its own kind.
_IGNORED = re.compile(
    r"<(nav|aside|div|p)\b[^>]*\sdata-search-ignore\b[^>]*>.*?</\1>|<(script|style|svg)\b.*?</\2>",
    re.DOTALL,
)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def words(text: str) -> list[str]:
    """The words of `text` as the index holds them: lowercased, accents dropped, runs of
    letters a–z and digits ("Año Escolar" → ano, escolar). `search-index.js` does the same."""
    return _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFKD", text.lower())))


def key(word: str) -> str:
    """The shard a word is in."""
    return word[:KEY_LENGTH]


def _text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


@dataclass(frozen=True, slots=True)
class Article:
    """A rendered page as search sees it: its heading and the words of its article."""

    title: str
    text: str


def read_article(output: str) -> Article | None:
    """The heading and text of the article of a rendered page, or None for a page without."""
    found = _ARTICLE.search(output)
    if found is None:
        return None
    article = _IGNORED.sub(" ", found.group(1))
    heading = _H1.search(article)
    return Article(_text(heading.group(1)) if heading else "", _text(article))


class SearchIndex:
    """The pages of one language as they are rendered, written out once all are in."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}  # every word, as a number
        self._pages: list[tuple[int, str, str, str, str, SchoolEntry | None]] = []
        # For each field, the pages (in the order added) of each word, by its number: held as
        # arrays, 4 bytes a page, since at ten thousand schools there are millions.
        self._postings: tuple[dict[int, array[int]], ...] = tuple({} for _ in FIELDS)

    def add(
        self, url: str, article: Article, line: str, rank: int, school: SchoolEntry | None
    ) -> None:
        """Add the page at site address `url` (relative to the language's root)."""
        page = len(self._pages)
        self._pages.append((rank, article.title.casefold(), url, article.title, line, school))
        found = (
            words(article.title + " " + article.text),
            words(article.title),
            words(school.names) if school else [],
        )
        ids = self._ids
        for field, field_words in zip(self._postings, found, strict=True):
            for number in {ids.setdefault(word, len(ids)) for word in field_words}:
                pages = field.get(number)
                if pages is None:
                    pages = field[number] = array("I")
                pages.append(page)

    def write(self, folder: Path) -> None:
        """Write the index into `folder` (a language's `search/`), replacing what was there."""
        order = sorted(range(len(self._pages)), key=lambda i: self._pages[i][:3])
        page_id = array("I", bytes(4 * len(order)))
        for number, i in enumerate(order):
            page_id[i] = number
        shards: dict[str, list[str]] = {}
        for word in self._ids:
            shards.setdefault(key(word), []).append(word)
        _clear(folder)
        (folder / "words").mkdir(parents=True)
        (folder / "pages").mkdir()
        # One shard's lists at a time.
        for name, shard_words in shards.items():
            shard: dict[str, dict[str, list[int]]] = {}
            for word in sorted(shard_words):
                number = self._ids[word]
                shard[word] = {
                    field_name: _deltas(sorted(page_id[page] for page in field[number]))
                    for field_name, field in zip(FIELDS, self._postings, strict=True)
                    if number in field
                }
            _write_json(folder / "words" / f"{name}.json", shard)
        records = [self._record(i) for i in order]
        for start in range(0, len(records), CHUNK):
            _write_json(folder / "pages" / f"{start // CHUNK}.json", records[start : start + CHUNK])
        _write_json(folder / "filters.json", self._filters(order))
        manifest = {
            "version": VERSION,
            "pages": len(records),
            "chunk": CHUNK,
            "shards": " ".join(sorted(shards)),
        }
        _write_json(folder / "index.json", manifest)

    def _record(self, i: int) -> list[str]:
        _rank, _sort, url, title, line, school = self._pages[i]
        return [url, title, line, school.aliases if school else ""]

    def _filters(self, order: list[int]) -> dict[str, dict[str, list[int]]]:
        table: dict[str, dict[str, list[int]]] = {}
        for page_id, i in enumerate(order):
            school = self._pages[i][5]
            for name, value in school.filters if school else ():
                table.setdefault(name, {}).setdefault(value, []).append(page_id)
        return {
            name: {value: _deltas(ids) for value, ids in sorted(values.items())}
            for name, values in sorted(table.items())
        }


def _deltas(ids: list[int]) -> list[int]:
    return [ids[0], *(b - a for a, b in pairwise(ids))] if ids else []


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _clear(folder: Path) -> None:
    """Remove an earlier build's index (`mkdocs serve` writes into the same folder)."""
    shutil.rmtree(folder, ignore_errors=True)
