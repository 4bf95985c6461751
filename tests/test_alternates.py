"""Every page tells search engines where it is in each language, in its <head>."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default; the test build never sets another
LANGUAGES = {"en": "", "es": "es/"}


def alternates_problems(site_dir: Path, page: Path) -> list[str]:
    """What is wrong with the hreflang alternates of one built page."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    found = {
        str(link["hreflang"]): str(link["href"])
        for link in soup.find_all("link", hreflang=True)
        if "alternate" in (link.get("rel") or [])
    }
    path = page.relative_to(site_dir).as_posix().removesuffix("index.html")
    english_path = path.removeprefix("es/")
    expected = {code: SITE_URL + folder + english_path for code, folder in LANGUAGES.items()}
    problems = [f"{path}: hreflang {found} is not {expected}"] if found != expected else []
    for href in found.values():
        target = site_dir / href.removeprefix(SITE_URL) / "index.html"
        if not target.is_file():
            problems.append(f"{path}: {href} leads nowhere")
    return problems


def _pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("index.html"))


def test_every_page_names_itself_in_both_languages(site_dir: Path) -> None:
    pages = _pages(site_dir)
    assert len(pages) > 100
    problems = [problem for page in pages for problem in alternates_problems(site_dir, page)]
    assert problems == []


def test_the_check_sees_a_page_without_its_spanish_twin(site_dir: Path, tmp_path: Path) -> None:
    page = site_dir / "schools" / "index.html"
    html = page.read_text("utf-8")
    broken = tmp_path / "schools" / "index.html"
    broken.parent.mkdir(parents=True)
    broken.write_text(html.replace('hreflang="es"', 'hreflang="fr"'), "utf-8")
    assert any(" hreflang " in problem for problem in alternates_problems(tmp_path, broken))
