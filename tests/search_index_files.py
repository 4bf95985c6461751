"""What the site's search index holds, read straight from its files.

Each language's index is at its root, `search/` (`es/search/`): `index.json`, word shards under
`words/`, page records under `pages/`, the directory's filters in `filters.json`, as
`showcase/publish/site_search.py` describes them. Read here without the product's code, so
that a test sees the whole index at once, without a browser or a search per page.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

FOLDERS = {"en": "", "es": "es/"}


def index_words(text: str) -> set[str]:
    """The words of `text` as the index is meant to hold them: lowercase, accents dropped,
    runs of a-z and digits."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return set(re.findall(r"[a-z0-9]+", plain))


@dataclass
class IndexedPage:
    url: str  # the site URL with its language folder, as `es/schools/x/` (the home page is "")
    language: str
    title: str
    line: str
    aliases: str
    words: dict[str, set[str]] = field(default_factory=dict)  # field → its words
    filters: set[tuple[str, str]] = field(default_factory=set)


def _ids(deltas: list[int]) -> list[int]:
    return list(accumulate(deltas))


def read_index(site_dir: Path, language: str) -> list[IndexedPage]:
    """Every page of one language's index, by id, with the words each of its fields holds."""
    folder = site_dir / FOLDERS[language] / "search"
    manifest = json.loads((folder / "index.json").read_text("utf-8"))
    pages: list[IndexedPage] = []
    for number in range(-(-manifest["pages"] // manifest["chunk"])):
        records = json.loads((folder / "pages" / f"{number}.json").read_text("utf-8"))
        for url, title, line, aliases in records:
            pages.append(IndexedPage(FOLDERS[language] + url, language, title, line, aliases))
    assert len(pages) == manifest["pages"], f"{language}: the records disagree with index.json"
    shards = sorted(path.stem for path in (folder / "words").glob("*.json"))
    assert shards == sorted(manifest["shards"].split()), f"{language}: shards not as listed"
    for shard in shards:
        for word, fields in json.loads((folder / "words" / f"{shard}.json").read_text()).items():
            assert word[:3] == shard, f"{language}: {word} is in shard {shard}"
            for name, deltas in fields.items():
                for page_id in _ids(deltas):
                    pages[page_id].words.setdefault(name, set()).add(word)
    filters = json.loads((folder / "filters.json").read_text("utf-8"))
    for name, values in filters.items():
        for value, deltas in values.items():
            for page_id in _ids(deltas):
                pages[page_id].filters.add((name, value))
    return pages


def indexed_pages(site_dir: Path) -> list[IndexedPage]:
    """Every page in the search indexes of the site built in `site_dir`, both languages."""
    return [page for language in FOLDERS for page in read_index(site_dir, language)]
