"""The hook's search index (hooks/search_index.py) is the file Material's search plugin writes.

The reference is Material's own plugin, configured from mkdocs.yml, writing the same entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

PAGES: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "schools/escuela/",
        "Escuela «Nuestra Señora» — Educación",
        '<h1 id="escuela">Escuela «Nuestra Señora»</h1><p>Familias y maestros: 100% juntos.</p>'
        '<h2 id="programs">Programs &amp; "partners"</h2><p>Tutoring &lt;after&gt; school 📚,'
        " a resource fair, and a garden\u2028club.</p>",
        {"tags": ["Cohort I", 2024], "search": {"boost": 2}},
    ),
    (
        "stories/robotics/",
        "Robotics showcase",
        "<p>No heading first: the page title is the section title.</p>"
        '<h2 id="team">The team</h2><p>Eight students\tand a coach.</p>',
        {},
    ),
    (
        "about/hidden/",
        "Hidden",
        "<h1>Hidden</h1><p>Never indexed.</p>",
        {"search": {"exclude": True}},
    ),
]


@dataclass
class IndexedPage:
    """What Material's index reads of a page when the page is rendered."""

    url: str
    title: str
    content: str
    meta: dict[str, Any]
    toc: list[Any] = field(default_factory=list)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MkDocsConfig]:
    """The project's MkDocs settings with Material's search plugin set up as in a build, and
    the pages above added to its index."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    # mkdocs.yml reads these; whatever the caller's shell sets must not reach this test.
    for name in ("SITE_URL", "EDIT_URI", "SHOWCASE_DATA", "REPOSITORY_URL", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.syspath_prepend(str(ROOT / "hooks"))
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin: Any = config.plugins["material/search"]
    plugin.on_config(config)
    for url, title, content, meta in PAGES:
        plugin.search_index.add_entry_from_context(IndexedPage(url, title, content, meta))
    yield config


def material_writes(config: MkDocsConfig, folder: Path) -> bytes | None:
    """What Material's search plugin writes at the end of a build, had the site gone to
    `folder`; None if it writes nothing."""
    plugin: Any = config.plugins["material/search"]
    site_dir, config.site_dir = config.site_dir, str(folder)
    try:
        plugin.on_post_build(config=config)
    finally:
        config.site_dir = site_dir
    index = folder / "search" / "search_index.json"
    return index.read_bytes() if index.exists() else None


def hook_writes(config: MkDocsConfig) -> bytes:
    import search_index

    search_index.write(config)
    return Path(config.site_dir, "search", "search_index.json").read_bytes()


def test_the_hook_writes_the_index_material_writes_byte_for_byte(
    config: MkDocsConfig, tmp_path: Path
) -> None:
    expected = material_writes(config, tmp_path / "material")
    assert expected is not None
    # Every page but the excluded one, a section for each heading.
    assert [doc["location"] for doc in json.loads(expected)["docs"]] == [
        "schools/escuela/",
        "schools/escuela/#programs",
        "stories/robotics/",
        "stories/robotics/#team",
    ]

    assert hook_writes(config) == expected


def test_once_the_hook_has_written_the_index_material_writes_nothing(
    config: MkDocsConfig, tmp_path: Path
) -> None:
    written = hook_writes(config)
    assert material_writes(config, tmp_path / "material") is None
    assert Path(config.site_dir, "search", "search_index.json").read_bytes() == written


def test_the_comparison_sees_an_index_written_another_way(
    config: MkDocsConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import search_index

    expected = material_writes(config, tmp_path / "material")
    # The same entries, read back the same, but not the bytes Material writes.
    monkeypatch.setattr(search_index, "_json", lambda value: json.dumps(value, default=str))
    written = hook_writes(config)
    assert json.loads(written) == json.loads(expected or b"")
    assert written != expected
