"""Link previews and QR codes: drawn once, kept in the cache, copied beside every page."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from showcase.build_cache import BuildCache
from showcase.page_images import PREVIEW_NAME, QR_NAME, ImageDrawing, PageImages

URL = "https://example.org/schools/"


def _pages(count: int) -> list[PageImages]:
    return [
        PageImages(f"schools/s{n}/", f"{URL}s{n}/", f"School {n}", "School profile")
        for n in range(count)
    ]


def test_a_rebuild_draws_only_the_images_of_new_pages(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache", version="test")
    first = ImageDrawing(_pages(3), "footer", cache)
    assert first.drawn == 6  # a preview and a QR code for each page
    first.finish(tmp_path / "site-1")
    second = ImageDrawing(_pages(4), "footer", cache)
    assert second.drawn == 2  # only the new page's
    second.finish(tmp_path / "site-2")
    for n in range(4):
        folder = tmp_path / "site-2" / "schools" / f"s{n}"
        with Image.open(folder / PREVIEW_NAME) as preview:
            assert preview.size == (1200, 630)
        assert (folder / QR_NAME).read_bytes().startswith(b"<svg")


def test_many_images_are_drawn_by_workers_and_each_qr_code_reads_its_page(
    tmp_path: Path,
) -> None:
    pages = _pages(40)  # 80 images: more than are drawn in the build's own process
    drawing = ImageDrawing(pages, "footer", BuildCache(tmp_path / "cache", version="test"))
    drawing.finish(tmp_path / "site")
    svg = (tmp_path / "site" / pages[7].folder / QR_NAME).read_text("utf-8")
    assert f"QR code: {pages[7].url}" in svg
    previews = {(tmp_path / "site" / p.folder / PREVIEW_NAME).read_bytes() for p in pages}
    assert len(previews) == len(pages)  # each shows its own title


def test_the_site_preview_has_no_qr_code(tmp_path: Path) -> None:
    page = PageImages("assets/", URL, "Site", "Kicker", "preview.png", with_qr=False)
    ImageDrawing([page], "footer", BuildCache(tmp_path, version="test")).finish(tmp_path / "s")
    assert [p.name for p in (tmp_path / "s" / "assets").iterdir()] == ["preview.png"]
