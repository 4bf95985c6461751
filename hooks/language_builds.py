"""The site in its other languages, each built by MkDocs in a process of its own, side by
side with the default language's build, then moved into its folder (`es/`).

A forked process starts with everything already imported and keeps its memory apart, so the
two builds share the machine's cores and neither holds the other's pages.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import tempfile
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


@dataclass
class LanguageBuild:
    """One language's build under way: `finish` waits for it and moves its site into place."""

    name: str
    folder: str
    output: Path
    process: BaseProcess

    def finish(self, site_dir: Path) -> None:
        self.process.join()
        try:
            if self.process.exitcode != 0:
                raise MkDocsException(
                    f"The {self.name} site did not build: its problems are listed above."
                )
            target = site_dir / self.folder
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(self.output, target)
        finally:
            shutil.rmtree(self.output.parent, ignore_errors=True)

    def cancel(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        shutil.rmtree(self.output.parent, ignore_errors=True)


def start(
    name: str, config_file: Path, folder: str, site_url: str, strict: bool, scratch: Path
) -> LanguageBuild:
    """Start building the site of `config_file` at `site_url`, in a scratch folder under
    `scratch` (on the same disk as the site, so that moving it in is a rename)."""
    scratch.mkdir(parents=True, exist_ok=True)
    output = Path(tempfile.mkdtemp(prefix=f"{folder.strip('/')}-", dir=scratch)) / "site"
    process = multiprocessing.get_context("fork").Process(
        target=_build, args=(config_file, output, site_url, strict), name=f"build {name}"
    )
    process.start()
    return LanguageBuild(name, folder, output, process)


def _build(config_file: Path, output: Path, site_url: str, strict: bool) -> None:
    try:
        config = load_config(
            config_file=str(config_file), site_dir=str(output), site_url=site_url, strict=strict
        )
        build(config)
    except MkDocsException as error:
        # MkDocs has logged each problem already; this says which build stopped.
        print(f"ERROR   -  {error}", file=sys.stderr)
        sys.exit(1)
