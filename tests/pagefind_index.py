"""What Pagefind indexed in a built site, read straight from its bundle.

Pagefind writes one fragment a page, `pagefind/fragment/<language>_<hash>.pf_fragment`: gzip
around the marker `pagefind_dcd` and the page's JSON (`url`, `meta.title`, `content`). It is
what a browser fetches to show a result, read here so that a test sees the whole index at
once, without a browser or a search per page.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from showcase.publish.site_search import FOLDER

_MARKER = b"pagefind_dcd"


@dataclass(frozen=True)
class IndexedPage:
    url: str  # the site URL, as `schools/x/` (the home page is "")
    language: str
    title: str
    content: str


def indexed_pages(site_dir: Path) -> list[IndexedPage]:
    """Every page in the search index of the site built in `site_dir`, once per fragment."""
    pages = []
    for fragment in sorted((site_dir / FOLDER / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(_MARKER), f"{fragment.name} is not a Pagefind fragment"
        page = json.loads(data[len(_MARKER) :])
        pages.append(
            IndexedPage(
                url=str(page["url"]).lstrip("/"),
                language=fragment.name.split("_", 1)[0],
                title=str(page["meta"].get("title", "")),
                content=str(page["content"]),
            )
        )
    return pages
