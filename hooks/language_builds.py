"""The site in its other languages, each built by MkDocs in a process of its own, side by
side with the default language's build, then moved into its folder (`es/`).

The process is a new Python interpreter running `build_language.py` (not a fork: `mkdocs serve` runs
threads, and a forked copy of a threaded process may hang), so it reads the data again (without
the checks the default build has just made of the same files: `read_catalog(checked=True)`); it
keeps its memory apart, and the two builds share the machine's cores.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import build_language
import mkdocs
from mkdocs.exceptions import MkDocsException

STARTED_BESIDE = build_language.STARTED_BESIDE


@dataclass
class LanguageBuild:
    """One language's build under way: `finish` waits for it and moves its site into place."""

    name: str
    folder: str
    output: Path
    process: subprocess.Popen[bytes]

    def finish(self, site_dir: Path) -> None:
        self.process.wait()
        try:
            if self.process.returncode != 0:
                raise MkDocsException(
                    f"The {self.name} site did not build: its problems are listed above."
                )
            target = site_dir / self.folder
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(self.output, target)
        finally:
            shutil.rmtree(self.output.parent, ignore_errors=True)

    def cancel(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.output.parent, ignore_errors=True)


def start(
    name: str, config_file: Path, folder: str, site_url: str, strict: bool, scratch: Path
) -> LanguageBuild:
    """Start building the site of `config_file` at `site_url`, in a scratch folder under
    `scratch` (on the same disk as the site, so that moving it in is a rename). Its messages
    go where this build's go, at the same level."""
    scratch.mkdir(parents=True, exist_ok=True)
    output = Path(tempfile.mkdtemp(prefix=f"{folder.strip('/')}-", dir=scratch)) / "site"
    level = logging.getLevelName(logging.getLogger("mkdocs").getEffectiveLevel())
    script = Path(build_language.__file__).resolve()
    command = [sys.executable, str(script), str(config_file), str(output), "--site-url", site_url]
    # `mkdocs` is ProperDocs's own package when ProperDocs runs this build.
    command += ["--log-level", level, "--engine", mkdocs.__name__]
    command += ["--strict"] if strict else []
    return LanguageBuild(name, folder, output, subprocess.Popen(command))
