"""Material's search index, written one entry at a time.

Material's search plugin makes its whole index into one string, then a copy of it as bytes,
when the build ends: at ten thousand schools a language, some 70 MB more than the build holds
at any other moment. `write` writes the same file, byte for byte, an entry at a time, before
the plugin would, and tells the plugin it is done.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

PLUGIN = "material/search"
# What Material writes under "config", in its order (SearchIndex.generate_search_index).
_CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


def write(config: MkDocsConfig) -> None:
    """Write the index Material's search plugin gathered; leave it to the plugin when it
    merges a rebuild into the previous index (`serve --dirty`) or is not running."""
    plugin: Any = config.plugins.get(PLUGIN)
    index = getattr(plugin, "search_index", None)
    if index is None or not plugin.config.enabled or getattr(plugin, "is_dirty", False):
        return
    path = Path(config.site_dir, "search", "search_index.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = {key: index.config[key] for key in _CONFIG_KEYS}
    with path.open("w", encoding="utf-8") as out:
        # As json.dumps(data, separators=(",", ":"), default=str), one entry at a time.
        out.write('{"config":' + _json(settings) + ',"docs":[')
        for number, entry in enumerate(index.entries):
            out.write(("," if number else "") + _json(entry))
        out.write("]}")
    # Written: the plugin's own on_post_build now does nothing. Its settings are read afresh
    # for every build, `serve`'s rebuilds included, so this lasts for this build only.
    plugin.config.enabled = False


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), default=str)
