"""Citations on the hand-written pages: the syntax, its check, how it shows, and that every
source the prose names carries its words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site, copy_project
from helpers import ARCHIVE, FIXTURES

from showcase.data.evidence import Archive, normalised
from showcase.markdown.citations import makeExtension
from showcase.markdown.page_citations import CITATION, docs_problems, mentions, pages, read_sources
from showcase.tools.cli import main

PAGES = FIXTURES / "pages"
SOURCES = read_sources(FIXTURES / "good" / "sources.yaml")
# The hand-written pages, English and Spanish, all of which cite their sources with evidence;
# a test keeps this list equal to the Markdown files under docs/.
CONVERTED = [
    "index.md",
    "about/index.md",
    "about/governance.md",
    "about/assets-and-needs-assessment.md",
    "about/coordinators.md",
    "about/research.md",
    "es/index.md",
    "es/about/index.md",
    "es/about/assets-and-needs-assessment.md",
    "es/about/governance.md",
    "es/about/coordinators.md",
    "es/about/research.md",
]
HAND_WRITTEN = [ROOT / "docs" / name for name in CONVERTED]


def test_every_hand_written_page_is_checked() -> None:
    on_disk = {path.relative_to(ROOT / "docs").as_posix() for path in pages(ROOT / "docs")}
    assert on_disk == set(CONVERTED)


# A source named in the prose the way the pages name them: "(UTLA article)", "(LAUSD, CSI
# history)", "(UTLA, 2024)", "(press release, October 2020)"…; not a name's abbreviation,
# "Los Angeles Unified (LAUSD)", "Distrito Escolar Unificado de Los Ángeles (LAUSD)".
NAMED_SOURCE = re.compile(
    r"(?<!Unified )(?<!Ángeles )\((?:UTLA|LAUSD|UNITE-LA|L\.A\. Compact|EdSource|"
    r"California Department of Education|press release|jackielausd\.com|USC|"
    # The Spanish pages' labels: "(historia de la CSI, LAUSD)", "(artículo de UTLA)"…
    r"historia de la CSI|página principal|artículo|comunicado de prensa|"
    r"Departamento de Educación)\b[^()]*\)"
)


def _problems(folder: Path) -> list[str]:
    return [str(p) for p in docs_problems(folder, SOURCES, Archive(ARCHIVE))]


def test_good_citations_pass() -> None:
    assert _problems(PAGES / "good") == []
    found = list(mentions((PAGES / "good" / "index.md").read_text("utf-8")))
    assert [(m.line, len(m.citations)) for m in found] == [(3, 1), (5, 1), (8, 2)]
    assert found[1].citations[0].how == "inferred"


def test_a_quote_not_in_its_source_and_an_unknown_source_are_both_reported() -> None:
    problems = _problems(PAGES / "bad")
    page = "tests/fixtures/pages/bad/about/x.md"
    assert len(problems) == 2, problems
    assert problems[0].startswith(
        f"{page}:3: citation: these words are not in the text of `example-board-minutes`"
    )
    assert "the nearest words are on its line 6" in problems[0]
    assert problems[1] == (
        f"{page}:6: citation: `example-union-newspaper` is not a source in data/sources.yaml "
        "— write the `id` of one of its entries after `cite=`, or add the source there"
    )


@pytest.mark.parametrize(
    ("braces", "expected"),
    [
        ('{cite=example-board-minutes quote="March 12" basis=inferred}', "needs a `note`"),
        ("{cite=example-board-minutes}", "gives none of its words"),
        ('{cite=example-district-report quote="12 schools"}', "holds no text of"),
        ("{cite=example-district-report}", "does not say so"),
        ('{cite=example-district-report basis=summarised quote="x"}', "no words to quote"),
        ('{cite=example-board-minutes quote="March 12" sauce=yes}', "`sauce` is not a field"),
    ],
)
def test_each_mistake_is_named(tmp_path: Path, braces: str, expected: str) -> None:
    (tmp_path / "x.md").write_text(f"Words [(source)]{braces}.\n", "utf-8")
    problems = _problems(tmp_path)
    assert len(problems) == 1 and expected in problems[0], problems


def test_showcase_validate_checks_the_pages_beside_the_data(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(FIXTURES / "good", tmp_path / "data")
    shutil.copytree(PAGES / "bad", tmp_path / "docs")
    assert main(["validate", "--data", str(tmp_path / "data"), "--archive", str(ARCHIVE)]) == 1
    err = capsys.readouterr().err
    assert "x.md:3: citation: these words are not in the text" in err
    assert "x.md:6: citation: `example-union-newspaper` is not a source" in err
    shutil.rmtree(tmp_path / "docs")
    shutil.copytree(PAGES / "good", tmp_path / "docs")
    assert main(["validate", "--data", str(tmp_path / "data"), "--archive", str(ARCHIVE)]) == 0


def _render(text: str, code: str = "en") -> BeautifulSoup:
    sources = str(FIXTURES / "good" / "sources.yaml")
    templates = str(ROOT / "overrides")
    citations = makeExtension(language=code, sources=sources, templates=templates)
    md = markdown.Markdown(extensions=["attr_list", citations])
    return BeautifulSoup(md.convert(text), "html.parser")


def test_a_citation_opens_onto_the_words_as_a_data_fact_does() -> None:
    page = _render((PAGES / "good" / "index.md").read_text("utf-8"))
    paragraph = page.find("p", string=None)
    assert paragraph is not None
    assert [s.get_text() for s in page.select("p .cs-cited")] == ["(board minutes)"] * 2
    # One disclosure after the paragraph, holding both citations' words, in order; not
    # inside the paragraph (a <details> closes a <p>).
    details = page.select("details.cs-evidence")
    assert len(details) == 2
    first = details[0]
    assert first.find_parent("p") is None
    assert first["class"] == ["cs-evidence", "cs-evidence--inferred", "info"]
    assert first.summary is not None and first.summary.get_text() == "Inferred from the source"
    words = first.select(".cs-evidence__words")
    assert [w.blockquote.get_text() for w in words if w.blockquote] == [
        "The Board approved the second cohort of community schools.",
        "joins the cohort this fall",
    ]
    assert words[0].blockquote is not None and words[0].blockquote["lang"] == "en"
    source = words[0].select_one(".cs-evidence__source")
    assert source is not None and "Example Unified School District" in source.get_text()
    assert "The minutes are of March 12, 2024." in words[1].get_text()
    # In a list item the disclosure ends the item.
    second = details[1]
    assert second.find_parent("li") is not None
    assert second["class"] == ["cs-evidence", "cs-evidence--summarised", "abstract"]
    assert second.select_one("a[href='https://example.org/community-schools-report']")
    assert "address is not yet recorded" in second.get_text()


def test_a_spanish_page_says_it_in_spanish() -> None:
    page = _render((PAGES / "good" / "index.md").read_text("utf-8"), "es")
    labels = [s.get_text() for s in page.select("details summary")]
    assert labels == ["Deducido de la fuente", "Resumido de la fuente"]
    assert "Deducido:" in page.get_text()


def _unevidenced(text: str) -> list[str]:
    """Sources named in the prose without a citation's evidence."""
    return NAMED_SOURCE.findall(" ".join(CITATION.sub("", text).split()))


