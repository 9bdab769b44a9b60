"""Comparing names the way people mean them: "Considération" is "consideration"."""

import unicodedata
from functools import lru_cache


# Imports fold the same few stage names, sources and headers thousands of times.
@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """`text` without accents, case or repeated spaces, for matching names and headers."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())
