"""The images shared pages carry: link previews, and the QR codes of printed flyers.

A preview depends only on the lines it shows, a QR code only on its page's address, so both are
kept in the build cache and a rebuild draws only those of new or renamed pages. A first build
of thousands of pages draws them in worker processes while the pages render, then links them
into the site (`ImageDrawing.finish`).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from showcase.pages.share import qr_svg
from showcase.publish.build_cache import BuildCache, write
from showcase.publish.previews import preview_png

PREVIEW_NAME = "preview.png"
QR_NAME = "qr.svg"
# Fewer images than this are drawn in the build's own process: starting workers costs more.
_POOL_THRESHOLD = 50


@dataclass(frozen=True)
class Preview:
    """A link preview to draw into `folder` (a page's path in the site) under `name`."""

    folder: str
    title: str
    kicker: str
    name: str = PREVIEW_NAME


@dataclass(frozen=True)
class QrCode:
    """A QR code for `url`, the address of the page at `folder`, drawn beside it."""

    folder: str
    url: str


@dataclass(frozen=True, slots=True)
class _Job:
    """One image: drawn into `cached` unless already there, then linked to `target` in the
    site. A build holds one for every image, so the paths are strings, not larger Paths."""

    kind: str  # "preview" or "qr"
    arguments: tuple[str, ...]
    cached: str
    target: str


def _draw(job: _Job) -> None:
    draw = preview_png if job.kind == "preview" else qr_svg
    write(Path(job.cached), draw(*job.arguments))


class ImageDrawing:
    """Images being drawn; `finish` waits for them and copies every page's into the site."""

    def __init__(
        self, previews: list[Preview], qr_codes: list[QrCode], footer: str, cache: BuildCache
    ) -> None:
        self._jobs: list[_Job] = []
        for preview in previews:
            cached = str(
                cache.path("preview", preview.title, preview.kicker, footer, suffix=".png")
            )
            arguments = (preview.title, preview.kicker, footer)
            self._jobs.append(_Job("preview", arguments, cached, preview.folder + preview.name))
        for code in qr_codes:
            cached = str(cache.path("qr", code.url, suffix=".svg"))
            self._jobs.append(_Job("qr", (code.url,), cached, code.folder + QR_NAME))
        missing = {job.cached: job for job in self._jobs if not Path(job.cached).is_file()}
        self._missing = list(missing.values())
        for folder in {Path(cached).parent for cached in missing}:
            folder.mkdir(parents=True, exist_ok=True)
        self._pool: Executor | None = None
        self._results: Iterator[None] = iter(())
        if len(self._missing) > _POOL_THRESHOLD:
            # Spawned, not forked: `mkdocs serve` runs threads; a fork of such a process may hang.
            self._pool = ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn"))
            self._results = self._pool.map(_draw, self._missing, chunksize=32)

    @property
    def drawn(self) -> int:
        """How many images this build draws (the rest come from the cache)."""
        return len(self._missing)

    def finish(self, site_dir: Path) -> None:
        if self._pool is None:
            for job in self._missing:
                _draw(job)
        else:
            with self._pool:
                list(self._results)
        for job in self._jobs:
            path = site_dir / job.target
            path.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(job.cached, path)

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def _link_or_copy(source: str, target: Path) -> None:
    # A hard link costs no copy; it needs the cache and the site on one file system.
    try:
        os.link(source, target)
    except FileExistsError:
        target.unlink()
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
