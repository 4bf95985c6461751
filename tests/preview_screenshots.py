"""Phone-width screenshots of the pages a pull request adds or changes, in both languages.

Not a test: the preview workflow runs it from the checkout (`PYTHONPATH=. python
tests/preview_screenshots.py --site DIR --out DIR CHANGED_PATH...`: it imports
`benchmarks.static_server`) with the files the pull request changes. It works out which pages
show those files, builds the site into `--site`, serves it on 127.0.0.1 and photographs each
page at 360 px in Debian's Chromium, English and Spanish. `--out` gets one PNG per page and
`pages.txt`, one line per page: its address on the site, then the PNG's name
(`showcase.tools.pr_preview` reads them for the comment).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from browser.conftest import CHROMIUM, PHONE, context_options, launch_options, real_pages
from conftest import ROOT, build_site
from playwright.sync_api import sync_playwright

from benchmarks.static_server import serve
from showcase import urls
from showcase.data.catalog import Catalog, read_catalog
from showcase.tools.pr_preview import screenshot_name

# A preview is for a reviewer to look at; past this many pages, a full review is needed anyway.
MAX_PAGES = 24
LANGUAGE_FOLDERS = ("", "es/")
DATA_FILE_PAGES = {
    "schools.yaml": urls.SCHOOLS,
    "cohorts.yaml": urls.COHORTS,
    "weeks-of-action.yaml": urls.WEEKS,
}


def docs_page(path: PurePosixPath) -> str:
    """The address of a hand-written page `docs/[es/]….md` (without its language folder)."""
    parts = path.parts[2:] if path.parts[1] == "es" else path.parts[1:]
    if not parts or not parts[-1].endswith(".md"):
        return urls.HOME
    stem = PurePosixPath(*parts).with_suffix("")
    if stem.name == "index":
        stem = stem.parent
    return "" if str(stem) == "." else f"{stem}/"


def story_pages(path: PurePosixPath, catalog: Catalog) -> list[str]:
    story = catalog.stories.get(path.stem)
    if story is None:  # a story removed: the pages that listed it
        return [urls.HOME]
    return [urls.story(story.slug), *(urls.school(slug) for slug in story.schools)]


def changed_pages(changed: Iterable[str], catalog: Catalog) -> list[str]:
    """The pages (English addresses) that show what the changed files hold, in order, once."""
    pages: list[str] = []
    for name in changed:
        path = PurePosixPath(name)
        top = path.parts[0] if path.parts else ""
        if top == "data" and path.parts[1:2] == ("stories",) and path.suffix == ".yaml":
            pages += story_pages(path, catalog)
        elif top == "data":
            pages.append(DATA_FILE_PAGES.get(path.name, urls.HOME))
        elif top == "docs":
            pages.append(docs_page(path))
        elif top == "overrides":
            # A template can change any page: one real page of each kind.
            pages += [url for kind, url in real_pages(catalog).items() if "-" not in kind]
    return list(dict.fromkeys(pages))


def photograph(site: Path, addresses: list[str], out: Path) -> list[tuple[str, str]]:
    """Each address that exists in `site`, photographed at phone width: (address, PNG name)."""
    taken = []
    with serve(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context(**context_options(PHONE))
        tab = context.new_page()
        for address in addresses:
            if not (site / address / "index.html").is_file():
                continue  # e.g. a page removed, or one not (yet) in Spanish
            tab.goto(root + address, wait_until="networkidle")
            name = screenshot_name(address)
            tab.screenshot(path=out / name, full_page=True, animations="disabled")
            taken.append((address, name))
        browser.close()
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, required=True, help="folder to build the site in")
    parser.add_argument("--out", type=Path, required=True, help="folder for the screenshots")
    parser.add_argument("changed", nargs="*", help="the files the pull request changes")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: `make screenshots` installs it", file=sys.stderr)
        return 1
    english = changed_pages(args.changed, read_catalog(ROOT / "data"))
    addresses = [folder + page for page in english for folder in LANGUAGE_FOLDERS]
    built = build_site(args.site)
    if built.returncode != 0:
        print(built.stdout + built.stderr, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    taken = photograph(args.site, addresses[:MAX_PAGES], args.out)
    lines = [f"{address} {name}\n" for address, name in taken]
    (args.out / "pages.txt").write_text("".join(lines), encoding="utf-8")
    print(f"{len(taken)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
