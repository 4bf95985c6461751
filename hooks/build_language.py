"""Builds one language of the site; run by `language_builds.start` in a new Python interpreter.

Nothing from the engine is imported before the engine is chosen: the build that started this
one runs MkDocs or ProperDocs, which answers to the name `mkdocs` once its `replacement` module
is imported, and this one must run the same.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# Set in the settings of a build started this way: the build that started it has already
# checked the data and the hand-written pages, its own included.
STARTED_BESIDE = "started_beside_another_language"


def main() -> None:
    parser = argparse.ArgumentParser(description="Build one language of the site.")
    parser.add_argument("config_file")
    parser.add_argument("output")
    parser.add_argument("--site-url", required=True)
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "properdocs"])
    arguments = parser.parse_args()
    if arguments.engine != "mkdocs":
        importlib.import_module(f"{arguments.engine}.replacement")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # MkDocs's own command line prints its messages this way.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(arguments.log_level)
    try:
        config = load_config(
            config_file=arguments.config_file,
            site_dir=arguments.output,
            site_url=arguments.site_url,
            strict=arguments.strict,
        )
        config.extra[STARTED_BESIDE] = True
        build(config)
    except MkDocsException as error:
        # MkDocs has logged each problem already; this says which build stopped.
        print(f"ERROR   -  {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
