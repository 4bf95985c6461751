"""Link previews and QR codes: drawn once, kept in the cache, copied beside every page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from qr_reader import read_qr_svg

from showcase import resources
from showcase.pages.share import qr_svg
from showcase.publish import build_cache
from showcase.publish.build_cache import BuildCache
from showcase.publish.page_images import PREVIEW_NAME, QR_NAME, ImageDrawing, Preview, QrCode

URL = "https://example.org/schools/"


def _pages(count: int) -> tuple[list[Preview], list[QrCode]]:
    """A preview and a QR code for each of `count` school pages."""
    folders = [f"schools/s{n}/" for n in range(count)]
    previews = [Preview(folder, f"School {n}", "Kicker") for n, folder in enumerate(folders)]
    return previews, [QrCode(folder, f"{URL}s{n}/") for n, folder in enumerate(folders)]


def test_a_rebuild_draws_only_the_images_of_new_pages(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache", version="test")
    first = ImageDrawing(*_pages(3), "footer", cache)
    assert first.drawn == 6  # a preview and a QR code for each page
    first.finish(tmp_path / "site-1")
    second = ImageDrawing(*_pages(4), "footer", cache)
    assert second.drawn == 2  # only the new page's
    second.finish(tmp_path / "site-2")
    for n in range(4):
        folder = tmp_path / "site-2" / "schools" / f"s{n}"
        with Image.open(folder / PREVIEW_NAME) as preview:
            assert preview.size == (1200, 630)
        assert read_qr_svg((folder / QR_NAME).read_bytes()) == [f"{URL}s{n}/"]


def test_many_images_are_drawn_by_workers_and_each_qr_code_reads_its_page(
    tmp_path: Path,
) -> None:
    previews, qr_codes = _pages(40)  # 80 images: more than the build's own process draws
    cache = BuildCache(tmp_path / "cache", version="test")
    ImageDrawing(previews, qr_codes, "footer", cache).finish(tmp_path / "site")
    for code in qr_codes:
        assert read_qr_svg((tmp_path / "site" / code.folder / QR_NAME).read_bytes()) == [code.url]
    drawn = {(tmp_path / "site" / p.folder / PREVIEW_NAME).read_bytes() for p in previews}
    assert len(drawn) == len(previews)  # each shows its own title


def test_the_qr_check_reads_the_modules_and_sees_a_broken_code() -> None:
    svg = qr_svg(URL)
    assert read_qr_svg(svg) == [URL]
    # The SVG's title names the address too; the reader never looks at it.
    retitled = svg.replace(f"QR code: {URL}".encode(), b"QR code: https://example.org/other/")
    assert retitled != svg and read_qr_svg(retitled) == [URL]
    # A code for another address, or with its dark modules not drawn, does not read as URL.
    assert read_qr_svg(qr_svg(URL + "s1/")) == [URL + "s1/"]
    unfilled = svg.replace(b'fill="#000000"', b'fill="none"')
    assert unfilled != svg and read_qr_svg(unfilled) == []
    # A code of which only the top half is drawn does not read at all.
    path = re.search(rb' d="([^"]+)"', svg)
    assert path is not None
    modules = path[1].split(b"Z")
    torn = svg.replace(path[1], b"Z".join(modules[: len(modules) // 2]) + b"Z")
    assert read_qr_svg(torn) == []


def test_a_preview_without_a_qr_code_is_drawn_alone(tmp_path: Path) -> None:
    previews = [Preview("assets/", "Site", "Kicker", "preview.png")]
    ImageDrawing(previews, [], "footer", BuildCache(tmp_path, "test")).finish(tmp_path / "s")
    assert [p.name for p in (tmp_path / "s" / "assets").iterdir()] == ["preview.png"]


def test_a_build_killed_while_writing_leaves_no_half_image_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "preview.png"

    def killed(source: object, destination: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        build_cache.write(target, b"\x89PNG" + bytes(100_000))
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    build_cache.write(target, b"whole")
    assert target.read_bytes() == b"whole"


def test_the_cache_key_changes_with_the_code_fonts_and_libraries_that_draw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "showcase"
    shutil.copytree(resources.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build_cache, "PACKAGE", package)
    before = build_cache.drawing_version()
    assert build_cache.drawing_version() == before
    for changed in ("publish/previews.py", "fonts/DejaVuSans.ttf"):
        with (package / changed).open("ab") as stream:
            stream.write(b"\n")
        after = build_cache.drawing_version()
        assert after != before, changed
        before = after
    monkeypatch.setattr(build_cache, "version", lambda library: "0.0-another")
    assert build_cache.drawing_version() != before
