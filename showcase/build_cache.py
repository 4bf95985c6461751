"""A folder of things that are slow to make and never change for the same input.

Preview images and QR codes depend only on a page's title and address, so a rebuild makes
only those of new or renamed pages; the rest are read back from here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


class BuildCache:
    def __init__(self, folder: Path, version: str) -> None:
        self.folder = folder
        self.version = version

    def path(self, kind: str, *key: str, suffix: str) -> Path:
        digest = hashlib.sha256("\0".join([self.version, kind, *key]).encode()).hexdigest()
        return self.folder / kind / f"{digest[:32]}{suffix}"
