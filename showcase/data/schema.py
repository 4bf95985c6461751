"""JSON Schema files generated from the models, for editors that check YAML as it is typed."""

from __future__ import annotations

import json
from pathlib import Path

from showcase.data.models import (
    CohortsFile,
    DisagreementsFile,
    Record,
    SchoolsFile,
    SourcesFile,
    Story,
    WeeksFile,
)

SCHEMAS: dict[str, type[Record]] = {
    "sources": SourcesFile,
    "cohorts": CohortsFile,
    "schools": SchoolsFile,
    "weeks-of-action": WeeksFile,
    "story": Story,
    "disagreements": DisagreementsFile,
}


def schema_texts() -> dict[str, str]:
    """File name → JSON text of each schema."""
    texts = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        texts[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`; return the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for file_name, text in schema_texts().items():
        path = folder / file_name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files in `folder` that differ from the models."""
    return [
        file_name
        for file_name, text in schema_texts().items()
        if not (folder / file_name).is_file()
        or (folder / file_name).read_text(encoding="utf-8") != text
    ]
