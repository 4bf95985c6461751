"""School names compared the way people read them: `Dr.` is `Drive`, `ES` is `Elementary School`."""

from __future__ import annotations

import re
import unicodedata

_ABBREVIATIONS = {
    "es": "elementary school",
    "elem": "elementary",
    "ms": "middle school",
    "hs": "high school",
    "dr": "drive",
    "st": "street",
    "ave": "avenue",
    "av": "avenue",
    "blvd": "boulevard",
    "ctr": "center",
    "cntr": "center",
    "acad": "academy",
    "lc": "learning complex",
    "sch": "school",
    "mt": "mount",
}


def comparable_name(name: str) -> str:
    """The name with case, accents, punctuation and abbreviations folded away."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    expanded = " ".join(_ABBREVIATIONS.get(word, word) for word in words)
    # "Elementary" alone and "Elementary School" name the same kind of school.
    return re.sub(r"\b(elementary|middle|high) school\b", r"\1", expanded)
