"""Learned corrections to the scorer's weights (see ``nlp.scorer``); none until trained."""
from __future__ import annotations


def learned_weights() -> dict[str, float]:
    return {}