def test_a_source_named_without_evidence_is_caught() -> None:
    # Negative control: the pattern the pages used before citations carried their words.
    assert _unevidenced("The CSIT began in 2017 (UTLA, 2024).") == ["(UTLA, 2024)"]
    assert _unevidenced('It did [(UTLA, 2024)]{cite=utla quote="x"}.') == []


@pytest.mark.parametrize("page", HAND_WRITTEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_source_a_page_names_carries_its_words(page: Path) -> None:
    text = page.read_text("utf-8")
    # The list of sources at the end names them by the label the prose uses.
    body = re.split(r"\n## (?:Sources|Fuentes)\n", text)[0]
    assert _unevidenced(body) == []
    assert list(mentions(body)), "the page cites no source"


def _built(site_dir: Path, name: str) -> BeautifulSoup:
    path = name.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else path + "/"
    return BeautifulSoup((site_dir / path / "index.html").read_text("utf-8"), "html.parser")


def test_the_built_pages_open_onto_the_words_of_every_citation(site_dir: Path) -> None:
    counted = {}
    for name in CONVERTED:
        page = _built(site_dir, name)
        article = page.select_one("article") or page
        shown = " | ".join(
            normalised(q.get_text(" ")) for q in article.select("details.cs-evidence blockquote")
        )
        cited = [
            c for m in mentions((ROOT / "docs" / name).read_text("utf-8")) for c in m.citations
        ]
        for citation in cited:
            if citation.quote:
                assert normalised(citation.quote) in shown, (name, citation.quote)
        # No mention is left as raw syntax, and no disclosure sits inside a paragraph.
        assert "{cite=" not in article.get_text()
        assert not article.select("p details")
        counted[name] = len(article.select(".cs-cited"))
    assert all(counted.values()), counted


def test_a_misquoted_page_stops_the_build_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # The archived texts sit beside the project (`shared/sources/`), as they do beside ours.
    (tmp_path / "shared").symlink_to(ROOT.parent / "shared")
    page = project / "docs" / "about" / "research.md"
    lines = page.read_text("utf-8").count("\n")
    page.write_text(
        page.read_text("utf-8")
        + 'Words [(UTLA)]{cite=utla-week-of-action-2024 quote="there are 56"}.\n',
        "utf-8",
    )
    result = build_site(tmp_path / "site", cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/about/research.md:{lines + 1}: citation: these words are not in" in output
    assert "Traceback" not in output
