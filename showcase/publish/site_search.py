"""The site's search index: Pagefind, run over the finished site.

Pagefind reads every built page (each language's from its `<html lang>`) and writes a bundle
under `pagefind/`: a small script, and an index cut into fragments that a browser fetches only
when somebody searches, and only those a query needs. Nothing of it loads with a page.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

FOLDER = "pagefind"
# The bundle's table of languages, which Pagefind writes in any order from one run to the next.
ENTRY = "pagefind-entry.json"


def index(site_dir: Path) -> None:
    """Write the search bundle of the built site in `site_dir` into `site_dir/pagefind/`."""
    result = subprocess.run(
        [str(get_executable()), "--site", str(site_dir), "--output-subdir", FOLDER, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(
            "The search index was not written; Pagefind said:\n"
            + (result.stderr or result.stdout).strip()
        )
    sort_languages(site_dir / FOLDER / ENTRY)


def sort_languages(entry: Path) -> None:
    """Write the bundle's languages in one order, so that two builds of the same site are the
    same byte for byte."""
    table = json.loads(entry.read_text("utf-8"))
    table["languages"] = dict(sorted(table["languages"].items()))
    entry.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), "utf-8")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""
