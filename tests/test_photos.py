"""Photo files a coordinator uploads: checked for format, size and hidden location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from showcase.data.photos import photo_file_problems


def _photo(path: Path, size: tuple[int, int] = (640, 480), image_format: str = "JPEG") -> Path:
    Image.new("RGB", size, (40, 140, 120)).save(path, image_format)
    return path


def _messages(path: Path) -> str:
    return " | ".join(message for message, _fix in photo_file_problems(path))


def test_an_ordinary_photo_passes(tmp_path: Path) -> None:
    for name, image_format in [("a.jpg", "JPEG"), ("b.png", "PNG"), ("c.webp", "WEBP")]:
        assert list(photo_file_problems(_photo(tmp_path / name, image_format=image_format))) == []


def test_a_photo_with_its_gps_position_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garden.jpg"
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (34.0, 3.0, 0.0), 3: "W", 4: (118.0, 15.0, 0.0)})
    Image.new("RGB", (640, 480)).save(path, "JPEG", exif=exif)
    assert "GPS position" in _messages(path)
    stripped = tmp_path / "stripped.jpg"
    Image.open(path).save(stripped, "JPEG")  # saving without exif drops the location
    assert _messages(stripped) == ""


def test_a_photo_larger_than_2000_px_is_refused(tmp_path: Path) -> None:
    assert "2400×1000 px, larger than 2000 px" in _messages(
        _photo(tmp_path / "wide.png", (2400, 1000), "PNG")
    )
    assert _messages(_photo(tmp_path / "edge.png", (2000, 1000), "PNG")) == ""


def test_a_photo_over_500_kb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noisy.png"
    Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000)).save(path, "PNG")
    assert path.stat().st_size > 500 * 1024
    assert "more than the 500 KB allowed" in _messages(path)


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused_even_when_named_jpg(
    tmp_path: Path, image_format: str
) -> None:
    path = _photo(tmp_path / "disguised.jpg", image_format=image_format)
    assert f"a {image_format} file; only JPEG, PNG and WebP" in _messages(path)


def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("these are notes, not a photo")
    assert "not a readable JPEG, PNG or WebP image" in _messages(path)


def test_a_photo_that_is_a_link_to_another_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "anything.jpg"
    secret.parent.mkdir()
    _photo(secret)
    link = tmp_path / "garden.jpg"
    link.symlink_to(secret)
    assert "is a link to another file" in _messages(link)
    # The control: the same photo, uploaded itself, passes.
    assert _messages(_photo(tmp_path / "garden-itself.jpg")) == ""
