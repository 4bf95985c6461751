"""Checks on a story's photo files: real images, small enough, and no location inside."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_BYTES = 500 * 1024
MAX_SIDE = 2000
_FORMATS = {"JPEG", "PNG", "WEBP"}
_GPS_IFD = 0x8825


def photo_file_problems(path: Path) -> Iterator[tuple[str, str]]:
    """(what is wrong, how to fix it) for each rule the photo file breaks."""
    if path.is_symlink():
        yield (
            f"the photo `{path.name}` is a link to another file, not a photo",
            f"upload the photo itself as `{path.name}`",
        )
        return
    if not path.is_file():
        yield (
            f"the photo `{path.name}` is not next to the story file",
            f"upload `{path.name}` into the same folder as the story, or fix the file name",
        )
        return
    size = path.stat().st_size
    if size > MAX_BYTES:
        yield (
            f"the photo is {size // 1024} KB, more than the 500 KB allowed",
            "save it smaller (for example 1200 px wide, JPEG quality 80) and upload it again",
        )
    try:
        with Image.open(path) as image:
            image_format, (width, height) = image.format, image.size
            has_location = bool(image.getexif().get_ifd(_GPS_IFD))
    except (UnidentifiedImageError, OSError):
        yield (
            "the file is not a readable JPEG, PNG or WebP image",
            "export the photo again as JPEG, PNG or WebP",
        )
        return
    if image_format not in _FORMATS:
        yield (
            f"the photo is a {image_format} file; only JPEG, PNG and WebP are accepted",
            "export it again as JPEG, PNG or WebP",
        )
    if max(width, height) > MAX_SIDE:
        yield (
            f"the photo is {width}×{height} px, larger than {MAX_SIDE} px on its long side",
            f"resize it to at most {MAX_SIDE} px on its longest side",
        )
    if has_location:
        yield (
            "the photo carries the GPS position where it was taken",
            "remove the location from the photo (on a phone: share it without location, or "
            "turn off location for the camera) and upload it again",
        )
