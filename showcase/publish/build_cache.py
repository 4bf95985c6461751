"""A folder of things that are slow to make and never change for the same input.

Preview images and QR codes depend only on a page's title and address, and on the code, fonts
and libraries that draw them, so a rebuild makes only those of new or renamed pages; the rest
are read back from here. Every file is written whole or not at all (`write`): a build killed
halfway leaves no truncated image for the next build to trust.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

from showcase.resources import PACKAGE

# What the cached images are made by: a change to any of these makes every image anew.
DRAWN_BY = (
    "publish/previews.py",
    "pages/share.py",
    "publish/page_images.py",
    "publish/build_cache.py",
)
DRAWING_LIBRARIES = ("pillow", "zxing-cpp")


def drawing_version() -> str:
    """A digest of the code, fonts and library versions that draw the cached images."""
    digest = hashlib.sha256()
    for name in DRAWN_BY:
        digest.update((PACKAGE / name).read_bytes())
    for font in sorted((PACKAGE / "fonts").glob("*.ttf")):
        digest.update(font.read_bytes())
    for library in DRAWING_LIBRARIES:
        digest.update(f"{library}=={version(library)}".encode())
    return digest.hexdigest()[:16]


class BuildCache:
    def __init__(self, folder: Path, version: str) -> None:
        self.folder = folder
        self.version = version

    def path(self, kind: str, *key: str, suffix: str) -> Path:
        digest = hashlib.sha256("\0".join([self.version, kind, *key]).encode()).hexdigest()
        return self.folder / kind / f"{digest[:32]}{suffix}"


def write(path: Path, content: bytes) -> None:
    """Write `content` to `path` whole: into a file beside it first, then renamed into place."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
