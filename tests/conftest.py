"""Build the real site once per test session, and helpers to read it like a visitor."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import ARCHIVE, GOOD, copy_data

from showcase.data.catalog import Catalog, read_catalog

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"


# The day every test build says its data is "as of", given as the deploy workflow gives it.
BUILD_DATE = datetime.date(2024, 5, 1)
SOURCE_DATE_EPOCH = str(int(datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC).timestamp()))


def clean_env(**settings: str) -> dict[str, str]:
    """The whole environment of a command a test runs: none of the caller's own settings
    (SITE_URL, SHOWCASE_DATA, EDIT_URI, SOURCE_DATE_EPOCH…), only what finds programs, plus
    `settings`."""
    kept = {name: os.environ[name] for name in ("PATH", "HOME", "TMPDIR") if name in os.environ}
    return {
        **kept,
        "LANG": "C.UTF-8",
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        **settings,
    }


def build_site(
    out: Path, data_dir: Path | None = None, *, cwd: Path = ROOT, **settings: str
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on the project, with the real data or another folder;
    `settings` are environment variables that mkdocs.yml reads (SITE_URL, EDIT_URI)."""
    if data_dir is not None:
        settings["SHOWCASE_DATA"] = str(data_dir)
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(out)],
        cwd=cwd,
        env=clean_env(**settings),
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's own files (no virtual environment, caches, tests or output), to
    break on purpose and build."""
    shutil.copytree(
        ROOT,
        target,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "site", ".cache", "tests", "*_cache", "node_modules", "artifacts"
        ),
    )
    return target


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return read_catalog(ROOT / "data")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    yield out


class SiteReader:
    """Opens built pages by URL, parsed with a real HTML parser."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, BeautifulSoup] = {}

    def file(self, url: str) -> Path:
        path = self.root / url.strip("/")
        return path / "index.html" if not path.suffix else path

    def page(self, url: str) -> BeautifulSoup:
        if url not in self._cache:
            self._cache[url] = BeautifulSoup(self.file(url).read_text("utf-8"), "html.parser")
        return self._cache[url]

    def links(self, url: str, selector: str = "article") -> set[str]:
        """Site URLs (like `schools/x/`) that the part of a page at `selector` links to."""
        base = "/" + url.strip("/") + ("/" if url.strip("/") else "")
        found = set()
        for scope in self.page(url).select(selector):
            for anchor in scope.find_all("a", href=True):
                href = str(anchor["href"])
                if href.startswith(("http:", "https:", "mailto:", "#")):
                    continue
                found.add(resolve(base, href))
        return found


def resolve(base: str, href: str) -> str:
    """The site URL, without leading slash, that `href` on the page at `base` points to."""
    path = urlsplit(urljoin("http://site" + base, href)).path.lstrip("/")
    return path.removesuffix("index.html")


@pytest.fixture(scope="session")
def site(site_dir: Path) -> SiteReader:
    return SiteReader(site_dir)


@pytest.fixture(scope="module")
def good_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the good fixture data set, for tests that write story files into it."""
    return copy_data(GOOD, tmp_path_factory.mktemp("good") / "data")


@pytest.fixture(scope="module")
def good_catalog(good_data: Path) -> Catalog:
    return read_catalog(good_data, ARCHIVE)
