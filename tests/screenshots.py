"""Screenshots of each kind of page at phone and desktop width, for a reviewer to look at.

Not a test, and not collected as one: `make screenshots` runs it (`PYTHONPATH=. python
tests/screenshots.py`, from the checkout: it imports `benchmarks.static_server`) and the checks
workflow keeps what it writes to `artifacts/screenshots/`. It builds the site
into a temporary folder, serves it on 127.0.0.1 and opens the same real page of each kind as
the browser tests, in Debian's Chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from browser.conftest import (
    CHROMIUM,
    PAGE_KINDS,
    SCREENS,
    context_options,
    launch_options,
    real_pages,
)
from conftest import ROOT, build_site
from playwright.sync_api import Browser, sync_playwright

from benchmarks.static_server import serve
from showcase.data.catalog import read_catalog

SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def photograph(browser: Browser, address: str, pages: dict[str, str], out: Path) -> list[Path]:
    """One full-page screenshot per kind of page and screen, written to `out`."""
    written = []
    for screen in SCREENS:
        context = browser.new_context(**context_options(screen))
        tab = context.new_page()
        for kind in PAGE_KINDS:
            response = tab.goto(address + pages[kind], wait_until="networkidle")
            if response is None or not response.ok:
                status = response.status if response else "no response"
                raise RuntimeError(f"{pages[kind]}: {status}")
            path = out / f"{kind}-{screen.name}.png"
            tab.screenshot(path=path, full_page=True, animations="disabled")
            written.append(path)
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=SCREENSHOTS, help="folder for the PNG files")
    out: Path = parser.parse_args(argv).out
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: `make screenshots` installs it", file=sys.stderr)
        return 1
    # The browser tests pick one real page of each kind from the data with this fixture.
    pages: dict[str, str] = real_pages(read_catalog(ROOT / "data"))
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        built = build_site(site)
        if built.returncode != 0:
            print(built.stdout + built.stderr, file=sys.stderr)
            return 1
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.png"):
            old.unlink()
        with serve(site) as address, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            written = photograph(browser, address, pages, out)
            browser.close()
    print(f"{len(written)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
