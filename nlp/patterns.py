"""The lexicon's regular expressions, each compiled once for the process.

Why: the question service searches a few thousand patterns of fixed tables (``nlp.lexicon``'s
measure, unit, kind and relative-year words, the cue tables) with ``re.search(text_pattern, …)``,
more distinct patterns than ``re``'s own cache holds (512): it kept evicting and compiling them
again, about one compile of 1–2 ms a question and several in the slowest (issue 9). Only for
patterns drawn from fixed tables — a pattern built from a question's or the graph's names would
grow this cache without end; those keep ``re``'s own bounded cache.
"""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=None)
def compiled(pattern: str) -> re.Pattern:
    """``re.compile(pattern)``, once per pattern (no flags: as ``re.search(pattern, text)``)."""
    return re.compile(pattern)
